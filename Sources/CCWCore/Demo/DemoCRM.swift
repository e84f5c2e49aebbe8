import CCWDomain
import Foundation

/// A lived-in CRM for the demo: companies with subsidiaries, their people, deals moving
/// through the default pipeline, calls, emails, meetings, notes and tasks, plus segments and
/// lead-scoring rules.
///
/// Everything is written through the CRM use cases (validation, audit chain, outbox events)
/// as the organization's admin, on a `ManualClock` that walks forward over the last
/// `DemoHistory.days` days in office hours on working days, so created-at stamps, stage
/// history and "days in stage" look like weeks of real use. The data is chosen by a seeded
/// generator (SplitMix64, seeded from the organization's name), so the same organization
/// always gets the same CRM. Only `scope`'s organization is written.
public enum DemoCRM {
    /// How much to create.
    public struct Size: Sendable, Hashable {
        public var companies: Int
        public var contacts: Int
        public var deals: Int
        public var interactions: Int
        public var tasks: Int

        public init(companies: Int, contacts: Int, deals: Int, interactions: Int, tasks: Int) {
            self.companies = companies
            self.contacts = contacts
            self.deals = deals
            self.interactions = interactions
            self.tasks = tasks
        }

        /// The main demo organization's CRM.
        public static let full = Size(companies: 60, contacts: 400, deals: 120, interactions: 600, tasks: 150)
        /// A second organization's, smaller.
        public static let small = Size(companies: 14, contacts: 60, deals: 20, interactions: 80, tasks: 25)
    }

    /// What `seed` created.
    public struct Summary: Sendable, Hashable {
        public var companies = 0
        public var parentLinks = 0
        public var contacts = 0
        public var likelyDuplicates = 0
        public var deals = 0
        public var stageMoves = 0
        public var dealsWithLineItems = 0
        public var interactions = 0
        public var tasks = 0
        public var tasksCompleted = 0
        public var segments = 0
        public var scoringRules = 0
    }

    /// Fills `scope`'s organization with a CRM of `size`. `scope` must be the organization's admin
    /// (it lists the users); contacts, deals and tasks are owned by the organization's active sales
    /// users, each by one who was already a member at the time. Leaves the clock just before
    /// `end`; the caller sets it to `end`.
    @discardableResult
    public static func seed(database: AppDatabase, clock: ManualClock, scope: Scope, end: Int64,
                            size: Size = .full) throws -> Summary {
        var seeder = try Seeder(database: database, clock: clock, scope: scope, end: end, size: size)
        try seeder.run()
        return seeder.summary
    }
}

// MARK: - Deterministic randomness

/// SplitMix64: small, fast and the same on every platform (the standard library's generators
/// are neither seedable nor promised stable).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// FNV-1a of the text, so each organization gets its own stable sequence.
    init(seedText: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seedText.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.init(seed: hash)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (the modulo bias is irrelevant at these sizes).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A fraction in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Fisher–Yates with this generator.
    mutating func shuffle<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
        return items
    }

    /// `digits` with each `#` replaced by a random digit.
    mutating func fill(_ template: String) -> String {
        String(template.map { $0 == "#" ? Character(String(int(0...9))) : $0 })
    }
}

// MARK: - The seeder

private struct Seeder {
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

    // MARK: Companies

    mutating func planCompanies() {
        let catalogue = DemoCRMData.companies
        let count = min(size.companies, catalogue.count)
        // Parents come before their subsidiaries in the catalogue, so any prefix is whole.
        plannedCompanies = Array(catalogue.prefix(count))
        var position = 0.0
        for index in 0..<count {
            // The accounts are entered over the first days, a few minutes to hours apart.
            position += rng.double(0.0005, 0.18 / Double(count))
            companyPositions.append(position)
            schedule(position, .company(index))
            if plannedCompanies[index].acquiredLater {
                // Acquired in the third or fourth week: the link is made then.
                schedule(rng.double(0.55, 0.8), .acquisition(index))
            }
        }
        for index in 0..<count {
            plannedCompanies[index].company.annualRevenue = plannedCompanies[index].revenueMinor.map {
                Money(minor: $0, currency: currency)
            }
        }
    }

    // MARK: Contacts

