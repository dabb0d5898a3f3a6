import Foundation
import SanteDocCore
import SanteDocReaders

/// libFuzzer's entry point: every input goes through every reader on its own, then through
/// the whole build (both editions, validated DocBook, HTML).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ReaderProbe.read(bytes)
    PipelineProbe.run(bytes)
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's `main` to this symbol: hand over to libFuzzer's driver.
    @_cdecl("santedoc_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, { fuzzOneInput($0, $1) })
    }
#else
    /// Without libFuzzer (an ordinary build), the same entry point replays the files given as
    /// arguments — a fuzzing corpus or a crash reproducer — and reports how many it read.
    @main
    struct Replay {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("santedoc-fuzz: erreur: « \(path) » illisible\n".utf8))
                    exit(2)
                }
                _ = data.withUnsafeBytes { fuzzOneInput($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
                count += 1
            }
            print("\(count) entrées relues sans plantage")
        }
    }
#endif
