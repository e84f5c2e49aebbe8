import CCWDomain
import GRDB

/// Moving a deal between the stages of its pipeline (a card moved on the kanban).
///
/// `StageMove` decides probability, close date and lost reason; the store checks the version,
/// saves the deal, appends the stage history entry, audits the move and publishes
/// `crm.deal.stage_changed`, plus `deal.won` or `deal.lost` when the move closes the deal.
extension Deals {
    /// Moves the deal to `stage`. Entering a lost stage needs a `lostReason`: without one the
    /// move is refused with a field error on "lost reason" and nothing is written.
    public func move(_ scope: Scope, id: DealID, to stage: StageID, lostReason: String = "",
                     expectedVersion: Int64) throws -> DealRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let before = try Self.require(access, id)
            let pipeline = try Pipelines.pipeline(access, before.deal.pipelineID)
            let outcome: StageMove.Outcome
            do {
                outcome = try StageMove.move(before.deal, to: stage, in: pipeline, lostReason: lostReason,
                                             by: UserID(scope.userId), now: access.now,
                                             today: ZonedTime.date(at: access.now, in: scope.zone))
            } catch let error as StageMoveError {
                switch error {
                case .lostReasonRequired: throw CoreError.invalid("lost reason", error.description)
                case .unknownStage: throw CoreError.invalid("stage", error.description)
                case .alreadyThere: throw CoreError.rule(error.description)
                }
            }
            let deal = outcome.deal
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: [
                                        "stage_id": deal.stageID.rawValue,
                                        "probability": deal.probability.normalized.description,
                                        "actual_close_date": deal.actualCloseDate?.description,
                                        "lost_reason": deal.lostReason,
                                        "stage_entered_at": deal.stageEnteredAt,
                                    ], entity: Self.entity, at: access.now)
            try Self.appendHistory(access, outcome.entry)
            let from = pipeline.stage(before.deal.stageID)?.name ?? before.deal.stageID.description
            let target = pipeline.stage(stage)!
            var summary = "deal \(deal.name) moved from \(from) to \(target.name)"
            if !deal.lostReason.isEmpty { summary += " (lost: \(deal.lostReason))" }
            try access.audit(Self.entity, id: id.rawValue, uid: before.stamp.uid, .update, summary,
                             before: ["stage": from, "probability": before.deal.probability.description],
                             after: ["stage": target.name, "probability": deal.probability.description, "lost_reason": deal.lostReason])
            let payload = CRMStore.payload(id: id.rawValue, uid: before.stamp.uid, [
                "name": .string(deal.name), "from_stage": .string(from), "to_stage": .string(target.name),
                "value_minor": .int(deal.value.minor), "currency": .string(deal.currency.code),
            ])
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.deal.stage_changed", payload: payload)
            switch target.kind {
            case .won: try EventOutbox.publish(access.db, scope: access.scope, type: "deal.won", payload: payload)
            case .lost:
                var lost = payload
                lost["lost_reason"] = .string(deal.lostReason)
                try EventOutbox.publish(access.db, scope: access.scope, type: "deal.lost", payload: lost)
            case .open: break
            }
            return try Self.require(access, id)
        }
    }
}
