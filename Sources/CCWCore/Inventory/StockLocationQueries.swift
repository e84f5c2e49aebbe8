import CCWDomain
import GRDB

/// One location of a product: a bin and batch in a warehouse, or the warehouse's unassigned
/// stock (empty bin and batch: the total minus the bin and batch rows).
public struct StockLocationLine: Sendable, Hashable {
    public var productId: Int64
    public var sku: String
    public var warehouseId: Int64
    public var warehouseCode: String
    public var bin: String
    public var batch: String
    /// The batch's expiry (batch-tracked products).
    public var expiry: String?
    public var level: StockLevel

    /// What is on hand at the location.
    public var onHand: Quantity { level.onHand }

    /// "BER-1", "BER-1/A-12-3", "BER-1/A-12-3 batch L7".
    public var label: String {
        var text = warehouseCode
        if !bin.isEmpty { text += "/\(bin)" }
        if !batch.isEmpty { text += " batch \(batch)" }
        return text
    }
}

/// A document's reservation at one location.
public struct StockReservationLine: Sendable, Hashable {
    public var productId: Int64
    public var sku: String
    public var warehouseId: Int64
    public var warehouseCode: String
    public var bin: String
    public var batch: String
    public var reserved: Quantity
    /// The document holding it (set when listing a place's reservations).
    public var document: StockDocument? = nil
}

extension StockQueries {
    /// The stock of a product by location: every bin/batch row (zero ones too: the bin is
    /// known), and each warehouse's unassigned stock when it is not zero. Ordered by
    /// warehouse code, bin, batch; served by the `stock_levels` unique key.
    public func locations(_ scope: Scope, productId: Int64, warehouseId: Int64? = nil) throws -> [StockLocationLine] {
        try database.read(as: scope, in: .inventory) { access in
            let product = try Product(row: try access.table("products", entity: "product").requireRow(access.db, id: productId,
                                                                                                      includingDeleted: true))
            var condition: SQL = "l.org_id = \(scope.orgId) AND l.product_id = \(productId)"
            if let warehouseId { condition += " AND l.warehouse_id = \(warehouseId)" }
            let request: SQL = """
                SELECT l.*, w.code, b.expiry FROM stock_levels l
                JOIN warehouses w ON w.id = l.warehouse_id AND w.org_id = l.org_id
                LEFT JOIN batches b ON b.org_id = l.org_id AND b.product_id = l.product_id AND b.batch_number = l.batch
                WHERE \(condition) ORDER BY w.code, l.bin, l.batch
                """
            let scale = product.decimals
            var totals: [Int64: (line: StockLocationLine, onHand: Int64, allocated: Int64)] = [:]
            var lines: [StockLocationLine] = []
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)) {
                let onHand: Int64 = row["on_hand"], allocated: Int64 = row["allocated"]
                let line = StockLocationLine(productId: productId, sku: product.sku, warehouseId: row["warehouse_id"], warehouseCode: row["code"],
                                             bin: row["bin"], batch: row["batch"], expiry: row["expiry"],
                                             level: StockLevel(onHand: Quantity(units: onHand, scale: scale),
                                                               allocated: Quantity(units: allocated, scale: scale)))
                if line.bin.isEmpty && line.batch.isEmpty {
                    totals[line.warehouseId, default: (line, 0, 0)].line = line
                    totals[line.warehouseId]!.onHand += onHand
                    totals[line.warehouseId]!.allocated += allocated
                } else {
                    lines.append(line)
                    totals[line.warehouseId, default: (line, 0, 0)].onHand -= onHand
                    totals[line.warehouseId]!.allocated -= allocated
                }
            }
            for (_, total) in totals where total.onHand != 0 || total.allocated != 0 {
                var line = total.line
                line.bin = ""
                line.batch = ""
                line.expiry = nil
                line.level = StockLevel(onHand: Quantity(units: total.onHand, scale: scale), allocated: Quantity(units: total.allocated, scale: scale))
                lines.append(line)
            }
            return lines.sorted { ($0.warehouseCode, $0.bin, $0.batch) < ($1.warehouseCode, $1.bin, $1.batch) }
        }
    }

    /// The bins known at a warehouse (anything was ever put there), in code order.
    public func bins(_ scope: Scope, warehouseId: Int64, limit: Int = 1000) throws -> [String] {
        try database.read(as: scope, in: .inventory) { access in
            try String.fetchAll(access.db, sql: """
                SELECT DISTINCT bin FROM stock_levels WHERE org_id = ? AND warehouse_id = ? AND bin <> '' ORDER BY bin LIMIT ?
                """, arguments: [scope.orgId, warehouseId, max(1, min(limit, 10_000))])
        }
    }

    /// What a document holds reserved, per product and location (only locations still holding some).
    public func reservations(_ scope: Scope, document: StockDocument) throws -> [StockReservationLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT m.product_id, p.sku, p.decimals, m.warehouse_id, w.code, m.bin, m.batch, SUM(m.allocated_change) AS reserved
                FROM stock_movements m
                JOIN products p ON p.id = m.product_id AND p.org_id = m.org_id
                JOIN warehouses w ON w.id = m.warehouse_id AND w.org_id = m.org_id
                WHERE m.org_id = ? AND m.document_kind = ? AND m.document_id = ?
                GROUP BY m.product_id, m.warehouse_id, m.bin, m.batch HAVING SUM(m.allocated_change) <> 0
                ORDER BY p.sku, w.code, m.bin, m.batch
                """, arguments: [scope.orgId, document.kind.rawValue, document.id]).map { row in
                StockReservationLine(productId: row["product_id"], sku: row["sku"], warehouseId: row["warehouse_id"],
                                     warehouseCode: row["code"], bin: row["bin"], batch: row["batch"],
                                     reserved: Quantity(units: row["reserved"], scale: row["decimals"]))
            }
        }
    }

    /// What is reserved of a product at one warehouse, per document and location (only
    /// reservations still holding some), documents in name order.
    public func reservations(_ scope: Scope, productId: Int64, warehouseId: Int64, limit: Int = 200) throws -> [StockReservationLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT m.product_id, p.sku, p.decimals, m.warehouse_id, w.code, m.bin, m.batch, m.document_kind, m.document_id,
                       SUM(m.allocated_change) AS reserved
                FROM stock_movements m
                JOIN products p ON p.id = m.product_id AND p.org_id = m.org_id
                JOIN warehouses w ON w.id = m.warehouse_id AND w.org_id = m.org_id
                WHERE m.org_id = ? AND m.product_id = ? AND m.warehouse_id = ? AND m.document_kind IS NOT NULL
                GROUP BY m.document_kind, m.document_id, m.bin, m.batch HAVING SUM(m.allocated_change) <> 0
                ORDER BY m.document_kind, m.document_id, m.bin, m.batch LIMIT ?
                """, arguments: [scope.orgId, productId, warehouseId, max(1, min(limit, 1000))]).map { row in
                StockReservationLine(productId: row["product_id"], sku: row["sku"], warehouseId: row["warehouse_id"],
                                     warehouseCode: row["code"], bin: row["bin"], batch: row["batch"],
                                     reserved: Quantity(units: row["reserved"], scale: row["decimals"]),
                                     document: try? StockDocument(kind: StockDocument.Kind(rawValue: row["document_kind"]) ?? .order,
                                                                  id: row["document_id"]))
            }
        }
    }
}
