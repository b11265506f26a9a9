import OnomaDedupe
import OnomaLexicon
import OnomaText

/// `onoma dedupe --format html`: one self-contained page (inline CSS, no scripts, nothing
/// fetched) with each cluster's members side by side, the passages they share shaded, shared
/// entities and numbers marked, and every text escaped.
enum DedupeHTMLReport {
    /// Builds the report of `documents` (in the order of `clustering`'s assignments) and writes
    /// the page; `index` is the lexicon the clustering used, to mark entities.
    static func write(_ documents: [Document], _ clustering: Clustering, index: LexiconIndex?, inputs: [String], to output: OutputBuffer) throws {
        let report = try ClusterReportBuilder(index: index).report(documents, clustering)
        output.write(render(report, inputs: inputs))
    }

    /// The page for `report`; `inputs` name what was read, for the title.
    static func render(_ report: DedupeReport, inputs: [String]) -> String {
        let source = inputs.isEmpty ? "standard input" : inputs.joined(separator: " ")
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>onoma dedupe: \(escaped(source))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>onoma dedupe</h1>
            <p>\(escaped(source)): documents: \(report.documentCount); clusters of two or more: \(report.clusters.count); alone: \(report.singletons.count).</p>
            <p class="legend"><span class="passage">passage another member shares</span> <mark class="entity">shared entity</mark> <mark class="number">shared number</mark> <span class="badge">representative</span></p>
            </header>
            <main>

            """
        if report.clusters.isEmpty {
            html += "<p class=\"empty\">No cluster has two documents or more.</p>\n"
        }
        for (number, cluster) in report.clusters.enumerated() {
            html += section(cluster, number: number + 1)
        }
        if !report.singletons.isEmpty {
            html += "<details class=\"singletons\"><summary>Alone in their cluster: \(report.singletons.count)</summary>\n<ul>\n"
            for id in report.singletons { html += "<li>\(escaped(id))</li>\n" }
            html += "</ul>\n</details>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    private static func section(_ cluster: ClusterReport, number: Int) -> String {
        var html = "<section class=\"cluster\" id=\"cluster-\(number)\">\n"
        html += "<h2>\(number). \(escaped(cluster.cluster)) <small>members: \(cluster.members.count)</small></h2>\n"
        if !cluster.sharedEntities.isEmpty {
            html += "<p class=\"shared\">"
            for entity in cluster.sharedEntities {
                let name = entity.canonical.map { "\(escaped($0)) <small>\(escaped(entity.key))</small>" } ?? escaped(entity.key)
                html += "<mark class=\"\(entity.isNumber ? "number" : "entity")\">\(name) <small>×\(entity.memberCount)</small></mark> "
            }
            html += "</p>\n"
        }
        if !cluster.links.isEmpty {
            html += "<details><summary>links: \(cluster.links.count)</summary>\n<table>\n<tr><th>a</th><th>b</th><th>relation</th><th>similarity</th></tr>\n"
            let members = Set(cluster.members.map(\.id))
            func name(_ id: String) -> String { escaped(id) + (members.contains(id) ? "" : " <small>(an earlier batch)</small>") }
            for link in cluster.links {
                html += "<tr><td>\(name(link.a))</td><td>\(name(link.b))</td><td>\(link.relation.rawValue)</td><td>\(ScoreText.format(link.similarity))</td></tr>\n"
            }
            html += "</table>\n</details>\n"
        }
        html += "<div class=\"members\">\n"
        for member in cluster.members {
            let meta = [member.lang, member.date].compactMap { $0 }.map(escaped).joined(separator: " · ")
            html += "<article><h3>\(escaped(member.id))\(member.isRepresentative ? " <span class=\"badge\">representative</span>" : "")</h3>\n"
            html += "<p class=\"meta\">\(meta)</p>\n<div class=\"text\">\(marked(member))</div>\n</article>\n"
        }
        return html + "</div>\n</section>\n"
    }

    /// The member's text, escaped, with its highlights: the text is cut at every highlight
    /// boundary and each piece gets the marks that cover it.
    private static func marked(_ member: ReportMember) -> String {
        let bytes = Array(member.text.utf8)
        let passages = member.highlights.filter { $0.kind == .passage }.map(\.range)
        let marks = member.highlights.filter { $0.kind != .passage }
        var cuts = Set([0, bytes.count])
        for highlight in member.highlights { cuts.formUnion([highlight.range.lowerBound, highlight.range.upperBound]) }
        let boundaries = cuts.sorted()
        var html = ""
        var passage = 0, mark = 0
        for (start, end) in zip(boundaries, boundaries.dropFirst()) {
            while passage < passages.count, passages[passage].upperBound <= start { passage += 1 }
            while mark < marks.count, marks[mark].range.upperBound <= start { mark += 1 }
            var piece = escaped(String(decoding: bytes[start..<end], as: UTF8.self))
            if mark < marks.count, marks[mark].range.lowerBound <= start {
                switch marks[mark].kind {
                case .entity(let id, let canonical):
                    piece = "<mark class=\"entity\" title=\"\(escaped(canonical.map { "\($0) (\(id))" } ?? id))\">\(piece)</mark>"
                case .number(let value):
                    piece = "<mark class=\"number\" title=\"\(escaped(value))\">\(piece)</mark>"
                case .passage:
                    break
                }
            }
            if passage < passages.count, passages[passage].lowerBound <= start {
                piece = "<span class=\"passage\">\(piece)</span>"
            }
            html += piece
        }
        return html
    }

    /// `text` safe inside HTML elements and quoted attributes; NUL, which HTML forbids, becomes U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let style = """
        body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header,main{padding:0 1.5rem}
        h1{margin:.8rem 0 .2rem}
        h2{font-size:1.1rem;margin:1.2rem 0 .4rem;word-break:break-all}
        h2 small,h3 small{font-weight:normal;color:#666}
        h3{font-size:.95rem;margin:0 0 .2rem;word-break:break-all}
        .cluster{border-top:2px solid #ccc;padding-bottom:1rem}
        .members{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(24rem,1fr);gap:.8rem;overflow-x:auto}
        article{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.6rem .8rem}
        .meta{color:#666;font-size:.85rem;margin:0 0 .4rem}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:36rem;overflow-y:auto}
        .passage{background:#fff3b0}
        mark.entity{background:#cfe3ff;border-bottom:2px solid #3b7dd8}
        mark.number{background:#d4f5d4;border-bottom:2px solid #3a9a3a}
        mark small{color:#555}
        .badge{font-size:.75rem;font-weight:normal;background:#444;color:#fff;border-radius:3px;padding:0 .3rem}
        .shared mark{display:inline-block;margin:0 .2rem .2rem 0;padding:0 .3rem;border-radius:3px}
        table{border-collapse:collapse;font-size:.85rem;margin:.3rem 0}
        td,th{border:1px solid #ddd;padding:.1rem .4rem;text-align:left}
        .empty{color:#666}
        """
}
