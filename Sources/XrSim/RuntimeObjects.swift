import COpenXR
import XrSimCore

/// The system id XrSim hands out: one HMD per instance.
let hmdSystemID: XrSystemId = 1

final class InstanceObject {
    let config: XrSimConfig
    let extensions: Set<InstanceExtension>
    var paths = PathTable()
    var events = EventQueue()
    /// xrCreateSession requires a graphics requirements query first (spec 12.19/12.20).
    var graphicsRequirementsQueried = false
    /// Physical devices returned by xrGetVulkanGraphicsDevice(2)KHR.
    var returnedPhysicalDevices: Set<UInt> = []
    /// The VkInstance of xrGetVulkanGraphicsDevice2KHR, to reach vkCreateDevice through.
    var lastVulkanInstance: VkInstance? = nil
    /// Once any session attached action sets, bindings are frozen (spec 11.4).
    var actionSetsAttached = false
    /// Actions the latest suggestion for the eye gaze profile bound to the gaze.
    var eyeGazeActions: Set<UInt64> = []

    var inputPaths: InputPaths { InputPaths(eyeGaze: extensions.contains(.eyeGazeInteraction)) }

    init(config: XrSimConfig, extensions: Set<InstanceExtension>) {
        self.config = config
        self.extensions = extensions
    }
}

/// The application's graphics binding, as given to xrCreateSession.
struct VulkanBinding {
    var instance: VkInstance
    var physicalDevice: VkPhysicalDevice
    var device: VkDevice
    var queueFamilyIndex: UInt32
    var queueIndex: UInt32
}

final class SessionObject {
    let instance: UInt64
    let vulkan: VulkanBinding
    var lifecycle: SessionLifecycle
    var frameLoop = FrameLoop()
    var pacer: FramePacer
    /// XR_FB_display_refresh_rate: what the pacer runs at, and a pending request.
    var refreshRate: DisplayRefreshRate
    /// XR_EXT_performance_settings: the levels the app asked for.
    var performance = PerformanceLevels()
    var attachedActionSets: [UInt64]? = nil
    /// XR_EXT_eye_gaze_interaction: XRSIM_GAZE on this session's frames.
    var gaze: GazeTimeline
    /// Attached action sets hold a gaze-bound action: /user/eyes_ext has the eye gaze profile.
    var eyeGazeProfileBound = false
    /// Gaze-bound actions the latest xrSyncActions made active.
    var activeGazeActions: Set<UInt64> = []
    /// What xrBeginSession chose; xrEndFrame's projection layers have its view count.
    var viewConfiguration = ViewConfiguration.stereo
    /// XRSIM_DUMP_DIR / XRSIM_DUMP_FRAMES of the instance.
    let dump: DumpSettings?
    /// Holds the next frame until the GPU has finished the last one
    /// (realtime clock only).
    let gpuGate: FrameGpuGate?
    /// XRSIM_ALLOW_SRGB_STORAGE of the instance.
    let allowSRGBStorage: Bool

    init(instance: UInt64, vulkan: VulkanBinding, config: XrSimConfig, now: Int64) {
        allowSRGBStorage = config.allowSRGBStorage
        self.instance = instance
        self.vulkan = vulkan
        dump = config.dump
        gaze = GazeTimeline(script: config.gaze)
        lifecycle = SessionLifecycle(frameLimit: config.frameLimit)
        pacer = FramePacer(mode: config.clock, refreshHz: config.refreshHz, origin: now)
        refreshRate = DisplayRefreshRate(supported: config.refreshRates, defaultRate: config.refreshHz)
        gpuGate = config.clock == .realtime ? FrameGpuGate(vulkan) : nil
    }
}

enum SpaceKind {
    case reference(ReferenceSpaceKind)
    /// Controllers are never connected: only an action bound to the eye gaze
    /// is ever located, and only when `eyes` (the space's subaction path is
    /// null or /user/eyes_ext).
    case action(action: UInt64, eyes: Bool)
}

final class SpaceObject {
    let session: UInt64
    let kind: SpaceKind
    /// poseInReferenceSpace / poseInActionSpace.
    let offset: Pose

    init(session: UInt64, kind: SpaceKind, offset: Pose) {
        self.session = session
        self.kind = kind
        self.offset = offset
    }
}

final class ActionSetObject {
    let instance: UInt64
    let name: String
    let localizedName: String
    var attached = false
    var actionNames: Set<String> = []
    var actionLocalizedNames: Set<String> = []

    init(instance: UInt64, name: String, localizedName: String) {
        self.instance = instance
        self.name = name
        self.localizedName = localizedName
    }
}

final class ActionObject {
    let actionSet: UInt64
    let instance: UInt64
    let name: String
    let localizedName: String
    let type: XrActionType
    let subactionPaths: [XrPath]

    init(actionSet: UInt64, instance: UInt64, name: String, localizedName: String, type: XrActionType, subactionPaths: [XrPath]) {
        self.actionSet = actionSet
        self.instance = instance
        self.name = name
        self.localizedName = localizedName
        self.type = type
        self.subactionPaths = subactionPaths
    }
}

final class SwapchainObject {
    let session: UInt64
    let width: UInt32
    let height: UInt32
    let arraySize: UInt32
    var ring: SwapchainImageRing
    let images: VulkanSwapchainImages
    /// How the images were made: format, usage and release layout, for dumps.
    let spec: SwapchainImageSpec

    init(session: UInt64, ring: SwapchainImageRing, images: VulkanSwapchainImages, spec: SwapchainImageSpec) {
        self.session = session
        width = spec.width
        height = spec.height
        arraySize = spec.arraySize
        self.ring = ring
        self.images = images
        self.spec = spec
    }
}
