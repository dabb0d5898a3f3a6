import XCTest

@testable import SanteDocPreview

final class RequestHeadTests: XCTestCase {
    func parse(_ text: String) -> Result<RequestHead, RequestHead.Failure> {
        let bytes = Array(text.utf8)
        let end = RequestHead.end(in: bytes, from: 0) ?? bytes.count
        return RequestHead.parse(bytes[..<end])
    }

    func testARequestHeadIsReadWithItsFields() throws {
        let head = try parse("GET /document?v=3 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nOrigin: x\r\n\r\n").get()
        XCTAssertEqual(head.method, "GET")
        XCTAssertEqual(head.path, "/document")
        XCTAssertEqual(head.values("host"), ["127.0.0.1:8000"])
    }

    func testLimitsAndMalformedHeads() {
        XCTAssertEqual(
            parse("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 20_000) + "\r\n\r\n"), .failure(.tooLarge))
        XCTAssertEqual(
            parse("GET / HTTP/1.1\r\n" + (0..<101).map { "X\($0): y\r\n" }.joined() + "\r\n"), .failure(.tooLarge))
        guard case .failure(.malformed) = parse("GET http://ailleurs/ HTTP/1.1\r\nHost: a\r\n\r\n") else {
            return XCTFail("absolute-form")
        }
        guard case .failure(.malformed) = parse("BONJOUR\r\n\r\n") else { return XCTFail("request line") }
        XCTAssertEqual(
            try? parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").get().values("host"), ["a", "b"],
            "both kept, for the router to refuse")
    }

    func testTheEndIsFoundWithoutRescanning() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\n\r\nreste".utf8)
        XCTAssertEqual(RequestHead.end(in: bytes, from: 20), 27)
        XCTAssertNil(RequestHead.end(in: Array("GET / HTTP/1.1\r\nHost".utf8), from: 0))
    }
}
