import Testing
@testable import XrPerfCore

@Suite struct BaselineControllerTests {
    let period = 1000.0 / 90

    @Test func valveLevelsAre15PercentOfFillRateApart() {
        var valve = ValveScaleController(periodMs: period, range: 0.5...1)
        var seen: [Double] = [valve.scale(forFrame: 0)]
        // Always over 90 %: down 2 levels every 10 frames.
        for t in 1..<400 {
            valve.observe(frame: t - 1, scale: seen.last!, gpuMs: period, cpuMs: nil)
            seen.append(valve.scale(forFrame: t))
        }
        let distinct = Array(Set(seen)).sorted(by: >)
        #expect(distinct.first == 1)
        #expect(distinct.last == 0.5)
        for i in 1..<(distinct.count - 1) {
            let ratio = distinct[i - 1] * distinct[i - 1] / (distinct[i] * distinct[i])
            #expect(abs(ratio - 1.15 * 1.15) < 1e-9 || abs(ratio - 1.15) < 1e-9)
        }
    }

    @Test func unrealPanicsAfterTwoFramesOverBudget() {
        var unreal = UnrealScaleController(periodMs: period, range: 0.5...1)
        for t in 0..<20 {
            unreal.observe(frame: t, scale: 1, gpuMs: period * 0.85, cpuMs: nil)
            _ = unreal.scale(forFrame: t + 1)
        }
        let cruising = unreal.scale(forFrame: 21)
        unreal.observe(frame: 21, scale: cruising, gpuMs: period * 1.5, cpuMs: nil)
        #expect(unreal.scale(forFrame: 22) == cruising)
        unreal.observe(frame: 22, scale: cruising, gpuMs: period * 1.5, cpuMs: nil)
        let panicked = unreal.scale(forFrame: 23)
        // Quadratic model: scale x sqrt(0.9 / 1.5).
        #expect(abs(panicked - cruising * (0.9 / 1.5).squareRoot()) < 1e-9)
    }

    @Test func pidSettlesAtItsSetpointOnAConstantLoad() {
        var pid = PIDScaleController(periodMs: period, range: 0.5...1)
        var scale = 1.0
        for t in 0..<500 {
            let cost = period * 1.1 * (0.2 + 0.8 * scale * scale)
            pid.observe(frame: t, scale: scale, gpuMs: cost, cpuMs: nil)
            scale = pid.scale(forFrame: t + 1)
        }
        let cost = 1.1 * (0.2 + 0.8 * scale * scale)
        #expect(abs(cost - 0.9) < 0.01)
    }
}
