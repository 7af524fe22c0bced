import COpenXR
import XrSimCore

/// Checks the XrGraphicsBindingVulkanKHR chained to XrSessionCreateInfo.
private func vulkanBinding(in next: UnsafeRawPointer?, instance: InstanceObject) throws(XrSimError) -> VulkanBinding {
    guard let raw = findInChain(next, XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR) else {
        Log.error("xrCreateSession: no XrGraphicsBindingVulkanKHR in the next chain")
        throw .graphicsDeviceInvalid
    }
    guard instance.graphicsRequirementsQueried else { throw .graphicsRequirementsCallMissing }
    let binding = raw.assumingMemoryBound(to: XrGraphicsBindingVulkanKHR.self).pointee
    guard let vkInstance = binding.instance, let physical = binding.physicalDevice, let device = binding.device else {
        throw .graphicsDeviceInvalid
    }
    if !instance.returnedPhysicalDevices.isEmpty, !instance.returnedPhysicalDevices.contains(UInt(bitPattern: physical)) {
        Log.error("xrCreateSession: physical device is not the one xrGetVulkanGraphicsDevice(2)KHR returned")
        throw .graphicsDeviceInvalid
    }
    guard physicalDevices(of: vkInstance).contains(physical) else { throw .graphicsDeviceInvalid }
    var familyCount: UInt32 = 0
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &familyCount, nil)
    var families = [VkQueueFamilyProperties](repeating: VkQueueFamilyProperties(), count: Int(familyCount))
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &familyCount, &families)
    guard binding.queueFamilyIndex < familyCount,
        binding.queueIndex < families[Int(binding.queueFamilyIndex)].queueCount
    else { throw .graphicsDeviceInvalid }
    return VulkanBinding(instance: vkInstance, physicalDevice: physical, device: device,
                         queueFamilyIndex: binding.queueFamilyIndex, queueIndex: binding.queueIndex)
}

extension Registry {
    /// Queues the lifecycle's announced states as events of the session's instance.
    func announce(_ states: [SessionState], session id: UInt64) {
        guard let session = sessions[id], let instance = instances[session.instance] else { return }
        let now = monotonicNow()
        for state in states {
            instance.events.push(.sessionState(SessionStateEvent(session: id, state: state, time: now)))
            Log.debug("session state -> \(state)")
        }
    }
}

func xrsimCreateSession(_ instance: XrInstance?, _ createInfo: UnsafePointer<XrSessionCreateInfo>?,
                        _ session: UnsafeMutablePointer<XrSession?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let info = try required(createInfo).pointee
        let out = try required(session)
        try expectType(info.type, XR_TYPE_SESSION_CREATE_INFO)
        guard info.createFlags == 0 else { throw .validationFailure }
        guard info.systemId == hmdSystemID else { throw .systemInvalid }
        let binding = try locked { _ throws(XrSimError) in try vulkanBinding(in: info.next, instance: object) }
        let id = try locked { registry throws(XrSimError) -> UInt64 in
            _ = try registry.instance(instance)
            // One session per instance at a time, as most runtimes allow (spec: XR_ERROR_LIMIT_REACHED).
            guard registry.sessions.handles(where: { $0.instance == handleID(instance) }).isEmpty else { throw .limitReached }
            let id = registry.allocator.allocate()
            let session = SessionObject(instance: handleID(instance), vulkan: binding, config: object.config, now: monotonicNow())
            registry.sessions.insert(session, as: id)
            registry.announce(session.lifecycle.created(), session: id)
            return id
        }
        out.pointee = makeHandle(id)
        Log.info("session created (\(object.config.resolution.width)x\(object.config.resolution.height) per eye, \(object.config.refreshHz) Hz)")
        return XR_SUCCESS
    }
}

func xrsimDestroySession(_ session: XrSession?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let teardown = try locked { registry throws(XrSimError) -> SessionTeardown? in
            _ = try registry.session(session)
            return registry.removeSession(handleID(session))
        }
        teardown?.finish()
        return XR_SUCCESS
    }
}

func xrsimBeginSession(_ session: XrSession?, _ beginInfo: UnsafePointer<XrSessionBeginInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let info = try required(beginInfo).pointee
            try expectType(info.type, XR_TYPE_SESSION_BEGIN_INFO)
            let configuration = try? registry.instanceOf(session: object)?.viewConfiguration(info.primaryViewConfigurationType)
            let states = try object.lifecycle.begin(viewConfigurationSupported: configuration != nil)
            object.viewConfiguration = configuration ?? .stereo
            object.frameLoop.reset()
            registry.announce(states, session: handleID(session))
            Log.debug("session begun")
            return XR_SUCCESS
        }
    }
}

func xrsimEndSession(_ session: XrSession?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let states = try object.lifecycle.end()
            object.frameLoop.reset()
            registry.announce(states, session: handleID(session))
            Log.debug("session ended by the application")
            return XR_SUCCESS
        }
    }
}

func xrsimRequestExitSession(_ session: XrSession?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            registry.announce(try object.lifecycle.requestExit(), session: handleID(session))
            return XR_SUCCESS
        }
    }
}
