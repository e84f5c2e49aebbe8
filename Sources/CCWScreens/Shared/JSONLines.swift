import Foundation

/// Shows a stored JSON object (an audit before/after) as readable `key: value` lines.
enum JSONLines {
    static func pretty(_ json: String) -> [String] {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return [json]
        }
        guard let dict = object as? [String: Any] else { return [render(object)] }
        return dict.keys.sorted().map { "\($0): \(render(dict[$0] as Any))" }
    }

    private static func render(_ value: Any) -> String {
        switch value {
        case is NSNull: return "—"
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let a as [Any]: return "[" + a.map(render).joined(separator: ", ") + "]"
        case let d as [String: Any]: return "{" + d.keys.sorted().map { "\($0): \(render(d[$0] as Any))" }.joined(separator: ", ") + "}"
        default: return String(describing: value)
        }
    }
}
