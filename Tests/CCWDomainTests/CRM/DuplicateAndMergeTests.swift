import Testing
@testable import CCWDomain

@Suite struct DuplicateDetectorTests {
    let de = try! PhoneCountry("DE")

    func contact(_ id: Int64?, _ first: String, _ last: String, email: String? = nil, phone: String? = nil,
                 company: CompanyID? = nil) -> Contact {
        Contact(id: id.map { ContactID($0) }, firstName: first, lastName: last, email: email.map { try! EmailAddress($0) },
                phone: phone.map { try! PhoneNumber($0, defaultCountry: de) }, companyID: company)
    }

    @Test func findsByEmailPhoneAndSimilarNameAtTheSameCompany() {
        let existing = [
            contact(1, "Anna", "Meier", email: "anna@acme.example", company: 7),
            contact(2, "Hans", "Meier", phone: "030 1234567", company: 7),
            contact(3, "Jürgen", "Müller", company: 7),
            contact(4, "Anna", "Maier", company: 8),
        ]
        let detector = DuplicateDetector(existing: existing, companyNames: [7: "Acme GmbH", 8: "Globex"])
        let candidate = contact(nil, "Anna", "Maier", email: "ANNA@acme.example", phone: "+49 30 1234567", company: 7)
        let matches = detector.matches(for: candidate)
        #expect(matches.map(\.contactID) == [1, 2])
        #expect(matches[0].reasons.count == 2)
        #expect(matches[0].reasons[0] == .sameEmail("anna@acme.example"))
        guard case let .similarName(similarity, company) = matches[0].reasons[1] else { Issue.record("no name reason"); return }
        #expect(similarity >= DuplicateDetector.nameThreshold)
        #expect(company == "Acme GmbH")
        #expect(matches[1].reasons == [.samePhone("+49301234567")])
        // Accents folded, and an import row that names the company matches contacts linked by id.
        let mueller = detector.matches(for: contact(nil, "Jurgen", "Mueller"), companyName: "ACME")
        #expect(mueller.map(\.contactID) == [3])
        // Swapped first and last name.
        #expect(detector.matches(for: contact(nil, "Meier", "Anna", company: 7)).map(\.contactID) == [1])
        // Different company, different person.
        #expect(detector.matches(for: contact(nil, "Peter", "Schmidt", company: 7)).isEmpty)
        // A contact is not its own duplicate.
        #expect(detector.matches(for: existing[0]).isEmpty)
        #expect(DuplicateDetector.companyKey("ACME GmbH & Co. KG") == "acme")
    }
}

@Suite struct ContactMergeTests {
    @Test func defaultPlanAndChoices() throws {
        let a = Contact(id: 1, firstName: "Anna", lastName: "Meier", email: try EmailAddress("anna@acme.example"),
                        title: "Buyer", companyID: 7, leadScore: 10, status: .lead, tags: ["vip"],
                        customFields: ["size": "38", "color": "red"])
        let b = Contact(id: 2, firstName: "Anna", lastName: "Maier", email: try EmailAddress("a.maier@acme.example"),
                        mobile: try PhoneNumber("+49 171 1234567", defaultCountry: nil), title: "",
                        companyID: 7, isPrimary: true, leadScore: 30, status: .customer, tags: ["fair", "VIP"],
                        customFields: ["size": "39", "shoe": "41"])
        var merge = ContactMerge(survivor: a, duplicate: b)
        #expect(merge.conflicts == [.lastName, .email, .customFields])
        #expect(merge.customFieldConflicts == ["size"])
        var merged = merge.merged()
        #expect(merged.id == 1)
        #expect(merged.lastName == "Meier")
        #expect(merged.mobile?.e164 == "+491711234567")
        #expect(merged.title == "Buyer")
        #expect(merged.leadScore == 30)
        #expect(merged.status == .customer)
        #expect(merged.tags == ["vip", "fair"])
        #expect(merged.customFields == ["size": "38", "color": "red", "shoe": "41"])
        #expect(merge.retired == 2)

        try merge.choose(.keepB, for: .email)
        try merge.choose(.keepA, for: .tags)
        merged = merge.merged()
        #expect(merged.email?.value == "a.maier@acme.example")
        #expect(merged.tags == ["vip"])
        #expect(throws: InputError("email: only tags and custom fields can be combined")) { try merge.choose(.combine, for: .email) }
        #expect(merge.fields.first { $0.field == .email }?.b == "a.maier@acme.example")
    }

    @Test func primaryFollowsTheCompanyChoice() throws {
        let a = Contact(id: 1, firstName: "Anna", lastName: "Meier", companyID: 7)
        let b = Contact(id: 2, firstName: "Anna", lastName: "Meier", companyID: 9, isPrimary: true)
        var merge = ContactMerge(survivor: a, duplicate: b)
        #expect(merge.merged().isPrimary == false)
        try merge.choose(.keepB, for: .company)
        #expect(merge.merged().companyID == 9)
        #expect(merge.merged().isPrimary)
    }
}