    mutating func planContacts() {
        let companyCount = plannedCompanies.count
        guard companyCount > 0 else { return }
        // Larger companies get more contacts.
        let weights = plannedCompanies.map { spec in
            switch spec.company.employeeCount?.minimum ?? 1 {
            case ..<50: 2
            case ..<500: 4
            default: 6
            }
        }
        let totalWeight = weights.reduce(0, +)
        var perCompany = weights.map { max(1, $0 * size.contacts / totalWeight) }
        var index = 0
        while perCompany.reduce(0, +) < size.contacts {
            perCompany[index % companyCount] += 1
            index += 1
        }
        while perCompany.reduce(0, +) > size.contacts, let largest = perCompany.indices.max(by: { perCompany[$0] < perCompany[$1] }) {
            perCompany[largest] -= 1
        }
        let duplicatePairs = min(6, max(1, size.contacts / 60))
        for company in 0..<companyCount {
            let spec = plannedCompanies[company]
            for n in 0..<perCompany[company] {
                var draft = ContactDraft()
                draft[.company] = spec.company.name
                let name = DemoCRMData.name(for: spec.region, using: &rng)
                draft[.firstName] = name.first
                draft[.lastName] = name.last
                draft[.email] = email(first: name.romanFirst ?? name.first, last: name.romanLast ?? name.last,
                                      domain: spec.domain, style: 0)
                let (title, department) = rng.pick(DemoCRMData.titles)
                draft[.title] = n == 0 ? rng.pick(["Managing Director", "Head of Purchasing", "CEO", "Head of Operations"]) : title
                draft[.department] = n == 0 ? "Management" : department
                if n == 0 { draft[.isPrimary] = "yes" }
                fillAddressAndPhones(&draft, spec)
                draft[.status] = rng.pick(DemoCRMData.statuses).rawValue
                draft[.source] = rng.pick(DemoCRMData.sources)
                var tags: [String] = []
                for tag in DemoCRMData.contactTags where rng.chance(0.12) { tags.append(tag) }
                draft[.tags] = tags.joined(separator: ", ")
                let position = companyPositions[company] + rng.double(0.002, 0.9 - companyPositions[company])
                contacts.append(PlannedContact(company: company, position: position, draft: draft, ownerAt: time(position),
                                               isDuplicate: false))
            }
        }
        // A few people entered twice (a trade-fair list typed in again, a colleague who did
        // not search first), with the name spelt without accents and another address form,
        // sometimes with the same phone: what the duplicate screen is for.
        let candidates = rng.shuffle(Array(contacts.indices)).filter {
            let name = contacts[$0].draft[.firstName] + contacts[$0].draft[.lastName]
            return plannedCompanies[contacts[$0].company].region.isLatin
                && DemoCRMData.transliterated(name, capitalized: false) != name.lowercased()
        }
        for original in candidates.prefix(duplicatePairs) {
            let source = contacts[original]
            let spec = plannedCompanies[source.company]
            var draft = source.draft
            draft[.firstName] = DemoCRMData.transliterated(source.draft[.firstName], capitalized: true)
            draft[.lastName] = DemoCRMData.transliterated(source.draft[.lastName], capitalized: true)
            if draft[.firstName] == source.draft[.firstName] && draft[.lastName] == source.draft[.lastName] {
                draft[.lastName] = DemoCRMData.misspelt(draft[.lastName])
            }
            draft[.email] = email(first: draft[.firstName], last: draft[.lastName], domain: spec.domain, style: 1)
            draft[.isPrimary] = ""
            if !rng.chance(0.5) { draft[.mobile] = "" }
            let position = min(0.99, source.position + rng.double(0.01, 0.1))
            contacts.append(PlannedContact(company: source.company, position: position, draft: draft, ownerAt: time(position),
                                           isDuplicate: true))
        }
        // Planned in company order; scheduled by time.
        for index in contacts.indices { schedule(contacts[index].position, .contact(index)) }
    }

    /// A unique address at the company's domain: `first.last`, else `f.last`, else numbered.
    mutating func email(first: String, last: String, domain: String, style: Int) -> String {
        let f = DemoCRMData.emailPart(first), l = DemoCRMData.emailPart(last)
        var forms = style == 0 ? ["\(f).\(l)", "\(f.prefix(1)).\(l)", "\(f)\(l.prefix(1))"]
                               : ["\(f.prefix(1)).\(l)", "\(f)\(l.prefix(1))", "\(l).\(f)"]
        forms = forms.map { $0.isEmpty || $0.hasPrefix(".") || $0.hasSuffix(".") ? "contact" : $0 }
        var number = 2
        var candidate = forms[0]
        var formIndex = 0
        while usedEmails.contains("\(candidate)@\(domain)") {
            formIndex += 1
            if formIndex < forms.count { candidate = forms[formIndex] } else { candidate = "\(forms[0])\(number)"; number += 1 }
        }
        usedEmails.insert("\(candidate)@\(domain)")
        return "\(candidate)@\(domain)"
    }

    mutating func fillAddressAndPhones(_ draft: inout ContactDraft, _ spec: DemoCRMData.CompanySpec) {
        draft[.addressLine1] = spec.company.address.line1
        draft[.city] = spec.company.address.city
        draft[.postalCode] = spec.company.address.postalCode
        // Addresses at home are typed without a country, so their national phone numbers are
        // read with the organization's default country; abroad the country decides.
        if spec.countryCode != homeCountry { draft[.country] = spec.company.address.country }
        let formats = DemoCRMData.phoneFormats[spec.countryCode] ?? DemoCRMData.phoneFormats["DE"]!
        if rng.chance(0.85) { draft[.phone] = rng.fill(rng.pick(formats.landline)) }
        if rng.chance(0.5) { draft[.mobile] = rng.fill(rng.pick(formats.mobile)) }
    }

    // MARK: Deals

