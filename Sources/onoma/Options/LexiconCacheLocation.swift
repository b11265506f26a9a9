import Foundation
import OnomaLexicon

extension LexiconCache {
    /// The environment variable that moves the cache, or turns it off with "off".
    static let directoryVariable = "ONOMA_CACHE_DIR"

    /// The cache this program uses: `$ONOMA_CACHE_DIR`, else `$XDG_CACHE_HOME/onoma`, else
    /// `~/.cache/onoma` (an empty variable counts as unset); none (a cache without directory)
    /// when `ONOMA_CACHE_DIR` is "off" or no directory is known. Entries are tied to this
    /// executable's path, size, modification time and inode, so a rebuilt program never reads
    /// an index made by the one before.
    static func ofThisProgram() -> LexiconCache {
        let environment = ProcessInfo.processInfo.environment
        let directory: String?
        if let chosen = environment[directoryVariable], !chosen.isEmpty {
            directory = chosen == "off" ? nil : chosen
        } else if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            directory = base + "/onoma"
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = home + "/.cache/onoma"
        } else {
            directory = nil
        }
        guard let executable = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date,
              let inode = attributes[.systemFileNumber] as? NSNumber else { return LexiconCache(directory: nil, build: "") }
        return LexiconCache(directory: directory, build: "\(executable)\t\(size)\t\(modified.timeIntervalSince1970)\t\(inode)")
    }
}
