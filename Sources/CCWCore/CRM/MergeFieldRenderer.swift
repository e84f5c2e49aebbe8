import CCWDomain
import Mustache

/// Renders an email template's text with the Mustache engine, as plain text: values are
/// inserted as they are (no HTML escaping, so "Müller & Söhne" stays "Müller & Söhne").
///
/// The flat merge-field values of `MergeFields.values` (`contact.first_name`) become nested
/// objects (`contact` → `first_name`) because Mustache reads dotted names as paths. Empty
/// values are left out, so `{{#company.name}}…{{/company.name}}` shows its text only when the
/// contact has a company, and `{{^…}}` the other way round.
enum MergeFieldRenderer {
    /// `text` with every merge field filled in. A template the engine cannot parse (which
    /// `MergeFieldTemplate.check` should have caught) is refused naming `field`, line and column.
    static func render(_ text: String, values: [String: String], field: String) throws -> String {
        if let problem = MergeFieldTemplate.check(text).first { throw CoreError.invalid(field, problem.description) }
        let template: MustacheTemplate
        do {
            // The pragma switches the engine's escaping to plain text for the whole template.
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - pragmaLength) : error.context.columnNumber
            throw CoreError.invalid(field, "line \(error.context.lineNumber), column \(column): \(error.error)")
        }
        return template.render(context(values))
    }

    private static let pragmaLength = "{{% CONTENT_TYPE: TEXT}}".count

    /// `["contact.first_name": "Zoë"]` → `["contact": ["first_name": "Zoë"]]`, without empty values.
    static func context(_ values: [String: String]) -> [String: Any] {
        var objects: [String: [String: Any]] = [:]
        for (name, value) in values where !value.isEmpty {
            guard let dot = name.firstIndex(of: ".") else { continue }
            objects[String(name[..<dot]), default: [:]][String(name[name.index(after: dot)...])] = value
        }
        return objects
    }
}
