/// Acquire / wait / release bookkeeping of one swapchain (spec 10.1,
/// "Swapchain image management"). Images are handed out round-robin; each is
/// acquired, then waited on, then released, in FIFO order.
public struct SwapchainImageRing: Sendable {
    public let imageCount: UInt32
    /// A static swapchain (XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT) may be acquired once.
    public let isStatic: Bool
    private var nextIndex: UInt32 = 0
    /// Acquired and not yet released, oldest first.
    private var acquired: [UInt32] = []
    /// How many of `acquired` (from the front) have been waited on.
    private var waitedCount = 0
    private var everAcquired = false
    /// The image a layer shows (spec 10.6.1: the most recently released one).
    public private(set) var lastReleasedIndex: UInt32? = nil
    /// Whether some image has been released: only then can a layer show it.
    public var hasReleasedImage: Bool { lastReleasedIndex != nil }

    public init(imageCount: UInt32, isStatic: Bool) {
        self.imageCount = imageCount
        self.isStatic = isStatic
    }

    public mutating func acquire() throws(XrSimError) -> UInt32 {
        if isStatic && everAcquired { throw .callOrderInvalid }
        guard acquired.count < Int(imageCount) else { throw .callOrderInvalid }
        let index = nextIndex
        nextIndex = (nextIndex + 1) % imageCount
        acquired.append(index)
        everAcquired = true
        return index
    }

    /// Waits on the oldest acquired image. Like Monado, only one image may be
    /// waited on and unreleased at a time.
    public mutating func wait() throws(XrSimError) -> UInt32 {
        guard waitedCount == 0, let oldest = acquired.first else { throw .callOrderInvalid }
        waitedCount = 1
        return oldest
    }

    /// Releases the oldest waited image.
    public mutating func release() throws(XrSimError) -> UInt32 {
        guard waitedCount > 0 else { throw .callOrderInvalid }
        waitedCount -= 1
        let index = acquired.removeFirst()
        lastReleasedIndex = index
        return index
    }

    public var acquiredCount: Int { acquired.count }
}
