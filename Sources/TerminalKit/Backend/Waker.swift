#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes the UI loop from another thread: `wake()` writes a byte to a pipe whose read end the
/// loop polls together with the keyboard. Both ends are non-blocking, so waking never blocks and
/// many wakes before the loop runs collapse into one.
public final class Waker: @unchecked Sendable {
    /// The end the loop polls for reading.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Creates the pipe. Fails only when the process is out of file descriptors.
    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError.systemCall("pipe", errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Safe from any thread. When the pipe is already full the loop is awake anyway.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; the loop calls this after poll reports it readable.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