    mutating func planDeals(stages: [Stage]) {
        guard !plannedCompanies.isEmpty else { return }
        let open = stages.indices.filter { stages[$0].kind == .open }
        guard let won = stages.indices.first(where: { stages[$0].kind == .won }),
              let lost = stages.indices.first(where: { stages[$0].kind == .lost }), !open.isEmpty else { return }
        // Where each deal ends up: every stage, most in the open ones, a fair share closed.
        let weights = open.map { _ in 15 } + [24, 20]
        let finals = open + [won, lost]
        var outcomes: [Int] = []
        for (stage, weight) in zip(finals, weights) {
            outcomes += Array(repeating: stage, count: max(1, size.deals * weight / weights.reduce(0, +)))
        }
        while outcomes.count < size.deals { outcomes.append(open[outcomes.count % open.count]) }
        outcomes = rng.shuffle(Array(rng.shuffle(outcomes).prefix(size.deals)))

        let contactsByCompany = Dictionary(grouping: contacts.indices.filter { !contacts[$0].isDuplicate }) { contacts[$0].company }
        for (index, final) in outcomes.enumerated() {
            let company = rng.int(0...(plannedCompanies.count - 1))
            let spec = plannedCompanies[company]
            let position = max(companyPositions[company] + 0.01, rng.double(0.05, final == open[0] ? 0.97 : 0.8))
            let people = (contactsByCompany[company] ?? []).filter { contacts[$0].position < position }
            var chosen: [Int] = []
            if let first = people.first { chosen.append(rng.chance(0.6) ? first : rng.pick(people)) }
            if people.count > 2, rng.chance(0.35), let other = people.last, !chosen.contains(other) { chosen.append(other) }

            // The stages passed on the way, starting in the first (sometimes the second) stage.
            var path: [Int] = []
            let start = final != open[0] && rng.chance(0.25) && open.count > 1 ? open[1] : open[0]
            switch stages[final].kind {
            case .open: path = open.filter { $0 > start && $0 <= final }
            case .won: path = open.filter { $0 > start && $0 <= open[min(open.count - 1, rng.int(2...3))] } + [won]
            case .lost: path = open.filter { $0 > start && $0 <= open[rng.int(0...(open.count - 1))] } + [lost]
            }

            let created = date(time(position))
            let expected: CalendarDate = stages[final].kind == .open
                ? today.adding(days: rng.int(3...120))
                : created.adding(days: rng.int(14...60))
            let product = rng.pick(DemoCRMData.dealTopics)
            let euros = Int64(rng.pick([1, 2, 2, 3, 5, 5, 8, 12, 20, 35])) * Int64(rng.int(8...60)) * 100
            var new = NewDeal(name: "\(spec.shortName) – \(product)", value: Money(minor: euros * 100, currency: currency),
                              stageId: stages[start].id, expectedCloseDate: expected,
                              description: "\(product) for \(spec.company.name).",
                              source: rng.pick(DemoCRMData.sources), tags: rng.chance(0.3) ? [rng.pick(DemoCRMData.dealTags)] : [])
            new.probability = nil
            var lineItems: [DealLineItem] = []
            if rng.chance(0.22) {
                let items = rng.shuffle(DemoCRMData.lineItems).prefix(rng.int(1...4))
                for (n, item) in items.enumerated() {
                    let discount: LineDiscount = rng.chance(0.3) ? .percent(ExactDecimal(Int64(rng.pick([5, 10, 12, 15])))) : .none
                    lineItems.append(DealLineItem(description: item.name, quantity: ExactDecimal(Int64(rng.int(item.quantity))),
                                                  unitPrice: Money(minor: item.priceMinor, currency: currency),
                                                  discount: discount, sortOrder: n + 1))
                }
            }
            let lostReason = rng.pick(DemoCRMData.lostReasons)
            deals.append(PlannedDeal(company: company, contacts: chosen, position: position, new: new, lineItems: lineItems,
                                     path: path, lostReason: lostReason))
            schedule(position, .deal(index))
            var at = position + 0.0005
            if !lineItems.isEmpty { schedule(at, .lineItems(index)) }
            // The moves spread over the time left, each a while after the one before.
            for stage in path {
                at += (0.995 - at) * rng.double(0.12, 0.5)
                schedule(at, .move(index, stage: stage))
            }
        }
    }

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

// MARK: - The demo's vocabulary

/// Names, companies and phrases the demo CRM is made of. Web sites and email addresses use
/// the reserved `.example` top-level domain, so no address in the demo reaches anyone.
enum DemoCRMData {
    /// Where a company's people mostly come from (for their names).
    enum Region: CaseIterable {
        case german, polish, nordic, french, dutch, iberian, italian, british, central, japanese, chinese

        var isLatin: Bool { self != .japanese && self != .chinese }
    }

    struct CompanySpec {
        var company: Company
        var countryCode: String
        var region: Region
        var domain: String
        /// What deal names start with ("Brandt Maschinenbau").
        var shortName: String
        /// Index of the parent company in the catalogue (always earlier).
        var parent: Int?
        /// The parent link is made weeks later with `setParent` (an acquisition).
        var acquiredLater: Bool
        var revenueMinor: Int64?
    }

    struct Name {
        var first: String
        var last: String
        /// Latin spelling for the email address of names in other scripts.
        var romanFirst: String?
        var romanLast: String?
    }

    // MARK: Companies

    private typealias Row = (name: String, short: String, legal: String, industry: String, size: String, country: String,
                             city: String, postal: String, street: String, domain: String, parent: String?, acquired: Bool,
                             status: CompanyStatus, tags: [String])

    private static func row(_ name: String, _ short: String, _ industry: String, _ size: String, _ country: String,
                            _ city: String, _ postal: String, _ street: String, _ domain: String, parent: String? = nil,
                            acquired: Bool = false, legal: String = "", status: CompanyStatus = .active,
                            tags: [String] = []) -> Row {
        (name, short, legal, industry, size, country, city, postal, street, domain, parent, acquired, status, tags)
    }

    private static let countries: [String: (name: String, region: Region)] = [
        "DE": ("Germany", .german), "AT": ("Austria", .german), "CH": ("Switzerland", .german),
        "GB": ("United Kingdom", .british), "IE": ("Ireland", .british), "FR": ("France", .french),
        "NL": ("Netherlands", .dutch), "BE": ("Belgium", .dutch), "IT": ("Italy", .italian), "ES": ("Spain", .iberian),
        "PT": ("Portugal", .iberian), "DK": ("Denmark", .nordic), "SE": ("Sweden", .nordic), "FI": ("Finland", .nordic),
        "PL": ("Poland", .polish), "CZ": ("Czechia", .central), "HU": ("Hungary", .central), "GR": ("Greece", .central),
        "JP": ("Japan", .japanese), "CN": ("China", .chinese),
    ]

