import CCWDomain
import GRDB

/// Adding and editing a company from text fields (`ccw companies add|update`), with the same
/// parsing as a company import row: every wrong field is named, the parent is given by name.
extension Companies {
    /// Adds a company from `fields` (the name is required).
    public func add(_ scope: Scope, fields: [CompanyField: String]) throws -> CompanyRecord {
        let company = try database.read(as: scope, in: .crm) { access in
            try Self.apply(fields, to: Company(name: ""), access)
        }
        return try add(scope, company: company)
    }

    /// Applies `changes` (an empty text clears a field) to the company read at `expectedVersion`.
    public func update(_ scope: Scope, id: CompanyID, changes: [CompanyField: String], expectedVersion: Int64) throws -> CompanyRecord {
        let (company, owner) = try database.read(as: scope, in: .crm) { access in
            let record = try Self.require(access, id)
            return (try Self.apply(changes, to: record.company, access), record.ownerId)
        }
        return try update(scope, id: id, company: company, ownerId: owner, expectedVersion: expectedVersion)
    }

    static func apply(_ changes: [CompanyField: String], to start: Company, _ access: ScopedDatabase) throws -> Company {
        var company = start
        var errors = ValidationErrors()
        let country = try CRMStore.defaultCountry(access)
        for (field, raw) in changes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            func optional<T>(_ label: String, _ parse: (String) throws -> T) -> T? {
                text.isEmpty ? nil : errors.check(label) { try parse(text) }
            }
            switch field {
            case .name: company.name = text
            case .legalName: company.legalName = text
            case .industry: company.industry = text
            case .website: company.website = text
            case .employeeCount: company.employeeCount = optional("employees") { try CompanySize(parsing: $0) }
            case .annualRevenue:
                company.annualRevenue = optional("annual revenue") { try Money.parse($0, currency: access.scope.baseCurrency) }
            case .phone:
                let local = ContactDraft.phoneCountry(named: changes[.country] ?? company.address.country) ?? country
                company.phone = optional("phone") { try PhoneNumber($0, defaultCountry: local) }
            case .email: company.email = optional("email") { try EmailAddress($0) }
            case .status: company.status = optional("status") { try CompanyStatus(parsing: $0) } ?? .active
            case .addressLine1: company.address.line1 = text
            case .addressLine2: company.address.line2 = text
            case .city: company.address.city = text
            case .state: company.address.state = text
            case .postalCode: company.address.postalCode = text
            case .country: company.address.country = text
            case .tags: company.tags = Tags.parse(text)
            case .parentCompany:
                if text.isEmpty {
                    company.parentCompanyID = nil
                } else {
                    let rows = try access.table(table).rows(access.db, where: SQL(sql: "companies.name = ?", arguments: [text]), limit: 1)
                    if let id = rows.first?["id"] as Int64? { company.parentCompanyID = CompanyID(id) }
                    else { errors.add("parent company", "no company \"\(text)\" in \(access.scope.orgName)") }
                }
            }
        }
        for error in company.validate() where errors[error.field] == nil { errors.add(error) }
        if !errors.isEmpty { throw CoreError.invalid(errors.errors) }
        return company
    }
}
