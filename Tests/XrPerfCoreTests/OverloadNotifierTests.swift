import Testing
@testable import XrPerfCore

@Suite struct OverloadNotifierTests {
    static func feed(_ notifier: inout OverloadNotifier, _ forecast: Double, frames: Int) -> [OverloadNotifier.Transition] {
        (0..<frames).compactMap { _ in notifier.decided(forecastMs: forecast, targetMs: 10) }
    }

    @Test func sustainedOverloadWarnsThenImpairsThenClears() {
        var notifier = OverloadNotifier()
        #expect(Self.feed(&notifier, 12, frames: 44).isEmpty)
        #expect(Self.feed(&notifier, 12, frames: 1) == [.init(from: .normal, to: .warning)])
        #expect(Self.feed(&notifier, 12, frames: 224).isEmpty)
        #expect(Self.feed(&notifier, 12, frames: 1) == [.init(from: .warning, to: .impaired)])
        // Just under the target is not clearly under: no change.
        #expect(Self.feed(&notifier, 9.5, frames: 200).isEmpty)
        #expect(Self.feed(&notifier, 8, frames: 90) == [.init(from: .impaired, to: .normal)])
    }

    @Test func shortSpikesAndGarbageDoNotNotify() {
        var notifier = OverloadNotifier()
        for _ in 0..<20 {
            #expect(Self.feed(&notifier, 15, frames: 30).isEmpty)
            #expect(Self.feed(&notifier, 5, frames: 5).isEmpty)
        }
        #expect(notifier.decided(forecastMs: .nan, targetMs: 10) == nil)
        #expect(notifier.decided(forecastMs: 20, targetMs: 0) == nil)
        #expect(notifier.level == .normal)
    }
}
