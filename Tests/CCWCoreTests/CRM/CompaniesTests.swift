import CCWDomain
import Testing
@testable import CCWCore

@Suite struct CompaniesTests {
    @Test func aParentThatWouldCloseACycleIsRefusedNamingTheChain() throws {
        // given Holding ← GmbH ← Berlin
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let holding = try seeded.database.companies.add(scope, company: Company(name: "Acme Holding"))
        let gmbh = try seeded.database.companies.add(scope, company: Company(name: "Acme GmbH", parentCompanyID: holding.id))
        let berlin = try seeded.database.companies.add(scope, company: Company(name: "Acme Berlin", parentCompanyID: gmbh.id))
        // when the holding is made a subsidiary of Berlin
        let error = coreError { _ = try seeded.database.companies.setParent(scope, id: holding.id, parent: berlin.id,
                                                                            expectedVersion: holding.version) }
        // then it is refused with the chain, and nothing changed
        #expect(error?.fieldErrors.first?.field == "parent company")
        let message = error?.description ?? ""
        #expect(message.contains("Acme Holding → Acme Berlin → Acme GmbH → Acme Holding"), "\(message)")
        #expect(try seeded.database.companies.get(scope, id: holding.id).company.parentCompanyID == nil)
        // and a legal move is saved and shown in the tree
        _ = try seeded.database.companies.setParent(scope, id: berlin.id, parent: holding.id, expectedVersion: berlin.version)
        let tree = try seeded.database.companies.tree(scope).map { "\(String(repeating: "  ", count: $0.depth))\($0.name)" }
        #expect(tree == ["Acme Holding", "  Acme Berlin", "  Acme GmbH"])
    }

    @Test func pipelineTotalsRollUpOverSubsidiaries() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let holding = try seeded.database.companies.add(scope, company: Company(name: "Acme Holding"))
        let gmbh = try seeded.database.companies.add(scope, company: Company(name: "Acme GmbH", parentCompanyID: holding.id))
        _ = try seeded.database.deals.add(scope, NewDeal(name: "Holding deal", value: Money(minor: 100_000, currency: .EUR), companyId: holding.id))
        _ = try seeded.database.deals.add(scope, NewDeal(name: "GmbH deal", value: Money(minor: 50_000, currency: .EUR), companyId: gmbh.id))
        let totals = try seeded.database.companies.pipelineTotals(scope, id: holding.id)
        #expect(totals.count == 2)
        #expect(totals.total(in: .EUR).minor == 150_000)
        #expect(totals.weighted(in: .EUR).minor == 15_000) // both in Lead at 10%
        #expect(try seeded.database.companies.pipelineTotals(scope, id: gmbh.id).count == 1)
    }

    @Test func onlyManagersAndAdminsDeleteCompanies() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber") // sales
        let anna = try seeded.scope("anna.schmidt") // manager
        let acme = try seeded.database.companies.add(jonas, company: Company(name: "Acme"))
        // a sales rep may add and edit, but not delete
        #expect(coreError { try seeded.database.companies.delete(jonas, id: acme.id, expectedVersion: acme.version) }
                == .notPermitted(PermissionDenied(role: .sales, action: .delete, module: .crm)))
        // read-only may not edit
        let petra = try seeded.scope("petra.koch")
        #expect(coreError { _ = try seeded.database.companies.update(petra, id: acme.id, company: acme.company, ownerId: nil,
                                                                     expectedVersion: acme.version) }?.exitCode == 4)
        // a manager may delete
        try seeded.database.companies.delete(anna, id: acme.id, expectedVersion: acme.version)
        #expect(coreError { _ = try seeded.database.companies.get(jonas, id: acme.id) }?.exitCode == 1)
    }

    @Test func searchFindsNameAndDomainSubstrings() throws {
        let seeded = try SeededDatabase()
        _ = try seeded.database.companies.add(seeded.northwind, company: Company(name: "Globex Corporation", website: "https://www.globex.example/"))
        _ = try seeded.database.companies.add(seeded.northwind, company: Company(name: "Initech"))
        #expect(try seeded.database.companies.page(seeded.northwind, text: "obex").map(\.company.name) == ["Globex Corporation"])
        #expect(try seeded.database.companies.page(seeded.northwind, text: "ex.exam").count == 1)
        #expect(try seeded.database.companies.page(seeded.northwind).map(\.company.name) == ["Globex Corporation", "Initech"])
    }
}
