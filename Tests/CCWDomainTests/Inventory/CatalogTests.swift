import Testing
@testable import CCWDomain

@Suite struct QuantityTests {
    @Test func parsesAndPrintsWithTheUnitsDecimals() throws {
        #expect(try Quantity.parse("12") == Quantity(12))
        #expect(try Quantity.parse("1.25", scale: 3) == Quantity(units: 1250, scale: 3))
        #expect(try Quantity.parse("1.25", scale: 3).description == "1.250")
        #expect(Quantity(units: -5, scale: 2).description == "-0.05")
        #expect(try Quantity.parse("-3") == Quantity(-3))
        #expect(throws: InputError("1.5: pieces is counted in whole numbers")) {
            try Quantity.parse("1.5", unitName: "pieces")
        }
        #expect(throws: InputError("0.1234: at most 3 decimals for kg")) { try Quantity.parse("0.1234", scale: 3, unitName: "kg") }
        #expect(throws: InputError.self) { try Quantity.parse("1e3") }
        #expect(throws: InputError.self) { try Quantity.parse("") }
        #expect(throws: InputError.self) { try Quantity.parse("1.") }
    }

    @Test func arithmeticStaysInTheScale() {
        let a = Quantity(units: 1500, scale: 3), b = Quantity(units: 250, scale: 3)
        #expect((a - b).description == "1.250")
        #expect([a, b].sum(scale: 3) == Quantity(units: 1750, scale: 3))
        #expect(Quantity.min(a, b) == b)
    }
}

@Suite struct BarcodeTests {
    @Test func acceptsValidCodesOfEachKind() throws {
        #expect(try Barcode("4006381333931").symbology == .ean13)
        #expect(try Barcode("036000291452").symbology == .upcA)
        #expect(try Barcode(" 96385074 ").symbology == .ean8)
    }

    @Test func explainsWhatIsWrong() {
        #expect(throws: InputError("barcode 4006381333932: check digit should be 1, not 2")) { try Barcode("4006381333932") }
        #expect(throws: InputError("barcode must be 8, 12 or 13 digits (got 5: 12345)")) { try Barcode("12345") }
        #expect(throws: InputError("barcode 40063813339X1: only digits 0-9 are allowed")) { try Barcode("40063813339X1") }
        #expect(throws: InputError.self) { try Barcode("") }
    }

    @Test func computesCheckDigitsAndNormalisesUPC() throws {
        // 400638133393: weights 3,1,3,… from the right give 89; 90 − 89 = 1.
        #expect(try Barcode.checkDigit(forPayload: "400638133393") == 1)
        #expect(try Barcode.checkDigit(forPayload: "03600029145") == 2)
        #expect(try Barcode.checkDigit(forPayload: "9638507") == 4)
        #expect(try Barcode.make(payload: "400638133393").digits == "4006381333931")
        #expect(throws: InputError.self) { try Barcode.checkDigit(forPayload: "123") }
        let upc = try Barcode("036000291452")
        #expect(upc.ean13 == "0036000291452")
        #expect(upc == (try Barcode("0036000291452")))
        #expect(try Barcode("0036000291452").upcA == "036000291452")
        #expect(try Barcode("96385074").ean13 == nil)
    }
}

@Suite struct SKUTests {
    @Test func normalisesAndValidates() throws {
        #expect(try SKU(" ts-red-m ").code == "TS-RED-M")
        #expect(throws: InputError("SKU TS RED: a space is not allowed (use A-Z, 0-9 and - _ . /)")) { try SKU("ts red") }
        #expect(throws: InputError("SKU -TS: must start and end with a letter or digit")) { try SKU("-ts") }
        #expect(throws: InputError("SKU TS--1: two separators in a row")) { try SKU("ts--1") }
        #expect(throws: InputError.self) { try SKU("CAFÉ") }
        #expect(throws: InputError.self) { try SKU(String(repeating: "A", count: 41)) }
        #expect(throws: InputError("SKU is empty")) { try SKU("  ") }
        #expect(SKU.duplicates(in: [try SKU("A"), try SKU("b"), try SKU("B"), try SKU("a"), try SKU("C")]).map(\.code) == ["A", "B"])
    }

    @Test func foldsTextIntoSegments() {
        #expect(SKUSegment.fold("Crème brûlée") == "CREMEBRULEE")
        #expect(SKUSegment.fold("Größe XL") == "GROSSEXL")
        #expect(SKUSegment.fold("Light blue / 2") == "LIGHTBLUE2")
        #expect(SKUSegment.fold("Ærø Łódź") == "AEROLODZ")
    }
}

