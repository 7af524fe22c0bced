import COpenXR
import XrPerfVulkan

/// Fills the app images with a picture that has edges in every direction and
/// noise: the edge filter's gradient and weights then do the work they do on
/// a rendered frame (on a flat image every gradient is 0).
enum InputPattern {
    /// RGBA, 8 bits per channel (the bench's formats are all 8-bit).
    static func pixels(width: Int, height: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 255, count: width * height * 4)
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        for y in 0..<height {
            for x in 0..<width {
                let ring = Int(((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot() / 5)
                var hash = UInt32(truncatingIfNeeded: x &* 73_856_093) ^ UInt32(truncatingIfNeeded: y &* 19_349_663)
                hash = (hash ^ (hash >> 13)) &* 0x5bd1_e995
                let offset = (y * width + x) * 4
                bytes[offset] = ring % 2 == 0 ? 200 : 40
                bytes[offset + 1] = ((x + y) / 6) % 2 == 0 ? 220 : 30
                bytes[offset + 2] = UInt8(truncatingIfNeeded: hash >> 24)
            }
        }
        return bytes
    }

    /// The focus view's picture: the same kind, colours inverted, so the
    /// inset is told apart from the periphery under it.
    static func focusPixels(width: Int, height: Int) -> [UInt8] {
        var bytes = pixels(width: width, height: height)
        for index in bytes.indices where index % 4 != 3 { bytes[index] = 255 - bytes[index] }
        return bytes
    }

    /// Copies the pattern into every image; the images are in `layout`
    /// before and after.
    static func upload(_ device: BenchDevice, images: [VkImage], width: UInt32, height: UInt32, layout: VkImageLayout,
                       setup: UpscaleContext) throws(BenchError) {
        try upload(device, images: images, bytes: pixels(width: Int(width), height: Int(height)), width: width,
                   height: height, layout: layout, setup: setup)
    }

    /// Copies `bytes` (RGBA, 8 bits per channel) into every image through a
    /// host-visible buffer; the images are in `layout` before and after.
    static func upload(_ device: BenchDevice, images: [VkImage], bytes: [UInt8], width: UInt32, height: UInt32,
                       layout: VkImageLayout, setup: UpscaleContext) throws(BenchError) {
        let staging = try HostBuffer(device, size: bytes.count, usage: VK_BUFFER_USAGE_TRANSFER_SRC_BIT.rawValue)
        bytes.withUnsafeBytes { staging.bytes.copyMemory(from: $0) }
        let buffer = staging.buffer

        let access = VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
        try setup.setUp { command in
            for image in images {
                setup.transition(command, image, from: layout, to: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, srcAccess: access,
                                 dstAccess: VK_ACCESS_TRANSFER_WRITE_BIT.rawValue)
                var region = VkBufferImageCopy()
                region.imageSubresource = VkImageSubresourceLayers(
                    aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0, baseArrayLayer: 0, layerCount: 1)
                region.imageExtent = VkExtent3D(width: width, height: height, depth: 1)
                vkCmdCopyBufferToImage(command, buffer, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region)
                setup.transition(command, image, from: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, to: layout,
                                 srcAccess: VK_ACCESS_TRANSFER_WRITE_BIT.rawValue, dstAccess: access)
            }
        }
    }
}
