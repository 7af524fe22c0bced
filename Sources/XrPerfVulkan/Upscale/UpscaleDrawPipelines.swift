import COpenXR
import XrPerfCore

/// The graphics passes' fixed Vulkan objects on one device (the upscale and
/// the focus inset): a render pass per runtime image format (one colour
/// attachment, loaded and stored: the other eye of a side-by-side image and
/// anything outside the view's rect stay as they are), the pipeline layout
/// (the app's image in set 0, shared with the compute passes, and a push
/// constant range that holds either pass's block), and the pipelines per
/// shader, format and specialisation, made when a swapchain is set up, never
/// in a frame.
final class UpscaleDrawPipelines {
    enum Shader: Equatable {
        /// UpscaleFragment.frag, written over the target rect.
        case upscale
        /// InsetFragment.frag, blended over the periphery by its weight.
        case inset
    }

    struct Variant: Equatable {
        var shader: Shader = .upscale
        /// The runtime image's VkFormat: the attachment's and the render pass's.
        var format: Int64
        var edge: Bool
        /// The source is an sRGB image read through its UNORM view.
        var decodeSRGB: Bool
    }

    /// Either pass's push constants fit the one range.
    static let pushConstantSize = max(MemoryLayout<UpscalePushConstants>.size, MemoryLayout<InsetPushConstants>.size)

    let functions: VulkanPassFunctions
    let device: VkDevice
    private(set) var pipelineLayout: VkPipelineLayout?
    private var renderPasses: [(Int64, VkRenderPass?)] = []
    private var pipelines: [(Variant, VkPipeline?)] = []

    init(functions: VulkanPassFunctions, device: VkDevice, sourceLayout: VkDescriptorSetLayout?) throws(PassFailure) {
        self.functions = functions
        self.device = device
        pipelineLayout = try functions.makePipelineLayout(device, setLayouts: [sourceLayout],
                                                          stages: VK_SHADER_STAGE_FRAGMENT_BIT.rawValue,
                                                          pushConstantSize: Self.pushConstantSize)
    }

    /// A linear scan of a handful of entries: no allocation, no hashing.
    func renderPass(for format: Int64) -> VkRenderPass? {
        for entry in renderPasses where entry.0 == format { return entry.1 }
        return nil
    }

    /// Every pipeline drawing into `format` (set-up only: allocates).
    func pipelines(for format: Int64) -> [VkPipeline] {
        pipelines.compactMap { $0.0.format == format ? $0.1 : nil }
    }

    func pipeline(for variant: Variant) -> VkPipeline? {
        for entry in pipelines where entry.0 == variant { return entry.1 }
        return nil
    }

    /// Makes the render pass and pipeline for `variant` unless they exist.
    func prepare(_ variant: Variant) throws(PassFailure) {
        if renderPass(for: variant.format) == nil {
            renderPasses.append((variant.format, try makeRenderPass(variant.format)))
        }
        guard pipeline(for: variant) == nil else { return }
        pipelines.append((variant, try makePipeline(variant, renderPass: renderPass(for: variant.format))))
    }

    /// The image is moved to COLOR_ATTACHMENT_OPTIMAL by a barrier before the
    /// pass and back after it (UpscaleDraw.swift), so the pass neither
    /// changes layouts nor needs external dependencies of its own.
    private func makeRenderPass(_ format: Int64) throws(PassFailure) -> VkRenderPass? {
        var attachment = VkAttachmentDescription()
        attachment.format = VkFormat(UInt32(format))
        attachment.samples = VK_SAMPLE_COUNT_1_BIT
        attachment.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD
        attachment.storeOp = VK_ATTACHMENT_STORE_OP_STORE
        attachment.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE
        attachment.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE
        attachment.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL
        attachment.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL
        var reference = VkAttachmentReference(attachment: 0, layout: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)
        var renderPass: VkRenderPass?
        let result = withUnsafePointer(to: &reference) { references in
            var subpass = VkSubpassDescription()
            subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS
            subpass.colorAttachmentCount = 1
            subpass.pColorAttachments = references
            return withUnsafePointer(to: &subpass) { subpasses in
                withUnsafePointer(to: &attachment) { attachments in
                    var info = VkRenderPassCreateInfo()
                    info.sType = VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO
                    info.attachmentCount = 1
                    info.pAttachments = attachments
                    info.subpassCount = 1
                    info.pSubpasses = subpasses
                    return functions.createRenderPass(device, &info, nil, &renderPass)
                }
            }
        }
        try check(result, "vkCreateRenderPass")
        return renderPass
    }

