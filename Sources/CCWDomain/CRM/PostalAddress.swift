import Foundation

/// A postal address as the seed keeps it on contacts and companies: two free lines, city,
/// state or region, postal code and country. Every part is optional; an address is kept as
/// typed (trimmed), because postal formats differ too much between countries to validate more
/// than lengths.
public struct PostalAddress: Sendable, Hashable, Codable {
    public var line1: String
    public var line2: String
    public var city: String
    public var state: String
    public var postalCode: String
    /// The country as typed or as an ISO code ("Germany", "DE").
    public var country: String

    public init(line1: String = "", line2: String = "", city: String = "", state: String = "",
                postalCode: String = "", country: String = "") {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }

    public static let empty = PostalAddress()

    public var isEmpty: Bool { self == .empty }

    /// Lines for a label or a detail pane, empty parts left out:
    /// `["Hauptstr. 1", "10115 Berlin", "Germany"]`.
    public var lines: [String] {
        let cityLine = [postalCode, city, state].filter { !$0.isEmpty }.joined(separator: " ")
        return [line1, line2, cityLine, country].filter { !$0.isEmpty }
    }

    /// Length limits; `prefix` names the owner ("address", "headquarters").
    public func validate(prefix: String = "address") -> [FieldError] {
        var errors: [FieldError] = []
        let parts: [(String, String, Int)] = [("line 1", line1, 200), ("line 2", line2, 200), ("city", city, 100),
                                              ("state", state, 100), ("postal code", postalCode, 20), ("country", country, 100)]
        for (name, value, limit) in parts where value.count > limit {
            errors.append(FieldError(field: "\(prefix) \(name)", message: "longer than \(limit) characters"))
        }
        return errors
    }

    /// The same address with each part trimmed of surrounding white space.
    public var trimmed: PostalAddress {
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        return PostalAddress(line1: t(line1), line2: t(line2), city: t(city), state: t(state),
                             postalCode: t(postalCode), country: t(country))
    }
}
