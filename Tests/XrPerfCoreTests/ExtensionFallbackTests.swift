import Testing
@testable import XrPerfCore

@Suite struct ExtensionFallbackTests {
    @Test func fewestDroppedFirstThenInCandidateOrder() {
        #expect(ExtensionFallback.dropOrder(count: 0).isEmpty)
        #expect(ExtensionFallback.dropOrder(count: 1) == [[0]])
        #expect(ExtensionFallback.dropOrder(count: 3) == [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]])
    }

    @Test func everySubsetOnceAndAllDroppedLast() {
        let order = ExtensionFallback.dropOrder(count: 4)
        #expect(order.count == 15)
        #expect(Set(order.map { $0.description }).count == 15)
        #expect(order.last == [0, 1, 2, 3])
    }
}
