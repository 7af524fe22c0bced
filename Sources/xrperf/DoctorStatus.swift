/// The outcome of one doctor check. Only `fail` makes the exit status non-zero.
enum DoctorStatus: String, Codable, Comparable {
    case ok
    case warn
    case fail

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warn: 1
        case .fail: 2
        }
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
