/// A folded name (`TextMatching.fold`) ready for many Jaro-Winkler comparisons: its scalars
/// as numbers, and a count of its scalars in 32 buckets, which bounds how many characters two
/// names can have in common. `DuplicateDetector` compares each import row with every contact
/// of its company; the bound skips most pairs without computing the similarity.
struct FoldedName: Sendable {
    let text: String
    let scalars: [UInt32]
    let buckets: SIMD32<UInt8>

    init(folded text: String) {
        self.text = text
        scalars = text.unicodeScalars.map(\.value)
        var buckets = SIMD32<UInt8>(repeating: 0)
        for scalar in scalars {
            let bucket = Int(scalar & 31)
            if buckets[bucket] < 255 { buckets[bucket] += 1 }
        }
        self.buckets = buckets
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// Jaro-Winkler similarity in thousandths, exactly `TextMatching.jaroWinkler(text, other.text)`,
    /// or 0 when it is certainly below `threshold`.
    func similarity(to other: FoldedName, atLeast threshold: Int) -> Int {
        guard !scalars.isEmpty, !other.scalars.isEmpty else { return TextMatching.jaroWinkler(scalars, other.scalars) }
        // At most `common` characters can match (same bucket counts bound equal scalars); with
        // no transpositions and the actual common prefix, that gives the highest similarity
        // the pair can reach.
        let common = Int(pointwiseMin(buckets, other.buckets).wrappedSum())
        guard common > 0 else { return 0 }
        let m = min(common, scalars.count, other.scalars.count)
        let bound = TextMatching.jaroWinklerValue(matches: m, halfTranspositions: 0,
                                                  prefix: TextMatching.commonPrefix(scalars, other.scalars),
                                                  xCount: scalars.count, yCount: other.scalars.count)
        guard bound >= threshold else { return 0 }
        return TextMatching.jaroWinkler(scalars, other.scalars)
    }
}
