import COpenXR
import XrPerfCore

/// The upscaling pass's fixed Vulkan objects on one device: the sampler, the
/// two descriptor set layouts (set 0: the app's image to read; set 1: the
/// runtime's image to write, so every pair needs no per-frame descriptor
/// update), the pipeline layout and one compute pipeline per storage format.
final class UpscalePipelines {
    let functions: VulkanPassFunctions
    let device: VkDevice
    private(set) var sampler: VkSampler?
    private(set) var sourceLayout: VkDescriptorSetLayout?
    private(set) var targetLayout: VkDescriptorSetLayout?
    private(set) var pipelineLayout: VkPipelineLayout?
    private(set) var rgba8: VkPipeline?
    private(set) var rgba16f: VkPipeline?

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
        samplerInfo.magFilter = VK_FILTER_NEAREST
        samplerInfo.minFilter = VK_FILTER_NEAREST
        samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST
        samplerInfo.addressModeU = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        samplerInfo.addressModeV = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE
        try check(functions.createSampler(device, &samplerInfo, nil, &sampler), "vkCreateSampler")

        sourceLayout = try setLayout(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER)
        targetLayout = try setLayout(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, binding: 1)

        var layouts: (VkDescriptorSetLayout?, VkDescriptorSetLayout?) = (sourceLayout, targetLayout)
        var range = VkPushConstantRange(stageFlags: VK_SHADER_STAGE_COMPUTE_BIT.rawValue, offset: 0,
                                        size: UInt32(MemoryLayout<UpscalePushConstants>.size))
        let result = withUnsafePointer(to: &layouts) { pointer in
            pointer.withMemoryRebound(to: VkDescriptorSetLayout?.self, capacity: 2) { setLayouts in
                var info = VkPipelineLayoutCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO
                info.setLayoutCount = 2
                info.pSetLayouts = setLayouts
                info.pushConstantRangeCount = 1
                return withUnsafePointer(to: &range) { ranges in
                    info.pPushConstantRanges = ranges
                    return functions.createPipelineLayout(device, &info, nil, &pipelineLayout)
                }
            }
        }
        try check(result, "vkCreatePipelineLayout")
        rgba8 = try pipeline(UpscaleRGBA8SPIRV.words)
        rgba16f = try pipeline(UpscaleRGBA16FSPIRV.words)
    }

    /// The shader reads set 0 binding 0 and writes set 1 binding 1.
    private func setLayout(_ type: VkDescriptorType, binding: UInt32 = 0) throws(PassFailure) -> VkDescriptorSetLayout? {
        var entry = VkDescriptorSetLayoutBinding()
        entry.binding = binding
        entry.descriptorType = type
        entry.descriptorCount = 1
        entry.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT.rawValue
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

    private func pipeline(_ words: [UInt32]) throws(PassFailure) -> VkPipeline? {
        var module: VkShaderModule?
        let created = words.withUnsafeBufferPointer { code in
            var info = VkShaderModuleCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO
            info.codeSize = code.count * 4
            info.pCode = code.baseAddress
            return functions.createShaderModule(device, &info, nil, &module)
        }
        try check(created, "vkCreateShaderModule")
        defer { functions.destroyShaderModule(device, module, nil) }
        var pipeline: VkPipeline?
        let result = "main".withCString { entry in
            var info = VkComputePipelineCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO
            info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO
            info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT
            info.stage.module = module
            info.stage.pName = entry
            info.layout = pipelineLayout
            return functions.createComputePipelines(device, nil, 1, &info, nil, &pipeline)
        }
        try check(result, "vkCreateComputePipelines")
        return pipeline
    }

    func pipeline(for storageClass: UpscaleFormat.StorageClass) -> VkPipeline? {
        storageClass == .rgba8 ? rgba8 : rgba16f
    }

    func destroy() {
        functions.destroyPipeline(device, rgba8, nil)
        functions.destroyPipeline(device, rgba16f, nil)
        functions.destroyPipelineLayout(device, pipelineLayout, nil)
        functions.destroyDescriptorSetLayout(device, sourceLayout, nil)
        functions.destroyDescriptorSetLayout(device, targetLayout, nil)
        functions.destroySampler(device, sampler, nil)
        (rgba8, rgba16f, pipelineLayout, sourceLayout, targetLayout, sampler) = (nil, nil, nil, nil, nil, nil)
    }
}

/// Must match the push constant block in Shaders/Upscale.glsl (48 bytes).
struct UpscalePushConstants {
    var sourceX: Int32 = 0, sourceY: Int32 = 0, sourceWidth: Int32 = 0, sourceHeight: Int32 = 0
    var targetX: Int32 = 0, targetY: Int32 = 0, targetWidth: Int32 = 0, targetHeight: Int32 = 0
    var sourceLayer: Int32 = 0
    var targetLayer: Int32 = 0
    var flags: UInt32 = 0
    var sharpness: Float = 0

    static let edge: UInt32 = 1
    static let encodeSRGB: UInt32 = 2
    static let swapRedBlue: UInt32 = 4
}
