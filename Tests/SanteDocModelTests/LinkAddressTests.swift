import XCTest

@testable import SanteDocModel

/// Every address a CommonMark link may carry is either written as a valid URI or refused
/// with a reason; never an error of the writers.
final class LinkAddressTests: XCTestCase {
    func testAddressesBecomeValidURIs() {
        let cases: [(String, String)] = [
            ("https://example.org/", "https://example.org/"),
            ("https://example.org/#a#b", "https://example.org/#a%23b"),
            ("https://example.org/?q=a#f#g", "https://example.org/?q=a#f%23g"),
            ("mailto:a@b?subject=#x#y", "mailto:a@b?subject=#x%23y"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
            ("https://exa mple.org/é à", "https://exa%20mple.org/%C3%A9%20%C3%A0"),
            ("HTTPS://Example.org/100%", "https://Example.org/100%25"),
            ("https://example.org/%C3%A9", "https://example.org/%C3%A9"),
            ("https://user:pass@example.org:443/p?q=[1]", "https://user:pass@example.org:443/p?q=%5B1%5D"),
            ("#tableau-financement", "#tableau-financement"),
            ("#a b", "#a%20b"),
        ]
        for (written, expected) in cases {
            XCTAssertEqual(LinkAddress.read(written), .link(expected), written)
        }
    }

    func testWhatCannotBeAnAddressIsRefusedWithAReason() {
        for written in ["http://[::1", "http://a:b:c/", "https://example.org:abc/", "http://[zz]/", "#"] {
            guard case .invalid = LinkAddress.read(written) else { return XCTFail("\(written) should be invalid") }
        }
        for written in [
            "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "page.html", "%zz", "", "https://",
        ] {
            XCTAssertEqual(LinkAddress.read(written), .notALink, written)
        }
    }
}
