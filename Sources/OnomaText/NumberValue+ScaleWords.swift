// Word tables for NumberValue: scale words, units, currencies, ordinal suffixes and each
// language's decimal mark. Keys are lowercase.

extension NumberValue {
    /// Words that multiply the number before them, by language code: word → power of ten.
    ///
    /// A trailing "." marks an abbreviation, which the text may write with or without its dot
    /// ("тис." and "тис" both match "тис."). A nil power marks a word whose scale is ambiguous
    /// in that language (Portuguese "bilhão" is 10^9 in Brazil, 10^12 in Portugal): a number
    /// followed by it is dropped rather than guessed.
    static let scaleWordTable: [String: [String: Int?]] = [
        "en": [
            "thousand": 3, "thousands": 3,
            "lakh": 5, "lakhs": 5, "crore": 7, "crores": 7,
            "million": 6, "millions": 6, "mn": 6, "mln": 6,
            "billion": 9, "billions": 9, "bn": 9, "bln": 9,
            "trillion": 12, "trillions": 12, "tn": 12, "trn": 12,
        ],
        "de": [
            "tausend": 3, "tsd.": 3,
            "million": 6, "millionen": 6, "mio.": 6,
            "milliarde": 9, "milliarden": 9, "mrd.": 9, "mia.": 9,
            "billion": 12, "billionen": 12, "bio.": 12,
        ],
        "fr": [
            "mille": 3,
            "million": 6, "millions": 6,
            "milliard": 9, "milliards": 9, "md": 9, "mds": 9, "mrd": 9, "mrds": 9,
            "billion": 12, "billions": 12,
        ],
        "uk": [
            "тис.": 3, "тисяча": 3, "тисячі": 3, "тисяч": 3, "тисячу": 3,
            "млн.": 6, "мільйон": 6, "мільйона": 6, "мільйони": 6, "мільйонів": 6,
            "млрд.": 9, "мільярд": 9, "мільярда": 9, "мільярди": 9, "мільярдів": 9,
            "трлн.": 12, "трильйон": 12, "трильйона": 12, "трильйони": 12, "трильйонів": 12,
        ],
        "ru": [
            "тыс.": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3, "тысячу": 3,
            "млн.": 6, "миллион": 6, "миллиона": 6, "миллионы": 6, "миллионов": 6,
            "млрд.": 9, "миллиард": 9, "миллиарда": 9, "миллиарды": 9, "миллиардов": 9,
            "трлн.": 12, "триллион": 12, "триллиона": 12, "триллионы": 12, "триллионов": 12,
        ],
        "es": [
            "mil": 3, "millón": 6, "millones": 6,
            "billón": 12, "billones": 12,
        ],
        "it": [
            "mila": 3, "mille": 3,
            "milione": 6, "milioni": 6, "mln.": 6,
            "miliardo": 9, "miliardi": 9, "mld.": 9, "mrd.": 9,
        ],
        "pt": [
            "mil": 3, "milhão": 6, "milhões": 6,
            "bilhão": nil, "bilhões": nil, "bilião": 12, "biliões": 12,
        ],
        "pl": [
            "tys.": 3, "tysiąc": 3, "tysiące": 3, "tysięcy": 3,
            "mln.": 6, "milion": 6, "miliony": 6, "milionów": 6,
            "mld.": 9, "miliard": 9, "miliardy": 9, "miliardów": 9,
            "bln.": 12, "bilion": 12, "biliony": 12, "bilionów": 12,
        ],
        "nl": [
            "duizend": 3, "miljoen": 6, "miljoenen": 6, "mln.": 6,
            "miljard": 9, "miljarden": 9, "mld.": 9, "biljoen": 12,
        ],
    ]

    /// Single-letter scale suffixes that count only right after a currency ("$5m", "€2b"):
    /// alone, "5m" is as likely five metres and "4K" a screen resolution.
    static let currencyScaleSuffixes: [String: Int] = ["k": 3, "m": 6, "b": 9]

    /// Languages that write a decimal comma ("3,5") and group thousands with dots or spaces.
    static let decimalCommaLanguages: Set<String> = [
        "de", "fr", "uk", "ru", "be", "bg", "kk", "es", "it", "pt", "ca", "gl", "ro", "nl",
        "pl", "cs", "sk", "sl", "hr", "sr", "bs", "mk", "sq", "hu", "tr", "az", "el", "da",
        "sv", "nb", "nn", "no", "fi", "et", "lv", "lt", "is", "id", "vi", "ka", "hy",
    ]

    /// Languages that write a decimal point ("3.5") and group thousands with commas.
    static let decimalPointLanguages: Set<String> = [
        "en", "zh", "ja", "ko", "he", "th", "hi", "bn", "ur", "ta", "te", "mr", "ms", "tl",
        "ga", "cy", "mt", "sw",
    ]

    /// Languages whose texts group thousands with a plain space ("3 000"); any language
    /// groups with a no-break, narrow no-break, thin or figure space.
    static let spaceGroupingLanguages: Set<String> = [
        "fr", "uk", "ru", "be", "bg", "kk", "de", "pl", "cs", "sk", "sl", "hu", "sv", "nb",
        "nn", "no", "fi", "et", "lv", "lt", "pt", "es",
    ]

    /// Ordinal suffixes written onto digits ("12th", "1er", "2e", "3º"); the number keeps its value.
    static let ordinalSuffixes: Set<String> = [
        "st", "nd", "rd", "th", "e", "er", "re", "ère", "ème", "eme", "º", "ª",
    ]

