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
        #expect(m.toasts.last?.message == "Admin is not available to the sales role")
        #expect(m.toasts.last?.severity == .warning)
    }

    @Test func toastsExpireAndErrorsStayLonger() {
        var m = ShellModel(role: .admin, now: 1_000)
        m.send(.toast("saved", .success))
        m.send(.toast("database locked", .error))
        m.send(.tick(now: 1_000 + m.toastDuration))
        #expect(m.toasts.map(\.message) == ["database locked"])
        m.send(.tick(now: 1_000 + 2 * m.toastDuration))
        #expect(m.toasts.isEmpty)
    }

    @Test func atMostFourToastsAreKept() {
        var m = ShellModel(role: .admin, now: 0)
        for i in 1...6 { m.send(.toast("n\(i)", .info)) }
        #expect(m.toasts.map(\.message) == ["n3", "n4", "n5", "n6"])
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
