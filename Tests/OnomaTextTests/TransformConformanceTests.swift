import Foundation
import OnomaText
import Testing

/// CLDR's transform test data (`common/testData/transforms/*.txt`, `source<TAB>expected`) run
/// through `Transliterator(id:)`. The files are named by BCP 47 transform ids; CLDR's
/// `common/transforms/*.xml` map those to ICU ids through their `alias` attributes.
@Suite struct TransformConformanceTests {
    /// The files onoma relies on (the transforms `Transliterator.toLatin(lang:)` builds on, and
    /// the Greek and Hebrew ones the design names): each must pass in full.
    static let requiredFiles = [
        "uk-Latn-t-uk-m0-bgn",       // Ukrainian-Latin/BGN
        "ru-Latn-t-ru-m0-bgn",       // Russian-Latin/BGN
        "el-Latn-t-el-m0-bgn",       // Greek-Latin/BGN
        "he-Latn-t-he-m0-bgn",       // Hebrew-Latin/BGN
        "fa-Latn-t-fa-m0-bgn",       // Persian-Latin/BGN
        "ja-Latn-t-ja-hrkt-m0-bgn",  // Katakana-Latin/BGN (the only Japanese-to-Latin file CLDR has)
    ]

    /// Every other file ICU 72 passes in full, measured on Debian 12 (CLDR 42 data). The files
    /// left out fail by design: ICU has no transform for them (the fonipa, `xx-t-yy` name
    /// transforms and Ethiopic-Musnad are CLDR-only), or ICU's rules are an older version
    /// (Georgian-Latin/BGN: 467 of 682 lines).
    static let otherPassingFiles = [
        "am-Brai-t-am-ethi", "am-Latn-t-am-m0-bgn", "az-t-az-cyrl-m0-bgn", "be-Latn-t-be-m0-bgn",
        "bg-Latn-t-bg-m0-bgn", "byn-Latn-t-byn-ethi-m0-xaleget", "dv-Latn-t-dv-m0-bgn",
        "hy-Latn-t-hy-m0-bgn", "kk-Latn-t-kk-m0-bgn", "ky-Latn-t-ky-m0-bgn", "mk-Latn-t-mk-m0-bgn",
        "mn-Latn-t-mn-m0-bgn", "my-Latn-t-my", "ru-t-ru-Latn-m0-bgn", "sr-Latn-t-sr-m0-bgn",
        "tk-t-tk-Cyrl-m0-bgn", "uz-t-uz-Cyrl-m0-bgn",
        "und-Cyrl-t-und-ethi-m0-gutgarts", "und-Ethi-t-sgw-ethi-m0-gurage-2013",
        "und-Latn-t-und-ethi-m0-aethiopi", "und-Latn-t-und-ethi-m0-alaloc",
        "und-Latn-t-und-ethi-m0-es3842", "und-Latn-t-und-ethi-m0-lambdin",
        "und-Latn-t-und-ethi-m0-sera",
        "und-fonipa-t-und-fonxsamp", "und-fonxsamp-t-und-fonipa",
    ] + indicFiles

    /// The 90 Indic transforms between nine Indic scripts and to Arabic and Latin
    /// (`und-Taml-t-und-deva` is Devanagari-Tamil): all pass.
    static let indicFiles: [String] = {
        let indic = ["Beng", "Deva", "Gujr", "Guru", "Knda", "Mlym", "Orya", "Taml", "Telu"]
        return (["Arab", "Latn"] + indic).flatMap { target in
            indic.filter { $0 != target }.map { "und-\(target)-t-und-\($0.lowercased())" }
        }
    }()

