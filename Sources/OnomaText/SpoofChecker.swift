import CICU

/// UTS #39 confusable skeletons and mixed-script checks, through ICU's spoof checker.
///
///     let spoof = SpoofChecker.shared
///     spoof.skeleton("Zelenskyy") == spoof.skeleton("Zеlenskyy")   // true (Cyrillic е)
///     spoof.mixedScript("Zеlenskyy")?.intruders   // [(offset 1, "е", Cyrl)]
///
/// Checking is thread-safe (ICU documents the check and skeleton calls as such), so one shared
/// instance serves every thread.
public final class SpoofChecker: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// The shared checker, configured at "highly restrictive": Latin may mix with Han and Kana,
    /// Han and Bopomofo, or Han and Hangul, but not with Cyrillic or Greek.
    public static let shared: SpoofChecker = {
        do { return try SpoofChecker() } catch { preconditionFailure("\(error)") }
    }()

    /// Opens a checker (`uspoof_open`, `uspoof_setChecks`, `uspoof_setRestrictionLevel`).
    public init() throws(ICUError) {
        var status: Int32 = 0
        let handle = onoma_spoof_checker_open(&status)
        try ICUError.check(status, "opening the ICU spoof checker")
        pointer = handle!
    }

    deinit { onoma_spoof_checker_close(pointer) }

    /// The confusable skeleton (`uspoof_getSkeleton`): two strings that look alike have the
    /// same skeleton ("paypal" and "pаypal" with a Cyrillic а).
    public func skeleton(_ text: String) -> String {
        let (result, status) = ICUString.withUTF16(text) { source in
            ICUString.produce(capacityHint: source.count + 8) { dest, capacity, status in
                onoma_spoof_skeleton(pointer, source.baseAddress, Int32(source.count), dest, capacity, &status)
            }
        }
        precondition(status <= 0, "uspoof_getSkeleton failed: \(String(cString: onoma_u_error_name(status)))")
        return result
    }

    /// Whether ICU flags `text` (`uspoof_check2`): letters from scripts that do not belong
    /// together, mixed-script confusables or invisible characters.
    public func isSuspicious(_ text: String) -> Bool {
        var status: Int32 = 0
        let result = ICUString.withUTF16(text) { onoma_spoof_check(pointer, $0.baseAddress, Int32($0.count), &status) }
        precondition(status <= 0, "uspoof_check2 failed: \(String(cString: onoma_u_error_name(status)))")
        return result != 0
    }

    /// A name whose letters come from scripts that do not belong together, with the letters
    /// outside its main script: "Zеlenskyy" with a Cyrillic е. Nil when the text passes ICU's
    /// restriction-level check (so "Kim Jong-un" and "東京タワー" are fine).
    public func mixedScript(_ text: String) -> MixedScript? {
        var status: Int32 = 0
        let result = ICUString.withUTF16(text) { onoma_spoof_check(pointer, $0.baseAddress, Int32($0.count), &status) }
        precondition(status <= 0, "uspoof_check2 failed: \(String(cString: onoma_u_error_name(status)))")
        guard result & onoma_spoof_restriction_level_bit() != 0 else { return nil }
        return MixedScript(text)
    }
}

/// The scripts of a mixed-script string and the letters that stand out.
public struct MixedScript: Hashable, Sendable {
    /// A letter outside the main script, at a 0-based offset in Unicode scalars.
    public struct Intruder: Hashable, Sendable {
        public let offset: Int
        public let scalar: Unicode.Scalar
        public let script: Script
    }

    /// The script with the most letters.
    public let mainScript: Script
    public let intruders: [Intruder]

    init(_ text: String) {
        let scripts = text.unicodeScalars.enumerated().map { (offset: $0.offset, scalar: $0.element, script: Script.of($0.element)) }
        var counts: [Script: Int] = [:]
        for entry in scripts where !entry.script.isShared { counts[entry.script, default: 0] += 1 }
        let main = counts.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .common
        mainScript = main
        intruders = scripts.filter { !$0.script.isShared && $0.script != main }
            .map { Intruder(offset: $0.offset, scalar: $0.scalar, script: $0.script) }
    }
}
