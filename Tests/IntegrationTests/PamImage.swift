import Foundation

/// An 8-bit RGBA Netpbm PAM (P7) image, the format XrSim dumps submitted
/// views in (docs/xrsim.md, "Dumping submitted views"). Pixel tests read
/// dumps with it, and can write references or differences for a person to look at.
struct PamImage: Equatable {
    let width: Int
    let height: Int
    /// Rows top to bottom, 4 bytes per pixel: R, G, B, A.
    let pixels: [UInt8]
    /// The header's comment lines, without the leading "#" and one blank.
    let comments: [String]

    struct FormatError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): not an 8-bit RGBA PAM image: \(reason)" }
    }

    init(width: Int, height: Int, pixels: [UInt8], comments: [String] = []) {
        precondition(width > 0 && height > 0 && pixels.count == width * height * 4, "pixels must be width x height x 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.comments = comments
    }

    static func read(path: String) throws -> PamImage {
        try parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    }

    /// Accepts what Netpbm's PAM allows of the header (any order of the
    /// fields, blank and comment lines) but only DEPTH 4, MAXVAL 255, and
    /// TUPLTYPE RGB_ALPHA when given.
    static func parse(_ bytes: [UInt8], path: String = "<memory>") throws -> PamImage {
        func fail(_ reason: String) -> FormatError { FormatError(path: path, reason: reason) }
        var offset = 0
        func nextLine() throws -> String {
            guard let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { throw fail("header not ended by ENDHDR") }
            let line = String(decoding: bytes[offset..<end], as: UTF8.self)
            offset = end + 1
            return line
        }
        guard try nextLine() == "P7" else { throw fail("no P7 magic") }
        var fields: [String: String] = [:]
        var comments: [String] = []
        while true {
            let line = try nextLine()
            if line.hasPrefix("#") {
                let text = line.dropFirst()
                comments.append(String(text.hasPrefix(" ") ? text.dropFirst() : text))
                continue
            }
            let words = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if words.isEmpty { continue }
            if words == ["ENDHDR"] { break }
            guard words.count == 2 else { throw fail("bad header line \"\(line)\"") }
            fields[words[0]] = words[1]
        }
        guard let width = fields["WIDTH"].flatMap(Int.init), width > 0,
              let height = fields["HEIGHT"].flatMap(Int.init), height > 0 else { throw fail("missing WIDTH or HEIGHT") }
        guard fields["DEPTH"] == "4", fields["MAXVAL"] == "255" else { throw fail("DEPTH must be 4 and MAXVAL 255") }
        if let type = fields["TUPLTYPE"], type != "RGB_ALPHA" { throw fail("TUPLTYPE \(type)") }
        let count = width * height * 4
        guard bytes.count - offset == count else {
            throw fail("\(bytes.count - offset) bytes of pixels for \(width)x\(height), expected \(count)")
        }
        return PamImage(width: width, height: height, pixels: Array(bytes[offset...]), comments: comments)
    }

    func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel (\(x), \(y)) outside \(width)x\(height)")
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }

    /// The rest of the comment line starting with `key` and a blank, e.g.
    /// `comment("rect")` -> "0 0 179 179" for XrSim's dumps.
    func comment(_ key: String) -> String? {
        comments.first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
    }

    func write(path: String) throws {
        var header = "P7\nWIDTH \(width)\nHEIGHT \(height)\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\n"
        for comment in comments { header += "# \(comment)\n" }
        header += "ENDHDR\n"
        try Data(Array(header.utf8) + pixels).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
