import COpenXR

/// xrPerfSettingsSetPerformanceLevelEXT: the runtime's when it has the
/// extension; otherwise the layer checks the arguments as a runtime would
/// and accepts the hint (it has no clocks to set).
func layerPerfSettingsSetPerformanceLevelEXT(
    _ session: XrSession?, _ domain: XrPerfSettingsDomainEXT, _ level: XrPerfSettingsLevelEXT
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    let instance = state.instance
    guard instance.layerExtensions.contains(LayerExtensions.performanceSettings) else {
        return XR_ERROR_FUNCTION_UNSUPPORTED
    }
    if instance.performanceSettingsNative {
        var function: PFN_xrVoidFunction?
        let handle = OpaquePointer(bitPattern: instance.handle)
        guard instance.next.getInstanceProcAddr(handle, "xrPerfSettingsSetPerformanceLevelEXT", &function) == XR_SUCCESS,
              let function else { return XR_ERROR_FUNCTION_UNSUPPORTED }
        return unsafeBitCast(function, to: PFN_xrPerfSettingsSetPerformanceLevelEXT.self)(session, domain, level)
    }
    let domains: [XrPerfSettingsDomainEXT] = [XR_PERF_SETTINGS_DOMAIN_CPU_EXT, XR_PERF_SETTINGS_DOMAIN_GPU_EXT]
    let levels: [XrPerfSettingsLevelEXT] = [
        XR_PERF_SETTINGS_LEVEL_POWER_SAVINGS_EXT, XR_PERF_SETTINGS_LEVEL_SUSTAINED_LOW_EXT,
        XR_PERF_SETTINGS_LEVEL_SUSTAINED_HIGH_EXT, XR_PERF_SETTINGS_LEVEL_BOOST_EXT,
    ]
    guard domains.contains(domain), levels.contains(level) else { return XR_ERROR_VALIDATION_FAILURE }
    logInfo("performance level \(level.rawValue) asked for domain \(domain.rawValue) (the runtime has no XR_EXT_performance_settings: noted)")
    return XR_SUCCESS
}

/// xrPollEvent, when a session of this instance has a performance
/// notification waiting: hands it over instead of asking the runtime (its
/// events wait for the next poll). Returns nil when there is none.
func pollLayerEvent(_ instance: InstanceState, _ buffer: UnsafeMutablePointer<XrEventDataBuffer>?) -> XrResult? {
    guard instance.pendingLayerEvents.load(ordering: .acquiring) > 0,
          let buffer, buffer.pointee.type == XR_TYPE_EVENT_DATA_BUFFER else { return nil }
    for session in Registry.sessions.snapshot() where session.instance === instance {
        guard let controller = session.controller, let event = controller.events.pop() else { continue }
        instance.pendingLayerEvents.subtract(1, ordering: .releasing)
        UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: XrEventDataPerfSettingsEXT.self).pointee = event
        return XR_SUCCESS
    }
    return nil
}
