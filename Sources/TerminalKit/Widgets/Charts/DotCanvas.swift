/// A grid of dots for charts: braille cells of 2x4 dots, or one dot per character cell in ASCII
/// (drawn as `*`). Each cell remembers the last series that plotted into it, for its colour.
struct DotCanvas {
    let width: Int, height: Int, braille: Bool
    private var bits: [UInt8]
    private var owner: [Int]

    init(width: Int, height: Int, braille: Bool) {
        self.width = max(0, width); self.height = max(0, height); self.braille = braille
        bits = Array(repeating: 0, count: self.width * self.height)
        owner = Array(repeating: -1, count: self.width * self.height)
    }

    var dotsWide: Int { max(1, width * (braille ? 2 : 1)) }
    var dotsHigh: Int { max(1, height * (braille ? 4 : 1)) }

    /// Braille dot bits by (column, row) inside a cell.
    private static let dotBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func plot(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let cx = braille ? x / 2 : x, cy = braille ? y / 4 : y
        let i = cy * width + cx
        bits[i] |= braille ? Self.dotBit[x % 2][y % 4] : 1
        owner[i] = series
    }

    /// Bresenham line between two dots.
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            plot(x0, y0, series: series)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    func draw(at x: Int, _ y: Int, on surface: Surface, style: (Int) -> Style) {
        for cy in 0..<height {
            for cx in 0..<width {
                let i = cy * width + cx
                guard bits[i] != 0 else { continue }
                let text = braille ? String(Character(Unicode.Scalar(0x2800 + UInt32(bits[i]))!)) : "*"
                surface.put(text, x: x + cx, y: y + cy, style: style(owner[i]), maxX: x + width)
            }
        }
    }
}
