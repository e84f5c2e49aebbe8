/// A small, fast, deterministic random generator (SplitMix64), so two runs at the same scale
/// build the same data set.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// One synthetic audit row, as an ERP would have written it.
struct SyntheticChange {
    var entity: String
    var entityId: Int64
    var action: String
    var summary: String
    var beforeJSON: String?
    var afterJSON: String?
}

/// Realistic audit summaries for a mid-sized trading company: contacts and companies edited,
/// deals moved, invoices created, sent and paid, stock booked, users logging in.
///
/// Selectivity of the search terms the benchmark uses (share of rows containing them):
/// - `INV-2026-0471`: ten invoice numbers of this year, about 20 rows in 1,000,000 (rare);
/// - `üller`: "Müller" is one surname of 64 (medium, about 1.5 %);
/// - `invoice`: every invoice row (common, about 22 %).
enum SyntheticAudit {
    static let surnames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright",
        "Dubois", "Rossi", "García", "Nakamura",
    ]
    static let firstNames = [
        "Anna", "Jonas", "Lena", "Markus", "Petra", "Thomas", "Sabine", "Michael", "Julia", "Stefan",
        "Claudia", "Andreas", "Katrin", "Frank", "Oliver", "Emily", "George", "Sophie", "Marie", "Lukas",
    ]
    static let legalForms = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K.", "Ltd", "SARL", "S.p.A."]
    static let trades = ["Bäckerei", "Metallbau", "Logistik", "Elektro", "Holzhandel", "Getränke", "Druckerei", "Autohaus"]
    static let contactFields = ["phone", "email", "address", "mobile", "job title", "owner", "tags"]
    static let companyFields = ["address", "VAT id", "payment terms", "credit limit", "industry", "website"]
    static let productFields = ["price", "reorder point", "description", "unit", "supplier", "tax class"]
    static let products = [
        "Palette Euro 1200x800", "Stretchfolie 23µ", "Kartonage 40x30x20", "Schraube M8x40 verzinkt",
        "Kabeltrommel 25 m", "Arbeitshandschuhe Gr. 10", "Druckerpapier A4 80 g", "Hubwagen 2,5 t",
        "Klebeband braun 50 mm", "Etiketten 100x150", "Gitterbox", "Sicherheitsschuhe S3",
    ]
    static let stages = ["qualified", "proposal", "negotiation", "won", "lost"]
    static let warehouses = ["Hamburg Hafen", "Berlin Süd", "München Nord", "Köln Ost"]
    static let invoiceVerbs = ["created", "sent", "marked paid", "sent a reminder for", "cancelled"]

    /// The change at position `index` of the data set, drawn from `rng`.
    static func change(_ rng: inout SplitMix64, index: Int, year: Int) -> SyntheticChange {
        let roll = rng.below(100)
        switch roll {
        case 0..<22:
            let number = rng.below(100_000)
            let code = "INV-\(year)-\(pad5(number))"
            let verb = rng.pick(invoiceVerbs)
            let action = verb == "created" ? "create" : verb == "cancelled" ? "delete" : "update"
            let status = verb == "marked paid" ? "paid" : verb == "cancelled" ? "cancelled" : "sent"
            return SyntheticChange(entity: "invoice", entityId: Int64(number + 1), action: action,
                                   summary: "\(verb) invoice \(code) for \(company(&rng))",
                                   beforeJSON: action == "create" ? nil : #"{"status":"draft"}"#,
                                   afterJSON: #"{"status":"\#(status)"}"#)
        case 22..<47:
            let field = rng.pick(contactFields)
            let name = "\(rng.pick(firstNames)) \(rng.pick(surnames))"
            if rng.below(5) == 0 {
                return SyntheticChange(entity: "contact", entityId: Int64(rng.below(40_000) + 1), action: "create",
                                       summary: "created contact \(name)", beforeJSON: nil, afterJSON: #"{"name":"\#(name)"}"#)
            }
            return SyntheticChange(entity: "contact", entityId: Int64(rng.below(40_000) + 1), action: "update",
                                   summary: "updated contact \(name) (\(company(&rng))): \(field)",
                                   beforeJSON: #"{"\#(field)":"+49 30 \#(rng.below(9_000_000) + 1_000_000)"}"#,
                                   afterJSON: #"{"\#(field)":"+49 40 \#(rng.below(9_000_000) + 1_000_000)"}"#)
        case 47..<60:
            let field = rng.pick(companyFields)
            return SyntheticChange(entity: "company", entityId: Int64(rng.below(8_000) + 1), action: "update",
                                   summary: "updated company \(company(&rng)): \(field)",
                                   beforeJSON: #"{"\#(field)":"old"}"#, afterJSON: #"{"\#(field)":"new"}"#)
        case 60..<74:
            let from = rng.pick(stages), to = rng.pick(stages)
            return SyntheticChange(entity: "deal", entityId: Int64(rng.below(12_000) + 1), action: "update",
                                   summary: "moved deal \(company(&rng)) – \(rng.pick(products)) to \(to)",
                                   beforeJSON: #"{"stage":"\#(from)"}"#, afterJSON: #"{"stage":"\#(to)"}"#)
        case 74..<82:
            let sku = 10_000 + rng.below(5_000)
            return SyntheticChange(entity: "product", entityId: Int64(sku - 9_999), action: "update",
                                   summary: "updated product SKU-\(sku) \(rng.pick(products)): \(rng.pick(productFields))",
                                   beforeJSON: #"{"price_minor":\#(rng.below(90_000))}"#,
                                   afterJSON: #"{"price_minor":\#(rng.below(90_000))}"#)
        case 82..<94:
            let sku = 10_000 + rng.below(5_000)
            let quantity = rng.below(200) + 1
            let sign = rng.below(3) == 0 ? "-" : "+"
            return SyntheticChange(entity: "stock_movement", entityId: Int64(index + 1), action: "create",
                                   summary: "booked stock SKU-\(sku): \(sign)\(quantity) at \(rng.pick(warehouses))",
                                   beforeJSON: nil, afterJSON: #"{"quantity":"\#(sign)\#(quantity)"}"#)
        case 94..<98:
            return SyntheticChange(entity: "purchase_order", entityId: Int64(rng.below(20_000) + 1), action: "approve",
                                   summary: "approved purchase order PO-\(year)-\(pad5(rng.below(100_000))) from \(company(&rng))",
                                   beforeJSON: #"{"state":"pending"}"#, afterJSON: #"{"state":"approved"}"#)
        default:
            return SyntheticChange(entity: "user", entityId: Int64(rng.below(30) + 1), action: "login",
                                   summary: "signed in from terminal \(rng.below(40) + 1)", beforeJSON: nil, afterJSON: nil)
        }
    }

    /// "Müller GmbH", "Bäckerei Schulz KG", "Smith & Patel Ltd", and now and then a Japanese name.
    static func company(_ rng: inout SplitMix64) -> String {
        switch rng.below(20) {
        case 0..<11: "\(rng.pick(surnames)) \(rng.pick(legalForms))"
        case 11..<16: "\(rng.pick(trades)) \(rng.pick(surnames)) \(rng.pick(legalForms))"
        case 16..<19: "\(rng.pick(surnames)) & \(rng.pick(surnames)) \(rng.pick(legalForms))"
        default: "東京貿易株式会社"
        }
    }

    static func pad5(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 5 - s.count)) + s
    }
}
