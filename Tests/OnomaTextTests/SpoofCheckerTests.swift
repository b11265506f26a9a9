import OnomaText
import Testing

/// Confusable skeletons and mixed-script names (UTS #39).
@Suite struct SpoofCheckerTests {
    let spoof = SpoofChecker.shared

    @Test func cyrillicLookalikeHasTheLatinSkeleton() {
        #expect(spoof.skeleton("Zelenskyy") == spoof.skeleton("Z\u{0435}lenskyy"))   // Cyrillic е
        #expect(spoof.skeleton("paypal") == spoof.skeleton("p\u{0430}ypal"))         // Cyrillic а
        #expect(spoof.skeleton("Kyiv") == spoof.skeleton("Kу\u{0456}v"))             // Cyrillic у and і
        #expect(spoof.skeleton("Zelensky") != spoof.skeleton("Zelenskyy"))           // a real spelling difference
        #expect(spoof.skeleton("Zelenskyy") == "Zelenskyy")                          // Latin skeleton is itself here
    }

    @Test func mixedScriptFindsTheCyrillicLetterInALatinName() throws {
        let mixed = try #require(spoof.mixedScript("N\u{0430}valny"))               // Cyrillic а at offset 1
        #expect(mixed.mainScript == .latin)
        #expect(mixed.intruders.count == 1)
        let intruder = try #require(mixed.intruders.first)
        #expect(intruder.offset == 1)
        #expect(intruder.scalar == "\u{0430}")
        #expect(intruder.script == .cyrillic)
    }

    @Test func mixedScriptOffsetsCountScalarsNotBytes() throws {
        // A Latin i after eight Cyrillic letters (two UTF-8 bytes each): offset 8, not 16.
        let mixed = try #require(spoof.mixedScript("Зеленськ\u{0069}й"))
        #expect(mixed.mainScript == .cyrillic)
        #expect(mixed.intruders.map(\.offset) == [8])
        #expect(mixed.intruders.map(\.scalar) == ["i"])
        #expect(mixed.intruders.map(\.script) == [.latin])
    }

    @Test func mixedScriptReportsEveryIntruder() throws {
        let mixed = try #require(spoof.mixedScript("\u{0396}el\u{0435}nsky"))     // Greek Ζ, Cyrillic е
        #expect(mixed.mainScript == .latin)
        #expect(mixed.intruders.map(\.offset) == [0, 3])
        #expect(mixed.intruders.map(\.script) == [.greek, .cyrillic])
    }

    @Test func singleScriptNamesAreNotMixed() {
        #expect(spoof.mixedScript("Kim Jong-un") == nil)         // Latin with hyphen and space
        #expect(spoof.mixedScript("東京タワー") == nil)            // Han + Katakana is allowed for Japanese
        #expect(spoof.mixedScript("Зеленський") == nil)          // Cyrillic
        #expect(spoof.mixedScript("김정은 Kim") == nil)            // Hangul + Latin is allowed for Korean
        #expect(spoof.mixedScript("Zelenskyy’s 2024") == nil)    // Common characters don't count
    }

    @Test func isSuspiciousFlagsLookalikesNotPlainNames() {
        #expect(spoof.isSuspicious("Z\u{0435}lenskyy"))         // Latin + Cyrillic
        #expect(!spoof.isSuspicious("Zelenskyy"))
        #expect(!spoof.isSuspicious("Зеленський"))
        #expect(spoof.isSuspicious("a\u{301}\u{301}"))          // repeated combining mark (invisible check)
        #expect(spoof.mixedScript("a\u{301}\u{301}") == nil)    // but not a mixed script
    }

    @Test func checkerIsUsableFromManyTasks() async {
        let names = ["Zelenskyy", "Z\u{0435}lenskyy", "Київ", "東京タワー", "N\u{0430}valny"]
        let expected = names.map { SpoofChecker.shared.skeleton($0) }
        let allMatch = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<4 {
                group.addTask {
                    (0..<500).allSatisfy { i in
                        let index = (task + i) % names.count
                        return SpoofChecker.shared.skeleton(names[index]) == expected[index]
                    }
                }
            }
            return await group.allSatisfy { $0 }
        }
        #expect(allMatch)
    }
}
