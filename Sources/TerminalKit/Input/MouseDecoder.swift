import CNcursesw

/// Turns an ncurses mouse report (`getmouse`'s button state and position) into a `MouseEvent`.
/// Only the left button and the wheel are reported; motion and other buttons are dropped.
public enum MouseDecoder {
    /// The button-state bits this decoder reads; the backend passes the real ncurses masks.
    public struct Masks: Sendable {
        public var press: UInt, release: UInt, wheelUp: UInt, wheelDown: UInt
        public init(press: UInt, release: UInt, wheelUp: UInt, wheelDown: UInt) {
            self.press = press; self.release = release; self.wheelUp = wheelUp; self.wheelDown = wheelDown
        }

        /// The masks of the linked ncurses.
        public static var ncurses: Masks {
            Masks(press: UInt(ccw_button1_pressed()), release: UInt(ccw_button1_released()),
                  wheelUp: UInt(ccw_button4_pressed()), wheelDown: UInt(ccw_button5_pressed()))
        }
    }

    public static func event(buttonState: UInt, x: Int, y: Int, masks: Masks) -> MouseEvent? {
        let position = Point(x: x, y: y)
        if buttonState & masks.wheelUp != 0 { return MouseEvent(kind: .wheelUp, position: position) }
        if buttonState & masks.wheelDown != 0 { return MouseEvent(kind: .wheelDown, position: position) }
        if buttonState & masks.press != 0 { return MouseEvent(kind: .press, position: position) }
        if buttonState & masks.release != 0 { return MouseEvent(kind: .release, position: position) }
        return nil
    }
}
