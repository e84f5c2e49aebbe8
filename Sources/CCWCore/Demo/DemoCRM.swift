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
        var seeder = try DemoCRMSeeder(database: database, clock: clock, scope: scope, end: end, size: size)
        try seeder.run()
        return seeder.summary
    }
}
