import Testing
@testable import CCWDomain

@Suite struct InteractionTests {
    @Test func validateNamesEveryBrokenRule() {
        let note = Interaction(kind: .note, subject: "", durationMinutes: 5, status: .scheduled, direction: .inbound)
        #expect(note.validate().map(\.description) == [
            "subject: a subject is required",
            "contact: link the note to a contact, a company or a deal",
            "direction: a note has no direction (only calls and emails)",
            "duration: a note has no duration",
            "scheduled at: a scheduled note needs a date and time",
        ])
        let call = Interaction(kind: .call, subject: "Intro", outcome: "connected", completedAt: 1000, durationMinutes: 12,
                               contactID: 1, participants: [1, 2], direction: .outbound)
        #expect(call.validate().isEmpty)
        #expect(call.occurredAt == 1000)
        var long = call
        long.durationMinutes = 2000
        #expect(long.validate().map(\.description) == ["duration: 2000 minutes is out of range (0 to 1440)"])
        #expect(Interaction.Kind.call.suggestedOutcomes.contains("left voicemail"))
    }
}

@Suite struct TaskTests {
    let today = try! CalendarDate.parseISO("2026-03-10")

    func task(_ id: Int64, _ title: String, due: String?, priority: CRMTask.Priority = .medium, assignee: UserID = 1,
              status: CRMTask.Status = .todo, reminder: Int64? = nil) -> CRMTask {
        CRMTask(id: id, title: title, priority: priority, status: status, dueDate: due.map { try! CalendarDate.parseISO($0) },
                completedAt: status == .completed ? 1 : nil, reminderAt: reminder, assigneeID: assignee)
    }

    @Test func myTasksSplitsAndOrders() {
        let tasks = [
            task(1, "Call back", due: "2026-03-09"),
            task(2, "Send offer", due: "2026-03-10", priority: .low),
            task(3, "Prepare demo", due: "2026-03-10", priority: .urgent),
            task(4, "Renewal", due: "2026-03-20"),
            task(5, "Someday", due: nil),
            task(6, "Not mine", due: "2026-03-10", assignee: 2),
            task(7, "Done", due: "2026-03-01", status: .completed),
            task(8, "Far away", due: "2026-06-01"),
        ]
        let mine = MyTasks(tasks: tasks, assignee: 1, today: today)
        #expect(mine.overdue.map(\.id) == [1])
        #expect(mine.today.map(\.id) == [3, 2])
        #expect(mine.upcoming.map(\.id) == [4, 8])
        #expect(mine.undated.map(\.id) == [5])
        #expect(mine.count == 6)
        #expect(MyTasks(tasks: tasks, assignee: 1, today: today, upcomingDays: 14).upcoming.map(\.id) == [4])
        #expect(tasks[0].isOverdue(today: today))
        #expect(!tasks[6].isOverdue(today: today))
    }

    @Test func remindersAreSentOnce() {
        let tasks = [task(1, "a", due: nil, reminder: 100), task(2, "b", due: nil, reminder: 200),
                     task(3, "c", due: nil, status: .completed, reminder: 150)]
        #expect(MyTasks.remindersDue(tasks, after: 0, upTo: 100).map(\.id) == [1])
        #expect(MyTasks.remindersDue(tasks, after: 100, upTo: 250).map(\.id) == [2])
    }

    @Test func validate() {
        let bad = CRMTask(title: " ", status: .completed, assigneeID: 1)
        #expect(bad.validate().map(\.description) == ["title: a title is required",
                                                     "completed at: a completed task needs the time it was completed"])
        let done = CRMTask(title: "x", assigneeID: 1).completed(at: 5)
        #expect(done.validate().isEmpty)
        #expect(done.status == .completed)
        #expect(CRMTask.Priority.urgent > .high)
    }
}

@Suite struct LeadScoringTests {
    let day = LeadScoring.millisecondsPerDay
    let now: Int64 = 1_000 * 86_400_000

    var facts: ContactFacts {
        ContactFacts(contact: Contact(id: 1, firstName: "Anna", lastName: "Meier", title: "Head of Purchasing",
                                      status: .prospect, tags: ["VIP"]),
                     company: Company(id: 7, name: "Acme", industry: "Retail", employeeCount: try! CompanySize(parsing: "51-200")))
    }

