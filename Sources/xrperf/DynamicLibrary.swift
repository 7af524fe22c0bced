import Glibc

/// A dlopen() handle, closed when released. The doctor opens libraries the way
/// the OpenXR loader would, to see failures before an app does.
final class DynamicLibrary {
    let handle: UnsafeMutableRawPointer

    private init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    deinit {
        dlclose(handle)
    }

    /// Opens `path` (a path, or a bare name for the dynamic linker's search).
    /// The failure carries dlerror()'s message, which names missing
    /// dependencies and undefined symbols.
    static func open(_ path: String, flags: Int32) -> Result<DynamicLibrary, DynamicLibraryError> {
        _ = dlerror()
        guard let handle = dlopen(path, flags) else {
            return .failure(DynamicLibraryError(message: lastError() ?? "dlopen failed"))
        }
        return .success(DynamicLibrary(handle: handle))
    }

    func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(handle, name)
    }

    private static func lastError() -> String? {
        dlerror().map { String(cString: $0) }
    }
}

struct DynamicLibraryError: Error {
    var message: String
}
