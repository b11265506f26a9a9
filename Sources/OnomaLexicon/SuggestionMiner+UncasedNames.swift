import OnomaText

/// New names in scripts without capitals: spans that a title marks (`UncasedNameCues`), and
/// foreign full names written with a middle dot ("ウォロディミル・ゼレンスキー", "弗拉基米尔·泽连斯基").
extension SuggestionMiner {
    /// A name span found in one document: units `range`, and whether a title marked it.
    struct UncasedSpan {
        var range: Range<Int>
        var titled: Bool
    }

    func collectUncasedRuns(_ units: [MatchUnit], covered: [Int?], _ document: Document, _ lang: String?, _ utf8: [UInt8]) {
        let scanner = UncasedNameScanner(units: units, covered: covered, utf8: utf8)
        for span in scanner.spans() {
            let words = units[span.range].map(\.text)
            let gaps = span.range.dropFirst().map { scanner.gap(before: $0) }
            let bytes = units[span.range.lowerBound].range.lowerBound..<units[span.range.upperBound - 1].range.upperBound
            let surface = String(decoding: utf8[bytes], as: UTF8.self)
            let language = formLanguage(surface, lang)
            let key = surface + "\t" + language
            var run = runs[key] ?? Run(words: words, gaps: gaps, lang: language, cased: false)
            run.count += 1
            if span.titled { run.votes[.person, default: 0] += 1 }
            Self.addExample(&run.examples, document.id, bytes, utf8)
            runs[key] = run
        }
    }
}

/// Finds name spans in the units of one document written in scripts without capitals.
struct UncasedNameScanner {
    let units: [MatchUnit]
    let covered: [Int?]
    let utf8: [UInt8]

    /// Longest name, in units (Han characters count one each).
    static let longestName = 8

    func spans() -> [SuggestionMiner.UncasedSpan] {
        var spans: [SuggestionMiner.UncasedSpan] = []
        var j = 0
        while j < units.count {
            let found: SuggestionMiner.UncasedSpan?
            switch units[j].script {
            case .hangul: found = korean(titleAt: j)
            case .han: found = chinese(titleAt: j) ?? japanese(titleAt: j)
            case .arabic: found = after(titleAt: j, titles: UncasedNameCues.arabicTitles, prefixes: UncasedNameCues.arabicPrefixes,
                                        articles: UncasedNameCues.arabicArticles, stops: UncasedNameCues.arabicStops, script: .arabic)
            case .hebrew: found = after(titleAt: j, titles: UncasedNameCues.hebrewTitles, prefixes: UncasedNameCues.hebrewPrefixes,
                                        articles: UncasedNameCues.hebrewArticles, stops: UncasedNameCues.hebrewStops, script: .hebrew)
            default: found = nil
            }
            if let found, !spans.contains(where: { $0.range.overlaps(found.range) }) { spans.append(found) }
            j += 1
        }
        for span in dottedNames() where !spans.contains(where: { $0.range.overlaps(span.range) }) { spans.append(span) }
        return spans
    }

    /// The source text between unit `j - 1` and unit `j`.
    func gap(before j: Int) -> String {
        String(decoding: utf8[units[j - 1].range.upperBound..<units[j].range.lowerBound], as: UTF8.self)
    }

    /// Whether units `j - 1` and `j` belong to one sentence and nothing but spaces separate them.
    private func spaced(_ j: Int) -> Bool {
        !units[j].breakBefore && gap(before: j).allSatisfy(\.isWhitespace)
    }

    /// Whether units `j - 1` and `j` touch (Han characters of one word, a title on a name).
    private func touching(_ j: Int) -> Bool {
        units[j - 1].range.upperBound == units[j].range.lowerBound
    }

    private func isDot(_ j: Int) -> Bool {
        // The dots take two or three bytes in UTF-8: most gaps are ruled out without a string.
        let length = units[j].range.lowerBound - units[j - 1].range.upperBound
        return (2...3).contains(length) && !units[j].breakBefore && MatchUnit.isMiddleDot(gap(before: j))
    }

    private func isFree(_ j: Int, _ script: Script) -> Bool {
        units[j].script == script && covered[j] == nil
    }

    // MARK: Korean: the name, then the title ("볼로디미르 젤렌스키 대통령은")

    private func korean(titleAt j: Int) -> SuggestionMiner.UncasedSpan? {
        guard j > 0, isKoreanTitle(units[j].text), spaced(j) else { return nil }
        var end = j
        // A place between name and title ("젤렌스키 우크라이나 대통령") is already an entity.
        if covered[end - 1] != nil, end - 1 > 0, spaced(end - 1) { end -= 1 }
        guard isFree(end - 1, .hangul), units[end - 1].text.count >= 2,
              !isKoreanTitle(units[end - 1].text), !endsWithParticle(units[end - 1].text) else { return nil }
        var start = end - 1
        while start > 0, end - start < 3, spaced(start), isFree(start - 1, .hangul),
              units[start - 1].text.count >= 2, !endsWithParticle(units[start - 1].text), !isKoreanTitle(units[start - 1].text) {
            start -= 1
        }
        return .init(range: start..<end, titled: true)
    }

