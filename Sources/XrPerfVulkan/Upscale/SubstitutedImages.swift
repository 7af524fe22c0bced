import COpenXR
import XrPerfCore

/// One substituted swapchain's Vulkan side: the images the layer owns and
/// hands the app (at the app's size, with the usage, format, layers and mips
/// it asked for, plus SAMPLED for the pass), and what the pass writes the
/// runtime's images (at the display size) through: a framebuffer per image
/// and array layer (graphics path), or a storage view with its descriptor
/// set (compute path).
public final class SubstitutedImages: @unchecked Sendable {
    public struct AppImageSpec: Sendable {
        public var format: UpscaleFormat
        public var width: UInt32
        public var height: UInt32
        public var arraySize: UInt32
        public var mipCount: UInt32
        public var xrUsage: UInt64
        public var imageCount: Int

        public init(format: UpscaleFormat, width: UInt32, height: UInt32, arraySize: UInt32, mipCount: UInt32,
                    xrUsage: UInt64, imageCount: Int) {
            self.format = format
            self.width = width
            self.height = height
            self.arraySize = arraySize
            self.mipCount = mipCount
            self.xrUsage = xrUsage
            self.imageCount = imageCount
        }
    }

    /// XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT.
    static let mutableUsage: UInt64 = 0x40

    let context: UpscaleContext
    public let format: UpscaleFormat
    public let arraySize: UInt32
    public let appWidth: UInt32
    public let appHeight: UInt32
    public let appLayout: VkImageLayout
    public let runtimeLayout: VkImageLayout
    public let path: UpscalePassPath
    public let runtimeWidth: UInt32
    public let runtimeHeight: UInt32
    private var appImages: [VkImage?] = []
    private var memories: [VkDeviceMemory?] = []
    private var sourceViews: [VkImageView?] = []
    private var sourceSets: [VkDescriptorSet?] = []
    private var runtimeImages: [VkImage?] = []
    private var targetViews: [VkImageView?] = []
    private var targetSets: [VkDescriptorSet?] = []
    /// Graphics path: image `i`, layer `l` at `i x arraySize + l`.
    private var framebuffers: [VkFramebuffer?] = []
    private var descriptorPool: VkDescriptorPool?

    /// `runtimeXrUsage`: what the layer asked of the runtime's swapchain;
    /// `runtimeSize`: its images' size; `path`: how the pass writes them.
    public init(context: UpscaleContext, app spec: AppImageSpec, runtimeImages: [VkImage],
                runtimeXrUsage: UInt64, runtimeSize: (width: UInt32, height: UInt32),
                path: UpscalePassPath) throws(PassFailure) {
        self.context = context
        self.path = path
        (runtimeWidth, runtimeHeight) = (max(runtimeSize.width, 1), max(runtimeSize.height, 1))
        format = spec.format
        arraySize = max(spec.arraySize, 1)
        appWidth = max(spec.width, 1)
        appHeight = max(spec.height, 1)
        appLayout = SwapchainImageLayout.acquireLayout(xrUsage: spec.xrUsage)
        runtimeLayout = SwapchainImageLayout.acquireLayout(xrUsage: runtimeXrUsage)
        do throws(PassFailure) {
            try createDescriptorPool(sets: spec.imageCount + runtimeImages.count)
            for _ in 0..<spec.imageCount { try addAppImage(spec) }
            for image in runtimeImages { try addRuntimeImage(image, arraySize: spec.arraySize) }
            try transitionAppImages(spec)
            if path == .graphics { try context.warmUpDraws(self) }
        } catch {
            destroy()
            throw error
        }
    }

    /// The VkImages the app gets from xrEnumerateSwapchainImages.
    public var appImageHandles: [VkImage?] { appImages }

    func appImage(_ index: Int) -> VkImage? { index >= 0 && index < appImages.count ? appImages[index] : nil }
    func runtimeImage(_ index: Int) -> VkImage? { index >= 0 && index < runtimeImages.count ? runtimeImages[index] : nil }
    func sourceSet(_ index: Int) -> VkDescriptorSet? { sourceSets[index] }
    func targetSet(_ index: Int) -> VkDescriptorSet? { index < targetSets.count ? targetSets[index] : nil }
    func framebuffer(_ index: Int, layer: UInt32) -> VkFramebuffer? {
        let slot = index * Int(arraySize) + Int(layer)
        return layer < arraySize && slot >= 0 && slot < framebuffers.count ? framebuffers[slot] : nil
    }

    private var functions: VulkanPassFunctions { context.functions }
    private var device: VkDevice { context.device }

