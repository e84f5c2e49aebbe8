import Foundation

/// What reaching a stage means for a deal.
public enum StageKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The deal is still being worked.
    case open
    /// The deal is closed and won: probability 100.
    case won
    /// The deal is closed and lost: probability 0, and a lost reason is required.
    case lost

    public var description: String { rawValue }
    public var isClosed: Bool { self != .open }
}

/// One column of a pipeline, defined by the organization (FR-1.4).
public struct Stage: Sendable, Hashable, Codable, Identifiable {
    public var id: StageID
    public var name: String
    /// Position from left to right; stages are shown and moved through in this order.
    public var order: Int
    /// The probability, in percent (0-100, e.g. `25` or `12.5`), that a deal entering this
    /// stage gets.
    public var defaultProbability: ExactDecimal
    public var kind: StageKind

    public init(id: StageID, name: String, order: Int, defaultProbability: ExactDecimal, kind: StageKind = .open) {
        self.id = id
        self.name = name
        self.order = order
        self.defaultProbability = defaultProbability
        self.kind = kind
    }
}

/// A sales pipeline: a named, ordered list of stages. An organization may have several
/// (new business, renewals); a deal belongs to one.
public struct Pipeline: Sendable, Hashable, Codable, Identifiable {
    public var id: PipelineID
    public var name: String
    /// Kept sorted by `order`.
    public private(set) var stages: [Stage]

    public init(id: PipelineID, name: String, stages: [Stage]) {
        self.id = id
        self.name = name
        self.stages = stages.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    public func stage(_ id: StageID) -> Stage? { stages.first { $0.id == id } }

    /// The stage named so, ignoring case.
    public func stage(named name: String) -> Stage? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return stages.first { $0.name.lowercased() == key }
    }

    /// The open stages, in order: the columns deals move through before they close.
    public var openStages: [Stage] { stages.filter { $0.kind == .open } }

    /// The stage to the left (`offset` -1) or right (+1) of `id` on the board, or nil at an edge.
    public func neighbour(of id: StageID, offset: Int) -> Stage? {
        guard let index = stages.firstIndex(where: { $0.id == id }) else { return nil }
        let target = index + offset
        return stages.indices.contains(target) ? stages[target] : nil
    }

    /// True when entering `stage` needs a lost reason (the UI asks for one before moving).
    public func needsLostReason(_ stage: StageID) -> Bool { self.stage(stage)?.kind == .lost }

    /// The rules a pipeline definition must meet:
    /// a name; at least one open, one won and one lost stage; stage names present and unique
    /// (ignoring case); orders unique; probabilities 0-100 with at most 2 decimals, 100 on won
    /// stages and 0 on lost stages.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "name", message: "a pipeline name is required"))
        }
        for kind in StageKind.allCases where !stages.contains(where: { $0.kind == kind }) {
            errors.append(FieldError(field: "stages", message: "at least one \(kind) stage is required"))
        }
        var names: [String: String] = [:]
        var orders: [Int: String] = [:]
        for stage in stages {
            let label = stage.name.trimmingCharacters(in: .whitespaces)
            let field = "stage \"\(label)\""
            if label.isEmpty {
                errors.append(FieldError(field: "stages", message: "stage at position \(stage.order) has no name"))
                continue
            }
            if label.count > 50 { errors.append(FieldError(field: field, message: "name is longer than 50 characters")) }
            if let other = names[label.lowercased()] {
                errors.append(FieldError(field: field, message: "name is used twice (also \"\(other)\")"))
            }
            names[label.lowercased()] = label
            if let other = orders[stage.order] {
                errors.append(FieldError(field: field, message: "order \(stage.order) is also used by \"\(other)\""))
            }
            orders[stage.order] = label
            let p = stage.defaultProbability
            if p < .zero || p > ExactDecimal(100) {
                errors.append(FieldError(field: field, message: "probability \(p)% is out of range (0-100)"))
            } else if p.normalized.scale > 2 {
                errors.append(FieldError(field: field, message: "probability \(p)% has more than 2 decimals"))
            }
            if stage.kind == .won && p != ExactDecimal(100) {
                errors.append(FieldError(field: field, message: "a won stage has probability 100%, not \(p)%"))
            }
            if stage.kind == .lost && p != .zero {
                errors.append(FieldError(field: field, message: "a lost stage has probability 0%, not \(p)%"))
            }
        }
        return errors
    }

    /// The seed's stages as a starting point for a new organization: lead 10%, qualified 25%,
    /// proposal 50%, negotiation 75%, closed won, closed lost. Stage ids are 1-6 and are
    /// replaced by the store's.
    public static func standard(id: PipelineID = 1, name: String = "Sales") -> Pipeline {
        Pipeline(id: id, name: name, stages: [
            Stage(id: 1, name: "Lead", order: 1, defaultProbability: ExactDecimal(10)),
            Stage(id: 2, name: "Qualified", order: 2, defaultProbability: ExactDecimal(25)),
            Stage(id: 3, name: "Proposal", order: 3, defaultProbability: ExactDecimal(50)),
            Stage(id: 4, name: "Negotiation", order: 4, defaultProbability: ExactDecimal(75)),
            Stage(id: 5, name: "Closed won", order: 5, defaultProbability: ExactDecimal(100), kind: .won),
            Stage(id: 6, name: "Closed lost", order: 6, defaultProbability: .zero, kind: .lost),
        ])
    }
}

/// Probabilities are percentages 0-100 held as exact decimals.
enum Probability {
    /// `amount × percent / 100`, rounded half away from zero to the currency's minor units.
    static func weight(_ amount: Money, percent: ExactDecimal) -> Money {
        let p = percent.normalized
        let fraction = ExactDecimal(mantissa: p.mantissa, scale: min(p.scale + 2, ExactDecimal.maxScale))
        return (try? fraction.apply(to: amount, rounding: .halfAwayFromZero)) ?? amount
    }

    static let hundred = ExactDecimal(100)
}