    /// One triangle over a dynamic viewport and scissor (the view's target
    /// rect), no blending, no depth: the fragment writes the pixel. The
    /// create info's many structures live in `SetUpStorage` for the call.
    private func makePipeline(_ variant: Variant, renderPass: VkRenderPass?) throws(PassFailure) -> VkPipeline? {
        let vertex = try functions.makeShaderModule(device, UpscaleTriangleSPIRV.words)
        defer { functions.destroyShaderModule(device, vertex, nil) }
        let fragment = try functions.makeShaderModule(device, variant.shader == .upscale ? UpscaleFragmentSPIRV.words : InsetFragmentSPIRV.words)
        defer { functions.destroyShaderModule(device, fragment, nil) }
        let storage = SetUpStorage()
        defer { storage.free() }

        // The fragment shader's constants: 0 the edge filter (the inset's
        // sharpening), 3 the decode (1 and 2, the compute pass's encoding and
        // channel swap, stay off: the attachment's format does both).
        // Booleans are 32-bit.
        let values = storage.keep([UInt32(variant.edge ? 1 : 0), 0, 0, UInt32(variant.decodeSRGB ? 1 : 0)])
        let entries = storage.keep((0..<4).map { VkSpecializationMapEntry(constantID: UInt32($0), offset: UInt32($0 * 4), size: 4) })
        let specialization = storage.keep([VkSpecializationInfo(mapEntryCount: 4, pMapEntries: entries, dataSize: 16,
                                                                pData: UnsafeRawPointer(values))])
        let entry = storage.keep(Array("main".utf8CString))
        var vertexStage = VkPipelineShaderStageCreateInfo()
        vertexStage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO
        vertexStage.stage = VK_SHADER_STAGE_VERTEX_BIT
        vertexStage.module = vertex
        vertexStage.pName = UnsafePointer(entry)
        var fragmentStage = vertexStage
        fragmentStage.stage = VK_SHADER_STAGE_FRAGMENT_BIT
        fragmentStage.module = fragment
        fragmentStage.pSpecializationInfo = UnsafePointer(specialization)

        var inputAssembly = VkPipelineInputAssemblyStateCreateInfo()
        inputAssembly.sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO
        inputAssembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST
        var vertexInput = VkPipelineVertexInputStateCreateInfo()
        vertexInput.sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO
        var viewport = VkPipelineViewportStateCreateInfo()
        viewport.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO
        viewport.viewportCount = 1
        viewport.scissorCount = 1
        var rasterization = VkPipelineRasterizationStateCreateInfo()
        rasterization.sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO
        rasterization.polygonMode = VK_POLYGON_MODE_FILL
        rasterization.cullMode = VK_CULL_MODE_NONE.rawValue
        rasterization.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE
        rasterization.lineWidth = 1
        var multisample = VkPipelineMultisampleStateCreateInfo()
        multisample.sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO
        multisample.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT
        var blendAttachment = VkPipelineColorBlendAttachmentState()
        blendAttachment.colorWriteMask = VK_COLOR_COMPONENT_R_BIT.rawValue | VK_COLOR_COMPONENT_G_BIT.rawValue
            | VK_COLOR_COMPONENT_B_BIT.rawValue | VK_COLOR_COMPONENT_A_BIT.rawValue
        if variant.shader == .inset {
            // Premultiplied by the weight in the shader: focus x w + periphery x (1 - alpha x w).
            blendAttachment.blendEnable = VkBool32(VK_TRUE)
            blendAttachment.srcColorBlendFactor = VK_BLEND_FACTOR_ONE
            blendAttachment.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA
            blendAttachment.colorBlendOp = VK_BLEND_OP_ADD
            blendAttachment.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE
            blendAttachment.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA
            blendAttachment.alphaBlendOp = VK_BLEND_OP_ADD
        }
        var blend = VkPipelineColorBlendStateCreateInfo()
        blend.sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO
        blend.attachmentCount = 1
        blend.pAttachments = UnsafePointer(storage.keep([blendAttachment]))
        var dynamicState = VkPipelineDynamicStateCreateInfo()
        dynamicState.sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO
        dynamicState.dynamicStateCount = 2
        dynamicState.pDynamicStates = UnsafePointer(storage.keep([VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR]))

        var create = VkGraphicsPipelineCreateInfo()
        create.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO
        create.stageCount = 2
        create.pStages = UnsafePointer(storage.keep([vertexStage, fragmentStage]))
        create.pVertexInputState = UnsafePointer(storage.keep([vertexInput]))
        create.pInputAssemblyState = UnsafePointer(storage.keep([inputAssembly]))
        create.pViewportState = UnsafePointer(storage.keep([viewport]))
        create.pRasterizationState = UnsafePointer(storage.keep([rasterization]))
        create.pMultisampleState = UnsafePointer(storage.keep([multisample]))
        create.pColorBlendState = UnsafePointer(storage.keep([blend]))
        create.pDynamicState = UnsafePointer(storage.keep([dynamicState]))
        create.layout = pipelineLayout
        create.renderPass = renderPass
        var pipeline: VkPipeline?
        try check(functions.createGraphicsPipelines(device, nil, 1, &create, nil, &pipeline), "vkCreateGraphicsPipelines")
        return pipeline
    }

    func destroy() {
        for (_, pipeline) in pipelines { functions.destroyPipeline(device, pipeline, nil) }
        for (_, renderPass) in renderPasses { functions.destroyRenderPass(device, renderPass, nil) }
        (pipelines, renderPasses) = ([], [])
        functions.destroyPipelineLayout(device, pipelineLayout, nil)
        pipelineLayout = nil
    }
}

/// Heap copies of the structures a Vulkan create call points into, alive
/// until `free` (set-up only: the frame path never builds a pipeline).
private final class SetUpStorage {
    private var allocations: [UnsafeMutableRawPointer] = []

    func keep<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        pointer.initialize(from: values, count: values.count)
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    /// The kept values are plain C structures and numbers: nothing to deinitialise.
    func free() {
        for allocation in allocations { allocation.deallocate() }
        allocations = []
    }
}
