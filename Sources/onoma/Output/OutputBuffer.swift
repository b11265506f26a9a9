#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output: data, one write(2) per 64 KB; to a terminal, every
/// completed line at once (as the C library buffers).
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let descriptor: Int32
    private let flushesLines: Bool
    private static let flushSize = 1 << 16

    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        flushesLines = isatty(descriptor) != 0
        bytes.reserveCapacity(Self.flushSize * 2)
    }

    deinit { flush() }

    func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfDue()
    }

    func write(_ text: Substring) {
        bytes.append(contentsOf: text.utf8)
        flushIfDue()
    }

    /// Writes a literal piece of a line (one copy of its bytes).
    func write(literal text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        flushIfDue()
    }

    /// Writes `text` as `JSONText.quoted(text)`, without making that string when nothing in
    /// `text` needs escaping (ids, mostly): writing a dedupe result line through string
    /// interpolation cost several thousand instructions.
    func write(jsonQuoted text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: JSONText.needsEscape) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { bytes.append(contentsOf: JSONText.quoted(text).utf8) }
        flushIfDue()
    }

    private func flushIfDue() {
        if bytes.count >= Self.flushSize || flushesLines && bytes.last == UInt8(ascii: "\n") { flush() }
    }

    /// Writes everything buffered. A closed pipe (EPIPE, e.g. `| head`) ends the process quietly.
    func flush() {
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    StandardError.write("onoma: error: cannot write output: \(String(cString: strerror(errno)))\n")
                    exit(1)
                }
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Unbuffered writes to standard error: diagnostics and progress.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
