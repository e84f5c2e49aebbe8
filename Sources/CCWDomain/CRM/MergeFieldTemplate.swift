import Foundation

/// Checks an email template's merge fields before it is saved. Not a template engine: the
/// core renders templates with Mustache; this only finds what would silently render empty or
/// fail there, and says where.
///
/// Understood tags, in Mustache syntax: `{{name}}`, `{{{name}}}` and `{{&name}}` (unescaped),
/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}` (sections, e.g. show a line only when the
/// company is known), `{{! comment }}`. Spaces inside the braces are allowed. Reported:
/// unknown field names (with the closest known name when one is near), `{{` without `}}`,
/// empty tags, sections not closed or closed in the wrong order, partials (`{{> name}}`) and
/// delimiter changes (`{{=<% %>=}}`), which email templates do not support.
public enum MergeFieldTemplate {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line and column of the tag's first `{`.
        public var line: Int
        public var column: Int
        /// The tag as written, e.g. `{{contact.frist_name}}`.
        public var tag: String
        public var message: String

        /// `line 2, column 7: {{contact.frist_name}}: unknown field; did you mean contact.first_name?`
        public var description: String { "line \(line), column \(column): \(tag): \(message)" }
    }

    /// Every problem in `text`, in order of appearance; empty when the template is fine.
    public static func check(_ text: String, fields: [String] = MergeFields.names) -> [Problem] {
        let known = Set(fields)
        let chars = Array(text)
        var problems: [Problem] = []
        var sections: [(name: String, line: Int, column: Int, tag: String)] = []
        var line = 1, column = 1
        var i = 0
        func advance(_ count: Int) {
            for _ in 0..<count where i < chars.count {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { advance(1); continue }
            let (startLine, startColumn) = (line, column)
            let triple = i + 2 < chars.count && chars[i + 2] == "{"
            let closing: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
            let bodyStart = i + (triple ? 3 : 2)
            guard let end = find(closing, in: chars, from: bodyStart) else {
                let tag = String(chars[i..<min(chars.count, i + 30)]).split(separator: "\n").first.map(String.init) ?? "{{"
                problems.append(Problem(line: startLine, column: startColumn, tag: tag, message: "{{ is never closed with }}"))
                break
            }
            let tag = String(chars[i..<(end + closing.count)])
            var body = String(chars[bodyStart..<end]).trimmingCharacters(in: .whitespaces)
            advance(end + closing.count - i)
            func report(_ message: String) { problems.append(Problem(line: startLine, column: startColumn, tag: tag, message: message)) }
            var sigil: Character? = nil
            if !triple, let first = body.first, "#^/!&>=".contains(first) {
                sigil = first
                body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            switch sigil {
            case "!": continue
            case ">": report("partials are not available in email templates"); continue
            case "=": report("changing the delimiters is not supported"); continue
            default: break
            }
            guard !body.isEmpty else { report("empty tag"); continue }
            if !known.contains(body) {
                if let near = TextMatching.suggestion(for: body, among: fields) {
                    report("unknown field; did you mean \(near)?")
                } else {
                    report("unknown field (fields look like contact.first_name or company.name)")
                }
            }
            switch sigil {
            case "#", "^": sections.append((body, startLine, startColumn, tag))
            case "/":
                if let open = sections.last, open.name == body {
                    sections.removeLast()
                } else if let open = sections.last {
                    report("closes \(body) but the open section is \(open.name) (opened at line \(open.line), column \(open.column))")
                } else {
                    report("closes a section that was never opened")
                }
            default: break
            }
        }
        for open in sections.reversed() {
            problems.append(Problem(line: open.line, column: open.column, tag: open.tag, message: "section is never closed with {{/\(open.name)}}"))
        }
        return problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The distinct known field names a template uses, in order of first use.
    public static func fieldsUsed(in text: String, fields: [String] = MergeFields.names) -> [String] {
        var used: [String] = []
        let known = Set(fields)
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let body = rest[..<close.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " {}#^/&"))
            if known.contains(body) && !used.contains(body) { used.append(body) }
            rest = rest[close.upperBound...]
        }
        return used
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard start <= chars.count - needle.count else { return nil }
        var index = start
        while index <= chars.count - needle.count {
            if Array(chars[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
