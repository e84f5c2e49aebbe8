import CCWCore
import CCWDomain
import Foundation

/// The new-task form's values as typed, and turning them into a `CRMTask`: the due date as
/// forms accept dates (`today`, `+3`, `2026-12-01`), the reminder as a time, the assignee by
/// login and the links by name, every bad field named at once.
public struct TaskEditor: Sendable, Hashable {
    public enum Field: String, CaseIterable, Sendable {
        case title, due, priority, assignee, reminder, contact, company, deal, description

        public var label: String {
            switch self {
            case .title: "Title"
            case .due: "Due"
            case .priority: "Priority"
            case .assignee: "Assignee"
            case .reminder: "Remind at"
            case .contact: "Contact"
            case .company: "Company"
            case .deal: "Deal"
            case .description: "Notes"
            }
        }
    }

    public var values: [Field: String]
    public var errors: [Field: String] = [:]

    public func value(_ f: Field) -> String { values[f] ?? "" }

    init(assignee: String) {
        values = [.priority: CRMTask.Priority.medium.rawValue, .assignee: assignee]
    }

    /// Where the parts of the session the parsing needs come from.
    struct Context {
        var today: CalendarDate
        var now: Int64
        var zone: TimeZone
        var assignee: (String) throws -> UserID
        var contact: (String) throws -> ContactID?
        var company: (String) throws -> CompanyID?
        var deal: (String) throws -> DealID?
    }

    func task(_ c: Context) -> (CRMTask?, [Field: String]) {
        var errors: [Field: String] = [:]
        func parse<T>(_ f: Field, _ body: (String) throws -> T?) -> T? {
            let text = value(f).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            do { return try body(text) } catch { errors[f] = CompanyEditor.message(error); return nil }
        }
        let title = value(.title).trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors[.title] = "a title is required" }
        let due = parse(.due) { try CalendarDate.parse($0, today: c.today) }
        let priority = parse(.priority) { text -> CRMTask.Priority in
            guard let p = CRMTask.Priority(rawValue: text.lowercased()) else { throw InputError("expected low, medium, high or urgent") }
            return p
        } ?? .medium
        let assignee = parse(.assignee, c.assignee)
        if value(.assignee).trimmingCharacters(in: .whitespaces).isEmpty { errors[.assignee] = "who should do it? (a login)" }
        let reminder = parse(.reminder) { try Self.reminderTime($0, due: due, context: c) }
        let contact = parse(.contact, c.contact)
        let company = parse(.company, c.company)
        let deal = parse(.deal, c.deal)
        guard errors.isEmpty, let assignee else { return (nil, errors) }
        let task = CRMTask(title: title, description: value(.description).trimmingCharacters(in: .whitespaces), priority: priority,
                           dueDate: due, reminderAt: reminder, contactID: contact, companyID: company, dealID: deal, assigneeID: assignee)
        return (task, [:])
    }

    /// A reminder time as typed: `+15m` / `+2h` from now, `HH:MM` on the due date (or today),
    /// or a date as the due field takes it followed by `HH:MM` (`tomorrow 09:00`, `2026-12-01 14:30`).
    static func reminderTime(_ text: String, due: CalendarDate?, context c: Context) throws -> Int64 {
        let expected = "expected +15m, +2h, 09:00 (on the due date), or a date and time like tomorrow 09:00"
        let t = text.lowercased()
        if t.hasPrefix("+"), let unit = t.last, unit == "m" || unit == "h", let n = Int64(t.dropFirst().dropLast()), n >= 0 {
            return c.now + n * (unit == "m" ? 60_000 : 3_600_000)
        }
        let parts = t.split(separator: " ").map(String.init)
        guard let clock = parts.last, let minutes = minutesOfDay(clock) else { throw InputError("\"\(text)\": \(expected)") }
        let day: CalendarDate
        if parts.count == 1 {
            day = due ?? c.today
        } else {
            do { day = try CalendarDate.parse(parts.dropLast().joined(separator: " "), today: c.today) } catch {
                throw InputError("\"\(text)\": \(error)")
            }
        }
        return ZonedTime.startOfDay(day, in: c.zone) + Int64(minutes) * 60_000
    }

    /// `9:05` / `09:05` → 545.
    static func minutesOfDay(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), hm[1].count == 2, (0..<24).contains(h), (0..<60).contains(m) else {
            return nil
        }
        return h * 60 + m
    }

    /// The form field a core field error belongs to.
    static func field(named name: String) -> Field {
        let key = name.lowercased()
        for f in Field.allCases where key.contains(f.rawValue) { return f }
        if key.contains("remind") { return .reminder }
        return .title
    }
}
