import Foundation

/// Messages for the UI thread from anywhere else (background jobs, slow queries). Posting wakes
/// the UI loop, which drains the inbox between key presses, so input never waits for them.
final class Inbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        wake()
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages.removeAll(keepingCapacity: true)
        return out
    }
}
