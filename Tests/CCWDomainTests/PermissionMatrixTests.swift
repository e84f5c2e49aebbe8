import Testing
@testable import CCWDomain

@Suite struct PermissionMatrixTests {
    @Test func readOnlyMayOnlyView() {
        let m = PermissionMatrix.standard
        for module in Module.allCases {
            for action in Action.allCases where action != .view {
                #expect(!m.allows(.readOnly, action, in: module), "read-only must not \(action) in \(module)")
            }
        }
    }
    @Test func adminMayDoEverything() {
        for module in Module.allCases { for action in Action.allCases { #expect(PermissionMatrix.standard.allows(.admin, action, in: module)) } }
    }
    @Test func rolesParseFromTypedNames() {
        #expect(Role(name: "Read Only") == .readOnly)
        #expect(Role(name: "readonly") == .readOnly)
        #expect(Role(name: "ACCOUNTANT") == .accountant)
        #expect(Role(name: "boss") == nil)
    }
}
