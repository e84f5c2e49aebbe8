import Testing
@testable import CCWDomain

@Suite struct ContactTests {
    let de = try! PhoneCountry("DE")

    @Test func validateNamesEveryBrokenRule() throws {
        let phone = try PhoneNumber("+49 30 1234567", defaultCountry: nil)
        var contact = Contact(firstName: " ", lastName: "", phone: phone, mobile: phone, isPrimary: true,
                              leadScore: 5000, tags: ["vip", "VIP"])
        contact.customFields = ["": "x"]
        let errors = contact.validate()
        #expect(errors.contains(FieldError(field: "name", message: "a first or a last name is required")))
        #expect(errors.contains(FieldError(field: "primary contact", message: "only a contact of a company can be its primary contact")))
        #expect(errors.contains(FieldError(field: "mobile", message: "same number as phone (+49301234567); leave one empty")))
        #expect(errors.contains(FieldError(field: "lead score", message: "5000 is out of range (-1000 to 1000)")))
        #expect(errors.contains(FieldError(field: "tags", message: "tags must be trimmed, non-empty and not repeated")))
        #expect(errors.contains(FieldError(field: "custom fields", message: "a custom field has no name")))
        #expect(Contact(firstName: "Cher", lastName: "").validate().isEmpty)
        #expect(Contact(firstName: "Cher", lastName: "").fullName == "Cher")
    }

    @Test func draftParsesTextAndCollectsAllErrors() throws {
        var draft = ContactDraft()
        draft[.firstName] = " Anna "
        draft[.lastName] = "Meier"
        draft[.email] = "Anna@Example.com"
        draft[.phone] = "0171 1234567"
        draft[.country] = "Austria"
        draft[.status] = "Customer"
        draft[.tags] = "vip; fair|vip"
        draft[.isPrimary] = "yes"
        draft[.company] = "Acme"
        let contact = try draft.parse(defaultCountry: de).get()
        #expect(contact.firstName == "Anna")
        #expect(contact.email?.value == "Anna@example.com")
        #expect(contact.phone?.e164 == "+431711234567") // the row's own country wins over the org's
        #expect(contact.status == .customer)
        #expect(contact.tags == ["vip", "fair"])
        #expect(contact.isPrimary)

        var bad = ContactDraft()
        bad[.email] = "anna@"
        bad[.status] = "vip"
        bad[.leadScore] = "high"
        bad[.isPrimary] = "maybe"
        guard case let .failure(errors) = bad.parse(defaultCountry: de) else { Issue.record("should fail"); return }
        #expect(errors["email"] == "email \"anna@\": domain is missing")
        #expect(errors["status"] == "status \"vip\": expected lead, prospect, customer or inactive")
        #expect(errors["lead score"] == "\"high\" is not a whole number")
        #expect(errors["primary contact"] == "\"maybe\": expected yes or no")
        #expect(errors["name"] == "a first or a last name is required")
    }

    @Test func tagsNormalize() {
        #expect(Tags.parse(" vip , Fair;;VIP| fair ") == ["vip", "Fair"])
        #expect(Tags.union(["a", "B"], ["b", "c"]) == ["a", "B", "c"])
        #expect(Tags.contains(["VIP"], " vip"))
        #expect(Tags.validate([String(repeating: "x", count: 51)]).count == 1)
    }
}

@Suite struct CompanyTests {
    @Test func sizesParseFromBandsAndCounts() throws {
        #expect(try CompanySize(parsing: "11-50").description == "11-50")
        #expect(try CompanySize(parsing: "11 – 50").minimum == 11)
        #expect(try CompanySize(parsing: "42").description == "11-50")
        #expect(try CompanySize(parsing: "1,200").description == "1001-5000")
        #expect(try CompanySize(parsing: "20000").description == "10001+")
        #expect(try CompanySize(parsing: "10001+").maximum == nil)
        #expect(throws: InputError.self) { try CompanySize(parsing: "0") }
    }

    @Test func validateAndWebsiteDomain() throws {
        #expect(Company.domain(ofWebsite: "https://www.Acme.example/de?x=1") == "acme.example")
        var company = Company(id: 4, name: "", website: "not a site", annualRevenue: Money(minor: -1, currency: .EUR), parentCompanyID: 4)
        let errors = company.validate()
        #expect(errors.contains(FieldError(field: "name", message: "a company name is required")))
        #expect(errors.contains(FieldError(field: "website", message: "\"not a site\" is not a web address (expected e.g. acme.example)")))
        #expect(errors.contains(FieldError(field: "annual revenue", message: "cannot be negative")))
        #expect(errors.contains(FieldError(field: "parent company", message: "a company cannot be its own parent")))
        company = Company(name: "Acme", website: "acme.example", employeeCount: try CompanySize(parsing: "60"))
        #expect(company.validate().isEmpty)
    }
}
