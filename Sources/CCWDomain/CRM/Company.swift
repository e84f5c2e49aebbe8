import Foundation

/// Where a company stands with the organization.
public enum CompanyStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case active, inactive, prospect

    public var description: String { rawValue }

    public init(parsing text: String) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = CompanyStatus(rawValue: key) else {
            throw InputError("status \"\(text)\": expected active, inactive or prospect")
        }
        self = status
    }
}

/// A company's head count as the usual bands ("1-10", "11-50", …). The seed keeps the band
/// as text; here it is a range so lead scoring and segments can ask "at least 50 employees".
public struct CompanySize: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Fewest employees in the band.
    public let minimum: Int
    /// Most employees in the band; nil for the open top band ("10001+").
    public let maximum: Int?

    /// The standard bands, smallest first.
    public static let bands: [CompanySize] = [
        .init(1, 10), .init(11, 50), .init(51, 200), .init(201, 500), .init(501, 1000),
        .init(1001, 5000), .init(5001, 10000), .init(10001, nil),
    ]

    private init(_ minimum: Int, _ maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Parses a band (`11-50`, `11 – 50`, `10001+`) or a head count (`42`, `1,200`), which is
    /// placed in its band. Anything else throws, listing the bands.
    public init(parsing text: String) throws {
        let body = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "–", with: "-")
        let choices = CompanySize.bands.map(\.description).joined(separator: ", ")
        if let count = Int(body.replacingOccurrences(of: ",", with: "")), count >= 1 {
            self = CompanySize.bands.last { $0.minimum <= count }!
            return
        }
        guard let band = CompanySize.bands.first(where: { $0.description == body }) else {
            throw InputError("employees \"\(text)\": expected a head count or one of \(choices)")
        }
        self = band
    }

    public var description: String { maximum.map { "\(minimum)-\($0)" } ?? "\(minimum)+" }

    public static func < (lhs: CompanySize, rhs: CompanySize) -> Bool { lhs.minimum < rhs.minimum }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A company (account) with every field of the seed's Company (FR-1.2).
///
/// Improvements over the seed: `employeeCount` is a `CompanySize` band, `annualRevenue` is
/// money rather than text, email and phone are validated values, and companies carry tags
/// like contacts do. The parent link is checked for cycles by `CompanyHierarchy`.
public struct Company: Sendable, Hashable, Codable, Identifiable {
    public var id: CompanyID?
    public var name: String
    public var legalName: String
    public var industry: String
    /// The web site as typed, e.g. `acme.example` or `https://acme.example/`.
    public var website: String
    public var employeeCount: CompanySize?
    public var annualRevenue: Money?
    public var phone: PhoneNumber?
    public var email: EmailAddress?
    /// Headquarters address.
    public var address: PostalAddress
    public var status: CompanyStatus
    public var parentCompanyID: CompanyID?
    public var tags: [String]
    public var customFields: CustomFields

    public init(id: CompanyID? = nil, name: String, legalName: String = "", industry: String = "", website: String = "",
                employeeCount: CompanySize? = nil, annualRevenue: Money? = nil, phone: PhoneNumber? = nil,
                email: EmailAddress? = nil, address: PostalAddress = .empty, status: CompanyStatus = .active,
                parentCompanyID: CompanyID? = nil, tags: [String] = [], customFields: CustomFields = [:]) {
        self.id = id
        self.name = name
        self.legalName = legalName
        self.industry = industry
        self.website = website
        self.employeeCount = employeeCount
        self.annualRevenue = annualRevenue
        self.phone = phone
        self.email = email
        self.address = address
        self.status = status
        self.parentCompanyID = parentCompanyID
        self.tags = tags
        self.customFields = customFields
    }

    /// The web site's host without scheme, `www.` and path (`https://www.Acme.example/de` →
    /// `acme.example`), for matching duplicates; nil when there is none.
    public var websiteDomain: String? { Company.domain(ofWebsite: website) }

    public static func domain(ofWebsite text: String) -> String? {
        var host = text.trimmingCharacters(in: .whitespaces).lowercased()
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host.removeFirst(scheme.count) }
        if let slash = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = String(host[..<slash]) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "name", message: "a company name is required"))
        }
        for (field, value, limit) in [("name", name, 200), ("legal name", legalName, 200), ("industry", industry, 100),
                                      ("website", website, 200)] where value.count > limit {
            errors.append(FieldError(field: field, message: "longer than \(limit) characters"))
        }
        if !website.isEmpty {
            let host = websiteDomain ?? ""
            if !host.contains(".") || host.contains(where: { $0.isWhitespace }) || host.hasPrefix(".") || host.hasSuffix(".") {
                errors.append(FieldError(field: "website", message: "\"\(website)\" is not a web address (expected e.g. acme.example)"))
            }
        }
        if let revenue = annualRevenue, revenue.isNegative {
            errors.append(FieldError(field: "annual revenue", message: "cannot be negative"))
        }
        if let id, parentCompanyID == id {
            errors.append(FieldError(field: "parent company", message: "a company cannot be its own parent"))
        }
        errors += address.validate(prefix: "headquarters")
        errors += Tags.validate(tags)
        errors += CustomFieldRules.validate(customFields)
        return errors
    }
}
