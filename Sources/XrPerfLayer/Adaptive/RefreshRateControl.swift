import COpenXR
import Glibc
import XrPerfCore

/// The display refresh rate as a knob (XR_FB_display_refresh_rate, when
/// the runtime has it and `controller.refreshRateAllowed`): after each
/// decision of the controller the planner may ask for the next lower rate
/// under sustained overload, or the next higher one with room to spare. The
/// request goes down from xrWaitFrame, at most once every few seconds.
final class RefreshRateControl: @unchecked Sendable {
    private let request: PFN_xrRequestDisplayRefreshRateFB
    private let session: XrSession
    /// Touched only from xrWaitFrame, which the app serialises per session.
    private var planner: RefreshRatePlanner

    /// nil when the runtime lists fewer than two rates or the functions are missing.
    init?(instance: InstanceState, session: XrSession) {
        let handle = OpaquePointer(bitPattern: instance.handle)
        func function<F>(_ name: String, _: F.Type) -> F? {
            var pointer: PFN_xrVoidFunction?
            guard instance.next.getInstanceProcAddr(handle, name, &pointer) == XR_SUCCESS, let pointer else { return nil }
            return unsafeBitCast(pointer, to: F.self)
        }
        guard let enumerate = function("xrEnumerateDisplayRefreshRatesFB", PFN_xrEnumerateDisplayRefreshRatesFB.self),
              let get = function("xrGetDisplayRefreshRateFB", PFN_xrGetDisplayRefreshRateFB.self),
              let request = function("xrRequestDisplayRefreshRateFB", PFN_xrRequestDisplayRefreshRateFB.self)
        else { return nil }
        var count: UInt32 = 0
        guard enumerate(session, 0, &count, nil) == XR_SUCCESS, count > 1 else { return nil }
        var rates = [Float](repeating: 0, count: Int(count))
        guard enumerate(session, count, &count, &rates) == XR_SUCCESS else { return nil }
        var current: Float = 0
        guard get(session, &current) == XR_SUCCESS else { return nil }
        self.request = request
        self.session = session
        planner = RefreshRatePlanner(rates: Array(rates.prefix(Int(count))), current: current)
        logInfo("refresh rate knob: \(planner.rates.map { String(Int($0.rounded())) }.joined(separator: "/")) Hz, now \(current) Hz")
    }

    /// xrWaitFrame, after the controller decided: the refresh rate is the
    /// knob applied here.
    func apply(_ decision: QualityDecision, headroom: Double) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        guard let rate = planner.decided(gpuMs: decision.forecastGpuMs, cpuMs: decision.forecastCpuMs, headroom: headroom,
                                         halfRate: decision.settings.frameDivisor > 1, atNs: nanoseconds) else { return }
        let result = request(session, rate)
        logInfo("refresh rate \(rate) Hz requested (XrResult \(result.rawValue))")
    }
}
