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
        let parallel = try ParallelMap(jobs: jobs, workers: makeWorker, map)
        var block = OrderedBlock(parallel, events: Diagnostic.self, byteLimit: 1 << 24)
        func flush() throws {
            try block.flush(body, event: { printer.print($0) })
        }
        try reader.read { item in
            switch item {
            case .document(let document):
                block.append(document, bytes: document.utf8Count)
                if block.isFull { try flush() }
            case .diagnostic(let diagnostic):
                block.append(event: diagnostic)
                if strict && diagnostic.severity == .error {
                    try flush()
                    throw ExitCode.failure
                }
            }
        }
        try flush()
    }
}
