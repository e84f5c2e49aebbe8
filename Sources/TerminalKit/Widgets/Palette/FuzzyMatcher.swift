import Foundation

/// A fuzzy match of a query in a candidate: a score (higher is better) and the positions
/// (`Character` offsets into the candidate) of the matched characters, for highlighting.
public struct FuzzyMatch: Hashable, Sendable {
    public var score: Int
    public var positions: [Int]
}

/// Subsequence matching in the manner of fzf: every query character must appear in order.
/// Case- and accent-insensitive ("mull" finds "Müller"), on grapheme clusters (CJK and emoji safe).
/// Among all alignments it picks the best scoring one: a bonus for the first character, for word
/// starts (after a space or punctuation, or a lower-to-upper case change) and for consecutive
/// characters; a small penalty for gaps.
public enum FuzzyMatcher {
    static let matchScore = 16
    static let prefixBonus = 24
    static let wordStartBonus = 20
    static let consecutiveBonus = 12
    static let gapPenalty = 1
    static let leadingGapPenalty = 1

    /// Matches `query` (spaces ignored) against `candidate`; nil when it is not a subsequence.
    /// An empty query matches everything with score 0.
    public static func match(_ query: String, in candidate: String) -> FuzzyMatch? {
        let q = query.filter { !$0.isWhitespace }.map(fold)
        guard !q.isEmpty else { return FuzzyMatch(score: 0, positions: []) }
        let original = Array(candidate)
        let c = original.map(fold)
        let n = c.count, m = q.count
        guard m <= n else { return nil }
        let bonus = (0..<n).map { bonusAt($0, original) }
        let none = Int.min / 4
        // best[i][j]: best score with query[i] matched at candidate[j]; from[i][j]: where query[i-1] was.
        var best = Array(repeating: Array(repeating: none, count: n), count: m)
        var from = Array(repeating: Array(repeating: -1, count: n), count: m)
        for j in 0..<n where c[j] == q[0] {
            best[0][j] = matchScore + bonus[j] - min(j, 8) * leadingGapPenalty
        }
        for i in 1..<m {
            // Running best of best[i-1][k] + gapPenalty * k over k < j - 1 (gap cost is linear in distance).
            var runBest = none, runAt = -1
            for j in 1..<n {
                if j >= 2, best[i - 1][j - 2] > none {
                    let v = best[i - 1][j - 2] + gapPenalty * (j - 2)
                    if v > runBest { runBest = v; runAt = j - 2 }
                }
                guard c[j] == q[i] else { continue }
                var score = none, prev = -1
                if best[i - 1][j - 1] > none {
                    score = best[i - 1][j - 1] + consecutiveBonus; prev = j - 1
                }
                if runAt >= 0 {
                    let gapped = runBest - gapPenalty * (j - 1)
                    if gapped > score { score = gapped; prev = runAt }
                }
                if prev >= 0 { best[i][j] = score + matchScore + bonus[j]; from[i][j] = prev }
            }
        }
        var end = -1, top = none
        for j in 0..<n where best[m - 1][j] > top { top = best[m - 1][j]; end = j }
        guard end >= 0 else { return nil }
        var positions = Array(repeating: 0, count: m)
        var j = end
        for i in stride(from: m - 1, through: 0, by: -1) { positions[i] = j; j = from[i][j] }
        return FuzzyMatch(score: top, positions: positions)
    }

    /// Ranks candidates by match: best score first, then the shorter candidate, then the original order.
    /// Returns the indices of the candidates that match, with their matches.
    public static func rank(_ query: String, _ candidates: [String]) -> [(index: Int, match: FuzzyMatch)] {
        var out: [(index: Int, match: FuzzyMatch)] = []
        for (i, text) in candidates.enumerated() {
            if let m = match(query, in: text) { out.append((i, m)) }
        }
        out.sort { a, b in
            if a.match.score != b.match.score { return a.match.score > b.match.score }
            let la = candidates[a.index].count, lb = candidates[b.index].count
            if la != lb { return la < lb }
            return a.index < b.index
        }
        return out
    }

    static func fold(_ ch: Character) -> String {
        if ch.isASCII { return ch.lowercased() }
        return String(ch).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func bonusAt(_ j: Int, _ chars: [Character]) -> Int {
        if j == 0 { return prefixBonus + wordStartBonus }
        let prev = chars[j - 1], cur = chars[j]
        if !(prev.isLetter || prev.isNumber) && (cur.isLetter || cur.isNumber) { return wordStartBonus }
        if prev.isLowercase && cur.isUppercase { return wordStartBonus }
        if prev.isLetter && cur.isNumber { return wordStartBonus / 2 }
        return 0
    }
}
