import Testing
@testable import CCWDomain

@Suite struct CompanyHierarchyTests {
    let companies = [
        Company(id: 1, name: "Acme Holding"),
        Company(id: 2, name: "Acme GmbH", parentCompanyID: 1),
        Company(id: 3, name: "Acme Retail", parentCompanyID: 2),
        Company(id: 4, name: "Acme Austria", parentCompanyID: 1),
        Company(id: 5, name: "Globex"),
    ]

    @Test func treeRowsAncestorsAndDescendants() {
        let tree = CompanyHierarchy(companies: companies)
        #expect(tree.flattened().map { "\(String(repeating: "  ", count: $0.depth))\($0.name)" } == [
            "Acme Holding", "  Acme Austria", "  Acme GmbH", "    Acme Retail", "Globex",
        ])
        #expect(tree.flattened()[0].hasChildren)
        #expect(tree.ancestors(of: 3) == [2, 1])
        #expect(tree.descendants(of: 1) == [4, 2, 3])
        #expect(tree.roots == [1, 5])
    }

    @Test func refusesCyclesNamingThem() throws {
        let tree = CompanyHierarchy(companies: companies)
        #expect(tree.checkParent(3, for: 1)?.description ==
                "parent company: Acme Retail is a subsidiary of Acme Holding, so it cannot be its parent (the chain would loop: Acme Holding → Acme Retail → Acme GmbH → Acme Holding)")
        #expect(tree.checkParent(1, for: 1)?.message == "a company cannot be its own parent")
        #expect(tree.checkParent(99, for: 1)?.message == "company 99 does not exist")
        #expect(tree.checkParent(5, for: 2) == nil)
        let moved = try tree.settingParent(5, for: 2)
        #expect(moved.descendants(of: 5) == [2, 3])
        #expect(moved.descendants(of: 1) == [4])
        #expect(throws: FieldError.self) { try tree.settingParent(2, for: 2) }
    }

    @Test func damagedCyclesStillEnd() {
        let damaged = CompanyHierarchy(companies: [Company(id: 1, name: "A", parentCompanyID: 2), Company(id: 2, name: "B", parentCompanyID: 1)])
        #expect(damaged.ancestors(of: 1) == [2])
        #expect(damaged.flattened().map(\.name) == ["A", "B"])
    }

    @Test func rollsUpOpenDealsOverSubsidiaries() {
        let tree = CompanyHierarchy(companies: companies)
        let deals = [
            PipelineFixture.deal(1, 10_000, stage: 2, company: 3),
            PipelineFixture.deal(2, 20_000, stage: 3, company: 2),
            PipelineFixture.deal(3, 5_000, stage: 1, currency: .USD, company: 4),
            PipelineFixture.deal(4, 99_000, stage: 5, company: 2, closed: "2026-01-02"),
            PipelineFixture.deal(5, 1_000, stage: 1, company: 5),
        ]
        let rollup = tree.rollup(deals: deals, pipelines: [PipelineFixture.pipeline])
        #expect(rollup[1]?.count == 3)
        #expect(rollup[1]?.total(in: .EUR) == Money(minor: 30_000, currency: .EUR))
        #expect(rollup[1]?.weighted(in: .EUR) == Money(minor: 12_500, currency: .EUR))
        #expect(rollup[1]?.total(in: .USD) == Money(minor: 5_000, currency: .USD))
        #expect(rollup[2]?.count == 2)
        #expect(rollup[3]?.count == 1)
        #expect(rollup[5]?.count == 1)
    }
}
