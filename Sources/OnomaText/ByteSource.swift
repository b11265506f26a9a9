#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in chunks, whole or line by line, with POSIX read(2).
final class ByteSource {
    /// An I/O failure, with the path and the system's reason.
    struct Failure: Error {
        let path: String
        let reason: String
    }

    let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes consumed before `buffer`, so lines can report file offsets.
    private(set) var offsetOfBuffer = 0

    private static let chunkSize = 1 << 20

    /// Opens `path`; "-" is standard input.
    init(path: String) throws(Failure) {
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw Failure(path: path, reason: Self.reason(errno)) }
            descriptor = fd
            ownsDescriptor = true
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Everything left in the source.
    func readAll() throws(Failure) -> [UInt8] {
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            buffer.reserveCapacity(Int(info.st_size) + Self.chunkSize)
        }
        while try fill() {}
        if position > 0 { buffer.removeFirst(position) }
        offsetOfBuffer += position
        position = 0
        defer { offsetOfBuffer += buffer.count; buffer = [] }
        return buffer
    }

    /// The first byte that is not ASCII whitespace, without consuming anything; nil when empty.
    func peekFirstNonSpace() throws(Failure) -> UInt8? {
        while true {
            if let byte = buffer[position...].first(where: { !Self.isSpace($0) }) { return byte }
            guard try fill() else { return nil }
        }
    }

    /// The next line without its "\n" (and "\r"), with the file offset of its first byte; nil at
    /// the end. A last line without "\n" counts.
    func nextLine() throws(Failure) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        var searchFrom = position
        while true {
            if let newline = Self.firstNewline(in: buffer, from: searchFrom) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = (buffer[position..<end], offsetOfBuffer + position)
                position = newline + 1
                return line
            }
            searchFrom = buffer.count
            let consumed = position
            guard try fill() else {
                guard position < buffer.count else { return nil }
                let line = (buffer[position...], offsetOfBuffer + position)
                position = buffer.count
                return line
            }
            searchFrom -= consumed
        }
    }

    /// Reads one more chunk, dropping consumed bytes first; false at the end of input.
    private func fill() throws(Failure) -> Bool {
        if atEnd { return false }
        if position > 0 {
            buffer.removeFirst(position)
            offsetOfBuffer += position
            position = 0
        }
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + Self.chunkSize)
        var readCount = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        buffer.withUnsafeMutableBytes { raw in
            while true {
                let n = read(descriptor, raw.baseAddress! + oldCount, Self.chunkSize)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno } else { readCount = n }
                break
            }
        }
        buffer.removeLast(Self.chunkSize - readCount)
        if failure != 0 { throw Failure(path: path, reason: Self.reason(failure)) }
        if readCount == 0 { atEnd = true }
        return readCount > 0
    }

    /// The offset of the first "\n" in `bytes` at or after `start`: `memchr`, many bytes at a
    /// time (`firstIndex(of:)` took about five instructions a byte, 2% of `onoma dedupe`).
    private static func firstNewline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBytes { bytes in
            guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return nil }
            return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
