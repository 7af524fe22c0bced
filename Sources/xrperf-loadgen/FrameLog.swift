/// --frame-log: what the app measured of each submitted frame, in submit
/// order, so that tests can set it beside what a layer recorded for the same
/// frame (joined on `display_time_ns`). Kept in memory during the run, in
/// storage reserved up front (appending a record allocates nothing), and
/// written as JSON Lines at exit (docs/loadgen.md lists the fields).
struct FrameLog {
    struct Record {
        /// Index in submit order, from 0 (as in a schedule file).
        var frame: UInt64
        /// The frame's XrFrameState::predictedDisplayTime.
        var displayTimeNs: Int64
        /// CPU time of the thread that called xrWaitFrame, from its return to
        /// that thread's next frame call (with --threads 2 see
        /// `SimulationSpans`); nil only if the span never closed.
        var simCpuNs: UInt64?
        /// CPU time of the render thread from right before xrBeginFrame to
        /// right before xrEndFrame.
        var renderCpuNs: UInt64
        /// The app's own GPU time (its timestamps); nil when nothing was
        /// rendered or the queue writes no timestamps.
        var gpuNs: UInt64?
        var shouldRender: Bool
    }

    /// Records reserved when no frame limit says how many there will be:
    /// 12 minutes at 90 Hz. A longer run grows the array (a rare reallocation).
    static let defaultCapacity = 65_536

    private(set) var records: [Record] = []

    init(capacity: Int) {
        records.reserveCapacity(capacity)
    }

    /// Frames expected: --frames plus the one a runtime may still take after
    /// asking to stop, else --seconds at up to 1000 Hz, else the default.
    static func capacity(frameLimit: UInt64?, secondsLimit: Double?) -> Int {
        if let frameLimit { return Int(min(frameLimit, 1 << 24)) + 2 }
        if let secondsLimit { return Int(min(secondsLimit * 1000, Double(1 << 24))) + 2 }
        return defaultCapacity
    }

    mutating func append(_ record: Record) { records.append(record) }

    /// A GPU time measured after its frame was logged (the slot's fence
    /// signals a frame or two later).
    mutating func setGpu(_ measurement: FrameTimestamps.Measurement) {
        let index = Int(measurement.frame)
        guard index < records.count, records[index].frame == measurement.frame else { return }
        records[index].gpuNs = measurement.nanoseconds
    }

    /// --threads 2: the waiting thread's spans, one per frame handed over in
    /// order, which is submit order.
    mutating func setSimulationSpans(_ spans: [UInt64]) {
        for index in records.indices where index < spans.count { records[index].simCpuNs = spans[index] }
    }

    /// One JSON object per line, keys in the documented order.
    var jsonLines: String {
        var text = ""
        text.reserveCapacity(records.count * 160)
        for record in records {
            text += "{\"frame\":\(record.frame),\"display_time_ns\":\(record.displayTimeNs),"
            text += "\"sim_cpu_ns\":\(Self.number(record.simCpuNs)),\"render_cpu_ns\":\(record.renderCpuNs),"
            text += "\"gpu_ns\":\(Self.number(record.gpuNs)),\"should_render\":\(record.shouldRender)}\n"
        }
        return text
    }

    private static func number(_ value: UInt64?) -> String { value.map(String.init) ?? "null" }
}