    var rules: [ScoringRule] {
        [
            ScoringRule(name: "Decision maker", condition: .attribute(.init(.title, .contains("head"))), points: 20),
            ScoringRule(name: "Target industry", condition: .attribute(.init(.industry, .inList(["Retail", "Food"]))), points: 15),
            ScoringRule(name: "Mid-size", condition: .attribute(.init(.companySize, .atLeast(50))), points: 10),
            ScoringRule(name: "Big", condition: .attribute(.init(.companySize, .atLeast(500))), points: 30),
            ScoringRule(name: "VIP", condition: .attribute(.init(.tags, .equals("vip"))), points: 5),
            ScoringRule(name: "Engaged", condition: .recentInteractions(count: 2, days: 30), points: 25),
            ScoringRule(name: "Customer already", condition: .attribute(.init(.status, .equals("customer"))), points: -50),
            ScoringRule(name: "Disabled", condition: .attribute(.init(.firstName, .equals("Anna"))), points: 100, enabled: false),
        ]
    }

    @Test func scoresWithTheRulesThatFired() {
        let interactions = [
            Interaction(kind: .call, subject: "a", completedAt: now - 30 * day, contactID: 1),
            Interaction(kind: .email, subject: "b", completedAt: now - 2 * day, contactID: 1),
            Interaction(kind: .email, subject: "c", completedAt: now - 1 * day, contactID: 2),
            Interaction(kind: .meeting, subject: "d", scheduledAt: now - day, contactID: 1, status: .cancelled),
        ]
        let score = LeadScoring.score(facts, interactions: interactions, rules: rules, now: now)
        #expect(score.total == 75)
        #expect(score.reasons.map(\.rule) == ["Decision maker", "Target industry", "Mid-size", "VIP", "Engaged"])
        #expect(score.explanation[0] == "+20 title contains \"head\" (Decision maker)")
        #expect(score.explanation[4] == "+25 2 interactions in the last 30 days (Engaged)")
        let quiet = LeadScoring.score(facts, interactions: Array(interactions.dropFirst()), rules: rules, now: now)
        #expect(quiet.total == 50)
        #expect(LeadScoring.score(facts, interactions: interactions, rules: rules, now: now) == score)
    }

    @Test func rulesValidate() {
        let rule = ScoringRule(name: "", condition: .attribute(.init(.title, .atLeast(3))), points: 0)
        #expect(rule.validate().map(\.message) == [
            "a rule needs a name",
            "points 0: expected -1000 to 1000, not 0",
            "title is text; \"at least\" works on lead score, company size or a numeric custom field",
        ])
        #expect(ScoringRule(name: "x", condition: .recentInteractions(count: 0, days: 0), points: 1).validate().count == 2)
        #expect(rules.allSatisfy { $0.validate().isEmpty })
    }
}

@Suite struct SegmentTests {
    @Test func savedFiltersMatchAllOrAny() {
        let anna = ContactFacts(contact: Contact(firstName: "Anna", lastName: "Müller", email: try! EmailAddress("anna@acme.example"),
                                                 status: .customer, tags: ["vip"], customFields: ["seats": "40"]),
                                company: Company(name: "Acme", industry: "Retail"))
        let bob = ContactFacts(contact: Contact(firstName: "Bob", lastName: "Stone", status: .lead))
        let vipCustomers = Segment(name: "VIP customers", conditions: [.init(.status, .equals("customer")), .init(.tags, .equals("VIP"))])
        #expect(vipCustomers.filter([anna, bob]).map(\.contact.firstName) == ["Anna"])
        #expect(vipCustomers.summary == "all of: status is \"customer\", tags is \"VIP\"")
        let either = Segment(name: "x", match: .any, conditions: [.init(.lastName, .equals("mueller")), .init(.lastName, .contains("sto"))])
        #expect(either.filter([anna, bob]).map(\.contact.firstName) == ["Bob"]) // "mueller" is not "muller"
        let accents = Segment(name: "y", conditions: [.init(.lastName, .equals("MULLER")), .init(.emailDomain, .equals("acme.example")),
                                                       .init(.customField("seats"), .atLeast(25))])
        #expect(accents.contains(anna))
        #expect(Segment(name: "all", conditions: []).contains(bob))
        #expect(Segment(name: "", conditions: [.init(.status, .equals("vip"))]).validate().map(\.description) == [
            "name: a segment name is required",
            "condition 1: status \"vip\": expected lead, prospect, customer or inactive",
        ])
    }
}
