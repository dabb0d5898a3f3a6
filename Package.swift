// swift-tools-version:6.0
import PackageDescription

/// A file sees only the modules it imports, members included: its imports say what it uses.
let honestImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "SanteDoc",
    products: [
        .executable(name: "santedoc", targets: ["santedoc"]),
        .library(name: "SanteDocCore", targets: ["SanteDocCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of the contract's record (`contrat/`): tampering shows.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries, each reached from exactly one Swift module.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: honestImports),
        // Starting the PDF and office engines: a child that dies with SanteDoc, no run-loop sockets.
        .target(name: "CSpawn", swiftSettings: honestImports),
        .target(name: "MarkdownSupport", dependencies: ["CCmarkGFM"], swiftSettings: honestImports),

        // The pipeline, one target per stage, each importing only the stages before it:
        // sources → readers → model → analysis (figures, checks) → document tree → writers,
        // with the commands on top (see docs/architecture.md).
        .target(name: "SanteDocModel", swiftSettings: honestImports),
        .target(
            name: "SanteDocReaders",
            dependencies: [
                "SanteDocModel", "MarkdownSupport", "Yams",
                .product(name: "CSV", package: "CSV.swift"),
            ], swiftSettings: honestImports),
        .target(name: "SanteDocAnalysis", dependencies: ["SanteDocModel"], swiftSettings: honestImports),
        .target(
            name: "SanteDocDocument", dependencies: ["SanteDocModel", "SanteDocAnalysis"], swiftSettings: honestImports),
        .target(
            name: "SanteDocWriters",
            dependencies: [
                "SanteDocModel", "SanteDocDocument", "XMLSupport", "CSpawn",
                .product(name: "Mustache", package: "swift-mustache"), "ZIPFoundation",
            ], swiftSettings: honestImports),
        .target(
            name: "SanteDocCore",
            dependencies: [
                "SanteDocModel", "SanteDocReaders", "SanteDocAnalysis", "SanteDocDocument", "SanteDocWriters",
                "XMLSupport", "Yams", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: honestImports),
        // `santedoc apercu`: the local preview server (plain sockets, its own limits).
        .target(
            name: "SanteDocPreview", dependencies: ["SanteDocCore", "SanteDocModel", "SanteDocAnalysis"],
            swiftSettings: honestImports),
        .executableTarget(
            name: "santedoc",
            dependencies: [
                "SanteDocCore", "SanteDocPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: honestImports,
            // A position-dependent release binary: the loader no longer applies 90 000 relocations
            // to its 100 MB (Foundation linked in) at every start (docs/performance-analyse.md).
            linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(configuration: .release))]),

        // libFuzzer target; an ordinary build replays files instead (see Scripts/fuzz).
        .executableTarget(
            name: "santedoc-fuzz", dependencies: ["SanteDocCore", "SanteDocReaders"], swiftSettings: honestImports),

        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport"]),
        .testTarget(name: "MarkdownSupportTests", dependencies: ["MarkdownSupport"]),
        // One test target per stage, each depending on its stage and the stages before it; what
        // they share (fixtures, the first stages on YAML text) is a small library of its own.
        .target(
            name: "SanteDocTestSupport", dependencies: ["SanteDocModel", "SanteDocReaders", "SanteDocAnalysis"],
            path: "Tests/SanteDocTestSupport"),
        .testTarget(name: "SanteDocModelTests", dependencies: ["SanteDocModel"]),
        .testTarget(
            name: "SanteDocReadersTests",
            dependencies: ["SanteDocReaders", "SanteDocModel", "SanteDocAnalysis", "SanteDocTestSupport"]),
        .testTarget(
            name: "SanteDocAnalysisTests",
            dependencies: ["SanteDocAnalysis", "SanteDocModel", "SanteDocReaders", "SanteDocTestSupport"]),
        .testTarget(
            name: "SanteDocDocumentTests",
            dependencies: [
                "SanteDocDocument", "SanteDocAnalysis", "SanteDocModel", "SanteDocReaders", "SanteDocTestSupport",
            ]),
        .testTarget(
            name: "SanteDocWritersTests",
            dependencies: [
                "SanteDocWriters", "SanteDocDocument", "SanteDocModel", "XMLSupport", "SanteDocTestSupport",
                "ZIPFoundation",
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "SanteDocCoreTests",
            dependencies: [
                "SanteDocCore", "SanteDocWriters", "SanteDocDocument", "SanteDocAnalysis", "SanteDocReaders",
                "SanteDocModel", "SanteDocTestSupport",
            ]),
        // Reads the shipped Templates/: its internal consistency and the published figures.
        .testTarget(
            name: "ShippedDataTests", dependencies: ["SanteDocModel", "SanteDocReaders", "SanteDocAnalysis", "Yams"]),
        .testTarget(
            name: "SanteDocPreviewTests",
            dependencies: ["SanteDocPreview", "SanteDocCore", "SanteDocModel", "SanteDocTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["santedoc", "santedoc-fuzz", "XMLSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
