import CCWDomain
import Foundation
import GRDB

/// Column conversions and reference checks shared by the CRM use cases.
enum CRMStore {
    // MARK: JSON columns

    static func json(_ tags: [String]) -> String { (try? CanonicalJSON.encode(tags)) ?? "[]" }
    static func json(_ fields: CustomFields) -> String { (try? CanonicalJSON.encode(fields)) ?? "{}" }

    static func tags(_ text: String?) -> [String] {
        guard let text, let value = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return value
    }

    static func customFields(_ text: String?) -> CustomFields {
        guard let text, let value = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { return [:] }
        return value
    }

    static func int64s(_ text: String?) -> [Int64] {
        guard let text, let value = try? JSONDecoder().decode([Int64].self, from: Data(text.utf8)) else { return [] }
        return value
    }

    // MARK: Values read back from columns (written by this store, so already validated)

    static func decimal(_ text: String?) -> ExactDecimal? { text.flatMap { try? ExactDecimal($0) } }
    static func date(_ text: String?) -> CalendarDate? { text.flatMap { try? CalendarDate.parseISO($0) } }
    static func currency(_ text: String?, fallback: CurrencyCode) -> CurrencyCode {
        text.flatMap { try? CurrencyCode($0) } ?? fallback
    }
    static func phone(_ text: String?) -> PhoneNumber? {
        text.flatMap { (try? PhoneNumber(e164: $0)) ?? (try? PhoneNumber($0, defaultCountry: nil)) }
    }
    static func email(_ text: String?) -> EmailAddress? { text.flatMap { try? EmailAddress($0) } }

    // MARK: Validation

    /// Throws `CoreError.invalid` with every message when there are any.
    static func check(_ errors: [FieldError]) throws {
        if !errors.isEmpty { throw CoreError.invalid(errors) }
    }

    /// The organization's default country for phone numbers typed without a country code.
    static func defaultCountry(_ access: ScopedDatabase) throws -> PhoneCountry? {
        let code = try String.fetchOne(access.db, sql: "SELECT default_country FROM organizations WHERE id = ?",
                                       arguments: [access.scope.orgId])
        return code.flatMap { try? PhoneCountry($0) }
    }

    // MARK: References inside the organization

    /// Refuses a link to a row of `table` that is not a live row of the scope's organization,
    /// naming the field.
    static func requireLink(_ access: ScopedDatabase, _ table: String, id: Int64?, field: String) throws {
        guard let id else { return }
        if try !access.table(table).exists(access.db, id: id) {
            throw CoreError.invalid(field, "#\(id) does not exist in \(access.scope.orgName)")
        }
    }

    /// Refuses a user who is not an active member of the scope's organization.
    static func requireMember(_ access: ScopedDatabase, _ user: Int64?, field: String) throws {
        guard let user else { return }
        let found = try Bool.fetchOne(access.db, sql: """
            SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.org_id = ? AND m.user_id = ? AND m.deleted_at IS NULL AND u.active = 1
            """, arguments: [access.scope.orgId, user]) ?? false
        if !found { throw CoreError.invalid(field, "user #\(user) is not an active member of \(access.scope.orgName)") }
    }

    /// The row as a JSON object for audit snapshots.
    static func snapshot(_ access: ScopedDatabase, _ table: String, id: Int64) throws -> JSONValue {
        CanonicalJSON.object(try access.table(table).requireRow(access.db, id: id, includingDeleted: true))
    }

    /// A small event payload naming the row.
    static func payload(id: Int64, uid: String, _ extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        extra.merging(["id": .int(id), "uid": .string(uid)]) { mine, _ in mine }
    }
}

/// Every store record carries these: where it is and which version the caller read.
public struct RowStamp: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var version: Int64
    public var createdAt: Int64
    public var updatedAt: Int64
    public var createdBy: Int64?
    public var updatedBy: Int64?
    public var deletedAt: Int64?

    init(row: Row) {
        id = row["id"]
        uid = row["uid"]
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        createdBy = row["created_by"]
        updatedBy = row["updated_by"]
        deletedAt = row["deleted_at"]
    }
}
