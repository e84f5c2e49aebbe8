import Testing
@testable import TerminalKit

let monthlyRevenue: [Double] = [42_100, 38_900, 45_300, 51_200, 49_800, 57_400, 61_000, 58_300, 63_900, 70_200, 68_100, 74_500]
let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/// A dashboard with every chart, as a screen would lay it out.
func drawCharts(_ s: MemorySurface) {
    let theme = Fixture.theme
    let (top, rest) = s.bounds.splitTop(3)
    let spark = Block(title: "Orders per day", theme: theme)
    spark.render(top, on: s)
    Sparkline([12, 15, 9, 22, 30, 28, 35, 18, 12, 40, 44, 39, 25, 31, 47, 52, 38, 29, 33, 45], theme: theme).render(spark.inner(top), on: s)
    let (bars, line) = rest.splitTop(rest.height / 2)
    let barBlock = Block(title: "Pipeline by stage", theme: theme)
    barBlock.render(bars, on: s)
    BarChart([BarItem("Lead", magnitude: 31_900, valueText: "31,900.00 EUR"),
              BarItem("Qualified", magnitude: 46_000, valueText: "46,000.00 EUR"),
              BarItem("Proposal", magnitude: 0, valueText: "0.00 EUR"),
              BarItem("Negotiation", magnitude: 22_000, valueText: "22,000.00 EUR"),
              BarItem("Won", magnitude: 55_300, valueText: "55,300.00 EUR", role: .success),
              BarItem("Write-offs", magnitude: -9_000, valueText: "-9,000.00 EUR"),
              BarItem("東京 branch", magnitude: 12_345.5, valueText: "12,345.50 EUR")],
             theme: theme).render(barBlock.inner(bars), on: s)
    let lineBlock = Block(title: "Revenue 2026 (EUR)", theme: theme)
    lineBlock.render(line, on: s)
    LineChart(series: [ChartSeries("revenue", values: monthlyRevenue)], xLabels: months, theme: theme)
        .render(lineBlock.inner(line), on: s)
}

@Suite struct WidgetChartTests {
    @Test func edgeCases() {
        let theme = Fixture.theme
        let s = Fixture.surface(30, 8)
        LineChart(series: [], xLabels: [], theme: theme).render(s.bounds, on: s)
        #expect(s.snapshot().contains("no data"))
        s.clear()
        LineChart(series: [ChartSeries("one", values: [5])], xLabels: ["today"], theme: theme).render(s.bounds, on: s)
        #expect(s.snapshot().contains("5") && s.snapshot().contains("today"))
        s.clear()
        LineChart(series: [ChartSeries("flat", values: [3, 3, 3, 3])], theme: theme).render(s.bounds, on: s)
        let flat = s.textLines()
        #expect(flat.filter { $0.contains("⠤") || $0.contains("⠒") || $0.contains("⠉") || $0.contains("⣀") }.count == 1)
        s.clear()
        LineChart(series: [ChartSeries("neg", values: [-250.5, 100, -40])], theme: theme).render(s.bounds, on: s)
        #expect(s.snapshot().contains("-250.5"))
        s.clear()
        Sparkline([], theme: theme).render(s.bounds, on: s)
        Sparkline([7, 7, 7], theme: theme).render(s.bounds.row(0), on: s)
        #expect(s.textLines()[0].hasPrefix("▅▅▅"))
        Sparkline([-5, 0, 5], theme: theme).render(s.bounds.row(1), on: s)
        #expect(s.textLines()[1].hasPrefix("▁▅█") || s.textLines()[1].hasPrefix("▁▄█"))
        s.clear()
        BarChart([], theme: theme).render(s.bounds, on: s)
        #expect(s.textLines()[0].hasPrefix("no data"))
        s.clear()
        BarChart([BarItem("zero", magnitude: 0, valueText: "0")], theme: theme).render(s.bounds, on: s)
        #expect(s.textLines()[0].hasPrefix("zero") && s.textLines()[0].hasSuffix("0"))
    }

    @Test func snapshots() {
        Fixture.snapshots("charts", drawCharts)
        Fixture.snapshots("charts", sizes: [(80, 24)], ascii: true, drawCharts)
    }
}
