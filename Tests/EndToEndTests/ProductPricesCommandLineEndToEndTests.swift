import Foundation
import Testing

/// `ccw products prices` and `ccw products quote` on the built binary.
@Suite struct ProductPricesCommandLineEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func laddersAreSetListedQuotedAndRemoved() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        #expect(try s.ccw("products", "add", "MUG-1", "--name", "Mug", "--cost", "4.20", "--price", "12.90", "--login", "owner").status == 0)

        // set a wholesale ladder with breaks; the write reports on stderr
        let set = try s.ccw("products", "prices", "MUG-1", "--set", "wholesale:EUR", "1=10.00,10=9.00,50=8.00", "--login", "owner")
        #expect(set.status == 0 && set.err.contains("set the wholesale EUR prices of MUG-1: 1 → 10.00 · 10 → 9.00 · 50 → 8.00"), "\(set.err)")
        #expect(try s.ccw("products", "prices", "MUG-1", "--set", "distributor:EUR", "100=7.00", "--login", "owner").status == 0)

        // list: table and JSON (money as decimal strings)
        let table = try s.ccw("products", "prices", "MUG-1", "--login", "owner")
        #expect(table.status == 0 && table.out.contains("sale price 12.90 EUR per pcs"), "\(table.out)")
        #expect(table.out.contains("wholesale") && table.out.contains("distributor"))
        let listed = try json(try s.ccw("products", "prices", "MUG-1", "--login", "owner", "--json").out)
        let ladders = listed["ladders"] as? [[String: Any]] ?? []
        #expect(ladders.map { "\($0["tier"]!):\($0["currency"]!)" } == ["wholesale:EUR", "distributor:EUR"])
        let breaks = ladders.first?["breaks"] as? [[String: Any]] ?? []
        #expect(breaks.map { "\($0["min_quantity"]!)=\($0["unit_price"]!)" } == ["1=10.00", "10=9.00", "50=8.00"])
        #expect(listed["sale_price"] as? String == "12.90" && listed["version"] as? Int == 3)

        // quote: by break, and retail falls back to the sale price
        let quote = try s.ccw("products", "quote", "MUG-1", "12", "--tier", "wholesale", "--login", "owner")
        #expect(quote.status == 0 && quote.out.contains("unit 9.00, line 108.00 EUR") && quote.out.contains("from 10"), "\(quote.out)")
        let retail = try json(try s.ccw("products", "quote", "MUG-1", "3", "--login", "owner", "--json").out)
        #expect(retail["unit_price"] as? String == "12.90" && retail["line_total"] as? String == "38.70" && retail["source"] as? String == "sale-price")

        // refusals name the line or field (exit 1); usage mistakes exit 2
        let bad = try s.ccw("products", "prices", "MUG-1", "--set", "wholesale:EUR", "1=10.00,10=9.999,20=9.00,15=8.00", "--login", "owner")
        #expect(bad.status == 1 && bad.err.contains("line 2: 9.999: too many decimals for EUR (2 allowed)"), "\(bad.err)")
        #expect(bad.err.contains("line 4: quantity 15 comes after 20: quantities must go up"), "\(bad.err)")
        let currency = try s.ccw("products", "prices", "MUG-1", "--set", "wholesale:EUT", "1=1", "--login", "owner")
        #expect(currency.status == 1 && currency.err.contains("currency: \"EUT\" is not a known ISO 4217 currency code"), "\(currency.err)")
        let noPrice = try s.ccw("products", "quote", "MUG-1", "1", "--tier", "wholesale", "--currency", "USD", "--login", "owner")
        #expect(noPrice.status == 1 && noPrice.err.contains("MUG-1 has no wholesale price in USD"), "\(noPrice.err)")
        #expect(try s.ccw("products", "prices", "MUG-1", "--set", "wholesale:EUR", "--login", "owner").status == 2)
        #expect(try s.ccw("products", "quote", "MUG-1", "1.5", "--login", "owner").status == 1)

        // remove a ladder; removing it again says there is none
        let removed = try s.ccw("products", "prices", "MUG-1", "--remove", "wholesale:EUR", "--login", "owner")
        #expect(removed.status == 0 && removed.err.contains("removed the wholesale EUR prices of MUG-1"), "\(removed.err)")
        let again = try s.ccw("products", "prices", "MUG-1", "--remove", "wholesale:EUR", "--login", "owner")
        #expect(again.status == 1 && again.err.contains("no price ladder wholesale:EUR of MUG-1"), "\(again.err)")
    }

    @Test func importAndExportCarryAWholesalePrice() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let bad = try s.write("SKU,Name,Price,Wholesale price\nCUP-1,Cup,3.90,2.95\nCUP-2,Big cup,4.90,-1\n", to: "bad.csv")
        let refused = try s.ccw("products", "import", bad, "--login", "owner")
        #expect(refused.status == 1 && refused.err.contains("line 3: wholesale_price: -1: must not be negative"), "\(refused.err)")
        let good = try s.write("SKU,Name,Price,Wholesale price\nCUP-1,Cup,3.90,2.95\nCUP-2,Big cup,4.90,\n", to: "good.csv")
        #expect(try s.ccw("products", "import", good, "--login", "owner").status == 0)
        let quote = try s.ccw("products", "quote", "CUP-1", "20", "--tier", "wholesale", "--login", "owner")
        #expect(quote.out.contains("unit 2.95, line 59.00 EUR"), "\(quote.out)")
        let export = try s.ccw("products", "export", "--login", "owner")
        #expect(export.out.hasPrefix("sku,name,barcode,cost,price,unit,decimals,brand,valuation,tracking,active,wholesale_price\n"))
        #expect(export.out.contains("CUP-1,Cup,,0.00,3.90,pcs,0,,fifo,quantity,yes,2.95\n"), "\(export.out)")
        #expect(export.out.contains("CUP-2,Big cup,,0.00,4.90,pcs,0,,fifo,quantity,yes,\n"), "\(export.out)")
    }
}