    /// BCP 47 transform id (lowercased) → ICU transform id, from CLDR's transform definitions.
    static let icuIDs: [String: String] = {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: DevData.cldrTransforms.path) else { return [:] }
        var ids: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".xml") {
            guard let xml = DevData.text(at: DevData.cldrTransforms.appendingPathComponent(name)) else { continue }
            for tag in elements(named: "transform", in: xml) {
                let attributes = Self.attributes(of: tag)
                let source = attributes["source"] ?? "", target = attributes["target"] ?? ""
                let variant = attributes["variant"].map { "/\($0)" } ?? ""
                for (key, isBackward) in [("alias", false), ("backwardAlias", true)] {
                    guard let alias = attributes[key] else { continue }
                    let names = alias.split(separator: " ").map(String.init)
                    // An ICU-style alias ("Ukrainian-Latin/BGN") when there is one, else the id
                    // ICU builds from the attributes ("Latin-ASCII", "am-am_FONIPA").
                    let icu = names.first { !$0.contains("-t-") }
                        ?? (isBackward ? "\(target)-\(source)\(variant)" : "\(source)-\(target)\(variant)")
                    for bcp47 in names where bcp47.contains("-t-") { ids[bcp47.lowercased()] = icu }
                }
            }
        }
        return ids
    }()

    /// The start tags `<name …>` in an XML text.
    static func elements(named name: String, in xml: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(name) ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            tags.append(rest[open.lowerBound...close])
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    /// The `key="value"` attributes of a start tag.
    static func attributes(of tag: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = tag
        while let equals = rest.range(of: "=\"") {
            let key = rest[..<equals.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).last
            guard let key, let end = rest[equals.upperBound...].firstIndex(of: "\"") else { break }
            attributes[String(key)] = String(rest[equals.upperBound..<end])
            rest = rest[rest.index(after: end)...]
        }
        return attributes
    }

    /// The `source<TAB>expected` lines of a test file, skipping comments and blank lines.
    static func cases(in text: String) -> [(line: Int, source: String, expected: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { return nil }
            return (number + 1, String(fields[0]), String(fields[1]))
        }
    }

    @Test(.enabled(if: DevData.cldrTransformsAvailable,
                   "needs /usr/share/unicode/cldr/common: apt-get install unicode-cldr-core"))
    func bcp47FileNamesMapToICUTransformIDs() {
        #expect(Self.icuIDs["uk-latn-t-uk-m0-bgn"] == "Ukrainian-Latin/BGN")
        #expect(Self.icuIDs["ja-latn-t-ja-hrkt-m0-bgn"] == "Katakana-Latin/BGN")
        #expect(Self.icuIDs["fa-latn-t-fa-m0-bgn"] == "Persian-Latin/BGN")
        #expect(Self.icuIDs["ru-t-ru-latn-m0-bgn"] == "Latin-Russian/BGN")  // a backwardAlias
        #expect(Self.icuIDs["und-t-d0-ascii"] == "Latin-ASCII")            // built from source and target
        #expect(Self.icuIDs["und-taml-t-und-deva"] == "Devanagari-Tamil")
    }

    @Test(.enabled(if: DevData.cldrTransformsAvailable,
                   "needs /usr/share/unicode/cldr/common: apt-get install unicode-cldr-core"),
          arguments: requiredFiles + otherPassingFiles)
    func cldrTransformTestFilePassesInFull(_ file: String) throws {
        let id = try #require(Self.icuIDs[file.lowercased()], "no CLDR alias maps \(file) to an ICU id")
        let text = try #require(DevData.text(at: DevData.cldrTransformTestData.appendingPathComponent("\(file).txt")),
                                "missing \(file).txt")
        let cases = Self.cases(in: text)
        #expect(!cases.isEmpty, "\(file).txt has no test lines")
        let transliterator = try Transliterator(id: id)
        var mismatches: [String] = []
        for testCase in cases {
            let actual = transliterator.transliterate(testCase.source)
            if actual.exact != testCase.expected.exact {  // exact: == would equate NFC and NFD
                mismatches.append("line \(testCase.line): \(testCase.source) → \(actual), expected \(testCase.expected)")
            }
        }
        #expect(mismatches.isEmpty,
                "\(file) (\(id)): \(mismatches.count) of \(cases.count) lines differ:\n\(mismatches.joined(separator: "\n"))")
    }
}
