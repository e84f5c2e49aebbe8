import CCWDomain
import Foundation

/// Writes one organization's demo CRM through the real use cases, in time order, on the
/// walking demo clock. Its parts live beside it by business area (+People, +Deals, +Activities).
struct DemoCRMSeeder {
    let database: AppDatabase
    let clock: ManualClock
    let scope: Scope
    let end: Int64
    let size: Size
    var rng: DemoRandom
    var summary = DemoCRM.Summary()

    typealias Size = DemoCRM.Size

    /// Midnight (UTC) of the first day of the history.
    let firstMidnight: Int64
    /// Working days (0 = the first day) up to yesterday, in order.
    let workDays: [Int]
    let homeCountry: String?
    let today: CalendarDate
    let currency: CurrencyCode
    /// Active sales users with the time they joined, earliest first.
    let salesUsers: [(id: UserID, since: Int64)]

    static let dayMs: Int64 = 86_400_000
    static let minuteMs: Int64 = 60_000

    init(database: AppDatabase, clock: ManualClock, scope: Scope, end: Int64, size: Size) throws {
        self.database = database
        self.clock = clock
        self.scope = scope
        self.end = end
        self.size = size
        rng = DemoRandom(seedText: "ccw-demo-crm/" + scope.orgName)
        firstMidnight = (end / Self.dayMs - Int64(DemoHistory.days)) * Self.dayMs
        let firstDayIndex = Int(firstMidnight / Self.dayMs)
        // 1970-01-01 was a Thursday: (index + 3) % 7 is 0 on Mondays.
        workDays = (0..<DemoHistory.days).filter { (firstDayIndex + $0 + 3) % 7 < 5 }
        homeCountry = try database.orgSettings.get(scope).defaultCountry
        today = ZonedTime.date(at: end, in: scope.zone)
        currency = scope.baseCurrency
        let users = try database.users.list(scope, includeInactive: false)
        var sales = users.filter { $0.role == .sales && $0.active }.map { (id: UserID($0.userId), since: $0.memberSince) }
        if sales.isEmpty { sales = [(id: UserID(scope.userId), since: 0)] }
        salesUsers = sales.sorted { ($0.since, $0.id.rawValue) < ($1.since, $1.id.rawValue) }
    }

    // MARK: Time

    /// The instant at `position` (0 to 1) along the office hours (08:00 to 18:00 Berlin,
    /// 07:00 to 17:00 UTC) of the working days; never later than a minute before `end`.
    /// Monotone, so planning positions in dependency order keeps events in that order.
    func time(_ position: Double) -> Int64 {
        let p = min(max(position, 0), 0.999_999) * Double(workDays.count)
        let day = workDays[Int(p)]
        let minutes = Int64(7 * 60) + Int64((p - p.rounded(.down)) * 600)
        return min(firstMidnight + Int64(day) * Self.dayMs + minutes * Self.minuteMs, end - Self.minuteMs)
    }

    /// A sales user who was a member at `instant` (the earliest one when none was).
    mutating func owner(at instant: Int64) -> UserID {
        let members = salesUsers.filter { $0.since <= instant }
        return members.isEmpty ? salesUsers[0].id : rng.pick(members).id
    }

    func date(_ instant: Int64) -> CalendarDate { ZonedTime.date(at: instant, in: scope.zone) }

    // MARK: Plan

    /// One write, at a position on the timeline.
    enum Step {
        case definitions
        case company(Int)
        case acquisition(Int)
        case contact(Int)
        case deal(Int)
        case lineItems(Int)
        case move(Int, stage: Int)
        case interaction(Int)
        case task(Int)
        case completeTask(Int)
    }

    struct PlannedContact {
        var company: Int
        var position: Double
        var draft: ContactDraft
        var ownerAt: Int64
        var isDuplicate: Bool
    }

    struct PlannedDeal {
        var company: Int
        var contacts: [Int]
        var position: Double
        var new: NewDeal
        var lineItems: [DealLineItem]
        /// Indexes into the pipeline's stages, in order, after the first.
        var path: [Int]
        var lostReason: String
    }

    var steps: [(position: Double, order: Int, step: Step)] = []
    var companyPositions: [Double] = []
    var plannedCompanies: [DemoCRMData.CompanySpec] = []
    var contacts: [PlannedContact] = []
    var deals: [PlannedDeal] = []
    var interactions: [(position: Double, interaction: Interaction, contact: Int?, deal: Int?)] = []
    var tasks: [(position: Double, task: CRMTask, contact: Int?, deal: Int?, completeAt: Double?)] = []
    var usedEmails: Set<String> = []

