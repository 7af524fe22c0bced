/// Frame counts from the one-line summaries the layer and XrSim log when a
/// session ends (`... session ended ...: frames=N ...`).
enum SessionSummaries {
    static func frames(in output: String, prefix: String) -> [Int] {
        output.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix(prefix), line.contains("session ended"),
                  let range = line.range(of: "frames=") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }

    static func layerFrames(_ output: String) -> [Int] { frames(in: output, prefix: "[xrperf] ") }
    static func runtimeFrames(_ output: String) -> [Int] { frames(in: output, prefix: "[xrsim] ") }
}
