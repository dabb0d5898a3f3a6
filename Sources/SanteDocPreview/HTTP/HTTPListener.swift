import Foundation

/// A small HTTP/1.1 server for one user on one machine: plain sockets, a thread per
/// connection, each request's head read under `RequestHead`'s limits within
/// `headTimeout`, at most `maximumConnections` at once (the excess refused at once with
/// 503), one response per connection. Running out of descriptors makes it wait a moment,
/// never stop; nothing here opens any socket but the one it listens on.
final class HTTPListener: @unchecked Sendable {
    static let maximumConnections = 32
    /// Seconds a client has to send its request head (a connection left idle is closed).
    static let headTimeout = 10

    enum Routed {
        case response(HTTPResponse)
        /// A stream of server-sent events, written by `stream` until it returns.
        case events(stream: @Sendable (_ send: (String) -> Bool) -> Void)
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var active = 0
    private var stopped = false

    /// Listens on `host:port` (IPv4), or throws what stands in the way.
    init(host: String, port: UInt16) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw PreviewError.invalidHost(host) }
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw PreviewError.cannotListen(host, port, String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let failure = errno
            close(descriptor)
            switch failure {
            case EADDRINUSE: throw PreviewError.portInUse(port)
            case EADDRNOTAVAIL: throw PreviewError.invalidHost(host)
            default: throw PreviewError.cannotListen(host, port, String(cString: strerror(failure)))
            }
        }
    }

    /// Stops accepting; open connections end by themselves.
    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Accepts until `stop()`, answering each request with `route`.
    func serve(_ route: @escaping @Sendable (RequestHead) -> Routed) {
        defer { close(descriptor) }
        while !isStopped {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 200) > 0 else { continue }
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors (a flood of idle connections): wait for some to close.
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(errno) { usleep(50_000) }
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = lock.withLock { () -> Bool in
                guard active < Self.maximumConnections else { return false }
                active += 1
                return true
            }
            guard admitted else {
                Self.send(
                    HTTPResponse.text(503, "Trop de connexions ouvertes : réessayez dans un instant.").bytes(),
                    to: connection, waiting: false)
                close(connection)
                continue
            }
            Thread.detachNewThread { [self] in
                handle(connection, route)
                close(connection)
                lock.withLock { active -= 1 }
            }
        }
    }

    private func handle(_ connection: Int32, _ route: (RequestHead) -> Routed) {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: Self.headTimeout, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        let head: RequestHead
        switch readHead(connection) {
        case nil: return
        case .failure(.tooLarge)?:
            Self.send(HTTPResponse.text(431, "En-têtes de requête trop grands.").bytes(), to: connection)
            return
        case let .failure(.malformed(reason))?:
            Self.send(HTTPResponse.text(400, "Requête invalide : \(reason).").bytes(), to: connection)
            return
        case let .success(parsed)?: head = parsed
        }
        switch route(head) {
        case let .response(response):
            Self.send(response.bytes(headOnly: head.method == "HEAD"), to: connection)
        case let .events(stream):
            let start = HTTPResponse(
                status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")], body: [])
            guard Self.send(start.bytes(streaming: true), to: connection) else { return }
            stream { text in Self.send(Array(text.utf8), to: connection) }
        }
    }

    /// The request head, within the size limit and the time limit; nil if the client went away.
    private func readHead(_ connection: Int32) -> Result<RequestHead, RequestHead.Failure>? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(TimeInterval(Self.headTimeout))
        while Date() < deadline, !isStopped {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
            guard count > 0 else { return nil }
            let scanned = bytes.count
            bytes += buffer[0..<count]
            if let end = RequestHead.end(in: bytes, from: scanned) { return RequestHead.parse(bytes[..<end]) }
            // Answered as soon as the limit is passed: never read what will not be used.
            if bytes.count > RequestHead.maximumBytes { return .failure(.tooLarge) }
        }
        return nil
    }

    /// Writes all of `bytes`; false when the client is gone. `waiting` false: only what the
    /// socket takes at once (a refusal must not wait on a slow client).
    @discardableResult
    static func send(_ bytes: [UInt8], to connection: Int32, waiting: Bool = true) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.send(
                    connection, buffer.baseAddress! + offset, bytes.count - offset,
                    Int32(MSG_NOSIGNAL) | (waiting ? 0 : Int32(MSG_DONTWAIT)))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}

/// A response: status, fields, body; `Connection: close` always (one request a connection).
struct HTTPResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    static let reasons = [
        200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        431: "Request Header Fields Too Large", 503: "Service Unavailable",
    ]

    static func text(_ status: Int, _ message: String, _ extra: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + extra,
            body: Array((message + "\n").utf8))
    }

    /// HEAD: the fields GET would send, Content-Length included, and no body.
    func bytes(headOnly: Bool = false, streaming: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "OK")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !streaming { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (headOnly || streaming ? [] : body)
    }
}
