import COpenXR
import XrSimCore

private let allLocationFlags = XrSpaceLocationFlags(
    XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT
        | XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT)

private func referenceKind(_ type: XrReferenceSpaceType) throws(XrSimError) -> ReferenceSpaceKind {
    guard let kind = ReferenceSpaceKind(rawValue: Int32(bitPattern: type.rawValue)) else { throw .referenceSpaceUnsupported }
    return kind
}

extension Registry {
    /// A space of `session`; spaces of other sessions are invalid here.
    func space(_ handle: XrSpace?, of session: UInt64) throws(XrSimError) -> SpaceObject {
        let object = try space(handle)
        guard object.session == session else { throw .handleInvalid }
        return object
    }

    /// Where a space is in the common (STAGE) frame at `time`; nil when it is untracked.
    func poseInStage(_ space: SpaceObject, at time: Int64) -> Pose? {
        switch space.kind {
        case let .reference(kind):
            SimulatedHead.origin(of: kind).composed(with: space.offset)
        case let .action(action, eyes):
            actionSpacePose(action: action, eyes: eyes, offset: space.offset, session: space.session, time: time)
        }
    }
}

func xrsimEnumerateReferenceSpaces(_ session: XrSession?, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                   _ spaces: UnsafeMutablePointer<XrReferenceSpaceType>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.session(session) }
        let types = ReferenceSpaceKind.allCases.map { XrReferenceSpaceType(UInt32($0.rawValue)) }
        return try writeArray(types, capacity: capacity, countOutput: countOutput, buffer: spaces)
    }
}

func xrsimCreateReferenceSpace(_ session: XrSession?, _ createInfo: UnsafePointer<XrReferenceSpaceCreateInfo>?,
                               _ space: UnsafeMutablePointer<XrSpace?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            _ = try registry.session(session)
            let info = try required(createInfo).pointee
            let out = try required(space)
            try expectType(info.type, XR_TYPE_REFERENCE_SPACE_CREATE_INFO)
            let kind = try referenceKind(info.referenceSpaceType)
            let offset = pose(info.poseInReferenceSpace)
            guard offset.orientation.isNormalized else { throw .poseInvalid }
            let id = registry.allocator.allocate()
            registry.spaces.insert(SpaceObject(session: handleID(session), kind: .reference(kind), offset: offset), as: id)
            out.pointee = makeHandle(id)
            return XR_SUCCESS
        }
    }
}

func xrsimGetReferenceSpaceBoundsRect(_ session: XrSession?, _ type: XrReferenceSpaceType,
                                      _ bounds: UnsafeMutablePointer<XrExtent2Df>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.session(session) }
        let out = try required(bounds)
        switch try referenceKind(type) {
        case .stage:
            let side = 2 * SimulatedHead.stageHalfExtent
            out.pointee = XrExtent2Df(width: side, height: side)
            return XR_SUCCESS
        case .view, .local:
            out.pointee = XrExtent2Df(width: 0, height: 0)
            return XrResult(.spaceBoundsUnavailable)
        }
    }
}

func xrsimCreateActionSpace(_ session: XrSession?, _ createInfo: UnsafePointer<XrActionSpaceCreateInfo>?,
                            _ space: UnsafeMutablePointer<XrSpace?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let sessionObject = try registry.session(session)
            let info = try required(createInfo).pointee
            let out = try required(space)
            try expectType(info.type, XR_TYPE_ACTION_SPACE_CREATE_INFO)
            let action = try registry.action(info.action)
            guard action.instance == sessionObject.instance else { throw .handleInvalid }
            guard action.type == XR_ACTION_TYPE_POSE_INPUT else { throw .actionTypeMismatch }
            try registry.checkSubactionPath(info.subactionPath, of: action)
            let offset = pose(info.poseInActionSpace)
            guard offset.orientation.isNormalized else { throw .poseInvalid }
            let eyes = registry.selectsEyes(info.subactionPath, instance: action.instance)
            let id = registry.allocator.allocate()
            registry.spaces.insert(SpaceObject(session: handleID(session), kind: .action(action: handleID(info.action), eyes: eyes),
                                               offset: offset), as: id)
            out.pointee = makeHandle(id)
            return XR_SUCCESS
        }
    }
}

