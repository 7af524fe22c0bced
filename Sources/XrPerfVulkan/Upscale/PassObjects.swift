import COpenXR

/// The set-up objects every pass makes the same way: shader modules and
/// pipeline layouts (set-up only, never in a frame).
extension VulkanPassFunctions {
    func makeShaderModule(_ device: VkDevice, _ words: [UInt32]) throws(PassFailure) -> VkShaderModule? {
        var module: VkShaderModule?
        let created = words.withUnsafeBufferPointer { code in
            var info = VkShaderModuleCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO
            info.codeSize = code.count * 4
            info.pCode = code.baseAddress
            return createShaderModule(device, &info, nil, &module)
        }
        try check(created, "vkCreateShaderModule")
        return module
    }

    /// A layout of `setLayouts` (set 0 first) and one push constant range of
    /// `pushConstantSize` bytes seen by `stages`.
    func makePipelineLayout(_ device: VkDevice, setLayouts: [VkDescriptorSetLayout?], stages: VkShaderStageFlags,
                            pushConstantSize: Int) throws(PassFailure) -> VkPipelineLayout? {
        var range = VkPushConstantRange(stageFlags: stages, offset: 0, size: UInt32(pushConstantSize))
        var layout: VkPipelineLayout?
        let result = setLayouts.withUnsafeBufferPointer { sets in
            withUnsafePointer(to: &range) { ranges in
                var info = VkPipelineLayoutCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO
                info.setLayoutCount = UInt32(sets.count)
                info.pSetLayouts = sets.baseAddress
                info.pushConstantRangeCount = 1
                info.pPushConstantRanges = ranges
                return createPipelineLayout(device, &info, nil, &layout)
            }
        }
        try check(result, "vkCreatePipelineLayout")
        return layout
    }
}
