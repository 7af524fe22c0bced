import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// A file handed to `xrperf report / plot / compare` (a JSON Lines recording,
/// read by RecordingFile of XrPerfRecordingFile, as the CLI reads it) and to `xrperf simulate --trace`
/// (CSV or JSON Lines, TraceParser): read it, and when it is accepted, run
/// what the commands compute from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let recording = try? RecordingFile(path: "fuzz.jsonl", data: bytes, skipBadLines: size % 2 == 0) {
        let frames = recording.frames
        _ = RecordingReport(
            file: recording.path, session: recording.session, complete: recording.complete,
            declaredFrames: recording.declaredFrames, droppedFrames: recording.dropped,
            warnings: recording.warnings, frames: frames)
        _ = FrameChart(title: recording.title).svg(frames: frames)
        _ = Comparison(base: frames, new: frames.reversed())
    }
    if let trace = try? TraceParser.parse(String(decoding: bytes, as: UTF8.self)) {
        _ = SimulationReport(trace: "fuzz", trace, parameters: SimulationParameters(), controllers: SimulatedControllerKind.allCases)
    }
    return 0
}
