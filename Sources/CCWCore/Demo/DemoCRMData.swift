import CCWDomain
import Foundation

/// Names, companies and phrases the demo CRM is made of. Web sites and email addresses use
/// the reserved `.example` top-level domain, so no address in the demo reaches anyone.
enum DemoCRMData {
    /// Where a company's people mostly come from (for their names).
    enum Region: CaseIterable {
        case german, polish, nordic, french, dutch, iberian, italian, british, central, japanese, chinese

        var isLatin: Bool { self != .japanese && self != .chinese }
    }

    struct CompanySpec {
        var company: Company
        var countryCode: String
        var region: Region
        var domain: String
        /// What deal names start with ("Brandt Maschinenbau").
        var shortName: String
        /// Index of the parent company in the catalogue (always earlier).
        var parent: Int?
        /// The parent link is made weeks later with `setParent` (an acquisition).
        var acquiredLater: Bool
        var revenueMinor: Int64?
    }

    struct Name {
        var first: String
        var last: String
        /// Latin spelling for the email address of names in other scripts.
        var romanFirst: String?
        var romanLast: String?
    }

    // MARK: Companies

    private typealias Row = (name: String, short: String, legal: String, industry: String, size: String, country: String,
                             city: String, postal: String, street: String, domain: String, parent: String?, acquired: Bool,
                             status: CompanyStatus, tags: [String])

    private static func row(_ name: String, _ short: String, _ industry: String, _ size: String, _ country: String,
                            _ city: String, _ postal: String, _ street: String, _ domain: String, parent: String? = nil,
                            acquired: Bool = false, legal: String = "", status: CompanyStatus = .active,
                            tags: [String] = []) -> Row {
        (name, short, legal, industry, size, country, city, postal, street, domain, parent, acquired, status, tags)
    }

    private static let countries: [String: (name: String, region: Region)] = [
        "DE": ("Germany", .german), "AT": ("Austria", .german), "CH": ("Switzerland", .german),
        "GB": ("United Kingdom", .british), "IE": ("Ireland", .british), "FR": ("France", .french),
        "NL": ("Netherlands", .dutch), "BE": ("Belgium", .dutch), "IT": ("Italy", .italian), "ES": ("Spain", .iberian),
        "PT": ("Portugal", .iberian), "DK": ("Denmark", .nordic), "SE": ("Sweden", .nordic), "FI": ("Finland", .nordic),
        "PL": ("Poland", .polish), "CZ": ("Czechia", .central), "HU": ("Hungary", .central), "GR": ("Greece", .central),
        "JP": ("Japan", .japanese), "CN": ("China", .chinese),
    ]

