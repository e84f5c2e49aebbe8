import CCWCore
import CCWDomain

/// Logging a call, email, meeting or note about a contact, a company or a deal in a few
/// keystrokes: the kind defaults to a call, the time to now, the direction to outbound. A time
/// in the future schedules it instead of recording it as done.
public final class InteractionFormModel {
    public enum Field: String, CaseIterable, Sendable {
        case kind, direction, subject, when, duration, outcome, notes

        public var label: String {
            switch self {
            case .kind: "Type"
            case .direction: "Direction"
            case .subject: "Subject"
            case .when: "When"
            case .duration: "Minutes"
            case .outcome: "Outcome"
            case .notes: "Notes"
            }
        }
    }

    /// What the interaction is about.
    public struct Subject: Sendable, Hashable {
        public var contact: ContactID?
        public var company: CompanyID?
        public var deal: DealID?
        /// "Jürgen Müller", for the form's title.
        public var name: String

        public init(contact: ContactID? = nil, company: CompanyID? = nil, deal: DealID? = nil, name: String) {
            self.contact = contact
            self.company = company
            self.deal = deal
            self.name = name
        }
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(InteractionRecord)
        case invalid
        case failed(String)
    }

    public let session: AppSession
    public let subject: Subject
    public private(set) var values: [Field: String]
    public private(set) var errors: [Field: String] = [:]
    public private(set) var lastOutcome: Outcome = .none

    public static let noDirection = "—"

    public init(session: AppSession, about subject: Subject, kind: Interaction.Kind = .call) {
        self.session = session
        self.subject = subject
        values = [.kind: kind.rawValue, .direction: kind.hasDirection ? Interaction.Direction.outbound.rawValue : Self.noDirection,
                  .when: "now"]
    }

    public func value(_ f: Field) -> String { values[f] ?? "" }
    public var kind: Interaction.Kind { Interaction.Kind(rawValue: value(.kind)) ?? .call }
    public var isDirty: Bool { !value(.subject).isEmpty || !value(.notes).isEmpty || !value(.outcome).isEmpty }

    public func send(_ f: Field, _ text: String) {
        values[f] = text
        errors[f] = nil
        lastOutcome = .none
        if f == .kind {
            let k = kind
            if !k.hasDirection { values[.direction] = Self.noDirection }
            else if value(.direction) == Self.noDirection { values[.direction] = Interaction.Direction.outbound.rawValue }
        }
    }

    public func save() {
        errors = [:]
        let now = session.clock.now()
        var when: Int64?
        do { when = try LocalTimeInput.parse(value(.when), now: now, in: session.scope.zone) } catch {
            errors[.when] = (error as? InputError)?.message ?? describe(error)
        }
        var minutes: Int?
        let durationText = value(.duration).trimmingCharacters(in: .whitespaces)
        if !durationText.isEmpty {
            if let m = Int(durationText) { minutes = m } else { errors[.duration] = "\"\(durationText)\" is not a number of minutes" }
        }
        guard errors.isEmpty, let when else { lastOutcome = .invalid; return }
        let direction = Interaction.Direction(rawValue: value(.direction))
        let scheduled = when > now
        let interaction = Interaction(
            kind: kind, subject: value(.subject).trimmingCharacters(in: .whitespaces), description: value(.notes),
            outcome: value(.outcome).trimmingCharacters(in: .whitespaces), scheduledAt: scheduled ? when : nil,
            completedAt: scheduled ? nil : when, durationMinutes: minutes, contactID: subject.contact, companyID: subject.company,
            dealID: subject.deal, participants: [UserID(session.scope.userId)], status: scheduled ? .scheduled : .completed,
            direction: kind.hasDirection ? direction : nil)
        do {
            lastOutcome = .saved(try session.database.interactions.log(session.scope, interaction))
        } catch CoreError.invalid(let fieldErrors) {
            for e in fieldErrors { errors[Self.field(named: e.field)] = e.message }
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    static func field(named name: String) -> Field {
        let key = name.lowercased()
        if key.contains("direction") { return .direction }
        if key.contains("duration") || key.contains("minute") { return .duration }
        if key.contains("outcome") { return .outcome }
        if key.contains("at") && (key.contains("scheduled") || key.contains("completed")) { return .when }
        if key.contains("description") || key.contains("note") { return .notes }
        return .subject
    }
}
