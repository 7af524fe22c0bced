/// CSV traces (protocol 1): a header naming the columns; `gpu_ms` required,
/// `cpu_ms` optional, any other column ignored. Rows whose GPU time is empty
/// or not positive are skipped (a frame without a measurement); any other
/// text in a timing column is an error, since it means the file is not what
/// it claims to be. Fields are split on commas; quotes around a field are
/// dropped (no commas inside quotes: timing exports have none).
enum TraceCSV {
    static func parse(_ text: String) throws(TraceError) -> FrameTrace {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().makeIterator()
        var header: [Substring] = []
        var headerLine = 0
        while let (index, line) = lines.next() {
            if line.trimmingBlanks().isEmpty { continue }
            header = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingBlanks() }
            headerLine = index + 1
            break
        }
        let names = header.map { $0.lowercased() }
        guard let gpuColumn = names.firstIndex(of: "gpu_ms") else {
            throw TraceError(
                .missingColumn,
                "line \(headerLine): the header has no gpu_ms column (columns: \(header.joined(separator: ", "))); "
                    + "protocol 1 needs gpu_ms and accepts cpu_ms")
        }
        let cpuColumn = names.firstIndex(of: "cpu_ms")
        var gpu: [Double] = []
        var cpu: [Double] = []
        var anyCPU = false
        while let (index, line) = lines.next() {
            if line.trimmingBlanks().isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let lineNumber = index + 1
            guard gpuColumn < fields.count,
                let gpuMs = try TraceParser.number(fields[gpuColumn], column: "gpu_ms", line: lineNumber),
                gpuMs > 0
            else { continue }
            var cpuMs = 0.0
            if let cpuColumn, cpuColumn < fields.count,
                let value = try TraceParser.number(fields[cpuColumn], column: "cpu_ms", line: lineNumber)
            {
                cpuMs = max(value, 0)
                anyCPU = true
            }
            gpu.append(gpuMs)
            cpu.append(cpuMs)
        }
        return FrameTrace(gpuMs: gpu, cpuMs: anyCPU ? cpu : nil)
    }
}
