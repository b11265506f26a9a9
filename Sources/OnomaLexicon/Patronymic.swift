import OnomaText

/// An East Slavic patronymic (Владимирович, Олександрович, Александровна), which the English
/// form of a name leaves out: Владимир Владимирович Путин is Vladimir Putin.
///
///     Patronymic.strip("Владимир Владимирович Путин")   // "Владимир Путин"
///     Patronymic.strip("Путин Владимир Владимирович")   // "Путин Владимир"
///     Patronymic.strip("Роман Абрамович")               // nil: the second of two words is the surname
enum Patronymic {
    /// Endings of Russian, Ukrainian and Belarusian patronymics: -ович, -евич, -ич (Ильич),
    /// -іч; -овна, -евна, -івна, -ївна; -ична; -аўна, -еўна.
    private static let endings = ["ич", "іч", "вна", "чна", "ўна"]

    /// `name` without its patronymic, or nil when it has none. Only a name of three Cyrillic
    /// words has one: the middle word (given name, patronymic, surname), or else the last
    /// (surname, given name, patronymic, the order of official lists). A surname may end as a
    /// patronymic does (Абрамович), so a name of two words keeps both.
    static func strip(_ name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard words.count == 3, words.allSatisfy(isCyrillic) else { return nil }
        if isPatronymic(words[1]) { return "\(words[0]) \(words[2])" }
        if isPatronymic(words[2]), !isPatronymic(words[0]) { return "\(words[0]) \(words[1])" }
        return nil
    }

    private static func isPatronymic(_ word: Substring) -> Bool {
        let lowered = word.lowercased()
        return lowered.count > 4 && endings.contains { lowered.hasSuffix($0) }
    }

    /// Whether the word's letters are Cyrillic (hyphens and apostrophes are of no script).
    private static func isCyrillic(_ word: Substring) -> Bool {
        word.unicodeScalars.allSatisfy { Script.of($0) == .cyrillic || Script.of($0).isShared }
    }
}
