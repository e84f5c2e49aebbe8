import Testing
@testable import CCWDomain

@Suite struct VariantMatrixTests {
    func shirt() throws -> VariantMatrix {
        try VariantMatrix(parentSKU: SKU("TSHIRT"), parentName: "T-shirt",
                          axes: [VariantAxis("Colour", ["red", "blue"]), VariantAxis("Size", ["S", "M", "L"])])
    }

    @Test func generatesEveryCombination() throws {
        let variants = try shirt().variants()
        #expect(variants.count == 6)
        #expect(variants.map(\.sku.code) == ["TSHIRT-RED-S", "TSHIRT-RED-M", "TSHIRT-RED-L",
                                             "TSHIRT-BLUE-S", "TSHIRT-BLUE-M", "TSHIRT-BLUE-L"])
        #expect(variants[1].name == "T-shirt red M")
        #expect(variants[1].attributes == ["Colour": "red", "Size": "M"])
    }

    @Test func addingAValueYieldsOnlyTheNewCombinations() throws {
        var matrix = try shirt()
        let added = try matrix.add(value: "XL", toAxis: "size")
        #expect(added.map(\.sku.code) == ["TSHIRT-RED-XL", "TSHIRT-BLUE-XL"])
        #expect(try matrix.variants().count == 8)
        #expect(throws: InputError("variants: Size value \"m\" appears twice")) { try matrix.add(value: "m", toAxis: "Size") }
        #expect(throws: InputError.self) { try matrix.add(value: "Wool", toAxis: "Material") }
    }

    @Test func carriesPriceAndBarcodePerVariant() throws {
        var matrix = try shirt()
        let key = VariantKey(["blue", "L"])
        try matrix.setPrice(Money(minor: 1999, currency: .EUR), for: key)
        try matrix.setBarcode(Barcode("4006381333931"), for: key)
        let variant = try matrix.variants().first { $0.key == key }!
        #expect(variant.priceOverride == Money(minor: 1999, currency: .EUR))
        #expect(variant.barcode?.digits == "4006381333931")
        #expect(try matrix.variants().first!.priceOverride == nil)
        #expect(throws: InputError.self) { try matrix.setBarcode(Barcode("4006381333931"), for: VariantKey(["red", "S"])) }
        #expect(throws: InputError.self) { try matrix.setPrice(nil, for: VariantKey(["green", "S"])) }
    }

    @Test func usesAPatternWhenGiven() throws {
        let matrix = try VariantMatrix(parentSKU: SKU("TS"), parentName: "Tee", category: "Clothing",
                                       axes: [VariantAxis("Size", ["S", "M"])], pattern: SKUPattern("{CAT:3}-{NAME}-{SIZE}"))
        #expect(try matrix.variants().map(\.sku.code) == ["CLO-TEE-S", "CLO-TEE-M"])
    }

    @Test func refusesBadAxes() throws {
        #expect(throws: InputError("variants: axis \"Size\" has no values")) {
            try VariantMatrix(parentSKU: SKU("X"), parentName: "X", axes: [VariantAxis("Size", [])])
        }
        #expect(throws: InputError("variants: axis \"size\" appears twice")) {
            try VariantMatrix(parentSKU: SKU("X"), parentName: "X", axes: [VariantAxis("Size", ["S"]), VariantAxis("size", ["M"])])
        }
        // "Red!" and "red" fold to the same SKU segment.
        #expect(throws: InputError("variants: Colour value \"red\" appears twice")) {
            try VariantMatrix(parentSKU: SKU("X"), parentName: "X", axes: [VariantAxis("Colour", ["Red!", "red"])])
        }
    }
}

@Suite struct PriceTiersTests {
    func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: .EUR) }

    func tiers() throws -> PriceTiers {
        var tiers = PriceTiers()
        try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(1), unitPrice: eur(1000)),
                                                        .init(from: Quantity(10), unitPrice: eur(900)),
                                                        .init(from: Quantity(50), unitPrice: eur(800))])
        try tiers.set(.wholesale, currency: .EUR, breaks: [.init(from: Quantity(1), unitPrice: eur(700))])
        try tiers.set(.retail, currency: .USD, breaks: [.init(from: Quantity(1), unitPrice: Money(minor: 1100, currency: .USD))])
        return tiers
    }

    @Test func picksTheBreakForTheQuantity() throws {
        let tiers = try tiers()
        #expect(tiers.price(for: Quantity(1), tier: .retail, currency: .EUR) == eur(1000))
        #expect(tiers.price(for: Quantity(9), tier: .retail, currency: .EUR) == eur(1000))
        #expect(tiers.price(for: Quantity(10), tier: .retail, currency: .EUR) == eur(900))
        #expect(tiers.price(for: Quantity(49), tier: .retail, currency: .EUR) == eur(900))
        #expect(tiers.price(for: Quantity(500), tier: .retail, currency: .EUR) == eur(800))
        #expect(tiers.price(for: Quantity(5), tier: .wholesale, currency: .EUR) == eur(700))
        #expect(tiers.price(for: Quantity(5), tier: .retail, currency: .USD) == Money(minor: 1100, currency: .USD))
        #expect(tiers.price(for: Quantity(0), tier: .retail, currency: .EUR) == nil)
        #expect(tiers.price(for: Quantity(5), tier: .wholesale, currency: .USD) == nil)
        #expect(tiers.price(for: Quantity(5), tier: .named("staff"), currency: .EUR) == nil)
        #expect(tiers.currencies(for: .retail) == [.EUR, .USD])
        #expect(try tiers.lineTotal(for: Quantity(12), tier: .retail, currency: .EUR) == eur(10_800))
    }

    @Test func decimalQuantitiesRoundTheLine() throws {
        var tiers = PriceTiers()
        try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(units: 1, scale: 3), unitPrice: eur(1299))])
        // 0.375 kg × 12.99 = 4.87125 → 4.87.
        #expect(try tiers.lineTotal(for: Quantity.parse("0.375", scale: 3), tier: .retail, currency: .EUR) == eur(487))
    }

    @Test func validatesLadders() {
        var tiers = PriceTiers()
        #expect(throws: ValidationErrors([
            FieldError(field: "retail price (EUR)", message: "breaks must be in ascending order (5 comes after 10)"),
        ])) {
            try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(10), unitPrice: eur(900)),
                                                            .init(from: Quantity(5), unitPrice: eur(950))])
        }
        #expect(throws: ValidationErrors([
            FieldError(field: "retail price (EUR)", message: "price -1.00 EUR is negative"),
            FieldError(field: "retail price (EUR)", message: "break at 10 appears twice"),
        ])) {
            try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(10), unitPrice: eur(900)),
                                                            .init(from: Quantity(10), unitPrice: eur(-100))])
        }
        #expect(throws: ValidationErrors.self) {
            try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(1), unitPrice: Money(minor: 1, currency: .USD))])
        }
        #expect(throws: ValidationErrors.self) { try tiers.set(.retail, currency: .EUR, breaks: []) }
        #expect(throws: ValidationErrors.self) {
            try tiers.set(.retail, currency: .EUR, breaks: [.init(from: Quantity(0), unitPrice: eur(1))])
        }
    }
}
