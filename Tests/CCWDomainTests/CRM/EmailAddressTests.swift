import Testing
import Foundation
@testable import CCWDomain

@Suite struct EmailAddressTests {
    @Test func normalizesWhatPeopleType() throws {
        #expect(try EmailAddress("  Anna.Meier@Example.COM ").value == "Anna.Meier@example.com")
        #expect(try EmailAddress("mailto:bob@example.org").value == "bob@example.org")
        #expect(try EmailAddress("<carla+crm@mail.example.co.uk>").value == "carla+crm@mail.example.co.uk")
        #expect(try EmailAddress("Anna.Meier@Example.COM").matchKey == "anna.meier@example.com")
        #expect(try EmailAddress("jürgen@müller.de").domain == "müller.de")
        #expect(try EmailAddress("o'brien@example.ie").localPart == "o'brien")
    }

    @Test func refusesWithClearMessages() {
        let cases: [(String, String)] = [
            ("anna@", "email \"anna@\": domain is missing"),
            ("", "email is empty (expected e.g. anna@example.com)"),
            ("anna", "email \"anna\": @ is missing (expected e.g. anna@example.com)"),
            ("@example.com", "email \"@example.com\": the name before @ is missing"),
            ("a@b@example.com", "email \"a@b@example.com\": more than one @"),
            ("anna meier@example.com", "email \"anna meier@example.com\": contains a space"),
            ("anna@example", "email \"anna@example\": domain \"example\" needs a dot (e.g. example.com)"),
            ("anna..m@example.com", "email \"anna..m@example.com\": two dots in a row"),
            (".anna@example.com", "email \".anna@example.com\": the name before @ may not start or end with a dot"),
            ("anna@-example.com", "email \"anna@-example.com\": domain part \"-example\" may not start or end with a hyphen"),
            ("anna@example.c", "email \"anna@example.c\": top-level domain \"c\" is too short"),
            ("anna@10.0.0.1", "email \"anna@10.0.0.1\": top-level domain \"1\" cannot be only digits"),
            ("anna(x)@example.com", "email \"anna(x)@example.com\": character \"(\" is not allowed before @"),
            ("anna@exa_mple.com", "email \"anna@exa_mple.com\": character \"_\" is not allowed in the domain"),
            ("anna@example.com.", "email \"anna@example.com.\": domain may not start or end with a dot"),
        ]
        for (text, message) in cases {
            #expect(throws: InputError(message)) { try EmailAddress(text) }
        }
        let long = String(repeating: "a", count: 65) + "@example.com"
        #expect(throws: InputError.self) { try EmailAddress(long) }
    }

    @Test func codesAsPlainText() throws {
        let email = try EmailAddress("anna@example.com")
        let data = try JSONEncoder().encode([email])
        #expect(String(decoding: data, as: UTF8.self) == "[\"anna@example.com\"]")
        #expect(try JSONDecoder().decode([EmailAddress].self, from: data) == [email])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([EmailAddress].self, from: Data("[\"x@\"]".utf8)) }
    }
}