    private func createDescriptorPool(sets: Int) throws(PassFailure) {
        var sizes = (VkDescriptorPoolSize(type: VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, descriptorCount: UInt32(sets)),
                     VkDescriptorPoolSize(type: VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, descriptorCount: UInt32(sets)))
        let result = withUnsafePointer(to: &sizes) { pointer in
            pointer.withMemoryRebound(to: VkDescriptorPoolSize.self, capacity: 2) { poolSizes in
                var info = VkDescriptorPoolCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO
                info.maxSets = UInt32(sets)
                info.poolSizeCount = 2
                info.pPoolSizes = poolSizes
                return functions.createDescriptorPool(device, &info, nil, &descriptorPool)
            }
        }
        try check(result, "vkCreateDescriptorPool")
    }

    private func addAppImage(_ spec: AppImageSpec) throws(PassFailure) {
        var info = VkImageCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO
        if spec.xrUsage & Self.mutableUsage != 0 {
            info.flags = VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT.rawValue | VK_IMAGE_CREATE_EXTENDED_USAGE_BIT.rawValue
        }
        let decodes = context.decodesSRGB(spec.format)
        if decodes {
            // For the pass's UNORM view (UpscaleContext.decodesSRGBInShader).
            info.flags |= VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT.rawValue
        }
        info.imageType = VK_IMAGE_TYPE_2D
        info.format = VkFormat(UInt32(spec.format.vulkanFormat))
        info.extent = VkExtent3D(width: spec.width, height: spec.height, depth: 1)
        info.mipLevels = max(spec.mipCount, 1)
        info.arrayLayers = max(spec.arraySize, 1)
        info.samples = VK_SAMPLE_COUNT_1_BIT
        info.tiling = VK_IMAGE_TILING_OPTIMAL
        info.usage = SwapchainImageLayout.imageUsage(xrUsage: spec.xrUsage) | VK_IMAGE_USAGE_SAMPLED_BIT.rawValue
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED
        var image: VkImage?
        try check(functions.createImage(device, &info, nil, &image), "vkCreateImage")
        appImages.append(image)
        guard let image else { throw .vulkan("vkCreateImage", VK_ERROR_OUT_OF_HOST_MEMORY) }

        var requirements = VkMemoryRequirements()
        functions.getImageMemoryRequirements(device, image, &requirements)
        var allocation = VkMemoryAllocateInfo()
        allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
        allocation.allocationSize = requirements.size
        allocation.memoryTypeIndex = try memoryType(allowed: requirements.memoryTypeBits)
        var memory: VkDeviceMemory?
        try check(functions.device.allocateMemory(device, &allocation, nil, &memory), "vkAllocateMemory")
        memories.append(memory)
        try check(functions.bindImageMemory(device, image, memory, 0), "vkBindImageMemory")

        let view = try makeView(image, format: decodes ? Self.unormFormat(of: spec.format) : spec.format.vulkanFormat,
                                layers: spec.arraySize)
        sourceViews.append(view)
        let set = try allocateSet(context.pipelines.sourceLayout)
        var imageInfo = VkDescriptorImageInfo(sampler: context.pipelines.sampler, imageView: view,
                                              imageLayout: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
        write(set, binding: 0, type: VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, &imageInfo)
        sourceSets.append(set)
    }

    /// The UNORM format with the same bytes as an sRGB one: the channel
    /// order stays, so the pass's red/blue swap stays what it is.
    static func unormFormat(of format: UpscaleFormat) -> Int64 {
        switch format.vulkanFormat {
        case UpscaleFormat.r8g8b8a8SRGB: UpscaleFormat.r8g8b8a8Unorm
        case UpscaleFormat.b8g8r8a8SRGB: UpscaleFormat.b8g8r8a8Unorm
        default: format.vulkanFormat
        }
    }

    private func addRuntimeImage(_ image: VkImage, arraySize: UInt32) throws(PassFailure) {
        runtimeImages.append(image)
        guard path == .compute else {
            try addFramebuffers(image)
            return
        }
        let view = try makeView(image, format: format.storageViewFormat, layers: arraySize)
        targetViews.append(view)
        let set = try allocateSet(context.pipelines.targetLayout)
        var imageInfo = VkDescriptorImageInfo(sampler: nil, imageView: view, imageLayout: VK_IMAGE_LAYOUT_GENERAL)
        write(set, binding: 1, type: VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, &imageInfo)
        targetSets.append(set)
    }

    /// A colour attachment view of each array layer in the image's own
    /// format (the hardware encodes sRGB), and a framebuffer around it.
    private func addFramebuffers(_ image: VkImage) throws(PassFailure) {
        guard let renderPass = context.drawPipelines.renderPass(for: format.vulkanFormat) else {
            throw .unsupported("no render pass prepared for VkFormat \(format.vulkanFormat)")
        }
        for layer in 0..<arraySize {
            let view = try makeView(image, format: format.vulkanFormat, layers: 1, baseLayer: layer, type: VK_IMAGE_VIEW_TYPE_2D)
            targetViews.append(view)
            let framebuffer = try functions.makeFramebuffer(device, renderPass: renderPass, view: view,
                                                            width: runtimeWidth, height: runtimeHeight)
            framebuffers.append(framebuffer)
        }
    }

    private func makeView(_ image: VkImage, format: Int64, layers: UInt32, baseLayer: UInt32 = 0,
                          type: VkImageViewType = VK_IMAGE_VIEW_TYPE_2D_ARRAY) throws(PassFailure) -> VkImageView? {
        var info = VkImageViewCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO
        info.image = image
        info.viewType = type
        info.format = VkFormat(UInt32(format))
        info.subresourceRange = VkImageSubresourceRange(
            aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: baseLayer,
            layerCount: max(layers, 1))
        var view: VkImageView?
        try check(functions.createImageView(device, &info, nil, &view), "vkCreateImageView")
        return view
    }

    private func allocateSet(_ layout: VkDescriptorSetLayout?) throws(PassFailure) -> VkDescriptorSet? {
        var layouts: VkDescriptorSetLayout? = layout
        var set: VkDescriptorSet?
        let result = withUnsafePointer(to: &layouts) { pointer in
            var info = VkDescriptorSetAllocateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO
            info.descriptorPool = descriptorPool
            info.descriptorSetCount = 1
            info.pSetLayouts = pointer
            return functions.allocateDescriptorSets(device, &info, &set)
        }
        try check(result, "vkAllocateDescriptorSets")
        return set
    }

    private func write(_ set: VkDescriptorSet?, binding: UInt32, type: VkDescriptorType, _ imageInfo: inout VkDescriptorImageInfo) {
        withUnsafePointer(to: &imageInfo) { pointer in
            var write = VkWriteDescriptorSet()
            write.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET
            write.dstSet = set
            write.dstBinding = binding
            write.descriptorCount = 1
            write.descriptorType = type
            write.pImageInfo = pointer
            functions.updateDescriptorSets(device, 1, &write, 0, nil)
        }
    }

    /// Device-local memory where there is any, else any type allowed.
    private func memoryType(allowed: UInt32) throws(PassFailure) -> UInt32 {
        let device = functions.device
        let local = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT.rawValue
        guard let type = device.memoryTypeIndex(context.physicalDevice, allowed: allowed, flags: local)
            ?? device.memoryTypeIndex(context.physicalDevice, allowed: allowed, flags: 0)
        else { throw .unsupported("no memory type for the layer's images") }
        return type
    }

    /// The app may use an image as soon as it acquires it, in the layout the
    /// spec promises: all of them are moved there once, now.
    private func transitionAppImages(_ spec: AppImageSpec) throws(PassFailure) {
        let layout = appLayout
        let images = appImages
        let functions = functions
        try context.runOnce { command in
            for case let image? in images {
                var barrier = VkImageMemoryBarrier()
                barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
                barrier.dstAccessMask = SwapchainImageLayout.access(of: layout)
                barrier.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED
                barrier.newLayout = layout
                barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
                barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
                barrier.image = image
                barrier.subresourceRange = VkImageSubresourceRange(
                    aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: max(spec.mipCount, 1),
                    baseArrayLayer: 0, layerCount: max(spec.arraySize, 1))
                functions.device.cmdPipelineBarrier(command, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT.rawValue,
                                             VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, 0, 0, nil, 0, nil, 1, &barrier)
            }
        }
    }

    /// Frees the layer's images and views; the runtime's images stay the
    /// runtime's. The caller makes sure the GPU is done with them.
    public func destroy() {
        for framebuffer in framebuffers { functions.destroyFramebuffer(device, framebuffer, nil) }
        framebuffers = []
        for view in sourceViews + targetViews { functions.destroyImageView(device, view, nil) }
        for image in appImages { functions.destroyImage(device, image, nil) }
        for memory in memories { functions.device.freeMemory(device, memory, nil) }
        functions.destroyDescriptorPool(device, descriptorPool, nil)
        (sourceViews, targetViews, appImages, memories, sourceSets, targetSets) = ([], [], [], [], [], [])
        runtimeImages = []
        descriptorPool = nil
    }
}