    mutating func schedule(_ position: Double, _ step: Step) {
        steps.append((position, steps.count, step))
    }

    // MARK: Run

    mutating func run() throws {
        // The pipeline (created with the standard stages on first use) at the very start.
        clock.set(time(0))
        let pipeline = try database.pipelines.defaultPipeline(scope).pipeline
        let stages = pipeline.stages.sorted { $0.order < $1.order }

        schedule(0.01, .definitions)
        planCompanies()
        planContacts()
        planDeals(stages: stages)
        planInteractions()
        planTasks()

        var companyIds: [CompanyID] = []
        var contactIds: [Int: ContactID] = [:]
        var dealRecords: [Int: DealRecord] = [:]
        var taskRecords: [Int: CRMTaskRecord] = [:]
        for (position, _, step) in steps.sorted(by: { ($0.position, $0.order) < ($1.position, $1.order) }) {
            clock.set(time(position))
            switch step {
            case .definitions:
                try addDefinitions()
                try addEmailTemplates()
            case let .company(index):
                var company = plannedCompanies[index].company
                company.parentCompanyID = plannedCompanies[index].parent.flatMap { parent in
                    plannedCompanies[index].acquiredLater ? nil : companyIds[parent]
                }
                let record = try database.companies.add(scope, company: company, ownerId: owner(at: clock.now()))
                companyIds.append(record.id)
                summary.companies += 1
                if company.parentCompanyID != nil { summary.parentLinks += 1 }
            case let .acquisition(index):
                let id = companyIds[index], parent = companyIds[plannedCompanies[index].parent!]
                let current = try database.companies.get(scope, id: id)
                _ = try database.companies.setParent(scope, id: id, parent: parent, expectedVersion: current.version)
                summary.parentLinks += 1
            case let .contact(index):
                let planned = contacts[index]
                let outcome = try database.contacts.add(scope, draft: planned.draft, companyId: companyIds[planned.company],
                                                        ownerId: owner(at: planned.ownerAt), force: true)
                guard let record = outcome.record else { throw CoreError.rule("demo contact \(index) was not saved") }
                contactIds[index] = record.id
                summary.contacts += 1
                if planned.isDuplicate { summary.likelyDuplicates += 1 }
            case let .deal(index):
                var new = deals[index].new
                new.pipelineId = pipeline.id
                new.companyId = companyIds[deals[index].company]
                new.contactIds = deals[index].contacts.compactMap { contactIds[$0] }
                new.ownerId = owner(at: clock.now())
                dealRecords[index] = try database.deals.add(scope, new)
                summary.deals += 1
            case let .lineItems(index):
                let deal = dealRecords[index]!
                dealRecords[index] = try database.deals.setLineItems(scope, id: deal.id, items: deals[index].lineItems,
                                                                     expectedVersion: deal.version)
                summary.dealsWithLineItems += 1
            case let .move(index, stage):
                let deal = dealRecords[index]!
                let target = stages[stage]
                dealRecords[index] = try database.deals.move(scope, id: deal.id, to: target.id,
                                                             lostReason: target.kind == .lost ? deals[index].lostReason : "",
                                                             expectedVersion: deal.version)
                summary.stageMoves += 1
            case let .interaction(index):
                let planned = interactions[index]
                var interaction = planned.interaction
                if let contact = planned.contact { interaction.contactID = contactIds[contact] }
                if let deal = planned.deal { interaction.dealID = dealRecords[deal]?.id }
                if interaction.companyID == nil {
                    let company = planned.deal.map { deals[$0].company } ?? planned.contact.map { contacts[$0].company }
                    interaction.companyID = company.map { companyIds[$0] }
                }
                _ = try database.interactions.log(scope, interaction)
                summary.interactions += 1
            case let .task(index):
                let planned = tasks[index]
                var task = planned.task
                if let contact = planned.contact { task.contactID = contactIds[contact] }
                if let deal = planned.deal {
                    task.dealID = dealRecords[deal]?.id
                    task.companyID = companyIds[deals[deal].company]
                }
                taskRecords[index] = try database.crmTasks.add(scope, task)
                summary.tasks += 1
            case let .completeTask(index):
                let record = taskRecords[index]!
                taskRecords[index] = try database.crmTasks.complete(scope, id: record.id, expectedVersion: record.version)
                summary.tasksCompleted += 1
            }
        }
    }
}
