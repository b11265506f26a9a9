import Foundation
import OnomaText
import Testing
@testable import OnomaDedupe

@Suite struct SignatureLineFormatTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped Corpus/ articles, an empty text and a one-word text.
    private func corpusSignatures() throws -> [DocumentSignature] {
        let signer = try Signer(parameters: DedupeParameters())
        let corpus = Self.packageRoot.appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 5)
        let texts = try files.map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
        return zip(files, texts).map { signer.signature(id: $0, text: $1, lang: nil, date: "2024-12-2\($0.prefix(3).last!)") }
            + [signer.signature(id: "empty", text: "", lang: "en", date: nil), signer.signature(id: "word", text: "Київ", lang: "uk", date: nil)]
    }

    @Test func recordsReadBackAsTheSignaturesTheyWereMadeFrom() throws {
        let format = try SignatureLineFormat(parameters: DedupeParameters(), lexiconDigest: "none")
        for signature in try corpusSignatures() {
            let line = format.line(.signature(signature))
            #expect(!line.contains("\n"))
            #expect(try format.record(line).get() == .signature(signature))
        }
    }

    @Test func errorRecordsKeepTheIdThePlaceAndTheMessage() throws {
        let format = try SignatureLineFormat(parameters: DedupeParameters(), lexiconDigest: "none")
        let error = SigningError(id: "b", diagnostic: Diagnostic(.error, "missing \"text\"", path: "-", line: 3))
        #expect(format.line(.error(error)) == #"{"error":"missing \"text\"","id":"b","line":3,"path":"-"}"#)
        #expect(try format.record(format.line(.error(error))).get() == .error(error))
        // Invalid JSON has a column and no id.
        let syntax = SigningError(id: nil, diagnostic: Diagnostic(.error, "invalid JSON", path: "a.jsonl", line: 4, column: 2))
        #expect(try format.record(format.line(.error(syntax))).get() == .error(syntax))
    }

    @Test func recordsMadeWithOtherOptionsAreRefusedWithTheDifference() throws {
        var other = DedupeParameters()
        other.permutations = 64
        let signer = try Signer(parameters: other)
        let line = try SignatureLineFormat(parameters: other, lexiconDigest: "none")
            .line(.signature(signer.signature(id: "a", text: "Kyiv and Kharkiv", lang: "en", date: nil)))
        let result = try SignatureLineFormat(parameters: DedupeParameters(), lexiconDigest: "none").record(line)
        guard case .failure(.otherSettings(let message)) = result else { Issue.record("accepted \(result)"); return }
        #expect(message == "the signature was made with permutations 64, not 128, and bands 21, not 32, and rows 3, not 4; sign and cluster with the same options")
    }

    @Test func linesThatAreNotRecordsSayWhatIsMissing() throws {
        let format = try SignatureLineFormat(parameters: DedupeParameters(), lexiconDigest: "none")
        #expect(format.record("{\"id\":").failureDescription == "not a signature record: invalid JSON")
        #expect(format.record(#"{"id":"a"}"#).failureDescription
            == #"not a signature record: it needs "id", "length", "minhash", "bands", "fingerprint" and "settings" (or "error")"#)
        let good = format.line(.signature(try corpusSignatures()[0]))
        // A cut MinHash, a cut band key.
        #expect(format.record(good.replacingOccurrences(of: #""minhash":""#, with: #""minhash":"AAAA"#)).failureDescription
            == "\"minhash\" must be base64 of 128 8-byte values")
        #expect(format.record(good.replacingOccurrences(of: #""bands":[""#, with: #""bands":["x"#)).failureDescription
            == "\"bands\" must be 32 keys of 16 hexadecimal digits")
    }
}

extension Result where Failure == SignatureLineFormat.Problem {
    var failureDescription: String? {
        if case .failure(let problem) = self { return problem.description }
        return nil
    }
}
