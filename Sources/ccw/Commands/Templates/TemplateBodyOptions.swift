import ArgumentParser
import CCWCore
import Foundation

/// `--body` or `--body-file PATH` (`-` reads standard input), shared by add and update.
struct TemplateBodyOptions: ParsableArguments {
    @Option(help: "The body text (plain text with merge fields).") var body: String?
    @Option(help: ArgumentHelp("Read the body from this file (- for standard input).", valueName: "path")) var bodyFile: String?

    func validate() throws {
        if body != nil && bodyFile != nil { throw ValidationError("give --body or --body-file, not both") }
    }

    /// The body given, or nil when neither option was used.
    func read() throws -> String? {
        if let body { return body }
        guard let bodyFile else { return nil }
        let data: Data
        if bodyFile == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: bodyFile) else {
                throw CoreError.unreadable(path: bodyFile, detail: "no such file or not readable")
            }
            data = read
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CoreError.unreadable(path: bodyFile, detail: "not UTF-8 text")
        }
        return text
    }
}
