import Testing
@testable import XrPerfCore

@Suite struct SimulationTests {
    @Test func reversalsCountSignChangesOfStepsAboveOnePercent() {
        #expect(SimulationMetrics.reversals([1, 0.9, 0.905, 0.95, 0.96, 0.9]) == 2)
        // Steps of 1 % or less never count, whatever their sign.
        #expect(SimulationMetrics.reversals([1, 0.995, 1, 0.992, 1]) == 0)
    }

    @Test func recoveryCountsFramesToTheNextCleanRunOfTen() {
        let clean = [Bool](repeating: false, count: 10)
        // Miss after 10 clean frames, a second miss, then clean: 2 frames.
        let missed = clean + [true, true] + clean + [true] + clean
        // First: misses at 10, 11 -> clean run from 12: 2. Second: at 22 -> 23: 1.
        #expect(SimulationMetrics.recoveryMedian(missed) == 1.5)
        // A miss without 10 clean frames before it does not count.
        #expect(SimulationMetrics.recoveryMedian([true] + clean) == nil)
    }

    @Test func frontierIsTheLargestFixedScaleWithAtMostOnePercentMisses() {
        let parameters = SimulationParameters()
        let trace = SyntheticTrace.noisy.generate(frames: 2_000, seed: 2)
        let frames = SimulationFrames(trace: trace, parameters: parameters)
        let reference = TraceReference(frames: frames, parameters: parameters)
        let frontier = try! #require(reference.frontierScale)
        func missRate(_ scale: Double) -> Double {
            var fixed = FixedScaleController(scale: scale)
            let run = FrameSimulator.run(&fixed, frames: frames, parameters: parameters)
            return SimulationMetrics(controller: "fixed", run: run, frames: frames).missRate
        }
        #expect(missRate(frontier - 1e-9) <= 0.01)
        #expect(missRate(frontier + 1e-3) > 0.01)
        #expect(reference.oracleMeanScale >= frontier)
    }

    @Test func controllersSeeOnlyFramesAtLeastDelayOld() {
        struct Spy: ScaleController {
            let name = "spy"
            var delay: Int
            var violations = 0
            var newest = -1
            mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {
                if frame != newest + 1 { violations += 1 }
                newest = frame
            }
            mutating func scale(forFrame frame: Int) -> Double {
                if (newest >= 0 && newest > frame - delay) || (frame >= delay && newest != frame - delay) { violations += 1 }
                return 1
            }
        }
        for delay in [1, 2, 3] {
            var spy = Spy(delay: delay)
            let frames = SimulationFrames(trace: SyntheticTrace.steady.generate(frames: 100), parameters: .init(delay: delay))
            _ = FrameSimulator.run(&spy, frames: frames, parameters: .init(delay: delay))
            #expect(spy.violations == 0)
        }
    }

    @Test func loadScalesTheMedianToLoadTimesPeriod() {
        let parameters = SimulationParameters(hz: 120, load: 1.3)
        let frames = SimulationFrames(trace: SyntheticTrace.jittery.generate(frames: 1_001), parameters: parameters)
        #expect(abs(SimulationFrames.median(frames.gpuMs) - 1.3 * 1000 / 120) < 1e-9)
    }

    @Test func syntheticTracesAreDeterministic() {
        for kind in SyntheticTrace.allCases {
            #expect(kind.generate(frames: 500, seed: 8) == kind.generate(frames: 500, seed: 8))
            #expect(kind.generate(frames: 500, seed: 8) != kind.generate(frames: 500, seed: 9))
        }
    }

    /// The jittery trace has the statistics the bar is stated for.
    @Test func jitteryTraceHasLagOneAutocorrelationHalfAndP99OverP50Two() {
        let gpu = SyntheticTrace.jittery.generate().gpuMs
        let sorted = gpu.sorted()
        let ratio = SimulationMetrics.quantile(sorted, 0.99) / SimulationMetrics.quantile(sorted, 0.5)
        let mean = gpu.reduce(0, +) / Double(gpu.count)
        var numerator = 0.0
        var denominator = 0.0
        for t in gpu.indices {
            denominator += (gpu[t] - mean) * (gpu[t] - mean)
            if t > 0 { numerator += (gpu[t] - mean) * (gpu[t - 1] - mean) }
        }
        let lagOne = numerator / denominator
        #expect(ratio > 1.8 && ratio < 2.2, "p99/p50 \(ratio)")
        #expect(lagOne > 0.4 && lagOne < 0.6, "lag-1 \(lagOne)")
    }

    @Test func sameTraceTwiceSameDecisions() {
        let parameters = SimulationParameters(load: 1.3, delay: 2)
        let frames = SimulationFrames(trace: SyntheticTrace.bursty.generate(), parameters: parameters)
        var first = XrPerfScaleController(periodMs: parameters.periodMs, range: 0.5...1)
        var second = XrPerfScaleController(periodMs: parameters.periodMs, range: 0.5...1)
        #expect(FrameSimulator.run(&first, frames: frames, parameters: parameters)
            == FrameSimulator.run(&second, frames: frames, parameters: parameters))
    }
}
