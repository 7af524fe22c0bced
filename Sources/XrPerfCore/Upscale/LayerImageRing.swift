/// Acquire / wait / release of the images the layer hands the app in place
/// of a runtime swapchain's, with the rules a runtime enforces (spec
/// "Swapchain image management"): images in round-robin order, each acquired,
/// then waited on, then released, FIFO; one waited image at a time (as
/// Monado); no more acquired than exist. Fixed size: no allocation per call.
public struct LayerImageRing: Sendable {
    public static let maximumImages: UInt32 = 8

    public enum Failure: Error, Equatable {
        case callOrderInvalid
    }

    public let imageCount: UInt32
    private var nextIndex: UInt32 = 0
    /// Index of the oldest acquired, unreleased image.
    private var oldest: UInt32 = 0
    private var acquiredCount: UInt32 = 0
    private var waited = false
    /// The image the app released last: what a composition layer shows.
    public private(set) var lastReleased: UInt32?

    public init(imageCount: UInt32) {
        self.imageCount = min(max(imageCount, 1), Self.maximumImages)
    }

    public mutating func acquire() throws(Failure) -> UInt32 {
        guard acquiredCount < imageCount else { throw .callOrderInvalid }
        let index = nextIndex
        if acquiredCount == 0 { oldest = index }
        nextIndex = (nextIndex + 1) % imageCount
        acquiredCount += 1
        return index
    }

    public mutating func wait() throws(Failure) -> UInt32 {
        guard !waited, acquiredCount > 0 else { throw .callOrderInvalid }
        waited = true
        return oldest
    }

    public mutating func release() throws(Failure) -> UInt32 {
        guard waited else { throw .callOrderInvalid }
        waited = false
        let index = oldest
        oldest = (oldest + 1) % imageCount
        acquiredCount -= 1
        lastReleased = index
        return index
    }
}
