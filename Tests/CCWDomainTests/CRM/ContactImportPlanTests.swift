import Testing
@testable import CCWDomain

@Suite struct ContactImportPlanTests {
    let de = try! PhoneCountry("DE")
    let acme = Company(id: 7, name: "ACME GmbH")
    let hans = Contact(id: 12, firstName: "Hans", lastName: "Schulz", email: try! EmailAddress("hans@acme.example"), companyID: 7)

    static let file = """
    \u{FEFF}First Name,Last Name,E-mail,Phone,Company,Tags,Notes\r
    Anna,Meier,anna@example.com,030 1234567,"Acme GmbH","vip, fair",\r
    Bob,"Smith, Jr.",bob@example,+1 212 555 0100,Globex,,\r
    Carla,Rossi,carla@example.it,"06 1234 5678",Initech,,"likes\r
    espresso"\r
    ,,,,,,\r
    Dieter,,dieter@@example.de,12,,,\r
    Frank,Müller,frank@example.de,0301234567,ACME,,\r
    Anna,Maier,anna.maier@example.org,,Acme,,\r
    Gina,Lopez,gina@example.es,,\r
    "Zoë",Ng,zoe@example.com,,"Umbrella, Inc.",,\r

    """

    func plan(mode: ImportMode = .allOrNothing, policy: LikelyDuplicatePolicy = .importAndFlag,
              overrides: [String] = ["Notes=custom.notes"]) throws -> ContactImportPlan {
        try ContactImportPlan(records: CSVReader.read(Self.file), overrides: overrides, defaultCountry: de,
                              existing: [hans], companies: [acme], mode: mode, duplicatePolicy: policy)
    }

    @Test func dryRunListsEachBadRowWithItsLineAndReasons() throws {
        let plan = try plan()
        #expect(plan.rows.map(\.line) == [2, 3, 4, 7, 8, 9, 10, 11])
        #expect(plan.rows.filter { !$0.isValid }.map(\.line) == [3, 7, 10])
        let report = plan.report
        #expect(report[0] == "line 3: email \"bob@example\": domain \"example\" needs a dot (e.g. example.com)")
        #expect(report[1] == "line 7: email \"dieter@@example.de\": more than one @; phone \"12\": too short for Germany (2 digits); is the area code missing?")
        #expect(report[2] == "line 10: has 5 fields, the header has 7 (a missing or extra comma or quote?)")
        #expect(report[3] == "line 8: likely duplicate: same phone +49301234567 as line 2 (Anna Meier)")
        #expect(report[4].hasPrefix("line 9: likely duplicate: similar name at ACME GmbH ("))
        #expect(report.contains("new companies: Initech, Umbrella, Inc."))
        #expect(report.contains("nothing imported: 3 bad rows (fix them, or import with skip-bad-rows)"))
        #expect(report.last == "8 rows: 5 valid, 3 invalid, 2 likely duplicates; 0 to import")
        #expect(!plan.canImport)
        #expect(plan.rowsToImport.isEmpty)
    }

    @Test func parsedRowsCarryEveryMappedField() throws {
        let rows = try plan().rows
        let anna = try #require(rows[0].contact)
        #expect(anna.fullName == "Anna Meier")
        #expect(anna.email?.value == "anna@example.com")
        #expect(anna.phone?.e164 == "+49301234567")
        #expect(anna.companyID == 7)
        #expect(anna.tags == ["vip", "fair"])
        #expect(anna.status == .lead)
        let carla = try #require(rows[2].contact)
        #expect(carla.customFields == ["notes": "likes\r\nespresso"])
        #expect(carla.phone?.e164 == "+49612345678")
        #expect(rows[2].companyName == "Initech")
        #expect(carla.companyID == nil)
        #expect(rows.last?.contact?.firstName == "Zoë")
    }

    @Test func modesAndDuplicatePolicy() throws {
        let skipping = try plan(mode: .skipBadRows)
        #expect(skipping.canImport)
        #expect(skipping.rowsToImport.map(\.line) == [2, 4, 8, 9, 11])
        #expect(skipping.summary.toImport == 5)
        let strict = try plan(mode: .skipBadRows, policy: .skip)
        #expect(strict.rowsToImport.map(\.line) == [2, 4, 11])
        let unmapped = try plan(overrides: [])
        #expect(unmapped.report.contains("columns not imported: \"Notes\" (use --map \"Column=field\" or --map \"Column=custom.name\" to keep them)"))
    }

