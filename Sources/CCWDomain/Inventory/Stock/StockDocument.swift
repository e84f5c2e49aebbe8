/// The business document stock is reserved for: a CRM deal, a sales order or an invoice,
/// named by its kind and its id or number (`order SO-1042`).
public struct StockDocument: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case deal, order, invoice
    }

    public let kind: Kind
    public let id: String

    /// Refuses a blank id or one longer than 60 characters.
    public init(kind: Kind, id: String) throws {
        let id = id.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw InputError("\(kind.rawValue) id is empty") }
        guard id.count <= 60 else { throw InputError("\(kind.rawValue) id: at most 60 characters") }
        self.kind = kind
        self.id = id
    }

    /// Parses `order:SO-1042` (or `order/SO-1042`, `order SO-1042`).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let cut = trimmed.firstIndex(where: { $0 == ":" || $0 == "/" || $0 == " " }) else {
            throw InputError("document \(trimmed): expected KIND:ID, e.g. order:SO-1042 (kinds: deal, order, invoice)")
        }
        let kindText = trimmed[..<cut].lowercased()
        guard let kind = Kind(rawValue: kindText) else {
            throw InputError("document \(trimmed): kind \(kindText) is not one of deal, order, invoice")
        }
        try self.init(kind: kind, id: String(trimmed[trimmed.index(after: cut)...]))
    }

    public var description: String { "\(kind.rawValue) \(id)" }
}
