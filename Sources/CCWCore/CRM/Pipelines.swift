import CCWDomain
import GRDB

/// A stored pipeline: the domain value (with its stages) plus its row stamp.
public struct PipelineRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var pipeline: Pipeline
    public var isDefault: Bool

    public var id: PipelineID { pipeline.id }
    public var version: Int64 { stamp.version }
}

/// Sales pipelines and their stages (FR-1.4).
///
/// An organization gets a default pipeline with the seed's stages (`Pipeline.standard`) the
/// first time one is needed: the first deal added, or `defaultPipeline` called by a role that
/// may create in CRM. Stages are edited as a whole list (`updateStages`) checked by
/// `Pipeline.validate()`; the pipeline's version guards the list, so two managers editing
/// stages at once get a conflict. Permissions: CRM `view` to read, `edit` to change stages,
/// `create` to add a pipeline.
public struct Pipelines: Sendable {
    let database: AppDatabase

    static let table = "pipelines"
    static let entity = "pipeline"

    /// The organization's default pipeline, created with the standard stages on first use.
    public func defaultPipeline(_ scope: Scope) throws -> PipelineRecord {
        if let existing = try database.read(as: scope, in: .crm, { access in try Self.defaultRecord(access) }) {
            return existing
        }
        return try database.write(as: scope, .create, in: .crm) { access in
            _ = try Self.ensureDefault(access)
            return try Self.defaultRecord(access)!
        }
    }

    /// Every live pipeline, the default first, then by name.
    public func list(_ scope: Scope) throws -> [PipelineRecord] {
        try database.read(as: scope, in: .crm) { access in try Self.records(access) }
    }

    public func get(_ scope: Scope, id: PipelineID) throws -> PipelineRecord {
        try database.read(as: scope, in: .crm) { access in try Self.record(access, id) }
    }

