import COpenXR
import XrPerfCore

/// The focus-inset pass's Vulkan objects: its pipeline layout (the upscaling
/// pass's two descriptor set layouts, so a SubstitutedImages' sets serve
/// both passes, with the inset's own push constants) and its pipelines, one
/// per storage format and specialisation. Made when a session first asks for
/// the inset (quad views), never in a frame.
final class InsetPipelines {
    private let upscale: UpscalePipelines
    private(set) var pipelineLayout: VkPipelineLayout?
    private var pipelines: [(UpscalePipelines.Variant, VkPipeline?)] = []

    init(upscale: UpscalePipelines) throws(PassFailure) {
        self.upscale = upscale
        pipelineLayout = try upscale.makePipelineLayout(pushConstantSize: MemoryLayout<InsetPushConstants>.size)
    }

    /// Makes the pipeline for `variant` (`edge`: sharpening) unless it exists.
    func prepare(_ variant: UpscalePipelines.Variant) throws(PassFailure) {
        guard pipeline(for: variant) == nil else { return }
        var words = InsetSPIRV.words
        if variant.storageClass == .rgba16f {
            guard let patched = SPIRVStorageFormat.patched(words, to: SPIRVStorageFormat.rgba16f) else {
                throw .unsupported("the inset shader has no storage image to set to rgba16f")
            }
            words = patched
        }
        pipelines.append((variant, try upscale.makePipeline(words, variant, layout: pipelineLayout)))
    }

    /// A linear scan of a handful of entries: no allocation, no hashing.
    func pipeline(for variant: UpscalePipelines.Variant) -> VkPipeline? {
        for entry in pipelines where entry.0 == variant { return entry.1 }
        return nil
    }

    func destroy() {
        for (_, pipeline) in pipelines { upscale.functions.destroyPipeline(upscale.device, pipeline, nil) }
        pipelines = []
        upscale.functions.destroyPipelineLayout(upscale.device, pipelineLayout, nil)
        pipelineLayout = nil
    }
}

/// Must match the push constant block in Shaders/Inset.glsl (72 bytes).
struct InsetPushConstants {
    var sourceX: Int32 = 0, sourceY: Int32 = 0, sourceWidth: Int32 = 0, sourceHeight: Int32 = 0
    var regionX: Int32 = 0, regionY: Int32 = 0, regionWidth: Int32 = 0, regionHeight: Int32 = 0
    var x0: Float = 0, y0: Float = 0, x1: Float = 0, y1: Float = 0
    var scaleX: Float = 0, scaleY: Float = 0
    var sourceLayer: Int32 = 0
    var targetLayer: Int32 = 0
    var sharpness: Float = 0
    var inverseBlendWidth: Float = 0
}

extension InsetPushConstants {
    /// One focus view's parameters, for either path.
    init(source: PixelRect, sourceLayer: UInt32, region: PixelRect, rect: InsetRect, targetLayer: UInt32,
         sharpness: Float, blendWidth: Float) {
        let scale = rect.sourceTexelsPerPixel(source)
        (sourceX, sourceY, sourceWidth, sourceHeight) = (source.x, source.y, source.width, source.height)
        (regionX, regionY, regionWidth, regionHeight) = (region.x, region.y, region.width, region.height)
        (x0, y0, x1, y1) = (rect.x0, rect.y0, rect.x1, rect.y1)
        (scaleX, scaleY) = (scale.x, scale.y)
        self.sourceLayer = Int32(clamping: sourceLayer)
        self.targetLayer = Int32(clamping: targetLayer)
        self.sharpness = sharpness
        inverseBlendWidth = InsetBlend.inverseWidth(blendWidth)
    }
}
