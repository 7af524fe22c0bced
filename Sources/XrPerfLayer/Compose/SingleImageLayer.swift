import COpenXR

/// The composition layer types that show one swapchain sub-image (quad,
/// cylinder, equirect, equirect2): what the frame rewrite needs to copy one
/// and repoint its sub-image at the runtime's image. A substituted swapchain
/// can feed any of them, not only a projection; a type missing here that
/// names one would reach the runtime with an image the runtime never saw
/// released, so every type with a swapchain sub-image of the core spec and
/// its KHR extensions is listed. Cube layers need a six-face swapchain,
/// which is never substituted.
struct SingleImageLayer {
    /// Bytes of the layer structure.
    let size: Int
    /// Where its XrSwapchainSubImage lies.
    let subImageOffset: Int

    /// The largest `size`: the stride of the scratch copies.
    static let maximumSize = 256

    private static let quad: SingleImageLayer? = SingleImageLayer(XrCompositionLayerQuad.self, \.subImage)
    private static let cylinder: SingleImageLayer? = SingleImageLayer(XrCompositionLayerCylinderKHR.self, \.subImage)
    private static let equirect: SingleImageLayer? = SingleImageLayer(XrCompositionLayerEquirectKHR.self, \.subImage)
    private static let equirect2: SingleImageLayer? = SingleImageLayer(XrCompositionLayerEquirect2KHR.self, \.subImage)

    /// nil when the structure would not fit a scratch slot (never for the
    /// headers' sizes): the layer then passes such layers on, never traps.
    private init?<Layer>(_: Layer.Type, _ subImage: KeyPath<Layer, XrSwapchainSubImage>) {
        size = MemoryLayout<Layer>.size
        subImageOffset = MemoryLayout<Layer>.offset(of: subImage) ?? 0
        guard size <= Self.maximumSize, subImageOffset > 0 else { return nil }
    }

    /// nil for types with no single sub-image (projection, cube, passthrough...).
    static func of(_ type: XrStructureType) -> SingleImageLayer? {
        switch type {
        case XR_TYPE_COMPOSITION_LAYER_QUAD: quad
        case XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR: cylinder
        case XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR: equirect
        case XR_TYPE_COMPOSITION_LAYER_EQUIRECT2_KHR: equirect2
        default: nil
        }
    }

    func subImage(of layer: UnsafeRawPointer) -> XrSwapchainSubImage {
        layer.loadUnaligned(fromByteOffset: subImageOffset, as: XrSwapchainSubImage.self)
    }
}
