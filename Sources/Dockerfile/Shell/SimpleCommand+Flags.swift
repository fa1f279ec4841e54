/// Option queries over the arguments of the command that actually runs.
///
/// All queries read ``SimpleCommand/effectiveArgv`` after its first word, so the options of
/// wrappers (`sudo -E`) never count as the wrapped command's options. Quoting does not matter
/// (`curl "-k"` is `curl -k`, as for the shell). Scanning stops at `--`.
///
/// Option names are written with their dashes: `-k`, `--insecure`. Words are read as follows:
/// - `--name` and `--name=value` match the long option `--name`; the value is the text after
///   `=`, or the next word when `--name` takes a value.
/// - A word starting with one dash is a cluster of one-letter options read left to right:
///   `-fsSLk` holds `-f`, `-s`, `-S`, `-L` and `-k`. When a letter takes a value, the rest of
///   the word is its value (`-pSECRET`, `-uroot`, `-qO-`), or the next word when the letter is
///   last (`-o file`), and the scan of that word stops. A letter takes a value when it is listed
///   in `valueOptions`, or when it is the option asked for by ``SimpleCommand/flagValue(_:valueOptions:)``.
///   Without `valueOptions`, letters after a value-taking option are read as options too, so
///   `-pS3cret` also holds `-S`: pass `valueOptions` when that matters.
/// - A queried name with one dash and several letters (`-nogpgcheck`) matches that exact word,
///   or the word followed by `=value`.
extension SimpleCommand {
    /// One occurrence of an option in a command's arguments.
    public struct FlagOccurrence: Sendable, Equatable {
        /// The option as queried (`-k`, `--insecure`).
        public let name: String
        /// The index in ``SimpleCommand/argv`` of the word holding the option.
        public let argumentIndex: Int
        /// The option's value, when it takes one and one is present.
        public let value: String?
        /// The index in ``SimpleCommand/argv`` of the word holding the value (the option's own
        /// word for attached values).
        public let valueIndex: Int?
    }

    /// Whether any of the options `names` is present (see the extension notes for how words are
    /// read).
    public func hasFlag(_ names: String...) -> Bool {
        !flagOccurrences(names).isEmpty
    }

    /// Whether any of the options `names` is present, knowing which options take values.
    public func hasFlag(_ names: [String], valueOptions: Set<String>) -> Bool {
        !flagOccurrences(names, valueOptions: valueOptions).isEmpty
    }

    /// The value of the first occurrence of option `name` (`--user=x`, `--user x`, `-ux`,
    /// `-u x`), or nil when it is absent or has no value.
    public func flagValue(_ name: String, valueOptions: Set<String> = []) -> String? {
        flagValues(name, valueOptions: valueOptions).first
    }

    /// The values of every occurrence of option `name`, in order.
    public func flagValues(_ name: String, valueOptions: Set<String> = []) -> [String] {
        flagOccurrences([name], valueOptions: valueOptions.union([name])).compactMap(\.value)
    }

    /// Every occurrence of the options `names` in the effective command's arguments.
    ///
    /// - Parameter valueOptions: options (short or long, with dashes) that take a value.
    public func flagOccurrences(_ names: [String], valueOptions: Set<String> = []) -> [FlagOccurrence] {
        guard let commandIndex = effectiveCommandIndex else { return [] }
        var scanner = FlagScanner(argv: argv, queried: Set(names), valueOptions: valueOptions)
        var index = commandIndex + 1
        while index < argv.count, argv[index] != "--" {
            index = scanner.scanWord(at: index)
        }
        return scanner.occurrences
    }
}

/// Reads option words for ``SimpleCommand/flagOccurrences(_:valueOptions:)``.
private struct FlagScanner {
    let argv: [String]
    let queried: Set<String>
    let valueOptions: Set<String>
    var occurrences: [SimpleCommand.FlagOccurrence] = []

    init(argv: [String], queried: Set<String>, valueOptions: Set<String>) {
        self.argv = argv
        self.queried = queried
        self.valueOptions = valueOptions
    }

    /// Reads the word at `index`; returns the index of the next word to read.
    mutating func scanWord(at index: Int) -> Int {
        let word = argv[index]
        if word.hasPrefix("--") {
            return scanNamedOption(word, at: index)
        }
        guard word.hasPrefix("-"), word.count > 1 else { return index + 1 }
        let name = String(word.prefix { $0 != "=" })
        if name.count > 2, queried.contains(name) {
            return scanNamedOption(word, at: index)
        }
        return scanCluster(word, at: index)
    }

    /// `--name`, `--name=value` or `--name value` (also `-multiletter` when queried).
    private mutating func scanNamedOption(_ word: String, at index: Int) -> Int {
        let name = String(word.prefix { $0 != "=" })
        let attached = word.firstIndex(of: "=").map { String(word[word.index(after: $0)...]) }
        let takesNextWord = attached == nil && valueOptions.contains(name)
        if queried.contains(name) {
            let nextExists = index + 1 < argv.count
            let value = attached ?? (takesNextWord && nextExists ? argv[index + 1] : nil)
            let valueIndex = attached != nil ? index : (takesNextWord && nextExists ? index + 1 : nil)
            occurrences.append(.init(name: name, argumentIndex: index, value: value, valueIndex: valueIndex))
        }
        return index + (takesNextWord ? 2 : 1)
    }

    /// `-abc`, `-pvalue`, `-o value`.
    private mutating func scanCluster(_ word: String, at index: Int) -> Int {
        let letters = word.dropFirst()
        var position = letters.startIndex
        while position < letters.endIndex {
            let option = "-" + String(letters[position])
            let rest = letters[letters.index(after: position)...]
            let takesValue = valueOptions.contains(option)
            let usesNextWord = takesValue && rest.isEmpty && index + 1 < argv.count
            if queried.contains(option) {
                let value =
                    takesValue ? (rest.isEmpty ? (usesNextWord ? argv[index + 1] : nil) : String(rest)) : nil
                let valueIndex = value == nil ? nil : (rest.isEmpty ? index + 1 : index)
                occurrences.append(
                    .init(name: option, argumentIndex: index, value: value, valueIndex: valueIndex))
            }
            if takesValue { return index + (usesNextWord ? 2 : 1) }
            position = letters.index(after: position)
        }
        return index + 1
    }
}