    /// About sixty accounts; parents come before their subsidiaries. Eight groups of two or
    /// three levels (two subsidiaries join their group later), the rest on their own.
    private static let rows: [Row] = [
        row("Brandt Holding AG", "Brandt", "Industrial holding", "1001-5000", "DE", "Hamburg", "20457", "Am Sandtorkai 41", "brandt-holding.example", tags: ["key-account"]),
        row("Brandt Maschinenbau GmbH", "Brandt Maschinenbau", "Machinery", "501-1000", "DE", "Bremen", "28197", "Hafenstraße 112", "brandt-maschinenbau.example", parent: "Brandt Holding AG", tags: ["key-account"]),
        row("Bäckerei Großmann GmbH", "Großmann", "Food production", "51-200", "DE", "München", "80331", "Sendlinger Straße 7", "baeckerei-grossmann.example"),
        row("Van der Berg Groep B.V.", "Van der Berg", "Logistics", "1001-5000", "NL", "Rotterdam", "3011 AA", "Wijnhaven 88", "vanderberg-groep.example", tags: ["export"]),
        row("Müller & Söhne Elektrotechnik KG", "Müller & Söhne", "Electrical engineering", "51-200", "DE", "Stuttgart", "70173", "Königstraße 28", "mueller-soehne.example"),
        row("東京商事", "東京商事", "Trading", "1001-5000", "JP", "東京都千代田区", "100-0005", "丸の内 2-7-3", "tokyo-shoji.example", legal: "東京商事株式会社 (Tokyo Shoji K.K.)", tags: ["partner", "export"]),
        row("Brandt Service GmbH", "Brandt Service", "Maintenance services", "51-200", "DE", "Bremen", "28197", "Hafenstraße 114", "brandt-service.example", parent: "Brandt Maschinenbau GmbH"),
        row("Whitfield & Sons Ltd", "Whitfield", "Wholesale", "201-500", "GB", "Manchester", "M1 1AE", "12 Piccadilly", "whitfield-sons.example"),
        row("Hoffmann Druck GmbH", "Hoffmann Druck", "Printing", "11-50", "DE", "Leipzig", "04109", "Karl-Liebknecht-Straße 54", "hoffmann-druck.example", status: .prospect),
        row("Krüger Stahl AG", "Krüger Stahl", "Steel trading", "1001-5000", "DE", "Duisburg", "47051", "Königstraße 60", "krueger-stahl.example", tags: ["key-account"]),
        row("Lefèvre Industries S.A.", "Lefèvre", "Packaging", "501-1000", "FR", "Lyon", "69002", "12 Rue de la République", "lefevre-industries.example", tags: ["export"]),
        row("Van der Berg Logistics B.V.", "VdB Logistics", "Logistics", "201-500", "NL", "Venlo", "5928 LX", "Columbusweg 21", "vdb-logistics.example", parent: "Van der Berg Groep B.V."),
        row("Zimmermann Holzbau GmbH", "Zimmermann Holzbau", "Construction", "11-50", "DE", "Freiburg im Breisgau", "79098", "Kaiser-Joseph-Straße 190", "zimmermann-holzbau.example"),
        row("Tokyo Shoji Europe GmbH", "Tokyo Shoji Europe", "Trading", "51-200", "DE", "Düsseldorf", "40212", "Immermannstraße 45", "tokyo-shoji-europe.example", parent: "東京商事", tags: ["partner"]),
        row("Nordlicht Lebensmittel AG", "Nordlicht", "Food wholesale", "1001-5000", "DE", "Kiel", "24103", "Holstenstraße 40", "nordlicht-lebensmittel.example"),
        row("Becker Pharma Vertrieb GmbH", "Becker Pharma", "Pharmaceuticals", "201-500", "DE", "Frankfurt am Main", "60311", "Neue Mainzer Straße 20", "becker-pharma.example"),
        row("Krüger Stahlhandel GmbH", "Krüger Stahlhandel", "Steel trading", "201-500", "DE", "Dortmund", "44137", "Westenhellweg 102", "krueger-stahlhandel.example", parent: "Krüger Stahl AG"),
        row("Nordlicht Frischdienst GmbH & Co. KG", "Nordlicht Frischdienst", "Food logistics", "201-500", "DE", "Neumünster", "24534", "Rendsburger Straße 77", "nordlicht-frischdienst.example", parent: "Nordlicht Lebensmittel AG"),
        row("Schröder Medizintechnik GmbH", "Schröder Medizintechnik", "Medical devices", "51-200", "DE", "Lübeck", "23552", "Breite Straße 33", "schroeder-medizintechnik.example"),
        row("Hallström Gruppen AB", "Hallström", "Industrial tools", "1001-5000", "SE", "Göteborg", "411 05", "Kungsportsavenyen 10", "hallstrom-gruppen.example", tags: ["export"]),
        row("Krüger Österreich GmbH", "Krüger Österreich", "Steel trading", "51-200", "AT", "Wien", "1010", "Kärntner Straße 51", "krueger-oesterreich.example", parent: "Krüger Stahl AG"),
        row("Lange Autoteile GmbH", "Lange Autoteile", "Automotive parts", "201-500", "DE", "Braunschweig", "38100", "Bohlweg 9", "lange-autoteile.example"),
        row("Nordlicht Kühllogistik GmbH", "Nordlicht Kühllogistik", "Cold chain logistics", "51-200", "DE", "Neumünster", "24537", "Wittorfer Straße 15", "nordlicht-kuehllogistik.example", parent: "Nordlicht Frischdienst GmbH & Co. KG"),
        row("Köhler Fahrradwerk GmbH", "Köhler Fahrradwerk", "Bicycles", "51-200", "DE", "Dresden", "01067", "Ostra-Allee 11", "koehler-fahrrad.example", status: .prospect),
        row("Hallström Deutschland GmbH", "Hallström Deutschland", "Industrial tools", "201-500", "DE", "Hannover", "30159", "Georgstraße 36", "hallstrom.de.example", parent: "Hallström Gruppen AB"),
        row("Van der Berg Deutschland GmbH", "VdB Deutschland", "Logistics", "51-200", "DE", "Düsseldorf", "40221", "Speditionstraße 23", "vdb-deutschland.example", parent: "Van der Berg Logistics B.V."),
        row("Wagner Textil AG", "Wagner Textil", "Textiles", "501-1000", "DE", "Augsburg", "86150", "Maximilianstraße 18", "wagner-textil.example"),
        row("Whitfield Packaging Ltd", "Whitfield Packaging", "Packaging", "51-200", "GB", "Bolton", "BL1 1HL", "3 Deansgate", "whitfield-packaging.example", parent: "Whitfield & Sons Ltd"),
        row("Richter Bürobedarf e.K.", "Richter Bürobedarf", "Office supplies", "1-10", "DE", "Hannover", "30161", "Lister Meile 21", "richter-buero.example"),
        row("Neumann Kältetechnik GmbH", "Neumann Kältetechnik", "Refrigeration", "11-50", "DE", "Nürnberg", "90402", "Königstraße 2", "neumann-kaelte.example"),
        row("Lefèvre Emballages S.A.S.", "Lefèvre Emballages", "Packaging", "201-500", "FR", "Villeurbanne", "69100", "45 Cours Émile Zola", "lefevre-emballages.example", parent: "Lefèvre Industries S.A."),
        row("Hallström Service GmbH", "Hallström Service", "Maintenance services", "11-50", "DE", "Kassel", "34117", "Kölnische Straße 5", "hallstrom-service.example", parent: "Hallström Deutschland GmbH"),
        row("Jäger Gartenbau KG", "Jäger Gartenbau", "Horticulture", "11-50", "DE", "Münster", "48143", "Prinzipalmarkt 8", "jaeger-gartenbau.example"),
        row("Fuchs Verpackungen GmbH", "Fuchs Verpackungen", "Packaging", "51-200", "DE", "Mannheim", "68161", "Planken O7 14", "fuchs-verpackungen.example"),
        row("Grünwald Bio-Markt GmbH", "Grünwald Bio-Markt", "Retail", "51-200", "DE", "Berlin", "10115", "Invalidenstraße 117", "gruenwald-bio.example", status: .prospect),
        row("Krause IT-Systemhaus GmbH", "Krause IT", "IT services", "11-50", "DE", "Berlin", "10969", "Friedrichstraße 231", "krause-it.example"),
        row("Hartmann Chemie AG", "Hartmann Chemie", "Chemicals", "1001-5000", "DE", "Ludwigshafen am Rhein", "67059", "Bismarckstraße 70", "hartmann-chemie.example", tags: ["key-account"]),
        row("Seidel Möbelwerkstätten GmbH", "Seidel Möbel", "Furniture", "51-200", "DE", "Bielefeld", "33602", "Niedernstraße 25", "seidel-moebel.example"),
        row("Pöhlmann Präzisionsteile GmbH", "Pöhlmann", "Precision parts", "201-500", "DE", "Chemnitz", "09111", "Straße der Nationen 12", "poehlmann-praezision.example"),
        row("Steirer Feinkost GmbH", "Steirer Feinkost", "Delicatessen", "11-50", "AT", "Graz", "8010", "Herrengasse 16", "steirer-feinkost.example"),
        row("Zürcher Uhrenmanufaktur AG", "Zürcher Uhren", "Watches", "201-500", "CH", "Zürich", "8001", "Bahnhofstrasse 44", "zuercher-uhren.example"),
        row("Dvořák Sklárna s.r.o.", "Dvořák Sklárna", "Glassware", "51-200", "CZ", "Brno", "602 00", "Masarykova 31", "dvorak-sklarna.example"),
        row("Horváth Agrár Kft.", "Horváth Agrár", "Agriculture", "51-200", "HU", "Szeged", "6720", "Kárász utca 9", "horvath-agrar.example", status: .prospect),
        row("García Logística S.L.", "García Logística", "Logistics", "201-500", "ES", "Zaragoza", "50004", "Paseo de la Independencia 21", "garcia-logistica.example"),
        row("Rossi Ceramiche S.p.A.", "Rossi Ceramiche", "Ceramics", "501-1000", "IT", "Modena", "41121", "Via Emilia Centro 120", "rossi-ceramiche.example", tags: ["export"]),
        row("Almeida Cortiça S.A.", "Almeida Cortiça", "Cork products", "51-200", "PT", "Porto", "4000-322", "Rua de Santa Catarina 77", "almeida-cortica.example"),
        row("Nørgaard Møbler A/S", "Nørgaard Møbler", "Furniture", "51-200", "DK", "Aarhus", "8000", "Søndergade 40", "norgaard-mobler.example"),
        row("Virtanen Paper Oy", "Virtanen Paper", "Paper", "501-1000", "FI", "Tampere", "33100", "Hämeenkatu 14", "virtanen-paper.example"),
        row("O'Connor Distribution Ltd", "O'Connor", "Wholesale", "51-200", "IE", "Dublin", "D02 X285", "18 Grafton Street", "oconnor-distribution.example"),
        row("Janssens Voeding N.V.", "Janssens Voeding", "Food wholesale", "201-500", "BE", "Antwerpen", "2000", "Meir 50", "janssens-voeding.example"),
        row("Moreau Transports S.A.", "Moreau Transports", "Logistics", "201-500", "FR", "Lille", "59000", "8 Rue Nationale", "moreau-transports.example"),
        row("De Vries Bloemen B.V.", "De Vries Bloemen", "Horticulture", "51-200", "NL", "Aalsmeer", "1431 GT", "Legmeerdijk 313", "devries-bloemen.example"),
        row("Kowalski Transport Sp. z o.o.", "Kowalski Transport", "Logistics", "51-200", "PL", "Poznań", "61-701", "ul. Święty Marcin 29", "kowalski-transport.example", parent: "Van der Berg Logistics B.V.", acquired: true),
        row("Schäfer Regalsysteme GmbH", "Schäfer Regalsysteme", "Storage systems", "51-200", "DE", "Kassel", "34117", "Obere Königsstraße 39", "schaefer-regale.example", parent: "Brandt Holding AG", acquired: true),
        row("Papadopoulos Trading S.A.", "Papadopoulos Trading", "Wholesale", "11-50", "GR", "Thessaloniki", "546 24", "Tsimiski 45", "papadopoulos-trading.example"),
        row("Hellwig Sicherheitstechnik GmbH", "Hellwig Sicherheit", "Security systems", "11-50", "DE", "Essen", "45127", "Kettwiger Straße 20", "hellwig-sicherheit.example"),
        row("Baumann Landmaschinen GmbH & Co. KG", "Baumann Landmaschinen", "Agricultural machinery", "201-500", "DE", "Osnabrück", "49074", "Große Straße 47", "baumann-landmaschinen.example"),
        row("上海精密机械有限公司", "上海精密机械", "Machinery", "501-1000", "CN", "上海市浦东新区", "200120", "世纪大道 100 号", "shanghai-precision.example", legal: "上海精密机械有限公司 (Shanghai Precision Machinery Co., Ltd.)", tags: ["partner"]),
        row("Brightwater Marine Ltd", "Brightwater Marine", "Marine equipment", "11-50", "GB", "Southampton", "SO14 2AQ", "40 Oxford Street", "brightwater-marine.example", status: .inactive),
        row("Weißenfels Getränke AG", "Weißenfels Getränke", "Beverages", "501-1000", "DE", "Köln", "50667", "Hohe Straße 52", "weissenfels-getraenke.example"),
    ]

