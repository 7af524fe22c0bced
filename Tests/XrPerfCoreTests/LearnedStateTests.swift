import Testing
@testable import XrPerfCore

/// The learned-state store: the merge rule, eviction, removal and the file's round trip.
struct LearnedStateTests {
    static let platform = LearnedKey.platform(runtime: "Monado", system: "XrSim HMD", gpu: "llvmpipe")
    static let app = LearnedKey(application: "hello_xr", platform: platform)
    static let second: Int64 = 1_000_000_000

    @Test func platformTextIsRuntimeSystemGPU() {
        #expect(Self.platform == "Monado / XrSim HMD / llvmpipe")
    }

    @Test func firstSessionIsTakenAsIs() {
        var state = LearnedState()
        #expect(state.settings(for: Self.app) == nil)
        state.record(Self.app, renderScale: 0.8, frameDivisor: 2, frames: 1000, atRealtimeNs: 5 * Self.second)
        #expect(state.settings(for: Self.app) == LearnedSettings(
            renderScale: 0.8, frameDivisor: 2, sessions: 1, frames: 1000, updatedRealtimeNs: 5 * Self.second, weight: 1000))
    }

    @Test func shortSessionsAndNonsenseAreIgnored() {
        var state = LearnedState()
        state.record(Self.app, renderScale: 0.5, frameDivisor: 1, frames: LearnedState.minimumFrames - 1, atRealtimeNs: 1)
        state.record(Self.app, renderScale: .nan, frameDivisor: 1, frames: 1000, atRealtimeNs: 1)
        state.record(Self.app, renderScale: .infinity, frameDivisor: 1, frames: 1000, atRealtimeNs: 1)
        let long = LearnedKey(application: String(repeating: "a", count: LearnedState.maximumNameBytes + 1), platform: "p")
        state.record(long, renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: 1)
        #expect(state.entries.isEmpty)
        state.record(Self.app, renderScale: 0.5, frameDivisor: 1, frames: LearnedState.minimumFrames, atRealtimeNs: 1)
        #expect(state.entries.count == 1)
    }

    @Test func valuesAreClampedToTheirRanges() {
        var state = LearnedState()
        state.record(Self.app, renderScale: 9, frameDivisor: 0, frames: 500, atRealtimeNs: -3)
        #expect(state.settings(for: Self.app)?.renderScale == 2)
        #expect(state.settings(for: Self.app)?.frameDivisor == 1)
        #expect(state.settings(for: Self.app)?.updatedRealtimeNs == 0)
        state.record(Self.app, renderScale: 0.01, frameDivisor: 7, frames: 500, atRealtimeNs: 1)
        let settings = state.settings(for: Self.app)
        #expect(settings.map { LearnedState.renderScaleRange.contains($0.renderScale) } == true)
        #expect(settings.map { LearnedState.frameDivisorRange.contains($0.frameDivisor) } == true)
    }

    /// Known values weigh half their weight, the new session its frames.
    @Test func mergeWeighsFramesAndHalvesThePast() throws {
        var state = LearnedState()
        state.record(Self.app, renderScale: 1.0, frameDivisor: 1, frames: 1000, atRealtimeNs: 1)
        state.record(Self.app, renderScale: 0.7, frameDivisor: 1, frames: 1000, atRealtimeNs: 2)
        // (500 * 1.0 + 1000 * 0.7) / 1500 = 0.8
        var settings = try #require(state.settings(for: Self.app))
        #expect(settings.renderScale == 0.8)
        #expect(settings.sessions == 2 && settings.frames == 2000 && settings.weight == 1500)
        #expect(settings.updatedRealtimeNs == 2)
        // A short session moves a long history little: (750 * 0.8 + 300 * 0.4) / 1050 = 0.6857
        state.record(Self.app, renderScale: 0.4, frameDivisor: 1, frames: 300, atRealtimeNs: 3)
        settings = try #require(state.settings(for: Self.app))
        #expect(settings.renderScale == 0.686)
        #expect(settings.weight == 750 + 300)
    }

    @Test func equalSessionsConvergeGeometrically() throws {
        var state = LearnedState()
        for index in 0..<20 {
            state.record(Self.app, renderScale: 1.0, frameDivisor: 1, frames: 1000, atRealtimeNs: Int64(index))
        }
        state.record(Self.app, renderScale: 0.5, frameDivisor: 1, frames: 1000, atRealtimeNs: 20)
        // The history weighs ~2000 halved to ~1000: the newest session is half the result.
        let settings = try #require(state.settings(for: Self.app))
        #expect(abs(settings.renderScale - 0.75) <= 0.001)
        #expect(settings.weight < 2000 + 1000)
        #expect(settings.sessions == 21)
    }

    @Test func divisorRoundsToNearestAndTiesTowardTheNewSession() throws {
        var state = LearnedState()
        state.record(Self.app, renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: 1)
        state.record(Self.app, renderScale: 1, frameDivisor: 2, frames: 500, atRealtimeNs: 2)  // mean 1.5: tie
        #expect(state.settings(for: Self.app)?.frameDivisor == 2)
        state.record(Self.app, renderScale: 1, frameDivisor: 1, frames: 300, atRealtimeNs: 3)
        // weight 1000/2 = 500 at 2, 300 at 1: mean 1.625 -> 2
        #expect(state.settings(for: Self.app)?.frameDivisor == 2)
        state.record(Self.app, renderScale: 1, frameDivisor: 1, frames: 5000, atRealtimeNs: 4)
        #expect(state.settings(for: Self.app)?.frameDivisor == 1)

        var tie = LearnedState()
        tie.record(Self.app, renderScale: 1, frameDivisor: 4, frames: 1000, atRealtimeNs: 1)
        tie.record(Self.app, renderScale: 1, frameDivisor: 1, frames: 500, atRealtimeNs: 2)  // mean 2.5: toward 1
        #expect(tie.settings(for: Self.app)?.frameDivisor == 2)
    }

    @Test func countsSaturateInsteadOfOverflowing() throws {
        var state = LearnedState(entries: [Self.app: LearnedSettings(
            renderScale: 1, frameDivisor: 1, sessions: Int.max, frames: Int.max, updatedRealtimeNs: 1, weight: Int.max)])
        state.record(Self.app, renderScale: 0.5, frameDivisor: 1, frames: Int.max, atRealtimeNs: 2)
        let settings = try #require(state.settings(for: Self.app))
        #expect(settings.sessions == Int.max && settings.frames == Int.max)
        #expect(LearnedState.renderScaleRange.contains(settings.renderScale))
    }

    @Test func leastRecentlyUpdatedIsEvictedBeyondTheLimit() {
        var state = LearnedState()
        for index in 0..<LearnedState.maximumEntries {
            let key = LearnedKey(application: "app\(index)", platform: "p")
            // app0 is the oldest but is refreshed below; app1 is then the oldest.
            state.record(key, renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: Int64(index + 10))
        }
        state.record(LearnedKey(application: "app0", platform: "p"), renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: 1000)
        #expect(state.entries.count == LearnedState.maximumEntries)
        state.record(LearnedKey(application: "new", platform: "p"), renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: 1001)
        #expect(state.entries.count == LearnedState.maximumEntries)
        #expect(state.settings(for: LearnedKey(application: "app1", platform: "p")) == nil)
        #expect(state.settings(for: LearnedKey(application: "app0", platform: "p")) != nil)
        #expect(state.settings(for: LearnedKey(application: "new", platform: "p")) != nil)
    }

    @Test func theNewEntryIsKeptEvenWithAnOlderClock() {
        var state = LearnedState()
        for index in 0..<LearnedState.maximumEntries {
            state.record(LearnedKey(application: "app\(index)", platform: "p"), renderScale: 1, frameDivisor: 1,
                         frames: 1000, atRealtimeNs: 100 + Int64(index))
        }
        let late = LearnedKey(application: "clock-went-back", platform: "p")
        state.record(late, renderScale: 1, frameDivisor: 1, frames: 1000, atRealtimeNs: 5)
        #expect(state.settings(for: late) != nil)
        #expect(state.settings(for: LearnedKey(application: "app0", platform: "p")) == nil)
    }

    /// Long names of control characters escape to six bytes each: entries are
    /// evicted until the file fits, whatever the names.
    @Test func encodedFileStaysWithinTheSizeLimit() {
        var state = LearnedState()
        let noise = String(repeating: "\u{1}", count: LearnedState.maximumNameBytes - 8)
        for index in 0..<LearnedState.maximumEntries {
            state.record(LearnedKey(application: "\(index)" + noise, platform: "\(index)" + noise), renderScale: 1,
                         frameDivisor: 1, frames: 1000, atRealtimeNs: Int64(index))
        }
        #expect(state.encoded().count <= LearnedState.maximumFileBytes)
        #expect(state.entries.count < LearnedState.maximumEntries)
        #expect(state.entries.count > 100)
        #expect(LearnedState.decode(state.encoded()) == .success(state))
    }

    @Test func removeOneAppOnEveryPlatformOrAll() {
        var state = LearnedState()
        for platform in ["a", "b"] {
            for application in ["x", "y"] {
                state.record(LearnedKey(application: application, platform: platform), renderScale: 1, frameDivisor: 1,
                             frames: 1000, atRealtimeNs: 1)
            }
        }
        #expect(state.remove(application: "x") == 2)
        #expect(state.entries.keys.map(\.application) == ["y", "y"])
        #expect(state.remove(application: "nobody") == 0)
        #expect(state.remove(application: nil) == 2)
        #expect(state.entries.isEmpty)
    }

    @Test func roundTripIsExactAndSorted() {
        var state = LearnedState()
        state.record(LearnedKey(application: "zeta \"quoted\" \\ \u{7}", platform: "été / 😀"), renderScale: 0.333_333,
                     frameDivisor: 3, frames: 12_345, atRealtimeNs: 1_767_225_600_123_456_789)
        state.record(Self.app, renderScale: 1.25, frameDivisor: 1, frames: 300, atRealtimeNs: Int64.max)
        let bytes = state.encoded()
        #expect(LearnedState.decode(bytes) == .success(state))
        #expect(LearnedState.decode(LearnedState().encoded()) == .success(LearnedState()))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[3].hasPrefix("    {\"application\":\"hello_xr\",\"platform\":\"Monado / XrSim HMD / llvmpipe\","))
        #expect(lines[3].contains("\"renderScale\":1.25,\"frameDivisor\":1,\"sessions\":1,\"frames\":300,\"weight\":300,"))
        #expect(lines[4].contains("\"renderScale\":0.333,"))
        #expect(lines[4].contains("\"updatedRealtimeNs\":1767225600123456789}"))
        #expect(state.encoded() == bytes)
    }

    @Test func locationFollowsXDGStateHome() {
        #expect(LearnedStateLocation.path(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"]) == "/s/xrperf/learned.json")
        #expect(LearnedStateLocation.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/xrperf/learned.json")
        #expect(LearnedStateLocation.path(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])
                == "/h/.local/state/xrperf/learned.json")
        #expect(LearnedStateLocation.path(environment: [:]) == nil)
        #expect(LearnedStateLocation.path(environment: ["HOME": ""]) == nil)
    }
}
