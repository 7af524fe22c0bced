/// The load of one frame: what the compute pass and the CPU spin are asked for.
struct FrameLoad: Equatable {
    /// ALU iterations per pixel of the compute pass.
    var gpuIterations: UInt32
    /// Milliseconds of CPU time from xrWaitFrame's return to xrBeginFrame.
    var cpuMilliseconds: Double
}
