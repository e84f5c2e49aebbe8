import Foundation
import Testing
@testable import TerminalKit

private func cells(of surface: MemorySurface) -> [Cell] {
    (0..<surface.size.height).flatMap { y in (0..<surface.size.width).map { surface.cell(at: $0, y) } }
}

@Suite("Backend frame diff")
struct BackendFrameDiffTests {
    @Test func firstFrameWritesEveryCell() {
        let s = MemorySurface(width: 4, height: 2)
        s.put("ab", x: 0, y: 0)
        let writes = FrameDiff.writes(from: nil, to: s)
        #expect(writes.count == 8)
        #expect(writes.first == CellWrite(x: 0, y: 0, text: "a", style: .plain))
    }

    @Test func unchangedFrameWritesNothing() {
        let s = MemorySurface(width: 10, height: 3)
        s.put("héllo 中文", x: 0, y: 1)
        #expect(FrameDiff.writes(from: cells(of: s), to: s).isEmpty)
    }

    @Test func onlyChangedCellsAreWritten() {
        let s = MemorySurface(width: 10, height: 3)
        s.put("hello", x: 0, y: 0)
        let before = cells(of: s)
        s.put("J", x: 0, y: 0)
        s.put("x", x: 9, y: 2, style: Style(fg: .red))
        let writes = FrameDiff.writes(from: before, to: s)
        #expect(writes == [
            CellWrite(x: 0, y: 0, text: "J", style: .plain),
            CellWrite(x: 9, y: 2, text: "x", style: Style(fg: .red)),
        ])
    }

    @Test func styleChangeAloneIsWritten() {
        let s = MemorySurface(width: 3, height: 1)
        s.put("abc", x: 0, y: 0)
        let before = cells(of: s)
        s.restyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(attrs: .reverse))
        #expect(FrameDiff.writes(from: before, to: s) == [CellWrite(x: 1, y: 0, text: "b", style: Style(attrs: .reverse))])
    }

    @Test func wideCharactersAreWrittenWholeFromTheirFirstCell() {
        let s = MemorySurface(width: 6, height: 1)
        let before = cells(of: s)
        s.put("中x", x: 1, y: 0)
        #expect(FrameDiff.writes(from: before, to: s) == [
            CellWrite(x: 1, y: 0, text: "中", style: .plain),
            CellWrite(x: 3, y: 0, text: "x", style: .plain),
        ])
    }

    @Test func replacingAWideCharacterRewritesBothCells() {
        let s = MemorySurface(width: 4, height: 1)
        s.put("中", x: 0, y: 0)
        let before = cells(of: s)
        s.put("ab", x: 0, y: 0)
        #expect(FrameDiff.writes(from: before, to: s) == [
            CellWrite(x: 0, y: 0, text: "a", style: .plain),
            CellWrite(x: 1, y: 0, text: "b", style: .plain),
        ])
    }

    @Test func tornWideCharacterIsDrawnAsSpace() {
        let s = MemorySurface(width: 4, height: 1)
        s.setCell(Cell("中"), at: 3, 0)                       // no room for its second half
        s.setCell(Cell("", isContinuation: true), at: 1, 0)  // a continuation without a lead
        let writes = FrameDiff.writes(from: nil, to: s)
        #expect(writes.first { $0.x == 3 }?.text == " ")
        #expect(writes.first { $0.x == 1 }?.text == " ")
    }

    @Test func drawableText() {
        #expect(FrameDiff.drawable("") == " ")
        #expect(FrameDiff.drawable("\u{7}") == " ")
        #expect(FrameDiff.drawable("e\u{301}") == "e\u{301}")
        #expect(FrameDiff.drawable("\u{301}") == " \u{301}")
    }

    @Test func sizeChangeWritesEverything() {
        let old = MemorySurface(width: 2, height: 2)
        let s = MemorySurface(width: 3, height: 2)
        #expect(FrameDiff.writes(from: cells(of: old), to: s).count == 6)
    }

    @Test func osc52Sequence() {
        #expect(OSC52.sequence(for: "héllo") == "\u{1B}]52;c;aMOpbGxv\u{07}")
        #expect(OSC52.sequence(for: String(repeating: "x", count: 80_000)) == nil)
    }

    @Test func wakerWakesPollAndDrains() throws {
        let waker = try Waker()
        var fd = pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&fd, 1, 0) == 0)
        let thread = Thread { waker.wake(); waker.wake() }
        thread.start()
        #expect(poll(&fd, 1, 2000) == 1)
        Thread.sleep(forTimeInterval: 0.05)
        waker.drain()
        fd.revents = 0
        #expect(poll(&fd, 1, 0) == 0)
    }

    @Test func terminalRefusesToStartWithoutATty() throws {
        guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { return }
        #expect(throws: TerminalError.notATerminal) { _ = try Terminal.start(TerminalOptions()) }
    }
}
