import COpenXR
import XrSimCore

// XR_FB_display_refresh_rate. None of these needs a running session (the
// spec lists no XR_ERROR_SESSION_NOT_RUNNING for them; Monado neither): apps
// pick a rate before xrBeginSession.

/// The session, provided its instance enabled `ext`: a pointer obtained from
/// one instance must not work on another's session (as Monado's
/// OXR_VERIFY_EXTENSION).
private func session(_ handle: XrSession?, with ext: InstanceExtension, in registry: Registry) throws(XrSimError) -> SessionObject {
    let object = try registry.session(handle)
    guard registry.instanceOf(session: object)?.extensions.contains(ext) == true else { throw .functionUnsupported }
    return object
}

func xrsimEnumerateDisplayRefreshRatesFB(_ session: XrSession?, _ capacity: UInt32,
                                         _ countOutput: UnsafeMutablePointer<UInt32>?,
                                         _ rates: UnsafeMutablePointer<Float>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let supported = try locked { registry throws(XrSimError) in
            try XrSim.session(session, with: .displayRefreshRate, in: registry).refreshRate.supported
        }
        return try writeArray(supported.map { Float($0) }, capacity: capacity, countOutput: countOutput, buffer: rates)
    }
}

func xrsimGetDisplayRefreshRateFB(_ session: XrSession?, _ rate: UnsafeMutablePointer<Float>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let current = try locked { registry throws(XrSimError) in
            try XrSim.session(session, with: .displayRefreshRate, in: registry).refreshRate.current
        }
        try required(rate).pointee = Float(current)
        return XR_SUCCESS
    }
}

func xrsimRequestDisplayRefreshRateFB(_ session: XrSession?, _ rate: Float) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try XrSim.session(session, with: .displayRefreshRate, in: registry)
            do throws(XrSimError) {
                try object.refreshRate.request(rate)
            } catch {
                Log.warn("xrRequestDisplayRefreshRateFB: \(rate) Hz is not a supported rate \(object.refreshRate.supported)")
                throw error
            }
            Log.info("display refresh rate \(rate == 0 ? "default" : "\(rate) Hz") requested; switching at the next xrWaitFrame")
            return XR_SUCCESS
        }
    }
}

extension Registry {
    /// In xrWaitFrame, before pacing: a requested rate takes effect with this
    /// frame, and the event goes out only when the rate really changed.
    func switchRefreshRateIfRequested(_ object: SessionObject, session id: UInt64) {
        guard let change = object.refreshRate.applyPending() else { return }
        object.pacer.changeRate(refreshHz: change.to)
        instanceOf(session: object)?.events.push(.refreshRateChanged(RefreshRateChangedEvent(session: id, change: change)))
        Log.info("display refresh rate \(change.from) -> \(change.to) Hz")
    }
}