    @Test func emailsAreUniqueAgainstStoredContactsAndEarlierRows() throws {
        let text = "Name,Email\nAnna Meier,anna@example.com\n\"Meier, Anna\",ANNA@example.com\nH. Schulz,Hans@Acme.example\n"
        let plan = try ContactImportPlan(records: CSVReader.read(text), defaultCountry: de, existing: [hans])
        #expect(plan.rows[0].contact?.firstName == "Anna")
        #expect(plan.rows[0].contact?.lastName == "Meier")
        #expect(plan.report[0] == "line 3: email ANNA@example.com is already used by line 2")
        #expect(plan.report[1] == "line 4: email Hans@acme.example is already used by Hans Schulz (contact 12)")
    }

    @Test func refusesFilesItCannotMap() throws {
        #expect(throws: InputError.self) { try ContactImportPlan(records: [], defaultCountry: de) }
        #expect(throws: MappingError.self) {
            try ContactImportPlan(records: CSVReader.read("Email,Phone\na@b.de,1\n"), defaultCountry: de)
        }
    }

    @Test func splitsFullNames() {
        #expect(ContactImportPlan.splitName("Anna Maria Meier") == ("Anna Maria", "Meier"))
        #expect(ContactImportPlan.splitName("Meier, Anna") == ("Anna", "Meier"))
        #expect(ContactImportPlan.splitName("Cher") == ("", "Cher"))
    }

    /// The file parsed on its own says which stored contacts to read (emails, phones in
    /// E.164, company ids of parsed rows only), and finishing the plan from it gives the plan
    /// made from the records in one go.
    @Test func parsedRowsGiveTheLookupKeysAndTheSamePlan() throws {
        let records = try CSVReader.read("""
            Name,Email,Phone,Mobile,Company
            Anna Maier,Anna@Example.com,030 1234567,,Acme
            Ben Berg,bad@,040 555111,,Acme
            Carl Cruz,,,+49 171 2345678,Nowhere
            Hans Schultz,,,,ACME GmbH

            """)
        let parsed = try ContactImportRows(records: records, defaultCountry: de, companies: [acme])
        let keys = parsed.lookupKeys
        #expect(keys.emails == ["anna@example.com"])
        #expect(keys.phones == ["+49301234567", "+491712345678"])
        #expect(keys.companies == [7])

        let stored = Contact(id: 3, firstName: "Anna", lastName: "Meier", companyID: 7)
        let finished = ContactImportPlan(parsed: parsed, existing: [hans, stored])
        let direct = try ContactImportPlan(records: records, defaultCountry: de, existing: [hans, stored], companies: [acme])
        #expect(finished.rows.map(\.errors) == direct.rows.map(\.errors))
        #expect(finished.rows.map(\.duplicates) == direct.rows.map(\.duplicates))
        #expect(finished.rows[0].duplicates.count == 1 && finished.rows[0].duplicates[0].contains("Anna Meier (contact 3)"))
        #expect(finished.rows[3].duplicates.count == 1 && finished.rows[3].duplicates[0].contains("Hans Schulz"))
        #expect(!finished.rows[1].isValid && finished.newCompanies == ["Nowhere"])
    }
}

@Suite struct CompanyImportPlanTests {
    @Test func parsesFlagsAndRefusesRows() throws {
        let text = """
        Company,Website,Employees,Revenue,Parent,Industry
        Acme Holding,https://www.acme.example/,"1,200","5,000,000.00",,Retail
        Acme Retail,,11-50,,Acme Holding,Retail
        Globex,globex.example,lots,,,
        ACME GmbH,acme.example,,,,
        Loop A,,,,Loop B,
        Loop B,,,,Loop A,
        Orphan,,,,Nobody,
        Child of bad,,,,Globex,
        """
        let stored = Company(id: 3, name: "Initech AG", website: "initech.example")
        let plan = try CompanyImportPlan(records: CSVReader.read(text), defaultCountry: try PhoneCountry("DE"), currency: .EUR,
                                         existing: [stored], mode: .skipBadRows)
        let holding = try #require(plan.rows[0].company)
        #expect(holding.employeeCount?.description == "1001-5000")
        #expect(holding.annualRevenue == Money(minor: 500_000_000, currency: .EUR))
        #expect(plan.rows[1].parentInFile == "Acme Holding")
        let report = plan.report
        #expect(report.contains("line 4: employees \"lots\": expected a head count or one of 1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000, 10001+"))
        #expect(report.contains("line 6: parent company: the chain would loop: Loop A → Loop B → Loop A"))
        #expect(report.contains("line 7: parent company: the chain would loop: Loop B → Loop A → Loop B"))
        #expect(report.contains("line 8: parent company \"Nobody\" is neither stored nor in this file"))
        #expect(report.contains("line 9: parent company \"Globex\" is a bad row (line 4)"))
        #expect(report.contains("line 5: likely duplicate: same web site acme.example as line 2"))
        #expect(plan.rowsToImport.map(\.line) == [2, 3, 5])
    }
}
