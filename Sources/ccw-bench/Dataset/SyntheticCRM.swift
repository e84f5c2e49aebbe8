import CCWCore
import CCWDomain
import Foundation
import GRDB

/// The sizes of the CRM data set.
struct CRMScale: Equatable {
    var contacts: Int
    var deals: Int
    var companies: Int
}

/// Builds the CRM data set of the benchmark organization: `companies` companies, `contacts`
/// contacts (European names with their accents, emails, E.164 phones, statuses, a company for
/// nine in ten, an owner) and `deals` deals spread over the default pipeline's stages, each
/// with its stage history and one contact.
///
/// Rows go in by prepared `INSERT`s in large write transactions (like the synthetic audit
/// rows), into tables made by the real migrations: every index and the search triggers
/// (`contacts_fts`, `companies_fts`) are maintained row by row as in production. The rows are
/// not audited (no `audit_log` rows), which a real history of a million contacts would have.
///
/// Selectivity of the search terms the benchmark uses (share of contacts matching):
/// - `Zofia Wójcik`: one first name of 96 and one surname of 160, about 65 contacts (rare);
/// - `Wójcik`: one surname of 160, about 0.6 % (medium);
/// - `mann`: in eight surnames and three first names, about 8 % (common).
struct SyntheticCRM {
    let scale: CRMScale
    let batch = 50_000
    var progress: (String) -> Void = { _ in }

