import Testing
@testable import TerminalKit

@Suite("Backend colours")
struct BackendColorTests {
    @Test func rgbToNearest256() {
        #expect(ColorDegrader.nearest256(r: 0xff, g: 0, b: 0) == 196)
        #expect(ColorDegrader.nearest256(r: 0, g: 0, b: 0) == 16)
        #expect(ColorDegrader.nearest256(r: 0xff, g: 0xff, b: 0xff) == 231)
        #expect(ColorDegrader.nearest256(r: 0x00, g: 0x5f, b: 0xaf) == 25)
        #expect(ColorDegrader.nearest256(r: 0x80, g: 0x80, b: 0x80) == 244)  // grey ramp beats the cube
        #expect(ColorDegrader.nearest256(r: 0x30, g: 0x30, b: 0x30) == 236)
        #expect(ColorDegrader.nearest256(r: 0xff, g: 0x87, b: 0x00) == 208)
    }

    @Test func paletteValues() {
        #expect(ColorDegrader.rgb(ofIndex: 196) == (255, 0, 0))
        #expect(ColorDegrader.rgb(ofIndex: 25) == (0, 95, 175))
        #expect(ColorDegrader.rgb(ofIndex: 232) == (8, 8, 8))
        #expect(ColorDegrader.rgb(ofIndex: 255) == (238, 238, 238))
        #expect(ColorDegrader.rgb(ofIndex: 9) == (255, 0, 0))
    }

    @Test func indexedToNearest16() {
        #expect(ColorDegrader.nearest16(index: 196) == 9)   // bright red
        #expect(ColorDegrader.nearest16(index: 5) == 5)     // the 16 stay as they are
        #expect(ColorDegrader.nearest16(index: 231) == 15)  // white
        #expect(ColorDegrader.nearest16(index: 16) == 0)    // black
        #expect(ColorDegrader.nearest16(index: 25) == 4)    // blue
        #expect(ColorDegrader.nearest16(index: 244) == 8)   // grey
        #expect(ColorDegrader.nearest16(index: 250) == 7)   // light grey
        #expect(ColorDegrader.nearest16(index: 46) == 10)   // bright green
    }

    @Test func resolveIn256Colours() {
        let style = Style(fg: .rgb(255, 0, 0), bg: .indexed(25))
        #expect(ColorDegrader.resolve(style, mode: .color256, colorCount: 256) == ResolvedColors(fg: 196, bg: 25))
        #expect(ColorDegrader.resolve(Style(), mode: .color256, colorCount: 256) == ResolvedColors(fg: -1, bg: -1))
        #expect(ColorDegrader.resolve(Style(fg: .brightRed), mode: .color256, colorCount: 256).fg == 9)
    }

    @Test func resolveIn16Colours() {
        let style = Style(fg: .indexed(231), bg: .indexed(25))
        #expect(ColorDegrader.resolve(style, mode: .ansi16, colorCount: 256) == ResolvedColors(fg: 15, bg: 4))
        // 256 mode asked on a 16-colour terminal degrades too.
        #expect(ColorDegrader.resolve(style, mode: .color256, colorCount: 16) == ResolvedColors(fg: 15, bg: 4))
    }

    @Test func eightColourTerminalsUseBoldForBrightForegrounds() {
        let resolved = ColorDegrader.resolve(Style(fg: .brightRed, bg: .brightBlue), mode: .ansi16, colorCount: 8)
        #expect(resolved == ResolvedColors(fg: 1, bg: 4, extraAttributes: .bold))
    }

    @Test func coloursThatDegradeToTheSameKeepTextVisible() {
        // 236 on 235 are both black in 16 colours: the text becomes white.
        let resolved = ColorDegrader.resolve(Style(fg: .indexed(236), bg: .indexed(235)), mode: .ansi16, colorCount: 16)
        #expect(resolved.bg == 0)
        #expect(resolved.fg == 15)
        // 254 on 255 are both light grey: the text becomes black.
        let light = ColorDegrader.resolve(Style(fg: .indexed(254), bg: .indexed(255)), mode: .ansi16, colorCount: 16)
        #expect(light.fg == 0)
    }

    @Test func monochromeHasNoColours() {
        let resolved = ColorDegrader.resolve(Style(fg: .red, bg: .blue, attrs: .bold), mode: .monochrome, colorCount: 256)
        #expect(resolved == ResolvedColors(fg: -1, bg: -1))
    }

    @Test func detection() {
        #expect(ColorMode.detect(colors: 256, environment: [:]) == .color256)
        #expect(ColorMode.detect(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorMode.detect(colors: 8, environment: [:]) == .ansi16)
        #expect(ColorMode.detect(colors: 0, environment: [:]) == .monochrome)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": ""]) == .color256)
        #expect(ColorMode.detect(colors: 256, environment: ["CCW_COLORS": "16"]) == .ansi16)
        #expect(ColorMode.detect(colors: 256, environment: ["CCW_COLORS": "none"]) == .monochrome)
        #expect(ColorMode.detect(colors: 8, environment: ["CCW_COLORS": "256"]) == .ansi16)  // cannot exceed the terminal
        #expect(ColorMode.detect(colors: 256, environment: ["CCW_COLORS": "256", "NO_COLOR": "1"]) == .color256)
        #expect(ColorMode.detect(colors: 256, environment: ["CCW_COLORS": "lots", "NO_COLOR": "1"]) == .monochrome)
    }

    @Test func pairCacheAllocatesOnceAndReuses() {
        var cache = ColorPairCache(capacity: 10)
        #expect(cache.pair(for: .init(fg: -1, bg: -1)) == .init(pair: 0, isNew: false))
        #expect(cache.pair(for: .init(fg: 196, bg: 25)) == .init(pair: 1, isNew: true))
        #expect(cache.pair(for: .init(fg: 15, bg: -1)) == .init(pair: 2, isNew: true))
        #expect(cache.pair(for: .init(fg: 196, bg: 25)) == .init(pair: 1, isNew: false))
        #expect(cache.allocatedCount == 2)
    }

    @Test func pairCacheFallsBackToTheNearestPairWhenFull() {
        var cache = ColorPairCache(capacity: 2)
        _ = cache.pair(for: .init(fg: 196, bg: 16))  // pair 1: red on black
        _ = cache.pair(for: .init(fg: 21, bg: 231))  // pair 2: blue on white
        let nearRed = cache.pair(for: .init(fg: 160, bg: 16))
        #expect(nearRed == .init(pair: 1, isNew: false))
        let nearBlue = cache.pair(for: .init(fg: 19, bg: 255))
        #expect(nearBlue == .init(pair: 2, isNew: false))
        #expect(cache.allocatedCount == 2)
        // Nothing close: default colours rather than a misleading pair.
        var empty = ColorPairCache(capacity: 0)
        #expect(empty.pair(for: .init(fg: 196, bg: -1)) == .init(pair: 0, isNew: false))
    }
}
