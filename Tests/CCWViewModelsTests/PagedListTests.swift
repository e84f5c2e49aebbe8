import Testing
@testable import CCWViewModels

@Suite struct PagedListTests {
    @Test func selectionStaysInBoundsAndRowsAreLoadedAroundIt() {
        var list = PagedList(source: CountingSource(1_000_000).source, pageSize: 100)
        list.pageSize = 20
        list.reload()
        #expect(list.selectedRow == 0)
        list.pageDown()
        #expect(list.selected == 20)
        #expect(list.selectedRow == 20)
        list.last()
        #expect(list.selected == 999_999)
        #expect(list.row(at: 999_999) == 999_999)
        #expect(list.row(at: 999_980) == 999_980)
        list.moveDown()
        #expect(list.selected == 999_999)
        list.pageUp()
        #expect(list.selectedRow == 999_979)
        list.first()
        #expect(list.selectedRow == 0)
        list.moveUp()
        #expect(list.selected == 0)
    }

    @Test func anEmptyListHasNoSelection() {
        var list = PagedList(source: CountingSource(0).source)
        list.reload()
        list.pageDown()
        #expect(list.count == 0)
        #expect(list.selectedRow == nil)
    }

    @Test func aFailingSourceReportsTheErrorInsteadOfRows() {
        struct Broken: Error, CustomStringConvertible { var description: String { "database is locked" } }
        let source = KeysetSource<Int>(count: { throw Broken() }, first: { _ in [] }, after: { _, _ in [] },
                                       before: { _, _ in [] }, last: { _ in [] })
        var list = PagedList(source: source)
        list.reload()
        #expect(list.error == "could not read the list: database is locked")
    }
}
