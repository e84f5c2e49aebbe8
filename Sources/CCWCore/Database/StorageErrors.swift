import CCWDomain
import Foundation
import GRDB

/// Turns whatever a use case threw into a `CoreError`, so callers (TUI and CLI) see one error
/// type with a message and an exit status.
enum StorageErrors {
    static func map(_ error: any Error, path: String) -> CoreError {
        switch error {
        case let error as CoreError:
            return error
        case let error as ValidationErrors:
            return .invalid(error.errors)
        case let error as FieldError:
            return .invalid([error])
        case let error as PermissionDenied:
            return .notPermitted(error)
        case let error as DatabaseError:
            return map(error, path: path)
        case let error as InputError:
            return .rule(error.message)
        case let error as MoneyError:
            return .rule(error.description)
        default:
            return .storage("\(error)")
        }
    }

    static func map(_ error: DatabaseError, path: String) -> CoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt(path: path, detail: error.message ?? "damaged file")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .unreadable(path: path, detail: error.message ?? "permission denied")
        case .SQLITE_FULL:
            return .storage("the disk is full; nothing was changed")
        case .SQLITE_CONSTRAINT:
            if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                return .duplicate(field: uniqueColumns(error.message), value: "")
            }
            return .rule("the change breaks a database rule (\(error.message ?? "constraint failed"))")
        default:
            return .storage(error.message ?? "\(error)")
        }
    }

    /// "UNIQUE constraint failed: users.login" → "login".
    private static func uniqueColumns(_ message: String?) -> String {
        guard let message, let range = message.range(of: "failed: ") else { return "value" }
        return message[range.upperBound...]
            .split(separator: ",")
            .map { $0.split(separator: ".").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
            .joined(separator: " + ")
    }
}