func xrsimLocateSpace(_ space: XrSpace?, _ baseSpace: XrSpace?, _ time: XrTime,
                      _ location: UnsafeMutablePointer<XrSpaceLocation>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let (target, base, isAction) = try locked { registry throws(XrSimError) -> (Pose?, Pose?, Bool) in
            let target = try registry.space(space)
            let base = try registry.space(baseSpace, of: target.session)
            let isAction = if case .action = target.kind { true } else { false }
            return (registry.poseInStage(target, at: time), registry.poseInStage(base, at: time), isAction)
        }
        let out = try required(location)
        try expectType(out.pointee.type, XR_TYPE_SPACE_LOCATION)
        guard time > 0 else { throw .timeInvalid }
        let velocity = findInOutputChain(out.pointee.next, XR_TYPE_SPACE_VELOCITY)?.assumingMemoryBound(to: XrSpaceVelocity.self)
        if isAction, let sample = findInOutputChain(out.pointee.next, XR_TYPE_EYE_GAZE_SAMPLE_TIME_EXT) {
            // The script gives the gaze at any time, as a predicting tracker
            // would; 0 is the spec's "no sample".
            sample.assumingMemoryBound(to: XrEyeGazeSampleTimeEXT.self).pointee.time = target == nil ? 0 : time
        }
        if let target, let base {
            out.pointee.locationFlags = allLocationFlags
            out.pointee.pose = xrPose(Pose.relative(target, to: base))
            // The simulated head never moves.
            velocity?.pointee.velocityFlags = XrSpaceVelocityFlags(XR_SPACE_VELOCITY_LINEAR_VALID_BIT | XR_SPACE_VELOCITY_ANGULAR_VALID_BIT)
        } else {
            out.pointee.locationFlags = 0
            out.pointee.pose = xrPose(.identity)
            velocity?.pointee.velocityFlags = 0
        }
        velocity?.pointee.linearVelocity = XrVector3f(x: 0, y: 0, z: 0)
        velocity?.pointee.angularVelocity = XrVector3f(x: 0, y: 0, z: 0)
        return XR_SUCCESS
    }
}

func xrsimDestroySpace(_ space: XrSpace?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            _ = try registry.space(space)
            registry.spaces.remove(handleID(space))
            return XR_SUCCESS
        }
    }
}

func xrsimLocateViews(_ session: XrSession?, _ viewLocateInfo: UnsafePointer<XrViewLocateInfo>?,
                      _ viewState: UnsafeMutablePointer<XrViewState>?, _ capacity: UInt32,
                      _ countOutput: UnsafeMutablePointer<UInt32>?, _ views: UnsafeMutablePointer<XrView>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let info = try required(viewLocateInfo).pointee
        let (base, owner) = try locked { registry throws(XrSimError) -> (Pose?, InstanceObject?) in
            let object = try registry.session(session)
            let space = try registry.space(info.space, of: handleID(session))
            return (registry.poseInStage(space, at: info.displayTime), registry.instanceOf(session: object))
        }
        try expectType(info.type, XR_TYPE_VIEW_LOCATE_INFO)
        let state = try required(viewState)
        try expectType(state.pointee.type, XR_TYPE_VIEW_STATE)
        guard let owner else { throw .handleInvalid }
        let configuration = try owner.viewConfiguration(info.viewConfigurationType)
        guard info.displayTime > 0 else { throw .timeInvalid }
        let result = try writeStructs(count: configuration.viewCount, capacity: capacity, countOutput: countOutput, buffer: views,
                                      isValid: { $0.type == XR_TYPE_VIEW }) { view, index in
            // Focus views sit at their eye: same pose, narrower fov.
            let eyeInStage = SimulatedHead.headInStage.composed(with: SimulatedHead.eyeInHead(configuration.eye(ofView: index)))
            view.pose = xrPose(base.map { Pose.relative(eyeInStage, to: $0) } ?? .identity)
            let fov = configuration.fov(ofView: index)
            view.fov = XrFovf(angleLeft: fov.angleLeft, angleRight: fov.angleRight, angleUp: fov.angleUp, angleDown: fov.angleDown)
        }
        state.pointee.viewStateFlags = base == nil ? 0 : allLocationFlags
        return result
    }
}
