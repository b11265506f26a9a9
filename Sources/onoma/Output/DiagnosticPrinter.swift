import ArgumentParser
import OnomaText

/// Prints diagnostics to standard error as `path:line:column: severity: message` and counts errors.
final class DiagnosticPrinter {
    private(set) var errorCount = 0

    func print(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        StandardError.write(diagnostic.description + "\n")
    }

    /// Exit status 1 when any error was printed.
    func finish() throws {
        if errorCount > 0 { throw ExitCode.failure }
    }
}
