import CCWCore
import CCWDomain

/// The organization settings form (name, base currency, time zone, default country), saved with
/// optimistic locking: if someone saved in between, the user chooses reload, keep mine or cancel.
public final class SettingsModel {
    public enum Field: String, CaseIterable, Sendable {
        case name, baseCurrency, timeZone, defaultCountry

        public var label: String {
            switch self {
            case .name: "Organization name"
            case .baseCurrency: "Base currency"
            case .timeZone: "Time zone"
            case .defaultCountry: "Default country"
            }
        }
    }

    public enum Intent: Sendable {
        case load
        case set(Field, String)
        case save
        /// After a conflict: take the stored values and drop the edits.
        case reloadTheirs
        /// After a conflict: save the edits over the newer version.
        case keepMine
        case discard
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved
        case invalid
        case conflict(String)
        case failed(String)
    }

    public let session: AppSession
    public private(set) var values: [Field: String] = [:]
    public private(set) var errors: [Field: String] = [:]
    public private(set) var stored: Organization?
    public private(set) var lastOutcome: Outcome = .none
    private var conflictVersion: Int64?

    public init(session: AppSession) { self.session = session }

    public var canEdit: Bool { session.can(.edit, in: .admin) }
    public var isDirty: Bool {
        guard let o = stored else { return false }
        return values[.name] != o.name || values[.baseCurrency] != o.baseCurrency.code
            || values[.timeZone] != o.timeZone || (values[.defaultCountry] ?? "") != (o.defaultCountry ?? "")
    }

    public func value(_ f: Field) -> String { values[f] ?? "" }

    public func send(_ intent: Intent) {
        switch intent {
        case .load, .reloadTheirs, .discard: load()
        case .set(let f, let v): values[f] = v; errors[f] = nil; lastOutcome = .none
        case .save: save(expected: stored?.version)
        case .keepMine: save(expected: conflictVersion)
        }
    }

    private func load() {
        do {
            let o = try session.database.orgSettings.get(session.scope)
            stored = o
            values = [.name: o.name, .baseCurrency: o.baseCurrency.code, .timeZone: o.timeZone, .defaultCountry: o.defaultCountry ?? ""]
            errors = [:]
            conflictVersion = nil
            lastOutcome = .none
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    private func save(expected: Int64?) {
        guard let expected else { lastOutcome = .failed("settings were not loaded"); return }
        do {
            let country = value(.defaultCountry).trimmingCharacters(in: .whitespaces)
            let o = try session.database.orgSettings.update(
                session.scope, name: value(.name), baseCurrency: value(.baseCurrency), timeZone: value(.timeZone),
                defaultCountry: .some(country.isEmpty ? nil : country), expectedVersion: expected)
            stored = o
            values = [.name: o.name, .baseCurrency: o.baseCurrency.code, .timeZone: o.timeZone, .defaultCountry: o.defaultCountry ?? ""]
            errors = [:]
            conflictVersion = nil
            lastOutcome = .saved
        } catch CoreError.conflict(let info) {
            conflictVersion = info.currentVersion
            lastOutcome = .conflict("Settings were changed by \(info.changedBy ?? "a background job") at \(session.timestampText(info.changedAt)).")
        } catch CoreError.invalid(let fieldErrors) {
            errors = [:]
            for fe in fieldErrors { errors[Self.field(named: fe.field)] = fe.message }
            lastOutcome = .invalid
        } catch CoreError.duplicate(_, let value) {
            errors[.name] = "another organization is already called \"\(value)\""
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    /// Maps a core field name ("base currency", "time_zone", "timeZone") to the form field.
    static func field(named name: String) -> Field {
        let key = name.lowercased().filter(\.isLetter)
        if key.contains("currency") { return .baseCurrency }
        if key.contains("zone") { return .timeZone }
        if key.contains("country") { return .defaultCountry }
        return .name
    }
}
