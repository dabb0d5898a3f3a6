import CSpawn
import Foundation

/// Runs a program to completion with bytes on its standard input, returning its standard
/// output and error. Plain pipes and one `poll` loop: Foundation's `Process` opens loopback
/// sockets for its run loop, and SanteDoc opens no socket but the preview's. The child dies
/// with the thread that started it (see `santedoc_spawn`).
enum ChildProcess {
    struct Finished {
        var status: Int32
        var output: [UInt8]
        var messages: [UInt8]
    }

    /// Nil `directory`: the current one. Throws the system's error when the program cannot start.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String?,
        input: [UInt8]
    ) throws -> Finished {
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [0, 0]
            let result = santedoc_pipe(&ends)
            guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: -result) ?? .EIO) }
            pipes.append(ends)
        }
        defer { for ends in pipes { for end in ends where end >= 0 { close(end) } } }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let pid = directory.withOptionalCString { folder in
            santedoc_spawn(executable, argv, envp, folder, pipes[0][0], pipes[1][1], pipes[2][1])
        }
        guard pid > 0 else { throw POSIXError(POSIXErrorCode(rawValue: -pid) ?? .EIO) }
        // The child's ends belong to the child now.
        for (index, end) in [(0, 0), (1, 1), (2, 1)] {
            close(pipes[index][end])
            pipes[index][end] = -1
        }
        var output: [UInt8] = []
        var messages: [UInt8] = []
        var written = 0
        var open: [Int32: Bool] = [pipes[1][0]: true, pipes[2][0]: true]
        if input.isEmpty {
            close(pipes[0][1])
            pipes[0][1] = -1
        } else {
            _ = fcntl(pipes[0][1], F_SETFL, fcntl(pipes[0][1], F_GETFL) | O_NONBLOCK)
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while pipes[0][1] >= 0 || open.values.contains(true) {
            var watched: [pollfd] = []
            if pipes[0][1] >= 0 { watched.append(pollfd(fd: pipes[0][1], events: Int16(POLLOUT), revents: 0)) }
            for (descriptor, isOpen) in open where isOpen {
                watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            guard poll(&watched, nfds_t(watched.count), -1) >= 0 || errno == EINTR else { break }
            for entry in watched where entry.revents != 0 {
                if entry.fd == pipes[0][1] {
                    let count = input.withUnsafeBytes { bytes in
                        Glibc.write(entry.fd, bytes.baseAddress! + written, min(65_536, input.count - written))
                    }
                    if count > 0 { written += count }
                    // Done, or the program stopped reading (it exits on its own).
                    if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        close(pipes[0][1])
                        pipes[0][1] = -1
                    }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == pipes[1][0] {
                        output += buffer[0..<count]
                    } else {
                        messages += buffer[0..<count]
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    open[entry.fd] = false
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exit status as a shell reports it; killed by a signal: 128 + signal.
        let exited = status & 0x7f == 0
        return Finished(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: output, messages: messages)
    }
}

extension Optional where Wrapped == String {
    fileprivate func withOptionalCString<T>(_ body: (UnsafePointer<CChar>?) -> T) -> T {
        switch self {
        case let value?: return value.withCString { body($0) }
        case nil: return body(nil)
        }
    }
}
