import CCWCore
import CCWDomain

/// Win/loss analysis of one pipeline over a period of close dates, and the forecast of its open
/// deals by expected close month, with owner logins and stage names ready to show.
public final class DealAnalysisModel {
    /// Which closed deals win/loss counts, by close date.
    public enum Period: String, Sendable, Hashable, CaseIterable {
        case last90Days = "last 90 days"
        case last12Months = "last 12 months"
        case allTime = "all time"

        func range(today: CalendarDate) -> ClosedRange<CalendarDate>? {
            switch self {
            case .last90Days: today.adding(days: -89)...today
            case .last12Months: today.adding(days: -364)...today
            case .allTime: nil
            }
        }
    }

    public enum Intent: Sendable {
        case reload
        case choosePipeline(PipelineID)
        case setPeriod(Period)
    }

    public let session: AppSession
    public private(set) var pipelines: [PipelineRecord] = []
    public private(set) var pipeline: Pipeline?
    public private(set) var period: Period = .last12Months
    public private(set) var winLoss: WinLossAnalysis?
    public private(set) var forecast: Forecast?
    /// Logins of the owners in `winLoss.byOwner`.
    public private(set) var ownerLogins: [UserID: String] = [:]
    public private(set) var error: String?
    /// Forecast months from the current one.
    public let months = 6

    public init(session: AppSession) { self.session = session }

    public var currency: CurrencyCode { session.baseCurrency }

    public func send(_ intent: Intent) {
        switch intent {
        case .reload: load(pipeline?.id)
        case .choosePipeline(let id): load(id)
        case .setPeriod(let p): period = p; load(pipeline?.id)
        }
    }

    public func ownerName(_ id: UserID) -> String { ownerLogins[id] ?? "user \(id.rawValue)" }

    private func load(_ id: PipelineID?) {
        do {
            let deals = session.database.deals
            pipelines = try session.database.pipelines.list(session.scope)
            guard let chosen = pipelines.first(where: { $0.id == id }) ?? pipelines.first(where: \.isDefault) ?? pipelines.first else {
                pipeline = nil; winLoss = nil; forecast = nil
                error = "no pipeline yet: deals appear here once the first one is added"
                return
            }
            pipeline = chosen.pipeline
            let analysis = try deals.winLoss(session.scope, pipeline: chosen.id, period: period.range(today: session.today))
            winLoss = analysis
            forecast = try deals.forecast(session.scope, pipeline: chosen.id, from: Forecast.Month(session.today), months: months)
            ownerLogins = try deals.ownerLogins(session.scope, ids: analysis.byOwner.map(\.owner))
            error = nil
        } catch {
            self.error = describe(error)
        }
    }
}
