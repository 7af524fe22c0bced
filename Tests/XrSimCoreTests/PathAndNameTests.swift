import Testing
@testable import XrSimCore

@Suite struct PathAndNameTests {
    @Test(arguments: ["/user/hand/left", "/interaction_profiles/khr/simple_controller", "/a", "/a-b_c.d/0"])
    func wellFormedPaths(_ path: String) { #expect(isWellFormedPath(path)) }

    @Test(arguments: ["", "/", "user/hand", "/user//hand", "/user/hand/", "/User", "/a b", "/./a", "/a/..", "/ä"])
    func malformedPaths(_ path: String) { #expect(!isWellFormedPath(path)) }

    @Test func pathLengthLimit() {
        #expect(isWellFormedPath("/" + String(repeating: "a", count: 254)))
        #expect(!isWellFormedPath("/" + String(repeating: "a", count: 255)))
    }

    @Test func pathTableInternsStrings() throws {
        var table = PathTable()
        let a = try table.atom(for: "/user/hand/left")
        let b = try table.atom(for: "/user/hand/right")
        #expect(a != 0 && b != 0 && a != b)
        #expect(try table.atom(for: "/user/hand/left") == a)
        #expect(table.string(for: b) == "/user/hand/right")
        #expect(table.string(for: 0) == nil)
        #expect(table.string(for: 99) == nil)
        #expect(throws: XrSimError.pathFormatInvalid) { try table.atom(for: "bad") }
    }

    @Test func names() {
        #expect(isWellFormedName("gameplay"))
        #expect(isWellFormedName("hand_pose.2"))
        #expect(!isWellFormedName(""))
        #expect(!isWellFormedName("Gameplay"))
        #expect(!isWellFormedName("a/b"))
    }

    @Test func interactionProfileBindings() {
        let touch = "/interaction_profiles/oculus/touch_controller"
        #expect(isPlausibleBinding("/user/hand/left/input/grip/pose", forProfile: touch))
        #expect(isPlausibleBinding("/user/hand/right/output/haptic", forProfile: touch))
        #expect(!isPlausibleBinding("/user/gamepad/input/a/click", forProfile: touch))
        #expect(!isPlausibleBinding("/user/hand/left/input/grip/pose", forProfile: "/interaction_profiles/acme/stick"))
        #expect(interactionProfiles["/interaction_profiles/khr/simple_controller"] != nil)
    }
}
