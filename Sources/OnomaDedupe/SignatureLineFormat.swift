import Foundation
import OnomaText

/// The JSONL form of signature records, one JSON object per line with sorted keys:
///
///     {"bands":["0c1f…",…],"date":"2024-12-29","fingerprint":{"entities":["Q3874799"],"names":[…],"numbers":["3000"]},
///      "id":"a","lang":"en","length":1207,"minhash":"<base64>","settings":"format=2 seed=1 shingle_size=5 …"}
///     {"error":"missing \"text\"","id":"b","line":7,"path":"-"}
///
/// `bands` are the LSH band keys as 16 hexadecimal digits; `minhash` is the MinHash signature as
/// base64 of 8-byte little-endian values; `settings` names everything that makes two signatures
/// comparable (the format version, seed, shingle size, permutations, banding and lexicon), so
/// that records made with other options are refused instead of clustered wrongly. An error
/// record has `error`, `path`, `line`, maybe `column`, and `id` when the line still had one.
/// The same record always gives the same bytes.
public struct SignatureLineFormat {
    /// The `settings` value of every record made with these options.
    public let settings: String
    private let expected: [IndexSetting]
    private let permutations: Int
    private let bands: Int
    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()
    static let version = "2"

    public init(parameters: DedupeParameters, lexiconDigest: String) throws(DedupeError) {
        let lsh = try parameters.lsh()
        expected = [IndexSetting(key: "format", value: Self.version)]
            + IndexSetting.settings(parameters: parameters, lsh: lsh, lexiconDigest: lexiconDigest)
        settings = expected.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        permutations = parameters.permutations
        bands = lsh.bands
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// The record as one line of JSON, without the line break.
    public func line(_ record: SignatureRecord) -> String {
        var fields = Fields()
        switch record {
        case .signature(let signature):
            fields.id = signature.id
            fields.lang = signature.lang
            fields.date = signature.date
            fields.length = signature.length
            fields.bands = signature.bandKeys.map(Self.hex)
            fields.minhash = Self.base64(signature.minHash)
            fields.fingerprint = signature.fingerprint
            fields.settings = settings
        case .error(let error):
            fields.id = error.id
            fields.error = error.diagnostic.message
            fields.path = error.diagnostic.path
            fields.line = error.diagnostic.line
            fields.column = error.diagnostic.column
        }
        // Encoding strings, integers and arrays of them cannot fail.
        return String(decoding: try! encoder.encode(fields), as: UTF8.self)
    }

    /// What is wrong with a line that is not a signature record.
    public enum Problem: Error, CustomStringConvertible {
        /// Not a record: invalid JSON, missing or malformed fields.
        case malformed(String)
        /// A record made with other options, so not comparable with those of these options.
        case otherSettings(String)

        public var description: String {
            switch self {
            case .malformed(let message), .otherSettings(let message): message
            }
        }
    }

    /// The record on one line, or what is wrong with it.
    public func record(_ line: String) -> Result<SignatureRecord, Problem> {
        let fields: Fields
        do { fields = try decoder.decode(Fields.self, from: Data(line.utf8)) } catch {
            return .failure(.malformed("not a signature record: invalid JSON"))
        }
        if let message = fields.error {
            let diagnostic = Diagnostic(.error, message, path: fields.path ?? "-", line: fields.line, column: fields.column)
            return .success(.error(SigningError(id: fields.id, diagnostic: diagnostic)))
        }
        guard let id = fields.id, let length = fields.length, let minhash = fields.minhash, let bands = fields.bands,
              let fingerprint = fields.fingerprint, let settings = fields.settings else {
            return .failure(.malformed("not a signature record: it needs \"id\", \"length\", \"minhash\", \"bands\", \"fingerprint\" and \"settings\" (or \"error\")"))
        }
        if settings != self.settings {
            let made = Dictionary(settings.split(separator: " ").map { field in
                let parts = field.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { first, _ in first })
            let differences = IndexSetting.differences(made, expected)
            guard differences.isEmpty else {
                return .failure(.otherSettings("the signature was made with \(differences.joined(separator: ", and ")); sign and cluster with the same options"))
            }
        }
        guard let values = Self.values(base64: minhash), values.count == permutations else {
            return .failure(.malformed("\"minhash\" must be base64 of \(permutations) 8-byte values"))
        }
        let keys = bands.compactMap { $0.utf8.count == 16 ? UInt64($0, radix: 16) : nil }
        guard keys.count == bands.count, keys.isEmpty || keys.count == self.bands else {
            return .failure(.malformed("\"bands\" must be \(self.bands) keys of 16 hexadecimal digits"))
        }
        return .success(.signature(DocumentSignature(id: id, lang: fields.lang, date: fields.date, length: length,
                                                     minHash: values, bandKeys: keys, fingerprint: fingerprint)))
    }

    private struct Fields: Codable {
        var id: String?
        var lang: String?
        var date: String?
        var length: Int?
        var bands: [String]?
        var minhash: String?
        var fingerprint: Fingerprint?
        var settings: String?
        var error: String?
        var path: String?
        var line: Int?
        var column: Int?
    }

    private static func hex(_ key: UInt64) -> String {
        let digits = String(key, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func base64(_ values: [UInt64]) -> String {
        var data = Data(capacity: values.count * 8)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data.base64EncodedString()
    }

    private static func values(base64: String) -> [UInt64]? {
        guard let data = Data(base64Encoded: base64), data.count % 8 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << UInt64(8 * $1) }
        }
    }
}
