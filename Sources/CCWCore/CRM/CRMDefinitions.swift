import CCWDomain
import GRDB

/// A stored segment (saved contact filter).
public struct SegmentRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var segment: Segment
    public var id: Int64 { stamp.id }
}

/// A stored lead-scoring rule with its place in the evaluation order.
public struct ScoringRuleRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var rule: ScoringRule
    public var position: Int
    public var id: Int64 { stamp.id }
}

/// Definitions an organization edits for its CRM: segments (saved filters, FR-1.1) and
/// lead-scoring rules (FR-1.5), each stored as the domain value's JSON and checked by its
/// `validate()`. Adding needs CRM `create`, removing CRM `delete`; both are audited.
public struct CRMDefinitions: Sendable {
    let database: AppDatabase

    public func addSegment(_ scope: Scope, _ segment: Segment) throws -> SegmentRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            try CRMStore.check(segment.validate())
            var stored = segment
            stored.id = nil
            let inserted = try access.table("segments").insert(access.db, by: access.scope.actor, at: access.now, values: [
                "name": segment.name.trimmingCharacters(in: .whitespaces), "definition": try CanonicalJSON.encode(stored),
            ])
            try access.audit("segment", id: inserted.id, uid: inserted.uid, .create, "segment \(segment.name): \(segment.summary)")
            return try Self.segments(access, id: inserted.id).first!
        }
    }

    /// Every live segment by name.
    public func segments(_ scope: Scope) throws -> [SegmentRecord] {
        try database.read(as: scope, in: .crm) { access in try Self.segments(access, id: nil) }
    }

    public func deleteSegment(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            try SoftDelete.delete(access, table: "segments", id: id, expectedVersion: expectedVersion, entity: "segment",
                                  summary: "segment #\(id) deleted")
        }
    }

    /// Appends a rule at the end of the evaluation order.
    public func addScoringRule(_ scope: Scope, _ rule: ScoringRule) throws -> ScoringRuleRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            try CRMStore.check(rule.validate())
            let position = (try Int.fetchOne(access.db, sql: "SELECT MAX(position) FROM lead_scoring_rules WHERE org_id = ?",
                                             arguments: [scope.orgId]) ?? 0) + 1
            let inserted = try access.table("lead_scoring_rules").insert(access.db, by: access.scope.actor, at: access.now, values: [
                "name": rule.name.trimmingCharacters(in: .whitespaces), "condition": try CanonicalJSON.encode(rule.condition),
                "points": rule.points, "enabled": rule.enabled, "position": position,
            ])
            try access.audit("scoring rule", id: inserted.id, uid: inserted.uid, .create,
                             "lead scoring rule \(rule.name): \(rule.condition) → \(rule.points) points")
            try LeadScoreRefresh.request(access)
            return try Self.rules(access).first { $0.id == inserted.id }!
        }
    }

    /// Every live rule in evaluation order.
    public func scoringRules(_ scope: Scope) throws -> [ScoringRuleRecord] {
        try database.read(as: scope, in: .crm) { access in try Self.rules(access) }
    }

    public func deleteScoringRule(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            try SoftDelete.delete(access, table: "lead_scoring_rules", id: id, expectedVersion: expectedVersion,
                                  entity: "scoring rule", summary: "lead scoring rule #\(id) deleted")
            try LeadScoreRefresh.request(access)
        }
    }

    static func segments(_ access: ScopedDatabase, id: Int64?) throws -> [SegmentRecord] {
        let condition: SQL? = id.map { "segments.id = \($0)" }
        return try access.table("segments").rows(access.db, where: condition, orderBy: "segments.name, segments.id").map { row in
            var segment = try CanonicalJSON.decode(Segment.self, from: row["definition"])
            segment.id = row["id"]
            return SegmentRecord(stamp: RowStamp(row: row), segment: segment)
        }
    }

    static func rules(_ access: ScopedDatabase) throws -> [ScoringRuleRecord] {
        try access.table("lead_scoring_rules").rows(access.db, orderBy: "position, id").map { row in
            let condition = try CanonicalJSON.decode(ScoringRule.Condition.self, from: row["condition"])
            let rule = ScoringRule(id: row["id"], name: row["name"], condition: condition, points: row["points"], enabled: row["enabled"])
            return ScoringRuleRecord(stamp: RowStamp(row: row), rule: rule, position: row["position"])
        }
    }
}

extension AppDatabase {
    public var crmDefinitions: CRMDefinitions { CRMDefinitions(database: self) }
}
