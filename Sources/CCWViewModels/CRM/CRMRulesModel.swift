import CCWCore
import CCWDomain

/// The definitions an organization edits for its CRM: segments (saved contact filters) and
/// lead-scoring rules. Conditions are typed as text (`ConditionText`); a rule change has every
/// contact rescored in the background.
public final class CRMRulesModel {
    public enum List: Sendable { case segments, rules }

    public enum Intent: Sendable {
        case reload
        case focus(List)
        case move(ListMove)
        /// Conditions separated by ";", all or any of them.
        case addSegment(name: String, conditions: String, match: Segment.Match)
        case addRule(name: String, condition: String, points: Int)
        case deleteSelected
    }

    public let session: AppSession
    public private(set) var segments: [SegmentRecord] = []
    public private(set) var rules: [ScoringRuleRecord] = []
    public private(set) var focused: List = .segments
    public private(set) var selectedSegment = 0
    public private(set) var selectedRule = 0
    public private(set) var error: String?
    public private(set) var lastMessage: String?
    /// True while contacts are being rescored after a rule change.
    public private(set) var rescoring = false

    public init(session: AppSession) { self.session = session }

    public var canAdd: Bool { session.can(.create, in: .crm) }
    public var canDelete: Bool { session.can(.delete, in: .crm) }

    /// Checks typed conditions without saving; the error names the part that is wrong.
    public static func parseConditions(_ text: String) throws -> [ContactCondition] {
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw InputError("type at least one condition, e.g. \"status is customer\"") }
        return try parts.map { try ConditionText.condition($0) }
    }

    public func send(_ intent: Intent) {
        error = nil
        lastMessage = nil
        let defs = session.database.crmDefinitions, scope = session.scope
        do {
            switch intent {
            case .reload: try reload()
            case let .focus(list): focused = list
            case let .move(m):
                let count = focused == .segments ? segments.count : rules.count
                var i = focused == .segments ? selectedSegment : selectedRule
                switch m {
                case .down: i += 1
                case .up: i -= 1
                case .first, .pageUp: i = 0
                case .last, .pageDown: i = count - 1
                }
                i = max(0, min(count - 1, i))
                if focused == .segments { selectedSegment = i } else { selectedRule = i }
            case let .addSegment(name, conditions, match):
                let segment = Segment(name: name, match: match, conditions: try Self.parseConditions(conditions))
                _ = try defs.addSegment(scope, segment)
                lastMessage = "segment \(name) saved"
                try reload()
                selectedSegment = segments.firstIndex { $0.segment.name == name } ?? 0
            case let .addRule(name, condition, points):
                _ = try defs.addScoringRule(scope, ScoringRule(name: name, condition: try ConditionText.scoring(condition), points: points))
                lastMessage = "rule \(name) saved; contacts are being rescored"
                try reload()
                selectedRule = max(0, rules.count - 1)
            case .deleteSelected:
                if focused == .segments, segments.indices.contains(selectedSegment) {
                    let s = segments[selectedSegment]
                    try defs.deleteSegment(scope, id: s.id, expectedVersion: s.stamp.version)
                    lastMessage = "segment \(s.segment.name) deleted"
                } else if focused == .rules, rules.indices.contains(selectedRule) {
                    let r = rules[selectedRule]
                    try defs.deleteScoringRule(scope, id: r.id, expectedVersion: r.stamp.version)
                    lastMessage = "rule \(r.rule.name) deleted; contacts are being rescored"
                }
                try reload()
            }
        } catch let e as InputError {
            error = e.message
        } catch {
            self.error = describe(error)
        }
    }

    private func reload() throws {
        let defs = session.database.crmDefinitions, scope = session.scope
        segments = try defs.segments(scope)
        rules = try defs.scoringRules(scope)
        selectedSegment = min(selectedSegment, max(0, segments.count - 1))
        selectedRule = min(selectedRule, max(0, rules.count - 1))
        rescoring = (try? LeadScoreRefresh.pending(session.database, scope)) ?? false
    }
}