    static let firstNames = [
        "Anna", "Lena", "Marie", "Sophie", "Lea", "Hannah", "Emma", "Mia", "Laura", "Julia", "Katharina", "Sabine",
        "Jürgen", "Jörg", "Günter", "Björn", "Sören", "Uwe", "Thomas", "Michael", "Stefan", "Andreas", "Markus", "Tobias",
        "Hermann", "Hartmut", "Manfred", "Jonas", "Lukas", "Felix", "Maximilian", "Niklas", "Paul", "Elias",
        "Zofia", "Małgorzata", "Agnieszka", "Łukasz", "Paweł", "Wojciech", "Grzegorz", "Krzysztof", "Jędrzej",
        "Amélie", "Chloé", "Élodie", "Hélène", "Océane", "François", "Jérôme", "Benoît", "Théo", "Loïc",
        "Giulia", "Chiara", "Francesca", "Niccolò", "Lorenzo", "Matteo", "Alessandro", "Davide",
        "Lucía", "María", "Inés", "Begoña", "José", "Álvaro", "Iñigo", "Sebastián", "Raúl",
        "Ingrid", "Åsa", "Sigrún", "Øystein", "Håkon", "Kåre", "Jens", "Nils", "Lars",
        "Jiří", "Tereza", "Kateřina", "Tomáš", "Ondřej", "Zoë", "Noël", "Joël", "Daan", "Sanne",
        "Ayşe", "Çağla", "Gülşen", "Mehmet", "Emre", "Eleni", "Dimitrios", "Νίκος",
    ]
    static let surnames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Köhler", "Maier", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
        "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Günther",
        "Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowska", "Zieliński", "Szymańska",
        "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur", "Krawczyk", "Piotrowska", "Grabowski", "Pawłowska",
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Lefèvre", "Girard", "Fournier", "Mercier", "Lambert", "Bonnet", "François", "Rousseau", "Blanc", "Guérin",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Muñoz",
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Hansen", "Johansson", "Andersson", "Nilsson", "Larsen", "Sørensen", "Jørgensen", "Pedersen", "Ólafsdóttir",
        "Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák",
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Papadopoulos", "Παπαδόπουλος",
        "O'Brien", "Murphy", "Ní Bhriain", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Baumann",
        "Kaufmann", "Ackermann", "Bergmann", "Lindemann", "Seemann",
    ]
    static let titles = [
        "", "", "", "Einkaufsleiterin", "Einkaufsleiter", "Geschäftsführer", "Geschäftsführerin", "Head of Procurement",
        "Directeur commercial", "Responsable achats", "Responsabile acquisti", "Jefe de compras", "Inkoper",
        "Prokurist", "Buchhaltung", "Lagerleitung", "CFO", "CTO", "Office Manager", "Kierownik zakupów", "Vertrieb Innendienst",
    ]
    static let freeMail = ["gmx.de", "web.de", "t-online.de", "gmail.com", "orange.fr", "wp.pl", "libero.it", "outlook.com"]
    static let lostReasons = ["Price too high", "Went with a competitor", "No budget", "Timing", "No decision", "price too high "]
    /// Country dialling code, area codes with the digits that follow them, mobile prefixes with
    /// theirs (national numbers of the lengths `PhoneNumber` accepts), and the share of contacts.
    static let countries: [Country] = [
        Country(code: "49", areas: ["30", "40", "89", "221", "69", "711", "211", "351"], digits: 7, mobile: ["151", "160", "170", "176"], mobileDigits: 8, weight: 50),
        Country(code: "43", areas: ["1", "316", "512", "662"], digits: 7, mobile: ["664", "676", "699"], mobileDigits: 7, weight: 8),
        Country(code: "41", areas: ["44", "31", "61", "22"], digits: 7, mobile: ["79", "78", "76"], mobileDigits: 7, weight: 7),
        Country(code: "33", areas: ["1", "4", "5"], digits: 8, mobile: ["6", "7"], mobileDigits: 8, weight: 10),
        Country(code: "31", areas: ["20", "10", "30"], digits: 7, mobile: ["6"], mobileDigits: 8, weight: 5),
        Country(code: "48", areas: ["22", "12", "61"], digits: 7, mobile: ["50", "60", "69"], mobileDigits: 7, weight: 8),
        Country(code: "39", areas: ["02", "06", "011"], digits: 7, mobile: ["33", "34", "39"], mobileDigits: 8, weight: 6),
        Country(code: "34", areas: ["91", "93", "96"], digits: 7, mobile: ["6"], mobileDigits: 8, weight: 6),
    ]

    /// How phone numbers of one country look.
    struct Country {
        var code: String
        var areas: [String]
        var digits: Int
        var mobile: [String]
        var mobileDigits: Int
        var weight: Int
    }

    static let brandHeads = [
        "Nord", "Süd", "Ost", "West", "Alpen", "Rhein", "Elb", "Donau", "Main", "Isar", "Ostsee", "Nordsee", "Harz", "Eifel",
        "Hansa", "Bavaria", "Helvet", "Lumi", "Vita", "Aqua", "Terra", "Sol", "Stern", "Blau", "Grün", "Weiß", "Kraft", "Stahl",
        "Holz", "Glas", "Licht", "Berg", "Wald", "Feld", "Fluss", "Brücken", "Kristall", "Polar", "Zenit", "Orbit",
    ]
    static let brandTails = [
        "tech", "werk", "bau", "handel", "logistik", "systeme", "data", "medien", "pharma", "chemie", "energie", "plast",
        "metall", "textil", "optik", "tronic", "soft", "net", "form", "print", "trans", "food", "agrar", "med", "consult",
        "invest", "service", "team", "line", "point", "haus", "hof", "quelle", "blick", "stern", "licht", "kontor", "mühle",
    ]

    /// A company name: "Alpentech GmbH", "Wójcik Logistik Köln AG", "Nowak & Rossi KG", now and then
    /// a Japanese one; about 30,000 different names (as `DuplicateDetector.companyKey` reads
    /// them) among 50,000 companies, so contacts "at the same company" are a few dozen.
    static func company(_ rng: inout SplitMix64) -> String {
        let legal = rng.pick(SyntheticAudit.legalForms)
        switch rng.below(20) {
        case 0..<7: return "\(rng.pick(brandHeads))\(rng.pick(brandTails)) \(legal)"
        case 7..<12: return "\(rng.pick(brandHeads))\(rng.pick(brandTails)) \(rng.pick(SyntheticAudit.trades)) \(rng.pick(cities)) \(legal)"
        case 12..<16: return "\(rng.pick(surnames)) \(rng.pick(SyntheticAudit.trades)) \(rng.pick(cities)) \(legal)"
        case 16..<19: return "\(rng.pick(surnames)) & \(rng.pick(surnames)) \(legal)"
        default: return rng.pick(["東京貿易株式会社", "大阪精機株式会社", "名古屋物流株式会社"])
        }
    }

    static let cities = ["Hamburg", "Berlin", "München", "Köln", "Wrocław", "Lyon", "Milano", "Sevilla", "Zürich", "Graz",
                         "Utrecht", "Göteborg", "Brno", "İzmir", "Düsseldorf", "Łódź"]

    static let iso = ["49": "DE", "43": "AT", "41": "CH", "33": "FR", "31": "NL", "48": "PL", "39": "IT", "34": "ES"]

    /// Writes the companies, contacts and deals into `database` (the organization must exist).
    func generate(into database: AppDatabase) throws -> Double {
        let started = Stopwatch.nowNanos()
        let (admin, staff) = try DatasetGenerator.organization(in: database)
        let pipeline = try database.pipelines.defaultPipeline(admin).pipeline
        let owners = staff.filter { ["jonas.weber", "thomas.mueller", "sabine.wolf", "emily.clarke", "anna.schmidt", "frank.krause"]
            .contains($0.login) }.compactMap(\.userId)
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -262144") }
        let now = database.now()
        var rng = SplitMix64(seed: 0xC4_3A_2026)
        let org = admin.orgId

        var companyNames: [String] = []
        var companyDomains: [String] = []
        companyNames.reserveCapacity(scale.companies)
        try inBatches(database, scale.companies, noun: "companies", started: started) { db, range in
            let insert = try db.makeStatement(sql: """
                INSERT INTO companies (uid, org_id, name, industry, website, domain, phone, city, country, status, owner_id,
                                       created_at, updated_at, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for i in range {
                let name = Self.company(&rng)
                let domain = Self.slug(name) + "-" + String(i, radix: 36) + ".example"
                companyNames.append(name)
                companyDomains.append(domain)
                let country = Self.country(&rng)
                let at: Int64 = now - Int64(rng.below(3 * 365)) * 86_400_000
                let industry: String = rng.pick(SyntheticAudit.trades)
                let phone: String = Self.phone(&rng, country, mobile: false)
                let city: String = rng.pick(SyntheticAudit.warehouses)
                let status: String = rng.below(10) < 7 ? "active" : (rng.below(2) == 0 ? "prospect" : "inactive")
                let owner: Int64 = rng.pick(owners)
                let values: [(any DatabaseValueConvertible)?] = [
                    Self.uid(i, 0xC0), org, name, industry, "https://" + domain, domain, phone, city, Self.iso[country.code] ?? "",
                    status, owner, at, at, admin.userId, admin.userId,
                ]
                try insert.execute(arguments: StatementArguments(values))
            }
        }
        let firstCompany = try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM companies WHERE org_id = ?", arguments: [org]) ?? 1
        }

        let statuses = ["lead", "lead", "lead", "lead", "prospect", "prospect", "customer", "customer", "customer", "inactive"]
        try inBatches(database, scale.contacts, noun: "contacts", started: started) { db, range in
            let insert = try db.makeStatement(sql: """
                INSERT INTO contacts (uid, org_id, first_name, last_name, email, email_key, phone, mobile, title, company_id,
                                      country, source, lead_score, status, owner_id, created_at, updated_at, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for i in range {
                let first = rng.pick(Self.firstNames), last = rng.pick(Self.surnames)
                let company = rng.below(10) < 9 ? rng.below(scale.companies) : nil
                let country = Self.country(&rng)
                var email: String?
                if rng.below(10) < 9 {
                    let domain = company.map { companyDomains[$0] } ?? rng.pick(Self.freeMail)
                    email = Self.ascii(first) + "." + Self.ascii(last) + "." + String(i, radix: 36) + "@" + domain
                }
                let at: Int64 = now - Int64(rng.below(3 * 365 * 24)) * 3_600_000
                let phone: String? = rng.below(10) < 8 ? Self.phone(&rng, country, mobile: false) : nil
                let mobile: String? = rng.below(2) == 0 ? Self.phone(&rng, country, mobile: true) : nil
                let title: String = rng.pick(Self.titles)
                let companyId: Int64? = company.map { firstCompany + Int64($0) }
                let source: String = rng.pick(["web", "fair", "referral", "import", ""])
                let score: Int = rng.below(101)
                let status: String = rng.pick(statuses)
                let owner: Int64 = rng.pick(owners)
                let values: [(any DatabaseValueConvertible)?] = [
                    Self.uid(i, 0xC1), org, first, last, email, email?.lowercased(), phone, mobile, title, companyId,
                    Self.iso[country.code] ?? "", source, score, status, owner, at, at, admin.userId, admin.userId,
                ]
                try insert.execute(arguments: StatementArguments(values))
            }
        }
        let firstContact = try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM contacts WHERE org_id = ?", arguments: [org]) ?? 1
        }

        let stages = pipeline.stages.sorted { $0.order < $1.order }
        let open = stages.filter { $0.kind == .open }
        guard let won = stages.first(where: { $0.kind == .won }), let lost = stages.first(where: { $0.kind == .lost }),
              !open.isEmpty else { throw BenchSession.Failure(description: "the default pipeline lacks open, won or lost stages") }
        let zone = admin.zone
        try inBatches(database, scale.deals, noun: "deals", started: started) { db, range in
            let insert = try db.makeStatement(sql: """
                INSERT INTO deals (uid, org_id, name, value_minor, currency, pipeline_id, stage_id, probability,
                                   expected_close_date, actual_close_date, company_id, owner_id, source, lost_reason,
                                   stage_entered_at, created_at, updated_at, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let history = try db.makeStatement(sql: """
                INSERT INTO deal_stage_history (org_id, deal_id, from_stage_id, to_stage_id, moved_at, moved_by,
                                                probability_before, probability_after, lost_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let link = try db.makeStatement(sql: "INSERT INTO deal_contacts (org_id, deal_id, contact_id, position) VALUES (?, ?, ?, 0)")
            for i in range {
                let roll = rng.below(100)
                let stage = roll < 70 ? open[min(open.count - 1, roll * open.count / 70)] : roll < 88 ? won : lost
                let company = rng.below(scale.companies)
                let created = now - Int64(rng.below(2 * 365 * 24)) * 3_600_000
                let entered = created + Int64(Double(now - created) * Double(rng.below(1000)) / 1000)
                let currency: String = rng.below(20) == 0 ? (rng.below(2) == 0 ? "USD" : "CHF") : "EUR"
                let value = Int64(100_000 * pow(10, Double(rng.below(2700)) / 1000)) / 100 * 100
                let today = ZonedTime.date(at: now, in: zone)
                let expected: String? = stage.kind == .open ? today.adding(days: rng.below(425) - 60).description : nil
                let closed: String? = stage.kind == .open ? nil : ZonedTime.date(at: entered, in: zone).description
                let owner: Int64 = rng.pick(owners)
                let reason: String = stage.kind == .lost ? rng.pick(Self.lostReasons) : ""
                let name: String = companyNames[company] + " – " + rng.pick(SyntheticAudit.products)
                let source: String = rng.pick(["web", "fair", "referral", ""])
                let values: [(any DatabaseValueConvertible)?] = [
                    Self.uid(i, 0xC2), org, name, value, currency, pipeline.id.rawValue,
                    stage.id.rawValue, stage.defaultProbability.normalized.description, expected, closed,
                    firstCompany + Int64(company), owner, source, reason, entered, created, entered, owner, owner,
                ]
                try insert.execute(arguments: StatementArguments(values))
                let deal = db.lastInsertedRowID
                let first = open[0]
                let start: [(any DatabaseValueConvertible)?] = [org, deal, nil, first.id.rawValue, created, owner, nil,
                                                                 first.defaultProbability.normalized.description, ""]
                try history.execute(arguments: StatementArguments(start))
                if stage.id != first.id {
                    let from = stage.kind == .open ? open[max(0, open.firstIndex(of: stage)! - 1)] : open[open.count / 2 + rng.below(open.count - open.count / 2)]
                    let move: [(any DatabaseValueConvertible)?] = [org, deal, from.id.rawValue, stage.id.rawValue, entered, owner,
                                                                    from.defaultProbability.normalized.description,
                                                                    stage.defaultProbability.normalized.description, reason]
                    try history.execute(arguments: StatementArguments(move))
                }
                let contact: Int64 = firstContact + Int64(rng.below(scale.contacts))
                try link.execute(arguments: [org, deal, contact])
            }
        }
        try database.pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS ccw_bench_crm (contacts INTEGER NOT NULL, deals INTEGER NOT NULL, companies INTEGER NOT NULL)")
            try db.execute(sql: "DELETE FROM ccw_bench_crm")
            try db.execute(sql: "INSERT INTO ccw_bench_crm (contacts, deals, companies) VALUES (?, ?, ?)",
                           arguments: [scale.contacts, scale.deals, scale.companies])
        }
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return Double(Stopwatch.nowNanos() - started) / 1e9
    }

    /// The CRM sizes already in `database`, or nil when it holds no CRM data set.
    static func existing(in database: AppDatabase) throws -> CRMScale? {
        try database.pool.read { db in
            guard try db.tableExists("ccw_bench_crm"),
                  let row = try Row.fetchOne(db, sql: "SELECT contacts, deals, companies FROM ccw_bench_crm") else { return nil }
            return CRMScale(contacts: row["contacts"], deals: row["deals"], companies: row["companies"])
        }
    }

    /// Runs `body` over `0..<count` in write transactions of `batch` rows, reporting progress.
    private func inBatches(_ database: AppDatabase, _ count: Int, noun: String, started: UInt64, _ body: (Database, Range<Int>) throws -> Void) throws {
        var done = 0
        while done < count {
            let upper = min(count, done + batch)
            try database.pool.write { db in try body(db, done..<upper) }
            done = upper
            progress(String(format: "  %@ %@, %.1f s", done.grouped, noun, Double(Stopwatch.nowNanos() - started) / 1e9))
        }
    }

    static func country(_ rng: inout SplitMix64) -> Country {
        var r = rng.below(countries.reduce(0) { $0 + $1.weight })
        for c in countries {
            if r < c.weight { return c }
            r -= c.weight
        }
        return countries[0]
    }

    /// An E.164 number of `country`: `+49 30 1234567` written `+49301234567`.
    static func phone(_ rng: inout SplitMix64, _ country: Country, mobile: Bool) -> String {
        let area = mobile ? rng.pick(country.mobile) : rng.pick(country.areas)
        let trimmed = area.hasPrefix("0") && country.code != "39" ? String(area.dropFirst()) : area
        var digits = ""
        for i in 0..<(mobile ? country.mobileDigits : country.digits) { digits += String(i == 0 ? 1 + rng.below(9) : rng.below(10)) }
        return "+" + country.code + trimmed + digits
    }

    /// Letters of `name` folded to ASCII for an email address (`Wójcik` → `wojcik`, `Müller` → `mueller`).
    static func ascii(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö", "ø": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            case "å": out += "aa"
            case "ł": out += "l"
            case "æ": out += "ae"
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive], locale: nil)
                for scalar in folded.unicodeScalars where (97...122).contains(scalar.value) || (48...57).contains(scalar.value) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out.isEmpty ? "x" : out
    }

    static func slug(_ name: String) -> String {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { ascii(String($0)) }
        let s = words.filter { $0 != "x" }.joined(separator: "-")
        return s.isEmpty ? "firma" : s
    }

    static func uid(_ index: Int, _ kind: UInt64) -> String {
        "01923b7e-\(DatasetGenerator.hexDigits(kind, count: 4))-7000-8000-" + DatasetGenerator.hexDigits(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, count: 12)
    }
}
