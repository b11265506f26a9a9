/// The Latin spellings of a Korean person's name: each syllable in the romanisations people
/// use for it (Revised Romanisation, McCune-Reischauer without marks, and the common spellings:
/// 우 u, oo, woo; 이 as a family name lee, yi, rhee), family name first or last, letters run
/// together (김우빈: kimwoobin, woobinkim, gimubin, ...).
///
/// The letter model learned Korean spellings of foreign names as much as Korean names, and
/// refuses many of the latter below its background (김우빈 against Kim Woo-bin); a name that
/// is one of these spellings needs no model.
///
///     KoreanNameReading.spellings(of: "김우빈").contains("kimwoobin")   // true
enum KoreanNameReading {
    /// A name of more syllables is not a Korean personal name's shape (family name of one or
    /// two syllables, given name of one or two).
    private static let maximumSyllables = 4
    /// Spellings per word order beyond which a word order gets none: it is not a personal name.
    private static let maximumSpellings = 20_000

    /// Initial consonants in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ).
    private static let initials: [[String]] = [
        ["g", "k"], ["kk", "gg", "k"], ["n"], ["d", "t"], ["tt", "dd"], ["r", "l"], ["m"], ["b", "p"], ["pp", "bb"],
        ["s", "sh"], ["ss", "s"], [""], ["j", "ch"], ["jj", "tch"], ["ch"], ["k"], ["t"], ["p"], ["h"],
    ]
    /// Vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ).
    private static let vowels: [[String]] = [
        ["a"], ["ae", "ai"], ["ya"], ["yae"], ["eo", "o", "u"], ["e"], ["yeo", "yo", "you", "yu"], ["ye"], ["o", "oh"],
        ["wa"], ["wae"], ["oe", "oi", "we"], ["yo"], ["u", "oo", "woo"], ["wo", "weo"], ["we"], ["wi"],
        ["yu", "yoo", "you"], ["eu", "u"], ["ui", "eui"], ["i", "ee", "y"],
    ]
    /// Final consonants in Unicode order (none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ
    /// ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ).
    private static let finals: [[String]] = [
        [""], ["k", "g"], ["kk", "k"], ["k"], ["n"], ["n"], ["n"], ["t", "d"], ["l", "r"], ["k"], ["m"], ["l"], ["l"],
        ["l"], ["p"], ["l"], ["m"], ["p", "b"], ["p"], ["t", "s"], ["t", "ss"], ["ng"], ["t", "j"], ["t"], ["k"],
        ["t"], ["p"], ["t"],
    ]
    /// Family names' own spellings, beyond their syllable's (박 park, 이 lee, 최 choi, 노 roh).
    private static let familyNames: [Character: [String]] = [
        "이": ["lee", "yi", "rhee", "i", "ri", "li", "rhie", "yie"], "박": ["park", "pak", "bak"], "김": ["kim", "gim"],
        "최": ["choi", "choe"], "정": ["jung", "chung", "jeong", "chong", "joung"], "조": ["cho", "jo", "joe", "jho"],
        "윤": ["yoon", "yun"], "장": ["jang", "chang"], "임": ["lim", "im", "rim", "yim"], "오": ["oh", "o"],
        "서": ["seo", "suh", "so"], "신": ["shin", "sin"], "권": ["kwon", "gwon"], "안": ["ahn", "an"],
        "류": ["ryu", "yoo", "yu", "rhyu", "ryoo"], "유": ["yoo", "yu", "ryu", "rhyu", "you"],
        "전": ["jeon", "chun", "jun", "chon"], "고": ["ko", "go"], "문": ["moon", "mun"], "손": ["son", "sohn"],
        "배": ["bae", "pae"], "백": ["baek", "paek", "paik", "back"], "허": ["heo", "hur", "huh"],
        "노": ["noh", "no", "roh"], "심": ["shim", "sim"], "곽": ["kwak", "gwak"], "성": ["sung", "seong"],
        "주": ["joo", "ju", "chu"], "우": ["woo", "u"], "구": ["koo", "gu", "ku"], "나": ["na", "ra"],
        "엄": ["eom", "um", "uhm"], "천": ["cheon", "chun"], "변": ["byun", "byeon", "pyun"], "염": ["yeom", "yum"],
        "여": ["yeo", "yuh"], "석": ["seok", "suk"], "선": ["sun", "seon"], "설": ["seol", "sul"], "길": ["gil", "kil"],
        "연": ["yeon", "yun"], "명": ["myung", "myeong"], "기": ["ki", "gi", "kee"], "금": ["keum", "kum", "geum"],
        "국": ["kook", "guk"], "어": ["eo", "uh"], "은": ["eun"], "현": ["hyun", "hyeon"], "리": ["ri", "li", "lee"],
        "량": ["ryang", "yang"], "로": ["ro", "roh", "no"], "라": ["ra", "na"], "려": ["ryeo", "yeo"], "림": ["rim", "lim"],
    ]

