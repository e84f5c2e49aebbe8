import CCWDomain
import GRDB

/// The price tiers of products (issue 4: retail, wholesale, quantity breaks, per currency):
/// read a product's ladders, replace or remove the ladder of one tier in one currency, and
/// quote a price for a quantity.
///
/// A ladder is saved as a whole: its old breaks are soft-deleted and the new ones inserted in
/// one transaction, the product's version goes up (so a product form or price form opened
/// before sees a conflict instead of overwriting), the change is audited on the product with
/// the ladder before and after, and `inventory.product.prices-changed` is published.
///
/// Quote rule: the tier's ladder in the currency gives the price of its highest break not above
/// the quantity (`PriceTiers.price(for:tier:currency:)`). Retail in the product's own currency
/// (the organization's base currency unless the product says otherwise) falls back to the
/// product's sale price when the ladder gives none (no retail ladder, or a quantity below its
/// first break). Any other tier or currency without a price is refused; prices are never
/// converted between currencies or taken from another tier.
public struct ProductPrices: Sendable {
    let database: AppDatabase

    static let table = "product_prices"
    static let changedEvent = "inventory.product.prices-changed"
    /// Most breaks in one ladder.
    public static let maxBreaks = 20

    /// The product's ladders (empty when it has none).
    public func tiers(_ scope: Scope, productId: Int64) throws -> PriceTiers {
        try database.read(as: scope, in: .inventory) { access in
            let product = try Self.product(access, productId)
            return try Self.read(access, product)
        }
    }

