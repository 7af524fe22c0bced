/// Where the simulated eyes look relative to the head, in degrees: positive
/// yaw to the user's left (counter-clockwise about +Y), positive pitch up.
public enum GazeSample: Equatable, Sendable {
    case looking(yaw: Double, pitch: Double)
    /// The eye tracker lost the eyes: the gaze is not located.
    case lost

    public static let straightAhead = GazeSample.looking(yaw: 0, pitch: 0)
}

/// A malformed XRSIM_GAZE, with what is wrong in words a user can act on.
public struct GazeScriptError: Error, Equatable, Sendable {
    public let message: String
}

/// XRSIM_GAZE: a piecewise-constant gaze over the session's frames. Each
/// entry holds from its frame until the next entry's frame.
public struct GazeScript: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let frame: UInt64
        public let sample: GazeSample

        public init(frame: UInt64, sample: GazeSample) {
            self.frame = frame
            self.sample = sample
        }
    }

    /// Strictly ascending frames.
    public let entries: [Entry]

    public static let straightAhead = GazeScript(checkedEntries: [])

    private init(checkedEntries: [Entry]) { entries = checkedEntries }

    /// Yaw beyond half a turn or pitch beyond straight up/down is surely a
    /// typo (radians, or a frame number in the wrong place).
    public static let yawRange = -180.0...180.0
    public static let pitchRange = -90.0...90.0

    /// The gaze at `frame`; straight ahead before the first entry.
    public func sample(atFrame frame: UInt64) -> GazeSample {
        entries.last(where: { $0.frame <= frame })?.sample ?? .straightAhead
    }

    /// Parses "FRAME:YAW:PITCH[,FRAME:YAW:PITCH|FRAME:lost...]"; spaces around
    /// entries and fields are allowed, nothing else is skipped.
    public static func parse(_ text: String) throws(GazeScriptError) -> GazeScript {
        var entries: [Entry] = []
        for (position, rawEntry) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let entryText = trimmed(rawEntry)
            func fail(_ why: String) -> GazeScriptError {
                GazeScriptError(message: "entry \(position + 1) \"\(entryText)\": \(why)")
            }
            guard !entryText.isEmpty else { throw fail("empty entry") }
            let fields = entryText.split(separator: ":", omittingEmptySubsequences: false).map(trimmed)
            guard let frame = UInt64(fields[0]) else { throw fail("frame \"\(fields[0])\" is not a whole number >= 0") }
            let sample: GazeSample
            switch fields.count {
            case 2 where fields[1].lowercased() == "lost":
                sample = .lost
            case 3:
                guard let yaw = Double(fields[1]), yaw.isFinite, yawRange.contains(yaw) else {
                    throw fail("yaw \"\(fields[1])\" is not a number of degrees in -180...180")
                }
                guard let pitch = Double(fields[2]), pitch.isFinite, pitchRange.contains(pitch) else {
                    throw fail("pitch \"\(fields[2])\" is not a number of degrees in -90...90")
                }
                sample = .looking(yaw: yaw, pitch: pitch)
            default:
                throw fail("expected FRAME:YAW:PITCH or FRAME:lost")
            }
            if let previous = entries.last, previous.frame >= frame {
                throw fail("frame \(frame) does not come after frame \(previous.frame)")
            }
            entries.append(Entry(frame: frame, sample: sample))
        }
        return GazeScript(checkedEntries: entries)
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    private static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }
}