    /// About sixty accounts; parents come before their subsidiaries. Eight groups of two or
    /// three levels (two subsidiaries join their group later), the rest on their own.
    private static let rows: [Row] = [
        row("Brandt Holding AG", "Brandt", "Industrial holding", "1001-5000", "DE", "Hamburg", "20457", "Am Sandtorkai 41", "brandt-holding.example", tags: ["key-account"]),
        row("Brandt Maschinenbau GmbH", "Brandt Maschinenbau", "Machinery", "501-1000", "DE", "Bremen", "28197", "Hafenstraße 112", "brandt-maschinenbau.example", parent: "Brandt Holding AG", tags: ["key-account"]),
        row("Bäckerei Großmann GmbH", "Großmann", "Food production", "51-200", "DE", "München", "80331", "Sendlinger Straße 7", "baeckerei-grossmann.example"),
        row("Van der Berg Groep B.V.", "Van der Berg", "Logistics", "1001-5000", "NL", "Rotterdam", "3011 AA", "Wijnhaven 88", "vanderberg-groep.example", tags: ["export"]),
        row("Müller & Söhne Elektrotechnik KG", "Müller & Söhne", "Electrical engineering", "51-200", "DE", "Stuttgart", "70173", "Königstraße 28", "mueller-soehne.example"),
        row("東京商事", "東京商事", "Trading", "1001-5000", "JP", "東京都千代田区", "100-0005", "丸の内 2-7-3", "tokyo-shoji.example", legal: "東京商事株式会社 (Tokyo Shoji K.K.)", tags: ["partner", "export"]),
        row("Brandt Service GmbH", "Brandt Service", "Maintenance services", "51-200", "DE", "Bremen", "28197", "Hafenstraße 114", "brandt-service.example", parent: "Brandt Maschinenbau GmbH"),
        row("Whitfield & Sons Ltd", "Whitfield", "Wholesale", "201-500", "GB", "Manchester", "M1 1AE", "12 Piccadilly", "whitfield-sons.example"),
        row("Hoffmann Druck GmbH", "Hoffmann Druck", "Printing", "11-50", "DE", "Leipzig", "04109", "Karl-Liebknecht-Straße 54", "hoffmann-druck.example", status: .prospect),
        row("Krüger Stahl AG", "Krüger Stahl", "Steel trading", "1001-5000", "DE", "Duisburg", "47051", "Königstraße 60", "krueger-stahl.example", tags: ["key-account"]),
        row("Lefèvre Industries S.A.", "Lefèvre", "Packaging", "501-1000", "FR", "Lyon", "69002", "12 Rue de la République", "lefevre-industries.example", tags: ["export"]),
        row("Van der Berg Logistics B.V.", "VdB Logistics", "Logistics", "201-500", "NL", "Venlo", "5928 LX", "Columbusweg 21", "vdb-logistics.example", parent: "Van der Berg Groep B.V."),
        row("Zimmermann Holzbau GmbH", "Zimmermann Holzbau", "Construction", "11-50", "DE", "Freiburg im Breisgau", "79098", "Kaiser-Joseph-Straße 190", "zimmermann-holzbau.example"),
        row("Tokyo Shoji Europe GmbH", "Tokyo Shoji Europe", "Trading", "51-200", "DE", "Düsseldorf", "40212", "Immermannstraße 45", "tokyo-shoji-europe.example", parent: "東京商事", tags: ["partner"]),
        row("Nordlicht Lebensmittel AG", "Nordlicht", "Food wholesale", "1001-5000", "DE", "Kiel", "24103", "Holstenstraße 40", "nordlicht-lebensmittel.example"),
        row("Becker Pharma Vertrieb GmbH", "Becker Pharma", "Pharmaceuticals", "201-500", "DE", "Frankfurt am Main", "60311", "Neue Mainzer Straße 20", "becker-pharma.example"),
        row("Krüger Stahlhandel GmbH", "Krüger Stahlhandel", "Steel trading", "201-500", "DE", "Dortmund", "44137", "Westenhellweg 102", "krueger-stahlhandel.example", parent: "Krüger Stahl AG"),
        row("Nordlicht Frischdienst GmbH & Co. KG", "Nordlicht Frischdienst", "Food logistics", "201-500", "DE", "Neumünster", "24534", "Rendsburger Straße 77", "nordlicht-frischdienst.example", parent: "Nordlicht Lebensmittel AG"),
        row("Schröder Medizintechnik GmbH", "Schröder Medizintechnik", "Medical devices", "51-200", "DE", "Lübeck", "23552", "Breite Straße 33", "schroeder-medizintechnik.example"),
        row("Hallström Gruppen AB", "Hallström", "Industrial tools", "1001-5000", "SE", "Göteborg", "411 05", "Kungsportsavenyen 10", "hallstrom-gruppen.example", tags: ["export"]),
        row("Krüger Österreich GmbH", "Krüger Österreich", "Steel trading", "51-200", "AT", "Wien", "1010", "Kärntner Straße 51", "krueger-oesterreich.example", parent: "Krüger Stahl AG"),
        row("Lange Autoteile GmbH", "Lange Autoteile", "Automotive parts", "201-500", "DE", "Braunschweig", "38100", "Bohlweg 9", "lange-autoteile.example"),
        row("Nordlicht Kühllogistik GmbH", "Nordlicht Kühllogistik", "Cold chain logistics", "51-200", "DE", "Neumünster", "24537", "Wittorfer Straße 15", "nordlicht-kuehllogistik.example", parent: "Nordlicht Frischdienst GmbH & Co. KG"),
        row("Köhler Fahrradwerk GmbH", "Köhler Fahrradwerk", "Bicycles", "51-200", "DE", "Dresden", "01067", "Ostra-Allee 11", "koehler-fahrrad.example", status: .prospect),
        row("Hallström Deutschland GmbH", "Hallström Deutschland", "Industrial tools", "201-500", "DE", "Hannover", "30159", "Georgstraße 36", "hallstrom.de.example", parent: "Hallström Gruppen AB"),
        row("Van der Berg Deutschland GmbH", "VdB Deutschland", "Logistics", "51-200", "DE", "Düsseldorf", "40221", "Speditionstraße 23", "vdb-deutschland.example", parent: "Van der Berg Logistics B.V."),
        row("Wagner Textil AG", "Wagner Textil", "Textiles", "501-1000", "DE", "Augsburg", "86150", "Maximilianstraße 18", "wagner-textil.example"),
        row("Whitfield Packaging Ltd", "Whitfield Packaging", "Packaging", "51-200", "GB", "Bolton", "BL1 1HL", "3 Deansgate", "whitfield-packaging.example", parent: "Whitfield & Sons Ltd"),
        row("Richter Bürobedarf e.K.", "Richter Bürobedarf", "Office supplies", "1-10", "DE", "Hannover", "30161", "Lister Meile 21", "richter-buero.example"),
        row("Neumann Kältetechnik GmbH", "Neumann Kältetechnik", "Refrigeration", "11-50", "DE", "Nürnberg", "90402", "Königstraße 2", "neumann-kaelte.example"),
        row("Lefèvre Emballages S.A.S.", "Lefèvre Emballages", "Packaging", "201-500", "FR", "Villeurbanne", "69100", "45 Cours Émile Zola", "lefevre-emballages.example", parent: "Lefèvre Industries S.A."),
        row("Hallström Service GmbH", "Hallström Service", "Maintenance services", "11-50", "DE", "Kassel", "34117", "Kölnische Straße 5", "hallstrom-service.example", parent: "Hallström Deutschland GmbH"),
        row("Jäger Gartenbau KG", "Jäger Gartenbau", "Horticulture", "11-50", "DE", "Münster", "48143", "Prinzipalmarkt 8", "jaeger-gartenbau.example"),
        row("Fuchs Verpackungen GmbH", "Fuchs Verpackungen", "Packaging", "51-200", "DE", "Mannheim", "68161", "Planken O7 14", "fuchs-verpackungen.example"),
        row("Grünwald Bio-Markt GmbH", "Grünwald Bio-Markt", "Retail", "51-200", "DE", "Berlin", "10115", "Invalidenstraße 117", "gruenwald-bio.example", status: .prospect),
        row("Krause IT-Systemhaus GmbH", "Krause IT", "IT services", "11-50", "DE", "Berlin", "10969", "Friedrichstraße 231", "krause-it.example"),
        row("Hartmann Chemie AG", "Hartmann Chemie", "Chemicals", "1001-5000", "DE", "Ludwigshafen am Rhein", "67059", "Bismarckstraße 70", "hartmann-chemie.example", tags: ["key-account"]),
        row("Seidel Möbelwerkstätten GmbH", "Seidel Möbel", "Furniture", "51-200", "DE", "Bielefeld", "33602", "Niedernstraße 25", "seidel-moebel.example"),
        row("Pöhlmann Präzisionsteile GmbH", "Pöhlmann", "Precision parts", "201-500", "DE", "Chemnitz", "09111", "Straße der Nationen 12", "poehlmann-praezision.example"),
        row("Steirer Feinkost GmbH", "Steirer Feinkost", "Delicatessen", "11-50", "AT", "Graz", "8010", "Herrengasse 16", "steirer-feinkost.example"),
        row("Zürcher Uhrenmanufaktur AG", "Zürcher Uhren", "Watches", "201-500", "CH", "Zürich", "8001", "Bahnhofstrasse 44", "zuercher-uhren.example"),
        row("Dvořák Sklárna s.r.o.", "Dvořák Sklárna", "Glassware", "51-200", "CZ", "Brno", "602 00", "Masarykova 31", "dvorak-sklarna.example"),
        row("Horváth Agrár Kft.", "Horváth Agrár", "Agriculture", "51-200", "HU", "Szeged", "6720", "Kárász utca 9", "horvath-agrar.example", status: .prospect),
        row("García Logística S.L.", "García Logística", "Logistics", "201-500", "ES", "Zaragoza", "50004", "Paseo de la Independencia 21", "garcia-logistica.example"),
        row("Rossi Ceramiche S.p.A.", "Rossi Ceramiche", "Ceramics", "501-1000", "IT", "Modena", "41121", "Via Emilia Centro 120", "rossi-ceramiche.example", tags: ["export"]),
        row("Almeida Cortiça S.A.", "Almeida Cortiça", "Cork products", "51-200", "PT", "Porto", "4000-322", "Rua de Santa Catarina 77", "almeida-cortica.example"),
        row("Nørgaard Møbler A/S", "Nørgaard Møbler", "Furniture", "51-200", "DK", "Aarhus", "8000", "Søndergade 40", "norgaard-mobler.example"),
        row("Virtanen Paper Oy", "Virtanen Paper", "Paper", "501-1000", "FI", "Tampere", "33100", "Hämeenkatu 14", "virtanen-paper.example"),
        row("O'Connor Distribution Ltd", "O'Connor", "Wholesale", "51-200", "IE", "Dublin", "D02 X285", "18 Grafton Street", "oconnor-distribution.example"),
        row("Janssens Voeding N.V.", "Janssens Voeding", "Food wholesale", "201-500", "BE", "Antwerpen", "2000", "Meir 50", "janssens-voeding.example"),
        row("Moreau Transports S.A.", "Moreau Transports", "Logistics", "201-500", "FR", "Lille", "59000", "8 Rue Nationale", "moreau-transports.example"),
        row("De Vries Bloemen B.V.", "De Vries Bloemen", "Horticulture", "51-200", "NL", "Aalsmeer", "1431 GT", "Legmeerdijk 313", "devries-bloemen.example"),
        row("Kowalski Transport Sp. z o.o.", "Kowalski Transport", "Logistics", "51-200", "PL", "Poznań", "61-701", "ul. Święty Marcin 29", "kowalski-transport.example", parent: "Van der Berg Logistics B.V.", acquired: true),
        row("Schäfer Regalsysteme GmbH", "Schäfer Regalsysteme", "Storage systems", "51-200", "DE", "Kassel", "34117", "Obere Königsstraße 39", "schaefer-regale.example", parent: "Brandt Holding AG", acquired: true),
        row("Papadopoulos Trading S.A.", "Papadopoulos Trading", "Wholesale", "11-50", "GR", "Thessaloniki", "546 24", "Tsimiski 45", "papadopoulos-trading.example"),
        row("Hellwig Sicherheitstechnik GmbH", "Hellwig Sicherheit", "Security systems", "11-50", "DE", "Essen", "45127", "Kettwiger Straße 20", "hellwig-sicherheit.example"),
        row("Baumann Landmaschinen GmbH & Co. KG", "Baumann Landmaschinen", "Agricultural machinery", "201-500", "DE", "Osnabrück", "49074", "Große Straße 47", "baumann-landmaschinen.example"),
        row("上海精密机械有限公司", "上海精密机械", "Machinery", "501-1000", "CN", "上海市浦东新区", "200120", "世纪大道 100 号", "shanghai-precision.example", legal: "上海精密机械有限公司 (Shanghai Precision Machinery Co., Ltd.)", tags: ["partner"]),
        row("Brightwater Marine Ltd", "Brightwater Marine", "Marine equipment", "11-50", "GB", "Southampton", "SO14 2AQ", "40 Oxford Street", "brightwater-marine.example", status: .inactive),
        row("Weißenfels Getränke AG", "Weißenfels Getränke", "Beverages", "501-1000", "DE", "Köln", "50667", "Hohe Straße 52", "weissenfels-getraenke.example"),
    ]

