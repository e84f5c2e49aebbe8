import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Users of the organization with their roles: add (a form), change role (a pick list),
/// deactivate (confirmed) and reactivate.
final class UsersSection: AdminSection {
    let model: UsersModel
    let context: ScreenContext
    private var grid = GridPane()
    private var form: FormState?
    private var loaded = false

    static let add = CommandSpec("admin.user.add", "new user", group: "Users", help: "Add a user to this organization", keys: ["n"], showInHints: true, changesData: true)
    static let role = CommandSpec("admin.user.role", "role", group: "Users", help: "Change the selected user's role", keys: ["e"], showInHints: true, changesData: true)
    static let deactivate = CommandSpec("admin.user.deactivate", "deactivate", group: "Users", help: "Deactivate the selected user (they can no longer log in)", keys: ["d"], showInHints: true, changesData: true, needsConfirmation: true)
    static let activate = CommandSpec("admin.user.activate", "Reactivate user", group: "Users", help: "Reactivate the selected user", keys: ["a"], changesData: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = UsersModel(session: session)
        self.context = context
    }

    var title: String { "Users" }
    var name: String { "users" }
    var commands: [CommandSpec] {
        if form != nil { return [FormCommands.save, FormCommands.cancel] }
        return [Self.add, Self.role, Self.deactivate, Self.activate, ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] {
        guard !model.canManage else { return [:] }
        let why = "managing users needs the admin role"
        return [Self.add.id: why, Self.role.id: why, Self.deactivate.id: why, Self.activate.id: why]
    }
    var hasTextFocus: Bool { form != nil }
    var hasUnsavedChanges: Bool { form.map { f in f.fields.contains { !$0.value.isEmpty && $0.id != "role" } } ?? false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func handleText(_ key: KeyEvent) -> Bool {
        guard var f = form else { return false }
        if key.key == .escape || FormCommands.isCommandKey(key) { return false }
        let used = f.handle(key)
        form = f
        return used
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case FormCommands.save.id: submitForm(); return true
        case FormCommands.cancel.id, GlobalCommands.back.id:
            guard form != nil else { return false }
            form = nil
            return true
        default: break
        }
        guard form == nil else { return false }
        switch commandID {
        case ListCommands.down.id: model.send(.move(.down))
        case ListCommands.pageDown.id: model.send(.move(.pageDown))
        case ListCommands.up.id: model.send(.move(.up))
        case ListCommands.pageUp.id: model.send(.move(.pageUp))
        case ListCommands.first.id: model.send(.move(.first))
        case ListCommands.last.id: model.send(.move(.last))
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        case ListCommands.copy.id: if let u = model.selectedUser { context.copy(u.login) }
        case Self.add.id: openForm()
        case Self.role.id: pickRole()
        case Self.deactivate.id: confirmDeactivate()
        case Self.activate.id: model.send(.activate); report()
        default: return false
        }
        return true
    }

    private func openForm() {
        form = FormState(fields: [
            FormField(id: "login", label: "Login", required: true, hint: "the name they log in with, e.g. the SSH user"),
            FormField(id: "name", label: "Full name", required: true),
            FormField(id: "email", label: "Email"),
            FormField(id: "role", label: "Role", kind: .choice(Role.allCases.map(\.rawValue)), value: Role.sales.rawValue),
        ])
    }

    private func submitForm() {
        guard var f = form else { return }
        f.clearErrors()
        for id in f.missingRequired { f.setError("required", for: id) }
        guard !f.hasErrors else { form = f; return }
        let role = Role(name: f.value("role")) ?? .sales
        model.send(.add(login: f.value("login"), displayName: f.value("name"), email: f.value("email"), role: role))
        if model.error == nil {
            form = nil
            report()
        } else {
            for (field, message) in model.fieldErrors {
                let id = field.contains("mail") ? "email" : field.contains("name") && !field.contains("login") ? "name" : field.contains("role") ? "role" : "login"
                f.setError(message, for: id)
            }
            if model.fieldErrors.isEmpty { f.setError(model.error, for: "login") }
            form = f
        }
    }

    private func pickRole() {
        guard let u = model.selectedUser else { return }
        let roles = Role.allCases
        context.present(.pick(title: "Role for \(u.login)", options: roles.map(\.title),
                              selected: roles.firstIndex(of: u.role) ?? 0) { [weak self] i in
            self?.model.send(.setRole(roles[i]))
            self?.report()
        })
    }

    private func confirmDeactivate() {
        guard let u = model.selectedUser else { return }
        context.present(.confirm(title: "Deactivate \(u.login)?",
                                 message: ["\(u.displayName) will no longer be able to log in.", "Their history stays; you can reactivate them with a."],
                                 destructive: true) { [weak self] in
            self?.model.send(.deactivate)
            self?.report()
        })
    }

    private func report() {
        if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
    }

    static let columns = [
        GridColumn("Login", width: .flex(min: 8, weight: 1)),
        GridColumn("Name", width: .flex(min: 12, weight: 2)),
        GridColumn("Email", width: .flex(min: 12, weight: 2)),
        GridColumn("Role", width: .fixed(10)),
        GridColumn("Status", width: .fixed(10)),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if var f = form {
            let block = Block(title: "New user", footer: "Tab next field · Ctrl-S save · Esc cancel", focused: true, theme: theme)
            block.render(area, on: surface)
            Form(theme: theme).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &f)
            form = f
            return
        }
        let users = model.users
        grid.draw(columns: Self.columns, count: users.count, selected: model.selected, row: { i in
            let u = users[i]
            return GridRow([u.login, u.displayName, u.email ?? "", u.role.title, u.active ? "active" : "inactive"],
                           cellRoles: [.accent, nil, .muted, nil, u.active ? .success : .warning])
        }, in: area, on: surface, theme: theme, emptyText: model.error ?? "No users")
    }
}
