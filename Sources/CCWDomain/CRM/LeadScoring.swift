import Foundation

/// Lead scoring (FR-1.5): points from rules an organization edits.
///
/// A rule gives points (negative to take away) when its condition holds: a test on an
/// attribute (title, industry, company size, status, tags, … see `ContactCondition`) or
/// "at least N interactions in the last D days". The score is the sum of the points of the
/// rules that fired; the contact screen shows it with the list of those rules. Rules are
/// evaluated in the given order and the result lists them in that order, so the same data
/// always gives the same score and explanation.
public struct ScoringRule: Sendable, Hashable, Codable, Identifiable {
    public enum Condition: Sendable, Hashable, Codable, CustomStringConvertible {
        case attribute(ContactCondition)
        /// At least `count` completed interactions with the contact within the last `days`
        /// days (an interaction at exactly `now - days × 24 h` still counts).
        case recentInteractions(count: Int, days: Int)

        public var description: String {
            switch self {
            case let .attribute(condition): condition.description
            case let .recentInteractions(count, days):
                count == 1 ? "an interaction in the last \(days) days" : "\(count) interactions in the last \(days) days"
            }
        }
    }

    public var id: Int64?
    public var name: String
    public var condition: Condition
    public var points: Int
    public var enabled: Bool

    public init(id: Int64? = nil, name: String, condition: Condition, points: Int, enabled: Bool = true) {
        self.id = id
        self.name = name
        self.condition = condition
        self.points = points
        self.enabled = enabled
    }

    public func validate(field: String = "rule") -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: field, message: "a rule needs a name"))
        }
        if points == 0 || abs(points) > 1000 {
            errors.append(FieldError(field: field, message: "points \(points): expected -1000 to 1000, not 0"))
        }
        switch condition {
        case let .attribute(condition): errors += condition.validate(field: field)
        case let .recentInteractions(count, days):
            if count < 1 { errors.append(FieldError(field: field, message: "interaction count must be at least 1")) }
            if days < 1 || days > 3650 { errors.append(FieldError(field: field, message: "days \(days): expected 1 to 3650")) }
        }
        return errors
    }
}

/// A computed score and why.
public struct LeadScore: Sendable, Hashable {
    public struct Reason: Sendable, Hashable {
        public var rule: String
        public var condition: String
        public var points: Int
    }

    public var total: Int
    /// The rules that fired, in rule order.
    public var reasons: [Reason]

    public init(total: Int, reasons: [Reason]) {
        self.total = total
        self.reasons = reasons
    }

    /// `+20 title contains "head" (Decision maker)`, one line per fired rule.
    public var explanation: [String] {
        reasons.map { "\($0.points > 0 ? "+" : "")\($0.points) \($0.condition) (\($0.rule))" }
    }
}

public enum LeadScoring {
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Scores one contact. `interactions` may hold anyone's; only completed interactions with
    /// this contact that happened by `now` count.
    public static func score(_ facts: ContactFacts, interactions: [Interaction], rules: [ScoringRule], now: Int64) -> LeadScore {
        let times: [Int64] = interactions.compactMap { interaction in
            guard interaction.status == .completed, let id = facts.contact.id, interaction.contactID == id,
                  let at = interaction.occurredAt, at <= now else { return nil }
            return at
        }
        var total = 0
        var reasons: [LeadScore.Reason] = []
        for rule in rules where rule.enabled {
            let fired: Bool = switch rule.condition {
            case let .attribute(condition): condition.matches(facts)
            case let .recentInteractions(count, days):
                times.filter { $0 >= now - Int64(days) * millisecondsPerDay }.count >= count
            }
            if fired {
                total += rule.points
                reasons.append(.init(rule: rule.name, condition: rule.condition.description, points: rule.points))
            }
        }
        return LeadScore(total: total, reasons: reasons)
    }
}
