import FuzzDriver
import Glibc

// libFuzzer's main() is shadowed by SwiftPM's entry point (FuzzDriver/libfuzzer.h).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) })
