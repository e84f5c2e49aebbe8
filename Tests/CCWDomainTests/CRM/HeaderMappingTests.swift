import Testing
@testable import CCWDomain

@Suite struct HeaderMappingTests {
    typealias Mapping = HeaderMapping<ContactColumn>

    @Test func mapsHeadersByNameWithoutFuss() throws {
        for header in ["E-mail", "Email Address", "email", " EMAIL ", "e_mail"] {
            #expect(Mapping.automatic(header) == .field(.field(.email)), "\(header)")
        }
        let cases: [(String, ContactColumn)] = [
            ("First Name", .field(.firstName)), ("firstname", .field(.firstName)), ("Given name", .field(.firstName)),
            ("Surname", .field(.lastName)), ("Family Name", .field(.lastName)), ("Last-Name", .field(.lastName)),
            ("Organisation", .field(.company)), ("Organization", .field(.company)), ("Account", .field(.company)),
            ("Telephone", .field(.phone)), ("Tel.", .field(.phone)), ("Mobile", .field(.mobile)),
            ("ZIP", .field(.postalCode)), ("Job Title", .field(.title)), ("Name", .fullName), ("Straße", .field(.addressLine1)),
        ]
        for (header, column) in cases { #expect(Mapping.automatic(header) == .field(column), "\(header)") }
        #expect(Mapping.automatic("Custom.Shoe size") == .custom("Shoe size"))
        #expect(Mapping.automatic("Favourite colour") == nil)
    }

    @Test func synonymsAreUnambiguous() {
        var owner: [String: String] = [:]
        for column in ContactColumn.importable {
            for name in [column.key] + column.synonyms {
                let key = TextMatching.key(name)
                #expect(owner[key] == nil || owner[key] == column.key, "\(name) claimed by \(owner[key] ?? "") and \(column.key)")
                owner[key] = column.key
            }
        }
    }

    @Test func overridesUnknownHeadersAndRefusals() throws {
        let headers = ["Vorname", "Nachname", "Mail", "E-Mail", "Notes"]
        let mapping = try Mapping(headers: headers, overrides: ["Mail=email", "Notes=custom.notes"])
        #expect(mapping.targets == [.field(.field(.firstName)), .field(.field(.lastName)), .field(.field(.email)), .ignore, .custom("notes")])
        #expect(mapping.unknownHeaders.map(\.header) == ["E-Mail"])
        #expect(mapping.summary[3] == "E-Mail → (not imported)")

        #expect(throws: MappingError(problems: [
            "columns \"Email\" and \"E-mail\" both map to email; use --map to choose, e.g. --map \"E-mail=ignore\"",
        ])) { try Mapping(headers: ["Name", "Email", "E-mail"]) }
        #expect(throws: MappingError(problems: [
            "--map \"Foo=email\": the file has no column \"Foo\" (columns: Name, Mail)",
            "--map \"Mail=emial\": unknown field \"emial\"; did you mean email?",
            "--map \"Mail\": expected Column=field, e.g. --map \"Mail=email\"",
        ])) { try Mapping(headers: ["Name", "Mail"], overrides: ["Foo=email", "Mail=emial", "Mail"]) }
        let name: [ContactColumn] = [.field(.firstName), .field(.lastName), .fullName]
        #expect(throws: MappingError(problems: ["no column for a name; columns: Mail, Phone"])) {
            try Mapping(headers: ["Mail", "Phone"], required: [(name, "a name")])
        }
    }
}
