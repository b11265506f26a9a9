/// A title written as a word of its own before a name in another script (교황 클레멘스 5세, Pope
/// Clement V), which the English form of the name leaves out (Clement V).
///
///     LeadingTitle.strip("교황 베네딕토 13세")   // "베네딕토 13세"
///     LeadingTitle.strip("교황")                 // nil: a title alone is the name
enum LeadingTitle {
    /// Korean: pope, saint (m., f.), grand duke, patriarch, emperor, king, queen.
    private static let titles: Set<Substring> = ["교황", "성", "성녀", "대공", "총대주교", "황제", "국왕", "여왕"]

    /// `name` without its leading title, or nil when it has none or is nothing else.
    static func strip(_ name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard words.count > 1, titles.contains(words[0]) else { return nil }
        return words.dropFirst().joined(separator: " ")
    }
}
