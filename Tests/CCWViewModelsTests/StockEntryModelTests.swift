import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

/// The scanner entry screen, driven by intents as a clerk's keys would.
@Suite struct StockEntryModelTests {
    struct Given {
        let session: AppSession
        let model: StockEntryModel
        let bolt: Product

        init(login: String = "admin") throws {
            let admin = try SessionFixture.session()
            _ = try admin.database.warehouses.add(admin.scope, code: "MAIN", name: "Main warehouse")
            _ = try admin.database.warehouses.add(admin.scope, code: "SHOP", name: "Shop", type: .store)
            var draft = ProductDraft(sku: "BOLT-M8", name: "Bolt M8", barcode: "4006381333931")
            draft.costMinor = 120
            bolt = try admin.database.products.add(admin.scope, draft)
            session = login == "admin" ? admin : try SessionFixture.other(admin, login: login)
            model = StockEntryModel(session: session)
        }

        func scan(_ code: String) {
            model.send(.setText(.code, code))
            model.send(.submit)
        }

        func onHand(_ warehouse: String, bin: String = "") throws -> Int64? {
            try session.database.stockQueries.locations(session.scope, productId: bolt.id)
                .first { $0.warehouseCode == warehouse && $0.bin == bin }?.level.onHand.units
        }
    }

    @Test func aScanBooksOneAtTheProductsCostAndClearsForTheNextItem() throws {
        let g = try Given()
        #expect(g.model.mode == .receive && g.model.focus == .code && g.model.warehouse?.code == "MAIN")
        g.model.send(.setText(.bin, "a-12-3"))
        g.scan("4006381333931")
        #expect(g.model.value(.code).isEmpty && g.model.focus == .code)
        #expect(g.model.lines.first?.sku == "BOLT-M8" && g.model.lines.first?.quantity == Quantity(1))
        #expect(g.model.lines.first?.location == "MAIN/A-12-3" && g.model.lines.first?.onHand == "1")
        #expect(try g.onHand("MAIN", bin: "A-12-3") == 1)
        let movement = try g.session.database.stockQueries.ledger(g.session.scope, productId: g.bolt.id).first
        #expect(movement?.unitCost == Money(minor: 120, currency: .EUR))
        // the same code again adds one to the same line; the bin stayed
        g.scan("BOLT-M8")
        #expect(g.model.lines.count == 1 && g.model.lines[0].quantity == Quantity(2) && g.model.lines[0].bookingIds.count == 2)
        // a typed quantity and cost
        g.model.send(.setText(.code, "bolt-m8"))
        g.model.send(.focusNext)
        #expect(g.model.focus == .quantity)
        g.model.send(.setText(.quantity, "5"))
        g.model.send(.setText(.cost, "1.50"))
        g.model.send(.submit)
        #expect(g.model.lines[0].quantity == Quantity(7) && g.model.lines[0].onHand == "7")
        #expect(g.model.value(.quantity).isEmpty && g.model.value(.cost).isEmpty && g.model.value(.bin) == "a-12-3")
    }

    @Test func anUnknownCodeRingsAndKeepsWhatWasTyped() throws {
        let g = try Given()
        g.scan("NOPE-1")
        #expect(g.model.bellCount == 1)
        #expect(g.model.message?.isError == true && g.model.message?.text.contains("unknown code NOPE-1") == true)
        #expect(g.model.value(.code) == "NOPE-1" && g.model.lines.isEmpty)
    }

    @Test func issuingMoreThanOnHandIsShownNotBooked() throws {
        let g = try Given()
        g.scan("BOLT-M8")
        g.model.send(.setMode(.issue))
        g.model.send(.setText(.quantity, "3"))
        g.scan("BOLT-M8")
        #expect(g.model.message?.isError == true && g.model.message?.text.contains("cannot take 3") == true)
        #expect(g.model.lines.count == 1 && g.model.bellCount == 1)
        g.model.send(.setText(.bin, "Z-9"))
        g.model.send(.setText(.quantity, ""))
        g.scan("BOLT-M8")
        #expect(g.model.message?.text.contains("bin Z-9 is not known") == true)
    }

    @Test func transferThenCountABinPostsTheDifference() throws {
        let g = try Given()
        g.model.send(.setText(.quantity, "10"))
        g.scan("BOLT-M8")
        g.model.send(.setMode(.transfer))
        #expect(g.model.fields.contains(.toWarehouse) && g.model.toWarehouse?.code == "SHOP")
        g.model.send(.setText(.toBin, "S-1"))
        g.model.send(.setText(.quantity, "4"))
        g.scan("BOLT-M8")
        #expect(g.model.lines[0].location == "MAIN → SHOP/S-1" && g.model.lines[0].onHand == "6 → 4")
        // count: Enter on the code asks for the counted quantity first
        g.model.send(.setMode(.count))
        g.model.send(.cycle(.warehouse, forward: true))
        #expect(g.model.warehouse?.code == "SHOP")
        g.model.send(.setText(.bin, "S-1"))
        g.scan("BOLT-M8")
        #expect(g.model.focus == .quantity && g.model.lines.count == 2)
        g.model.send(.setText(.quantity, "3"))
        g.model.send(.submit)
        #expect(g.model.lines[0].mode == .count && g.model.lines[0].difference == Quantity(-1) && g.model.lines[0].onHand == "3")
        #expect(g.model.message?.text.contains("difference -1 posted") == true)
        #expect(try g.onHand("SHOP", bin: "S-1") == 3)
    }

    @Test func undoReversesTheNewestLine() throws {
        let g = try Given()
        g.scan("BOLT-M8")
        g.scan("BOLT-M8")
        g.model.send(.undoLast)
        #expect(g.model.lines[0].undone)
        #expect(try g.onHand("MAIN") == nil)
        let kinds = try g.session.database.stockQueries.ledger(g.session.scope, productId: g.bolt.id).map(\.kind)
        #expect(kinds == ["reversal", "reversal", "receive", "receive"])
        g.model.send(.undoLast)
        #expect(g.model.message?.text == "nothing to undo in this session")
    }

    @Test func modesAndTabOrder() throws {
        let g = try Given()
        #expect(g.model.fields == [.code, .quantity, .cost, .mode, .warehouse, .bin, .batch])
        g.model.send(.setMode(.issue))
        #expect(g.model.fields == [.code, .quantity, .mode, .warehouse, .bin, .batch])
        g.model.send(.focusPrevious)
        #expect(g.model.focus == .batch)
        g.model.send(.cycle(.mode, forward: true))
        #expect(g.model.mode == .transfer)
    }

    @Test func aBatchTrackedProductIsReceivedIntoTheTypedBatch() throws {
        let g = try Given()
        var draft = ProductDraft(sku: "MILK-1", name: "Milk")
        draft.tracking = .batch
        let milk = try g.session.database.products.add(g.session.scope, draft)
        g.scan("MILK-1")
        #expect(g.model.message?.text.contains("batch number is required") == true && g.model.lines.isEmpty)
        g.model.send(.setText(.batch, "L7"))
        g.scan("MILK-1")
        #expect(g.model.lines.first?.location == "MAIN batch L7")
        let rows = try g.session.database.stockQueries.locations(g.session.scope, productId: milk.id)
        #expect(rows.map(\.batch) == ["L7"])
    }

    @Test func aReadOnlyUserCannotBook() throws {
        let g = try Given(login: "petra.koch")
        #expect(!g.model.canBook)
        g.scan("BOLT-M8")
        #expect(g.model.lines.isEmpty && g.model.message?.isError == true)
    }
}