    private func isKoreanTitle(_ word: String) -> Bool {
        let stems = [word] + UncasedNameCues.koreanParticles.filter { word.hasSuffix($0) && word.count > $0.count }.map { String(word.dropLast($0.count)) }
        return stems.contains { stem in UncasedNameCues.koreanTitles.contains { stem.hasSuffix($0) } }
    }

    /// Whether a word ends in a case particle that names do not end in (이 and 가 end names too).
    private func endsWithParticle(_ word: String) -> Bool {
        UncasedNameCues.koreanCaseEndings.contains { word.hasSuffix($0) && word.count > $0.count + 1 }
    }

    // MARK: Japanese: the katakana name, then the title ("ゼレンスキー大統領")

    private func japanese(titleAt j: Int) -> SuggestionMiner.UncasedSpan? {
        guard j > 0, hanWord(at: j, in: UncasedNameCues.japaneseTitles) != nil, touching(j), isFree(j - 1, .katakana) else { return nil }
        // ICU's dictionary cuts katakana names into words it knows ("シル", "スキー").
        var start = j - 1
        while start > 0, j - start < Self.longestName, touching(start) || isDot(start), isFree(start - 1, .katakana) { start -= 1 }
        return .init(range: start..<j, titled: true)
    }

    // MARK: Chinese: the title, then the name ("总统泽连斯基说")

    private func chinese(titleAt j: Int) -> SuggestionMiner.UncasedSpan? {
        guard let length = hanWord(at: j, in: UncasedNameCues.chineseTitles) else { return nil }
        let start = j + length
        var end = start
        while end < units.count, end - start < Self.longestName, isFree(end, .han), isHanNameCharacter(units[end].text),
              end == start ? touching(end) : touching(end) || isDot(end) {
            end += 1
        }
        guard end - start >= 2 else { return nil }
        return .init(range: start..<end, titled: true)
    }

    /// The length in units of the word of `words` that the Han units from `j` on spell, or nil.
    private func hanWord(at j: Int, in words: [String]) -> Int? {
        var text = "", lengths: [Int: Int] = [:]
        var k = j
        while k < units.count, k - j < 5, units[k].script == .han, k == j || touching(k) {
            text += units[k].text
            lengths[text.count] = k - j + 1
            k += 1
        }
        return words.filter { text.hasPrefix($0) }.max { $0.count < $1.count }.flatMap { lengths[$0.count] }
    }

    private func isHanNameCharacter(_ text: String) -> Bool {
        guard let char = text.first, !UncasedNameCues.chineseStops.contains(char) else { return false }
        return (HanModel.shared?.trainingCount(of: char) ?? 0) >= UncasedNameCues.hanNameCharacterCount
    }

    // MARK: Arabic and Hebrew: the title, then the name ("الرئيس الأوكراني فولوديمير زيلينسكي")

    private func after(titleAt j: Int, titles: Set<String>, prefixes: [String], articles: [String], stops: Set<String>,
                       script: Script) -> SuggestionMiner.UncasedSpan? {
        let word = units[j].text
        guard titles.contains(word) || prefixes.contains(where: { word.hasPrefix($0) && titles.contains(String(word.dropFirst($0.count))) })
        else { return nil }
        let definite = { (k: Int) in articles.contains { self.units[k].text.hasPrefix($0) } }
        var start = j + 1
        // Adjectives and genitives after the title ("العام للقوات الأوكرانية"), and entities
        // already known ("أوكرانيا"), at most three.
        while start < units.count, start - j <= 3, spaced(start), units[start].script == script && definite(start) || covered[start] != nil {
            start += 1
        }
        var end = start
        while end < units.count, end - start < 3, spaced(end), isFree(end, script), units[end].text.count >= 2,
              !definite(end), !stops.contains(units[end].text), !titles.contains(units[end].text) {
            end += 1
        }
        guard end > start else { return nil }
        return .init(range: start..<end, titled: true)
    }

    // MARK: Foreign full names with a middle dot, anywhere

    private func dottedNames() -> [SuggestionMiner.UncasedSpan] {
        var spans: [SuggestionMiner.UncasedSpan] = []
        var j = 1
        while j < units.count {
            guard isDot(j), let script = [Script.katakana, .han].first(where: { isFree(j - 1, $0) && isFree(j, $0) }) else { j += 1; continue }
            let part = { (k: Int) in script == .katakana || self.isHanNameCharacter(self.units[k].text) }
            guard part(j - 1), part(j) else { j += 1; continue }
            var start = j - 1
            while start > 0, isFree(start - 1, script), part(start - 1), touching(start) || isDot(start) { start -= 1 }
            var end = j + 1
            while end < units.count, end - start < Self.longestName, isFree(end, script), part(end), touching(end) || isDot(end) {
                end += 1
            }
            spans.append(.init(range: start..<end, titled: false))
            j = end
        }
        return spans
    }
}
