import CCWDomain
import GRDB

/// Editing a contact through a form: the form holds text (`ContactDraft`), the company as a
/// name. Fields the form does not show (lead score, current deal, custom fields it leaves
/// empty) keep their stored values.
extension Contacts {
    /// The text a form starts from for a stored contact, with the company's name.
    public func draft(_ scope: Scope, of record: ContactRecord) throws -> ContactDraft {
        var draft = ContactDraft(customFields: record.contact.customFields)
        for field in ContactField.allCases where field != .company && field != .currentDeal && field != .customFields {
            draft[field] = field.text(of: record.contact)
        }
        if let company = record.contact.companyID {
            draft[.company] = try database.companies.names(scope, ids: [company])[company] ?? ""
        }
        return draft
    }

    /// Saves a form's text over the stored contact read at `expectedVersion`. Every wrong field
    /// is reported at once (`CoreError.invalid`); the company is looked up by name.
    public func update(_ scope: Scope, id: ContactID, draft: ContactDraft, ownerId: UserID?,
                       expectedVersion: Int64) throws -> ContactRecord {
        let country = try database.read(as: scope, in: .crm) { access in try CRMStore.defaultCountry(access) }
        var contact: Contact
        switch draft.parse(defaultCountry: country) {
        case let .success(parsed): contact = parsed
        case let .failure(errors): throw CoreError.invalid(errors.errors)
        }
        let stored = try get(scope, id: id)
        contact.companyID = try draft.companyName.map { name in
            try database.read(as: scope, in: .crm) { access in try Self.company(access, named: name) }
        }
        if draft[.leadScore].isEmpty { contact.leadScore = stored.contact.leadScore }
        contact.currentDealID = stored.contact.currentDealID
        if draft.customFields.isEmpty { contact.customFields = stored.contact.customFields }
        return try update(scope, id: id, contact: contact, ownerId: ownerId, expectedVersion: expectedVersion)
    }
}
