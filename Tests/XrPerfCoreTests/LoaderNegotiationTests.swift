import Testing
@testable import XrPerfCore

@Suite struct LoaderNegotiationTests {
    let v1_0_0 = ApiVersion(major: 1, minor: 0, patch: 0)
    let v1_0_20 = ApiVersion(major: 1, minor: 0, patch: 20)
    let v1_1_40 = ApiVersion(major: 1, minor: 1, patch: 40)
    /// Debian's loader offers every 1.x version: XR_MAKE_VERSION(1, 0x3ff, 0xfff).
    let loaderMax = ApiVersion(major: 1, minor: 0x3ff, patch: 0xfff)
    var negotiation: LoaderNegotiation { LoaderNegotiation(builtWith: ApiVersion(major: 1, minor: 0, patch: 20)) }

    func offer(_ minI: UInt32, _ maxI: UInt32, _ minA: ApiVersion, _ maxA: ApiVersion) -> LoaderNegotiation.Offer {
        .init(minInterfaceVersion: minI, maxInterfaceVersion: maxI, minApiVersion: minA, maxApiVersion: maxA)
    }

    @Test func versionPackingMatchesXrMakeVersion() {
        let v = ApiVersion(major: 1, minor: 2, patch: 3)
        #expect(v.raw == (1 << 48) | (2 << 32) | 3)
        #expect(v.major == 1 && v.minor == 2 && v.patch == 3)
        #expect(v.description == "1.2.3")
    }

    @Test func debianLoaderGetsTheVersionOfOurHeaders() throws {
        let answer = try negotiation.answer(offer(1, 1, v1_0_0, loaderMax)).get()
        #expect(answer == .init(interfaceVersion: 1, apiVersion: v1_0_20))
    }

    @Test func newerLoaderRangeIsAcceptedNotRequiredEqual() throws {
        let answer = try negotiation.answer(offer(1, 3, v1_0_0, v1_1_40)).get()
        #expect(answer.interfaceVersion == 1)
        #expect(answer.apiVersion == v1_0_20)
    }

    @Test func olderLoaderCapsTheAnswer() throws {
        let v1_0_9 = ApiVersion(major: 1, minor: 0, patch: 9)
        let answer = try negotiation.answer(offer(1, 1, v1_0_0, v1_0_9)).get()
        #expect(answer.apiVersion == v1_0_9)
    }

    @Test func loaderDemandingNewerMinorThanOursIsRefused() {
        let result = negotiation.answer(offer(1, 1, v1_1_40, loaderMax))
        #expect(result == .failure(.noCommonApiVersion(loaderMin: v1_1_40, loaderMax: loaderMax)))
    }

    @Test func loaderRequiringNewerInterfaceIsRefused() {
        let result = negotiation.answer(offer(2, 3, v1_0_0, v1_0_20))
        #expect(result == .failure(.noCommonInterfaceVersion(loaderMin: 2, loaderMax: 3)))
    }

    @Test func loaderOfMajorVersionTwoIsRefused() {
        let v2 = ApiVersion(major: 2, minor: 0, patch: 0)
        let result = negotiation.answer(offer(1, 1, v2, v2))
        #expect(result == .failure(.noCommonApiVersion(loaderMin: v2, loaderMax: v2)))
    }

    @Test func invertedRangesAreRefused() {
        #expect(negotiation.answer(offer(2, 1, v1_0_0, v1_0_20)) == .failure(.emptyInterfaceRange))
        #expect(negotiation.answer(offer(1, 1, v1_0_20, v1_0_0)) == .failure(.emptyApiRange))
    }
}
