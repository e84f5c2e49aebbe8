import Foundation

/// Where a contact stands with the organization.
public enum ContactStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case lead, prospect, customer, inactive

    public var description: String { rawValue }

    /// Parses a status as typed (`Customer`, ` lead `); unknown text throws, listing the choices.
    public init(parsing text: String) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = ContactStatus(rawValue: key) else {
            throw InputError("status \"\(text)\": expected lead, prospect, customer or inactive")
        }
        self = status
    }
}

/// A person the organization deals with (FR-1.1), with every field of the seed's Contact.
///
/// Email and phone numbers are held as validated, normalized values (`EmailAddress`,
/// `PhoneNumber`), so a `Contact` can never carry a malformed one; text typed into a form or
/// read from a CSV file becomes a contact through `ContactDraft`. The store adds the columns
/// every business row has (org, audit stamps, version, soft delete).
///
/// Improvements over the seed: a contact needs a first *or* a last name (leads often come
/// with only one); the single `dealId` of the seed is `currentDealID`, while the deal keeps the
/// full list of its contacts.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    public var id: ContactID?
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress?
    public var phone: PhoneNumber?
    public var mobile: PhoneNumber?
    /// Job title ("Head of Purchasing").
    public var title: String
    public var department: String
    public var companyID: CompanyID?
    /// This contact is the company's primary contact.
    public var isPrimary: Bool
    public var address: PostalAddress
    /// Where the contact came from: Website, Referral, Cold Call, Trade fair …
    public var source: String
    /// The score `LeadScoring` last computed (kept for sorting lists).
    public var leadScore: Int
    public var status: ContactStatus
    public var tags: [String]
    /// The deal this contact is currently being worked on in, if any.
    public var currentDealID: DealID?
    public var customFields: CustomFields

    public init(id: ContactID? = nil, firstName: String, lastName: String, email: EmailAddress? = nil,
                phone: PhoneNumber? = nil, mobile: PhoneNumber? = nil, title: String = "", department: String = "",
                companyID: CompanyID? = nil, isPrimary: Bool = false, address: PostalAddress = .empty,
                source: String = "", leadScore: Int = 0, status: ContactStatus = .lead, tags: [String] = [],
                currentDealID: DealID? = nil, customFields: CustomFields = [:]) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.mobile = mobile
        self.title = title
        self.department = department
        self.companyID = companyID
        self.isPrimary = isPrimary
        self.address = address
        self.source = source
        self.leadScore = leadScore
        self.status = status
        self.tags = tags
        self.currentDealID = currentDealID
        self.customFields = customFields
    }

    /// "Anna Meier"; one name alone when the other is empty.
    public var fullName: String {
        // `trimmed` skips Foundation for names that need no trimming (imports compare
        // hundreds of thousands of names).
        let first = firstName.trimmed(newlines: false), last = lastName.trimmed(newlines: false)
        if first.isEmpty { return last }
        return last.isEmpty ? first : first + " " + last
    }

    /// Every rule a contact must meet before it is saved, each broken rule as one message.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let first = firstName.trimmingCharacters(in: .whitespaces)
        let last = lastName.trimmingCharacters(in: .whitespaces)
        if first.isEmpty && last.isEmpty {
            errors.append(FieldError(field: "name", message: "a first or a last name is required"))
        }
        for (field, value, limit) in [("first name", firstName, 100), ("last name", lastName, 100),
                                      ("title", title, 150), ("department", department, 150), ("source", source, 100)]
        where value.count > limit {
            errors.append(FieldError(field: field, message: "longer than \(limit) characters"))
        }
        if isPrimary && companyID == nil {
            errors.append(FieldError(field: "primary contact", message: "only a contact of a company can be its primary contact"))
        }
        if let phone, let mobile, phone == mobile {
            errors.append(FieldError(field: "mobile", message: "same number as phone (\(phone.e164)); leave one empty"))
        }
        if leadScore < -1000 || leadScore > 1000 {
            errors.append(FieldError(field: "lead score", message: "\(leadScore) is out of range (-1000 to 1000)"))
        }
        errors += address.validate()
        errors += Tags.validate(tags)
        if Tags.normalize(tags) != tags {
            errors.append(FieldError(field: "tags", message: "tags must be trimmed, non-empty and not repeated"))
        }
        errors += CustomFieldRules.validate(customFields)
        return errors
    }
}
