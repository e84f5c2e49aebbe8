import Foundation

/// A contact as text, the way a form or a CSV row holds it, before it is parsed.
///
/// `parse(defaultCountry:)` turns it into a `Contact`, collecting a message for every field
/// that is wrong (so a form marks them all at once and an import row lists all its reasons).
/// The company is carried as a name (`companyName`); resolving it to a `CompanyID` is the
/// caller's business, because it needs the stored companies.
public struct ContactDraft: Sendable, Hashable {
    /// Text per field; fields not present count as empty. `.customFields` is not used here;
    /// custom fields go into `customFields`.
    public var values: [ContactField: String]
    public var customFields: CustomFields

    public init(values: [ContactField: String] = [:], customFields: CustomFields = [:]) {
        self.values = values
        self.customFields = customFields
    }

    public subscript(field: ContactField) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// The company name as given (trimmed), or nil when empty.
    public var companyName: String? {
        let name = self[.company].trimmed()
        return name.isEmpty ? nil : name
    }

    /// Parses every field. Phone numbers in national form use the country of the draft's own
    /// country field when it names one in the phone table (`DE`, `Germany`), else
    /// `defaultCountry` (the organization's). The result holds either the contact (with
    /// `companyID` nil) or every field error; `Contact.validate()` has been applied too.
    public func parse(defaultCountry: PhoneCountry?) -> Result<Contact, ValidationErrors> {
        var errors = ValidationErrors()
        func text(_ field: ContactField) -> String { self[field].trimmed() }
        func optional<T>(_ field: ContactField, _ parse: (String) throws -> T) -> T? {
            let value = text(field)
            guard !value.isEmpty else { return nil }
            return errors.check(field.label) { try parse(value) }
        }
        let country = text(.country)
        let phoneCountry = ContactDraft.phoneCountry(named: country) ?? defaultCountry
        var contact = Contact(firstName: text(.firstName), lastName: text(.lastName))
        contact.email = optional(.email) { try EmailAddress($0) }
        contact.phone = optional(.phone) { try PhoneNumber($0, defaultCountry: phoneCountry) }
        contact.mobile = optional(.mobile) { try PhoneNumber($0, defaultCountry: phoneCountry) }
        contact.title = text(.title)
        contact.department = text(.department)
        contact.isPrimary = optional(.isPrimary) { try ContactDraft.yesNo($0) } ?? false
        contact.address = PostalAddress(line1: text(.addressLine1), line2: text(.addressLine2), city: text(.city),
                                        state: text(.state), postalCode: text(.postalCode), country: country)
        contact.source = text(.source)
        contact.leadScore = optional(.leadScore) { value in
            guard let score = Int(value) else { throw InputError("\"\(value)\" is not a whole number") }
            return score
        } ?? 0
        contact.status = optional(.status) { try ContactStatus(parsing: $0) } ?? .lead
        contact.tags = Tags.parse(self[.tags])
        contact.customFields = customFields.mapValues { $0.trimmed() }
            .filter { !$0.value.isEmpty }
        var checked = contact
        if companyName != nil { checked.companyID = CompanyID(0) } // a named company counts for the primary rule
        for error in checked.validate() where errors[error.field] == nil { errors.add(error) }
        return errors.isEmpty ? .success(contact) : .failure(errors)
    }

    /// The phone-table country a country field names: an ISO code (`DE`, `UK`) or a country
    /// name in English (`Germany`), ignoring case.
    public static func phoneCountry(named text: String) -> PhoneCountry? {
        let key = text.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        if let country = try? PhoneCountry(key) { return country }
        return PhoneCountry.all.first { $0.name.compare(key, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
    }

    /// `yes`/`no`, `true`/`false`, `1`/`0`, `x`/empty, `y`/`n`, `ja`/`nein`.
    public static func yesNo(_ text: String) throws -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "1", "x", "ja", "j", "primary": return true
        case "no", "n", "false", "0", "", "nein": return false
        default: throw InputError("\"\(text)\": expected yes or no")
        }
    }
}
