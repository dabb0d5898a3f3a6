import Foundation
import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders
import XCTest
import Yams

/// The shipped regulation agrees with itself, whatever the research has filled in: it
/// loads without a message, its amounts add up where they are all known, and every group
/// of values names a source that the file lists.
final class RegulationConsistencyTests: XCTestCase {
    func testTheShippedTablesLoadWithoutAnyMessage() {
        XCTAssertEqual(ShippedData.loadDiagnostics.diagnostics, [])
        XCTAssertEqual(ShippedData.regulation.fundingTables.keys.sorted(), ["aci-2019", "aci-2019-avenant-2"])
        XCTAssertFalse(ShippedData.regulation.legalTexts.isEmpty)
    }

    func testSizeClassesStartAtZeroFollowEachOtherAndEndOpen() {
        for table in ShippedData.regulation.fundingTables.values {
            let classes = table.sizeClasses
            XCTAssertEqual(classes.first?.minimum, 0, table.id)
            XCTAssertNil(classes.last?.maximumExcluded, table.id)
            XCTAssertEqual(classes.map(\.size), Array(1...classes.count), table.id)
            for (previous, next) in zip(classes, classes.dropFirst()) {
                XCTAssertEqual(previous.maximumExcluded, next.minimum, "\(table.id) taille \(next.size)")
            }
            for size in classes.map(\.size) {
                XCTAssertTrue(
                    table.operating.keys.contains(size),
                    "\(table.id): fonctionnement \(size) is written (null if unknown)")
                XCTAssertTrue(
                    table.ceiling.keys.contains(size), "\(table.id): plafond \(size) is written (null if unknown)")
            }
        }
    }

    /// The ceiling is the operating amount plus every mission at its full amount; checked
    /// for each size class whose amounts are all known.
    func testCeilingsAreTheSumOfTheirPartsWhereAllAreKnown() {
        var compared = 0
        for table in ShippedData.regulation.fundingTables.values {
            for size in table.sizeClasses.map(\.size) {
                guard let ceiling = table.ceiling[size] ?? nil, let operating = table.operating[size] ?? nil else {
                    continue
                }
                let totals = table.missions.map { $0.amounts[size]?.total }
                guard totals.allSatisfy({ $0 != nil }) else { continue }
                XCTAssertEqual(operating + totals.compactMap { $0 }.reduce(0, +), ceiling, "\(table.id) taille \(size)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 0, "at least one size class is fully known")
    }

    func testFixedAndVariablePartsAddUpToTheTotal() {
        for table in ShippedData.regulation.fundingTables.values {
            for mission in table.missions {
                for (size, amounts) in mission.amounts {
                    if let total = amounts.total, let fixed = amounts.fixed, let variable = amounts.variable {
                        XCTAssertEqual(fixed + variable, total, "\(table.id) \(mission.id) taille \(size)")
                    }
                    if let first = amounts.firstYear, let total = first.total, let fixed = first.fixed,
                        let variable = first.variable
                    {
                        XCTAssertEqual(
                            fixed + variable, total, "\(table.id) \(mission.id) taille \(size), première année")
                    }
                }
            }
        }
    }

    /// Every `source:` names an entry of the file's `sources` (or of its base's), and every
    /// group of amounts has one.
    func testEveryGroupOfValuesNamesAListedSource() throws {
        let folder = ShippedData.templates.appendingPathComponent("aci")
        var files: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let object = try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any], name)
            files[try XCTUnwrap(object["id"] as? String)] = object
        }
        func sources(_ id: String) -> Set<String> {
            guard let file = files[id] else { return [] }
            let own = Set((file["sources"] as? [String: Any])?.keys.map { $0 } ?? [])
            return own.union((file["base"] as? String).map(sources) ?? [])
        }
        for (id, file) in files {
            let known = sources(id)
            XCTAssertNotNil(file["texte"], "\(id): legal text")
            XCTAssertNotNil(file["en_vigueur"], "\(id): date in force")
            var groups: [(String, [String: Any])] = []
            for key in ["tailles", "fonctionnement", "plafond_total", "versements"] {
                if let group = file[key] as? [String: Any] { groups.append((key, group)) }
            }
            for mission in file["missions"] as? [[String: Any]] ?? [] {
                if let amounts = mission["montants"] as? [String: Any] {
                    groups.append(("\(mission["id"] ?? "?").montants", amounts))
                }
                if mission["delai_demarrage_mois"] != nil {
                    XCTAssertTrue(
                        known.contains(mission["delais_source"] as? String ?? ""),
                        "\(id) \(mission["id"] ?? "?") delais")
                }
            }
            for (name, group) in groups {
                let source = group["source"] as? String
                XCTAssertNotNil(source, "\(id) \(name): no source")
                XCTAssertTrue(known.contains(source ?? ""), "\(id) \(name): source « \(source ?? "") » not in sources")
            }
        }
    }
}
