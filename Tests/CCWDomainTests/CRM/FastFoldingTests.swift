import Testing
@testable import CCWDomain

/// The fast paths of name matching give exactly what the full rules give.
@Suite struct FastFoldingTests {
    /// Every scalar the Latin table covers folds as Foundation folds it, alone and between
    /// other letters and spaces.
    @Test func latinTableFoldsLikeTheFullRules() {
        var covered = 0
        for value in 0..<LatinFolding.limit {
            guard let scalar = Unicode.Scalar(value), LatinFolding.table[Int(value)] != nil else { continue }
            covered += 1
            for text in [String(scalar), "Ab\(scalar)cD", "  x \(scalar)\t\(scalar)Y  ", "\(scalar)\(scalar) ß"] {
                #expect(TextMatching.fold(text) == TextMatching.slowFold(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
        #expect(covered > 300, "ASCII and most Latin-1, Latin Extended-A and -B letters are covered")
    }

    @Test func textOutsideTheTableTakesTheFullRules() {
        for text in ["Cafe\u{301} Noir", "東京 Office", "Zoë\u{A0}Quinn", "İstanbul", "ǅemal", "Straße  ", ""] {
            #expect(TextMatching.fold(text) == TextMatching.slowFold(text), "\(text.debugDescription)")
        }
        #expect(TextMatching.fold("  Jürgen \r\n MÜLLER ") == "jurgen muller")
    }

    /// The bucket bound never hides a pair at or above the threshold, and a similarity it
    /// computes is the exact one.
    @Test func boundedSimilarityIsExactAboveTheThreshold() {
        var generator = SeededGenerator(seed: 7)
        let letters = Array("aabeeilmnorsstuyüß ")
        var compared = 0
        for _ in 0..<4000 {
            let a = String((0..<Int.random(in: 3...14, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            var b = Array(a)
            for _ in 0..<Int.random(in: 0...3, using: &generator) where !b.isEmpty {
                b[Int.random(in: 0..<b.count, using: &generator)] = letters.randomElement(using: &generator)!
            }
            let x = FoldedName(folded: TextMatching.fold(a)), y = FoldedName(folded: TextMatching.fold(String(b)))
            let exact = TextMatching.jaroWinkler(x.text, y.text)
            for threshold in [920, 800] {
                let bounded = x.similarity(to: y, atLeast: threshold)
                if exact >= threshold { #expect(bounded == exact, "\(x.text) / \(y.text)") } else { #expect(bounded == exact || bounded == 0) }
            }
            compared += 1
        }
        #expect(compared == 4000)
    }
}
