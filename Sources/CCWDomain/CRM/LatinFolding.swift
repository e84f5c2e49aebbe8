/// The fast path of `TextMatching.fold` for text of ASCII and Latin letters: each scalar
/// below U+0250 maps to its folded form through a table computed once with the full rules
/// (`TextMatching.slowFold` of that scalar alone), then white space is collapsed as `fold`
/// does. Returns nil when the text holds a scalar the table does not cover (a combining
/// mark, another script, a control or non-ASCII space character), so the caller folds it
/// the slow way. Tests compare both paths over every covered scalar.
enum LatinFolding {
    static let limit: UInt32 = 0x250

    /// Folded UTF-8 bytes per scalar below `limit`; nil where the fast path must not be used.
    static let table: [[UInt8]?] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        if value < 0x80 {
            let byte = UInt8(value)
            if isASCIISpace(byte) { return [UInt8(ascii: " ")] }
            if byte < 0x20 || byte == 0x7F { return nil }
            return [byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte]
        }
        let character = Character(scalar)
        if character.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.canonicalCombiningClass != .notReordered { return nil }
        let folded = TextMatching.slowFold(String(scalar))
        // Only scalars that fold to letters and digits alone (no spaces to collapse).
        guard !folded.isEmpty, folded.unicodeScalars.allSatisfy({ $0.value < 0x80 && !isASCIISpace(UInt8($0.value)) })
        else { return nil }
        return Array(folded.utf8)
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func fold(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard scalar.value < limit, let bytes = table[Int(scalar.value)] else { return nil }
            if bytes.count == 1 && bytes[0] == 0x20 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: bytes)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