    static let companies: [CompanySpec] = {
        var indexByName: [String: Int] = [:]
        var specs: [CompanySpec] = []
        for (index, row) in rows.enumerated() {
            indexByName[row.name] = index
            let country = countries[row.country]!
            let phoneCountry = try? PhoneCountry(row.country)
            let formats = phoneFormats[row.country]!
            // The head office's switchboard, digits derived from the row.
            var digit = index
            let switchboard = String(formats.landline[index % formats.landline.count].map { char -> Character in
                guard char == "#" else { return char }
                digit = (digit * 7 + 3) % 10
                return Character(String(digit))
            })
            let phone = try? PhoneNumber(switchboard, defaultCountry: phoneCountry)
            let size = try? CompanySize(parsing: row.size)
            let company = Company(name: row.name, legalName: row.legal.isEmpty ? row.name : row.legal, industry: row.industry,
                                  website: "https://www.\(row.domain)/", employeeCount: size, phone: phone,
                                  email: try? EmailAddress("info@\(row.domain)"),
                                  address: PostalAddress(line1: row.street, city: row.city, postalCode: row.postal, country: country.name),
                                  status: row.status, tags: row.tags)
            // Revenue roughly 150,000 per head at the band's lower end, in whole thousands.
            let revenue = size.map { Int64($0.minimum) * 150_000_00 / 100_000 * 100_000 }
            specs.append(CompanySpec(company: company, countryCode: row.country, region: country.region, domain: row.domain,
                                     shortName: row.short, parent: row.parent.map { indexByName[$0]! },
                                     acquiredLater: row.acquired, revenueMinor: revenue))
        }
        return specs
    }()

