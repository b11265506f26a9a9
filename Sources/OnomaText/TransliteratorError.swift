import Foundation

/// A transform id or rule set that ICU could not open.
///
/// For an unknown id the description lists the closest valid ids:
///
///     error: unknown transform id 'Russian-Latn/BGN'; closest: Russian-Latin/BGN, ...
public struct TransliteratorError: Error, CustomStringConvertible, Sendable {
    public let id: String
    public let rules: String?
    /// The ICU status code.
    public let status: Int32
    /// For rules: the UTF-16 offset of the parse error, or -1.
    public let errorOffset: Int

    public var description: String {
        if let rules {
            var message = "cannot compile transliteration rules '\(id)' (ICU status \(status))"
            if errorOffset >= 0 {
                let units = Array(rules.utf16)
                let at = min(errorOffset, units.count)
                let context = String(decoding: units[at..<min(at + 20, units.count)], as: UTF16.self)
                message += " at offset \(errorOffset): '\(context)'"
            }
            return message
        }
        let parts = id.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let known = Set(Transliterator.availableIDs.map { $0.lowercased() })
        let unknown = parts.first { part in
            !Self.isKnown(Self.stripFilter(part), in: known)
        } ?? id
        let closest = Transliterator.closestIDs(to: Self.stripFilter(unknown), count: 5)
        return "unknown transform id '\(unknown)'; closest: \(closest.joined(separator: ", ")) ('onoma translit --list' shows all)"
    }

    /// Whether ICU knows one compound step (lowercased ids in `known`). A step without a source
    /// ("NFD", "Lower", "Latin", "Hex/C") is Any-<target>; an empty one was only a filter or an
    /// inverse.
    private static func isKnown(_ step: String, in known: Set<String>) -> Bool {
        let step = step.lowercased()
        return step.isEmpty || known.contains(step) || (!step.contains("-") && known.contains("any-" + step))
    }

    /// Removes a leading `[set]` filter and a trailing `(inverse)` from one compound step.
    private static func stripFilter(_ part: String) -> String {
        var step = Substring(part)
        if step.hasPrefix("["), let close = step.lastIndex(of: "]") { step = step[step.index(after: close)...] }
        if let paren = step.firstIndex(of: "(") { step = step[..<paren] }
        return step.trimmingCharacters(in: .whitespaces)
    }
}
