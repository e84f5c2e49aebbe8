import Testing
@testable import TerminalKit

/// A source that counts the rows it is asked for.
final class CountingSource: GridDataSource {
    let rowCount: Int
    private(set) var calls: [Int] = []
    init(_ n: Int) { rowCount = n }

    static let companies = ["Müller GmbH", "東京商事株式会社", "Acme Corporation", "Société Générale",
                            "Ōsaka Trading Co.", "Nordwind AG", "Smörgås & Søn ApS", "Café Olé SARL"]
    static let contacts = ["Jürgen Weiß", "山田 太郎", "Ana Núñez", "Zoë Lefèvre", "Björn Ångström", "Maria Rossi"]

    func row(at index: Int) -> GridRow {
        calls.append(index)
        let cents = (index * 7_919_113 + 12_345) % 250_000_000 - 20_000_000
        let amount = (cents < 0 ? "-" : "") + NumberText.grouped(abs(cents) / 100) + "." + twoDigits(abs(cents) % 100)
        let overdue = index % 5 == 0
        return GridRow(["C-\(100_000 + index)", Self.companies[index % Self.companies.count], Self.contacts[index % Self.contacts.count],
                        overdue ? "! overdue" : "open", amount + " EUR"],
                       cellRoles: [nil, nil, nil, overdue ? .error : nil, cents < 0 ? .moneyNegative : nil])
    }
    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

let gridColumns = [
    GridColumn("Code", width: .fixed(8)),
    GridColumn("Company", width: .flex(min: 14, weight: 2)),
    GridColumn("Contact", width: .flex(min: 10, weight: 1)),
    GridColumn("Status", width: .fixed(9)),
    GridColumn("Balance", width: .fixed(17), alignment: .right),
]

/// Draws a grid inside a "Contacts" block filling the surface.
func drawGrid(_ grid: DataGrid, _ state: inout DataGridState, on s: MemorySurface) {
    let block = Block(title: "Contacts", focused: state.focused, theme: Fixture.theme)
    block.render(s.bounds, on: s)
    grid.render(block.inner(s.bounds), on: s, state: &state)
}

@Suite struct DataGridTests {
    @Test func snapshotsOfAMillionRows() {
        for ascii in [false, true] {
            Fixture.snapshots("grid", ascii: ascii) { s in
                let grid = DataGrid(columns: gridColumns, source: CountingSource(1_000_000), theme: Fixture.theme, caption: "/ all contacts")
                var state = DataGridState()
                drawGrid(grid, &state, on: s)
                state.pageDown(pageSize: state.pageSize)
                state.moveDown(by: 3)
                state.toggleMark()
                state.moveDown()
                state.toggleSort(column: 1)
                s.clear()
                drawGrid(grid, &state, on: s)
            }
        }
    }

    @Test func snapshotHorizontalScrollAndEmptyState() {
        let many = gridColumns + [GridColumn("City", width: .fixed(14)), GridColumn("Country", width: .fixed(12)),
                                  GridColumn("Owner", width: .fixed(12))]
        let rows = (0..<6).map { i in
            GridRow(["C-\(i)", CountingSource.companies[i], CountingSource.contacts[i], "open", "1,250.00 EUR",
                     ["München", "東京", "Zürich", "Paris", "大阪", "Wien"][i], "DE", "Ulla"])
        }
        Fixture.snapshots("grid-hscroll", sizes: [(80, 24)]) { s in
            var state = DataGridState(rowCount: rows.count, columnCount: many.count)
            let grid = DataGrid(columns: many, source: ArrayGridSource(rows), theme: Fixture.theme)
            for _ in 0..<6 { state.moveColumnRight() }
            state.toggleSort(column: 6); state.toggleSort(column: 6)
            drawGrid(grid, &state, on: s)
            #expect(state.firstColumn > 0)
        }
        Fixture.snapshots("grid-empty") { s in
            var state = DataGridState(focused: false)
            let grid = DataGrid(columns: gridColumns, source: ArrayGridSource([]), theme: Fixture.theme, emptyText: "No contacts match /acme")
            drawGrid(grid, &state, on: s)
        }
    }

