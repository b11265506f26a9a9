import CICU

/// A Unicode script (ISO 15924), as ICU's `UScriptCode` reports it.
///
///     Script.of("Ж")?.code   // "Cyrl"
///     Script.latin.name       // "Latin"
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let rawValue: Int32

    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }

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
    @inlinable public var isShared: Bool { self == .common || self == .inherited }

    // Computed and inlinable: other modules compare with a constant instead of calling a
    // global's accessor (one call per token in the canonicalizer).
    @inlinable public static var common: Script { Script(rawValue: 0) }
    @inlinable public static var inherited: Script { Script(rawValue: 1) }
    @inlinable public static var arabic: Script { Script(rawValue: 2) }
    @inlinable public static var cyrillic: Script { Script(rawValue: 8) }
    @inlinable public static var greek: Script { Script(rawValue: 14) }
    @inlinable public static var han: Script { Script(rawValue: 17) }
    @inlinable public static var hangul: Script { Script(rawValue: 18) }
    @inlinable public static var hebrew: Script { Script(rawValue: 19) }
    @inlinable public static var hiragana: Script { Script(rawValue: 20) }
    @inlinable public static var katakana: Script { Script(rawValue: 22) }
    @inlinable public static var latin: Script { Script(rawValue: 25) }
}