    static let companies: [CompanySpec] = {
        var indexByName: [String: Int] = [:]
        var specs: [CompanySpec] = []
        for (index, row) in rows.enumerated() {
            indexByName[row.name] = index
            let country = countries[row.country]!
            let phoneCountry = try? PhoneCountry(row.country)
            let formats = phoneFormats[row.country]!
            // The head office's switchboard, digits derived from the row.
            var digit = index
            let switchboard = String(formats.landline[index % formats.landline.count].map { char -> Character in
                guard char == "#" else { return char }
                digit = (digit * 7 + 3) % 10
                return Character(String(digit))
            })
            let phone = try? PhoneNumber(switchboard, defaultCountry: phoneCountry)
            let size = try? CompanySize(parsing: row.size)
            let company = Company(name: row.name, legalName: row.legal.isEmpty ? row.name : row.legal, industry: row.industry,
                                  website: "https://www.\(row.domain)/", employeeCount: size, phone: phone,
                                  email: try? EmailAddress("info@\(row.domain)"),
                                  address: PostalAddress(line1: row.street, city: row.city, postalCode: row.postal, country: country.name),
                                  status: row.status, tags: row.tags)
            // Revenue roughly 150,000 per head at the band's lower end, in whole thousands.
            let revenue = size.map { Int64($0.minimum) * 150_000_00 / 100_000 * 100_000 }
            specs.append(CompanySpec(company: company, countryCode: row.country, region: country.region, domain: row.domain,
                                     shortName: row.short, parent: row.parent.map { indexByName[$0]! },
                                     acquiredLater: row.acquired, revenueMinor: revenue))
        }
        return specs
    }()

