import Foundation
import CICU

/// The names ICU's locale data gives to countries and territories, in every language it has.
///
///     RegionNames.codes.contains("UA")                       // true
///     RegionNames.displayName(of: "UA", in: "uk")            // "Україна"
///     RegionNames.locales.contains("ko")                     // true
public enum RegionNames {
    /// ISO 3166-1 alpha-2 codes ICU knows (`uloc_getISOCountries`).
    public static var codes: [String] {
        var result: [String] = []
        var index: Int32 = 0
        while let code = onoma_iso_country(index) {
            result.append(String(cString: code))
            index += 1
        }
        return result
    }

    /// Every locale ICU has data for (`uloc_getAvailable`), as ICU ids ("en_GB", "zh_Hant").
    public static var locales: [String] {
        (0..<onoma_available_locale_count()).compactMap { onoma_available_locale($0).map { String(cString: $0) } }
    }

    /// The name of region `code` in `locale` (`uloc_getDisplayCountry`), or nil when the
    /// locale has no name of its own for it (ICU would fall back to the root locale or the code).
    public static func displayName(of code: String, in locale: String) -> String? {
        let (name, status) = ICUString.produce(capacityHint: 64) { buffer, capacity, status in
            onoma_region_display_name(code, locale, buffer, capacity, &status)
        }
        guard status <= 0, status != onoma_u_using_default_warning(), !name.isEmpty, name != code else { return nil }
        return name
    }

    /// A BCP 47 tag for an ICU locale id ("zh_Hant_HK" → "zh-Hant-HK").
    public static func languageTag(ofLocale locale: String) -> String {
        locale.replacingOccurrences(of: "_", with: "-")
    }
}
