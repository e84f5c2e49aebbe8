import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw import contacts|companies FILE.csv [--dry-run] [--skip-bad-rows] [--map "Col=field"]`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from a CSV file (UTF-8, header row first).",
        discussion: """
        Headers map to fields by name (E-mail, Email Address and email are one field); --map "Column=field" \
        overrides, --map "Column=custom.NAME" keeps a column as a custom field, --map "Column=ignore" drops it. \
        Every refused row is reported as "line N: reason". Without --skip-bad-rows nothing is imported while any \
        row is bad.
        """,
        subcommands: [ImportContacts.self, ImportCompanies.self])
}

/// The options both imports share.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The CSV file (\"-\" reads standard input).") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check the file and show what would be imported; write nothing.")
    var dryRun = false
    @Flag(name: .customLong("skip-bad-rows"), help: "Import the good rows and report the bad ones (default: all or nothing).")
    var skipBadRows = false
    @Flag(name: .customLong("skip-duplicates"), help: "Leave out rows that look like existing records (default: import and flag them).")
    var skipDuplicates = false
    @Option(name: .customLong("map"), help: ArgumentHelp("Map a column to a field: \"Column=field\" (repeatable).", valueName: "Column=field"))
    var map: [String] = []

    var mode: ImportMode { skipBadRows ? .skipBadRows : .allOrNothing }
    var duplicates: LikelyDuplicatePolicy { skipDuplicates ? .skip : .importAndFlag }

    /// The file's bytes; a missing or unreadable file names the path.
    func bytes() throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CoreError.invalid([FieldError(field: "file", message: "cannot read \(file) (no such file, or not readable)")])
        }
        return Array(data)
    }
}

/// Prints the outcome of an import the same way for contacts and companies.
enum ImportReport {
    /// A dry run: the mapping, every bad row and flagged duplicate, the summary (stdout).
    /// Exits 1 when the real import would be refused (all-or-nothing with bad rows).
    static func dryRun(mapping: [String], report: [String], refused: Bool) throws {
        Output.data((["columns: " + mapping.joined(separator: ", ")] + report).joined(separator: "\n"))
        if refused { throw ExitCode(1) }
    }

    static func committed(_ outcome: ImportOutcome, noun: String) {
        for skipped in outcome.skipped { Output.message(skipped.description) }
        Output.message(outcome.summary(noun: noun))
    }
}
