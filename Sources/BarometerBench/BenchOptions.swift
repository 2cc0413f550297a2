import Foundation

/// The command line of `barometer-bench`, parsed by hand (the harness depends on the engine's
/// modules only).
struct BenchOptions: Equatable {
    var rows = 1_000_000
    var repetitions = 5
    var seed = SyntheticSurvey.defaultSeed
    var json = false
    var operations: [BenchOperation] = BenchOperation.defaultOrder
    /// Run every operation in this process instead of one child process per operation.
    var inProcess = false
    /// Time a file instead of generated data: load it, then compute on it.
    var dataPath: String?
    /// Write the generated data to this file (CSV, or any format DatasetWriter knows) and stop.
    var writePath: String?
    /// Folder for the CSV and .sav files of the load operations.
    var filesDirectory: String?
    /// Keep the files written for the load operations.
    var keepFiles = false
    /// Folder to write the JSON result of every engine operation into (for checking numbers).
    var resultsDirectory: String?
    /// Internal: run one operation and print its measurement as one JSON line.
    var child: BenchOperation?
    /// Internal: generate the data, write the files of the load operations into this folder and
    /// print what was written as one JSON line.
    var prepareDirectory: String?
    /// Time the building blocks of an analysis instead (CategoryIndex, DomainIndex, ...).
    var steps = false
    var help = false

    static let usage = """
        USAGE: barometer-bench [--rows N] [--repeat N] [--json] [--only OPS] [--in-process]
                               [--seed N] [--files DIR] [--keep-files]
               barometer-bench --data FILE [--only OPS] [--repeat N] [--results DIR] [--json]
               barometer-bench --write-csv FILE [--rows N] [--seed N]
               barometer-bench --steps [--rows N] [--repeat N]

        Times Barometer's engine on deterministic stratified cluster-sample data (50 strata, about
        1,000 PSUs, weights, an answer q with 1-5 and 98, 6 age groups, 200 districts, raking
        variables, income): the design build, proportions, proportions by age group, a crosstab
        with the Rao-Scott F test, the mean of income by 200 districts and by 1 domain, raking to
        4 margins, and loading the same data from CSV and .sav. Prints a table (or JSON) of the
        median seconds of the repetitions and the peak memory of each operation.

        OPTIONS:
          --rows N          respondents to generate (default 1000000; at least 1000)
          --repeat N        repetitions of each operation; the median is reported (default 5)
          --json            print JSON instead of the table
          --only OPS        operations, comma-separated (default all):
                            \(BenchOperation.allCases.map(\.rawValue).joined(separator: ","))
          --in-process      run every operation in this process (default: each in a child
                            process of its own, so its peak memory is its own)
          --seed N          seed of the generator (default \(SyntheticSurvey.defaultSeed))
          --files DIR       folder for the CSV and .sav files loaded (default: a temporary folder)
          --keep-files      leave those files in place
          --data FILE       time this file instead: load it (repeatedly), then compute on it
          --results DIR     write the JSON result of every engine operation to DIR/OP.json
          --write-csv FILE  write the generated data to FILE and stop (.csv, or .sav, .dta)
          --steps           time the public building blocks of an analysis instead (category
                            and domain indices, the design, one bare pass over the data)
          -h, --help        show this help
        """

    init() {}

    init(arguments: [String]) throws(BenchError) {
        var rest = arguments[...]
        func value(_ flag: String) throws(BenchError) -> String {
            guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value; see --help.") }
            return v
        }
        func count(_ flag: String, minimum: Int) throws(BenchError) -> Int {
            let text = try value(flag)
            guard let n = Int(text.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")),
                  n >= minimum else {
                throw BenchError("\(flag) takes a whole number of at least \(minimum), not '\(text)'.")
            }
            return n
        }
        var onlyGiven = false
        while let flag = rest.popFirst() {
            switch flag {
            case "--rows": rows = try count(flag, minimum: SyntheticSurvey.minimumRows)
            case "--repeat": repetitions = try count(flag, minimum: 1)
            case "--seed": seed = UInt64(try count(flag, minimum: 0))
            case "--json": json = true
            case "--only":
                operations = try Self.operations(try value(flag))
                onlyGiven = true
            case "--in-process": inProcess = true
            case "--data": dataPath = try value(flag)
            case "--write-csv": writePath = try value(flag)
            case "--files": filesDirectory = try value(flag)
            case "--keep-files": keepFiles = true
            case "--results": resultsDirectory = try value(flag)
            case "--child":
                let name = try value(flag)
                guard let op = BenchOperation(rawValue: name) else { throw BenchError("Unknown operation '\(name)'.") }
                child = op
            case "--prepare": prepareDirectory = try value(flag)
            case "--steps": steps = true
            case "-h", "--help": help = true
            default:
                throw BenchError("Unknown option '\(flag)'; see barometer-bench --help.")
            }
        }
        if dataPath != nil {
            inProcess = true
            if !onlyGiven { operations = BenchOperation.allCases.filter { $0.kind == .compute } }
        }
    }

    /// The operations named in a comma-separated list.
    static func operations(_ list: String) throws(BenchError) -> [BenchOperation] {
        var out: [BenchOperation] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let op = BenchOperation(rawValue: name) else {
                throw BenchError("Unknown operation '\(name)'; choose among \(BenchOperation.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if !out.contains(op) { out.append(op) }
        }
        guard !out.isEmpty else { throw BenchError("--only names no operation.") }
        return out
    }
}
