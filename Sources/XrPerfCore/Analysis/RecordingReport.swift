/// What `xrperf report` says about a recording; `--json` encodes it and the
/// text output is printed from it.
public struct RecordingReport: Sendable, Equatable, Codable {
    public var file: String
    public var session: SessionInfo?
    /// True when the recording ends with its end line.
    public var complete: Bool
    /// Frames the end line declares (nil without an end line).
    public var declaredFrames: UInt64?
    /// Frames the writer lost (the end line's `dropped`).
    public var droppedFrames: UInt64
    /// Problems met while reading that did not stop the analysis.
    public var warnings: [String]
    public var statistics: FrameStatistics
    public var knobs: KnobUsage
    public var recommendations: [Recommendation]
    /// The controller's plan against what happened, when it ran.
    public var controller: ControllerSummary?

    /// Statistics of the frames that ran with the last knob setting, when the
    /// knobs changed during the recording: recommendations start from them.
    public var lastSettingStatistics: FrameStatistics?

    /// nil when `frames` is empty.
    public init?(file: String, session: SessionInfo?, complete: Bool, declaredFrames: UInt64?, droppedFrames: UInt64,
                 warnings: [String], frames: [FrameRecord]) {
        guard let statistics = FrameStatistics(frames: frames) else { return nil }
        let knobs = KnobUsage(frames: frames)
        self.file = file
        self.session = session
        self.complete = complete
        self.declaredFrames = declaredFrames
        self.droppedFrames = droppedFrames
        self.warnings = warnings
        self.statistics = statistics
        self.knobs = knobs
        controller = ControllerSummary(frames: frames)
        // The controller turns the knobs all along: the last setting is one
        // moment of it, the whole run is what it achieved.
        if controller == nil, knobs.histogram.count > 1, let current = knobs.current {
            lastSettingStatistics = FrameStatistics(frames: frames.filter { KnobUsage.Setting($0.knobs) == current })
        }
        var basis = statistics
        if let last = lastSettingStatistics, last.frames >= Recommendation.minimumFrames / 3 {
            // Same data coverage warnings as the whole recording.
            basis = last
            basis.missingFrames = statistics.missingFrames
        }
        recommendations = Recommendation.make(statistics: basis, knobs: knobs, droppedFrames: droppedFrames)
        if controller != nil, knobs.changes.count > 0 {
            recommendations.insert(Recommendation(
                id: "controller",
                message: "xrperf's controller adapted the knobs during the recording (\(knobs.changes.count) changes): the numbers are those of the whole run, with the controller at work."),
                at: 0)
        }
        if basis != statistics {
            recommendations.insert(Recommendation(
                id: "last-setting",
                message: "Knobs changed during the recording: recommendations use the \(basis.frames) frames with the last setting (\(knobs.current!.text))."),
                at: 0)
        }
    }
}
