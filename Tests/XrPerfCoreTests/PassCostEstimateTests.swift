import Testing
@testable import XrPerfCore

@Suite struct PassCostEstimateTests {
    @Test func runningLevelFollowsItsMeasurementsAndTheOtherIsDerived() {
        var estimate = PassCostEstimate(levels: 2, lowerLevelShare: 0.5, settlingFrames: 3)
        let learned = estimate.observe(10)
        #expect(learned)
        #expect(estimate.costs[0] == 10 && estimate.costs[1] == 5)
        estimate.observe(20)
        #expect(abs(estimate.costs[0] - 12) < 1e-12)
        #expect(abs(estimate.costs[1] - 6) < 1e-12)
    }

    @Test func afterASwitchLateTimesAreNotLearnedThenTheNewLevelIsMeasured() {
        var estimate = PassCostEstimate(levels: 2, lowerLevelShare: 0.5, settlingFrames: 3)
        estimate.observe(10)
        estimate.switchTo(1)
        for _ in 0..<3 {
            let learned = estimate.observe(10)
            #expect(!learned)
        }
        #expect(estimate.costs[1] == 5)
        estimate.observe(4)
        #expect(estimate.costs[1] == 4)
        // The edge level keeps its own measurement once both ran.
        #expect(estimate.costs[0] == 10)
        estimate.observe(9)
        #expect(abs(estimate.costs[1] - 5) < 1e-12)
        #expect(estimate.costs[0] == 10)
    }

    @Test func garbageIsIgnoredAndLevelsStayInRange() {
        var estimate = PassCostEstimate(levels: 1, lowerLevelShare: .nan, settlingFrames: -2)
        for value in [nil, 0, -3, .nan, .infinity, 1e9] as [Double?] {
            let learned = estimate.observe(value)
            #expect(!learned, "\(String(describing: value))")
        }
        estimate.switchTo(5)
        #expect(estimate.level == 0)
        let learned = estimate.observe(2)
        #expect(learned && estimate.costs[0] == 2 && estimate.costs[1] == 0)
    }
}