    /// Units and currencies written after a number, or, for currency symbols and ISO codes,
    /// before it: lowercase tokens joined by single spaces → the unit reported.
    static let unitWords: [String: String] = [
        // Percent.
        "%": "%", "٪": "%", "percent": "%", "per cent": "%", "pct": "%", "prozent": "%",
        "pour cent": "%", "por ciento": "%", "per cento": "%", "por cento": "%", "procent": "%",
        "відсоток": "%", "відсотка": "%", "відсотки": "%", "відсотків": "%",
        "процент": "%", "процента": "%", "проценты": "%", "процентов": "%",
        // Currency symbols and ISO codes.
        "$": "$", "€": "€", "£": "£", "¥": "¥", "₴": "₴", "₽": "₽", "₹": "₹", "₺": "₺",
        "usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "uah": "₴", "rub": "₽", "inr": "₹",
        "chf": "CHF", "cny": "CN¥", "pln": "zł",
        // Currency names.
        "dollar": "$", "dollars": "$", "us dollars": "$", "us - dollar": "$", "dollari": "$",
        "dólar": "$", "dólares": "$", "долар": "$", "долара": "$", "долари": "$",
        "доларів": "$", "доллар": "$", "доллара": "$", "доллары": "$", "долларов": "$",
        "euro": "€", "euros": "€", "євро": "€", "евро": "€",
        "hryvnia": "₴", "hryvnias": "₴", "hrywnja": "₴", "гривня": "₴", "гривні": "₴",
        "гривень": "₴", "грн": "₴", "гривна": "₴", "гривны": "₴", "гривен": "₴",
        "rouble": "₽", "roubles": "₽", "ruble": "₽", "rubles": "₽", "rubel": "₽",
        "рубль": "₽", "рубля": "₽", "рублі": "₽", "рублів": "₽", "рубли": "₽", "рублей": "₽",
        "руб": "₽", "yen": "¥", "yuan": "CN¥", "franken": "CHF", "zł": "zł", "złotych": "zł",
        // Distance and area.
        "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
        "kilometern": "km", "kilomètre": "km", "kilomètres": "km", "км": "km", "кілометр": "km",
        "кілометра": "km", "кілометри": "km", "кілометрів": "km", "километр": "km",
        "километра": "km", "километры": "km", "километров": "km",
        "km ²": "km²", "km2": "km²", "sq km": "km²", "square kilometres": "km²",
        "square kilometers": "km²", "quadratkilometer": "km²", "quadratkilometern": "km²",
        "kilomètres carrés": "km²", "кв . км": "km²", "квадратних кілометрів": "km²",
        "квадратных километров": "km²",
        "mile": "miles", "miles": "miles", "square miles": "square miles", "sq mi": "square miles",
    ]
}

/// A scale word: its power of ten (nil when ambiguous) and whether a dot may follow it.
struct ScaleWord {
    let exponent: Int?
    let isAbbreviation: Bool
}

/// How one language writes numbers.
struct NumberLocale {
    /// `.comma` or `.dot`, or nil when the language is unknown.
    let decimalMark: NumeralMark?
    /// Whether a plain space groups thousands ("3 000").
    let groupsWithSpace: Bool
    /// The scale words, abbreviations without their dot.
    let scales: CaselessWordTable<ScaleWord>

    /// The conventions of `lang`'s language subtag ("de-AT" is "de"), made once per language.
    static func of(lang: String?) -> NumberLocale {
        guard let lang else { return unknown }
        return byCode[LanguageTag.primary(lang)] ?? unknown
    }

    private init(code: String) {
        decimalMark = NumberValue.decimalCommaLanguages.contains(code) ? .comma
            : NumberValue.decimalPointLanguages.contains(code) ? .dot : nil
        groupsWithSpace = NumberValue.spaceGroupingLanguages.contains(code)
        scales = Self.scalesByLanguage[code] ?? Self.anyLanguageScales
    }

    /// The languages some table names.
    private static let byCode: [String: NumberLocale] = {
        let codes = NumberValue.decimalCommaLanguages.union(NumberValue.decimalPointLanguages)
            .union(NumberValue.spaceGroupingLanguages).union(NumberValue.scaleWordTable.keys)
        return Dictionary(uniqueKeysWithValues: codes.map { ($0, NumberLocale(code: $0)) })
    }()

    /// A language no table names, or none.
    private static let unknown = NumberLocale(code: "")

    private static let scaleWordsByLanguage: [String: [String: ScaleWord]] = NumberValue.scaleWordTable.mapValues { words in
        Dictionary(words.map { word, exponent in
            let isAbbreviation = word.hasSuffix(".")
            let scale = ScaleWord(exponent: exponent, isAbbreviation: isAbbreviation)
            return (isAbbreviation ? String(word.dropLast()) : word, scale)
        }, uniquingKeysWith: { first, _ in first })
    }

    private static let scalesByLanguage = scaleWordsByLanguage.mapValues(CaselessWordTable.init)

    /// For a text of unknown language: every language's words; a word whose power differs
    /// between languages ("billion": 10^9 in English, 10^12 in French) is ambiguous.
    private static let anyLanguageScales = CaselessWordTable(
        scaleWordsByLanguage.values.reduce(into: [String: ScaleWord]()) { merged, words in
            merged.merge(words) { a, b in
                ScaleWord(
                    exponent: a.exponent == b.exponent ? a.exponent : nil,
                    isAbbreviation: a.isAbbreviation || b.isAbbreviation
                )
            }
        }
    )
}
