/// A session's scripted gaze on its display timeline. Frame N is the
/// session's N-th successful xrWaitFrame (0-based, the index XRSIM_DUMP_FRAMES
/// uses for apps that end every frame they wait for); a time belongs to the
/// latest frame whose predicted display time is at or before it, and to frame
/// 0 before the first one. Only the display times of frames where the script
/// changes are kept, so memory stays bounded however long the session runs.
public struct GazeTimeline: Sendable {
    public let script: GazeScript
    /// The predicted display time of each entry's frame, once waited for.
    private var starts: [Int64?]

    public init(script: GazeScript) {
        self.script = script
        starts = Array(repeating: nil, count: script.entries.count)
    }

    /// Called for every successful xrWaitFrame, in order.
    public mutating func frameWaited(_ frame: UInt64, displayTime: Int64) {
        for (i, entry) in script.entries.enumerated() where entry.frame == frame {
            starts[i] = displayTime
        }
    }

    /// The gaze shown at display time `time`.
    public func sample(at time: Int64) -> GazeSample {
        var current = GazeSample.straightAhead
        for (i, entry) in script.entries.enumerated() {
            // Frame 0 also covers times before the first frame.
            if entry.frame > 0 {
                // Entries are in display-time order, so the first one not yet
                // reached ends the search.
                guard let start = starts[i], start <= time else { break }
            }
            current = entry.sample
        }
        return current
    }
}
