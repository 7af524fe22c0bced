import Testing
@testable import XrPerfCore

@Suite struct BottleneckTests {
    let budget: Int64 = 11_111_111
    let ms: Int64 = 1_000_000

    @Test func gpuCloseToTheBudgetIsGpuBound() {
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: 10_700_000, budgetNs: budget, late: false) == .gpu)
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: 14 * ms, budgetNs: budget, late: true) == .gpu)
    }

    @Test func marginIsFiveHundredMicroseconds() {
        // 10.611 ms leaves exactly 500 µs: limiting. 10.610 leaves 501 µs: not.
        #expect(Bottleneck.classify(appCpuNs: ms, appGpuNs: budget - 500_000, budgetNs: budget, late: false) == .gpu)
        #expect(Bottleneck.classify(appCpuNs: ms, appGpuNs: budget - 501_000, budgetNs: budget, late: false) == .none)
    }

    @Test func cpuCloseToTheBudgetIsCpuBound() {
        #expect(Bottleneck.classify(appCpuNs: 11 * ms, appGpuNs: 4 * ms, budgetNs: budget, late: true) == .cpu)
        #expect(Bottleneck.classify(appCpuNs: 11 * ms, appGpuNs: nil, budgetNs: budget, late: false) == .cpu)
    }

    @Test func bothLimitingTheLargerWins() {
        #expect(Bottleneck.classify(appCpuNs: 12 * ms, appGpuNs: 11 * ms, budgetNs: budget, late: true) == .cpu)
        #expect(Bottleneck.classify(appCpuNs: 11 * ms, appGpuNs: 12 * ms, budgetNs: budget, late: true) == .gpu)
    }

    @Test func lateWithTimeToSpareIsRuntimeBound() {
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: 5 * ms, budgetNs: budget, late: true) == .runtime)
        // Without GPU time the GPU cannot be ruled out.
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: nil, budgetNs: budget, late: true) == .unknown)
    }

    @Test func onTimeWithTimeToSpareIsNone() {
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: 5 * ms, budgetNs: budget, late: false) == .none)
        #expect(Bottleneck.classify(appCpuNs: 3 * ms, appGpuNs: 5 * ms, budgetNs: 0, late: false) == .unknown)
        #expect(Bottleneck.classify(appCpuNs: nil, appGpuNs: nil, budgetNs: budget, late: false) == .unknown)
    }

    @Test func windowVerdictUsesP90AndShares() throws {
        // 80% of frames comfortable, 20% GPU spikes: p90 is a spike.
        let frames = SyntheticFrames.make(count: 100, gpuMs: { $0 % 5 == 0 ? 11 : 5 }, late: { $0 % 5 == 0 })
        let s = try #require(FrameStatistics(frames: frames))
        #expect(s.bottleneck == .gpu)
        #expect(s.bottleneckShares.first { $0.bottleneck == .gpu }?.frames == 20)
        #expect(s.bottleneckShares.first { $0.bottleneck == .none }?.frames == 80)
    }

    @Test func windowLateWithoutLimitingWorkIsRuntimeBound() throws {
        let frames = SyntheticFrames.make(count: 100, late: { $0 % 20 == 0 })
        let s = try #require(FrameStatistics(frames: frames))
        #expect(s.missRate == 0.05)
        #expect(s.bottleneck == .runtime)
    }
}
