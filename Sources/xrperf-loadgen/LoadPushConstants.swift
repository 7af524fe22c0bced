/// Push constants of Shaders/LoadPattern.comp (same order, 36 bytes).
struct LoadPushConstants {
    var originX: Int32
    var originY: Int32
    var width: Int32
    var height: Int32
    var iterations: UInt32
    var pattern: UInt32
    var frame: UInt32
    var eye: UInt32
    /// 1: the target is a B8G8R8A8 image written through an R8G8B8A8 view or copy.
    var channelOrder: UInt32
}
