import Foundation

/// The fields of one JSONL document line: `{"id", "text", "lang"?, "date"?}`; other keys are
/// ignored. A numeric id is accepted and kept as its decimal text.
struct JSONLDocument: Decodable {
    struct Problem: Error {
        let message: String
        /// 1-based column in Unicode scalars, when the parser names a place.
        var column: Int? = nil
    }

    let id: String
    let text: Document.Body
    let lang: String?
    let date: String?

    enum Key: String, CodingKey {
        case id, text, lang, date
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.contains(.id) else { throw Problem(message: "missing \"id\"") }
        if let number = try? container.decode(Int.self, forKey: .id) {
            id = String(number)
        } else if let string = try? container.decode(String.self, forKey: .id) {
            id = string
        } else {
            throw Problem(message: "\"id\" must be a string or an integer")
        }
        guard container.contains(.text) else { throw Problem(message: "missing \"text\"") }
        guard let text = try? container.decode(String.self, forKey: .text) else {
            throw Problem(message: "\"text\" must be a string")
        }
        self.text = .string(text)
        lang = try Self.optionalString(container, .lang)
        date = try Self.optionalString(container, .date)
    }

    private static func optionalString(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> String? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        guard let value = try? container.decode(String.self, forKey: key) else {
            throw Problem(message: "\"\(key.rawValue)\" must be a string")
        }
        return value
    }

    /// Decodes one line, turning decoder errors into short messages.
    static func parse(_ line: Data) -> Result<JSONLDocument, Problem> {
        if let document = line.withUnsafeBytes(scan) { return .success(document) }
        do {
            return .success(try JSONDecoder().decode(JSONLDocument.self, from: line))
        } catch let problem as Problem {
            return .failure(problem)
        } catch DecodingError.typeMismatch(_, _) {
            return .failure(Problem(message: "expected a JSON object with \"id\" and \"text\""))
        } catch DecodingError.dataCorrupted(_) {
            return .failure(syntaxProblem(line))
        } catch {
            return .failure(Problem(message: "invalid JSON: \(error)"))
        }
    }

    /// JSONDecoder does not say where the syntax breaks; JSONSerialization does ("around
    /// character 9"), so ask it and turn the byte offset into a column.
    private static func syntaxProblem(_ line: Data) -> Problem {
        do {
            _ = try JSONSerialization.jsonObject(with: line)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            let reason = detail.split(separator: " around").first.map { $0.lowercased() } ?? ""
            var column: Int? = nil
            if let range = detail.range(of: "character "),
               let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)) {
                column = String(decoding: line.prefix(offset), as: UTF8.self).unicodeScalars.count + 1
            } else if detail.contains("end of file") {
                column = String(decoding: line, as: UTF8.self).unicodeScalars.count + 1
            }
            let message = reason.isEmpty ? "invalid JSON" : "invalid JSON: " + reason.trimmingCharacters(in: .punctuationCharacters)
            return Problem(message: message, column: column)
        }
        return Problem(message: "invalid JSON")
    }
}
