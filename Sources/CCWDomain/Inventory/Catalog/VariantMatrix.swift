import Foundation

/// One attribute a parent product varies by (Size: S, M, L), values in display order.
public struct VariantAxis: Sendable, Hashable, Codable {
    public var name: String
    public var values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }
}

/// Identifies one variant: its value on each axis, in axis order (["Red", "M"]).
public struct VariantKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public let values: [String]
    public init(_ values: [String]) { self.values = values }
    public var description: String { values.joined(separator: "/") }
}

/// A generated variant: its own SKU, name, and optionally price and barcode.
public struct Variant: Sendable, Hashable {
    public let key: VariantKey
    /// Axis name → value, e.g. ["Colour": "Red", "Size": "M"].
    public let attributes: [String: String]
    public let sku: SKU
    /// Parent name followed by the values: "T-shirt red M".
    public let name: String
    /// The variant's own price; nil means the parent's price tiers apply.
    public let priceOverride: Money?
    public let barcode: Barcode?
}

/// A parent product with attribute axes that generates its variant matrix: every combination
/// of one value per axis, the first axis varying slowest (Red S, Red M, …, Blue S, …).
///
/// Each variant's SKU is the parent SKU followed by the folded value of each axis
/// (`TSHIRT` + Red + M → `TSHIRT-RED-M`), or, when a pattern is given, the pattern filled
/// with the parent's name and category and the variant's attributes. Generated SKUs must be
/// distinct: values that fold to the same code ("Red" and "red ") are refused.
public struct VariantMatrix: Sendable, Hashable {
    public let parentSKU: SKU
    public let parentName: String
    public let category: String?
    public private(set) var axes: [VariantAxis]
    public let pattern: SKUPattern?
    public private(set) var priceOverrides: [VariantKey: Money] = [:]
    public private(set) var barcodes: [VariantKey: Barcode] = [:]

    /// Upper limit of combinations, so a typo in an axis cannot create a million products.
    public static let maxVariants = 1000

    public init(parentSKU: SKU, parentName: String, category: String? = nil,
                axes: [VariantAxis], pattern: SKUPattern? = nil) throws {
        self.parentSKU = parentSKU
        self.parentName = parentName.trimmingCharacters(in: .whitespaces)
        self.category = category
        self.axes = try VariantMatrix.validated(axes)
        self.pattern = pattern
        _ = try variants()
    }

    /// Every variant in matrix order.
    public func variants() throws -> [Variant] {
        let keys = VariantMatrix.combinations(axes)
        guard keys.count <= VariantMatrix.maxVariants else {
            throw InputError("variants: \(keys.count) combinations; at most \(VariantMatrix.maxVariants)")
        }
        let all = try keys.map(variant)
        var seen: [SKU: VariantKey] = [:]
        for variant in all {
            if let other = seen[variant.sku] {
                throw InputError("variants \(other) and \(variant.key) would both have SKU \(variant.sku)")
            }
            seen[variant.sku] = variant.key
        }
        return all
    }

    /// Adds a value to an axis and returns only the variants that did not exist before
    /// (the new value combined with every value of the other axes).
    public mutating func add(value: String, toAxis axisName: String) throws -> [Variant] {
        guard let axisIndex = axes.firstIndex(where: { $0.name.lowercased() == axisName.lowercased() }) else {
            throw InputError("variants: there is no axis \"\(axisName)\" (axes: \(axes.map(\.name).joined(separator: ", ")))")
        }
        let before = Set(VariantMatrix.combinations(axes))
        var candidate = axes
        candidate[axisIndex].values.append(value)
        let updated = try VariantMatrix.validated(candidate)
        var copy = self
        copy.axes = updated
        let all = try copy.variants()
        self = copy
        return all.filter { !before.contains($0.key) }
    }

    /// Sets (or with nil removes) one variant's own price.
    public mutating func setPrice(_ price: Money?, for key: VariantKey) throws {
        try requireExisting(key)
        priceOverrides[key] = price
    }

    /// Sets (or with nil removes) one variant's barcode; a barcode used by another variant of
    /// this parent is refused.
    public mutating func setBarcode(_ barcode: Barcode?, for key: VariantKey) throws {
        try requireExisting(key)
        if let barcode, let other = barcodes.first(where: { $0.value == barcode && $0.key != key }) {
            throw InputError("barcode \(barcode) is already used by variant \(other.key)")
        }
        barcodes[key] = barcode
    }

    private func requireExisting(_ key: VariantKey) throws {
        guard key.values.count == axes.count,
              zip(key.values, axes).allSatisfy({ value, axis in axis.values.contains(value) }) else {
            throw InputError("variants: \(key) is not a combination of this product")
        }
    }

    private func variant(_ key: VariantKey) throws -> Variant {
        var attributes: [String: String] = [:]
        for (axis, value) in zip(axes, key.values) { attributes[axis.name] = value }
        let sku: SKU
        if let pattern {
            sku = try pattern.make(.init(category: category, name: parentName, attributes: attributes))
        } else {
            sku = try SKU(([parentSKU.code] + key.values.map(SKUSegment.fold)).joined(separator: "-"))
        }
        let name = ([parentName] + key.values).joined(separator: " ")
        return Variant(key: key, attributes: attributes, sku: sku, name: name,
                       priceOverride: priceOverrides[key], barcode: barcodes[key])
    }

    static func combinations(_ axes: [VariantAxis]) -> [VariantKey] {
        var result: [[String]] = [[]]
        for axis in axes {
            result = result.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
        return result.map(VariantKey.init)
    }

    private static func validated(_ axes: [VariantAxis]) throws -> [VariantAxis] {
        guard !axes.isEmpty else { throw InputError("variants: at least one axis (such as Size or Colour) is needed") }
        var names = Set<String>()
        return try axes.map { axis in
            let name = axis.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw InputError("variants: an axis has no name") }
            guard names.insert(name.lowercased()).inserted else { throw InputError("variants: axis \"\(name)\" appears twice") }
            guard !axis.values.isEmpty else { throw InputError("variants: axis \"\(name)\" has no values") }
            var seen = Set<String>()
            let values = try axis.values.map { raw in
                let value = raw.trimmingCharacters(in: .whitespaces)
                guard !SKUSegment.fold(value).isEmpty else {
                    throw InputError("variants: \(name) value \"\(raw)\" has no letters or digits")
                }
                guard seen.insert(SKUSegment.fold(value)).inserted else {
                    throw InputError("variants: \(name) value \"\(value)\" appears twice")
                }
                return value
            }
            return VariantAxis(name, values)
        }
    }
}
