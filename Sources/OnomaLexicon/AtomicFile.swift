#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once: a reader, or a process killed half-way, sees the old
/// bytes or the new ones, never a mix.
///
///     try AtomicFile.replace("Lexicons/people.tsv", with: Array(text.utf8))
///
/// The bytes go to a temporary file in the same directory, which is flushed to disk (`fsync`),
/// given the old file's permissions and renamed over it (`rename` is atomic within a file
/// system); then the directory is flushed so the rename itself survives a crash.
public enum AtomicFile {
    /// A system call that failed, with the path it was working on.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let operation: String
        public let code: Int32

        public var description: String { "\(path): cannot \(operation): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to `path` atomically (see the type's description). A missing file is created
    /// with mode 0644.
    public static func replace(_ path: String, with bytes: [UInt8]) throws {
        let directory = Self.directory(of: path)
        var template = Array("\(directory)/.\(Self.fileName(of: path)).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, operation: "create a temporary file in \(directory)", code: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(descriptor, bytes, path: temporary)
            var status = stat()
            let mode: mode_t = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
            guard fchmod(descriptor, mode) == 0 else { throw Failure(path: temporary, operation: "set permissions", code: errno) }
            guard fsync(descriptor) == 0 else { throw Failure(path: temporary, operation: "flush to disk", code: errno) }
        }
        guard rename(temporary, path) == 0 else { throw Failure(path: path, operation: "rename \(temporary) over it", code: errno) }
        renamed = true
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
        guard directoryDescriptor >= 0 else { throw Failure(path: directory, operation: "open the directory", code: errno) }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw Failure(path: directory, operation: "flush the directory", code: errno) }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, operation: "write", code: errno)
                }
                offset += written
            }
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