    // MARK: Phone numbers as people write them (national form; `#` is any digit)

    static let phoneFormats: [String: (landline: [String], mobile: [String])] = [
        "DE": (["030 #######", "040 #######", "089 #######", "0221 #######", "069 ########", "0711 #######", "0421 ######", "0341 #######"],
               ["0151 ########", "0160 #######", "0171 #######", "0176 ########"]),
        "AT": (["01 #######", "0316 ######"], ["0664 #######"]),
        "CH": (["044 ### ## ##", "032 ### ## ##"], ["079 ### ## ##"]),
        "GB": (["020 7946 0###", "0161 496 0###", "0117 496 0###"], ["07700 900###"]),
        "IE": (["01 ### ####"], ["087 ### ####"]),
        "FR": (["01 ## ## ## ##", "04 ## ## ## ##", "03 ## ## ## ##"], ["06 ## ## ## ##"]),
        "NL": (["010 ### ####", "020 ### ####", "0297 ## ## ##"], ["06 ########"]),
        "BE": (["03 ### ## ##"], ["0470 ## ## ##"]),
        "IT": (["059 ### ####"], ["347 ### ####"]),
        "ES": (["976 ### ###"], ["6## ### ###"]),
        "PT": (["22 ### ####"], ["912 ### ###"]),
        "DK": (["86 ## ## ##"], ["2# ## ## ##"]),
        "FI": (["03 ### ####"], ["040 ### ####"]),
        "SE": (["031 ### ## ##"], ["070 ### ## ##"]),
        "PL": (["61 ### ## ##"], ["601 ### ###"]),
        "CZ": (["5## ### ###"], ["7## ### ###"]),
        "HU": (["06 62 ### ###"], ["06 30 ### ####"]),
        "GR": (["2310 ######"], ["69# #######"]),
        "JP": (["03-####-####", "06-####-####"], ["090-####-####"]),
        // Not in the phone table: written internationally.
        "CN": (["+86 21 #### ####"], ["+86 139 #### ####"]),
    ]

