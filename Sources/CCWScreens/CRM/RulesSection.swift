import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Segments & scoring: the saved contact filters (opened from Contacts with `v`) and
/// the lead-scoring rules, each a list; Tab switches between them, `n` adds (conditions typed
/// as text: "title contains head; company size at least 201"), `d` deletes.
final class RulesSection: CRMSection {
    let model: CRMRulesModel
    let context: ScreenContext
    private var segmentGrid = GridPane()
    private var ruleGrid = GridPane()
    private var loaded = false

    static let add = CommandSpec("crm.rules.add", "new", group: "Segments & scoring", help: "Add a segment or a scoring rule (the focused list)", keys: ["n"], showInHints: true, changesData: true)
    static let delete = CommandSpec("crm.rules.delete", "delete", group: "Segments & scoring", help: "Delete the selected segment or rule", keys: ["d"], showInHints: true, changesData: true, needsConfirmation: true)

    init(session: AppSession, context: ScreenContext) {
        model = CRMRulesModel(session: session)
        self.context = context
    }

    var title: String { "Segments & scoring" }
    var name: String { "rules" }
    var commands: [CommandSpec] {
        [Self.add, Self.delete, GlobalCommands.nextPane, GlobalCommands.previousPane, ListCommands.up, ListCommands.down,
         ListCommands.first, ListCommands.last]
    }
    var disabledCommands: [String: String] {
        var why: [String: String] = [:]
        if !model.canAdd { why[Self.add.id] = "adding needs CRM create rights (you are \(model.session.role.title))" }
        if !model.canDelete { why[Self.delete.id] = "deleting needs CRM delete rights (you are \(model.session.role.title))" }
        return why
    }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case GlobalCommands.nextPane.id, GlobalCommands.previousPane.id:
            model.send(.focus(model.focused == .segments ? .rules : .segments))
        case ListCommands.up.id: model.send(.move(.up))
        case ListCommands.down.id: model.send(.move(.down))
        case ListCommands.first.id: model.send(.move(.first))
        case ListCommands.last.id: model.send(.move(.last))
        case Self.add.id: model.focused == .segments ? addSegment() : addRule()
        case Self.delete.id: confirmDelete()
        default: return false
        }
        return true
    }

    private func report() {
        if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
    }

    private static func required(_ what: String) -> (String) -> String? {
        { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type a \(what)" : nil }
    }

    private func addSegment() {
        context.present(.prompt(title: "New segment", label: "Name", initial: "", validate: Self.required("name")) { [weak self] name in
            self?.context.present(.prompt(
                title: "Segment \(name)", label: "Conditions", initial: "",
                validate: { text in
                    do { _ = try CRMRulesModel.parseConditions(text); return nil } catch { return (error as? InputError)?.message ?? "\(error)" }
                }) { [weak self] conditions in
                guard let self else { return }
                guard conditions.contains(";") else {
                    model.send(.addSegment(name: name, conditions: conditions, match: .all))
                    report()
                    return
                }
                context.present(.pick(title: "Contacts in \(name) meet", options: ["all of the conditions", "any of the conditions"],
                                      selected: 0) { [weak self] i in
                    self?.model.send(.addSegment(name: name, conditions: conditions, match: i == 0 ? .all : .any))
                    self?.report()
                })
            })
        })
    }

    private func addRule() {
        context.present(.prompt(title: "New scoring rule", label: "Name", initial: "", validate: Self.required("name")) { [weak self] name in
            self?.context.present(.prompt(
                title: "Rule \(name)", label: "Condition", initial: "",
                validate: { text in
                    do { _ = try ConditionText.scoring(text); return nil } catch { return (error as? InputError)?.message ?? "\(error)" }
                }) { [weak self] condition in
                self?.context.present(.prompt(title: "Rule \(name)", label: "Points", initial: "10", validate: { text in
                    guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n != 0, abs(n) <= 1000 else {
                        return "points: a whole number from -1000 to 1000, not 0"
                    }
                    return nil
                }) { [weak self] points in
                    self?.model.send(.addRule(name: name, condition: condition, points: Int(points.trimmingCharacters(in: .whitespaces)) ?? 0))
                    self?.report()
                })
            })
        })
    }

    private func confirmDelete() {
        let what: String
        if model.focused == .segments {
            guard model.segments.indices.contains(model.selectedSegment) else { return }
            what = "segment \(model.segments[model.selectedSegment].segment.name)"
        } else {
            guard model.rules.indices.contains(model.selectedRule) else { return }
            what = "scoring rule \(model.rules[model.selectedRule].rule.name)"
        }
        context.present(.confirm(title: "Delete \(what)?", message: model.focused == .rules ? ["Every contact is rescored without it."] : [],
                                 destructive: true) { [weak self] in
            self?.model.send(.deleteSelected)
            self?.report()
        })
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (info, body) = area.splitTop(1)
        let note = model.rescoring ? "contacts are being rescored in the background" : "Tab switches list · n new · d delete"
        surface.put("Conditions: title contains head · status is customer · company size at least 201 · tags is vip · \(note)",
                    in: info, style: theme[.muted])
        let (top, bottom) = body.splitTop(body.height / 2)
        let segments = model.segments, rules = model.rules
        segmentGrid.draw(columns: [GridColumn("Segment", width: .flex(min: 14, weight: 1)), GridColumn("Contacts are in it when", width: .flex(min: 20, weight: 3))],
                         count: segments.count, selected: model.selectedSegment, row: { i in
                             GridRow([segments[i].segment.name, segments[i].segment.summary], cellRoles: [.accent, nil])
                         }, in: top, on: surface, theme: theme, caption: "Segments",
                         emptyText: "No segments yet · n adds one", focused: model.focused == .segments)
        ruleGrid.draw(columns: [GridColumn("Rule", width: .flex(min: 14, weight: 1)), GridColumn("When", width: .flex(min: 20, weight: 3)),
                                GridColumn("Points", width: .fixed(7), alignment: .right)],
                      count: rules.count, selected: model.selectedRule, row: { i in
                          let r = rules[i].rule
                          return GridRow([r.name, r.condition.description, (r.points > 0 ? "+" : "") + "\(r.points)"],
                                         cellRoles: [.accent, nil, r.points > 0 ? .success : .error])
                      }, in: bottom, on: surface, theme: theme, caption: "Lead scoring rules",
                      emptyText: "No scoring rules: scores stay as typed or imported · n adds one", focused: model.focused == .rules)
    }
}
