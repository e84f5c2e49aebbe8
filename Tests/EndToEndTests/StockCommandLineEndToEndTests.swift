import Foundation
import Testing

/// `ccw products` and `ccw stock` on the built binary: data on stdout, messages on stderr,
/// documented exit codes.
@Suite struct StockCommandLineEndToEndTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func catalogueBinsMovementsLevelsValueAndReservations() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        #expect(try s.ccw("warehouses", "add", "MAIN", "--name", "Main warehouse", "--login", "owner").status == 0)
        #expect(try s.ccw("warehouses", "add", "SHOP", "--name", "Shop", "--type", "store", "--login", "owner").status == 0)

        // products: add, import (all or nothing, bad rows named), list, show, export
        let added = try s.ccw("products", "add", "TSHIRT-RED-M", "--name", "T-shirt red M", "--cost", "4.20", "--price", "12.90",
                              "--barcode", "4006381333931", "--login", "owner", "--json")
        #expect(added.status == 0, "\(added.err)")
        #expect((try json(added.out) as? [String: Any])?["cost"] as? String == "4.20")
        let csv = try s.write("SKU,Name,EAN,Cost\nMUG-1,Mug,,2.50\nMUG-2,,,1\nMUG-3,Big mug,,abc\n", to: "products.csv")
        let bad = try s.ccw("products", "import", csv, "--login", "owner")
        #expect(bad.status == 1)
        #expect(bad.err.contains("line 3: name: is required") || bad.err.contains("line 3:"), "\(bad.err)")
        #expect(bad.err.contains("line 4:") && bad.err.contains("nothing imported"))
        let good = try s.write("SKU,Name,EAN,Cost\nMUG-1,Mug,,2.50\nMUG-2,Big mug,,3\n", to: "good.csv")
        #expect(try s.ccw("products", "import", good, "--dry-run", "--login", "owner").err.contains("dry run"))
        let imported = try s.ccw("products", "import", good, "--login", "owner")
        #expect(imported.status == 0 && imported.err.contains("imported 2 products"), "\(imported.err)")
        let list = try json(try s.ccw("products", "list", "--login", "owner", "--json").out) as? [[String: Any]]
        #expect(list?.compactMap { $0["sku"] as? String } == ["MUG-2", "MUG-1", "TSHIRT-RED-M"])
        let export = try s.ccw("products", "export", "--login", "owner")
        #expect(export.out.hasPrefix("sku,name,barcode,cost,price,") && export.out.contains("TSHIRT-RED-M,T-shirt red M,4006381333931,4.20,12.90"))

        // stock: receive into a bin by barcode, transfer between bins and warehouses, count, adjust
        let received = try s.ccw("stock", "receive", "4006381333931", "10", "--warehouse", "MAIN", "--bin", "A-12-3", "--cost", "4.20",
                                 "--login", "owner", "--json")
        #expect(received.status == 0, "\(received.err)")
        let booking = try json(received.out) as? [String: Any]
        let moved = (booking?["movements"] as? [[String: Any]])?.first
        #expect(moved?["location"] as? String == "MAIN/A-12-3" && moved?["quantity"] as? String == "10")
        #expect(moved?["value_change"] as? String == "42.00")
        let transfer = try s.ccw("stock", "transfer", "TSHIRT-RED-M", "2", "--from", "MAIN/A-12-3", "--to", "SHOP", "--login", "owner")
        #expect(transfer.status == 0 && transfer.err.contains("transfer-in 2 pcs of TSHIRT-RED-M at SHOP"), "\(transfer.err)")
        #expect(try s.ccw("stock", "transfer", "TSHIRT-RED-M", "3", "--from", "MAIN/A-12-3", "--to", "MAIN/B-1", "--login", "owner").status == 0)
        let count = try s.ccw("stock", "count", "TSHIRT-RED-M", "4", "--warehouse", "MAIN", "--bin", "A-12-3", "--login", "owner")
        #expect(count.status == 0 && count.err.contains("(counted 4, book 5)"), "\(count.err)")
        #expect(try s.ccw("stock", "adjust", "TSHIRT-RED-M", "--warehouse", "MAIN/B-1", "--reason", "damaged", "--login", "owner", "--", "-1").status == 0)

        // refusals: negative stock (1), unknown bin (1), unknown product (1), bad bin (1), missing reason (2)
        let short = try s.ccw("stock", "issue", "TSHIRT-RED-M", "9", "--warehouse", "MAIN/A-12-3", "--login", "owner")
        #expect(short.status == 1 && short.err.contains("cannot take 9: only 4 on hand"), "\(short.err)")
        let unknownBin = try s.ccw("stock", "issue", "TSHIRT-RED-M", "1", "--warehouse", "MAIN", "--bin", "Z-9", "--login", "owner")
        #expect(unknownBin.status == 1 && unknownBin.err.contains("bin Z-9 is not known at MAIN"))
        let unknown = try s.ccw("stock", "issue", "NOPE", "1", "--warehouse", "MAIN", "--login", "owner")
        #expect(unknown.status == 1 && unknown.err.contains("no product has this SKU or barcode"))
        #expect(try s.ccw("stock", "receive", "MUG-1", "1", "--warehouse", "MAIN", "--bin", "A 1", "--login", "owner").status == 1)
        #expect(try s.ccw("stock", "adjust", "MUG-1", "1", "--warehouse", "MAIN", "--login", "owner").status == 2)

        // levels per warehouse and per bin
        let levels = try json(try s.ccw("stock", "levels", "--product", "TSHIRT-RED-M", "--login", "owner", "--json").out) as? [[String: Any]]
        #expect(levels?.map { "\($0["warehouse"]!)=\($0["on_hand"]!)" } == ["MAIN=6", "SHOP=2"])
        let bins = try json(try s.ccw("stock", "levels", "--product", "TSHIRT-RED-M", "--bins", "--login", "owner", "--json").out) as? [[String: Any]]
        #expect(bins?.map { "\($0["warehouse"]!)/\($0["bin"]!)=\($0["on_hand"]!)" } == ["MAIN/A-12-3=4", "MAIN/B-1=2", "SHOP/=2"])

        // reservations: reserve, over-reserve refused, issue against the order, release the rest
        #expect(try s.ccw("stock", "reserve", "TSHIRT-RED-M", "3", "--warehouse", "MAIN/A-12-3", "--for", "order:SO-1", "--login", "owner").status == 0)
        let over = try s.ccw("stock", "reserve", "TSHIRT-RED-M", "2", "--warehouse", "MAIN/A-12-3", "--for", "deal:7", "--login", "owner")
        #expect(over.status == 1 && over.err.contains("cannot allocate 2: only 1 available"), "\(over.err)")
        #expect(try s.ccw("stock", "issue", "TSHIRT-RED-M", "2", "--warehouse", "MAIN/A-12-3", "--for", "order:SO-1", "--login", "owner").status == 0)
        let release = try s.ccw("stock", "release", "TSHIRT-RED-M", "--warehouse", "MAIN/A-12-3", "--for", "order:SO-1", "--login", "owner")
        #expect(release.status == 0 && release.err.contains("allocated -1") && release.err.contains("for order SO-1"), "\(release.err)")
        #expect(try s.ccw("stock", "reserve", "TSHIRT-RED-M", "1", "--warehouse", "MAIN", "--for", "quote:1", "--login", "owner").status == 1)

        // value as of today, by warehouse
        let value = try json(try s.ccw("stock", "value", "--by", "warehouse", "--login", "owner", "--json").out) as? [String: Any]
        #expect((value?["lines"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["MAIN", "SHOP"])
        #expect(value?["total"] as? String == "25.20")  // 6 left at 4.20
        #expect(try s.ccw("stock", "value", "--as-of", "2026-13-01", "--login", "owner").status == 1)

        // a wrong movement is reversed by a new one
        let reverse = try s.ccw("stock", "reverse", "\(moved?["id"] as? Int ?? 0)", "--login", "owner")
        #expect(reverse.status == 1, "a receipt whose goods moved on cannot be reversed: \(reverse.err)")
        let show = try json(try s.ccw("products", "show", "TSHIRT-RED-M", "--login", "owner", "--json").out) as? [String: Any]
        #expect((show?["stock"] as? [[String: Any]])?.count == 3)
    }

    /// `ccw stock reorder` sets the point a level alerts at; `--supplier` names a CRM company;
    /// a bad quantity or an unknown company is refused by name and changes nothing.
    @Test func reorderPointsAndSuppliers() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        #expect(try s.ccw("warehouses", "add", "MAIN", "--name", "Main warehouse", "--login", "owner").status == 0)
        #expect(try s.ccw("companies", "add", "--name", "Krause GmbH", "--login", "owner").status == 0)
        let added = try s.ccw("products", "add", "NUT-M8", "--name", "Nut M8", "--supplier", "Krause GmbH", "--supplier-sku", "K-8",
                              "--login", "owner")
        #expect(added.status == 0, "\(added.err)")
        #expect(try s.ccw("products", "add", "NUT-M6", "--name", "Nut M6", "--supplier", "Nobody", "--login", "owner").err
            .contains("no company Nobody"))
        let set = try s.ccw("stock", "reorder", "NUT-M8", "5", "50", "--warehouse", "MAIN", "--login", "owner", "--json")
        #expect(set.status == 0, "\(set.err)")
        let rule = try json(set.out) as? [String: Any]
        #expect(rule?["reorder_point"] as? String == "5" && rule?["reorder_quantity"] as? String == "50" && rule?["warehouse"] as? String == "MAIN")
        let bad = try s.ccw("stock", "reorder", "NUT-M8", "five", "50", "--warehouse", "MAIN", "--login", "owner")
        #expect(bad.status == 1 && bad.err.contains("reorder point: five"), "\(bad.err)")
        #expect(try s.ccw("stock", "receive", "NUT-M8", "4", "--warehouse", "MAIN", "--cost", "0.05", "--login", "owner").err
            .contains("low stock: 4 available, reorder point 5"))
        let levels = try json(try s.ccw("stock", "levels", "--low", "--login", "owner", "--json").out) as? [[String: Any]]
        #expect(levels?.first?["reorder_point"] as? String == "5")
    }
}