    // MARK: People

    private static let names: [Region: (first: [String], last: [String])] = [
        .german: (["Anna", "Jürgen", "Sabine", "Katharina", "Maximilian", "Björn", "Jörg", "Günter", "Ute", "Dörte", "Lukas",
                   "Julia", "Stefan", "Andrea", "Michael", "Claudia", "Tobias", "Sandra", "Matthias", "Birgit", "Sebastian",
                   "Nicole", "Florian", "Lea", "Jan", "Heike", "Uwe", "Sören", "Mia", "Ömer", "Zoë", "Anja", "Ralf", "Kerstin",
                   "Dominik", "Franziska", "Timo", "Jana", "Hans-Peter", "Marie-Luise", "Leonie", "Moritz", "Käthe", "Elif"],
                  ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
                   "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
                   "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
                   "Köhler", "Groß", "Weiß", "Jäger", "Vogt", "Böhm", "Kaya", "Öztürk", "Petrović", "von Ahlen", "Maier",
                   "Müller-Lüdenscheidt", "Fuß", "Dietrich"]),
        .polish: (["Łukasz", "Agnieszka", "Bartosz", "Małgorzata", "Piotr", "Katarzyna", "Wojciech", "Zofia", "Paweł", "Joanna"],
                  ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska", "Zieliński", "Szymańska", "Dąbrowski"]),
        .nordic: (["Søren", "Åsa", "Mikael", "Linnea", "Jens", "Ingrid", "Henrik", "Sanna", "Mette", "Aino", "Björk", "Jørgen"],
                  ["Jensen", "Sørensen", "Nielsen", "Andersson", "Lindqvist", "Johansson", "Virtanen", "Korhonen",
                   "Bergström", "Håkansson", "Mäkinen", "Østergaard"]),
        .french: (["François", "Élodie", "Thierry", "Camille", "Hélène", "Jérôme", "Amélie", "Benoît", "Zoë", "Noël", "Cécile"],
                  ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Mercier", "Chevalier", "Bérard"]),
        .dutch: (["Sanne", "Daan", "Femke", "Thijs", "Lotte", "Bram", "Anouk", "Joost", "Maarten", "Eline"],
                 ["de Vries", "van der Berg", "Janssen", "Bakker", "Visser", "Smit", "van Dijk", "de Jong", "Mertens", "Peeters"]),
        .iberian: (["José", "Inês", "María", "João", "Lucía", "Álvaro", "Beatriz", "Sofía", "Raúl", "Conceição"],
                   ["García", "Fernández", "Martínez", "López", "Silva", "Santos", "Rodríguez", "Gonçalves", "Muñoz", "Pereira"]),
        .italian: (["Matteo", "Chiara", "Giulia", "Luca", "Francesca", "Niccolò", "Alessandra", "Davide", "Elisa"],
                   ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Esposito", "De Luca", "Galli"]),
        .british: (["Siobhán", "Niamh", "Liam", "Charlotte", "Harriet", "Callum", "Aoife", "Rhys", "Eleanor", "Priya", "Seán"],
                   ["O'Brien", "Murphy", "Taylor", "Davies", "Evans", "Thompson", "Walsh", "Kennedy", "Robinson",
                    "Clarke-Wilson", "Ó Súilleabháin", "Patel"]),
        .central: (["Tomáš", "Zuzana", "Kristóf", "Eszter", "Dimitris", "Eleni", "Petra", "Jiří", "Ágnes", "Nikos"],
                   ["Novák", "Dvořák", "Svobodová", "Horváth", "Nagy", "Papadopoulos", "Georgiou", "Kovács", "Procházka"]),
    ]

    /// Given name, family name and their Latin spelling.
    private static let eastAsian: [Region: [(String, String, String, String)]] = [
        .japanese: [("健", "田中", "ken", "tanaka"), ("由美", "佐藤", "yumi", "sato"), ("浩", "鈴木", "hiroshi", "suzuki"),
                    ("美咲", "高橋", "misaki", "takahashi"), ("翔太", "伊藤", "shota", "ito"), ("直子", "渡辺", "naoko", "watanabe"),
                    ("大輔", "山本", "daisuke", "yamamoto"), ("恵", "中村", "megumi", "nakamura")],
        .chinese: [("伟", "王", "wei", "wang"), ("芳", "李", "fang", "li"), ("磊", "张", "lei", "zhang"), ("静", "刘", "jing", "liu"),
                   ("强", "陈", "qiang", "chen"), ("敏", "杨", "min", "yang"), ("军", "赵", "jun", "zhao"), ("丽", "黄", "li", "huang")],
    ]

    /// Mostly a name of the company's region, sometimes one from anywhere in Europe.
    static func name(for region: Region, using rng: inout DemoRandom) -> Name {
        if let pool = eastAsian[region] {
            let (first, last, romanFirst, romanLast) = rng.pick(pool)
            return Name(first: first, last: last, romanFirst: romanFirst, romanLast: romanLast)
        }
        let latin = Region.allCases.filter(\.isLatin)
        let source = names[rng.chance(0.75) ? region : rng.pick(latin)]!
        return Name(first: rng.pick(source.first), last: rng.pick(source.last))
    }

    /// `Jürgen` → `Juergen`, `Søren` → `Soren`, `Łukasz` → `Lukasz`: how a name is typed on a
    /// keyboard without the letter.
    static func transliterated(_ text: String, capitalized: Bool) -> String {
        let map: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                                        "ø": "o", "Ø": "O", "å": "a", "Å": "A", "æ": "ae", "Æ": "Ae", "ł": "l", "Ł": "L",
                                        "đ": "d", "ı": "i", "ğ": "g", "ş": "s"]
        var out = ""
        for char in text {
            if let replacement = map[char] { out += replacement } else {
                out += String(char).folding(options: .diacriticInsensitive, locale: nil)
            }
        }
        return capitalized ? out : out.lowercased()
    }

    /// A typo in the last letters ("Schmidt" → "Schmitd").
    static func misspelt(_ text: String) -> String {
        var chars = Array(text)
        guard chars.count > 3 else { return text + "e" }
        chars.swapAt(chars.count - 1, chars.count - 2)
        return String(chars)
    }

    /// Lowercase ASCII letters, digits and hyphens for an email address.
    static func emailPart(_ text: String) -> String {
        let plain = transliterated(text, capitalized: false)
        return String(plain.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            .map(Character.init))
    }

    static let titles: [(String, String)] = [
        ("Managing Director", "Management"), ("CFO", "Finance"), ("Head of Purchasing", "Purchasing"),
        ("Purchasing Manager", "Purchasing"), ("Buyer", "Purchasing"), ("Senior Buyer", "Purchasing"),
        ("Procurement Specialist", "Purchasing"), ("Head of Logistics", "Logistics"), ("Warehouse Manager", "Logistics"),
        ("Operations Director", "Operations"), ("IT Director", "IT"), ("Office Manager", "Administration"),
        ("Accounts Payable Clerk", "Finance"), ("Controller", "Finance"), ("Key Account Manager", "Sales"),
        ("Technical Lead", "Engineering"), ("Plant Manager", "Production"), ("Quality Manager", "Quality"),
        ("Assistant to the Board", "Management"), ("Facility Manager", "Facilities"),
    ]

    static let statuses: [ContactStatus] = [.lead, .lead, .lead, .lead, .prospect, .prospect, .prospect,
                                            .customer, .customer, .customer, .inactive]
    static let sources = ["Website", "Referral", "Cold call", "Trade fair", "LinkedIn", "Partner", "Newsletter"]
    static let contactTags = ["vip", "newsletter", "trade-fair-2026", "decision-maker", "technical", "eu-export"]

    // MARK: Deals

    static let dealTopics = ["Pallet racking upgrade", "Annual maintenance contract", "Warehouse scanners", "Forklift fleet renewal",
                             "Packaging material 2027", "Conveyor extension", "Spare parts framework", "Cold storage expansion",
                             "Shelving for new site", "Label printers rollout", "Service level agreement", "Pilot order"]
    static let dealTags = ["framework", "renewal", "new-business", "upsell", "tender"]
    static let lostReasons = ["price", "price", "timing", "competitor", "competitor", "no budget", "no decision"]

    struct LineItemSpec {
        var name: String
        var priceMinor: Int64
        var quantity: ClosedRange<Int>
    }

    static let lineItems: [LineItemSpec] = [
        LineItemSpec(name: "Pallet racking bay 2.7 m", priceMinor: 48_900, quantity: 10...120),
        LineItemSpec(name: "Installation (per day)", priceMinor: 96_000, quantity: 1...8),
        LineItemSpec(name: "Annual maintenance", priceMinor: 450_000, quantity: 1...3),
        LineItemSpec(name: "Handheld barcode scanner", priceMinor: 79_500, quantity: 5...40),
        LineItemSpec(name: "Thermal label printer", priceMinor: 64_900, quantity: 2...12),
        LineItemSpec(name: "Operator training (per day)", priceMinor: 120_000, quantity: 1...4),
        LineItemSpec(name: "Stretch film roll 500 mm", priceMinor: 1_890, quantity: 100...900),
    ]

    // MARK: Interactions and tasks

    static let interactionKinds: [Interaction.Kind] = [.call, .call, .call, .email, .email, .email, .meeting, .note, .note]

    static let subjects: [Interaction.Kind: [(subject: String, description: String)]] = [
        .call: [("Intro call", "First conversation about their warehouse needs."),
                ("Follow-up on the quote", "Asked whether the quote arrived and who decides."),
                ("Delivery date check", "Confirmed the delivery window with the site manager."),
                ("Price question", "Wanted to know about volume discounts."),
                ("Service request", "Reported a fault on a scanner; passed on to service.")],
        .email: [("Quote sent", "Quote as PDF with the price list attached."),
                 ("Re: Price list 2026", "Answered questions on the new prices."),
                 ("Order confirmation", "Confirmed the order and the delivery address."),
                 ("Product brochure", "Sent the brochure and two reference projects."),
                 ("Meeting follow-up", "Summary of the meeting and next steps.")],
        .meeting: [("On-site visit", "Walked the warehouse; measured the aisles."),
                   ("Quarterly review", "Reviewed volumes and open issues."),
                   ("Product demo", "Showed the scanners and the label printers."),
                   ("Contract negotiation", "Discussed terms, payment and delivery.")],
        .note: [("Prefers email", "Rarely picks up the phone; write instead."),
                ("Budget approved", "Budget for next year approved by the board."),
                ("New contact person", "Purchasing moves to a new colleague next month."),
                ("Competitor on site", "A competitor presented last week.")],
    ]

    static let taskTitles = ["Send revised quote", "Call back about delivery dates", "Prepare proposal", "Book on-site visit",
                             "Check credit limit with accounting", "Send product samples", "Follow up on trade fair contact",
                             "Update contract draft", "Confirm meeting agenda", "Ask for reference customer",
                             "Send order confirmation", "Chase signed offer"]
}
