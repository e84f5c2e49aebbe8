import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct UsersModelTests {
    @Test func addChangeRoleDeactivateAndReactivate() throws {
        let model = UsersModel(session: try SessionFixture.session())
        model.send(.reload)
        let before = model.users.count
        model.send(.add(login: "zoe.kramer", displayName: "Zoë Krämer", email: "zoe@northwind.example", role: .warehouse))
        #expect(model.error == nil)
        #expect(model.users.count == before + 1)
        #expect(model.selectedUser?.login == "zoe.kramer")
        #expect(model.lastMessage == "added zoe.kramer as warehouse")
        model.send(.setRole(.accountant))
        #expect(model.selectedUser?.role == .accountant)
        model.send(.deactivate)
        #expect(model.selectedUser?.active == false)
        model.send(.activate)
        #expect(model.selectedUser?.active == true)
    }

    @Test func badInputIsReportedByField() throws {
        let model = UsersModel(session: try SessionFixture.session())
        model.send(.reload)
        model.send(.add(login: "admin", displayName: "Again", email: "", role: .sales))
        #expect(model.error != nil)
        model.send(.add(login: "new.person", displayName: "New Person", email: "not-an-email", role: .sales))
        #expect(model.error?.contains("email") == true)
    }

    @Test func theLastAdminCannotBeDemoted() throws {
        let model = UsersModel(session: try SessionFixture.session())
        model.send(.reload)
        model.send(.move(.first))
        #expect(model.selectedUser?.login == "admin")
        model.send(.setRole(.sales))
        #expect(model.error?.contains("admin") == true)
        #expect(model.users.first { $0.login == "admin" }?.role == .admin)
    }

    @Test func aManagerMayLookButNotManage() throws {
        let model = UsersModel(session: try SessionFixture.session("anna.schmidt"))  // manager
        #expect(!model.canManage)
        model.send(.reload)
        #expect(!model.users.isEmpty)
        model.send(.add(login: "x.y", displayName: "X Y", email: "", role: .sales))
        #expect(model.error?.contains("Not permitted") == true)
    }
}
