import CCWDomain
import GRDB

/// Editing some fields of a contact as text (`ccw contacts update KEY --title "CFO"`): the
/// stored contact is turned into a draft, the changed fields replace their text, and the
/// result is parsed and saved like a form at the version the caller read.
extension Contacts {
    /// Applies `changes` (only the fields it holds; an empty text clears a field) to the
    /// contact read at `expectedVersion`. The company is given by name (empty: none).
    public func update(_ scope: Scope, id: ContactID, changes: ContactDraft, expectedVersion: Int64) throws -> ContactRecord {
        let (contact, ownerId) = try database.read(as: scope, in: .crm) { access -> (Contact, UserID?) in
            let record = try Self.require(access, id)
            var draft = ContactDraft(customFields: record.contact.customFields.merging(changes.customFields) { _, new in new })
            for field in ContactField.allCases where field != .customFields && field != .currentDeal && field != .company {
                draft[field] = field.text(of: record.contact)
            }
            if let company = record.contact.companyID {
                draft[.company] = try access.table(Companies.table).fetchRow(access.db, id: company.rawValue, includingDeleted: true)?["name"] ?? ""
            }
            for (field, text) in changes.values { draft[field] = text }
            var contact: Contact
            switch draft.parse(defaultCountry: try CRMStore.defaultCountry(access)) {
            case let .success(parsed): contact = parsed
            case let .failure(errors): throw CoreError.invalid(errors.errors)
            }
            contact.currentDealID = record.contact.currentDealID
            if changes.values[.company] == nil {
                contact.companyID = record.contact.companyID
            } else {
                contact.companyID = try draft.companyName.map { try Self.company(access, named: $0) }
            }
            return (contact, record.ownerId)
        }
        return try update(scope, id: id, contact: contact, ownerId: ownerId, expectedVersion: expectedVersion)
    }
}
