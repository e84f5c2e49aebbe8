/// A value stored and exchanged as text (JSON, database columns): it encodes as `codingText` and
/// decodes through `init(codingText:)`, which validates, so a bad stored value is a decoding
/// error that names the problem rather than a value that breaks a rule.
public protocol TextCodable: Codable {
    init(codingText: String) throws
    var codingText: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(codingText: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codingText)
    }
}
