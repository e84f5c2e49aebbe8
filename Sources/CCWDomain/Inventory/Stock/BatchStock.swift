/// A batch (lot) of a product: goods made or received together, with an optional expiry date.
public struct Batch: Sendable, Hashable, Codable {
    public let number: String
    public let expiry: CalendarDate?
    public internal(set) var quantity: Quantity
    /// Order of first receipt, which breaks ties between batches that expire the same day.
    public let sequence: Int

    /// True when the batch is past its expiry on `date` (it expires at the end of its day).
    public func isExpired(on date: CalendarDate) -> Bool { expiry.map { $0 < date } ?? false }
}

/// One batch's share of a movement.
public struct BatchPick: Sendable, Hashable, Codable {
    public let batch: String
    public let quantity: Quantity
}

/// The batches of one product in one warehouse.
///
/// Issues without a named batch are picked FEFO (first expired, first out): earliest expiry
/// first, batches without expiry last, ties in the order the batches were first received.
/// Only units attributed to batches are tracked here; under the negative-stock policy an
/// issue may take more than the batches hold, and the rest is not attributed to a batch.
public struct BatchStock: Sendable, Hashable, Codable {
    public private(set) var batches: [String: Batch] = [:]
    private var nextSequence = 0

    public init() {}

    /// Batches with stock in FEFO order.
    public var fefoOrder: [Batch] {
        batches.values.filter { $0.quantity.isPositive }.sorted { a, b in
            switch (a.expiry, b.expiry) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.sequence < b.sequence
            }
        }
    }

    /// Batches with stock that expire on or before `date + horizonDays` (already expired ones
    /// included), earliest first: what to sell, use or write off soon.
    public func expiringSoon(on date: CalendarDate, horizonDays: Int) -> [Batch] {
        let limit = date.adding(days: horizonDays)
        return fefoOrder.filter { batch in batch.expiry.map { $0 <= limit } ?? false }
    }

    /// Batches with stock already past their expiry on `date`.
    public func expired(on date: CalendarDate) -> [Batch] { fefoOrder.filter { $0.isExpired(on: date) } }

    /// Adds goods to a batch, creating it on first receipt; a batch keeps the expiry it was
    /// first received with, and a different one is refused.
    public mutating func receive(_ quantity: Quantity, batch number: String, expiry: CalendarDate?) throws(StockError) {
        if let existing = batches[number] {
            guard existing.expiry == expiry else {
                throw .batchMismatch(batch: number, expiry: expiry, existing: existing.expiry)
            }
            batches[number]!.quantity += quantity
        } else {
            batches[number] = Batch(number: number, expiry: expiry, quantity: quantity, sequence: nextSequence)
            nextSequence += 1
        }
    }

    /// Takes goods from a named batch, or FEFO across batches when `batch` is nil. With
    /// `allowShort` (negative stock allowed) FEFO takes what the batches hold and leaves the
    /// rest unattributed; otherwise a shortage is refused.
    public mutating func issue(_ quantity: Quantity, batch number: String?, allowShort: Bool) throws(StockError) -> [BatchPick] {
        if let number {
            let held = batches[number]?.quantity ?? .zero(scale: quantity.scale)
            guard held >= quantity else { throw .batchShort(batch: number, requested: quantity, available: held) }
            batches[number]!.quantity -= quantity
            return [BatchPick(batch: number, quantity: quantity)]
        }
        var picks: [BatchPick] = []
        var remaining = quantity
        for batch in fefoOrder where remaining.isPositive {
            let take = Quantity.min(remaining, batch.quantity)
            batches[batch.number]!.quantity -= take
            picks.append(BatchPick(batch: batch.number, quantity: take))
            remaining -= take
        }
        if remaining.isPositive && !allowShort {
            for pick in picks { batches[pick.batch]!.quantity += pick.quantity }
            let held = picks.map(\.quantity).sum(scale: quantity.scale)
            throw .batchShort(batch: "(all batches)", requested: quantity, available: held)
        }
        return picks
    }

    /// Puts picked goods back into their batches (reversal of an issue).
    public mutating func restore(_ picks: [BatchPick]) {
        for pick in picks { batches[pick.batch]?.quantity += pick.quantity }
    }
}
