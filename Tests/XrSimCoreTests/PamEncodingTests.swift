import Testing
@testable import XrSimCore

@Suite struct PamEncodingTests {
    @Test func headerIsNetpbmP7WithCommentsBeforeEndhdr() {
        let header = PamEncoding.header(width: 3, height: 2, comments: ["vkformat 37", "rect 0 0 3 2"])
        #expect(header == """
            P7
            WIDTH 3
            HEIGHT 2
            DEPTH 4
            MAXVAL 255
            TUPLTYPE RGB_ALPHA
            # vkformat 37
            # rect 0 0 3 2
            ENDHDR

            """)
    }

    @Test func aCommentCannotEndTheHeader() {
        let header = PamEncoding.header(width: 1, height: 1, comments: ["one\nENDHDR\ntwo"])
        #expect(header.hasSuffix("TUPLTYPE RGB_ALPHA\n# one\nENDHDR\n"))
    }

    @Test func encodeAppendsTheTexelsAfterTheHeader() throws {
        let texels: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let file = try #require(PamEncoding.encode(width: 2, height: 1, comments: [], rgba: texels))
        let header = Array(PamEncoding.header(width: 2, height: 1, comments: []).utf8)
        #expect(Array(file.prefix(header.count)) == header)
        #expect(Array(file.suffix(8)) == texels)
        #expect(file.count == header.count + 8)
    }

    @Test func encodeRefusesAMismatchedTexelCount() {
        #expect(PamEncoding.encode(width: 2, height: 2, comments: [], rgba: [UInt8](repeating: 0, count: 12)) == nil)
        #expect(PamEncoding.encode(width: 0, height: 2, comments: [], rgba: []) == nil)
    }

    @Test func formatsByVkFormatNumber() {
        #expect(DumpPixelFormat(vkFormat: 37) == .rgba8)  // R8G8B8A8_UNORM
        #expect(DumpPixelFormat(vkFormat: 43) == .rgba8)  // R8G8B8A8_SRGB
        #expect(DumpPixelFormat(vkFormat: 44) == .bgra8)  // B8G8R8A8_UNORM
        #expect(DumpPixelFormat(vkFormat: 50) == .bgra8)  // B8G8R8A8_SRGB
        #expect(DumpPixelFormat(vkFormat: 126) == nil)  // D32_SFLOAT
        #expect(DumpPixelFormat(vkFormat: 97) == nil)  // R16G16B16A16_SFLOAT
    }

    @Test func bgraIsSwizzledAndRgbaKeptAsStored() {
        var bgra: [UInt8] = [10, 20, 30, 40, 50, 60, 70, 80]
        DumpPixelFormat.bgra8.toRGBA(&bgra)
        #expect(bgra == [30, 20, 10, 40, 70, 60, 50, 80])
        var rgba: [UInt8] = [10, 20, 30, 40]
        DumpPixelFormat.rgba8.toRGBA(&rgba)
        #expect(rgba == [10, 20, 30, 40])
    }
}
