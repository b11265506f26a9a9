import ArgumentParser
import OnomaText

extension InputOptions {
    /// Reads every document on the calling thread, maps it with `map` on `jobs` threads, and
    /// hands each document and its result to `body` in input order, with the reader's
    /// diagnostics printed in their place among them.
    ///
    /// Each thread has a worker of its own from `makeWorker` (tokenizers and canonicalizers are
    /// not thread-safe). Documents are mapped in blocks of at most 64 per thread or 16 MB of
    /// text, so memory stays bounded; with one job each document is mapped as it is read.
    /// Documents read before a `--strict` stop still reach `body`.
    func forEachDocument<Worker, Result>(_ printer: DiagnosticPrinter, jobs: Int, workers makeWorker: () throws -> Worker,
                                         map: @escaping @Sendable (Worker, Document) -> Result, _ body: (Document, Result) throws -> Void) throws {
        guard jobs > 1 else {
            let worker = try makeWorker()
            return try forEachDocument(printer) { try body($0, map(worker, $0)) }
        }
        let parallel = try ParallelMap(jobs: jobs, workers: makeWorker, map)
        // The block: documents and diagnostics in input order, and its documents apart.
        var items: [DocumentReader.Item] = [], documents: [Document] = [], bytes = 0
        func flush() throws {
            let results = parallel(documents)
            var next = 0
            for item in items {
                switch item {
                case .document(let document):
                    try body(document, results[next])
                    next += 1
                case .diagnostic(let diagnostic):
                    printer.print(diagnostic)
                }
            }
            items.removeAll(keepingCapacity: true)
            documents.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try reader.read { item in
            items.append(item)
            switch item {
            case .document(let document):
                documents.append(document)
                bytes += document.text.utf8.count
                if documents.count >= parallel.blockSize || bytes >= 1 << 24 { try flush() }
            case .diagnostic(let diagnostic):
                if strict && diagnostic.severity == .error {
                    try flush()
                    throw ExitCode.failure
                }
            }
        }
        try flush()
    }
}
