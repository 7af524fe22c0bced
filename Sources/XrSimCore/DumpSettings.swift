/// Where and which submitted frames XrSim writes to files (XRSIM_DUMP_DIR,
/// XRSIM_DUMP_FRAMES), so pixel tests can compare what the runtime received.
public struct DumpSettings: Equatable, Sendable {
    public var directory: String
    /// 0-based indices of successful xrEndFrame calls in a session.
    public var frames: Set<UInt64>

    /// Frame 0 is useless as a default: apps that honour shouldRender submit no
    /// layers until the session is visible, and the first drawn frames may still
    /// warm caches. Ten frames in, an app shows what it steadily renders.
    public static let defaultFrames: Set<UInt64> = [10]

    public init(directory: String, frames: Set<UInt64> = DumpSettings.defaultFrames) {
        self.directory = directory
        self.frames = frames
    }

    /// Parses "3,10, 42": frame indices separated by commas, blanks around them
    /// allowed. Nil for an empty list, an empty entry or anything not a number.
    public static func parseFrames(_ text: String) -> Set<UInt64>? {
        var frames: Set<UInt64> = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 1, let frame = UInt64(words[0]) else { return nil }
            frames.insert(frame)
        }
        return frames.isEmpty ? nil : frames
    }
}
