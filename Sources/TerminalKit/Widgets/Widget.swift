/// A widget draws itself into a rectangle of a surface. It is a value: data in, cells out.
public protocol Widget {
    func render(_ area: Rect, on surface: Surface)
}

/// A widget whose scroll position, selection or cursor lives in a separate state value that the
/// owner keeps between frames (so the widget itself stays a pure function of data and state).
public protocol StatefulWidget {
    associatedtype State
    func render(_ area: Rect, on surface: Surface, state: inout State)
}
