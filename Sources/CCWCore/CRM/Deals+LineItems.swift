import CCWDomain
import GRDB

/// A deal's products and services (the seed's DealLineItem).
///
/// The list is saved as a whole: the lines given replace the stored ones (old lines are
/// soft-deleted, so the audit row and the database keep them), each line's total is stored
/// as computed by `DealLineItem.lineTotal` with the organization's rounding (half away from
/// zero), and the deal's value becomes the lines' total. The deal's version guards the list.
extension Deals {
    public func setLineItems(_ scope: Scope, id: DealID, items: [DealLineItem], expectedVersion: Int64) throws -> DealRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let before = try Self.require(access, id)
            var deal = before.deal
            deal.lineItems = items.enumerated().map { index, item in
                var item = item
                item.id = nil
                if item.sortOrder == 0 { item.sortOrder = index + 1 }
                return item
            }
            if !deal.lineItems.isEmpty { deal = try deal.valuedFromLineItems() }
            try CRMStore.check(deal.validate(in: try Pipelines.pipeline(access, deal.pipelineID)))
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: ["value_minor": deal.value.minor],
                                    entity: Self.entity, at: access.now)
            try access.db.execute(sql: """
                UPDATE deal_line_items SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1
                WHERE org_id = ? AND deal_id = ? AND deleted_at IS NULL
                """, arguments: [access.now, access.now, scope.userId, scope.orgId, id.rawValue])
            try Self.writeLineItems(access, deal: id, deal.lineItems)
            try access.audit(Self.entity, id: id.rawValue, uid: before.stamp.uid, .update,
                             "deal \(deal.name): \(deal.lineItems.count) line item(s), value \(deal.value.formattedWithCode)",
                             before: Self.linesJSON(before.deal.lineItems), after: Self.linesJSON(deal.lineItems))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.deal.updated",
                                    payload: CRMStore.payload(id: id.rawValue, uid: before.stamp.uid))
            return try Self.require(access, id)
        }
    }

    static func writeLineItems(_ access: ScopedDatabase, deal: DealID, _ items: [DealLineItem]) throws {
        let lines = access.table("deal_line_items")
        for item in items {
            let total = try item.lineTotal(rounding: .halfAwayFromZero)
            try lines.insert(access.db, by: access.scope.actor, at: access.now,
                             values: DealRecord.lineColumns(item, deal: deal, total: total))
        }
    }

    static func linesJSON(_ items: [DealLineItem]) -> [JSONValue] {
        items.map { item in
            .object(["description": .string(item.description), "quantity": .string(item.quantity.description),
                     "unit_price_minor": .int(item.unitPrice.minor), "currency": .string(item.currency.code),
                     "line_total_minor": .int((try? item.lineTotal().minor) ?? 0)])
        }
    }
}
