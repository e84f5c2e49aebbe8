import CCWCore
import CCWDomain

/// Parses one option value of a write command; a refusal names the field (exit 1), like a
/// form's inline message.
enum FieldInput {
    static func parse<T>(_ field: String, _ text: String, _ parse: (String) throws -> T) throws -> T {
        do { return try parse(text) } catch let error as CoreError { throw error } catch {
            throw CoreError.invalid([FieldError(field: field, message: "\(error)")])
        }
    }
}

extension FieldInput {
    /// A refusal of one field's value (exit 1), worded like a form's inline message.
    static func invalid(_ field: String, _ message: String) -> CoreError {
        CoreError.invalid([FieldError(field: field, message: message)])
    }
}
