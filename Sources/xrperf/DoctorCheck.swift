/// One named check of `xrperf doctor`: a verdict, one line saying what was
/// found, one line saying how to fix it, and the facts behind both.
struct DoctorCheck: Codable {
    var name: String
    var status: DoctorStatus
    var detail: String
    var hint: String
    var data: DoctorCheckData

    private enum CodingKeys: String, CodingKey {
        case name, status, detail, hint, data
    }

    init(status: DoctorStatus, detail: String, hint: String, data: DoctorCheckData) {
        self.name = data.checkName
        self.status = status
        self.detail = detail
        self.hint = hint
        self.data = data
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        status = try container.decode(DoctorStatus.self, forKey: .status)
        detail = try container.decode(String.self, forKey: .detail)
        hint = try container.decode(String.self, forKey: .hint)
        // The check's name says which shape `data` has.
        let decoder = try container.superDecoder(forKey: .data)
        data = try DoctorCheckData(checkName: name, from: decoder)
    }
}
