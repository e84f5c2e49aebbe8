import CCWCore
import CCWDomain

/// The new/edit company form's values as typed, and turning them into a `Company`: each
/// field parsed on its own so every bad one is named at once, the parent looked up by name.
public struct CompanyEditor: Sendable, Hashable {
    public enum Field: String, CaseIterable, Sendable {
        case name, parent, industry, size, website, email, phone, street, postalCode, city, country, status

        public var label: String {
            switch self {
            case .name: "Name"
            case .parent: "Parent company"
            case .industry: "Industry"
            case .size: "Employees"
            case .website: "Website"
            case .email: "Email"
            case .phone: "Phone"
            case .street: "Street"
            case .postalCode: "Postal code"
            case .city: "City"
            case .country: "Country"
            case .status: "Status"
            }
        }
    }

    /// nil: a new company.
    public var id: CompanyID?
    public var version: Int64?
    public var values: [Field: String]
    public var errors: [Field: String] = [:]
    /// The stored company being edited (fields the form does not show are kept).
    var base: Company
    var ownerId: UserID?

    public var isNew: Bool { id == nil }
    public func value(_ f: Field) -> String { values[f] ?? "" }

    init(new parent: String?) {
        base = Company(name: "")
        values = [.status: CompanyStatus.active.rawValue, .parent: parent ?? ""]
    }

    init(editing record: CompanyRecord, parentName: String?) {
        id = record.id
        version = record.version
        base = record.company
        ownerId = record.ownerId
        let c = record.company
        values = [.name: c.name, .parent: parentName ?? "", .industry: c.industry, .size: c.employeeCount?.description ?? "",
                  .website: c.website, .email: c.email?.value ?? "", .phone: c.phone?.e164 ?? "",
                  .street: c.address.line1, .postalCode: c.address.postalCode, .city: c.address.city,
                  .country: c.address.country, .status: c.status.rawValue]
    }

    /// The company the values describe, or the field errors; the parent is resolved by `lookup`.
    func company(country: PhoneCountry?, parent lookup: (String) throws -> CompanyID?) -> (Company?, [Field: String]) {
        var errors: [Field: String] = [:]
        var c = base
        c.name = value(.name).trimmingCharacters(in: .whitespaces)
        if c.name.isEmpty { errors[.name] = "a company name is required" }
        c.industry = value(.industry).trimmingCharacters(in: .whitespaces)
        c.website = value(.website).trimmingCharacters(in: .whitespaces)
        func parse<T>(_ f: Field, _ body: (String) throws -> T) -> T? {
            let text = value(f).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            do { return try body(text) } catch { errors[f] = Self.message(error); return nil }
        }
        c.employeeCount = parse(.size) { try CompanySize(parsing: $0) }
        c.email = parse(.email) { try EmailAddress($0) }
        c.phone = parse(.phone) { try PhoneNumber($0, defaultCountry: country) }
        c.status = parse(.status) { try CompanyStatus(parsing: $0) } ?? .active
        c.address.line1 = value(.street).trimmingCharacters(in: .whitespaces)
        c.address.postalCode = value(.postalCode).trimmingCharacters(in: .whitespaces)
        c.address.city = value(.city).trimmingCharacters(in: .whitespaces)
        c.address.country = value(.country).trimmingCharacters(in: .whitespaces)
        do { c.parentCompanyID = try lookup(value(.parent)) } catch { errors[.parent] = Self.message(error) }
        if let id, c.parentCompanyID == id { errors[.parent] = "a company cannot be its own parent" }
        return errors.isEmpty ? (c, [:]) : (nil, errors)
    }

    /// The form field a core field error belongs to ("headquarters city" → city).
    static func field(named name: String) -> Field {
        let key = name.lowercased()
        if key.contains("parent") { return .parent }
        if key.contains("industry") { return .industry }
        if key.contains("employ") || key.contains("size") { return .size }
        if key.contains("website") { return .website }
        if key.contains("mail") { return .email }
        if key.contains("phone") { return .phone }
        if key.contains("postal") { return .postalCode }
        if key.contains("city") { return .city }
        if key.contains("country") { return .country }
        if key.contains("line") || key.contains("street") || key.contains("address") { return .street }
        if key.contains("status") { return .status }
        return .name
    }

    static func message(_ error: any Error) -> String {
        if case CoreError.invalid(let list) = error as? CoreError ?? .invalid([]), let first = list.first { return first.message }
        if let e = error as? FieldError { return e.message }
        return describe(error)
    }
}
