import Foundation
import Testing

/// The PAM reader pixel tests rely on: what it writes it reads back, and it
/// refuses files whose pixels it would misread.
@Suite struct PamImageTests {
    static let header = "P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\n"

    @Test func writtenImagesReadBack() throws {
        let image = PamImage(width: 2, height: 2, pixels: Array(0..<16), comments: ["vkformat 37", "rect 1 2 2 2"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pam-\(UUID().uuidString).pam").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try image.write(path: path)
        let read = try PamImage.read(path: path)
        #expect(read == image)
        #expect(read.pixel(x: 1, y: 1) == (12, 13, 14, 15))
        #expect(read.comment("rect") == "1 2 2 2")
        #expect(read.comment("arrayIndex") == nil)
    }

    @Test func headerFieldsInAnyOrderWithCommentsAndBlankLines() throws {
        let text = "P7\n# made by hand\nHEIGHT 1\n\nWIDTH 2\nMAXVAL 255\nDEPTH 4\nENDHDR\n"
        let image = try PamImage.parse(Array(text.utf8) + [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(image.width == 2 && image.height == 1)
        #expect(image.comments == ["made by hand"])
        #expect(image.pixel(x: 1, y: 0) == (5, 6, 7, 8))
    }

    @Test(arguments: [
        "P6\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nENDHDR\n",
        header.replacingOccurrences(of: "DEPTH 4", with: "DEPTH 3") + "ENDHDR\n",
        header.replacingOccurrences(of: "MAXVAL 255", with: "MAXVAL 65535") + "ENDHDR\n",
        header.replacingOccurrences(of: "RGB_ALPHA", with: "GRAYSCALE") + "ENDHDR\n",
        header,
    ])
    func refusesWhatItCannotRead(_ text: String) {
        #expect(throws: PamImage.FormatError.self) { try PamImage.parse(Array(text.utf8) + [UInt8](repeating: 0, count: 8)) }
    }

    @Test func refusesAPixelCountThatDoesNotMatch() {
        let bytes = Array((Self.header + "ENDHDR\n").utf8)
        #expect(throws: PamImage.FormatError.self) { try PamImage.parse(bytes + [UInt8](repeating: 0, count: 7)) }
        #expect(throws: PamImage.FormatError.self) { try PamImage.parse(bytes + [UInt8](repeating: 0, count: 9)) }
    }
}
