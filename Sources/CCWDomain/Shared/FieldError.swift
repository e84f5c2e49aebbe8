/// One inline form message: which field is wrong and why.
///
/// `field` is the name the user sees ("base currency", "due date"); `message` says what is
/// wrong and what is expected. `description` joins them for command-line output.
public struct FieldError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// The field errors collected while validating a form. Validation runs over every field
/// (so the user sees all problems at once), then `throwIfAny()` stops the save.
public struct ValidationErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public private(set) var errors: [FieldError] = []

    public init(_ errors: [FieldError] = []) { self.errors = errors }

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    public mutating func add(_ error: FieldError) { errors.append(error) }

    /// The first message for a field, for drawing it inline.
    public subscript(field: String) -> String? { errors.first { $0.field == field }?.message }

    /// Runs a parser for one field; a thrown error becomes that field's message and the
    /// result is nil, so validation goes on with the next field.
    public mutating func check<T>(_ field: String, _ parse: () throws -> T) -> T? {
        do {
            return try parse()
        } catch let error as FieldError {
            add(error)
        } catch {
            add(field, "\(error)")
        }
        return nil
    }

    public func throwIfAny() throws {
        if !errors.isEmpty { throw self }
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}
