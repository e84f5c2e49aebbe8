import CCWDomain

/// A message from a background job for the TUI (a toast) and for the notifications table.
/// `orgId` nil: about the installation, shown only to the process that ran the job.
/// `userId` nil: for every active member of the organization.
public struct JobNotice: Sendable, Hashable {
    public var orgId: Int64?
    public var userId: Int64?
    public var severity: NoticeSeverity
    public var message: String
    /// The job that produced it (filled in by the scheduler).
    public var job: String

    public init(orgId: Int64? = nil, userId: Int64? = nil, severity: NoticeSeverity = .info, message: String, job: String = "") {
        self.orgId = orgId
        self.userId = userId
        self.severity = severity
        self.message = message
        self.job = job
    }
}

/// What one run of a job did: a short summary for `job_runs` and notices for people.
public struct JobOutcome: Sendable, Hashable {
    public var summary: String
    public var notices: [JobNotice]

    public init(summary: String = "ok", notices: [JobNotice] = []) {
        self.summary = summary
        self.notices = notices
    }

    public static let idle = JobOutcome(summary: "nothing due")
}

/// What a running job gets: the database, the clock, and which slot it runs for.
public struct JobContext: Sendable {
    public let database: AppDatabase
    public let clock: any Clock
    public let jobName: String
    /// `now / interval` when the run was claimed; each slot runs at most once per installation.
    public let slot: Int64
    /// The first instant of the slot (`slot × interval`).
    public let slotStart: Int64
    /// The time the run was claimed.
    public let now: Int64
    /// The process that runs it, e.g. `host:4242`.
    public let holder: String
}

/// A periodic background job. It runs once per slot of `intervalMs` across all processes
/// sharing the database, and never twice at once (a lease of `leaseMs` guards a long run; if
/// the holder crashes, another process takes over when the lease expires).
public struct Job: Sendable {
    public let name: String
    public let intervalMs: Int64
    public let leaseMs: Int64
    public let run: @Sendable (JobContext) throws -> JobOutcome

    /// `leaseMs` defaults to the interval, at least 60 s and at most 30 min: a job running
    /// longer than its lease may be started again by another process.
    public init(name: String, every intervalMs: Int64, leaseMs: Int64? = nil,
                run: @escaping @Sendable (JobContext) throws -> JobOutcome) {
        precondition(intervalMs > 0, "a job interval must be positive")
        self.name = name
        self.intervalMs = intervalMs
        self.leaseMs = leaseMs ?? min(max(intervalMs, 60_000), 1_800_000)
        self.run = run
    }
}

/// One run this process made, as returned by `JobScheduler.tick()`.
public struct JobRun: Sendable, Hashable {
    public var job: String
    public var slot: Int64
    public var outcome: String
    public var failed: Bool
}
