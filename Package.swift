// swift-tools-version: 6.1
import PackageDescription

import Foundation

let package = Package(
    name: "Barometer",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SurveyCore", targets: ["SurveyCore"]),
        .library(name: "SurveyIO", targets: ["SurveyIO"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Weighting", targets: ["Weighting"]),
        .library(name: "Studies", targets: ["Studies"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Polls", targets: ["Polls"]),
        .library(name: "Translations", targets: ["Translations"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "BarometerServer", targets: ["BarometerServer"]),
        .executable(name: "barometer", targets: ["barometer"]),
        .executable(name: "barometer-bench", targets: ["BarometerBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The engine: data, designs, estimators, tests. No I/O.
        .target(name: "SurveyCore"),
        // Post-stratification, raking, calibration and trimming of weights. No I/O.
        .target(name: "Weighting", dependencies: ["SurveyCore"]),
        // Multi-wave studies: waves, harmonized concepts, events, trends, the demo study (which codes
        // its open-ended answers with TextCoding). No I/O.
        .target(name: "Studies", dependencies: ["SurveyCore", "Weighting", "TextCoding"]),
        // Publication charts as standalone SVG documents (diverging bars, trends, grouped bars,
        // small multiples). Strings in, strings out: no I/O; the words of their accessible descriptions come from the Translations catalog,
        // and days on a time axis are SurveyCore's CivilDay.
        .target(name: "Charts", dependencies: ["SurveyCore", "Translations"]),
        // Published polls and the average across pollsters with house effects (Jackman 2005). No I/O.
        .target(name: "Polls", dependencies: ["SurveyCore"]),
        // Coding open-ended answers: code frames and their rules, a classifier that suggests
        // codes, coding plans and records, and the reliability of coders (Krippendorff's alpha,
        // kappas, bootstrap intervals), reported as SurveyCore's result. No I/O.
        .target(name: "TextCoding", dependencies: ["SurveyCore"]),
        // The one catalog of the words users read (reports, tables, charts, the explorer) in
        // English, Russian and Kazakh, looked up by BCP 47 tag. No I/O, no dependencies.
        .target(name: "Translations"),
        // SSE2's movemask for the CSV reader's structural index (a header of inline C functions;
        // Swift's SIMD types have no way to gather a comparison into one bit per byte).
        .target(name: "ByteClasses"),
        // Readers and writers of survey files, YAML codebooks, weighting targets, studies, polls and
        // code frames, and XLSX workbooks (ZIPFoundation).
        .target(
            name: "SurveyIO",
            dependencies: [
                "SurveyCore", "Weighting", "Studies", "Polls", "TextCoding", "ByteClasses", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The embedded archive (SQLite through GRDB): studies, waves, columnar data blobs,
        // codebooks, saved analyses, accounts and API tokens. Imports are atomic.
        .target(
            name: "Store",
            dependencies: [
                "SurveyCore", "Studies", "SurveyIO", "Weighting", "Polls",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Renderers of results, codebooks, weighting diagnostics and study reports (table, JSON,
        // CSV, Markdown, HTML with charts), the charts and tables of poll averages, and coders'
        // workbooks. No I/O.
        .target(name: "Reports", dependencies: ["SurveyCore", "Weighting", "Studies", "Charts", "Translations", "Polls", "TextCoding"]),
        // The public explorer and JSON API (Hummingbird), built by `buildApplication` so that
        // tests run it without sockets.
        .target(
            name: "BarometerServer",
            dependencies: [
                "SurveyCore", "SurveyIO", "Studies", "Store", "Reports", "Charts", "Weighting", "Translations", "Polls",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line verbs, as a library so tests can run them without a process.
        .target(
            name: "BarometerCLI",
            dependencies: [
                "SurveyCore", "SurveyIO", "Reports", "Weighting", "Studies", "Charts", "Store", "BarometerServer", "Polls", "TextCoding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "barometer", dependencies: ["BarometerCLI"]),
        // The performance harness (BENCHMARKS.md): times the engine on generated survey data of
        // any size through public APIs only. Plain Swift, no benchmark framework.
        .executableTarget(name: "BarometerBench", dependencies: ["SurveyCore", "SurveyIO", "Weighting", "Studies"]),
        .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore"]),
        .testTarget(
            name: "SurveyIOTests",
            dependencies: ["SurveyIO", "Weighting", "TextCoding", "Studies", "SurveyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Studies", "Translations", "Polls", "SurveyCore", "Charts", "TextCoding"]),
        .testTarget(name: "TranslationsTests", dependencies: ["Translations"]),
        .testTarget(name: "WeightingTests", dependencies: ["Weighting"]),
        .testTarget(
            name: "StudiesTests", dependencies: ["Studies", "SurveyCore", "SurveyIO", "Weighting", "Reports", "TextCoding"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "PollsTests", dependencies: ["Polls", "SurveyCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BarometerBenchTests", dependencies: ["BarometerBench", "SurveyCore"]),
        .testTarget(
            name: "BarometerServerTests",
            dependencies: [
                "BarometerServer", "Store", "Studies", "SurveyCore", "SurveyIO", "Polls", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(name: "TextCodingTests", dependencies: ["TextCoding", "SurveyCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Studies", "SurveyCore", "Polls"]),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["SurveyCore", "SurveyIO", "Weighting", "Studies"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BarometerCLITests",
            dependencies: [
                "BarometerCLI", "BarometerServer", "Store", "Studies", "SurveyIO", "SurveyCore", "Reports", "Polls", "TextCoding",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target exists only for `fuzz/run` (BAROMETER_FUZZ=1): it has no `main` of its
// own, libFuzzer supplies one when linked with -sanitize=fuzzer.
if ProcessInfo.processInfo.environment["BAROMETER_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "BarometerFuzz", dependencies: ["SurveyCore", "SurveyIO"], path: "Fuzz/BarometerFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
