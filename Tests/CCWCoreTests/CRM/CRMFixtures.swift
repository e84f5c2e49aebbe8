import CCWDomain
@testable import CCWCore

/// A contact draft from a few fields, for tests.
func draft(_ first: String, _ last: String, email: String? = nil, phone: String? = nil, company: String? = nil) -> ContactDraft {
    var draft = ContactDraft()
    draft[.firstName] = first
    draft[.lastName] = last
    if let email { draft[.email] = email }
    if let phone { draft[.phone] = phone }
    if let company { draft[.company] = company }
    return draft
}

extension ContactAddOutcome {
    /// The saved record; fails the test when duplicates held it back.
    func saved() throws -> ContactRecord {
        guard let record else { throw CoreError.rule("expected the contact to be saved, got \(self)") }
        return record
    }
}

extension SeededDatabase {
    func addContact(_ scope: Scope, _ first: String, _ last: String, email: String? = nil, phone: String? = nil) throws -> ContactRecord {
        try database.contacts.add(scope, draft: draft(first, last, email: email, phone: phone), force: true).saved()
    }
}
