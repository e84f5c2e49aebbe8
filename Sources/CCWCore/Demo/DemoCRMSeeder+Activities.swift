import CCWDomain
import Foundation

/// Interactions, tasks, segments and scoring rules.
extension DemoCRMSeeder {
    // MARK: Interactions

    mutating func planInteractions() {
        guard !contacts.isEmpty else { return }
        let real = contacts.indices.filter { !contacts[$0].isDuplicate }
        for index in 0..<size.interactions {
            var dealIndex: Int?
            var contactIndex: Int?
            var after: Double
            if !deals.isEmpty, rng.chance(0.4) {
                let d = rng.int(0...(deals.count - 1))
                dealIndex = d
                contactIndex = deals[d].contacts.isEmpty ? nil : rng.pick(deals[d].contacts)
                after = deals[d].position + 0.0005
            } else {
                let c = rng.pick(real)
                contactIndex = c
                after = contacts[c].position
            }
            let position = after + (0.999 - after) * rng.unit() + 0.0001
            let at = time(position)
            let kind = rng.pick(DemoCRMData.interactionKinds)
            let topic = rng.pick(DemoCRMData.subjects[kind]!)
            var interaction = Interaction(kind: kind, subject: topic.subject, description: topic.description,
                                          participants: [owner(at: at)])
            if kind.hasDirection { interaction.direction = rng.chance(0.7) ? .outbound : .inbound }
            let roll = rng.unit()
            if roll < 0.07 && kind != .note {
                // Planned for the next two weeks.
                interaction.status = .scheduled
                let day = Int64(rng.int(1...14))
                interaction.scheduledAt = (end / Self.dayMs + day) * Self.dayMs + Int64(rng.int(8 * 60...15 * 60)) * Self.minuteMs
                if kind == .meeting { interaction.durationMinutes = rng.pick([30, 45, 60, 90]) }
            } else if roll < 0.09 && kind != .note {
                interaction.status = .cancelled
                interaction.scheduledAt = at + Int64(rng.int(1...5)) * Self.dayMs
                interaction.outcome = "cancelled by the customer"
            } else {
                interaction.status = .completed
                let minutes: Int
                switch kind {
                case .call: minutes = rng.int(2...35)
                case .meeting: minutes = rng.pick([30, 45, 60, 60, 90, 120])
                case .email, .note: minutes = 0
                }
                if kind == .call || kind == .meeting { interaction.durationMinutes = minutes }
                // Logged right after it ended.
                interaction.completedAt = at - Int64(rng.int(1...20)) * Self.minuteMs
                interaction.outcome = kind.suggestedOutcomes.isEmpty ? "" : rng.pick(kind.suggestedOutcomes)
            }
            interactions.append((position, interaction, contactIndex, dealIndex))
            schedule(position, .interaction(index))
        }
    }

    // MARK: Tasks

    enum TaskKind: CaseIterable { case completed, overdue, dueToday, upcoming, undated }

    mutating func planTasks() {
        guard !contacts.isEmpty else { return }
        let real = contacts.indices.filter { !contacts[$0].isDuplicate }
        let shares: [(TaskKind, Int)] = [(.completed, 30), (.overdue, 18), (.dueToday, 12), (.upcoming, 32), (.undated, 8)]
        var kinds: [TaskKind] = []
        for (kind, share) in shares { kinds += Array(repeating: kind, count: max(1, size.tasks * share / 100)) }
        while kinds.count < size.tasks { kinds.append(.upcoming) }
        kinds = rng.shuffle(Array(kinds.prefix(size.tasks)))
        for (index, kind) in kinds.enumerated() {
            var dealIndex: Int?
            var contactIndex: Int?
            var after: Double
            if !deals.isEmpty, rng.chance(0.5) {
                let d = rng.int(0...(deals.count - 1))
                dealIndex = d
                contactIndex = deals[d].contacts.first
                after = deals[d].position + 0.0005
            } else {
                let c = rng.pick(real)
                contactIndex = c
                after = contacts[c].position
            }
            // Overdue tasks were created a while ago; the others at any time.
            let latest = kind == .overdue ? 0.85 : 0.995
            let position = min(latest, after + 0.0003) + max(0, latest - after) * rng.unit() * 0.999
            let created = date(time(position))
            let due: CalendarDate?
            switch kind {
            case .completed: due = created.adding(days: rng.int(0...6))
            case .overdue: due = max(created, today.adding(days: -rng.int(1...8)))
            case .dueToday: due = today
            case .upcoming: due = today.adding(days: rng.int(1...21))
            case .undated: due = nil
            }
            let topic = rng.pick(DemoCRMData.taskTitles)
            var task = CRMTask(title: topic, priority: rng.pick([.low, .medium, .medium, .medium, .high, .high, .urgent]),
                               dueDate: kind == .overdue && due == today ? today.adding(days: -1) : due,
                               assigneeID: owner(at: time(position)))
            if kind != .completed && rng.chance(0.2) { task.status = .inProgress }
            if kind == .upcoming, let due, rng.chance(0.3) {
                task.reminderAt = (Int64(due.dayNumber) * Self.dayMs) + 7 * 3_600_000
            }
            var completeAt: Double?
            if kind == .completed { completeAt = min(0.9995, position + rng.double(0.003, 0.06)) }
            tasks.append((position, task, contactIndex, dealIndex, completeAt))
            schedule(position, .task(index))
            if let completeAt { schedule(completeAt, .completeTask(index)) }
        }
    }

    // MARK: Segments and scoring rules

    mutating func addDefinitions() throws {
        let definitions = database.crmDefinitions
        for segment in [
            Segment(name: "VIP customers", conditions: [ContactCondition(.status, .equals("customer")),
                                                        ContactCondition(.tags, .equals("vip"))]),
            Segment(name: "Decision makers at larger companies",
                    conditions: [ContactCondition(.title, .inList(["Managing Director", "CEO", "CFO", "Head of Purchasing"])),
                                 ContactCondition(.companySize, .atLeast(201))]),
            Segment(name: "Trade fair leads", match: .any,
                    conditions: [ContactCondition(.tags, .equals("trade-fair-2026")), ContactCondition(.source, .equals("Trade fair"))]),
        ] {
            _ = try definitions.addSegment(scope, segment)
            summary.segments += 1
        }
        for rule in [
            ScoringRule(name: "Decision maker", condition: .attribute(ContactCondition(.title, .contains("head"))), points: 20),
            ScoringRule(name: "Managing director", condition: .attribute(ContactCondition(.title, .contains("director"))), points: 15),
            ScoringRule(name: "Large company", condition: .attribute(ContactCondition(.companySize, .atLeast(201))), points: 15),
            ScoringRule(name: "Engaged", condition: .recentInteractions(count: 3, days: 30), points: 25),
            ScoringRule(name: "Met at a trade fair", condition: .attribute(ContactCondition(.tags, .equals("trade-fair-2026"))), points: 10),
            ScoringRule(name: "Inactive", condition: .attribute(ContactCondition(.status, .equals("inactive"))), points: -30),
        ] {
            _ = try definitions.addScoringRule(scope, rule)
            summary.scoringRules += 1
        }
    }
}
