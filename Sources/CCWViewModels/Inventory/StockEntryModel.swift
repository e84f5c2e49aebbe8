import CCWCore
import CCWDomain
import Foundation

/// The scanner entry screen (Inventory › Entry): receive, issue, transfer and count one item
/// after another. The code field has focus; a scan (or a typed SKU or barcode) then Enter
/// books the line at once with quantity 1, or with what was typed in the quantity field, and
/// clears the line for the next item. Mode, warehouse and bin stay as they are between items.
/// Scanning the same code again in a row adds to the newest line of the session list; undo
/// reverses the bookings of the newest line (never edits them). Count mode needs the counted
/// quantity: the difference to the book quantity of the bin is posted. A batch typed in the
/// location bar applies to every item until cleared (batch-tracked products need one to be
/// received or counted; issued without one they leave first-expired-first-out).
public final class StockEntryModel {
    public enum Mode: String, CaseIterable, Sendable {
        case receive, issue, transfer, count

        public var title: String {
            switch self {
            case .receive: "Receive"
            case .issue: "Issue"
            case .transfer: "Transfer"
            case .count: "Count"
            }
        }

        /// The key that chooses the mode while the code field is empty (never the first
        /// character of a SKU or barcode).
        public var key: Character {
            switch self {
            case .receive: "+"
            case .issue: "-"
            case .transfer: ">"
            case .count: "="
            }
        }
    }

    /// The fields of the entry line and the location bar, in Tab order.
    public enum Field: String, CaseIterable, Sendable {
        case code, quantity, cost, mode, warehouse, bin, batch, toWarehouse, toBin

        public var label: String {
            switch self {
            case .code: "Code"
            case .quantity: "Qty"
            case .cost: "Unit cost"
            case .mode: "Mode"
            case .warehouse: "Warehouse"
            case .bin: "Bin"
            case .batch: "Batch"
            case .toWarehouse: "To"
            case .toBin: "To bin"
            }
        }

        public var isText: Bool { self != .mode && self != .warehouse && self != .toWarehouse }
    }

    /// One line of the session list: what was booked (possibly several scans of one code).
    public struct Line: Sendable, Hashable {
        public var time: String
        public var mode: Mode
        public var productId: Int64
        public var sku: String
        public var name: String
        public var quantity: Quantity
        /// For counts: counted minus book quantity.
        public var difference: Quantity?
        public var location: String
        /// On hand at the location after the booking ("3 → 5" for a transfer: source → target).
        public var onHand: String
        /// The bookings of the line, oldest first (undo reverses them newest first), with the
        /// quantity each booked.
        public var bookingIds: [Int64]
        var bookedQuantities: [Quantity]
        public var undone: Bool = false
        /// Where the line was booked, to merge a repeated scan only at the same place.
        var placeKey: String
    }

    public enum Intent: Sendable {
        case setMode(Mode)
        /// A printable key while the code field is empty: a mode key chooses the mode, anything else is typed.
        case focus(Field)
        case focusNext
        case focusPrevious
        case setText(Field, String)
        /// Left/right on a choice field (mode, warehouses).
        case cycle(Field, forward: Bool)
        /// Enter: looks the code up and books the line (count mode: asks for the counted quantity first).
        case submit
        /// Reverses the bookings of the newest line still standing.
        case undoLast
    }

    public struct Message: Sendable, Hashable {
        public var text: String
        public var isError: Bool
    }

    public let session: AppSession
    public private(set) var mode: Mode = .receive
    public private(set) var focus: Field = .code
    public private(set) var values: [Field: String] = [:]
    public private(set) var warehouses: [Warehouse] = []
    public private(set) var warehouseIndex = 0
    public private(set) var toWarehouseIndex = 0
    /// The session's bookings, newest first (at most `maxLines`).
    public private(set) var lines: [Line] = []
    public private(set) var message: Message?
    /// The product the code field names, once looked up (its cost is the receipt default).
    public private(set) var product: Product?
    /// Set when the last submit or undo failed: the screen rings the bell.
    public private(set) var bellCount = 0

    public static let maxLines = 200

    public init(session: AppSession) {
        self.session = session
        reload()
    }

    public var canBook: Bool { session.can(.create, in: .inventory) }
    public var warehouse: Warehouse? { warehouses.indices.contains(warehouseIndex) ? warehouses[warehouseIndex] : nil }
    public var toWarehouse: Warehouse? { warehouses.indices.contains(toWarehouseIndex) ? warehouses[toWarehouseIndex] : nil }
    public func value(_ field: Field) -> String { values[field] ?? "" }

    /// The fields Tab visits in this mode.
    public var fields: [Field] {
        var list: [Field] = [.code, .quantity]
        if mode == .receive { list.append(.cost) }
        list += [.mode, .warehouse, .bin, .batch]
        if mode == .transfer { list += [.toWarehouse, .toBin] }
        return list
    }

