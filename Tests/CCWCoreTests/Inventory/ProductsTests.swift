import CCWDomain
import Testing
@testable import CCWCore

@Suite struct ProductsTests {
    @Test func aScannerFindsAProductBySKUOrBarcode() throws {
        // given a product with a UPC-A barcode, stored in its EAN-13 form
        let f = try InventoryFixture()
        let p = try f.product("TS-RED-M", barcode: "012345678905")
        #expect(p.barcode == "0012345678905")
        // then the SKU in any case, the UPC-A and the EAN-13 all find it
        for code in ["ts-red-m", "012345678905", "0012345678905"] {
            #expect(try f.database.products.lookup(f.scope, code: code).id == p.id)
        }
        #expect(coreError { _ = try f.database.products.lookup(f.scope, code: "NOPE") } == .notFound(entity: "product", key: "NOPE"))
        // and SKU and barcode stay unique; a wrong check digit names the field
        #expect(coreError { _ = try f.product("TS-RED-M") } == .duplicate(field: "sku", value: "TS-RED-M"))
        #expect(coreError { _ = try f.product("OTHER", barcode: "0012345678905") } == .duplicate(field: "barcode", value: "0012345678905"))
        #expect(coreError { _ = try f.product("BAD", barcode: "4006381333932") }?.fieldErrors.first?.field == "barcode")
    }

    @Test func theGridPagesByNameAndSearchesBySubstring() throws {
        let f = try InventoryFixture()
        for (sku, name) in [("A1", "Anchor bolt"), ("B1", "Bracket"), ("C1", "Cable tie"), ("D1", "Dowel"), ("E1", "Eye bolt")] {
            _ = try f.database.products.add(f.scope, ProductDraft(sku: sku, name: name))
        }
        let first = try f.database.products.page(f.scope, limit: 2)
        let second = try f.database.products.page(f.scope, after: ProductCursor(first[1]), limit: 2)
        #expect(first.map(\.name) + second.map(\.name) == ["Anchor bolt", "Bracket", "Cable tie", "Dowel"])
        let bolts = ProductFilter(text: "bolt")
        #expect(try f.database.products.page(f.scope, filter: bolts).map(\.sku) == ["A1", "E1"])
        #expect(try f.database.products.count(f.scope, filter: bolts) == (2, true))
        #expect(try f.database.products.count(f.scope, filter: bolts, cap: 1) == (1, false))
        #expect(try f.database.products.page(f.scope, filter: ProductFilter(text: "e1")).map(\.sku) == ["E1"])
    }

    @Test func variantsAreGeneratedFromTheMatrix() throws {
        let f = try InventoryFixture()
        let parent = try f.database.products.add(f.scope, ProductDraft(sku: "TSHIRT", name: "T-shirt"))
        let variants = try f.database.products.addVariants(f.scope, parentId: parent.id,
                                                          axes: [VariantAxis("Colour", ["Red", "Blue"]), VariantAxis("Size", ["S", "M"])])
        #expect(variants.map(\.sku) == ["TSHIRT-RED-S", "TSHIRT-RED-M", "TSHIRT-BLUE-S", "TSHIRT-BLUE-M"])
        #expect(variants.allSatisfy { $0.parentId == parent.id })
        #expect(variants[1].variantAttributes == ["Colour": "Red", "Size": "M"])
        #expect(try f.database.products.page(f.scope, filter: ProductFilter(parentId: parent.id)).count == 4)
    }

    @Test func updatesAreVersionCheckedAndStockSettingsFreezeOnceStockMoved() throws {
        let f = try InventoryFixture()
        let p = try f.product("CUP-1")
        var draft = ProductDraft(p)
        draft.name = "Cup"
        let updated = try f.database.products.update(f.scope, id: p.id, draft, expectedVersion: p.version)
        #expect(updated.name == "Cup" && updated.version == p.version + 1)
        #expect(coreError { _ = try f.database.products.update(f.scope, id: p.id, draft, expectedVersion: p.version) }?.exitCode == 3)
        try f.book(updated, at: f.main, .receive(Quantity(1), unitCost: f.eur(10)))
        draft.valuation = .lifo
        #expect(coreError { _ = try f.database.products.update(f.scope, id: p.id, draft, expectedVersion: updated.version) }?.exitCode == 1)
        #expect(coreError { try f.database.products.delete(f.scope, id: p.id, expectedVersion: updated.version) }?.description
                .contains("still has stock") == true)
    }

    @Test func aReadOnlyUserCannotBookStock() throws {
        let f = try InventoryFixture()
        let p = try f.product("CUP-2")
        let readOnly = try f.seeded.scope("petra.koch")
        #expect(coreError {
            try f.database.stockBooking.book(readOnly, .receive(p.id, at: f.main.id, Quantity(1), unitCost: f.eur(1)))
        }?.exitCode == 4)
    }
}
