import Testing
@testable import CCWDomain

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsEscapedQuotesAndEmbeddedNewlines() throws {
        let text = "\u{FEFF}name,note\r\n\"Meier, Anna\",\"said \"\"hi\"\"\"\r\nBob,\"two\nlines\"\r\n\"\",x\r\n"
        let records = try CSVReader.read(text)
        #expect(records.map(\.fields) == [["name", "note"], ["Meier, Anna", "said \"hi\""], ["Bob", "two\nlines"], ["", "x"]])
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func lineEndingsBlankLinesAndLastLine() throws {
        let records = try CSVReader.read("a,b\n\n1,2\r3,4\r\n5,")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", ""]])
        #expect(records.map(\.line) == [1, 3, 4, 5])
        #expect(try CSVReader.read("").isEmpty)
        #expect(try CSVReader.read("\u{FEFF}").isEmpty)
        #expect(try CSVReader.read("x\n").map(\.fields) == [["x"]])
        // A CRLF inside quotes stays in the value and counts as one line.
        let crlf = try CSVReader.read("a\r\n\"1\r\n2\"\r\nz")
        #expect(crlf.map(\.fields) == [["a"], ["1\r\n2"], ["z"]])
        #expect(crlf.map(\.line) == [1, 2, 4])
    }

    @Test func keepsAccentsAndEmoji() throws {
        let records = try CSVReader.read("name\nJürgen Müller\n\"Zoë 👋\"\n")
        #expect(records.map(\.fields) == [["name"], ["Jürgen Müller"], ["Zoë 👋"]])
    }

    @Test func reportsQuotingMistakes() throws {
        #expect(throws: CSVError(line: 3, message: "a quoted field opened here is never closed (a \" is missing)")) {
            try CSVReader.read("a,b\n1,2\n3,\"open\n4,5\n")
        }
        let records = try CSVReader.read("a,b\n5\" screen,x\n\"ok\"tail,y\n")
        #expect(records[1].problem == "field 1: a quote inside an unquoted field (quote the whole field and double the quote)")
        #expect(records[1].fields == ["5\" screen", "x"])
        #expect(records[2].problem == "field 1: text after the closing quote")
        #expect(records[2].fields == ["oktail", "y"])
    }

    @Test func otherDelimiters() throws {
        #expect(CSVReader.detectDelimiter("Vorname;Nachname;\"E-Mail, privat\"\nx") == ";")
        #expect(CSVReader.detectDelimiter("a\tb\tc") == "\t")
        #expect(CSVReader.detectDelimiter("single") == ",")
        #expect(try CSVReader.read("a;b\n1,5;2\n", delimiter: ";").map(\.fields) == [["a", "b"], ["1,5", "2"]])
    }

    @Test func decodesOnlyUTF8() throws {
        #expect(try UTF8Text.decode(Array("Zoë\n".utf8)) == "Zoë\n")
        #expect(throws: InputError("line 2: the file is not UTF-8 (save it as CSV UTF-8 and import it again)")) {
            try UTF8Text.decode(Array("ok\n".utf8) + [0x4D, 0xFC, 0x6C]) // "Mül" in Latin-1
        }
        #expect(throws: InputError.self) { try UTF8Text.decode([0xFF, 0xFE, 0x41, 0x00]) }
        #expect(throws: InputError.self) { try UTF8Text.decode([0xED, 0xA0, 0x80]) } // a UTF-16 surrogate
    }
}
