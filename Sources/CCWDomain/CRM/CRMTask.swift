import Foundation

/// A to-do for a user, possibly about a contact, company or deal, with every field of the
/// seed's Task. Named `CRMTask` so it never shadows Swift's concurrency `Task`.
public struct CRMTask: Sendable, Hashable, Codable, Identifiable {
    public enum Priority: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case low, medium, high, urgent
        var rank: Int { Priority.allCases.firstIndex(of: self)! }
        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case todo
        case inProgress = "in_progress"
        case completed, cancelled

        /// Still to be done (shown in "my tasks").
        public var isOpen: Bool { self == .todo || self == .inProgress }
    }

    public var id: Int64?
    public var title: String
    public var description: String
    public var priority: Priority
    public var status: Status
    public var dueDate: CalendarDate?
    /// Milliseconds since 1970 UTC.
    public var completedAt: Int64?
    /// When to remind the assignee (milliseconds since 1970 UTC).
    public var reminderAt: Int64?
    public var contactID: ContactID?
    public var companyID: CompanyID?
    public var dealID: DealID?
    public var assigneeID: UserID
    public var tags: [String]
    public var customFields: CustomFields

    public init(id: Int64? = nil, title: String, description: String = "", priority: Priority = .medium,
                status: Status = .todo, dueDate: CalendarDate? = nil, completedAt: Int64? = nil,
                reminderAt: Int64? = nil, contactID: ContactID? = nil, companyID: CompanyID? = nil,
                dealID: DealID? = nil, assigneeID: UserID, tags: [String] = [], customFields: CustomFields = [:]) {
        self.id = id
        self.title = title
        self.description = description
        self.priority = priority
        self.status = status
        self.dueDate = dueDate
        self.completedAt = completedAt
        self.reminderAt = reminderAt
        self.contactID = contactID
        self.companyID = companyID
        self.dealID = dealID
        self.assigneeID = assigneeID
        self.tags = tags
        self.customFields = customFields
    }

    /// Open and due before `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard status.isOpen, let due = dueDate else { return false }
        return due < today
    }

    /// The same task marked completed at `now`.
    public func completed(at now: Int64) -> CRMTask {
        var copy = self
        copy.status = .completed
        copy.completedAt = now
        return copy
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "title", message: "a title is required"))
        } else if title.count > 200 {
            errors.append(FieldError(field: "title", message: "longer than 200 characters"))
        }
        if status == .completed && completedAt == nil {
            errors.append(FieldError(field: "completed at", message: "a completed task needs the time it was completed"))
        }
        if status != .completed && completedAt != nil {
            errors.append(FieldError(field: "completed at", message: "only a completed task has a completion time"))
        }
        errors += Tags.validate(tags)
        errors += CustomFieldRules.validate(customFields)
        return errors
    }
}
