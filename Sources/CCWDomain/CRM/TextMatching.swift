import Foundation

/// Text comparison used for duplicate names, header names, segment conditions and "did you
/// mean" suggestions.
public enum TextMatching {
    /// Lowercased, accents folded (`Müller` → `muller`, `Ångström` → `angstrom`), letters that
    /// do not decompose spelled out (`ß` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`, `đ` → `d`),
    /// full-width forms narrowed, runs of white space collapsed to one space, trimmed.
    ///
    /// Text made of ASCII and Latin letters (U+0080…U+024F) is folded scalar by scalar from a
    /// table (`LatinFolding`) built with the full rules below; anything else (combining
    /// marks, other scripts, white space beyond ASCII) takes the full rules. Imports fold every
    /// row's name, and Foundation's folding was most of a preview's time.
    public static func fold(_ text: String) -> String {
        if let folded = LatinFolding.fold(text) { return folded }
        return slowFold(text)
    }

    /// `fold` by Foundation's rules, for any text.
    static func slowFold(_ text: String) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        for (from, to) in special where folded.contains(from) { folded = folded.replacingOccurrences(of: from, with: to) }
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `fold` and then only letters and digits kept: `E-Mail Address` → `emailaddress`.
    public static func key(_ text: String) -> String {
        String(fold(text).filter { $0.isLetter || $0.isNumber })
    }

    private static let special: [(String, String)] = [
        ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ø", "o"), ("ł", "l"), ("đ", "d"), ("þ", "th"), ("ı", "i"),
    ]

    /// Edit distance (insertions, deletions, substitutions) between two strings, by Character.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Jaro-Winkler similarity in 0...1 (1 = identical), with the standard prefix scale 0.1
    /// over at most 4 common leading characters. Compares the strings as given; fold first.
    ///
    /// Returned as an integer in thousandths (0...1000, truncated) so that thresholds and
    /// results are exact and the same on every machine: `"martha"` / `"marhta"` → 961.
    ///
    /// Compares Unicode scalars, not grapheme clusters: folded text has no combining marks
    /// left, and scalars are an order of magnitude cheaper (imports compare every row with
    /// the other contacts of its company).
    public static func jaroWinkler(_ a: String, _ b: String) -> Int {
        jaroWinkler(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// `jaroWinkler` over Unicode scalar values.
    static func jaroWinkler(_ x: [UInt32], _ y: [UInt32]) -> Int {
        if x.isEmpty && y.isEmpty { return 1000 }
        if x.isEmpty || y.isEmpty { return 0 }
        let window = max(0, max(x.count, y.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: x.count + y.count) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in x.indices {
                let low = max(0, i - window), high = min(y.count - 1, i + window)
                guard low <= high else { continue }
                for j in low...high where !flags[x.count + j] && x[i] == y[j] {
                    flags[i] = true
                    flags[x.count + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var k = 0
            for i in x.indices where flags[i] {
                while !flags[x.count + k] { k += 1 }
                if x[i] != y[k] { transpositions += 1 }
                k += 1
            }
            return jaroWinklerValue(matches: matches, halfTranspositions: transpositions / 2,
                                    prefix: commonPrefix(x, y), xCount: x.count, yCount: y.count)
        }
    }

    /// Common leading scalars, at most 4 (Winkler's prefix).
    static func commonPrefix(_ x: [UInt32], _ y: [UInt32]) -> Int {
        var prefix = 0
        while prefix < min(4, x.count, y.count) && x[prefix] == y[prefix] { prefix += 1 }
        return prefix
    }

    /// Jaro-Winkler in thousandths from its counts; grows with `matches` and `prefix`.
    static func jaroWinklerValue(matches m: Int, halfTranspositions t: Int, prefix: Int, xCount: Int, yCount: Int) -> Int {
        // All arithmetic in integers scaled by 3 × m × |x| × |y| to stay exact.
        let denominator = 3 * m * xCount * yCount
        let jaroNumerator = m * yCount * m + m * xCount * m + (m - t) * xCount * yCount
        // jw = jaro + prefix × 0.1 × (1 − jaro)
        let numerator = jaroNumerator * 10 + prefix * (denominator - jaroNumerator)
        return numerator * 1000 / (denominator * 10)
    }

    /// The candidate closest to `text` by edit distance when it is close enough to be a typo:
    /// at most 1 edit for words up to 4 characters, 2 up to 8, 3 beyond. Ties go to the
    /// earlier candidate.
    public static func suggestion(for text: String, among candidates: [String]) -> String? {
        let limit = text.count <= 4 ? 1 : text.count <= 8 ? 2 : 3
        var best: (String, Int)?
        for candidate in candidates {
            let distance = levenshtein(text.lowercased(), candidate.lowercased())
            if distance <= limit && distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
