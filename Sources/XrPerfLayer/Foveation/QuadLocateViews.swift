import COpenXR
import Glibc
import XrPerfCore

/// xrLocateViews for the emulated quad configuration: the runtime locates
/// the two stereo views; views 0 and 1 are those, views 2 and 3 have the same
/// poses and the focus sub-frustum of each eye, around the gaze or the fixed
/// centre. Runs every frame: no allocation.
func locateQuadViews(
    _ session: XrSession?, _ state: SessionState, _ foveation: SessionFoveation, _ locate: PFN_xrLocateViews,
    _ locateInfo: UnsafePointer<XrViewLocateInfo>, _ viewState: UnsafeMutablePointer<XrViewState>?, _ capacity: UInt32,
    _ countOutput: UnsafeMutablePointer<UInt32>?, _ views: UnsafeMutablePointer<XrView>?
) -> XrResult {
    var stereoInfo = locateInfo.pointee
    stereoInfo.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO
    // The runtime has not enabled XR_VARJO_foveated_rendering: its struct
    // does not go down (a validation layer below would reject it).
    stereoInfo.next = skippingHead(stereoInfo.next, of: XR_TYPE_VIEW_LOCATE_FOVEATED_RENDERING_VARJO)
    // The stereo views on the stack: apps may locate from any thread.
    return withUnsafeTemporaryAllocation(of: XrView.self, capacity: 2) { stereoViews in
        guard let stereo = stereoViews.baseAddress else { return XR_ERROR_RUNTIME_FAILURE }
        var blank = XrView()
        blank.type = XR_TYPE_VIEW
        stereo.initialize(repeating: blank, count: 2)
        return locateQuad(session, state, foveation, locate, locateInfo, &stereoInfo, stereo, viewState, capacity,
                          countOutput, views)
    }
}

private func locateQuad(
    _ session: XrSession?, _ state: SessionState, _ foveation: SessionFoveation, _ locate: PFN_xrLocateViews,
    _ locateInfo: UnsafePointer<XrViewLocateInfo>, _ stereoInfo: inout XrViewLocateInfo,
    _ stereoViews: UnsafeMutablePointer<XrView>, _ viewState: UnsafeMutablePointer<XrViewState>?, _ capacity: UInt32,
    _ countOutput: UnsafeMutablePointer<UInt32>?, _ views: UnsafeMutablePointer<XrView>?
) -> XrResult {
    var stereoCount: UInt32 = 0
    let result = locate(session, &stereoInfo, viewState, 2, &stereoCount, stereoViews)
    guard xrperf_succeeded(result) != 0 else { return result }
    guard let countOutput else { return XR_ERROR_VALIDATION_FAILURE }
    let count = UInt32(SessionFoveation.quadViewCount)
    countOutput.pointee = count
    guard capacity > 0 else { return result }
    guard capacity >= count else { return XR_ERROR_SIZE_INSUFFICIENT }
    guard let views, stereoCount == 2 else { return XR_ERROR_VALIDATION_FAILURE }
    for index in 0..<Int(count) where views[index].type != XR_TYPE_VIEW { return XR_ERROR_VALIDATION_FAILURE }

    let centres = focusCentres(state, foveation, locateInfo.pointee, stereoViews)
    for eye in 0..<2 {
        let stereo = stereoViews[eye]
        views[eye].pose = stereo.pose
        views[eye].fov = stereo.fov
        let eyeFov = tangentFov(stereo.fov)
        let centre = (eye == 0 ? centres.0 : centres.1)
            ?? FocusFrustum.fixedCentre(of: eyeFov, offsetX: foveation.settings.focusOffsetX,
                                        offsetY: foveation.settings.focusOffsetY)
        views[2 + eye].pose = stereo.pose
        views[2 + eye].fov = angleFov(FocusFrustum.fov(of: eyeFov, centre: centre, share: foveation.settings.focusSize))
    }
    return result
}

/// Each eye's gaze point through its filter, or nil (the fixed centre) when
/// the gaze is not followed or not available this frame.
private func focusCentres(_ state: SessionState, _ foveation: SessionFoveation, _ info: XrViewLocateInfo,
                          _ stereoViews: UnsafePointer<XrView>) -> (TangentPoint?, TangentPoint?) {
    guard foveation.followsGaze, appAsksForGaze(state, info) else { return (nil, nil) }
    guard let space = foveation.space, let locateSpace = state.instance.next.locateSpace else {
        if !foveation.gazeFallbackLogged.exchange(true, ordering: .relaxed) {
            logInfo("eye gaze: the app has not attached action sets yet, so the layer's gaze action is not attached; the focus stays fixed until it does")
        }
        return (nil, nil)
    }
    var location = XrSpaceLocation()
    location.type = XR_TYPE_SPACE_LOCATION
    let result = locateSpace(space, info.space, info.displayTime, &location)
    let needed = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT
    guard result == XR_SUCCESS, location.locationFlags & needed == needed else {
        return foveation.filteredCentres(nil, nil)
    }
    let gaze = quaternion(location.pose.orientation)
    let left = GazeProjection.tangentPoint(gaze: gaze, eye: quaternion(stereoViews[0].pose.orientation))
    let right = GazeProjection.tangentPoint(gaze: gaze, eye: quaternion(stereoViews[1].pose.orientation))
    return foveation.filteredCentres(left, right)
}

/// XR_VARJO_foveated_rendering: an app that enabled it chooses per call
/// (XrViewLocateFoveatedRenderingVARJO) whether the focus follows the eyes;
/// for an app that did not, the profile decides.
private func appAsksForGaze(_ state: SessionState, _ info: XrViewLocateInfo) -> Bool {
    guard state.instance.layerExtensions.contains(LayerExtensions.foveatedRendering) else { return true }
    var link = info.next
    while let current = link {
        let header = current.assumingMemoryBound(to: XrBaseInStructure.self).pointee
        if header.type == XR_TYPE_VIEW_LOCATE_FOVEATED_RENDERING_VARJO {
            return current.assumingMemoryBound(to: XrViewLocateFoveatedRenderingVARJO.self).pointee.foveatedRenderingActive != 0
        }
        link = UnsafeRawPointer(header.next)
    }
    return false
}

private func quaternion(_ q: XrQuaternionf) -> GazeProjection.Quaternion {
    GazeProjection.Quaternion(x: Double(q.x), y: Double(q.y), z: Double(q.z), w: Double(q.w))
}

func tangentFov(_ fov: XrFovf) -> TangentFov {
    TangentFov(left: tan(Double(fov.angleLeft)), right: tan(Double(fov.angleRight)),
               up: tan(Double(fov.angleUp)), down: tan(Double(fov.angleDown)))
}

func angleFov(_ fov: TangentFov) -> XrFovf {
    XrFovf(angleLeft: Float(atan(fov.left)), angleRight: Float(atan(fov.right)),
           angleUp: Float(atan(fov.up)), angleDown: Float(atan(fov.down)))
}
