import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ShellModelTests {
    @Test func goToChangesTheActiveModule() {
        var m = ShellModel(role: .sales, now: 0)
        m.send(.goTo(.crm))
        #expect(m.active == .crm)
    }

    @Test func aRoleCannotOpenAModuleItMayNotView() {
        var m = ShellModel(role: .sales, now: 0)
        #expect(!m.modules.contains(.admin))
        m.send(.goTo(.admin))
        #expect(m.active == .home)
        #expect(m.notices.last?.message == "Admin is not available to the sales role")
        #expect(m.notices.last?.level == .warning)
    }

    @Test func noticesExpireAndErrorsStayLonger() {
        var m = ShellModel(role: .admin, now: 1_000)
        m.send(.notify("saved", .success))
        m.send(.notify("database locked", .error))
        m.send(.tick(now: 1_000 + m.noticeDuration))
        #expect(m.notices.map(\.message) == ["database locked"])
        m.send(.tick(now: 1_000 + 2 * m.noticeDuration))
        #expect(m.notices.isEmpty)
    }

    @Test func atMostFourToastsAreKept() {
        var m = ShellModel(role: .admin, now: 0)
        for i in 1...6 { m.send(.notify("n\(i)", .info)) }
        #expect(m.notices.map(\.message) == ["n3", "n4", "n5", "n6"])
    }

    @Test func quittingWithUnsavedEditsAsksFirst() {
        var m = ShellModel(role: .admin, now: 0)
        m.send(.requestQuit(unsaved: true))
        #expect(m.quit == .confirming)
        m.send(.cancelQuit)
        #expect(m.quit == .running)
        m.send(.requestQuit(unsaved: false))
        #expect(m.quit == .quitting)
    }

    @Test func badgesDropZeroCounts() {
        var m = ShellModel(role: .admin, now: 0)
        m.send(.setBadges([.home: 2, .inventory: 0]))
        #expect(m.badges == [.home: 2])
    }
}
