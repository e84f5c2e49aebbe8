import CCWDomain
import GRDB

/// The product category tree of the scope's organization.
public struct ProductCategories: Sendable {
    let database: AppDatabase

    static let table = "product_categories"
    static let entity = "category"

    /// Adds a category under `parentId` (nil: a root). Names are unique among siblings.
    public func add(_ scope: Scope, name: String, parentId: Int64? = nil) throws -> ProductCategory {
        try database.write(as: scope, .create, in: .inventory) { access in
            guard let name = name.nonBlank else { throw CoreError.invalid("name", "is required") }
            let table = access.table(Self.table, entity: Self.entity)
            if let parentId { _ = try table.requireRow(access.db, id: parentId) }
            let siblings = SQL(sql: "COALESCE(parent_id, 0) = ? AND name = ? COLLATE NOCASE", arguments: [parentId ?? 0, name])
            if try table.count(access.db, where: siblings) > 0 { throw CoreError.duplicate(field: "category", value: name) }
            let (id, uid) = try table.insert(access.db, by: access.scope.actor, at: access.now,
                                             values: ["name": name, "parent_id": parentId])
            let row = try table.requireRow(access.db, id: id)
            try access.audit(Self.entity, id: id, uid: uid, .create, "added category \(name)", after: CanonicalJSON.object(row))
            return ProductCategory(row: row)
        }
    }

    public func list(_ scope: Scope) throws -> [ProductCategory] {
        try database.read(as: scope, in: .inventory) { access in
            try access.table(Self.table, entity: Self.entity).rows(access.db, orderBy: "name, id").map(ProductCategory.init(row:))
        }
    }

    /// The categories as a tree (for paths and subtree totals).
    public func tree(_ scope: Scope) throws -> CategoryTree {
        try Self.tree(try list(scope))
    }

    static func tree(_ categories: [ProductCategory]) throws -> CategoryTree {
        try CategoryTree(categories.map {
            CategoryTree.Node(id: CategoryID($0.id), name: $0.name, parent: $0.parentId.map { CategoryID($0) })
        })
    }
}

extension AppDatabase {
    public var productCategories: ProductCategories { ProductCategories(database: self) }
}
