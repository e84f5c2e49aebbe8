import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// "New task" about a contact (or company, or deal) from where the user is: the link is filled
/// in, the assignee is the user, the rest is the same form as CRM › Tasks.
final class TaskFormPanel: FormPanel {
    let model: CRMTasksModel
    /// Called after the task was saved.
    var onSaved: () -> Void = {}

    init(session: AppSession, context: ScreenContext, links: [TaskEditor.Field: String]) {
        model = CRMTasksModel(session: session)
        model.send(.new)
        for (field, value) in links { model.send(.set(field, value)) }
        let priorities = CRMTask.Priority.allCases.map(\.rawValue)
        let editor = model.editor
        super.init(context: context, fields: TaskEditor.Field.allCases.map { f in
            FormField(id: f.rawValue, label: f.label, kind: TasksSection.kind(f, priorities), value: editor?.value(f) ?? "",
                      required: f == .title || f == .assignee, hint: TasksSection.hint(f))
        })
    }

    override var title: String {
        let about = [TaskEditor.Field.contact, .company, .deal].compactMap { f in model.editor.map { $0.value(f) } }.first { !$0.isEmpty }
        return about.map { "New task · \($0)" } ?? "New task"
    }
    override var isDirty: Bool { !state.value(TaskEditor.Field.title.rawValue).isEmpty || !state.value(TaskEditor.Field.description.rawValue).isEmpty }

    override func save() {
        for f in TaskEditor.Field.allCases { model.send(.set(f, state.value(f.rawValue))) }
        model.send(.save)
        state.clearErrors()
        guard let editor = model.editor else {
            context.toast("Task \"\(state.value(TaskEditor.Field.title.rawValue))\" added", .success)
            onSaved()
            onClose()
            return
        }
        if let e = model.error { context.toast(e, .error) }
        for f in TaskEditor.Field.allCases { state.setError(editor.errors[f], for: f.rawValue) }
        if let first = TaskEditor.Field.allCases.first(where: { editor.errors[$0] != nil }) { state.focus(id: first.rawValue) }
    }
}
