import CCWDomain
import GRDB

/// A product as stored (one row of `products`).
public struct Product: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var sku: String
    /// The barcode in its EAN-13 form (EAN-8 as is), nil when the product has none.
    public var barcode: String?
    public var name: String
    public var description: String
    public var categoryId: Int64?
    public var brand: String
    public var unit: String
    /// Decimals of the unit: the scale of every quantity of this product.
    public var decimals: Int
    public var cost: Money
    public var price: Money
    public var taxCategory: String
    public var attributes: [String: String]
    /// A CRM company id; not a foreign key yet (see `InventoryMigration`).
    public var supplierCompanyId: Int64?
    public var supplierSKU: String?
    public var active: Bool
    public var valuation: ValuationMethod
    public var tracking: StockTracking
    /// The parent of a variant.
    public var parentId: Int64?
    public var variantAttributes: [String: String]
    public var customFields: [String: JSONValue]
    public var reorderPoint: Quantity?
    public var reorderQuantity: Quantity?
    public var version: Int64
    public var updatedAt: Int64

    init(row: Row) throws {
        id = row["id"]
        uid = row["uid"]
        sku = row["sku"]
        barcode = row["barcode"]
        name = row["name"]
        description = row["description"]
        categoryId = row["category_id"]
        brand = row["brand"]
        unit = row["unit"]
        decimals = row["decimals"]
        let currency = try CurrencyCode(row["currency"] as String)
        cost = Money(minor: row["cost_minor"], currency: currency)
        price = Money(minor: row["price_minor"], currency: currency)
        taxCategory = row["tax_category"]
        attributes = (try? CanonicalJSON.decode([String: String].self, from: row["attributes"])) ?? [:]
        supplierCompanyId = row["supplier_company_id"]
        supplierSKU = row["supplier_sku"]
        active = row["active"]
        valuation = ValuationMethod(rawValue: row["valuation_method"]) ?? .fifo
        tracking = StockTracking(rawValue: row["tracking"]) ?? .quantityOnly
        parentId = row["parent_id"]
        variantAttributes = (try? CanonicalJSON.decode([String: String].self, from: row["variant_attributes"])) ?? [:]
        customFields = (try? CanonicalJSON.decode([String: JSONValue].self, from: row["custom_fields"])) ?? [:]
        let scale = decimals
        reorderPoint = (row["reorder_point"] as Int64?).map { Quantity(units: $0, scale: scale) }
        reorderQuantity = (row["reorder_quantity"] as Int64?).map { Quantity(units: $0, scale: scale) }
        version = row["version"]
        updatedAt = row["updated_at"]
    }

    /// What the stock ledger needs to know about this product.
    public var stocked: StockedProduct {
        StockedProduct(id: ProductID(id), category: categoryId.map { CategoryID($0) }, scale: decimals,
                       valuation: valuation, tracking: tracking)
    }
}

/// What a user enters for a product. Text is validated by `Products.add/update`.
public struct ProductDraft: Sendable, Hashable {
    public var sku: String
    public var barcode: String?
    public var name: String
    public var description: String = ""
    public var categoryId: Int64?
    public var brand: String = ""
    public var unit: String = "pcs"
    public var decimals: Int = 0
    /// Cost and price in minor units of `currency` (nil: the organization's base currency).
    public var costMinor: Int64 = 0
    public var priceMinor: Int64 = 0
    public var currency: String?
    public var taxCategory: String = "standard"
    public var attributes: [String: String] = [:]
    public var supplierCompanyId: Int64?
    public var supplierSKU: String?
    public var active: Bool = true
    public var valuation: ValuationMethod = .fifo
    public var tracking: StockTracking = .quantityOnly
    public var customFields: [String: JSONValue] = [:]
    /// Reorder defaults in the product's unit (units of 10^-decimals).
    public var reorderPointUnits: Int64?
    public var reorderQuantityUnits: Int64?

    public init(sku: String, name: String, barcode: String? = nil) {
        self.sku = sku
        self.name = name
        self.barcode = barcode
    }

    public init(_ product: Product) {
        sku = product.sku
        barcode = product.barcode
        name = product.name
        description = product.description
        categoryId = product.categoryId
        brand = product.brand
        unit = product.unit
        decimals = product.decimals
        costMinor = product.cost.minor
        priceMinor = product.price.minor
        currency = product.cost.currency.code
        taxCategory = product.taxCategory
        attributes = product.attributes
        supplierCompanyId = product.supplierCompanyId
        supplierSKU = product.supplierSKU
        active = product.active
        valuation = product.valuation
        tracking = product.tracking
        customFields = product.customFields
        reorderPointUnits = product.reorderPoint?.units
        reorderQuantityUnits = product.reorderQuantity?.units
    }
}

/// The kinds of stock location.
public enum WarehouseType: String, Sendable, Hashable, Codable, CaseIterable {
    case warehouse, store
    case distributionCenter = "distribution-center"
    case virtual
}

/// A warehouse (or store) as stored.
public struct Warehouse: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var code: String
    public var name: String
    public var type: WarehouseType
    public var address: String
    public var managerUserId: Int64?
    public var version: Int64

    init(row: Row) {
        id = row["id"]
        uid = row["uid"]
        code = row["code"]
        name = row["name"]
        type = WarehouseType(rawValue: row["type"]) ?? .warehouse
        address = row["address"]
        managerUserId = row["manager_user_id"]
        version = row["version"]
    }
}

/// A product category (one node of the tree).
public struct ProductCategory: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var name: String
    public var parentId: Int64?
    public var version: Int64

    init(row: Row) {
        id = row["id"]
        uid = row["uid"]
        name = row["name"]
        parentId = row["parent_id"]
        version = row["version"]
    }
}
