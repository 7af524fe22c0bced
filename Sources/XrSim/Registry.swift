import COpenXR
import XrSimCore

/// Every live object of every instance. One table per handle type, one
/// allocator for all, so a handle is valid only as the type it was made for.
struct Registry {
    var allocator = HandleAllocator()
    var instances = HandleTable<InstanceObject>()
    var sessions = HandleTable<SessionObject>()
    var spaces = HandleTable<SpaceObject>()
    var actionSets = HandleTable<ActionSetObject>()
    var actions = HandleTable<ActionObject>()
    var swapchains = HandleTable<SwapchainObject>()

    func instance(_ handle: XrInstance?) throws(XrSimError) -> InstanceObject {
        guard let object = instances[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func session(_ handle: XrSession?) throws(XrSimError) -> SessionObject {
        guard let object = sessions[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func space(_ handle: XrSpace?) throws(XrSimError) -> SpaceObject {
        guard let object = spaces[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func actionSet(_ handle: XrActionSet?) throws(XrSimError) -> ActionSetObject {
        guard let object = actionSets[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func action(_ handle: XrAction?) throws(XrSimError) -> ActionObject {
        guard let object = actions[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func swapchain(_ handle: XrSwapchain?) throws(XrSimError) -> SwapchainObject {
        guard let object = swapchains[handleID(handle)] else { throw .handleInvalid }
        return object
    }

    func instanceOf(session: SessionObject) -> InstanceObject? { instances[session.instance] }
}

/// The runtime's state. Global but holding any number of instances, each
/// fully torn down by xrDestroyInstance.
let runtime = RuntimeLock(Registry())

func locked<R, E: Error>(_ body: (inout Registry) throws(E) -> R) throws(E) -> R {
    try runtime.withLock(body)
}
