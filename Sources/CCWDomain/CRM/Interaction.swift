import Foundation

/// A call, email, meeting or note logged against a contact, company or deal (FR-1.3), with
/// every field of the seed's Interaction. Tasks are their own type (`CRMTask`).
public struct Interaction: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        case call, email, meeting, note
        public var description: String { rawValue }
        /// Calls and emails go one way or the other; meetings and notes have no direction.
        public var hasDirection: Bool { self == .call || self == .email }
        /// Outcomes a form offers for this kind (free text is allowed too).
        public var suggestedOutcomes: [String] {
            switch self {
            case .call: ["connected", "left voicemail", "no answer", "busy", "wrong number"]
            case .email: ["sent", "replied", "bounced"]
            case .meeting: ["held", "no-show", "rescheduled"]
            case .note: []
            }
        }
    }

    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        case inbound, outbound
    }

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case scheduled, completed, cancelled
    }

    public var id: Int64?
    public var kind: Kind
    public var subject: String
    public var description: String
    public var outcome: String
    /// Milliseconds since 1970 UTC.
    public var scheduledAt: Int64?
    public var completedAt: Int64?
    public var durationMinutes: Int?
    public var contactID: ContactID?
    public var companyID: CompanyID?
    public var dealID: DealID?
    /// Users who took part.
    public var participants: [UserID]
    public var status: Status
    public var direction: Direction?
    /// File paths or URLs of attachments.
    public var attachments: [String]

    public init(id: Int64? = nil, kind: Kind, subject: String, description: String = "", outcome: String = "",
                scheduledAt: Int64? = nil, completedAt: Int64? = nil, durationMinutes: Int? = nil,
                contactID: ContactID? = nil, companyID: CompanyID? = nil, dealID: DealID? = nil,
                participants: [UserID] = [], status: Status = .completed, direction: Direction? = nil,
                attachments: [String] = []) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.description = description
        self.outcome = outcome
        self.scheduledAt = scheduledAt
        self.completedAt = completedAt
        self.durationMinutes = durationMinutes
        self.contactID = contactID
        self.companyID = companyID
        self.dealID = dealID
        self.participants = participants
        self.status = status
        self.direction = direction
        self.attachments = attachments
    }

    /// When it happened (completed) or is planned (scheduled): what the activity timeline
    /// sorts by and what "interactions in the last N days" counts.
    public var occurredAt: Int64? { completedAt ?? scheduledAt }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if subject.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "subject", message: "a subject is required"))
        } else if subject.count > 200 {
            errors.append(FieldError(field: "subject", message: "longer than 200 characters"))
        }
        if contactID == nil && companyID == nil && dealID == nil {
            errors.append(FieldError(field: "contact", message: "link the \(kind) to a contact, a company or a deal"))
        }
        if direction != nil && !kind.hasDirection {
            errors.append(FieldError(field: "direction", message: "a \(kind) has no direction (only calls and emails)"))
        }
        if let minutes = durationMinutes {
            if kind == .note {
                errors.append(FieldError(field: "duration", message: "a note has no duration"))
            } else if minutes < 0 || minutes > 24 * 60 {
                errors.append(FieldError(field: "duration", message: "\(minutes) minutes is out of range (0 to 1440)"))
            }
        }
        switch status {
        case .scheduled where scheduledAt == nil:
            errors.append(FieldError(field: "scheduled at", message: "a scheduled \(kind) needs a date and time"))
        case .completed where completedAt == nil:
            errors.append(FieldError(field: "completed at", message: "a completed \(kind) needs the time it happened"))
        case .scheduled where completedAt != nil:
            errors.append(FieldError(field: "completed at", message: "a scheduled \(kind) has not happened yet"))
        default: break
        }
        if outcome.count > 200 { errors.append(FieldError(field: "outcome", message: "longer than 200 characters")) }
        if Set(participants).count != participants.count {
            errors.append(FieldError(field: "participants", message: "a user is listed twice"))
        }
        return errors
    }
}
