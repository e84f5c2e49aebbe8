import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw segments list|add|delete`: saved contact filters, the list the Contacts screen offers on `v`.
struct Segments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "Saved contact filters (segments).",
        discussion: """
            Conditions read like "title contains head", "status is customer", "industry in retail, food",
            "company size at least 201", "tags is vip" or "Umsatz at least 5000" (a custom field).
            """,
        subcommands: [SegmentsList.self, SegmentsAdd.self, SegmentsDelete.self])
}

/// A segment as `--json` prints it.
struct SegmentJSON: Encodable {
    var id: Int64
    var name: String
    var match: String
    var conditions: [String]
    var contacts: Int?

    init(_ record: SegmentRecord, contacts: Int? = nil) {
        id = record.id
        name = record.segment.name
        match = record.segment.match.rawValue
        conditions = record.segment.conditions.map(\.description)
        self.contacts = contacts
    }
}

struct SegmentsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List segments with their conditions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Count each segment's contacts (up to 1,000; reads the contacts).") var count = false

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let segments = try db.crmDefinitions.segments(scope)
            let counts: [Int?] = try segments.map { s in
                guard count else { return nil }
                var filter = ContactFilter()
                filter.segment = s.segment
                return try db.contacts.countMatching(scope, filter: filter, cap: 1000).count
            }
            if output.json { try Output.json(zip(segments, counts).map { SegmentJSON($0, contacts: $1) }); return }
            Output.table(["name", "contacts are in it when"] + (count ? ["contacts"] : []), zip(segments, counts).map { s, n in
                [s.segment.name, s.segment.summary] + (n.map { [$0 >= 1000 ? "1,000+" : "\($0)"] } ?? [])
            })
        }
    }
}

struct SegmentsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a segment.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The segment's name.") var name: String
    @Option(name: .customLong("where"), help: "A condition, e.g. \"status is customer\" (repeat for more).") var conditions: [String] = []
    @Flag(help: "Contacts meeting any condition are in it (default: all conditions).") var any = false

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard !conditions.isEmpty else { throw CoreError.invalid([FieldError(field: "where", message: "give at least one --where condition")]) }
            let parsed = try conditions.enumerated().map { i, text in
                do { return try ConditionText.condition(text) } catch let e as InputError {
                    throw CoreError.invalid([FieldError(field: "where #\(i + 1)", message: e.message)])
                }
            }
            let record = try db.crmDefinitions.addSegment(scope, Segment(name: name, match: any ? .any : .all, conditions: parsed))
            Output.message("added segment \(record.segment.name): \(record.segment.summary)")
        }
    }
}

struct SegmentsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a segment.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The segment's name.") var name: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let record = try db.crmDefinitions.segments(scope).first(where: { $0.segment.name.lowercased() == name.lowercased() }) else {
                throw CoreError.notFound(entity: "segment", key: name)
            }
            try db.crmDefinitions.deleteSegment(scope, id: record.id, expectedVersion: record.stamp.version)
            Output.message("deleted segment \(record.segment.name)")
        }
    }
}
