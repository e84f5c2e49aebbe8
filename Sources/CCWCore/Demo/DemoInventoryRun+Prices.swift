import CCWDomain

extension DemoInventory.Run {
    // MARK: Prices (after the history)

    /// Wholesale ladders with quantity breaks for the office shelves' counted products (from 1,
    /// 10 and 50 units at 85, 80 and 75 % of the sale price, to the cent), and a distributor
    /// ladder for the copy papers, written through `ProductPrices` like a clerk would.
    mutating func prices() throws {
        let shelves: Set<String> = ["PAP", "WRI", "MRK", "PKG"]
        let chosen = items.filter { shelves.contains($0.shelf) && $0.product.decimals == 0 && $0.serialPrefix == nil }
        for (index, item) in chosen.enumerated() where index % 2 == 0 {
            let product = try database.products.get(scope, id: item.product.id)
            let breaks = [(1, 85), (10, 80), (50, 75)].map { quantity, percent in
                PriceBreak(from: Quantity(Int64(quantity)), unitPrice: money(product.price.minor * Int64(percent) / 100))
            }
            later(0...1)
            var saved = try database.productPrices.replace(scope, productId: product.id, tier: .wholesale, currency: product.price.currency,
                                                           breaks: breaks, expectedVersion: product.version)
            if product.name.hasPrefix("Copy paper") {
                later(0...1)
                saved = try database.productPrices.replace(scope, productId: product.id, tier: .named("distributor"),
                                                           currency: product.price.currency,
                                                           breaks: [PriceBreak(from: Quantity(100), unitPrice: money(product.price.minor * 70 / 100)),
                                                                    PriceBreak(from: Quantity(500), unitPrice: money(product.price.minor * 65 / 100))],
                                                           expectedVersion: saved.version)
            }
        }
    }
}
