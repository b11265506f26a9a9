import Foundation
import OnomaText

/// Progress of `onoma dedupe` on standard error, one line rewritten in place: documents
/// signed, documents per second, and the time left estimated from the input bytes read
/// (unknown for standard input).
final class DedupeProgress {
    private let start = Date()
    private let totalBytes: Int?
    private var bytes = 0
    private var documents = 0
    private var shown = Date()

    init(inputs: [String]) {
        var total = 0
        for input in inputs.isEmpty ? ["-"] : inputs {
            if input == "-" { totalBytes = nil; return }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let files = FileManager.default.enumerator(atPath: input)?.compactMap { $0 as? String } ?? []
                for file in files { total += Self.size(of: (input as NSString).appendingPathComponent(file)) }
            } else {
                total += Self.size(of: input)
            }
        }
        totalBytes = total
    }

    func signed(_ document: Document) {
        documents += 1
        // A JSON line carries its id, text, language, date and some syntax.
        bytes += document.utf8Count + document.id.utf8.count + (document.lang?.utf8.count ?? 0) + (document.date?.utf8.count ?? 0) + 30
        let now = Date()
        guard now.timeIntervalSince(shown) >= 0.25 else { return }
        shown = now
        let rate = Double(documents) / max(now.timeIntervalSince(start), 0.001)
        var line = "dedupe: \(documents) documents, \(Int(rate)) documents/s"
        if let totalBytes, totalBytes > bytes, bytes > 0 {
            let left = now.timeIntervalSince(start) * Double(totalBytes - bytes) / Double(bytes)
            line += ", ETA \(Int(left) / 60):\(String(format: "%02d", Int(left) % 60))"
        }
        StandardError.write("\r\u{1B}[K" + line)
    }

    func matching(_ count: Int, against path: String) {
        StandardError.write("\r\u{1B}[Kdedupe: matching \(count) documents against \(path) and adding them")
    }

    func finish() {
        StandardError.write("\r\u{1B}[K")
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
