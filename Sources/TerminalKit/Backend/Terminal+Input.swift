import CNcursesw
import Foundation

extension Terminal {
    /// Waits up to `milliseconds` (negative: no limit) for the next input. Returns nil when the
    /// time is up or when `waker.wake()` was called, so the loop can handle its messages.
    /// A terminal resize resizes the back buffer (its content is cleared) and returns `.resize`.
    public func nextEvent(timeout milliseconds: Int) -> InputEvent? {
        guard !isStopped else { return nil }
        if let event = takePending() { return event }
        // curses may hold input it already read from the tty, which poll cannot see.
        if let event = readAvailableInput() { return event }

        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: milliseconds < 0 ? -1 : milliseconds))
        if ready < 0 {
            // EINTR: most likely SIGWINCH, which curses turns into KEY_RESIZE on the next read.
            return errno == EINTR ? readAvailableInput() : nil
        }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { Self.terminalLost() }
        if fds[1].revents != 0 {
            waker.drain()
            return checkSize()
        }
        if fds[0].revents != 0 { return readAvailableInput() }
        return checkSize()
    }

    /// A SIGWINCH that arrives while the loop is drawing (not waiting in poll) is only reported
    /// by curses with the next key. So on every timeout or wake-up, compare the tty's real size
    /// with ours and resize when they differ.
    private func checkSize() -> InputEvent? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        let size = Size(width: Int(ws.ws_col), height: Int(ws.ws_row))
        guard size != backBuffer.size else { return nil }
        _ = resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
        backBuffer.resize(width: size.width, height: size.height)
        painter.invalidate()
        return .resize(size)
    }

    private func takePending() -> InputEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    /// Reads everything curses has right now without waiting (beyond curses' own escape delay),
    /// feeding the decoder until it produces an event or the input runs dry.
    private func readAvailableInput() -> InputEvent? {
        let window = ccw_stdscr()
        wtimeout(window, 0)
        while true {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            let decoded: [DecodedInput]
            if status == ccw_key_code_yes() {
                decoded = decoder.feed(.keyCode(Int32(bitPattern: value)))
            } else if status == OK {
                decoded = decoder.feed(.char(UInt32(value)))
            } else {
                // Nothing more: an Esc held back is a lone Esc.
                decoded = decoder.flush()
                pendingEvents.append(contentsOf: decoded.compactMap(event(from:)))
                return takePending()
            }
            pendingEvents.append(contentsOf: decoded.compactMap(event(from:)))
            if !decoder.isWaitingAfterEscape, let event = takePending() { return event }
        }
    }

    private func event(from decoded: DecodedInput) -> InputEvent? {
        switch decoded {
        case .key(let key):
            return .key(key)
        case .resize:
            let size = Size(width: Int(ccw_cols()), height: Int(ccw_lines()))
            backBuffer.resize(width: size.width, height: size.height)
            painter.invalidate()
            return .resize(size)
        case .mouse:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return MouseDecoder.event(buttonState: UInt(report.bstate), x: Int(report.x), y: Int(report.y),
                                      masks: .ncurses).map { .mouse($0) }
        }
    }

    /// The terminal went away (the SSH connection or the terminal emulator closed) and the
    /// SIGHUP did not end the process (ignored, or lost): end it the way SIGHUP would, instead
    /// of polling a dead terminal for ever.
    static func terminalLost() -> Never {
        TerminalRestore.restore()
        raise(SIGHUP)
        _exit(129)
    }
}
