import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies list [--search TEXT] [--limit N] [--json]`, in name order, keyset paged.
struct CompaniesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List companies in name order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Substring of the name or web domain.") var search: String?
    @Option(help: "At most this many companies (default: all).") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            var items: [CompanyJSON] = []
            var cursor: CompanyCursor?
            while limit.map({ items.count < $0 }) ?? true {
                let want = min(500, (limit ?? Int.max) - items.count)
                let page = try db.companies.page(scope, text: search, after: cursor, limit: want)
                items += page.map(CompanyJSON.init)
                guard page.count == want, let last = page.last else { break }
                cursor = last.cursor
            }
            if output.json { try Output.json(items); return }
            Output.table(["id", "name", "industry", "city", "status"],
                         items.map { ["\($0.id)", $0.name, $0.industry, $0.city, $0.status] }, rightAligned: [0])
        }
    }
}
