import COpenXR

/// What xrEndFrame sends down, as the frame composer decided.
enum ComposedFrame {
    /// Nothing to change (or nothing the layer may change): the app's frame as it is.
    case unchanged
    /// The frame rewritten into the composer's scratch space.
    case rewritten(XrFrameEndInfo)
    /// The app's frame is invalid where a runtime would say so; return this.
    case invalid(XrResult)
}

/// A runtime's error for the app's frame, found before the frame goes down.
struct XrResultError: Error {
    let result: XrResult
}
