import Foundation
import Testing
@testable import TerminalKit

/// Shared fixtures for the widget tests: snapshot directory, surfaces and a snapshot check.
enum Fixture {
    static let snapshotsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").path
    static let theme = Theme.defaultDark

    static func surface(_ width: Int, _ height: Int, ascii: Bool = false) -> MemorySurface {
        MemorySurface(width: width, height: height, glyphs: ascii ? .ascii : .unicode)
    }

    /// Renders with `draw` at each size and checks each snapshot `<name>-<w>x<h>`.
    static func snapshots(_ name: String, sizes: [(Int, Int)] = [(80, 24), (120, 40)], ascii: Bool = false,
                          sourceLocation: SourceLocation = #_sourceLocation, _ draw: (MemorySurface) -> Void) {
        for (w, h) in sizes {
            let s = surface(w, h, ascii: ascii)
            draw(s)
            let named = "\(name)-\(w)x\(h)" + (ascii ? "-ascii" : "")
            #expect(Snapshot.verify(s, named: named, directory: snapshotsDir) == nil, sourceLocation: sourceLocation)
            #expect(noTornWideCharacters(s), "torn wide character in \(named)", sourceLocation: sourceLocation)
        }
    }

    /// Every continuation cell follows a wide character and every wide character has its continuation.
    static func noTornWideCharacters(_ s: MemorySurface) -> Bool {
        for y in 0..<s.size.height {
            for x in 0..<s.size.width {
                let c = s.cell(at: x, y)
                if c.isContinuation {
                    if x == 0 || DisplayWidth.of(s.cell(at: x - 1, y).text) != 2 { return false }
                } else if DisplayWidth.of(c.text) == 2 {
                    if x + 1 >= s.size.width || !s.cell(at: x + 1, y).isContinuation { return false }
                }
            }
        }
        return true
    }
}

@Suite struct WidgetSnapshotHelperTests {
    @Test func mismatchReportsNumberedLinesAndWritesActual() throws {
        let dir = NSTemporaryDirectory() + "ccw-snap-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = MemorySurface(width: 10, height: 2)
        s.put("hello", x: 0, y: 0)
        #expect(Snapshot.verify(s, named: "t", directory: dir) == nil)  // recorded
        #expect(Snapshot.verify(s, named: "t", directory: dir) == nil)  // matches
        s.put("world", x: 0, y: 1)
        let message = try #require(Snapshot.verify(s, named: "t", directory: dir))
        #expect(message.contains("2   - ||"))
        #expect(message.contains("2   + |world|"))
        #expect(FileManager.default.fileExists(atPath: dir + "/t.actual.txt"))
    }
}
