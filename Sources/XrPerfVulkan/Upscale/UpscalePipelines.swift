import COpenXR
import XrPerfCore

/// The upscaling pass's fixed Vulkan objects on one device: the sampler, the
/// two descriptor set layouts (set 0: the app's image to read; set 1: the
/// runtime's image to write, so every pair needs no per-frame descriptor
/// update), the pipeline layout, and the compute pipelines, one per storage
/// format and specialisation (filter, sRGB encoding, channel swap), made when
/// a swapchain first needs one, never in a frame.
final class UpscalePipelines {
    struct Variant: Equatable {
        var storageClass: UpscaleFormat.StorageClass
        /// Specialisation constant 0: the edge filter (upscale), sharpening (inset).
        var edge: Bool
        var encodeSRGB: Bool
        var swapRedBlue: Bool
        /// The source is an sRGB image read through its UNORM view.
        var decodeSRGB: Bool
        /// Constant 4, the inset only: blocks whose texels are more than one
        /// apart can occur (a focus denser than the output), so the
        /// per-pixel fetch is compiled in.
        var perPixelFallback = true
    }

    let functions: VulkanPassFunctions
    let device: VkDevice
    private(set) var sampler: VkSampler?
    private(set) var sourceLayout: VkDescriptorSetLayout?
    private(set) var targetLayout: VkDescriptorSetLayout?
    private(set) var pipelineLayout: VkPipelineLayout?
    private var pipelines: [(Variant, VkPipeline?)] = []

    init(functions: VulkanPassFunctions, device: VkDevice) throws(PassFailure) {
        self.functions = functions
        self.device = device
        do throws(PassFailure) {
            try create()
        } catch {
            destroy()
            throw error
        }
    }

    private func create() throws(PassFailure) {
        var samplerInfo = VkSamplerCreateInfo()
        samplerInfo.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO
        // texelFetch ignores the filter; the bilinear path relies on it.
        samplerInfo.magFilter = VK_FILTER_LINEAR
        samplerInfo.minFilter = VK_FILTER_LINEAR
        samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST
        samplerInfo.addressModeU = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        samplerInfo.addressModeV = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        try check(functions.createSampler(device, &samplerInfo, nil, &sampler), "vkCreateSampler")

        // The graphics pass's fragment shader reads the same set.
        sourceLayout = try setLayout(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                                     stages: VK_SHADER_STAGE_COMPUTE_BIT.rawValue | VK_SHADER_STAGE_FRAGMENT_BIT.rawValue)
        targetLayout = try setLayout(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, binding: 1)
        pipelineLayout = try makePipelineLayout(pushConstantSize: MemoryLayout<UpscalePushConstants>.size)
    }

    /// A layout with the pass's two descriptor set layouts, so the same
    /// descriptor sets serve every pass built on it (the focus inset too).
    func makePipelineLayout(pushConstantSize: Int) throws(PassFailure) -> VkPipelineLayout? {
        try functions.makePipelineLayout(device, setLayouts: [sourceLayout, targetLayout],
                                         stages: VK_SHADER_STAGE_COMPUTE_BIT.rawValue, pushConstantSize: pushConstantSize)
    }

    /// Makes the pipeline for `variant` unless it exists.
    func prepare(_ variant: Variant) throws(PassFailure) {
        guard pipeline(for: variant) == nil else { return }
        var words = UpscaleSPIRV.words
        if variant.storageClass == .rgba16f {
            guard let patched = SPIRVStorageFormat.patched(words, to: SPIRVStorageFormat.rgba16f) else {
                throw .unsupported("the upscaling shader has no storage image to set to rgba16f")
            }
            words = patched
        }
        pipelines.append((variant, try makePipeline(words, variant, layout: pipelineLayout)))
    }

    /// A linear scan of a handful of entries: no allocation, no hashing.
    func pipeline(for variant: Variant) -> VkPipeline? {
        for entry in pipelines where entry.0 == variant { return entry.1 }
        return nil
    }

    /// The shader reads set 0 binding 0 and writes set 1 binding 1.
    private func setLayout(_ type: VkDescriptorType, binding: UInt32 = 0,
                           stages: VkShaderStageFlags = VK_SHADER_STAGE_COMPUTE_BIT.rawValue) throws(PassFailure) -> VkDescriptorSetLayout? {
        var entry = VkDescriptorSetLayoutBinding()
        entry.binding = binding
        entry.descriptorType = type
        entry.descriptorCount = 1
        entry.stageFlags = stages
        var layout: VkDescriptorSetLayout?
        let result = withUnsafePointer(to: &entry) { bindings in
            var info = VkDescriptorSetLayoutCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO
            info.bindingCount = 1
            info.pBindings = bindings
            return functions.createDescriptorSetLayout(device, &info, nil, &layout)
        }
        try check(result, "vkCreateDescriptorSetLayout")
        return layout
    }

