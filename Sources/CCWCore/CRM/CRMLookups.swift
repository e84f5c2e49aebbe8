import CCWDomain
import GRDB

/// Finding companies, contacts and deals by what a user types into a lookup field: a few
/// suggestions while typing (bounded, on the name indexes), and resolving the final text to
/// one record, refused with a message naming the field when nothing or several match.
/// `#12` names a record by id.
public struct CRMLookups: Sendable {
    let database: AppDatabase
    public static let suggestionLimit = 8

    // MARK: Suggestions

    public func companyNames(_ scope: Scope, matching text: String, limit: Int = suggestionLimit) throws -> [String] {
        guard let text = text.nonBlank else { return [] }
        return try database.companies.page(scope, text: text, limit: limit).map(\.company.name)
    }

    public func contactNames(_ scope: Scope, matching text: String, limit: Int = suggestionLimit) throws -> [String] {
        guard let text = text.nonBlank else { return [] }
        return try database.contacts.page(scope, filter: ContactFilter(text: text), limit: limit).map(\.contact.fullName)
    }

    /// Deals whose name starts with `text` (case-insensitive), on `deals_by_name`.
    public func dealNames(_ scope: Scope, matching text: String, limit: Int = suggestionLimit) throws -> [String] {
        guard let text = text.nonBlank else { return [] }
        return try deals(scope, prefix: text, limit: limit).map(\.1)
    }

    // MARK: Resolving

    /// The company named exactly `text` (case-insensitive), or `#id`; nil for blank text.
    public func company(_ scope: Scope, named text: String, field: String = "company") throws -> CompanyID? {
        guard let text = text.nonBlank else { return nil }
        if let id = Self.idReference(text) { return try database.companies.get(scope, id: CompanyID(id)).id }
        let matches = try database.read(as: scope, in: .crm) { access in
            try Int64.fetchAll(access.db, sql: """
                SELECT id FROM companies WHERE org_id = ? AND deleted_at IS NULL AND name = ? ORDER BY id LIMIT 3
                """, arguments: [scope.orgId, text])
        }
        return CompanyID(try Self.one(matches, text: text, field: field, what: "company", plural: "companies"))
    }

    /// The contact whose full name (or email) is `text`, case-insensitive, or `#id`.
    public func contact(_ scope: Scope, named text: String, field: String = "contact") throws -> ContactID? {
        guard let text = text.nonBlank else { return nil }
        if let id = Self.idReference(text) { return try database.contacts.get(scope, id: ContactID(id)).id }
        let key = TextMatching.fold(text)
        let candidates = try database.contacts.page(scope, filter: ContactFilter(text: text), limit: 50)
        let matches = candidates.filter {
            TextMatching.fold($0.contact.fullName) == key || $0.contact.email.map { TextMatching.fold($0.value) == key } == true
        }.map(\.id.rawValue)
        return ContactID(try Self.one(matches, text: text, field: field, what: "contact", plural: "contacts"))
    }

    /// The deal named exactly `text` (case-insensitive), or `#id`.
    public func deal(_ scope: Scope, named text: String, field: String = "deal") throws -> DealID? {
        guard let text = text.nonBlank else { return nil }
        if let id = Self.idReference(text) { return try database.deals.get(scope, id: DealID(id)).id }
        let matches = try deals(scope, prefix: text, limit: 50)
            .filter { $0.1.compare(text, options: [.caseInsensitive]) == .orderedSame }.map(\.0)
        return DealID(try Self.one(matches, text: text, field: field, what: "deal", plural: "deals"))
    }

    // MARK: Helpers

    private func deals(_ scope: Scope, prefix: String, limit: Int) throws -> [(Int64, String)] {
        let escaped = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return try database.read(as: scope, in: .crm) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT id, name FROM deals WHERE org_id = ? AND deleted_at IS NULL AND name LIKE ? ESCAPE '\\'
                ORDER BY name COLLATE NOCASE, id LIMIT ?
                """, arguments: [scope.orgId, escaped + "%", max(1, min(limit, 100))]).map { ($0["id"], $0["name"]) }
        }
    }

    /// `#12` → 12.
    static func idReference(_ text: String) -> Int64? {
        guard text.hasPrefix("#") else { return nil }
        return Int64(text.dropFirst())
    }

    private static func one(_ ids: [Int64], text: String, field: String, what: String, plural: String) throws -> Int64 {
        switch ids.count {
        case 1: return ids[0]
        case 0: throw CoreError.invalid(field, "no \(what) called \"\(text)\" (pick one of the suggestions)")
        default: throw CoreError.invalid(field, "several \(plural) are called \"\(text)\": name one by id, e.g. #\(ids[0])")
        }
    }
}

extension AppDatabase {
    public var crmLookups: CRMLookups { CRMLookups(database: self) }
}
