import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// A swapchain whose images the layer owns: the app's handle is the
/// runtime's swapchain (at the display size); the app renders into the
/// layer's images (at its size) and xrEndFrame upscales them into it.
final class SubstitutedSwapchain: @unchecked Sendable {
    /// The runtime's swapchain, which is also the app's handle.
    let handle: UInt
    let images: SubstitutedImages
    let geometry: UpscaleGeometry
    let arraySize: UInt32
    /// Acquire/wait/release of the app's images. Apps may call these from
    /// another thread than xrEndFrame; the lock is held for a few
    /// instructions, never across a call down.
    let ring: Mutex<LayerImageRing>
    /// The runtime image acquired for the frame being ended, if any. Touched
    /// only inside xrEndFrame, which the app serialises per session.
    var runtimeImageThisFrame: UInt32?

    init(handle: UInt, images: SubstitutedImages, geometry: UpscaleGeometry, arraySize: UInt32, imageCount: UInt32) {
        self.handle = handle
        self.images = images
        self.geometry = geometry
        self.arraySize = arraySize
        ring = Mutex(LayerImageRing(imageCount: imageCount))
    }

    /// The image the app released last, as a composition layer shows it.
    var lastReleased: UInt32? { ring.withLock { $0.lastReleased } }
}