    /// A compute pipeline of `words` specialised for `variant`: constant 0 is
    /// the pass's optional stage (the edge filter, the inset's sharpening),
    /// 1 to 3 the colour handling, the same ids in every shader; 4 exists in
    /// the inset shader only (an entry for an id a shader lacks is ignored).
    func makePipeline(_ words: [UInt32], _ variant: Variant, layout: VkPipelineLayout?) throws(PassFailure) -> VkPipeline? {
        let module = try functions.makeShaderModule(device, words)
        defer { functions.destroyShaderModule(device, module, nil) }
        // Booleans are 32-bit in specialisation data.
        var values: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
            variant.edge ? 1 : 0, variant.encodeSRGB ? 1 : 0, variant.swapRedBlue ? 1 : 0, variant.decodeSRGB ? 1 : 0,
            variant.perPixelFallback ? 1 : 0)
        var entries = (VkSpecializationMapEntry(constantID: 0, offset: 0, size: 4),
                       VkSpecializationMapEntry(constantID: 1, offset: 4, size: 4),
                       VkSpecializationMapEntry(constantID: 2, offset: 8, size: 4),
                       VkSpecializationMapEntry(constantID: 3, offset: 12, size: 4),
                       VkSpecializationMapEntry(constantID: 4, offset: 16, size: 4))
        var pipeline: VkPipeline?
        let result = withUnsafePointer(to: &values) { data in
            withUnsafePointer(to: &entries) { map in
                map.withMemoryRebound(to: VkSpecializationMapEntry.self, capacity: 5) { mapEntries in
                    var specialization = VkSpecializationInfo(mapEntryCount: 5, pMapEntries: mapEntries,
                                                              dataSize: 20, pData: UnsafeRawPointer(data))
                    return withUnsafePointer(to: &specialization) { info in
                        "main".withCString { entry in
                            var create = VkComputePipelineCreateInfo()
                            create.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO
                            create.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO
                            create.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT
                            create.stage.module = module
                            create.stage.pName = entry
                            create.stage.pSpecializationInfo = info
                            create.layout = layout
                            return functions.createComputePipelines(device, nil, 1, &create, nil, &pipeline)
                        }
                    }
                }
            }
        }
        try check(result, "vkCreateComputePipelines")
        return pipeline
    }

    func destroy() {
        for (_, pipeline) in pipelines { functions.destroyPipeline(device, pipeline, nil) }
        pipelines = []
        functions.destroyPipelineLayout(device, pipelineLayout, nil)
        functions.destroyDescriptorSetLayout(device, sourceLayout, nil)
        functions.destroyDescriptorSetLayout(device, targetLayout, nil)
        functions.destroySampler(device, sampler, nil)
        (pipelineLayout, sourceLayout, targetLayout, sampler) = (nil, nil, nil, nil)
    }
}

/// Must match the push constant block in Shaders/Upscale.glsl (56 bytes).
struct UpscalePushConstants {
    var sourceX: Int32 = 0, sourceY: Int32 = 0, sourceWidth: Int32 = 0, sourceHeight: Int32 = 0
    var targetX: Int32 = 0, targetY: Int32 = 0, targetWidth: Int32 = 0, targetHeight: Int32 = 0
    var sourceLayer: Int32 = 0
    var targetLayer: Int32 = 0
    var sharpness: Float = 0
    var reserved: Float = 0
    var inverseSourceWidth: Float = 0
    var inverseSourceHeight: Float = 0
}

extension UpscalePushConstants {
    /// One view's parameters, for either path.
    init(_ images: SubstitutedImages, sourceLayer: UInt32, source: PixelRect, targetLayer: UInt32, target: PixelRect,
         sharpness: Double) {
        (sourceX, sourceY, sourceWidth, sourceHeight) = (source.x, source.y, source.width, source.height)
        (targetX, targetY, targetWidth, targetHeight) = (target.x, target.y, target.width, target.height)
        self.sourceLayer = Int32(clamping: sourceLayer)
        self.targetLayer = Int32(clamping: targetLayer)
        self.sharpness = Float(min(max(sharpness, 0), 1))
        inverseSourceWidth = 1 / Float(images.appWidth)
        inverseSourceHeight = 1 / Float(images.appHeight)
    }
}
