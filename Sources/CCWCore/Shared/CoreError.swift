import Foundation
import CCWDomain

/// Every refusal the core reports. Each case has a message for a human (what happened, what
/// was kept, what to do next) and the `ccw` exit status of UX.md.
public enum CoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Input refused; each field error names the field and the rule (exit 1).
    case invalid([FieldError])
    /// No such record in this organization (exit 1). `key` is how the user named it.
    case notFound(entity: String, key: String)
    /// The record changed since it was read (exit 3).
    case conflict(ConflictInfo)
    /// The role may not do this (exit 4).
    case notPermitted(PermissionDenied)
    /// No CCW user with this login (exit 4). `org` names an organization for the hint.
    case unknownLogin(String, org: String? = nil)
    /// The user exists but is deactivated (exit 4).
    case inactiveUser(String)
    /// The user belongs to no organization, or not to the one asked for (exit 4).
    case noMembership(login: String, org: String?)
    /// A unique value is taken (exit 1).
    case duplicate(field: String, value: String)
    /// A business rule refused the change; the sentence names the rule (exit 1).
    case rule(String)
    /// The database stayed busy beyond the timeout (exit 3); nothing was written.
    case locked(path: String)
    /// The file is not a readable SQLite database or is damaged (exit 1).
    case corrupt(path: String, detail: String)
    /// The file or its folder cannot be opened or written (exit 1).
    case unreadable(path: String, detail: String)
    /// Any other storage failure (exit 1); the detail is for the log.
    case storage(String)

    public var exitCode: Int32 {
        switch self {
        case .conflict, .locked: 3
        case .notPermitted, .unknownLogin, .inactiveUser, .noMembership: 4
        case .invalid, .notFound, .duplicate, .rule, .corrupt, .unreadable, .storage: 1
        }
    }

    public var description: String {
        switch self {
        case let .invalid(errors):
            return errors.map(\.description).joined(separator: "\n")
        case let .notFound(entity, key):
            return "no \(entity) \(key) in this organization"
        case let .conflict(info):
            return info.description
        case let .notPermitted(denied):
            return denied.description
        case let .unknownLogin(login, org):
            let orgArgument = org.map(CoreError.shellWord) ?? "ORG"
            return "no CCW user \"\(login)\": ask an admin to run "
                + "\"ccw user add \(CoreError.shellWord(login)) --org \(orgArgument) --role sales\""
        case let .inactiveUser(login):
            return "CCW user \"\(login)\" is deactivated: ask an admin to run \"ccw user activate \(CoreError.shellWord(login))\""
        case let .noMembership(login, org):
            if let org {
                return "CCW user \"\(login)\" is not a member of \"\(org)\": ask one of its admins to run "
                    + "\"ccw user add \(CoreError.shellWord(login)) --org \(CoreError.shellWord(org)) --role ROLE\""
            }
            return "CCW user \"\(login)\" belongs to no organization: ask an admin to run "
                + "\"ccw user add \(CoreError.shellWord(login)) --org ORG --role ROLE\""
        case let .duplicate(field, value):
            return value.isEmpty ? "\(field) is already taken" : "\(field) \"\(value)\" is already taken"
        case let .rule(sentence):
            return sentence
        case let .locked(path):
            return "the database \(path) stayed busy (another ccw is writing); nothing was changed, try again"
        case let .corrupt(path, detail):
            return "\(path) is not a usable CCW database (\(detail)); nothing was changed. Run \"ccw doctor\" or restore a backup"
        case let .unreadable(path, detail):
            return "cannot open \(path): \(detail)"
        case let .storage(detail):
            return "database error: \(detail)"
        }
    }

    /// The field errors of an `.invalid` refusal, for inline form messages.
    public var fieldErrors: [FieldError] {
        if case let .invalid(errors) = self { return errors }
        return []
    }

    static func invalid(_ field: String, _ message: String) -> CoreError {
        .invalid([FieldError(field: field, message: message)])
    }

    /// Quotes a word for a copy-pasteable command when it has spaces or quotes.
    static func shellWord(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_.@/".contains($0) }
        return plain && !word.isEmpty ? word : "\"" + word.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Who changed a record since it was read, for the "reload / keep mine / cancel" dialog.
public struct ConflictInfo: Sendable, Hashable, CustomStringConvertible {
    public var entity: String
    public var id: Int64
    /// Login of the last writer; nil when a background job wrote it.
    public var changedBy: String?
    /// When it was last written (milliseconds UTC).
    public var changedAt: Int64
    /// The version to send again to overwrite ("keep mine").
    public var currentVersion: Int64
    /// The version the caller had read.
    public var expectedVersion: Int64

    public init(entity: String, id: Int64, changedBy: String?, changedAt: Int64, currentVersion: Int64, expectedVersion: Int64) {
        self.entity = entity
        self.id = id
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.currentVersion = currentVersion
        self.expectedVersion = expectedVersion
    }

    public var description: String {
        "\(entity) #\(id) was changed by \(changedBy ?? "a background job") at \(ZonedTime.iso8601UTC(changedAt)) "
            + "(version \(currentVersion), you had \(expectedVersion)): nothing was saved; reload and try again"
    }
}
