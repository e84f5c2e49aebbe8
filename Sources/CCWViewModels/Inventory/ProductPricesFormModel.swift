import CCWCore
import CCWDomain

/// The price form of one product: the ladder of one tier in one currency, typed as lines
/// "quantity price" (`10 9.00`: from 10 units upward each costs 9.00). Every wrong line is
/// named at once ("line 2: quantity 5 comes after 10: quantities must go up"); saving with
/// every line blank removes the ladder after the screen confirms it. The product's version
/// guards the save (reload theirs / keep mine).
public final class ProductPricesFormModel {
    public enum Intent: Sendable {
        case set(String, String)
        case save
        /// Removes the ladder of the tier and currency in the fields (after confirmation).
        case remove
        case reloadTheirs
        case keepMine
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(Product)
        case removed(Product)
        /// Every line is blank: the screen asks before sending `.remove`.
        case confirmRemove(String)
        case invalid
        case conflict(String)
        case failed(String)
    }

    public static let tierField = "tier"
    public static let currencyField = "currency"
    public static let lineCount = 8
    public static var lineFields: [String] { (1...lineCount).map { "line \($0)" } }
    public static var fields: [String] { [tierField, currencyField] + lineFields }

    public let session: AppSession
    public private(set) var product: Product
    /// Every ladder of the product, as read when the form opened (or reloaded).
    public private(set) var ladders: [PriceLadder] = []
    public private(set) var values: [String: String] = [:]
    public private(set) var errors: [String: String] = [:]
    public private(set) var lastOutcome: Outcome = .none
    private var initial: [String: String] = [:]
    private var conflictVersion: Int64?

    /// Opens the ladder of `tier` in `currency` (default: wholesale in the product's currency).
    public init(session: AppSession, product: Product, tier: PriceTier = .wholesale, currency: CurrencyCode? = nil) {
        self.session = session
        self.product = product
        ladders = (try? session.database.productPrices.tiers(session.scope, productId: product.id).sortedLadders) ?? []
        fill(tier: tier, currency: currency ?? product.price.currency)
    }

    public var isDirty: Bool { values != initial }
    public func value(_ field: String) -> String { values[field] ?? "" }

    /// "wholesale EUR" for each ladder the product has, for a picker.
    public var ladderNames: [String] { ladders.map { "\($0.tier) \($0.currency.code)" } }

    /// Existing tier names for suggestions: retail, wholesale and the product's named tiers.
    public var tierSuggestions: [String] {
        var names = ["retail", "wholesale"]
        for l in ladders where !names.contains(l.tier.description) { names.append(l.tier.description) }
        return names
    }

    public func send(_ intent: Intent) {
        switch intent {
        case let .set(field, text):
            values[field] = text
            errors[field] = nil
            lastOutcome = .none
        case .save: save(expected: product.version, removing: false)
        case .remove: save(expected: conflictVersion ?? product.version, removing: true)
        case .keepMine: save(expected: conflictVersion, removing: false)
        case .reloadTheirs:
            do {
                product = try session.database.products.get(session.scope, id: product.id)
                ladders = try session.database.productPrices.tiers(session.scope, productId: product.id).sortedLadders
                let tier = (try? PriceLadderText.tier(value(Self.tierField))) ?? .wholesale
                let currency = (try? CurrencyCode(value(Self.currencyField))) ?? product.price.currency
                fill(tier: tier, currency: currency)
                lastOutcome = .none
            } catch {
                lastOutcome = .failed(describe(error))
            }
        }
    }

    private func fill(tier: PriceTier, currency: CurrencyCode) {
        let breaks = ladders.first { $0.tier == tier && $0.currency == currency }?.breaks ?? []
        values = [Self.tierField: tier.description, Self.currencyField: currency.code]
        for (i, field) in Self.lineFields.enumerated() { values[field] = i < breaks.count ? PriceLadderText.text(breaks[i]) : "" }
        initial = values
        errors = [:]
        conflictVersion = nil
    }

    private func save(expected: Int64?, removing: Bool) {
        lastOutcome = .none
        errors = [:]
        guard let expected else { return }
        var problems: [String: String] = [:]
        var tier: PriceTier?, currency: CurrencyCode?
        do { tier = try PriceLadderText.tier(value(Self.tierField)) } catch { problems[Self.tierField] = describe(error) }
        do { currency = try CurrencyCode(value(Self.currencyField)) } catch { problems[Self.currencyField] = describe(error) }
        let lines = Self.lineFields.map(value)
        let blank = lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        var breaks: [PriceBreak] = []
        if let currency, !blank, !removing {
            do {
                breaks = try PriceLadderText.breaks(lines, currency: currency, decimals: product.decimals, unit: product.unit)
            } catch let error as ValidationErrors {
                for e in error.errors where problems[Self.field(e.field)] == nil { problems[Self.field(e.field)] = e.message }
            } catch {
                problems[Self.lineFields[0]] = describe(error)
            }
        }
        guard problems.isEmpty, let tier, let currency else { errors = problems; lastOutcome = .invalid; return }
        if blank && !removing {
            guard ladders.contains(where: { $0.tier == tier && $0.currency == currency }) else {
                errors[Self.lineFields[0]] = "type at least one line: a quantity and a unit price, e.g. 1 10.00"
                lastOutcome = .invalid
                return
            }
            lastOutcome = .confirmRemove("Remove the \(tier) \(currency.code) prices of \(product.sku)?")
            return
        }
        let prices = session.database.productPrices, scope = session.scope
        do {
            if removing {
                product = try prices.remove(scope, productId: product.id, tier: tier, currency: currency, expectedVersion: expected)
            } else {
                product = try prices.replace(scope, productId: product.id, tier: tier, currency: currency, breaks: breaks,
                                             expectedVersion: expected)
            }
            ladders = try prices.tiers(scope, productId: product.id).sortedLadders
            fill(tier: tier, currency: currency)
            lastOutcome = removing ? .removed(product) : .saved(product)
        } catch CoreError.conflict(let info) {
            conflictVersion = info.currentVersion
            lastOutcome = .conflict("\(product.sku) was changed by \(info.changedBy ?? "a background job") at \(session.timestampText(info.changedAt)).")
        } catch CoreError.invalid(let fieldErrors) {
            for e in fieldErrors { errors[Self.field(e.field)] = e.message }
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    /// The form field a message names ("line 3", "lines", "tier", "currency").
    static func field(_ name: String) -> String {
        if fields.contains(name) { return name }
        return lineFields[0]
    }
}
