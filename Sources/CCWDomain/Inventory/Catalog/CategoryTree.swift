import Foundation

/// The product category hierarchy (Clothing › T-shirts › Kids).
///
/// Built from flat rows (id, name, parent). The tree refuses a parent that does not exist, a
/// cycle, and two siblings with the same name (ignoring case), so paths are unambiguous.
public struct CategoryTree: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public let id: CategoryID
        public let name: String
        public let parent: CategoryID?

        public init(id: CategoryID, name: String, parent: CategoryID? = nil) {
            self.id = id
            self.name = name
            self.parent = parent
        }
    }

    public let nodes: [CategoryID: Node]
    private let children: [CategoryID: [CategoryID]]

    public init(_ rows: [Node]) throws {
        var nodes: [CategoryID: Node] = [:]
        for row in rows {
            let name = row.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw InputError("category \(row.id.rawValue) has no name") }
            guard nodes[row.id] == nil else { throw InputError("category \(row.id.rawValue) appears twice") }
            nodes[row.id] = Node(id: row.id, name: name, parent: row.parent)
        }
        var children: [CategoryID: [CategoryID]] = [:]
        var siblingNames: [CategoryID?: Set<String>] = [:]
        for node in nodes.values.sorted(by: { $0.id < $1.id }) {
            if let parent = node.parent {
                guard nodes[parent] != nil else {
                    throw InputError("category \"\(node.name)\": parent \(parent.rawValue) does not exist")
                }
                children[parent, default: []].append(node.id)
            }
            guard siblingNames[node.parent, default: []].insert(node.name.lowercased()).inserted else {
                throw InputError("category \"\(node.name)\" appears twice under the same parent")
            }
        }
        for start in nodes.keys {
            var seen: Set<CategoryID> = [start]
            var current = nodes[start]!.parent
            while let id = current {
                guard seen.insert(id).inserted else {
                    throw InputError("category \"\(nodes[start]!.name)\" is its own ancestor")
                }
                current = nodes[id]!.parent
            }
        }
        self.nodes = nodes
        self.children = children
    }

    /// The ids from the root down to `id` (inclusive); empty for an unknown id.
    public func ancestry(of id: CategoryID) -> [CategoryID] {
        var path: [CategoryID] = []
        var current: CategoryID? = nodes[id] == nil ? nil : id
        while let node = current {
            path.insert(node, at: 0)
            current = nodes[node]?.parent
        }
        return path
    }

    /// "Clothing › T-shirts › Kids".
    public func path(of id: CategoryID, separator: String = " › ") -> String {
        ancestry(of: id).compactMap { nodes[$0]?.name }.joined(separator: separator)
    }

    /// `id` and every category below it.
    public func subtree(of id: CategoryID) -> Set<CategoryID> {
        guard nodes[id] != nil else { return [] }
        var result: Set<CategoryID> = [id]
        var queue = [id]
        while let next = queue.popLast() {
            for child in children[next, default: []] where result.insert(child).inserted { queue.append(child) }
        }
        return result
    }

    /// The top-level categories, sorted by name.
    public var roots: [Node] { nodes.values.filter { $0.parent == nil }.sorted { $0.name < $1.name } }

    /// The direct children of a category, sorted by name.
    public func children(of id: CategoryID) -> [Node] {
        children[id, default: []].compactMap { nodes[$0] }.sorted { $0.name < $1.name }
    }
}
