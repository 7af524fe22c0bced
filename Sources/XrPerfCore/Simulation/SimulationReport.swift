/// Everything `xrperf simulate` prints for one trace: the parameters, the
/// trace's reference figures and one metrics row per controller. The CLI
/// prints text and JSON from this same value.
public struct SimulationReport: Sendable, Equatable, Codable {
    public var trace: String
    public var frames: Int
    public var hz: Double
    public var load: Double
    public var fixedFraction: Double
    public var delay: Int
    public var minScale: Double
    public var oracleMeanScale: Double
    public var frontierScale: Double?
    public var results: [SimulationMetrics]

    enum CodingKeys: String, CodingKey {
        case trace, frames, hz, load, delay, results
        case fixedFraction = "fixed_fraction"
        case minScale = "min_scale"
        case oracleMeanScale = "oracle_mean_scale"
        case frontierScale = "frontier_scale"
    }

    /// frontier_scale is written as null when there is none.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trace, forKey: .trace)
        try c.encode(frames, forKey: .frames)
        try c.encode(hz, forKey: .hz)
        try c.encode(load, forKey: .load)
        try c.encode(fixedFraction, forKey: .fixedFraction)
        try c.encode(delay, forKey: .delay)
        try c.encode(minScale, forKey: .minScale)
        try c.encode(oracleMeanScale, forKey: .oracleMeanScale)
        try c.encode(frontierScale, forKey: .frontierScale)
        try c.encode(results, forKey: .results)
    }

    /// Simulates `controllers` on `trace` under `parameters`.
    public init(
        trace name: String, _ trace: FrameTrace, parameters: SimulationParameters,
        controllers: [SimulatedControllerKind]
    ) {
        let frames = SimulationFrames(trace: trace, parameters: parameters)
        let reference = TraceReference(frames: frames, parameters: parameters)
        self.trace = name
        self.frames = frames.count
        hz = parameters.hz
        load = parameters.load
        fixedFraction = parameters.fixedFraction
        delay = parameters.delay
        minScale = parameters.minimumScale
        oracleMeanScale = reference.oracleMeanScale
        frontierScale = reference.frontierScale
        results = controllers.map { $0.simulate(frames: frames, parameters: parameters) }
    }

    public func result(_ kind: SimulatedControllerKind) -> SimulationMetrics? {
        results.first { $0.controller == kind.rawValue }
    }
}
