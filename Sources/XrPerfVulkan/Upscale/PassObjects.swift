import COpenXR

/// The set-up objects every pass makes the same way: shader modules,
/// pipeline layouts and one-attachment framebuffers (set-up only, never in
/// a frame).
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

    /// A framebuffer of `renderPass` around the one colour attachment `view`.
    func makeFramebuffer(_ device: VkDevice, renderPass: VkRenderPass?, view: VkImageView?,
                         width: UInt32, height: UInt32) throws(PassFailure) -> VkFramebuffer? {
        var attachment = view
        var info = VkFramebufferCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO
        info.renderPass = renderPass
        info.attachmentCount = 1
        info.width = width
        info.height = height
        info.layers = 1
        var framebuffer: VkFramebuffer?
        let result = withUnsafePointer(to: &attachment) { attachments in
            info.pAttachments = attachments
            return createFramebuffer(device, &info, nil, &framebuffer)
        }
        try check(result, "vkCreateFramebuffer")
        return framebuffer
    }
}