@Suite struct SKUPatternTests {
    @Test func generatesFromCategoryNameAndSequence() throws {
        let pattern = try SKUPattern("{CAT:3}-{NAME:4}-{SEQ:5}")
        let fields = SKUPattern.Fields(category: "Clothing", name: "Crème T-shirt")
        #expect(try pattern.make(fields, sequence: 42).code == "CLO-CREM-00042")
        // Counting on past the SKUs that exist already.
        let existing: Set<SKU> = [try SKU("CLO-CREM-00001"), try SKU("CLO-CREM-00002")]
        let next = try pattern.next(fields, existing: existing)
        #expect(next.sku.code == "CLO-CREM-00003" && next.sequence == 3)
        #expect(throws: InputError("SKU pattern \"{CAT:3}-{NAME:4}-{SEQ:5}\": sequence 123456 does not fit in {SEQ:5}")) {
            try pattern.make(fields, sequence: 123_456)
        }
    }

    @Test func generatesFromAttributes() throws {
        let pattern = try SKUPattern("tshirt-{COLOR}-{size}")
        #expect(pattern.attributeNames == ["COLOR", "SIZE"])
        let sku = try pattern.make(.init(name: "T-shirt", attributes: ["Color": "Light blue", "Size": "XL"]))
        #expect(sku.code == "TSHIRT-LIGHTBLUE-XL")
        #expect(throws: InputError("SKU pattern \"tshirt-{COLOR}-{size}\": {SIZE} needs a SIZE value and the product has none")) {
            try pattern.make(.init(name: "T-shirt", attributes: ["Color": "Red"]))
        }
        let taken: Set<SKU> = [sku]
        #expect(throws: InputError("SKU TSHIRT-LIGHTBLUE-XL already exists")) {
            try pattern.next(.init(name: "T-shirt", attributes: ["Color": "Light blue", "Size": "XL"]), existing: taken)
        }
    }

    @Test func reportsInvalidPatterns() {
        #expect(throws: InputError("SKU pattern \"X-{SEQ:5\": \"{\" at position 3 is not closed")) { try SKUPattern("X-{SEQ:5") }
        #expect(throws: InputError("SKU pattern \"X-}\": \"}\" at position 3 has no matching \"{\"")) { try SKUPattern("X-}") }
        #expect(throws: InputError("SKU pattern \"A {SEQ}\": a space at position 2 is not allowed in a SKU (use A-Z, 0-9 and - _ . /)")) {
            try SKUPattern("A {SEQ}")
        }
        #expect(throws: InputError("SKU pattern \"{SEQ:x}\": width in {SEQ:x} must be a number 1-12")) { try SKUPattern("{SEQ:x}") }
        #expect(throws: InputError("SKU pattern \"{}\": empty token {}")) { try SKUPattern("{}") }
        #expect(throws: InputError("SKU pattern \"{SEQ}-{SEQ}\": {SEQ} may appear only once")) { try SKUPattern("{SEQ}-{SEQ}") }
        #expect(throws: InputError("SKU pattern is empty")) { try SKUPattern(" ") }
    }
}

@Suite struct CategoryTreeTests {
    @Test func buildsPathsAndSubtrees() throws {
        let tree = try CategoryTree([.init(id: 1, name: "Clothing"), .init(id: 2, name: "T-shirts", parent: 1),
                                     .init(id: 3, name: "Kids", parent: 2), .init(id: 4, name: "Food")])
        #expect(tree.path(of: 3) == "Clothing › T-shirts › Kids")
        #expect(tree.subtree(of: 1) == [1, 2, 3])
        #expect(tree.roots.map(\.name) == ["Clothing", "Food"])
        #expect(tree.children(of: 1).map(\.id) == [2])
    }

    @Test func refusesCyclesMissingParentsAndTwins() {
        #expect(throws: InputError.self) { try CategoryTree([.init(id: 1, name: "A", parent: 2), .init(id: 2, name: "B", parent: 1)]) }
        #expect(throws: InputError("category \"A\": parent 9 does not exist")) { try CategoryTree([.init(id: 1, name: "A", parent: 9)]) }
        #expect(throws: InputError("category \"shoes\" appears twice under the same parent")) {
            try CategoryTree([.init(id: 1, name: "Shoes"), .init(id: 2, name: "shoes")])
        }
    }
}
