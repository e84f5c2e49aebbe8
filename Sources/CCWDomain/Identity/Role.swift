/// A user's role within one organization.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case admin
    case manager
    case sales
    case warehouse
    case accountant
    case readOnly = "read-only"

    /// Parses a role name as typed on the command line (`read-only`, `readonly`, `Read Only`).
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter }
        guard let r = Role.allCases.first(where: { $0.rawValue.filter { $0.isLetter } == key }) else { return nil }
        self = r
    }

    public var title: String {
        switch self {
        case .admin: "Admin"
        case .manager: "Manager"
        case .sales: "Sales"
        case .warehouse: "Warehouse"
        case .accountant: "Accountant"
        case .readOnly: "Read-only"
        }
    }
}

/// The business modules, in the order of their tabs.
public enum Module: String, CaseIterable, Codable, Sendable, Hashable {
    case home, crm, inventory, billing, workflows, reports, admin

    public var title: String {
        switch self {
        case .home: "Home"
        case .crm: "CRM"
        case .inventory: "Inventory"
        case .billing: "Billing"
        case .workflows: "Workflows"
        case .reports: "Reports"
        case .admin: "Admin"
        }
    }
}

/// What a user tries to do within a module.
public enum Action: String, CaseIterable, Codable, Sendable, Hashable {
    case view, create, edit, delete, approve, export
}
