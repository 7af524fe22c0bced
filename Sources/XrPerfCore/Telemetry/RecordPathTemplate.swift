/// `XRPERF_RECORD` may name one file for several sessions of one process (or
/// several processes): `%p` becomes the pid, `%s` the session serial and `%%`
/// a percent sign. Anything else is kept as written.
public enum RecordPathTemplate {
    public static func expand(_ template: String, pid: Int32, serial: UInt64) -> String {
        var result = ""
        var iterator = template.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "p": result += String(pid)
            case "s": result += String(serial)
            case "%": result.append("%")
            case let other?: result.append("%"); result.append(other)
            case nil: result.append("%")
            }
        }
        return result
    }
}
