import Foundation

/// Where the conformance tests find their data: the development data beside the project
/// (`../shared/dev/`, never committed) and test files that ship in Debian packages.
///
/// Tests that need a file check it with `.enabled(if:)`, so a machine without the data skips
/// them with a message instead of failing.
enum DevData {
    /// The package root, from this file's place in it (`Tests/OnomaTextTests/DevData.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // OnomaTextTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `../shared/dev/` from the package root.
    static let root: URL = packageRoot
        .appendingPathComponent("../shared/dev", isDirectory: true)
        .standardizedFileURL

    /// Whether `../shared/dev/` is present.
    static var available: Bool { isDirectory(root.path) }

    /// A file under `../shared/dev/`, e.g. `conformance/lucene_icu_cases.json`.
    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// Whether a file under `../shared/dev/` exists.
    static func has(_ relativePath: String) -> Bool {
        FileManager.default.isReadableFile(atPath: url(relativePath).path)
    }

    static let luceneCasesPath = "conformance/lucene_icu_cases.json"

    // MARK: Debian packages

    /// Unicode's word break test data (package `unicode-data`, Unicode 15.0 on Debian 12).
    static let wordBreakTest = URL(fileURLWithPath: "/usr/share/unicode/auxiliary/WordBreakTest.txt")

    static var wordBreakTestAvailable: Bool {
        FileManager.default.isReadableFile(atPath: wordBreakTest.path)
    }

    /// CLDR's common folder (package `unicode-cldr-core`).
    static let cldrCommon = URL(fileURLWithPath: "/usr/share/unicode/cldr/common", isDirectory: true)
    /// `source<TAB>expected` files named by BCP 47 transform ids.
    static let cldrTransformTestData = cldrCommon.appendingPathComponent("testData/transforms", isDirectory: true)
    /// The transform definitions, whose `alias` attributes map BCP 47 ids to ICU ids.
    static let cldrTransforms = cldrCommon.appendingPathComponent("transforms", isDirectory: true)

    static var cldrTransformsAvailable: Bool {
        isDirectory(cldrTransformTestData.path) && isDirectory(cldrTransforms.path)
    }

    /// Reads a UTF-8 text file, or nil when it is missing or unreadable.
    static func text(at url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension String {
    /// The string's Unicode scalars, for exact comparison: Swift's `==` on strings is canonical
    /// equivalence ("é" == "e\u{301}"), which would let a test pass on the wrong normalization
    /// form. Tests compare `.exact` wherever the form matters.
    var exact: [Unicode.Scalar] { Array(unicodeScalars) }
}