    /// Sets the ladder of `tier` in `currency` to `breaks` if the product is still at
    /// `expectedVersion`; returns the product with its new version.
    public func replace(_ scope: Scope, productId: Int64, tier: PriceTier, currency: CurrencyCode, breaks: [PriceBreak],
                        expectedVersion: Int64) throws -> Product {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let product = try Self.product(access, productId)
            let problems = Self.problems(breaks.enumerated().map { ($0.offset + 1, $0.element) }, currency: currency, decimals: product.decimals)
            if breaks.isEmpty { throw CoreError.invalid("lines", "at least one price is needed (a quantity and a unit price, e.g. 1 10.00)") }
            if !problems.isEmpty { throw CoreError.invalid(problems) }
            try VersionedUpdate.run(access.db, table: Products.table, id: productId, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: [:], entity: Products.entity, at: access.now)
            try Self.write(access, product, tier: tier, currency: currency, breaks: breaks)
            return try Self.product(access, productId)
        }
    }

    /// Removes the ladder of `tier` in `currency` if the product is still at `expectedVersion`.
    public func remove(_ scope: Scope, productId: Int64, tier: PriceTier, currency: CurrencyCode, expectedVersion: Int64) throws -> Product {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let product = try Self.product(access, productId)
            guard try Self.read(access, product).ladders[PriceTiers.Key(tier: tier, currency: currency)] != nil else {
                throw CoreError.notFound(entity: "price ladder", key: "\(tier):\(currency.code) of \(product.sku)")
            }
            try VersionedUpdate.run(access.db, table: Products.table, id: productId, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: [:], entity: Products.entity, at: access.now)
            try Self.write(access, product, tier: tier, currency: currency, breaks: [])
            return try Self.product(access, productId)
        }
    }

    /// The unit and line price of `quantity` (in the product's unit) by the type's rule;
    /// `currency` nil means the product's own currency.
    public func quote(_ scope: Scope, productId: Int64, quantity: Quantity, tier: PriceTier = .retail,
                      currency: CurrencyCode? = nil) throws -> PriceQuote {
        try database.read(as: scope, in: .inventory) { access in
            let product = try Self.product(access, productId)
            let currency = currency ?? product.price.currency
            guard quantity.scale == product.decimals else {
                throw CoreError.invalid("quantity", "\(quantity): \(product.sku) is counted with \(product.decimals) decimals")
            }
            guard quantity.isPositive else { throw CoreError.invalid("quantity", "\(quantity): must be above zero") }
            var tiers = try Self.read(access, product)
            let price = tiers.price(for: quantity, tier: tier, currency: currency)
            if let price, let step = tiers.ladders[PriceTiers.Key(tier: tier, currency: currency)]?.last(where: { $0.minimumQuantity <= quantity }) {
                return try Self.quote(product, quantity, tier, tiers, price, .ladder(from: step.minimumQuantity))
            }
            if tier == .retail && currency == product.price.currency {
                // The sale price as a one-break ladder, so the line is rounded the same way.
                try tiers.set(.retail, currency: currency,
                              breaks: [PriceBreak(from: Quantity(units: 1, scale: product.decimals), unitPrice: product.price)])
                return try Self.quote(product, quantity, tier, tiers, product.price, .salePrice)
            }
            if let ladder = tiers.ladders[PriceTiers.Key(tier: tier, currency: currency)], let first = ladder.first {
                throw CoreError.rule("\(product.sku) has no \(tier) price in \(currency.code) for \(quantity) \(product.unit): its ladder starts at \(first.minimumQuantity)")
            }
            let priced = tiers.sortedLadders.map { "\($0.tier):\($0.currency.code)" }
            throw CoreError.rule("\(product.sku) has no \(tier) price in \(currency.code)"
                + (priced.isEmpty ? " (it has only its sale price, retail \(product.price.currency.code))" : " (priced: \(priced.joined(separator: ", ")))"))
        }
    }

    // MARK: Inside a transaction

    /// Line-named problems of a ladder: quantities above zero in the product's scale, strictly
    /// ascending and not repeated; prices in `currency` and not negative; at most `maxBreaks`.
    static func problems(_ lines: [(line: Int, step: PriceBreak)], currency: CurrencyCode, decimals: Int) -> [FieldError] {
        var errors: [FieldError] = []
        func add(_ line: Int, _ message: String) { errors.append(FieldError(field: "line \(line)", message: message)) }
        if lines.count > maxBreaks { errors.append(FieldError(field: "lines", message: "at most \(maxBreaks) breaks per ladder (\(lines.count) given)")) }
        for (index, entry) in lines.enumerated() {
            let (line, step) = entry
            if step.minimumQuantity.scale != decimals {
                add(line, "\(step.minimumQuantity): quantities of this product have \(decimals) decimals")
                continue
            }
            if !step.minimumQuantity.isPositive { add(line, "quantity \(step.minimumQuantity) must be above zero") }
            if step.unitPrice.currency != currency {
                add(line, "price \(step.unitPrice.formattedWithCode) is not in \(currency.code)")
            } else if step.unitPrice.isNegative {
                add(line, "price \(step.unitPrice.formatted) must not be negative")
            }
            guard index > 0 else { continue }
            let previous = lines[index - 1]
            guard previous.step.minimumQuantity.scale == decimals else { continue }
            if step.minimumQuantity == previous.step.minimumQuantity {
                add(line, "quantity \(step.minimumQuantity) is already on line \(previous.line)")
            } else if step.minimumQuantity < previous.step.minimumQuantity {
                add(line, "quantity \(step.minimumQuantity) comes after \(previous.step.minimumQuantity): quantities must go up")
            }
        }
        return errors
    }

    static func product(_ access: ScopedDatabase, _ id: Int64) throws -> Product {
        try Product(row: access.table(Products.table, entity: Products.entity).requireRow(access.db, id: id))
    }

    /// The product's live ladders (bounded: `maxBreaks` per ladder, 500 rows in all).
    static func read(_ access: ScopedDatabase, _ product: Product) throws -> PriceTiers {
        let rows = try access.table(table, entity: "price").rows(
            access.db, where: SQL(sql: "product_id = ?", arguments: [product.id]), orderBy: "tier, currency, min_quantity", limit: 500)
        var grouped: [PriceTiers.Key: [PriceBreak]] = [:]
        for row in rows {
            let currency = try CurrencyCode(row["currency"] as String)
            let key = PriceTiers.Key(tier: tier(stored: row["tier"]), currency: currency)
            grouped[key, default: []].append(PriceBreak(from: Quantity(units: row["min_quantity"], scale: product.decimals),
                                                        unitPrice: Money(minor: row["unit_price_minor"], currency: currency)))
        }
        var tiers = PriceTiers()
        for (key, breaks) in grouped { try tiers.set(key.tier, currency: key.currency, breaks: breaks) }
        return tiers
    }

    static func tier(stored text: String) -> PriceTier {
        switch text { case "retail": .retail; case "wholesale": .wholesale; default: .named(text) }
    }

    /// Replaces one ladder (none: removes it) of a product whose version the caller already
    /// bumped or just created; audits and publishes the change.
    static func write(_ access: ScopedDatabase, _ product: Product, tier: PriceTier, currency: CurrencyCode, breaks: [PriceBreak]) throws {
        let before = try read(access, product).ladders[PriceTiers.Key(tier: tier, currency: currency)] ?? []
        let scope = access.scope
        try access.db.execute(sql: """
            UPDATE product_prices SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1
            WHERE org_id = ? AND product_id = ? AND tier = ? AND currency = ? AND deleted_at IS NULL
            """, arguments: [access.now, access.now, scope.userId, scope.orgId, product.id, tier.description, currency.code])
        let prices = access.table(table, entity: "price")
        for step in breaks {
            try prices.insert(access.db, by: scope.actor, at: access.now, values: [
                "product_id": product.id, "tier": tier.description, "currency": currency.code,
                "min_quantity": step.minimumQuantity.units, "unit_price_minor": step.unitPrice.minor,
            ])
        }
        let ladder = PriceLadder(tier: tier, currency: currency, breaks: breaks)
        let summary = breaks.isEmpty ? "removed the \(tier) \(currency.code) prices of \(product.sku)"
            : "set the \(tier) \(currency.code) prices of \(product.sku): \(ladder.summary)"
        try access.audit(Products.entity, id: product.id, uid: product.uid, .update, summary,
                         before: json(tier, currency, before), after: json(tier, currency, breaks))
        try EventOutbox.publish(access.db, orgId: scope.orgId, type: changedEvent, payload: ChangedPayload(
            productId: product.id, productUid: product.uid, sku: product.sku, tier: tier.description, currency: currency.code,
            breaks: breaks.count), at: access.now)
    }

    static func json(_ tier: PriceTier, _ currency: CurrencyCode, _ breaks: [PriceBreak]) -> JSONValue {
        .object(["tier": .string(tier.description), "currency": .string(currency.code),
                 "breaks": .array(breaks.map { .object(["min_quantity": .string($0.minimumQuantity.description),
                                                         "unit_price": .string($0.unitPrice.decimalString)]) })])
    }

    private static func quote(_ product: Product, _ quantity: Quantity, _ tier: PriceTier, _ tiers: PriceTiers, _ price: Money,
                              _ source: PriceQuote.Source) throws -> PriceQuote {
        let key = source == .salePrice ? PriceTier.retail : tier
        guard let total = try tiers.lineTotal(for: quantity, tier: key, currency: price.currency) else {
            throw CoreError.storage("no line total for a quoted price")
        }
        return PriceQuote(product: product, quantity: quantity, tier: tier, currency: price.currency, unitPrice: price,
                          lineTotal: total, source: source)
    }

    struct ChangedPayload: Encodable {
        var productId: Int64
        var productUid: String
        var sku: String
        var tier: String
        var currency: String
        var breaks: Int
    }
}

extension AppDatabase {
    public var productPrices: ProductPrices { ProductPrices(database: self) }
}
