import Foundation

/// Command-line options of onoma-bench.
struct Options {
    /// Size to repeat the input text to, in MB (10^6 bytes); nil keeps an `--input` file as is.
    var megabytes: Double?
    /// A text file to benchmark instead of the built-in corpora.
    var input: String?
    /// Language for `Transliterator.toLatin(lang:)` on an `--input` file.
    var lang: String?
    /// Timed runs per stage after one warm-up; the best is reported.
    var repeats = 3
    /// Size of the slice the uncached ICU transform runs on, in MB.
    var sliceMegabytes = 1.0
    /// Run the canonicalizer benchmark instead (issue 3): canon throughput and lexicon load.
    var canon = false
    /// Forms in the lexicon canon runs with, and in the lexicon whose load is timed.
    var canonForms = 100_000
    var loadForms = [100_000, 1_000_000]

    static let usage = """
        usage: onoma-bench [--mb N] [--input FILE [--lang TAG]] [--repeat K] [--slice-mb N]
               onoma-bench --canon [--mb N] [--forms N] [--load-forms N,M,...] [--repeat K]
          --mb N        repeat the text to at least N MB (default 20; an --input file is used as is)
          --input FILE  benchmark this UTF-8 text instead of Corpus/ and the non-Latin text
          --lang TAG    language for the transliteration of --input (default: none, Any-Latin)
          --repeat K    best of K timed runs after one warm-up (default 3)
          --slice-mb N  size of the slice for the uncached ICU transform (default 1)
          --canon       canonicalize English news with a large lexicon, beside tokenizing alone,
                        and time loading lexicon files of --load-forms forms
          --forms N     forms in the canon lexicon (default 100000: generated names + Lexicons/)
          --load-forms N,M,...  forms in the lexicons whose load is timed (default 100000,1000000)
        Run from the package root (Corpus/ and ../shared/dev/ are looked up there).
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let next = rest.popFirst() else { fail("\(flag) needs a value") }
            return next
        }
        func number(_ flag: String) -> Double {
            guard let n = Double(value(flag)), n > 0 else { fail("\(flag) needs a positive number") }
            return n
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--mb": options.megabytes = number(flag)
            case "--input": options.input = value(flag)
            case "--lang": options.lang = value(flag)
            case "--repeat": options.repeats = Int(number(flag).rounded(.up))
            case "--slice-mb": options.sliceMegabytes = number(flag)
            case "--canon": options.canon = true
            case "--forms": options.canonForms = Int(number(flag))
            case "--load-forms":
                options.loadForms = value(flag).split(separator: ",").map { part in
                    guard let count = Int(part) else { fail("--load-forms: not a number: \(part)") }
                    return count
                }
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown option \(flag)")
            }
        }
        return options
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("onoma-bench: \(message)\n\(Options.usage)\n".utf8))
    exit(2)
}
