import COpenXR

/// What the pass writes for each eye, with a descriptor set each: with
/// --write storage an R8G8B8A8_UNORM view of the eye's layer of every
/// swapchain image; with --write copy the eye's staging image.
final class StorageTargets {
    private let device: VkDevice
    private var descriptorPool: VkDescriptorPool?
    private var imageViews: [VkImageView?] = []
    /// Per eye; empty unless --write copy.
    private(set) var staging: [StagingImage] = []
    /// Per eye: per swapchain image (storage) or the one staging image (copy).
    private var sets: [[VkDescriptorSet?]] = []

    init(vulkan: VulkanDevice, targets: RenderTargets, setLayout: VkDescriptorSetLayout?) throws(LoadgenError) {
        device = vulkan.device
        do throws(LoadgenError) {
            let perEye = targets.eyes.indices.map { targets.write == .copy ? 1 : targets.swapchain(of: $0).images.count }
            try createPool(descriptors: UInt32(perEye.reduce(0, +)))
            for (index, eye) in targets.eyes.enumerated() {
                var eyeSets: [VkDescriptorSet?] = []
                if targets.write == .copy {
                    let image = try StagingImage(vulkan: vulkan, width: UInt32(eye.rect.extent.width),
                                                 height: UInt32(eye.rect.extent.height))
                    staging.append(image)
                    eyeSets.append(try descriptorSet(for: image.view, setLayout: setLayout))
                } else {
                    for image in targets.swapchain(of: index).images {
                        let view = try layerView(image, layer: eye.arrayIndex)
                        eyeSets.append(try descriptorSet(for: view, setLayout: setLayout))
                    }
                }
                sets.append(eyeSets)
            }
        } catch {
            destroy()
            throw error
        }
    }

    /// The set to bind for `eye` when its swapchain's acquired image is `imageIndex`.
    func descriptorSet(eye: Int, imageIndex: Int) -> VkDescriptorSet? {
        staging.isEmpty ? sets[eye][imageIndex] : sets[eye][0]
    }

    func destroy() {
        if let descriptorPool { vkDestroyDescriptorPool(device, descriptorPool, nil) }
        descriptorPool = nil
        sets = []
        for view in imageViews { vkDestroyImageView(device, view, nil) }
        imageViews = []
        for image in staging { image.destroy() }
        staging = []
    }

    private func createPool(descriptors: UInt32) throws(LoadgenError) {
        var size = VkDescriptorPoolSize(type: VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, descriptorCount: descriptors)
        let result = withUnsafePointer(to: &size) { size in
            var info = VkDescriptorPoolCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO
            info.maxSets = descriptors
            info.poolSizeCount = 1
            info.pPoolSizes = size
            return vkCreateDescriptorPool(device, &info, nil, &descriptorPool)
        }
        try vkCheck(result, "vkCreateDescriptorPool")
    }

    /// An R8G8B8A8_UNORM 2D view of one layer: the same format as the image
    /// for --format unorm, a reinterpretation (MUTABLE_FORMAT) for the others.
    private func layerView(_ image: VkImage, layer: UInt32) throws(LoadgenError) -> VkImageView? {
        var info = VkImageViewCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO
        info.image = image
        info.viewType = VK_IMAGE_VIEW_TYPE_2D
        info.format = SwapchainFormat.writeFormat
        info.subresourceRange = colorLayer(layer)
        var view: VkImageView?
        try vkCheck(vkCreateImageView(device, &info, nil, &view), "vkCreateImageView")
        imageViews.append(view)
        return view
    }

    private func descriptorSet(for view: VkImageView?, setLayout: VkDescriptorSetLayout?) throws(LoadgenError) -> VkDescriptorSet? {
        var set: VkDescriptorSet?
        let allocateResult = withUnsafePointer(to: setLayout) { setLayout in
            var info = VkDescriptorSetAllocateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO
            info.descriptorPool = descriptorPool
            info.descriptorSetCount = 1
            info.pSetLayouts = setLayout
            return vkAllocateDescriptorSets(device, &info, &set)
        }
        try vkCheck(allocateResult, "vkAllocateDescriptorSets")
        var imageInfo = VkDescriptorImageInfo(sampler: nil, imageView: view, imageLayout: VK_IMAGE_LAYOUT_GENERAL)
        withUnsafePointer(to: &imageInfo) { imageInfo in
            var write = VkWriteDescriptorSet()
            write.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET
            write.dstSet = set
            write.dstBinding = 0
            write.descriptorCount = 1
            write.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE
            write.pImageInfo = imageInfo
            vkUpdateDescriptorSets(device, 1, &write, 0, nil)
        }
        return set
    }
}
