import XCTest

@testable import SanteDocModel

/// Words compared as an importer compares a document with the referential's keywords.
final class SearchTextTests: XCTestCase {
    func testTheSearchFormFoldsCaseAccentsPluralsAndApostrophes() {
        XCTAssertEqual("Soins non programmés".searchForm, "soin non programme")
        XCTAssertEqual("l’accès aux soins".searchForm, "l acce aux soin")
        XCTAssertEqual("Art. L.1434-12".searchForm, "art l.1434 12")
        XCTAssertTrue("la ville hopital".containsPhrase("ville hopital"))
        XCTAssertFalse("le territorial".containsPhrase("territoire".searchForm))
    }

    func testAnIndexFindsWholePhrasesOnly() {
        let index = PhraseIndex(
            "Les urgences et les soins non programmés du territoire. Dispositif d’appui à la coordination.")
        for phrase in ["urgence", "soin non programme", "territoire", "dispositif d appui a la coordination"] {
            XCTAssertTrue(index.contains(phrase.searchForm), phrase)
        }
        for phrase in ["territoir", "soin programme", "urgence et soin non programme du territoire x", "le urgence"] {
            XCTAssertFalse(index.contains(phrase.searchForm), phrase)
        }
        let short = PhraseIndex("un deux trois quatre", longest: 2)
        XCTAssertTrue(
            short.contains("un deux trois".searchForm), "a phrase longer than the index is searched in the text")
        XCTAssertFalse(short.contains("deux un"))
    }
}
