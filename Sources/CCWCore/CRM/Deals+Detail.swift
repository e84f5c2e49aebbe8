import CCWDomain
import GRDB

/// Everything the deal detail shows, with the names its ids refer to.
public struct DealDetail: Sendable, Hashable {
    /// One move of the deal's stage history, with names instead of ids.
    public struct Move: Sendable, Hashable {
        public var entry: StageHistoryEntry
        /// nil for the entry that records where the deal started.
        public var fromStage: String?
        public var toStage: String
        public var movedBy: String
    }

    public var record: DealRecord
    public var pipeline: Pipeline
    public var companyName: String?
    /// Full names of the deal's contacts, in the deal's order.
    public var contactNames: [String]
    public var ownerLogin: String
    /// Oldest first.
    public var history: [Move]

    public var stage: Stage? { pipeline.stage(record.deal.stageID) }
}

extension Deals {
    /// The deal with its line items, contacts, company, owner and named stage history.
    public func detail(_ scope: Scope, id: DealID) throws -> DealDetail {
        try database.read(as: scope, in: .crm) { access in
            let record = try Self.require(access, id)
            let pipeline = try Pipelines.pipeline(access, record.deal.pipelineID)
            let history = try Self.history(access, id)
            let logins = try Self.logins(access, ids: history.map(\.movedBy) + [record.deal.ownerID])
            let company = try record.deal.companyID.flatMap { company in
                try String.fetchOne(access.db, sql: "SELECT name FROM companies WHERE org_id = ? AND id = ?",
                                    arguments: [scope.orgId, company.rawValue])
            }
            let contacts = try Row.fetchAll(access.db, sql: """
                SELECT c.first_name, c.last_name FROM deal_contacts dc JOIN contacts c ON c.id = dc.contact_id
                WHERE dc.org_id = ? AND dc.deal_id = ? ORDER BY dc.position, dc.id
                """, arguments: [scope.orgId, id.rawValue])
                .map { [$0["first_name"] as String, $0["last_name"] as String].filter { !$0.isEmpty }.joined(separator: " ") }
            let stageNames = Dictionary(uniqueKeysWithValues: pipeline.stages.map { ($0.id, $0.name) })
            // Stages removed from the pipeline since keep their stored name.
            let removed = try Self.stageNames(access, ids: history.flatMap { [$0.fromStageID, $0.toStageID].compactMap { $0 } }
                .filter { stageNames[$0] == nil })
            func name(_ stage: StageID) -> String { stageNames[stage] ?? removed[stage] ?? stage.description }
            let moves = history.map { entry in
                DealDetail.Move(entry: entry, fromStage: entry.fromStageID.map(name), toStage: name(entry.toStageID),
                                movedBy: logins[entry.movedBy] ?? "")
            }
            return DealDetail(record: record, pipeline: pipeline, companyName: company, contactNames: contacts,
                              ownerLogin: logins[record.deal.ownerID] ?? "", history: moves)
        }
    }

    /// The logins of the given users (deal owners, who moved a deal), for screens that show
    /// them beside deals; readable with CRM view alone.
    public func ownerLogins(_ scope: Scope, ids: some Collection<UserID>) throws -> [UserID: String] {
        try database.read(as: scope, in: .crm) { access in try Self.logins(access, ids: Array(ids)) }
    }

    /// Logins of members of the scope's organization (users are shared between organizations,
    /// so the membership keeps another organization's users out).
    static func logins(_ access: ScopedDatabase, ids: [UserID]) throws -> [UserID: String] {
        let unique = Array(Set(ids.map(\.rawValue)))
        guard !unique.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: unique.count).joined(separator: ",")
        let rows = try Row.fetchAll(access.db, sql: """
            SELECT u.id, u.login FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = ?
            WHERE u.id IN (\(marks))
            """, arguments: StatementArguments([access.scope.orgId] + unique))
        return Dictionary(rows.map { (UserID($0["id"] as Int64), $0["login"] as String) }, uniquingKeysWith: { a, _ in a })
    }

    static func stageNames(_ access: ScopedDatabase, ids: [StageID]) throws -> [StageID: String] {
        let unique = Array(Set(ids.map(\.rawValue)))
        guard !unique.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: unique.count).joined(separator: ",")
        let rows = try Row.fetchAll(access.db, sql: "SELECT id, name FROM pipeline_stages WHERE org_id = ? AND id IN (\(marks))",
                                    arguments: StatementArguments([access.scope.orgId] + unique))
        return Dictionary(uniqueKeysWithValues: rows.map { (StageID($0["id"] as Int64), $0["name"] as String) })
    }
}
