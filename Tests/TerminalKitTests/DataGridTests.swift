import Testing
@testable import TerminalKit

/// A source that counts the rows it is asked for.
final class CountingSource: GridDataSource {
    let rowCount: Int
    private(set) var calls: [Int] = []
    init(_ n: Int) { rowCount = n }
    func row(at index: Int) -> GridRow {
        calls.append(index)
        let names = ["Müller GmbH", "東京商事株式会社", "Acme Corporation", "Société Générale", "Ōsaka Trading Co.", "Nordwind AG"]
        let cents = (index * 7919) % 10_000_000 - 1_000_000
        let money = (cents < 0 ? "-" : "") + NumberText.grouped(abs(cents) / 100) + "." + String(format2(abs(cents) % 100))
        let overdue = index % 5 == 0
        return GridRow(["C-\(String(index + 1))", names[index % names.count], "Contact \(index + 1)",
                        overdue ? "overdue" : "open", money + " EUR"],
                       cellRoles: [nil, nil, nil, overdue ? .error : .success, cents < 0 ? .moneyNegative : nil])
    }
    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

let gridColumns = [
    GridColumn("Code", width: .fixed(9)),
    GridColumn("Company", width: .flex(min: 14, weight: 2)),
    GridColumn("Contact", width: .flex(min: 12, weight: 1)),
    GridColumn("Status", width: .fixed(8)),
    GridColumn("Balance", width: .fixed(16), alignment: .right),
]

@Suite struct DataGridTests {
    @Test func snapshotsMillionRows() {
        for ascii in [false, true] {
            Fixture.snapshots("grid", ascii: ascii) { s in
                var state = DataGridState()
                let grid = DataGrid(columns: gridColumns, source: CountingSource(1_000_000), theme: Fixture.theme, caption: "filter: none")
                state.render(grid, surface: s)
                state.pageDown(pageSize: grid.bodyHeight(in: s.bounds))
                state.moveDown(by: 3)
                state.toggleMark()
                state.moveDown()
                state.toggleSort(column: 1)
                s.clear()
                state.render(grid, surface: s)
            }
        }
    }
}

extension DataGridState {
    mutating func render(_ grid: DataGrid, surface: MemorySurface) {
        let block = Block(title: "Contacts", footer: nil, focused: focused, theme: Fixture.theme)
        block.render(surface.bounds, on: surface)
        grid.render(block.inner(surface.bounds), on: surface, state: &self)
    }
}
