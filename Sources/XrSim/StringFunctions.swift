import COpenXR
import XrSimCore

func xrsimResultToString(_ instance: XrInstance?, _ value: XrResult,
                         _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let out = try required(buffer)
        copyTerminated(resultString(value.rawValue), to: out, size: Int(XR_MAX_RESULT_STRING_SIZE))
        return XR_SUCCESS
    }
}

func xrsimStructureTypeToString(_ instance: XrInstance?, _ value: XrStructureType,
                                _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let out = try required(buffer)
        copyTerminated(structureTypeString(Int32(bitPattern: value.rawValue)), to: out, size: Int(XR_MAX_STRUCTURE_NAME_SIZE))
        return XR_SUCCESS
    }
}

private func copyTerminated(_ text: String, to buffer: UnsafeMutablePointer<CChar>, size: Int) {
    let bytes = utf8Prefix(text, maxBytes: size - 1)
    for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
    buffer[bytes.count] = 0
}

func xrsimStringToPath(_ instance: XrInstance?, _ pathString: UnsafePointer<CChar>?,
                       _ path: UnsafeMutablePointer<XrPath>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.instance(instance)
            let text = try required(cString(pathString))
            let out = try required(path)
            out.pointee = try object.paths.atom(for: text)
            return XR_SUCCESS
        }
    }
}

func xrsimPathToString(_ instance: XrInstance?, _ path: XrPath, _ capacity: UInt32,
                       _ countOutput: UnsafeMutablePointer<UInt32>?, _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let text = try locked { registry throws(XrSimError) -> String in
            guard let text = try registry.instance(instance).paths.string(for: path) else { throw .pathInvalid }
            return text
        }
        return try writeString(text, capacity: capacity, countOutput: countOutput, buffer: buffer)
    }
}

extension Registry {
    /// The string of a path atom of `instance`, or XR_ERROR_PATH_INVALID.
    func pathString(_ path: XrPath, in instance: UInt64) throws(XrSimError) -> String {
        guard let text = instances[instance]?.paths.string(for: path) else { throw .pathInvalid }
        return text
    }
}
