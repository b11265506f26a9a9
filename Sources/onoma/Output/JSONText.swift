/// JSON string literals for hand-written JSONL output (faster than JSONEncoder per token).
enum JSONText {
    /// `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
    static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: needsEscape) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a byte of a string's UTF-8 is escaped in JSON: a quote, a backslash or a
    /// control character.
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// An optional string as JSON: quoted, or `null`.
    static func quoted(_ text: String?) -> String {
        text.map(quoted) ?? "null"
    }
}

/// Escaping for TSV fields: tab, newline, carriage return and backslash become \t \n \r \\.
enum TSVText {
    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }
}
