import Foundation
import Testing
@testable import XrPerfCore

@Suite struct RecordingReadTests {
    func decode(_ line: String) throws -> RecordingLine {
        try JSONDecoder().decode(RecordingLine.self, from: Data(line.utf8))
    }

    @Test func framesRoundTripThroughTheWriter() throws {
        let frame = FrameRecord(
            frameIndex: 41, predictedDisplayTime: 9_000_000_000, displayPeriodNs: 11_111_111, waitCallNs: 100,
            waitReturnNs: 200, beginCallNs: 300, endCallNs: 2_000_300, endReturnNs: 2_100_000, appCpuNs: 2_000_000,
            simCpuNs: 1_250_000, renderCpuNs: 750_000, appGpuNs: nil, layerCpuNs: 12_000, layerGpuNs: 0, frameIntervalNs: 11_100_000, missedFrames: 1,
            flags: [.late, .gpuUnavailable], features: [.gpuTiming, .recording],
            knobs: KnobSettings(renderScale: 0.75, frameDivisor: 2, foveation: .gaze, passFilter: .edge))
        let line = try decode(RecordingFormat.frameLine(frame))
        guard case .frame(let back) = line else {
            Issue.record("not a frame: \(line)")
            return
        }
        #expect(back == frame)
        // Durations are written in milliseconds with microsecond resolution.
        var fine = frame
        fine.appCpuNs = 2_000_400
        guard case .frame(let rounded) = try decode(RecordingFormat.frameLine(fine)) else { return }
        #expect(rounded.appCpuNs == 2_000_000)
    }

    @Test func headerAndEndLines() throws {
        let info = SessionInfo(pid: 7, sessionSerial: 2, application: "hello \"xr\"", engine: "e", runtime: "XrSim",
                               system: "s", gpu: "g", profile: "p", startRealtimeNs: 5, startMonotonicNs: 6)
        #expect(try decode(RecordingFormat.headerLine(info)) == .header(RecordingHeader(session: info)))
        #expect(try decode(RecordingFormat.endLine(frames: 10, dropped: 3)) == .end(frames: 10, dropped: 3))
        #expect(try decode("{\"type\":\"marker\",\"x\":1}") == .other(type: "marker"))
    }

    @Test func minimalFrameLineUsesDefaults() throws {
        guard case .frame(let frame) = try decode("{\"type\":\"frame\",\"frame\":3}") else {
            Issue.record("not a frame")
            return
        }
        #expect(frame.frameIndex == 3)
        #expect(frame.appCpuNs == nil && frame.frameIntervalNs == nil)
        // A line written before the app CPU parts were recorded has none.
        #expect(frame.simCpuNs == nil && frame.renderCpuNs == nil)
        #expect(frame.knobs == KnobSettings())
    }

    @Test func badValuesAreErrors() {
        #expect(throws: DecodingError.self) { try decode("{\"type\":\"frame\"}") }
        #expect(throws: DecodingError.self) { try decode("{\"type\":\"frame\",\"frame\":1,\"app_cpu_ms\":\"x\"}") }
        #expect(throws: DecodingError.self) { try decode("{\"type\":\"frame\",\"frame\":1,\"foveation\":\"peripheral\"}") }
        #expect(throws: DecodingError.self) { try decode("{\"frame\":1}") }
        #expect(throws: DecodingError.self) { try decode("{\"type\":\"end\"}") }
    }
}

@Suite struct RecordingCursorTests {
    @Test func oldestIntactFrame() {
        #expect(RingCursor.oldestIntact(published: 0, capacity: 1024) == 0)
        #expect(RingCursor.oldestIntact(published: 1023, capacity: 1024) == 0)
        #expect(RingCursor.oldestIntact(published: 1024, capacity: 1024) == 1)
        #expect(RingCursor.oldestIntact(published: 5000, capacity: 1024) == 3977)
    }

    @Test func pendingGpuTimeWaitsThenSettles() {
        let cursor = RingCursor(capacity: 1024, start: 100)
        #expect(cursor.decide(publishedAfterRead: 101, gpuPending: false) == .take)
        #expect(cursor.decide(publishedAfterRead: 101, gpuPending: true) == .wait)
        #expect(cursor.decide(publishedAfterRead: 100 + RingCursor.settleFrames, gpuPending: true) == .wait)
        #expect(cursor.decide(publishedAfterRead: 101 + RingCursor.settleFrames, gpuPending: true) == .take)
    }

    @Test func aCopyFromALaterLapIsLost() {
        var cursor = RingCursor(capacity: 16, start: 10)
        #expect(cursor.decide(publishedAfterRead: 25, gpuPending: false) == .take)
        #expect(cursor.decide(publishedAfterRead: 26, gpuPending: false) == .lost)
        cursor.advance(lost: true)
        #expect(cursor.dropped == 1 && cursor.next == 11)
    }

    @Test func lappedReaderSkipsAheadAndCounts() {
        var cursor = RingCursor(capacity: 1024, start: 0)
        #expect(cursor.skipLapped(published: 1023) == 0)
        // With 1024 out the writer is filling frame 0's slot with frame 1024.
        #expect(cursor.skipLapped(published: 1024) == 1 + RingCursor.lapMargin)
        #expect(cursor.next == 1 + RingCursor.lapMargin)
        #expect(cursor.dropped == 1 + RingCursor.lapMargin)
        var small = RingCursor(capacity: 4, start: 0)
        small.skipLapped(published: 100)
        // Never past what is published.
        #expect(small.next <= 100 && small.next >= RingCursor.oldestIntact(published: 100, capacity: 4))
    }
}
