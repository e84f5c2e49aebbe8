import CCWDomain

/// The permission matrix as a table: one row per role, one column per module, each cell the
/// actions allowed (`v` view, `c` create, `e` edit, `d` delete, `a` approve, `x` export).
public struct RolesModel: Sendable {
    public struct Row: Sendable, Hashable {
        public var role: Role
        public var cells: [String]
    }

    public let modules: [Module] = Module.allCases
    public let rows: [Row]

    public init(matrix: PermissionMatrix = .standard) {
        rows = Role.allCases.map { role in
            Row(role: role, cells: Module.allCases.map { Self.cell(matrix.actions(role, in: $0)) })
        }
    }

    static let letters: [(Action, Character)] = [(.view, "v"), (.create, "c"), (.edit, "e"), (.delete, "d"), (.approve, "a"), (.export, "x")]

    /// `vced-x` style: a letter per allowed action, `-` where refused, `none` when nothing.
    static func cell(_ actions: Set<Action>) -> String {
        if actions.isEmpty { return "none" }
        return String(letters.map { actions.contains($0.0) ? $0.1 : "-" })
    }

    public static let legend = "v view  c create  e edit  d delete  a approve  x export"
}
