/// Deterministic randomness for the demo data: the same demo on every run and every machine.

/// SplitMix64: small, fast and the same on every platform (the standard library's generators
/// are neither seedable nor promised stable).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// FNV-1a of the text, so each organization gets its own stable sequence.
    init(seedText: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seedText.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.init(seed: hash)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (the modulo bias is irrelevant at these sizes).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A fraction in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A whole number in `range`, for quantities and money in minor units.
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True in about `percent` of the calls.
    mutating func chance(percent: Int64) -> Bool { int(Int64(0)...99) < percent }

    /// Fisher–Yates with this generator.
    mutating func shuffle<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
        return items
    }

    /// `digits` with each `#` replaced by a random digit.
    mutating func fill(_ template: String) -> String {
        String(template.map { $0 == "#" ? Character(String(int(0...9))) : $0 })
    }
}
