import Foundation

/// Public identifiers: UUID version 7 text (RFC 9562), lowercase, `8-4-4-4-12`.
///
/// The first 48 bits are the Unix time in milliseconds, so identifiers sort by creation time;
/// within one millisecond a counter in the 12 `rand_a` bits keeps the identifiers of one
/// generator increasing (as long as no other instant is used in between).
public enum UID {
    private static let shared = Generator()

    public static func make(at instant: Int64) -> String { shared.make(at: instant) }

    /// A source of UUIDv7 text with its own same-millisecond counter.
    public final class Generator: @unchecked Sendable {
        private let state = UIDState()

        public init() {}

        public func make(at instant: Int64) -> String {
            var random = SystemRandomNumberGenerator()
            let counter = state.next(instant: instant, random: &random)
            return UID.format(instant: instant, counter: counter, random: &random)
        }
    }

    private static func format(instant: Int64, counter: UInt16, random: inout SystemRandomNumberGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        let ms = UInt64(max(0, instant))
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        let tail = random.next() as UInt64
        for i in 8..<16 { bytes[i] = UInt8(truncatingIfNeeded: tail >> (8 * UInt64(15 - i))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        // Hex by table lookup (String(format:) per byte was most of an import's uid cost).
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func make(clock: Clock) -> String { make(at: clock.now()) }

    /// True for text shaped like a UUID (any version).
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// The millisecond timestamp embedded in a UUIDv7.
    public static func instant(of uid: String) -> Int64? {
        let hex = uid.replacingOccurrences(of: "-", with: "")
        guard hex.count == 32, let value = UInt64(hex.prefix(12), radix: 16) else { return nil }
        return Int64(value)
    }
}

private final class UIDState: @unchecked Sendable {
    private let lock = NSLock()
    private var lastInstant: Int64 = .min
    private var counter: UInt16 = 0

    func next(instant: Int64, random: inout SystemRandomNumberGenerator) -> UInt16 {
        lock.withLock {
            if instant == lastInstant && counter < 0x0FFF {
                counter += 1
            } else {
                lastInstant = instant
                counter = UInt16.random(in: 0..<0x0800, using: &random)
            }
            return counter
        }
    }
}