    // MARK: Phone numbers as people write them (national form; `#` is any digit)

    static let phoneFormats: [String: (landline: [String], mobile: [String])] = [
        "DE": (["030 #######", "040 #######", "089 #######", "0221 #######", "069 ########", "0711 #######", "0421 ######", "0341 #######"],
               ["0151 ########", "0160 #######", "0171 #######", "0176 ########"]),
        "AT": (["01 #######", "0316 ######"], ["0664 #######"]),
        "CH": (["044 ### ## ##", "032 ### ## ##"], ["079 ### ## ##"]),
        "GB": (["020 7946 0###", "0161 496 0###", "0117 496 0###"], ["07700 900###"]),
        "IE": (["01 ### ####"], ["087 ### ####"]),
        "FR": (["01 ## ## ## ##", "04 ## ## ## ##", "03 ## ## ## ##"], ["06 ## ## ## ##"]),
        "NL": (["010 ### ####", "020 ### ####", "0297 ## ## ##"], ["06 ########"]),
        "BE": (["03 ### ## ##"], ["0470 ## ## ##"]),
        "IT": (["059 ### ####"], ["347 ### ####"]),
        "ES": (["976 ### ###"], ["6## ### ###"]),
        "PT": (["22 ### ####"], ["912 ### ###"]),
        "DK": (["86 ## ## ##"], ["2# ## ## ##"]),
        "FI": (["03 ### ####"], ["040 ### ####"]),
        "SE": (["031 ### ## ##"], ["070 ### ## ##"]),
        "PL": (["61 ### ## ##"], ["601 ### ###"]),
        "CZ": (["5## ### ###"], ["7## ### ###"]),
        "HU": (["06 62 ### ###"], ["06 30 ### ####"]),
        "GR": (["2310 ######"], ["69# #######"]),
        "JP": (["03-####-####", "06-####-####"], ["090-####-####"]),
        // Not in the phone table: written internationally.
        "CN": (["+86 21 #### ####"], ["+86 139 #### ####"]),
    ]

