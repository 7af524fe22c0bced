import ArgumentParser

/// How the two eyes' images are arranged (--swapchain-layout).
enum SwapchainLayout: String, CaseIterable, ExpressibleByArgument {
    /// One swapchain per eye, array size 1; each eye submits array index 0.
    case separate
    /// One swapchain of array size 2; eye i renders into and submits layer i.
    case array
}
