import COpenXR
import Synchronization
import XrPerfCore

/// Quad views in one session of an instance that emulates them: whether the
/// app began the session with the quad configuration, where each eye's
/// focus view is (fixed or following the gaze).
final class SessionFoveation: @unchecked Sendable {
    static let quadViewCount = 4
    /// Active action sets the layer adds its own to on the stack.
    static let maximumActiveSets = 32
    let instance: InstanceFoveation
    let settings: ProfileSettings.Foveation
    /// xrBeginSession asked for PRIMARY_QUAD_VARJO (the runtime was told stereo).
    let isQuad = Atomic<Bool>(false)
    /// The session's gaze space, once the app attached its action sets with
    /// the layer's (nil: the focus stays at its fixed place).
    private let gazeSpace = Mutex<UInt?>(nil)
    /// Whether the system has an eye tracker (XR_EXT_eye_gaze_interaction).
    let gazeSupported: Bool
    private let filters = Mutex((GazeFilter(), GazeFilter()))
    /// Logged once: the gaze is not available and the focus stays fixed.
    let gazeFallbackLogged = Atomic<Bool>(false)
    /// Logged once: a view of a quad layer could not be composited.
    let focusSkippedLogged = Atomic<Bool>(false)

    init(instance: InstanceFoveation, settings: ProfileSettings.Foveation, gazeSupported: Bool) {
        self.instance = instance
        self.settings = settings
        self.gazeSupported = gazeSupported
    }

    /// Follows the gaze: the profile asks for it, the system tracks eyes and
    /// the layer's gaze action exists.
    var followsGaze: Bool { settings.mode == .gaze && gazeSupported && instance.gaze != nil }

    var space: XrSpace? { gazeSpace.withLock { $0 }.flatMap { OpaquePointer(bitPattern: $0) } }

    func setSpace(_ space: XrSpace?) {
        gazeSpace.withLock { $0 = space.map { UInt(bitPattern: $0) } }
    }

    /// Takes the space away (at session end) so no frame uses it after.
    func takeSpace() -> XrSpace? {
        gazeSpace.withLock { held in
            defer { held = nil }
            return held.flatMap { OpaquePointer(bitPattern: $0) }
        }
    }

    /// One frame's gaze for both eyes through their filters; nil entries
    /// mean the fixed centre.
    func filteredCentres(_ left: TangentPoint?, _ right: TangentPoint?) -> (TangentPoint?, TangentPoint?) {
        filters.withLock { filters in
            (filters.0.update(left), filters.1.update(right))
        }
    }
}
