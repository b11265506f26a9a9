import CICU

/// A Unicode script (ISO 15924), as ICU's `UScriptCode` reports it.
///
///     Script.of("Ж")?.code   // "Cyrl"
///     Script.latin.name       // "Latin"
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The script for an ISO 15924 code or an English name ("Cyrl", "Cyrillic"), or nil.
    /// Calls `uscript_getCode`, which also takes a locale id and gives its main script
    /// ("uk" → Cyrl, "ja" → Kana).
    public init?(_ name: String) {
        // uscript_getCode reads "" as the default locale, so "" would be that locale's script.
        guard !name.isEmpty else { return nil }
        let code = onoma_script_code(name)
        guard code >= 0 else { return nil }
        rawValue = code
    }

    /// The script of one scalar (`uscript_getScript`); Common and Inherited are scripts too.
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        Script(rawValue: onoma_script_of(scalar.value))
    }

    /// The ISO 15924 code, e.g. "Latn", "Cyrl", "Hang", "Zyyy" (`uscript_getShortName`).
    public var code: String {
        onoma_script_short_name(rawValue).map { String(cString: $0) } ?? "Zzzz"
    }

    /// The English name, e.g. "Latin", "Cyrillic" (`uscript_getName`).
    public var name: String {
        onoma_script_long_name(rawValue).map { String(cString: $0) } ?? "Unknown"
    }

    public var description: String { code }

    /// Common (Zyyy) or Inherited (Zinh): characters shared by many scripts.
    public var isShared: Bool { self == .common || self == .inherited }

    public static let common = Script(rawValue: 0)
    public static let inherited = Script(rawValue: 1)
    public static let arabic = Script(rawValue: 2)
    public static let cyrillic = Script(rawValue: 8)
    public static let greek = Script(rawValue: 14)
    public static let han = Script(rawValue: 17)
    public static let hangul = Script(rawValue: 18)
    public static let hebrew = Script(rawValue: 19)
    public static let hiragana = Script(rawValue: 20)
    public static let katakana = Script(rawValue: 22)
    public static let latin = Script(rawValue: 25)
}