    /// What the quantity field means in this mode.
    public var quantityLabel: String { mode == .count ? "Counted" : "Qty" }

    /// The placeholder of the unit cost field: the product's cost, used when left empty.
    public var costPlaceholder: String { product.map { $0.cost.formatted } ?? "as product" }

    /// Loads the warehouses (kept choices stay chosen by code).
    public func reload() {
        let chosen = warehouse?.code
        let target = toWarehouse?.code
        do {
            warehouses = try session.database.warehouses.list(session.scope)
        } catch {
            message = Message(text: describe(error), isError: true)
        }
        warehouseIndex = warehouses.firstIndex { $0.code == chosen } ?? 0
        toWarehouseIndex = warehouses.firstIndex { $0.code == target } ?? min(1, max(0, warehouses.count - 1))
        if warehouses.isEmpty {
            message = Message(text: "no warehouse yet: an administrator adds one first", isError: true)
        } else if message?.isError == true && lines.isEmpty {
            message = nil
        }
    }

    public func send(_ intent: Intent) {
        switch intent {
        case let .setMode(mode):
            self.mode = mode
            if !fields.contains(focus) { focus = .code }
            message = Message(text: "\(mode.title): scan or type a code, then Enter", isError: false)
        case let .focus(field):
            if fields.contains(field) { focus = field }
        case .focusNext: step(1)
        case .focusPrevious: step(-1)
        case let .setText(field, text):
            values[field] = text
            if field == .code, product.map({ !matches($0, text) }) ?? false { product = nil }
        case let .cycle(field, forward):
            cycle(field, forward: forward)
        case .submit: submit()
        case .undoLast: undoLast()
        }
    }

    private func step(_ delta: Int) {
        let list = fields
        let index = list.firstIndex(of: focus) ?? 0
        focus = list[(index + delta + list.count) % list.count]
    }

    private func cycle(_ field: Field, forward: Bool) {
        let delta = forward ? 1 : -1
        switch field {
        case .mode:
            let all = Mode.allCases
            send(.setMode(all[(all.firstIndex(of: mode)! + delta + all.count) % all.count]))
            focus = .mode
        case .warehouse where !warehouses.isEmpty:
            warehouseIndex = (warehouseIndex + delta + warehouses.count) % warehouses.count
        case .toWarehouse where !warehouses.isEmpty:
            toWarehouseIndex = (toWarehouseIndex + delta + warehouses.count) % warehouses.count
        default: break
        }
    }

    private func matches(_ product: Product, _ code: String) -> Bool {
        let typed = code.trimmingCharacters(in: .whitespaces).uppercased()
        return typed == product.sku || (product.barcode.map { typed == $0 || "0" + typed == $0 } ?? false)
    }

    private func fail(_ text: String, focus field: Field? = nil) {
        message = Message(text: text, isError: true)
        bellCount += 1
        if let field { focus = field }
    }

    // MARK: Booking

