/// Every periodic job the installation runs, in `ccw worker` and in each open TUI (a slot
/// runs once across all of them).
public enum BackgroundJobs {
    public static var all: [Job] { MaintenanceJobs.all + [LeadScoreRefresh.job] }
}
