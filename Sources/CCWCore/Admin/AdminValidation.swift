import CCWDomain
import Foundation

/// Field rules shared by the admin forms and commands. Each returns the cleaned value or
/// throws a message naming the value and what is expected.
enum AdminValidation {
    static func orgName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError("name is empty") }
        guard name.count <= 100 else { throw InputError("name is longer than 100 characters") }
        return name
    }

    /// Logins are what SSH and the OS use: letters, digits, `.`, `_`, `-`, `@`, up to 64.
    static func login(_ text: String) throws -> String {
        let login = text.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty else { throw InputError("login is empty") }
        guard login.count <= 64 else { throw InputError("\"\(login)\" is longer than 64 characters") }
        let allowed = login.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "._-@".contains($0) }
        guard allowed, login.first.map({ $0.isLetter || $0.isNumber || $0 == "_" }) == true else {
            throw InputError("\"\(login)\": use letters, digits, '.', '_', '-' or '@' (like an OS user name)")
        }
        return login
    }

    static func displayName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError("name is empty") }
        guard name.count <= 100 else { throw InputError("name is longer than 100 characters") }
        return name
    }

    static func email(_ text: String?) throws -> String? {
        guard let email = text?.trimmingCharacters(in: .whitespaces), !email.isEmpty else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace) else {
            throw InputError("\"\(email)\" is not an e-mail address (expected name@example.com)")
        }
        return email
    }

    static func country(_ text: String?) throws -> String? {
        guard let code = text?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty else { return nil }
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw InputError("\"\(code)\" is not a country code (expected two letters such as DE, GB, US)")
        }
        return code
    }

    static func timeZone(_ text: String) throws -> String {
        try ZonedTime.timeZone(text).identifier
    }

    /// Validates the organization fields together so a form shows every problem at once.
    static func organization(name: String, baseCurrency: String, timeZone: String, defaultCountry: String?) throws
        -> (name: String, currency: CurrencyCode, timeZone: String, country: String?) {
        var errors = ValidationErrors()
        let cleanName = errors.check("name") { try orgName(name) }
        let currency = errors.check("base currency") { try CurrencyCode(baseCurrency) }
        let zone = errors.check("time zone") { try self.timeZone(timeZone) }
        let cleanCountry = errors.check("default country") { try country(defaultCountry) }
        try errors.throwIfAny()
        return (cleanName!, currency!, zone!, cleanCountry ?? nil)
    }
}