    // MARK: People

    private static let names: [Region: (first: [String], last: [String])] = [
        .german: (["Anna", "Jürgen", "Sabine", "Katharina", "Maximilian", "Björn", "Jörg", "Günter", "Ute", "Dörte", "Lukas",
                   "Julia", "Stefan", "Andrea", "Michael", "Claudia", "Tobias", "Sandra", "Matthias", "Birgit", "Sebastian",
                   "Nicole", "Florian", "Lea", "Jan", "Heike", "Uwe", "Sören", "Mia", "Ömer", "Zoë", "Anja", "Ralf", "Kerstin",
                   "Dominik", "Franziska", "Timo", "Jana", "Hans-Peter", "Marie-Luise", "Leonie", "Moritz", "Käthe", "Elif"],
                  ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
                   "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
                   "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
                   "Köhler", "Groß", "Weiß", "Jäger", "Vogt", "Böhm", "Kaya", "Öztürk", "Petrović", "von Ahlen", "Maier",
                   "Müller-Lüdenscheidt", "Fuß", "Dietrich"]),
        .polish: (["Łukasz", "Agnieszka", "Bartosz", "Małgorzata", "Piotr", "Katarzyna", "Wojciech", "Zofia", "Paweł", "Joanna"],
                  ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska", "Zieliński", "Szymańska", "Dąbrowski"]),
        .nordic: (["Søren", "Åsa", "Mikael", "Linnea", "Jens", "Ingrid", "Henrik", "Sanna", "Mette", "Aino", "Björk", "Jørgen"],
                  ["Jensen", "Sørensen", "Nielsen", "Andersson", "Lindqvist", "Johansson", "Virtanen", "Korhonen",
                   "Bergström", "Håkansson", "Mäkinen", "Østergaard"]),
        .french: (["François", "Élodie", "Thierry", "Camille", "Hélène", "Jérôme", "Amélie", "Benoît", "Zoë", "Noël", "Cécile"],
                  ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Mercier", "Chevalier", "Bérard"]),
        .dutch: (["Sanne", "Daan", "Femke", "Thijs", "Lotte", "Bram", "Anouk", "Joost", "Maarten", "Eline"],
                 ["de Vries", "van der Berg", "Janssen", "Bakker", "Visser", "Smit", "van Dijk", "de Jong", "Mertens", "Peeters"]),
        .iberian: (["José", "Inês", "María", "João", "Lucía", "Álvaro", "Beatriz", "Sofía", "Raúl", "Conceição"],
                   ["García", "Fernández", "Martínez", "López", "Silva", "Santos", "Rodríguez", "Gonçalves", "Muñoz", "Pereira"]),
        .italian: (["Matteo", "Chiara", "Giulia", "Luca", "Francesca", "Niccolò", "Alessandra", "Davide", "Elisa"],
                   ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Esposito", "De Luca", "Galli"]),
        .british: (["Siobhán", "Niamh", "Liam", "Charlotte", "Harriet", "Callum", "Aoife", "Rhys", "Eleanor", "Priya", "Seán"],
                   ["O'Brien", "Murphy", "Taylor", "Davies", "Evans", "Thompson", "Walsh", "Kennedy", "Robinson",
                    "Clarke-Wilson", "Ó Súilleabháin", "Patel"]),
        .central: (["Tomáš", "Zuzana", "Kristóf", "Eszter", "Dimitris", "Eleni", "Petra", "Jiří", "Ágnes", "Nikos"],
                   ["Novák", "Dvořák", "Svobodová", "Horváth", "Nagy", "Papadopoulos", "Georgiou", "Kovács", "Procházka"]),
    ]

    /// Given name, family name and their Latin spelling.
    private static let eastAsian: [Region: [(String, String, String, String)]] = [
        .japanese: [("健", "田中", "ken", "tanaka"), ("由美", "佐藤", "yumi", "sato"), ("浩", "鈴木", "hiroshi", "suzuki"),
                    ("美咲", "高橋", "misaki", "takahashi"), ("翔太", "伊藤", "shota", "ito"), ("直子", "渡辺", "naoko", "watanabe"),
                    ("大輔", "山本", "daisuke", "yamamoto"), ("恵", "中村", "megumi", "nakamura")],
        .chinese: [("伟", "王", "wei", "wang"), ("芳", "李", "fang", "li"), ("磊", "张", "lei", "zhang"), ("静", "刘", "jing", "liu"),
                   ("强", "陈", "qiang", "chen"), ("敏", "杨", "min", "yang"), ("军", "赵", "jun", "zhao"), ("丽", "黄", "li", "huang")],
    ]

    /// Mostly a name of the company's region, sometimes one from anywhere in Europe.
    static func name(for region: Region, using rng: inout DemoRandom) -> Name {
        if let pool = eastAsian[region] {
            let (first, last, romanFirst, romanLast) = rng.pick(pool)
            return Name(first: first, last: last, romanFirst: romanFirst, romanLast: romanLast)
        }
        let latin = Region.allCases.filter(\.isLatin)
        let source = names[rng.chance(0.75) ? region : rng.pick(latin)]!
        return Name(first: rng.pick(source.first), last: rng.pick(source.last))
    }

    /// `Jürgen` → `Juergen`, `Søren` → `Soren`, `Łukasz` → `Lukasz`: how a name is typed on a
    /// keyboard without the letter.
    static func transliterated(_ text: String, capitalized: Bool) -> String {
        let map: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                                        "ø": "o", "Ø": "O", "å": "a", "Å": "A", "æ": "ae", "Æ": "Ae", "ł": "l", "Ł": "L",
                                        "đ": "d", "ı": "i", "ğ": "g", "ş": "s"]
        var out = ""
        for char in text {
            if let replacement = map[char] { out += replacement } else {
                out += String(char).folding(options: .diacriticInsensitive, locale: nil)
            }
        }
        return capitalized ? out : out.lowercased()
    }

    /// A typo in the last letters ("Schmidt" → "Schmitd").
    static func misspelt(_ text: String) -> String {
        var chars = Array(text)
        guard chars.count > 3 else { return text + "e" }
        chars.swapAt(chars.count - 1, chars.count - 2)
        return String(chars)
    }

    /// Lowercase ASCII letters, digits and hyphens for an email address.
    static func emailPart(_ text: String) -> String {
        let plain = transliterated(text, capitalized: false)
        return String(plain.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            .map(Character.init))
    }

    static let titles: [(String, String)] = [
        ("Managing Director", "Management"), ("CFO", "Finance"), ("Head of Purchasing", "Purchasing"),
        ("Purchasing Manager", "Purchasing"), ("Buyer", "Purchasing"), ("Senior Buyer", "Purchasing"),
        ("Procurement Specialist", "Purchasing"), ("Head of Logistics", "Logistics"), ("Warehouse Manager", "Logistics"),
        ("Operations Director", "Operations"), ("IT Director", "IT"), ("Office Manager", "Administration"),
        ("Accounts Payable Clerk", "Finance"), ("Controller", "Finance"), ("Key Account Manager", "Sales"),
        ("Technical Lead", "Engineering"), ("Plant Manager", "Production"), ("Quality Manager", "Quality"),
        ("Assistant to the Board", "Management"), ("Facility Manager", "Facilities"),
    ]

    static let statuses: [ContactStatus] = [.lead, .lead, .lead, .lead, .prospect, .prospect, .prospect,
                                            .customer, .customer, .customer, .inactive]
    static let sources = ["Website", "Referral", "Cold call", "Trade fair", "LinkedIn", "Partner", "Newsletter"]
    static let contactTags = ["vip", "newsletter", "trade-fair-2026", "decision-maker", "technical", "eu-export"]

    // MARK: Deals

    static let dealTopics = ["Pallet racking upgrade", "Annual maintenance contract", "Warehouse scanners", "Forklift fleet renewal",
                             "Packaging material 2027", "Conveyor extension", "Spare parts framework", "Cold storage expansion",
                             "Shelving for new site", "Label printers rollout", "Service level agreement", "Pilot order"]
    static let dealTags = ["framework", "renewal", "new-business", "upsell", "tender"]
    static let lostReasons = ["price", "price", "timing", "competitor", "competitor", "no budget", "no decision"]

    struct LineItemSpec {
        var name: String
        var priceMinor: Int64
        var quantity: ClosedRange<Int>
    }

    static let lineItems: [LineItemSpec] = [
        LineItemSpec(name: "Pallet racking bay 2.7 m", priceMinor: 48_900, quantity: 10...120),
        LineItemSpec(name: "Installation (per day)", priceMinor: 96_000, quantity: 1...8),
        LineItemSpec(name: "Annual maintenance", priceMinor: 450_000, quantity: 1...3),
        LineItemSpec(name: "Handheld barcode scanner", priceMinor: 79_500, quantity: 5...40),
        LineItemSpec(name: "Thermal label printer", priceMinor: 64_900, quantity: 2...12),
        LineItemSpec(name: "Operator training (per day)", priceMinor: 120_000, quantity: 1...4),
        LineItemSpec(name: "Stretch film roll 500 mm", priceMinor: 1_890, quantity: 100...900),
    ]

    // MARK: Interactions and tasks

    static let interactionKinds: [Interaction.Kind] = [.call, .call, .call, .email, .email, .email, .meeting, .note, .note]

    static let subjects: [Interaction.Kind: [(subject: String, description: String)]] = [
        .call: [("Intro call", "First conversation about their warehouse needs."),
                ("Follow-up on the quote", "Asked whether the quote arrived and who decides."),
                ("Delivery date check", "Confirmed the delivery window with the site manager."),
                ("Price question", "Wanted to know about volume discounts."),
                ("Service request", "Reported a fault on a scanner; passed on to service.")],
        .email: [("Quote sent", "Quote as PDF with the price list attached."),
                 ("Re: Price list 2026", "Answered questions on the new prices."),
                 ("Order confirmation", "Confirmed the order and the delivery address."),
                 ("Product brochure", "Sent the brochure and two reference projects."),
                 ("Meeting follow-up", "Summary of the meeting and next steps.")],
        .meeting: [("On-site visit", "Walked the warehouse; measured the aisles."),
                   ("Quarterly review", "Reviewed volumes and open issues."),
                   ("Product demo", "Showed the scanners and the label printers."),
                   ("Contract negotiation", "Discussed terms, payment and delivery.")],
        .note: [("Prefers email", "Rarely picks up the phone; write instead."),
                ("Budget approved", "Budget for next year approved by the board."),
                ("New contact person", "Purchasing moves to a new colleague next month."),
                ("Competitor on site", "A competitor presented last week.")],
    ]

    static let taskTitles = ["Send revised quote", "Call back about delivery dates", "Prepare proposal", "Book on-site visit",
                             "Check credit limit with accounting", "Send product samples", "Follow up on trade fair contact",
                             "Update contract draft", "Confirm meeting agenda", "Ask for reference customer",
                             "Send order confirmation", "Chase signed offer"]
}
