import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with posix_spawn and waitpid. (Foundation's Process on Linux
/// can hang in waitUntilExit when the child forks a daemon, as `tmux new-session` does.)
enum Spawn {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil, captureOutput: Bool = true) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.path
        let tag = UUID().uuidString
        let outPath = captureOutput ? "\(dir)/spawn-\(tag).out" : "/dev/null"
        let errPath = captureOutput ? "\(dir)/spawn-\(tag).err" : "/dev/null"
        defer {
            if captureOutput { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
        guard rc == 0 else { throw TmuxSession.Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = captureOutput ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
        let err = captureOutput ? ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "") : ""
        return Result(status: exit, out: out, err: err)
    }
}
