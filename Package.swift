// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "onoma",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onoma", targets: ["onoma"]),
        .library(name: "OnomaText", targets: ["OnomaText"]),
        .library(name: "OnomaLexicon", targets: ["OnomaLexicon"]),
        .library(name: "OnomaDedupe", targets: ["OnomaDedupe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The only target that includes ICU headers: plain-C `onoma_*` functions over the system ICU.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        .target(name: "OnomaText", dependencies: ["CICU"]),
        .target(name: "OnomaLexicon", dependencies: ["OnomaText"]),
        .target(name: "OnomaDedupe", dependencies: ["OnomaLexicon", "OnomaText", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "onoma",
            dependencies: [
                "OnomaText",
                "OnomaLexicon",
                "OnomaDedupe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "onoma-bench", dependencies: ["OnomaText", "OnomaLexicon", "CICU"], path: "Benchmarks/onoma-bench"),
        .testTarget(name: "OnomaTextTests", dependencies: ["OnomaText"]),
        .testTarget(name: "OnomaLexiconTests", dependencies: ["OnomaLexicon"]),
        .testTarget(name: "OnomaDedupeTests", dependencies: ["OnomaDedupe"]),
        .testTarget(name: "OnomaCLITests", dependencies: ["onoma"]),
    ],
    swiftLanguageModes: [.v6]
)
