import COpenXR
import XrSimCore

/// Writes every view of a validated frame to `<dir>/frame-N-...pam` when
/// XRSIM_DUMP_FRAMES names it. Runs under the runtime lock so no swapchain
/// can be destroyed mid-copy; dumps are rare, so the stall does not matter.
/// Never fails the frame: a view that cannot be dumped is logged and skipped.
func dumpFrame(_ frame: SubmittedFrame, index: UInt64, settings: DumpSettings, session: SessionObject,
               registry: Registry) {
    let targets = dumpTargets(frame: index, layers: frame.layers)
    guard !targets.isEmpty else {
        Log.info("frame \(index) not dumped: it has no projection or quad layers")
        return
    }
    do throws(FileFailure) {
        try createDirectories(settings.directory)
    } catch {
        Log.warn("frame \(index) not dumped: \(error.message)")
        return
    }
    var written = 0
    for target in targets {
        do throws(DumpFailure) {
            try dump(target, session: session, registry: registry, directory: settings.directory)
            written += 1
        } catch {
            Log.warn("\(target.fileName) not dumped: \(error.reason)")
        }
    }
    Log.info("frame \(index) dumped: \(written) of \(targets.count) views to \(settings.directory)")
}

private struct DumpFailure: Error {
    let reason: String
}

private func dump(_ target: DumpTarget, session: SessionObject, registry: Registry, directory: String) throws(DumpFailure) {
    // Validation already checked the handle, the rect and the array index.
    guard let swapchain = registry.swapchains[target.subImage.swapchain],
        let imageIndex = swapchain.ring.lastReleasedIndex
    else { throw DumpFailure(reason: "the swapchain has no released image") }
    let spec = swapchain.spec
    let vkFormat = Int64(spec.format.rawValue)
    guard !isDepthFormat(spec.format) else { throw DumpFailure(reason: "depth swapchains are not dumped") }
    guard let pixelFormat = DumpPixelFormat(vkFormat: vkFormat) else {
        throw DumpFailure(reason: "VkFormat \(vkFormat) is not an 8-bit RGBA/BGRA format")
    }
    guard spec.isReadable else {
        throw DumpFailure(reason: "multisampled images, or images the device cannot copy from, are not dumped")
    }
    let region = ReadbackRegion(image: swapchain.images.images[Int(imageIndex)], layout: spec.layout,
                                rect: target.subImage.rect, arrayLayer: target.subImage.arrayIndex)
    var texels: [UInt8]
    do throws(XrSimError) {
        texels = try readTexels(region, on: session.vulkan)
    } catch {
        throw DumpFailure(reason: "GPU readback failed (\(resultString(error.rawValue)))")
    }
    pixelFormat.toRGBA(&texels)
    let comments = dumpComments(vkFormat: vkFormat, swapchainWidth: spec.width, swapchainHeight: spec.height,
                                arraySize: spec.arraySize, subImage: target.subImage)
    guard let file = PamEncoding.encode(width: Int(region.rect.width), height: Int(region.rect.height),
                                        comments: comments, rgba: texels)
    else { throw DumpFailure(reason: "texel count does not match the rect") }
    do throws(FileFailure) {
        try writeFileAtomically(directory + "/" + target.fileName, file)
    } catch {
        throw DumpFailure(reason: error.message)
    }
}