    private func submit() {
        guard focus == .code || focus == .quantity || focus == .cost || focus == .bin || focus == .toBin else {
            focus = .code
            return
        }
        let code = value(.code).trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            if focus != .code { focus = .code } else { fail("scan or type a SKU or barcode first") }
            return
        }
        guard canBook else { return fail("your role may not book stock") }
        guard let warehouse else { return fail("no warehouse to book in") }
        let product: Product
        do {
            product = try session.database.products.lookup(session.scope, code: code)
        } catch {
            return fail("unknown code \(code): no product has this SKU or barcode — nothing booked", focus: .code)
        }
        self.product = product
        let bin: String
        let toBin: String
        do {
            bin = try BinCode.optional(value(.bin))?.code ?? ""
        } catch { return fail(describe(error), focus: .bin) }
        do {
            toBin = try BinCode.optional(value(.toBin))?.code ?? ""
        } catch { return fail(describe(error), focus: .toBin) }
        let quantityText = value(.quantity).trimmingCharacters(in: .whitespaces)
        if mode == .count && quantityText.isEmpty {
            message = Message(text: "count \(product.sku) at \(place(warehouse.code, bin)): type the counted quantity, then Enter", isError: false)
            focus = .quantity
            return
        }
        let quantity: Quantity
        do {
            quantity = quantityText.isEmpty ? Quantity(units: Quantity.zero(scale: product.decimals).unitsPerWhole, scale: product.decimals)
                : try Quantity.parse(quantityText, scale: product.decimals, unitName: product.unit)
        } catch { return fail("\(quantityLabel.lowercased()) \(describe(error))", focus: .quantity) }
        if mode != .count && !quantity.isPositive { return fail("quantity must be above zero (got \(quantity))", focus: .quantity) }
        var cost = product.cost
        if mode == .receive, let text = value(.cost).trimmingCharacters(in: .whitespaces).nonEmpty {
            do { cost = try Money.parse(text, currency: product.cost.currency) } catch {
                return fail("unit cost \(describe(error))", focus: .cost)
            }
        }
        let kind: StockMovementRequest.Kind
        var location = place(warehouse.code, bin)
        if let batch = value(.batch).trimmingCharacters(in: .whitespaces).nonEmpty { location += " batch \(batch)" }
        switch mode {
        case .receive: kind = .receive(quantity, unitCost: cost)
        case .issue: kind = .issue(quantity, fromAllocation: false)
        case .count: kind = .count(counted: quantity)
        case .transfer:
            guard let target = toWarehouse else { return fail("choose the warehouse to transfer to", focus: .toWarehouse) }
            if target.id == warehouse.id && toBin == bin {
                return fail("a transfer needs another warehouse or bin: set To / To bin", focus: .toBin)
            }
            kind = .transfer(quantity, toWarehouse: target.id)
            location += " → " + place(target.code, toBin)
        }
        let batch = value(.batch).trimmingCharacters(in: .whitespaces)
        let request = StockMovementRequest(productId: product.id, warehouseId: warehouse.id, kind: kind,
                                           reference: "entry screen", batch: batch.isEmpty ? nil : batch, bin: bin, toBin: toBin)
        let result: StockBookingResult
        do {
            result = try session.database.stockBooking.book(session.scope, request)
        } catch {
            return fail(describe(error), focus: .code)
        }
        record(result, product: product, quantity: quantity, location: location, placeKey: "\(mode)|\(location)")
        values[.code] = ""
        values[.quantity] = ""
        values[.cost] = ""
        self.product = nil
        focus = .code
    }

    private func place(_ warehouse: String, _ bin: String) -> String { bin.isEmpty ? warehouse : "\(warehouse)/\(bin)" }

    private func record(_ result: StockBookingResult, product: Product, quantity: Quantity, location: String, placeKey: String) {
        let onHand: String
        let source = result.locations.first
        if mode == .transfer, let target = result.locations.last, result.locations.count > 1 {
            onHand = "\(source?.level.onHand.description ?? "?") → \(target.level.onHand)"
        } else {
            onHand = source?.level.onHand.description ?? "?"
        }
        let difference = mode == .count ? result.movements.last.map { $0.quantity } : nil
        let time = ZonedTime.format(session.clock.now(), in: session.scope.zone).split(separator: " ").last.map(String.init) ?? ""
        if mode != .count, var newest = lines.first, !newest.undone, newest.placeKey == placeKey, newest.productId == product.id {
            newest.quantity = newest.quantity + quantity
            newest.bookingIds.append(result.bookingId)
            newest.bookedQuantities.append(quantity)
            newest.onHand = onHand
            newest.time = time
            lines[0] = newest
            message = Message(text: "\(mode.title.lowercased()) \(product.sku): \(newest.quantity) in this line, on hand \(onHand)", isError: false)
            return
        }
        let line = Line(time: time, mode: mode, productId: product.id, sku: product.sku, name: product.name, quantity: quantity,
                        difference: difference, location: location, onHand: onHand, bookingIds: [result.bookingId],
                        bookedQuantities: [quantity], placeKey: placeKey)
        lines.insert(line, at: 0)
        if lines.count > Self.maxLines { lines.removeLast() }
        var text = "\(verb) \(quantity) \(product.unit) of \(product.sku) at \(location); on hand \(onHand)"
        if let difference { text = "counted \(quantity) of \(product.sku) at \(location): difference \(signed(difference)) posted" }
        if let alert = result.alerts.first { text += " — low stock: \(alert.level) available" }
        message = Message(text: text, isError: false)
    }

    private var verb: String {
        switch mode {
        case .receive: "received"
        case .issue: "issued"
        case .transfer: "moved"
        case .count: "counted"
        }
    }

    /// "+2", "-3", "0".
    public func signed(_ quantity: Quantity) -> String { quantity.isPositive ? "+\(quantity)" : quantity.description }

    /// The newest line that can still be undone.
    public var undoable: Line? { lines.first { !$0.undone } }

    private func undoLast() {
        guard let index = lines.firstIndex(where: { !$0.undone }) else { return fail("nothing to undo in this session") }
        let line = lines[index]
        while let id = lines[index].bookingIds.last {
            do {
                _ = try session.database.stockBooking.reverse(session.scope, movementId: id, reference: "undo on entry screen")
            } catch {
                return fail("cannot undo \(line.sku): \(describe(error))")
            }
            // a line of several scans shrinks scan by scan, so a refusal half-way leaves it true
            lines[index].bookingIds.removeLast()
            let part = lines[index].bookedQuantities.removeLast()
            if !lines[index].bookingIds.isEmpty { lines[index].quantity = lines[index].quantity - part }
        }
        lines[index].undone = true
        message = Message(text: "undone: \(line.mode.title.lowercased()) \(line.quantity) of \(line.sku) at \(line.location) (reversed)", isError: false)
        focus = .code
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
