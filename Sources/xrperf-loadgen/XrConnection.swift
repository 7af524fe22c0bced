import COpenXR

/// The app's XrInstance and head-mounted system, with the extension functions
/// resolved once.
final class XrConnection {
    let instance: XrInstance
    let system: XrSystemId
    let runtimeName: String
    let graphics: GraphicsExtension

    /// `optional`: extensions enabled when something below offers them.
    let enabledOptional: Set<String>

    init(applicationName: String, graphics: GraphicsExtension, optional: [String] = []) throws(LoadgenError) {
        self.graphics = graphics
        let offered = optional.filter { Self.isOffered($0) }
        enabledOptional = Set(offered)
        let extensions = CStringList([graphics.extensionName] + offered)
        var info = XrInstanceCreateInfo()
        info.type = XR_TYPE_INSTANCE_CREATE_INFO
        copyCString(applicationName, into: &info.applicationInfo.applicationName)
        copyCString("xrperf-loadgen", into: &info.applicationInfo.engineName)
        info.applicationInfo.applicationVersion = 1
        info.applicationInfo.apiVersion = xrperf_make_version(1, 0, 0)
        var created: XrInstance?
        let result = extensions.pointers.withUnsafeBufferPointer { names in
            info.enabledExtensionCount = UInt32(names.count)
            info.enabledExtensionNames = names.baseAddress
            return xrCreateInstance(&info, &created)
        }
        try xrCheck(result, "xrCreateInstance")
        guard let created else { throw .unsupported("xrCreateInstance returned no instance") }
        instance = created

        var properties = XrInstanceProperties()
        properties.type = XR_TYPE_INSTANCE_PROPERTIES
        if xrGetInstanceProperties(instance, &properties) == XR_SUCCESS {
            runtimeName = stringFromCString(properties.runtimeName)
        } else {
            runtimeName = "unknown runtime"
        }

        var systemInfo = XrSystemGetInfo()
        systemInfo.type = XR_TYPE_SYSTEM_GET_INFO
        systemInfo.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY
        var system: XrSystemId = 0
        do {
            try xrCheck(xrGetSystem(instance, &systemInfo, &system), "xrGetSystem", instance: instance)
        } catch {
            xrDestroyInstance(instance)
            throw error
        }
        self.system = system
    }

    /// Whether an instance can enable `name` (the runtime or an enabled API
    /// layer offers it).
    static func isOffered(_ name: String) -> Bool {
        var count: UInt32 = 0
        guard xrEnumerateInstanceExtensionProperties(nil, 0, &count, nil) == XR_SUCCESS, count > 0 else { return false }
        var properties = [XrExtensionProperties](repeating: XrExtensionProperties(), count: Int(count))
        for index in properties.indices { properties[index].type = XR_TYPE_EXTENSION_PROPERTIES }
        guard xrEnumerateInstanceExtensionProperties(nil, count, &count, &properties) == XR_SUCCESS else { return false }
        return properties.prefix(Int(count)).contains { stringFromCString($0.extensionName) == name }
    }

    /// An extension function of this instance, typed.
    func function<Function>(_ name: String, as type: Function.Type) throws(LoadgenError) -> Function {
        var pointer: PFN_xrVoidFunction?
        try xrCheck(xrGetInstanceProcAddr(instance, name, &pointer), "xrGetInstanceProcAddr(\(name))",
                    instance: instance)
        guard let pointer else { throw .unsupported("the runtime returned no \(name)") }
        return unsafeBitCast(pointer, to: type)
    }

    func check(_ result: XrResult, _ call: String) throws(LoadgenError) {
        try xrCheck(result, call, instance: instance)
    }

    func destroy() {
        xrDestroyInstance(instance)
    }
}
