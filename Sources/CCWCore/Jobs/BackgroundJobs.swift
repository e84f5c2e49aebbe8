/// Every job a `ccw` process runs in the background (the TUI and `ccw worker` alike): the
/// maintenance jobs and the jobs of each business area. A slot runs once across all processes.
public enum BackgroundJobs {
    public static var all: [Job] { MaintenanceJobs.all + [TaskReminderJob.job, LeadScoreRefresh.job, LowStockNoticeJob.job] }
}
