import ArgumentParser
import Foundation

/// `--jobs`: how many threads process the input.
struct JobOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: """
        Threads that process the input (default: one per core; 1 when standard input is a \
        terminal, so that each result comes as soon as its line is typed). The output is the \
        same for any number.
        """)
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The number of threads for `inputs` (paths, "-" for standard input; none is standard
    /// input): --jobs, else 1 when a person types the input, else the number of active cores.
    /// Several threads work in blocks, which would hold back the answer to a typed line.
    func count(for inputs: [String]) -> Int {
        count(typed: (inputs.isEmpty || inputs.contains("-")) && isatty(0) != 0)
    }

    /// The number of threads: --jobs, else 1 for `typed` input, else the number of active cores.
    func count(typed: Bool) -> Int {
        jobs ?? (typed ? 1 : ProcessInfo.processInfo.activeProcessorCount)
    }
}
