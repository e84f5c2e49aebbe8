import CCWDomain
import GRDB

/// A stored company: the domain value plus its row stamp and owner.
public struct CompanyRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var company: Company
    public var ownerId: UserID?

    public var id: CompanyID { CompanyID(stamp.id) }
    public var version: Int64 { stamp.version }
    public var cursor: CompanyCursor { CompanyCursor(name: company.name, id: stamp.id) }

    init(row: Row, baseCurrency: CurrencyCode) {
        stamp = RowStamp(row: row)
        var company = Company(id: CompanyID(row["id"] as Int64), name: row["name"])
        company.legalName = row["legal_name"]
        company.industry = row["industry"]
        company.website = row["website"]
        company.employeeCount = (row["employee_count"] as String?).flatMap { try? CompanySize(parsing: $0) }
        if let minor = row["annual_revenue_minor"] as Int64? {
            company.annualRevenue = Money(minor: minor, currency: CRMStore.currency(row["annual_revenue_currency"], fallback: baseCurrency))
        }
        company.phone = CRMStore.phone(row["phone"])
        company.email = CRMStore.email(row["email"])
        company.address = PostalAddress(line1: row["address_line1"], line2: row["address_line2"], city: row["city"],
                                        state: row["state"], postalCode: row["postal_code"], country: row["country"])
        company.status = CompanyStatus(rawValue: row["status"]) ?? .active
        company.parentCompanyID = (row["parent_id"] as Int64?).map { CompanyID($0) }
        company.tags = CRMStore.tags(row["tags"])
        company.customFields = CRMStore.customFields(row["custom_fields"])
        self.company = company
        ownerId = (row["owner_id"] as Int64?).map { UserID($0) }
    }

    static func columns(_ company: Company) -> [String: (any DatabaseValueConvertible)?] {
        [
            "name": company.name.trimmingCharacters(in: .whitespaces),
            "legal_name": company.legalName,
            "industry": company.industry,
            "website": company.website,
            "domain": company.websiteDomain,
            "employee_count": company.employeeCount?.description,
            "annual_revenue_minor": company.annualRevenue?.minor,
            "annual_revenue_currency": company.annualRevenue?.currency.code,
            "phone": company.phone?.e164,
            "email": company.email?.value,
            "address_line1": company.address.line1,
            "address_line2": company.address.line2,
            "city": company.address.city,
            "state": company.address.state,
            "postal_code": company.address.postalCode,
            "country": company.address.country,
            "status": company.status.rawValue,
            "parent_id": company.parentCompanyID?.rawValue,
            "tags": CRMStore.json(company.tags),
            "custom_fields": CRMStore.json(company.customFields),
        ]
    }
}

/// The position of a company in the name-sorted list.
public struct CompanyCursor: Sendable, Hashable {
    public var name: String
    public var id: Int64
    public init(name: String, id: Int64) {
        self.name = name
        self.id = id
    }
}
