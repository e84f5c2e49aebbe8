import CCWDomain

/// What a committed import did: how many records it saved, which rows it left out and why
/// (with their line in the file), how many saved rows were flagged as likely duplicates, and
/// which companies it created along the way.
public struct ImportOutcome: Sendable, Hashable {
    /// A row of the file that was not saved.
    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public var imported: Int
    public var skipped: [Skipped]
    /// Saved rows that the preview flagged as likely duplicates (merge them later).
    public var flaggedDuplicates: Int
    public var companiesCreated: [String]

    /// `120 contacts imported, 3 bad rows skipped, 2 likely duplicates flagged`.
    public func summary(noun: String) -> String {
        let plural = noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
        var parts = ["\(imported) \(imported == 1 ? noun : plural) imported"]
        if !skipped.isEmpty { parts.append("\(skipped.count) bad row\(skipped.count == 1 ? "" : "s") skipped") }
        if flaggedDuplicates > 0 {
            parts.append("\(flaggedDuplicates) likely duplicate\(flaggedDuplicates == 1 ? "" : "s") flagged")
        }
        if !companiesCreated.isEmpty {
            parts.append("\(companiesCreated.count) new compan\(companiesCreated.count == 1 ? "y" : "ies")")
        }
        return parts.joined(separator: ", ")
    }
}

/// Shared steps of the contact and company imports.
enum ImportSupport {
    /// Reads an import file's bytes: UTF-8 (with or without a byte order mark), the
    /// delimiter detected from the header, every record with its line. A file that cannot be
    /// read at all is refused with the line where reading stopped.
    static func records(_ bytes: [UInt8]) throws -> [CSVRecord] {
        let text: String
        do { text = try UTF8Text.decode(bytes) } catch let error as InputError {
            throw CoreError.invalid("file", error.message)
        }
        return try records(text)
    }

    static func records(_ text: String) throws -> [CSVRecord] {
        do {
            return try CSVReader.read(text, delimiter: CSVReader.detectDelimiter(text))
        } catch let error as CSVError {
            throw CoreError.invalid("line \(error.line)", error.message)
        }
    }

    /// Runs a plan's initializer, turning header and file mistakes into field errors.
    static func plan<Plan>(_ make: () throws -> Plan) throws -> Plan {
        do {
            return try make()
        } catch let error as MappingError {
            throw CoreError.invalid(error.problems.map { FieldError(field: "header", message: $0) })
        } catch let error as InputError {
            throw CoreError.invalid("file", error.message)
        }
    }

    /// The refusal of an all-or-nothing import with bad rows: one message per bad row.
    static func badRows(_ rows: [(line: Int, errors: [String])]) -> CoreError {
        .invalid(rows.map { FieldError(field: "line \($0.line)", message: $0.errors.joined(separator: "; ")) })
    }
}