    @Test func renderingAMillionRowsTouchesOnlyVisibleRows() {
        let source = CountingSource(1_000_000)
        let grid = DataGrid(columns: gridColumns, source: source, theme: Fixture.theme)
        let s = Fixture.surface(120, 40)
        var state = DataGridState(rowCount: source.rowCount)
        state.end()
        drawGrid(grid, &state, on: s)
        let body = grid.bodyHeight(in: s.bounds.inset(1))
        #expect(source.calls.count == body)
        #expect(Set(source.calls) == Set((1_000_000 - body)..<1_000_000))
        #expect(s.snapshot().contains("row 1,000,000 of 1,000,000"))
    }

    @Test func pagingAndBounds() {
        var empty = DataGridState(rowCount: 0)
        empty.moveDown(); empty.pageDown(pageSize: 20); empty.end()
        #expect(empty.selected == 0 && empty.offset == 0)
        #expect(empty.positionText() == "no rows")

        var one = DataGridState(rowCount: 1)
        one.pageDown(pageSize: 20); one.moveDown(); one.end(); one.moveUp(by: 5)
        #expect(one.selected == 0 && one.offset == 0)

        var big = DataGridState(rowCount: 1_000_000)
        big.setViewport(20)
        big.pageDown(pageSize: 20)
        #expect(big.selected == 20)
        #expect(big.visibleRows.contains(big.selected))
        big.end()
        #expect(big.selected == 999_999)
        #expect(big.offset == 999_980)
        big.pageUp(pageSize: 20)
        #expect(big.selected == 999_979 && big.visibleRows.contains(999_979))
        big.home()
        #expect(big.selected == 0 && big.offset == 0)
        big.select(500_000)
        #expect(big.visibleRows.contains(500_000))
        #expect(big.positionText() == "row 500,001 of 1,000,000")
        big.setRowCount(10)
        #expect(big.selected == 9 && big.visibleRows.contains(9))
    }

    @Test func marksAndMarkAll() {
        var s = DataGridState(rowCount: 1_000_000)
        s.toggleMark(); s.moveDown(); s.toggleMark(); s.moveDown(); s.toggleMark(); s.moveUp(); s.toggleMark()
        #expect(s.markedCount == 2)
        #expect(s.marks.contains(0) && !s.marks.contains(1) && s.marks.contains(2))
        s.toggleMarkAll()
        #expect(s.markedCount == 1_000_000)
        s.toggleMark()  // unmark row 1
        #expect(s.markedCount == 999_999 && !s.marks.contains(1))
        #expect(s.positionText() == "row 2 of 1,000,000 · 999,999 marked")
        s.toggleMarkAll(); s.toggleMark(); s.toggleMarkAll()  // not all marked → mark all; all → clear
        #expect(s.markedCount == 0 || s.markedCount == 1_000_000)
    }

    @Test func sortToggling() {
        var s = DataGridState(rowCount: 10, columnCount: 5)
        s.toggleSort(column: 2)
        #expect(s.sort == GridSort(column: 2, direction: .ascending))
        s.toggleSort(column: 2)
        #expect(s.sort == GridSort(column: 2, direction: .descending))
        s.toggleSort(column: 1)
        #expect(s.sort == GridSort(column: 1, direction: .ascending))
        s.focusColumn(3); s.sortByFocusedColumn(reverse: true)
        #expect(s.sort == GridSort(column: 3, direction: .descending))
        s.moveColumnRight(); s.moveColumnRight(); s.moveColumnRight()
        #expect(s.focusedColumn == 4)
    }

    @Test func columnLayoutSharesSpaceAndAutoFits() {
        let slots = GridLayout.slots(gridColumns, firstColumn: 0, x: 0, width: 78)
        #expect(slots.count == 5)
        #expect(slots.last!.x + slots.last!.width == 78)
        #expect(slots[1].width >= 14 && slots[2].width >= 10)
        let rows = [GridRow(["A", "東京商事株式会社", "x", "open", "12.00"])]
        let fitted = GridColumn.fitted(gridColumns, to: rows, maxWidth: 30)
        #expect(fitted[0].width == .fixed(6))  // title "Code" + room for a sort marker
        #expect(fitted[1].width == .flex(min: 16, weight: 2))
    }
}
