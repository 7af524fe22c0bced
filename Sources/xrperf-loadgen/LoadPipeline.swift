import COpenXR

/// The compute pipeline of Shaders/LoadPattern.comp: one storage image
/// (set 0, binding 0) and LoadPushConstants.
final class LoadPipeline {
    private let device: VkDevice
    private var shaderModule: VkShaderModule?
    private(set) var setLayout: VkDescriptorSetLayout?
    private(set) var layout: VkPipelineLayout?
    private(set) var pipeline: VkPipeline?

    init(device: VkDevice) throws(LoadgenError) {
        self.device = device
        do throws(LoadgenError) {
            try create()
        } catch {
            destroy()
            throw error
        }
    }

    private func create() throws(LoadgenError) {
        let words = LoadPatternSPIRV.words
        let moduleResult = words.withUnsafeBufferPointer { code in
            var info = VkShaderModuleCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO
            info.codeSize = code.count * MemoryLayout<UInt32>.size
            info.pCode = code.baseAddress
            return vkCreateShaderModule(device, &info, nil, &shaderModule)
        }
        try vkCheck(moduleResult, "vkCreateShaderModule")

        var binding = VkDescriptorSetLayoutBinding()
        binding.binding = 0
        binding.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE
        binding.descriptorCount = 1
        binding.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT.rawValue
        let setLayoutResult = withUnsafePointer(to: &binding) { binding in
            var info = VkDescriptorSetLayoutCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO
            info.bindingCount = 1
            info.pBindings = binding
            return vkCreateDescriptorSetLayout(device, &info, nil, &setLayout)
        }
        try vkCheck(setLayoutResult, "vkCreateDescriptorSetLayout")

        var range = VkPushConstantRange(stageFlags: VK_SHADER_STAGE_COMPUTE_BIT.rawValue, offset: 0,
                                        size: UInt32(MemoryLayout<LoadPushConstants>.size))
        let layoutResult = withUnsafePointer(to: &range) { range in
            withUnsafePointer(to: setLayout) { setLayout in
                var info = VkPipelineLayoutCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO
                info.setLayoutCount = 1
                info.pSetLayouts = setLayout
                info.pushConstantRangeCount = 1
                info.pPushConstantRanges = range
                return vkCreatePipelineLayout(device, &info, nil, &layout)
            }
        }
        try vkCheck(layoutResult, "vkCreatePipelineLayout")

        let pipelineResult = "main".withCString { entry in
            var info = VkComputePipelineCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO
            info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO
            info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT
            info.stage.module = shaderModule
            info.stage.pName = entry
            info.layout = layout
            return vkCreateComputePipelines(device, nil, 1, &info, nil, &pipeline)
        }
        try vkCheck(pipelineResult, "vkCreateComputePipelines")
    }

    func destroy() {
        if let pipeline { vkDestroyPipeline(device, pipeline, nil) }
        pipeline = nil
        if let layout { vkDestroyPipelineLayout(device, layout, nil) }
        layout = nil
        if let setLayout { vkDestroyDescriptorSetLayout(device, setLayout, nil) }
        setLayout = nil
        if let shaderModule { vkDestroyShaderModule(device, shaderModule, nil) }
        shaderModule = nil
    }
}
