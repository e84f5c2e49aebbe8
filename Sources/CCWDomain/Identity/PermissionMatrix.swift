/// Which role may do what in which module. The TUI reads it to hide or disable actions and the
/// core checks it again on every use case, so a hidden key is never the only guard.
public struct PermissionMatrix: Sendable, Hashable {
    private var grants: [Role: [Module: Set<Action>]]

    public init(grants: [Role: [Module: Set<Action>]]) { self.grants = grants }

    public func allows(_ role: Role, _ action: Action, in module: Module) -> Bool {
        grants[role]?[module]?.contains(action) ?? false
    }

    /// The actions a role has in a module.
    public func actions(_ role: Role, in module: Module) -> Set<Action> { grants[role]?[module] ?? [] }

    /// A sentence for a refusal, naming the role, the action and the module.
    public func refusal(_ role: Role, _ action: Action, in module: Module) -> String {
        "the \(role.title.lowercased()) role may not \(action.rawValue) in \(module.title)"
    }

    /// The standard matrix.
    ///
    /// - admin: everything everywhere.
    /// - manager: everything in the business modules, approves workflows; views Admin (users, audit).
    /// - sales: works CRM, views
    ///   inventory and billing, creates invoices/quotes from deals, runs reports.
    /// - warehouse: works inventory, views CRM suppliers and reports.
    /// - accountant: works billing, views CRM and inventory, exports reports.
    /// - read-only: views and nothing else.
    public static let standard: PermissionMatrix = {
        let all = Set(Action.allCases)
        let work: Set<Action> = [.view, .create, .edit, .delete, .export]
        let view: Set<Action> = [.view]
        let viewExport: Set<Action> = [.view, .export]
        var g: [Role: [Module: Set<Action>]] = [:]
        g[.admin] = Dictionary(uniqueKeysWithValues: Module.allCases.map { ($0, all) })
        g[.manager] = [.home: view, .crm: all, .inventory: all, .billing: all, .workflows: all,
                       .reports: all, .admin: view]
        g[.sales] = [.home: view, .crm: work, .inventory: view, .billing: [.view, .create],
                     .workflows: [.view, .create], .reports: viewExport]
        g[.warehouse] = [.home: view, .crm: view, .inventory: work, .billing: view,
                         .workflows: [.view, .create], .reports: viewExport]
        g[.accountant] = [.home: view, .crm: view, .inventory: view, .billing: work,
                          .workflows: [.view, .create], .reports: viewExport]
        g[.readOnly] = [.home: view, .crm: view, .inventory: view, .billing: view, .workflows: view,
                        .reports: view]
        return PermissionMatrix(grants: g)
    }()
}

/// Raised when the permission matrix refuses an action; the message names role, action and module.
public struct PermissionDenied: Error, Sendable, Hashable, CustomStringConvertible {
    public var role: Role
    public var action: Action
    public var module: Module
    public init(role: Role, action: Action, module: Module) { self.role = role; self.action = action; self.module = module }
    public var description: String { "Not permitted: " + PermissionMatrix.standard.refusal(role, action, in: module) }
}
