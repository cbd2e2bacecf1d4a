#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer), started from Swift's own entry point:
/// SwiftPM renames an executable's `main`, so libFuzzer's `main` would never be the one that runs.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
// A closure, not the function itself: converting the @_cdecl function to a C pointer here would emit its C symbol
// a second time in this file. libFuzzer's archived `main` also needs that symbol, so the @_cdecl stays.
exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzDocumentReader(data, size) }))
