import Testing
@testable import CCWViewModels

/// A list of the integers 0..<n in display order, read only by key, counting the queries.
final class CountingSource: @unchecked Sendable {
    let n: Int
    var queries = 0
    init(_ n: Int) { self.n = n }
    var source: KeysetSource<Int> {
        KeysetSource<Int>(
            count: { ListCount(self.n) },
            first: { limit in self.queries += 1; return Array(0..<min(limit, self.n)) },
            after: { row, limit in self.queries += 1; return Array((row + 1)..<min(row + 1 + limit, self.n)) },
            before: { row, limit in self.queries += 1; return Array(max(0, row - limit)..<row) },
            last: { limit in self.queries += 1; return Array(max(0, self.n - limit)..<self.n) })
    }
}

@Suite struct KeysetWindowTests {
    @Test func pagingDownAMillionRowsCostsOneQueryPerPage() throws {
        let counter = CountingSource(1_000_000)
        var w = KeysetWindow(source: counter.source, pageSize: 100)
        try w.reload()
        #expect(w.totalCount == 1_000_000)
        #expect(w.row(at: 0) == 0)
        let before = counter.queries
        for page in 1...50 {
            try w.ensure((page * 30)..<(page * 30 + 30))
            #expect(w.row(at: page * 30) == page * 30)
        }
        #expect(counter.queries - before <= 16)
        #expect(w.rows.count <= w.maxRows)
    }

    @Test func endJumpsToTheLastPageAndHomeBack() throws {
        let counter = CountingSource(1_000_000)
        var w = KeysetWindow(source: counter.source, pageSize: 100)
        try w.reload()
        try w.ensure(999_970..<1_000_000)
        #expect(w.row(at: 999_999) == 999_999)
        #expect(w.row(at: 999_970) == 999_970)
        try w.ensure(0..<30)
        #expect(w.row(at: 0) == 0)
        #expect(w.start == 0)
    }

    @Test func pagingUpFromTheEndReadsBackwards() throws {
        let counter = CountingSource(10_000)
        var w = KeysetWindow(source: counter.source, pageSize: 50)
        try w.reload()
        try w.ensure(9_970..<10_000)
        for top in stride(from: 9_940, through: 9_000, by: -30) {
            try w.ensure(top..<(top + 30))
            #expect(w.row(at: top) == top)
            #expect(w.row(at: top + 29) == top + 29)
        }
    }

    @Test func emptyAndTinyLists() throws {
        var empty = KeysetWindow(source: CountingSource(0).source, pageSize: 10)
        try empty.reload()
        try empty.ensure(0..<20)
        #expect(empty.totalCount == 0)
        #expect(empty.row(at: 0) == nil)
        var one = KeysetWindow(source: CountingSource(1).source, pageSize: 10)
        try one.reload()
        try one.ensure(0..<20)
        #expect(one.row(at: 0) == 0)
        #expect(one.row(at: 1) == nil)
    }
}
