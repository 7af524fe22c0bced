import Glibc
import XrSimCore

/// What is left to do after a session left the registry, done outside the
/// lock: Vulkan calls and file I/O must not stall other threads.
struct SessionTeardown {
    let stats: FrameStats
    let config: XrSimConfig
    let images: [VulkanSwapchainImages]
    let gpuGate: FrameGpuGate?

    func finish() {
        gpuGate?.destroy()
        for set in images { set.destroy() }
        Log.info(sessionEndedLine(stats))
        if let path = config.statsFile { appendStats(to: path) }
    }

    private func appendStats(to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            Log.warn("cannot open XRSIM_STATS_FILE \(path): errno \(errno)")
            return
        }
        defer { close(fd) }
        let bytes = Array(sessionStatsJSON(stats, runtimeName: config.runtimeName).utf8)
        // O_APPEND makes one write(2) of a short line land whole, even with other writers.
        if bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) != bytes.count {
            Log.warn("short write to XRSIM_STATS_FILE \(path)")
        }
    }
}

extension Registry {
    /// Removes a session with its spaces and swapchains (spec: destroying a
    /// handle destroys its children) and drops its pending events.
    mutating func removeSession(_ id: UInt64) -> SessionTeardown? {
        guard let session = sessions.remove(id) else { return nil }
        for space in spaces.handles(where: { $0.session == id }) { spaces.remove(space) }
        var images: [VulkanSwapchainImages] = []
        for handle in swapchains.handles(where: { $0.session == id }) {
            if let swapchain = swapchains.remove(handle) { images.append(swapchain.images) }
        }
        let instance = instances[session.instance]
        instance?.events.removeEvents(of: id)
        return SessionTeardown(stats: session.frameLoop.stats, config: instance?.config ?? XrSimConfig(), images: images,
                               gpuGate: session.gpuGate)
    }

    mutating func removeActionSet(_ id: UInt64) {
        guard actionSets.remove(id) != nil else { return }
        for action in actions.handles(where: { $0.actionSet == id }) { actions.remove(action) }
    }

    /// Removes an instance and everything created from it.
    mutating func removeInstance(_ id: UInt64) -> [SessionTeardown] {
        let teardowns = sessions.handles(where: { $0.instance == id }).compactMap { removeSession($0) }
        for set in actionSets.handles(where: { $0.instance == id }) { removeActionSet(set) }
        instances.remove(id)
        return teardowns
    }
}
