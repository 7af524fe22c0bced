import Testing
@testable import XrSimCore

@Suite struct SwapchainImageRingTests {
    @Test func acquireIsRoundRobinAndBoundedByImageCount() throws {
        var ring = SwapchainImageRing(imageCount: 3, isStatic: false)
        #expect(try ring.acquire() == 0)
        #expect(try ring.acquire() == 1)
        #expect(try ring.acquire() == 2)
        #expect(throws: XrSimError.callOrderInvalid) { try ring.acquire() }
        #expect(try ring.wait() == 0)
        #expect(try ring.release() == 0)
        #expect(try ring.acquire() == 0)
    }

    @Test func waitAndReleaseFollowAcquireOrder() throws {
        var ring = SwapchainImageRing(imageCount: 3, isStatic: false)
        #expect(throws: XrSimError.callOrderInvalid) { try ring.wait() }
        #expect(throws: XrSimError.callOrderInvalid) { try ring.release() }
        _ = try ring.acquire()
        _ = try ring.acquire()
        #expect(throws: XrSimError.callOrderInvalid) { try ring.release() }
        #expect(try ring.wait() == 0)
        #expect(throws: XrSimError.callOrderInvalid) { try ring.wait() }
        #expect(!ring.hasReleasedImage)
        #expect(ring.lastReleasedIndex == nil)
        #expect(try ring.release() == 0)
        #expect(ring.hasReleasedImage)
        #expect(ring.lastReleasedIndex == 0)
        #expect(try ring.wait() == 1)
        #expect(try ring.release() == 1)
        #expect(ring.lastReleasedIndex == 1)
        #expect(ring.acquiredCount == 0)
    }

    @Test func staticSwapchainIsAcquiredOnce() throws {
        var ring = SwapchainImageRing(imageCount: 1, isStatic: true)
        #expect(try ring.acquire() == 0)
        _ = try ring.wait()
        _ = try ring.release()
        #expect(throws: XrSimError.callOrderInvalid) { try ring.acquire() }
    }
}
