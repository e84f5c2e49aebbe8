import Foundation
import Testing
@testable import CCWDomain

@Suite struct TrimmingTests {
    @Test func trimsLikeFoundation() {
        for text in ["", " ", "anna", " anna ", "\tanna\n", "anna\n", "\u{A0}anna", "anna\u{3000}", "ä", " ä ", "a b", "\r\n"] {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmed(newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
