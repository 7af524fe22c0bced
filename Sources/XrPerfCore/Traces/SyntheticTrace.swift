/// Synthetic frame-time traces for the controller benchmark. Each kind is
/// a documented recipe (docs/controller.md lists them with their measured
/// statistics); all are deterministic for a given seed. Costs are in ms
/// around a base of 8 ms: the simulator rescales to the requested load, so
/// only the shape matters.
public enum SyntheticTrace: String, CaseIterable, Sendable {
    /// 1 % white noise: a smooth GPU-bound scene.
    case steady
    /// 5 % noise with lag-1 autocorrelation 0.3.
    case noisy
    /// Lag-1 autocorrelation 0.56, p99/p50 1.87: 8 % white noise, AR(1)
    /// wander (rho 0.9, 4 %), and bursts: 0.3 % of frames start one of 3-8
    /// frames at +100-150 %, decaying 7 % a frame.
    case jittery
    /// Scene changes: calm (0.8x) and busy (1.25x) stretches of 60-300
    /// frames, 3 % noise.
    case bursty
    /// Steps every 900 frames through 0.7, 1.2, 0.9, 1.4, 0.8, 1.1 x, 2 % noise.
    case step
    /// Slow triangle drift between 0.7 and 1.3 x over 2000 frames, 2 % noise.
    case drift
    /// Steady (2 % noise) with a single-frame hitch of 2.5-3.5x every
    /// 120-240 frames (streaming, shader compilation, garbage collection):
    /// about 0.6 % of frames, unpredictable and unavoidable at any scale.
    case hitches
    /// CPU-bound: GPU 3 % noise around 8 ms, CPU around 10 ms (1.25x) with
    /// 5 % noise, so the CPU sets the pace and lowering GPU quality is useless.
    case cpuBound = "cpu-bound"

    public static let defaultFrames = 5400
    public static let defaultSeed: UInt64 = 1

    public func generate(frames: Int = defaultFrames, seed: UInt64 = defaultSeed) -> FrameTrace {
        // Each kind gets its own stream even with the same seed.
        var random = TraceRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(Self.allCases.firstIndex(of: self)!))
        let base = 8.0
        var gpu = [Double](repeating: base, count: max(frames, 0))
        var cpu: [Double]? = nil
        switch self {
        case .steady:
            for t in gpu.indices { gpu[t] = base * (1 + 0.01 * random.normal()) }
        case .noisy:
            var noise = 0.0
            for t in gpu.indices {
                noise = 0.3 * noise + (1 - 0.09).squareRoot() * random.normal()
                gpu[t] = base * (1 + 0.05 * noise)
            }
        case .jittery:
            var wander = 0.0
            var burst = 0.0
            var burstLeft = 0
            for t in gpu.indices {
                wander = 0.9 * wander + (1 - 0.81).squareRoot() * random.normal()
                if burstLeft > 0 {
                    burstLeft -= 1
                    burst *= 0.93
                    if burstLeft == 0 { burst = 0 }
                } else if random.chance(0.003) {
                    burst = random.uniform(1.0...1.5)
                    burstLeft = Int(random.uniform(3...8.99))
                }
                gpu[t] = base * max(0.3, 1 + 0.08 * random.normal() + 0.04 * wander + burst)
            }
        case .bursty:
            var left = 0
            var level = 1.0
            for t in gpu.indices {
                if left == 0 {
                    level = level == 0.8 ? 1.25 : 0.8
                    left = Int(random.uniform(60...300.99))
                }
                left -= 1
                gpu[t] = base * level * (1 + 0.03 * random.normal())
            }
        case .step:
            let levels = [0.7, 1.2, 0.9, 1.4, 0.8, 1.1]
            for t in gpu.indices {
                gpu[t] = base * levels[(t / 900) % levels.count] * (1 + 0.02 * random.normal())
            }
        case .drift:
            for t in gpu.indices {
                let phase = Double(t % 2000) / 2000
                let triangle = phase < 0.5 ? phase * 2 : 2 - phase * 2
                gpu[t] = base * (0.7 + 0.6 * triangle) * (1 + 0.02 * random.normal())
            }
        case .hitches:
            var next = Int(random.uniform(120...240.99))
            for t in gpu.indices {
                var cost = base * (1 + 0.02 * random.normal())
                if t == next {
                    cost *= random.uniform(2.5...3.5)
                    next += Int(random.uniform(120...240.99))
                }
                gpu[t] = cost
            }
        case .cpuBound:
            var cpuMs = [Double](repeating: 0, count: gpu.count)
            for t in gpu.indices {
                gpu[t] = base * (1 + 0.03 * random.normal())
                cpuMs[t] = base * 1.25 * (1 + 0.05 * random.normal())
            }
            cpu = cpuMs
        }
        return FrameTrace(gpuMs: gpu, cpuMs: cpu)
    }
}
