import Foundation

/// Screen snapshots for tests: the whole surface as text, compared with a recorded file.
///
///     let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path
///     #expect(Snapshot.verify(surface, named: "grid-80x24", directory: dir) == nil)
///
/// A missing file is recorded. Set `CCW_RECORD_SNAPSHOTS=1` to re-record on purpose.
public enum Snapshot {
    /// Compares `surface.snapshot()` with `<directory>/<named>.txt`. Returns nil when they match
    /// (or when the file was just recorded); otherwise a readable line-by-line diff, and the actual
    /// screen is written to `<named>.actual.txt` beside the expected one.
    public static func verify(_ surface: MemorySurface, named name: String, directory: String) -> String? {
        verify(text: surface.snapshot(), named: name, directory: directory)
    }

    /// Same as `verify(_:named:directory:)` for text that is already rendered.
    public static func verify(text actual: String, named name: String, directory: String) -> String? {
        let fm = FileManager.default
        let expectedPath = (directory as NSString).appendingPathComponent(name + ".txt")
        let actualPath = (directory as NSString).appendingPathComponent(name + ".actual.txt")
        let record = ProcessInfo.processInfo.environment["CCW_RECORD_SNAPSHOTS"] == "1"
        if record || !fm.fileExists(atPath: expectedPath) {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
                try? fm.removeItem(atPath: actualPath)
                return nil
            } catch {
                return "snapshot \(name): cannot record \(expectedPath): \(error)"
            }
        }
        guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
            return "snapshot \(name): cannot read \(expectedPath)"
        }
        if expected == actual {
            try? fm.removeItem(atPath: actualPath)
            return nil
        }
        try? actual.write(toFile: actualPath, atomically: true, encoding: .utf8)
        return "snapshot \(name) differs from \(expectedPath) (actual written to \(actualPath)):\n"
            + diff(expected: expected, actual: actual)
    }

    /// Lines that differ, numbered from 1, as `-` expected / `+` actual pairs.
    public static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : nil, al = i < a.count ? a[i] : nil
            if el == al { continue }
            let n = String(i + 1).padding(toLength: 4, withPad: " ", startingAt: 0)
            out.append("\(n)- \(el.map { "|\($0)|" } ?? "(no line)")")
            out.append("\(n)+ \(al.map { "|\($0)|" } ?? "(no line)")")
        }
        return out.joined(separator: "\n")
    }
}
