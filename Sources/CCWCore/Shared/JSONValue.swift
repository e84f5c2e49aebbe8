import Foundation
import GRDB

/// A JSON value for free-form data (org settings, event payloads, audit snapshots of rows).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else if let value = try? container.decode([String: JSONValue].self) { self = .object(value) }
        else {
            // Fractional numbers are kept as their text: CCW never stores binary floating point.
            let value = try container.decode(Decimal.self)
            self = .string("\(value)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    public var stringValue: String? { if case let .string(s) = self { s } else { nil } }
}

/// Deterministic JSON text: sorted snake_case keys (as in `ccw … --json`), no escaped slashes.
/// Used wherever JSON is stored, hashed (the audit chain) or compared.
public enum CanonicalJSON {
    public static func encode(_ value: any Encodable) throws -> String {
        if let raw = value as? RawJSON { return raw.text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// A database row as a JSON object (integers, text, null; blobs as base64 text).
    public static func object(_ row: Row) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: object[column] = .null
            case let .int64(int): object[column] = .int(int)
            case let .double(double): object[column] = .string(String(double))
            case let .string(string): object[column] = .string(string)
            case let .blob(data): object[column] = .string(data.base64EncodedString())
            }
        }
        return .object(object)
    }
}

/// JSON text that is already serialized and is passed through as is.
public struct RawJSON: Encodable, Sendable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try CanonicalJSON.decode(JSONValue.self, from: text))
    }
}