    /// Adds a pipeline with its stages (the stage ids given are ignored and assigned here).
    public func add(_ scope: Scope, name: String, stages: [Stage]) throws -> PipelineRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            try CRMStore.check(Pipeline(id: 0, name: name, stages: stages).validate())
            let isFirst = try access.table(Self.table).count(access.db) == 0
            let id = try Self.insert(access, name: name, stages: stages, isDefault: isFirst)
            return try Self.record(access, id)
        }
    }

    /// Replaces the pipeline's name and stage list. A stage whose id is one of this pipeline's
    /// stages is updated; a stage with any other id is added; a stage left out is removed,
    /// refused while live deals are in it.
    public func updateStages(_ scope: Scope, id: PipelineID, name: String, stages: [Stage],
                             expectedVersion: Int64) throws -> PipelineRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let before = try Self.record(access, id)
            try CRMStore.check(Pipeline(id: id, name: name, stages: stages).validate())
            let existing = Set(before.pipeline.stages.map(\.id))
            let kept = Set(stages.map(\.id)).intersection(existing)
            for stage in before.pipeline.stages where !kept.contains(stage.id) {
                let deals = try access.table("deals").count(access.db, where: SQL(sql: "deals.stage_id = ?", arguments: [stage.id.rawValue]))
                if deals > 0 {
                    throw CoreError.rule("stage \"\(stage.name)\" still holds \(deals) deal(s); move them before removing the stage")
                }
                try access.db.execute(sql: "UPDATE pipeline_stages SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND org_id = ?",
                                      arguments: [access.now, access.now, scope.userId, stage.id.rawValue, scope.orgId])
            }
            for stage in stages {
                if kept.contains(stage.id) {
                    try access.db.execute(sql: """
                        UPDATE pipeline_stages SET name = ?, position = ?, default_probability = ?, kind = ?,
                            updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND org_id = ?
                        """, arguments: [stage.name, stage.order, stage.defaultProbability.normalized.description, stage.kind.rawValue,
                                         access.now, scope.userId, stage.id.rawValue, scope.orgId])
                } else {
                    try Self.insertStage(access, pipeline: id, stage)
                }
            }
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: ["name": name.trimmingCharacters(in: .whitespaces)],
                                    entity: Self.entity, at: access.now)
            let after = try Self.record(access, id)
            try access.audit(Self.entity, id: id.rawValue, uid: after.stamp.uid, .update, "pipeline \(name) stages edited",
                             before: Self.summary(before.pipeline), after: Self.summary(after.pipeline))
            return after
        }
    }

    // MARK: Inside a transaction

    /// The default pipeline, created with the standard stages when the organization has none.
    static func ensureDefault(_ access: ScopedDatabase) throws -> Pipeline {
        if let record = try defaultRecord(access) { return record.pipeline }
        let standard = Pipeline.standard()
        let id = try insert(access, name: standard.name, stages: standard.stages, isDefault: true)
        return try pipeline(access, id)
    }

    static func insert(_ access: ScopedDatabase, name: String, stages: [Stage], isDefault: Bool) throws -> PipelineID {
        let inserted = try access.table(table).insert(access.db, by: access.scope.actor, at: access.now,
                                                      values: ["name": name.trimmingCharacters(in: .whitespaces), "is_default": isDefault])
        for stage in stages { try insertStage(access, pipeline: PipelineID(inserted.id), stage) }
        let created = try pipeline(access, PipelineID(inserted.id))
        try access.audit(entity, id: inserted.id, uid: inserted.uid, .create, "pipeline \(name) added", after: summary(created))
        return PipelineID(inserted.id)
    }

    static func insertStage(_ access: ScopedDatabase, pipeline: PipelineID, _ stage: Stage) throws {
        try access.table("pipeline_stages").insert(access.db, by: access.scope.actor, at: access.now, values: [
            "pipeline_id": pipeline.rawValue, "name": stage.name.trimmingCharacters(in: .whitespaces), "position": stage.order,
            "default_probability": stage.defaultProbability.normalized.description, "kind": stage.kind.rawValue,
        ])
    }

    static func defaultRecord(_ access: ScopedDatabase) throws -> PipelineRecord? {
        try records(access).first { $0.isDefault } ?? records(access).first
    }

    static func records(_ access: ScopedDatabase) throws -> [PipelineRecord] {
        try access.table(table).rows(access.db, orderBy: "is_default DESC, name, id").map { row in
            PipelineRecord(stamp: RowStamp(row: row), pipeline: try stages(access, row), isDefault: row["is_default"])
        }
    }

    static func record(_ access: ScopedDatabase, _ id: PipelineID) throws -> PipelineRecord {
        let row = try access.table(table, entity: entity).requireRow(access.db, id: id.rawValue)
        return PipelineRecord(stamp: RowStamp(row: row), pipeline: try stages(access, row), isDefault: row["is_default"])
    }

    static func pipeline(_ access: ScopedDatabase, _ id: PipelineID) throws -> Pipeline { try record(access, id).pipeline }

    /// Every live pipeline with its stages.
    static func all(_ access: ScopedDatabase) throws -> [Pipeline] { try records(access).map(\.pipeline) }

    private static func stages(_ access: ScopedDatabase, _ row: Row) throws -> Pipeline {
        let id: Int64 = row["id"]
        let stages = try access.table("pipeline_stages")
            .rows(access.db, where: SQL(sql: "pipeline_stages.pipeline_id = ?", arguments: [id]), orderBy: "position, id")
            .map { stage in
                Stage(id: StageID(stage["id"] as Int64), name: stage["name"], order: stage["position"],
                      defaultProbability: CRMStore.decimal(stage["default_probability"]) ?? .zero,
                      kind: StageKind(rawValue: stage["kind"]) ?? .open)
            }
        return Pipeline(id: PipelineID(id), name: row["name"], stages: stages)
    }

    /// The stage list as audit JSON: `["Lead 10% open", …]`.
    static func summary(_ pipeline: Pipeline) -> [String: JSONValue] {
        ["name": .string(pipeline.name),
         "stages": .array(pipeline.stages.map { .string("\($0.name) \($0.defaultProbability)% \($0.kind)") })]
    }
}

extension AppDatabase {
    public var pipelines: Pipelines { Pipelines(database: self) }
}
