import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// Runs a command body and turns failures into a message on stderr and the exit status UX.md
/// gives: 1 refused input or rule, 3 conflict or locked, 4 not permitted.
enum CommandRunner {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CoreError {
            Output.message("ccw: \(error.description)")
            throw ExitCode(error.exitCode)
        } catch let error as PermissionDenied {
            Output.message("ccw: \(error.description)")
            throw ExitCode(4)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Output.message("ccw: \(error)")
            throw ExitCode(1)
        }
    }

    /// Opens an existing database; a missing file is a clear refusal, not an empty new database.
    static func openExisting(_ path: String) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            Output.message("ccw: no database at \(path): create one with `ccw init` (or try `ccw demo`), or choose one with --db / CCW_DB")
            throw ExitCode(1)
        }
        return try AppDatabase.open(path: path)
    }

    /// Opens the database and logs in as the chosen login.
    static func session(_ options: GlobalOptions) throws -> (AppDatabase, Scope) {
        let db = try openExisting(options.databasePath)
        let scope = try db.login(options.effectiveLogin, org: options.org)
        return (db, scope)
    }
}
