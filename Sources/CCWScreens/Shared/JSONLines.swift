import Foundation

/// Shows the before/after JSON of an audit entry as readable lines: for an update only the
/// fields that changed (`role: manager → sales`), for a create or delete every field. Internal
/// ids and versions are left out; millisecond timestamps are shown as times.
enum JSONLines {
    /// `time` formats a millisecond instant for fields named like `…At` or `…Since`.
    static func changes(before: String?, after: String?, time: (Int64) -> String) -> [String] {
        let b = object(before), a = object(after)
        let keys = Set(b.keys).union(a.keys).filter { !isInternal($0) }.sorted()
        var lines: [String] = []
        for key in keys {
            let old = b[key].map { render($0, key: key, time: time) }
            let new = a[key].map { render($0, key: key, time: time) }
            switch (old, new) {
            case let (o?, n?) where o != n: lines.append("\(key): \(o) → \(n)")
            case let (nil, n?) where before == nil: lines.append("\(key): \(n)")
            case let (nil, n?): lines.append("\(key): (none) → \(n)")
            case let (o?, nil) where after == nil: lines.append("\(key): \(o)")
            case let (o?, nil): lines.append("\(key): \(o) → (none)")
            default: continue
            }
        }
        return lines
    }

    static func isInternal(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "id" || k.hasSuffix("uid") || k.hasSuffix("id") && k != "id" || k.hasSuffix("version") || k == "hash"
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let json, let data = json.data(using: .utf8),
              let dict = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any] else { return [:] }
        return dict
    }

    private static func render(_ value: Any, key: String, time: (Int64) -> String) -> String {
        switch value {
        case is NSNull: return "—"
        case let s as String: return s
        case let n as NSNumber:
            if (key.hasSuffix("At") || key.hasSuffix("Since") || key.hasSuffix("_at")), n.int64Value > 100_000_000_000 {
                return time(n.int64Value)
            }
            return n.stringValue
        case let a as [Any]: return "[" + a.map { render($0, key: "", time: time) }.joined(separator: ", ") + "]"
        case let d as [String: Any]:
            return "{" + d.keys.sorted().map { "\($0): \(render(d[$0] as Any, key: $0, time: time))" }.joined(separator: ", ") + "}"
        default: return String(describing: value)
        }
    }
}
