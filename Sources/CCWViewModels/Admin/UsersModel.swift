import CCWCore
import CCWDomain

/// The users of the organization with their roles: add a user, change a role, deactivate or
/// reactivate. Every change goes through the same core use cases as `ccw user …`.
public final class UsersModel {
    public enum Intent: Sendable {
        case reload
        case move(ListMove)
        case add(login: String, displayName: String, email: String, role: Role)
        case setRole(Role)
        case deactivate
        case activate
    }

    public let session: AppSession
    public private(set) var users: [OrgUser] = []
    public private(set) var selected = 0
    /// The last problem, as a sentence naming the field or the rule.
    public private(set) var error: String?
    /// Field problems of the last `add`, keyed by form field ("login", "email", …).
    public private(set) var fieldErrors: [String: String] = [:]
    /// What the last change did, for a toast.
    public private(set) var lastMessage: String?

    public init(session: AppSession) { self.session = session }

    public var canManage: Bool { session.can(.edit, in: .admin) }
    public var selectedUser: OrgUser? { users.indices.contains(selected) ? users[selected] : nil }

    public func send(_ intent: Intent) {
        error = nil
        lastMessage = nil
        switch intent {
        case .reload: reload()
        case .move(let m):
            let last = max(0, users.count - 1)
            switch m {
            case .down, .pageDown: selected = min(selected + 1, last)
            case .up, .pageUp: selected = max(0, selected - 1)
            case .first: selected = 0
            case .last: selected = last
            }
        case .add(let login, let name, let email, let role):
            fieldErrors = [:]
            perform {
                let u = try self.session.database.users.add(self.session.scope, login: login, displayName: name,
                                                            email: email.isEmpty ? nil : email, role: role)
                self.lastMessage = "added \(u.login) as \(u.role.title.lowercased())"
                self.reload(select: u.login)
            }
        case .setRole(let role):
            guard let u = selectedUser else { return }
            perform {
                let r = try self.session.database.users.setRole(self.session.scope, login: u.login, role: role,
                                                                expectedVersion: u.membershipVersion)
                self.lastMessage = "\(r.login) is now \(r.role.title.lowercased())"
                self.reload(select: r.login)
            }
        case .deactivate:
            guard let u = selectedUser else { return }
            perform {
                _ = try self.session.database.users.deactivate(self.session.scope, login: u.login, expectedVersion: u.userVersion)
                self.lastMessage = "deactivated \(u.login): they can no longer log in"
                self.reload(select: u.login)
            }
        case .activate:
            guard let u = selectedUser else { return }
            perform {
                _ = try self.session.database.users.activate(self.session.scope, login: u.login, expectedVersion: u.userVersion)
                self.lastMessage = "reactivated \(u.login)"
                self.reload(select: u.login)
            }
        }
    }

    private func perform(_ body: () throws -> Void) {
        do {
            try body()
        } catch CoreError.invalid(let errors) {
            for e in errors { fieldErrors[e.field.lowercased()] = e.message }
            error = errors.map(\.description).joined(separator: "; ")
        } catch {
            self.error = describe(error)
            reload()
        }
    }

    private func reload(select login: String? = nil) {
        do {
            users = try session.database.users.list(session.scope)
            if let login, let i = users.firstIndex(where: { $0.login == login }) { selected = i }
            selected = min(selected, max(0, users.count - 1))
        } catch {
            self.error = describe(error)
        }
    }
}
