import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct DedupeHTMLCommandTests {
    static let story = #"{"id":"story","text":"Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region, where Ukraine launched an incursion in August.","lang":"en"}"#
    static let rewrite = #"{"id":"rewrite","text":"Ukrainian President Volodymyr Zelensky said Saturday that some 3,000 North Korean soldiers had been killed or wounded in the Kursk region, where Ukraine launched its incursion in August.","lang":"en"}"#
    static let french = #"{"id":"fr","text":"Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk, où l'Ukraine a lancé une incursion en août.","lang":"fr"}"#
    static let bank = #"{"id":"bank","text":"The central bank raised interest rates by half a point on Wednesday, citing persistent inflation in services and a tight labour market that shows few signs of easing.","lang":"en"}"#

    private func html(_ lines: [String], _ options: [String] = []) throws -> OnomaProcess.Result {
        try OnomaProcess.run(["dedupe", "--format", "html"] + options, stdin: lines.map { $0 + "\n" }.joined())
    }

    /// The page parses as XML, so every tag is closed and every text escaped.
    private func isWellFormed(_ page: String) -> Bool {
        (try? XMLDocument(data: Data(page.utf8), options: [])) != nil
    }

    @Test func reportIsOneWellFormedPageWithTheClusterSideBySide() throws {
        let result = try html([Self.story, Self.rewrite, Self.bank])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(result.stdout.hasSuffix("</html>\n"))
        #expect(isWellFormed(result.stdout))
        // The longer document represents the cluster and comes first.
        #expect(result.stdout.contains("<h3>rewrite <span class=\"badge\">representative</span></h3>"))
        #expect(result.stdout.contains("<h3>story</h3>"))
        #expect(result.stdout.contains("<span class=\"passage\">killed or wounded in the Kursk region, where Ukraine launched</span>"))
        #expect(result.stdout.contains("<li>bank</li>"))
    }

    @Test func reportFetchesNothingAndRunsNoScript() throws {
        let page = try html([Self.story, Self.rewrite]).stdout
        #expect(!page.contains("<script"))
        #expect(!page.contains("http"))
        #expect(!page.contains("<link"))
    }

    @Test func markupInTextsAndIdsIsEscaped() throws {
        let hostile = #"{"id":"<b>x</b>","text":"<script>alert(\"x\")</script> & Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region, where Ukraine launched an incursion in August.","lang":"en"}"#
        let result = try html([Self.story, hostile])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("<script"))
        #expect(!result.stdout.contains("<b>"))
        #expect(result.stdout.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "))
        #expect(result.stdout.contains("<h3>&lt;b&gt;x&lt;/b&gt; <span class=\"badge\">representative</span></h3>"))
        #expect(isWellFormed(result.stdout))
    }

    @Test func sharedEntitiesCarryTheLexiconsCanonicalIds() throws {
        let page = try html([Self.story, Self.french], ["--cross-lingual", "--lexicon", "Lexicons"]).stdout
        #expect(page.contains("<mark class=\"entity\" title=\"Volodymyr Zelenskyy (Q3874799)\">Volodymyr Zelensky</mark>"))
        #expect(page.contains("<mark class=\"number\" title=\"3000\">3000</mark>"))
    }

    @Test func inputWithoutClustersSaysSo() throws {
        let single = try html([Self.bank])
        #expect(single.status == 0)
        #expect(single.stdout.contains("No cluster has two documents or more."))
        #expect(single.stdout.contains("<summary>Alone in their cluster: 1</summary>"))
        let empty = try html([])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("standard input: documents: 0; clusters of two or more: 0; alone: 0."))
        #expect(isWellFormed(empty.stdout))
    }
}
