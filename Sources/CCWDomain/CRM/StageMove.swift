import Foundation

/// One move of a deal from a stage to another: the deal's stage history (FR-1.7, "deal
/// history and audit trail"), also what win/loss analysis reads to know where deals were lost.
public struct StageHistoryEntry: Sendable, Hashable, Codable {
    public var dealID: DealID?
    /// nil for the entry that records where a new deal started.
    public var fromStageID: StageID?
    public var toStageID: StageID
    /// Milliseconds since 1970 UTC.
    public var movedAt: Int64
    public var movedBy: UserID
    public var probabilityBefore: ExactDecimal?
    public var probabilityAfter: ExactDecimal
    /// The reason given when the move entered a lost stage; empty otherwise.
    public var lostReason: String

    public init(dealID: DealID?, fromStageID: StageID?, toStageID: StageID, movedAt: Int64, movedBy: UserID,
                probabilityBefore: ExactDecimal?, probabilityAfter: ExactDecimal, lostReason: String = "") {
        self.dealID = dealID
        self.fromStageID = fromStageID
        self.toStageID = toStageID
        self.movedAt = movedAt
        self.movedBy = movedBy
        self.probabilityBefore = probabilityBefore
        self.probabilityAfter = probabilityAfter
        self.lostReason = lostReason
    }
}

/// Why a move was refused.
public enum StageMoveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Entering a lost stage needs a reason: the UI asks for one and tries again.
    case lostReasonRequired(stage: String)
    case unknownStage(StageID, pipeline: String)
    case alreadyThere(stage: String)

    public var description: String {
        switch self {
        case let .lostReasonRequired(stage): "moving to \"\(stage)\" needs a lost reason"
        case let .unknownStage(id, pipeline): "\(id) is not a stage of \"\(pipeline)\""
        case let .alreadyThere(stage): "the deal is already in \"\(stage)\""
        }
    }
}

/// Moving a deal between the stages of its pipeline (a card moved on the kanban).
public enum StageMove {
    /// The result of a move: the changed deal and the history entry to append.
    public struct Outcome: Sendable, Hashable {
        public var deal: Deal
        public var entry: StageHistoryEntry
    }

    /// Moves `deal` to stage `target` of `pipeline`.
    ///
    /// - Entering an open stage sets the stage's default probability, clears close date and
    ///   lost reason (a reopened deal is open again).
    /// - Entering a won stage sets probability 100 and the close date to `today`.
    /// - Entering a lost stage requires a non-empty `lostReason` (else
    ///   `StageMoveError.lostReasonRequired`), sets probability 0, the reason and the close date.
    /// - `stageEnteredAt` becomes `now`; the history entry records from, to, who, when,
    ///   probability before and after, and the reason.
    public static func move(_ deal: Deal, to target: StageID, in pipeline: Pipeline, lostReason: String = "",
                            by user: UserID, now: Int64, today: CalendarDate) throws -> Outcome {
        guard let stage = pipeline.stage(target) else { throw StageMoveError.unknownStage(target, pipeline: pipeline.name) }
        guard deal.stageID != target else { throw StageMoveError.alreadyThere(stage: stage.name) }
        let reason = lostReason.trimmingCharacters(in: .whitespacesAndNewlines)
        var moved = deal
        moved.stageID = target
        moved.stageEnteredAt = now
        switch stage.kind {
        case .open:
            moved.probability = stage.defaultProbability
            moved.actualCloseDate = nil
            moved.lostReason = ""
        case .won:
            moved.probability = Probability.hundred
            moved.actualCloseDate = today
            moved.lostReason = ""
        case .lost:
            guard !reason.isEmpty else { throw StageMoveError.lostReasonRequired(stage: stage.name) }
            moved.probability = .zero
            moved.actualCloseDate = today
            moved.lostReason = reason
        }
        let entry = StageHistoryEntry(dealID: deal.id, fromStageID: deal.stageID, toStageID: target, movedAt: now,
                                      movedBy: user, probabilityBefore: deal.probability,
                                      probabilityAfter: moved.probability, lostReason: moved.lostReason)
        return Outcome(deal: moved, entry: entry)
    }

    /// Moves one column left (`offset` -1) or right (+1); nil at the edge of the board.
    public static func step(_ deal: Deal, offset: Int, in pipeline: Pipeline, lostReason: String = "",
                            by user: UserID, now: Int64, today: CalendarDate) throws -> Outcome? {
        guard let next = pipeline.neighbour(of: deal.stageID, offset: offset) else { return nil }
        return try move(deal, to: next.id, in: pipeline, lostReason: lostReason, by: user, now: now, today: today)
    }

    /// The history entry for a deal's creation (no `from` stage).
    public static func created(_ deal: Deal, by user: UserID) -> StageHistoryEntry {
        StageHistoryEntry(dealID: deal.id, fromStageID: nil, toStageID: deal.stageID, movedAt: deal.stageEnteredAt,
                          movedBy: user, probabilityBefore: nil, probabilityAfter: deal.probability)
    }

    /// Whole calendar days the deal has been in its stage, counted in the organization's time
    /// zone: 0 on the day it entered, 1 the next day, and so on (never negative).
    public static func daysInStage(_ deal: Deal, now: Int64, zone: TimeZone) -> Int {
        let entered = ZonedTime.date(at: deal.stageEnteredAt, in: zone)
        let today = ZonedTime.date(at: now, in: zone)
        return max(0, entered.days(until: today))
    }
}