    /// The spellings (lowercase a-z, no spaces) of `name` read as a Korean personal name: two
    /// to four Hangul syllables (a space allowed between them), in the order written and with
    /// the first syllable (the family name) last; empty for any other name.
    static func spellings(of name: String) -> Set<String> {
        guard let syllables = syllables(of: name) else { return [] }
        var readings: [[String]] = []
        for syllable in syllables {
            guard let reading = reading(of: syllable.unicodeScalars.first!) else { return [] }
            readings.append(reading)
        }
        readings[0] = (readings[0] + (familyNames[syllables.first!] ?? [])).uniqued()
        return spellings(readings).union(spellings(Array(readings.dropFirst()) + [readings[0]]))
    }

    /// The spellings of `name` read as a Chinese name written in Korean, each character by its
    /// Korean reading (장헌충, Zhang Xianzhong): every syllable as the Mandarin reading of a
    /// character it reads, in the order written; empty for any other name.
    static func mandarinSpellings(of name: String) -> Set<String> {
        guard let syllables = syllables(of: name) else { return [] }
        var readings: [[String]] = []
        for syllable in syllables {
            guard let reading = mandarin[syllable] else { return [] }
            readings.append(reading)
        }
        return spellings(readings)
    }

    /// The syllables of a name of a Korean personal name's shape, or nil.
    private static func syllables(of name: String) -> [Character]? {
        let syllables = Array(name.filter { $0 != " " })
        guard (2...maximumSyllables).contains(syllables.count),
              syllables.allSatisfy({ $0.unicodeScalars.count == 1 && (0xAC00..<0xD7A4).contains($0.unicodeScalars.first!.value) })
        else { return nil }
        return syllables
    }

    /// Every concatenation of one option per syllable, or none when there would be too many.
    private static func spellings(_ readings: [[String]]) -> Set<String> {
        guard readings.reduce(1, { $0 * $1.count }) <= maximumSpellings else { return [] }
        var partial = [""]
        for options in readings { partial = partial.flatMap { prefix in options.map { prefix + $0 } } }
        return Set(partial)
    }

    /// `hanjaReadings` by syllable.
    private static let mandarin: [Character: [String]] = {
        var table: [Character: [String]] = [:]
        for line in hanjaReadings.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            table[fields[0].first!] = fields[1].split(separator: " ").map(String.init)
        }
        return table
    }()

    /// Whether `latin`, a name of two words or more, spells `name` read as a Korean personal name.
    static func spells(_ name: String, latin: String) -> Bool {
        guard name.unicodeScalars.first.map({ (0xAC00..<0xD7A4).contains($0.value) }) ?? false, CrossScriptIndex.isLatin(latin) else {
            return false
        }
        let letters = CrossScriptIndex.letters(LetterFold.words(latin, lang: "en"))
        return letters.count > 1 && spellings(of: name).contains(letters.joined())
    }

    /// A precomposed Hangul syllable's spellings, or nil for anything else.
    private static func reading(of scalar: Unicode.Scalar) -> [String]? {
        let index = Int(scalar.value) - 0xAC00
        guard (0..<11_172).contains(index) else { return nil }
        let (initial, vowel, final) = (index / 588, index % 588 / 28, index % 28)
        return initials[initial].flatMap { i in vowels[vowel].flatMap { v in finals[final].map { i + v + $0 } } }.uniqued()
    }
}
