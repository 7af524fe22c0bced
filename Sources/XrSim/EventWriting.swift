import COpenXR
import XrSimCore

/// Writes a queued event into the app's XrEventDataBuffer as its C struct;
/// the buffer is large enough for every event (XR_TYPE_EVENT_DATA_BUFFER).
func writeEvent(_ event: RuntimeEvent, to buffer: UnsafeMutablePointer<XrEventDataBuffer>) {
    let raw = UnsafeMutableRawPointer(buffer)
    switch event {
    case .sessionState(let event):
        raw.withMemoryRebound(to: XrEventDataSessionStateChanged.self, capacity: 1) { changed in
            changed.pointee = XrEventDataSessionStateChanged(
                type: XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED, next: nil, session: makeHandle(event.session),
                state: XrSessionState(UInt32(event.state.rawValue)), time: event.time)
        }
        Log.debug("event: session state \(event.state)")
    case .refreshRateChanged(let event):
        raw.withMemoryRebound(to: XrEventDataDisplayRefreshRateChangedFB.self, capacity: 1) { changed in
            changed.pointee = XrEventDataDisplayRefreshRateChangedFB(
                type: XR_TYPE_EVENT_DATA_DISPLAY_REFRESH_RATE_CHANGED_FB, next: nil,
                fromDisplayRefreshRate: event.from, toDisplayRefreshRate: event.to)
        }
        Log.debug("event: display refresh rate \(event.from) -> \(event.to) Hz")
    case .interactionProfileChanged(let session):
        raw.withMemoryRebound(to: XrEventDataInteractionProfileChanged.self, capacity: 1) { changed in
            changed.pointee = XrEventDataInteractionProfileChanged(
                type: XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED, next: nil, session: makeHandle(session))
        }
        Log.debug("event: interaction profile changed")
    }
}
