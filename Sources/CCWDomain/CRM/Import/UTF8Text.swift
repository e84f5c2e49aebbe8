/// Turns the bytes of an import file into text, refusing anything that is not UTF-8 with the
/// line of the first bad byte, so a file saved as Latin-1 or UTF-16 by a spreadsheet gets a
/// clear message instead of garbled names. A UTF-8 byte order mark is kept (the CSV reader
/// drops it).
public enum UTF8Text {
    public static func decode(_ bytes: [UInt8]) throws -> String {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw InputError("the file is UTF-16; save it as CSV UTF-8 and import it again")
        }
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: throw invalid(line)
            }
            guard index + length <= bytes.count else { throw invalid(line) }
            for offset in 1..<max(1, length) where bytes[index + offset] & 0xC0 != 0x80 { throw invalid(line) }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { throw invalid(line) }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { throw invalid(line) }
            }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func invalid(_ line: Int) -> InputError {
        InputError("line \(line): the file is not UTF-8 (save it as CSV UTF-8 and import it again)")
    }
}
