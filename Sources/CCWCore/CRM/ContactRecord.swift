import CCWDomain
import GRDB

/// A stored contact: the domain value plus its row stamp and owner.
public struct ContactRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var contact: Contact
    /// The sales rep responsible for the contact.
    public var ownerId: UserID?

    public var id: ContactID { ContactID(stamp.id) }
    public var version: Int64 { stamp.version }

    /// Where the next page starts when this record is the last of a page.
    public var cursor: ContactCursor {
        ContactCursor(lastName: contact.lastName, firstName: contact.firstName, id: stamp.id, status: contact.status.rawValue,
                      leadScore: contact.leadScore)
    }

    init(row: Row) {
        stamp = RowStamp(row: row)
        var contact = Contact(id: ContactID(row["id"] as Int64), firstName: row["first_name"], lastName: row["last_name"])
        contact.email = CRMStore.email(row["email"])
        contact.phone = CRMStore.phone(row["phone"])
        contact.mobile = CRMStore.phone(row["mobile"])
        contact.title = row["title"]
        contact.department = row["department"]
        contact.companyID = (row["company_id"] as Int64?).map { CompanyID($0) }
        contact.isPrimary = row["is_primary"]
        contact.address = PostalAddress(line1: row["address_line1"], line2: row["address_line2"], city: row["city"],
                                        state: row["state"], postalCode: row["postal_code"], country: row["country"])
        contact.source = row["source"]
        contact.leadScore = row["lead_score"]
        contact.status = ContactStatus(rawValue: row["status"]) ?? .lead
        contact.tags = CRMStore.tags(row["tags"])
        contact.currentDealID = (row["current_deal_id"] as Int64?).map { DealID($0) }
        contact.customFields = CRMStore.customFields(row["custom_fields"])
        self.contact = contact
        ownerId = (row["owner_id"] as Int64?).map { UserID($0) }
    }

    /// The table's own columns for a contact (everything but the standard business columns).
    static func columns(_ contact: Contact) -> [String: (any DatabaseValueConvertible)?] {
        [
            "first_name": contact.firstName.trimmingCharacters(in: .whitespaces),
            "last_name": contact.lastName.trimmingCharacters(in: .whitespaces),
            "email": contact.email?.value,
            "email_key": contact.email?.matchKey,
            "phone": contact.phone?.e164,
            "mobile": contact.mobile?.e164,
            "title": contact.title,
            "department": contact.department,
            "company_id": contact.companyID?.rawValue,
            "is_primary": contact.isPrimary,
            "address_line1": contact.address.line1,
            "address_line2": contact.address.line2,
            "city": contact.address.city,
            "state": contact.address.state,
            "postal_code": contact.address.postalCode,
            "country": contact.address.country,
            "source": contact.source,
            "lead_score": contact.leadScore,
            "status": contact.status.rawValue,
            "tags": CRMStore.json(contact.tags),
            "current_deal_id": contact.currentDealID?.rawValue,
            "custom_fields": CRMStore.json(contact.customFields),
        ]
    }
}

/// The position of a contact in the name-sorted list (last name, first name, id; case
/// ignored as the columns' NOCASE collation does).
public struct ContactCursor: Sendable, Hashable {
    public var lastName: String
    public var firstName: String
    public var id: Int64
    /// The other sort keys (`ContactSort`), taken from the row the page ends at.
    public var status: String = ""
    public var leadScore: Int = 0

    public init(lastName: String, firstName: String, id: Int64, status: String = "", leadScore: Int = 0) {
        self.lastName = lastName
        self.firstName = firstName
        self.id = id
        self.status = status
        self.leadScore = leadScore
    }
}

/// The orders the contact list offers, each served by an index so a page costs the same at
/// any depth: by name, by status (then name), by lead score. Sorting by company or owner
/// would have to read every contact first, so those lists are filtered instead.
public enum ContactSort: String, Sendable, Hashable, CaseIterable {
    case name, status, score

    /// The ordering columns, most significant first (each list ends with the id).
    var columns: [String] {
        switch self {
        case .name: ["contacts.last_name", "contacts.first_name", "contacts.id"]
        case .status: ["contacts.status", "contacts.last_name", "contacts.first_name", "contacts.id"]
        case .score: ["contacts.lead_score", "contacts.id"]
        }
    }

    func values(_ c: ContactCursor) -> [any DatabaseValueConvertible] {
        switch self {
        case .name: [c.lastName, c.firstName, c.id]
        case .status: [c.status, c.lastName, c.firstName, c.id]
        case .score: [c.leadScore, c.id]
        }
    }
}

/// What the contact list is narrowed to. Empty filter: every live contact.
public struct ContactFilter: Sendable, Hashable {
    /// Substring search over names, email, phone numbers and title (3+ characters use the
    /// trigram index; shorter text falls back to `LIKE`).
    public var text: String?
    public var status: ContactStatus?
    public var ownerId: UserID?
    public var companyId: CompanyID?
    public var sort: ContactSort = .name
    public var descending = false
    /// A saved segment the contacts must also be in (`Contacts+Segment.swift`).
    public var segment: Segment?

    public init(text: String? = nil, status: ContactStatus? = nil, ownerId: UserID? = nil, companyId: CompanyID? = nil) {
        self.text = text
        self.status = status
        self.ownerId = ownerId
        self.companyId = companyId
    }
}

/// The result of adding a contact: saved, or held back because it looks like contacts that
/// already exist (the caller shows them and may add again with `force: true`).
public enum ContactAddOutcome: Sendable, Hashable {
    case added(ContactRecord)
    case likelyDuplicates([DuplicateMatch])

    /// The saved record, nil when duplicates held it back.
    public var record: ContactRecord? { if case let .added(record) = self { record } else { nil } }
}
