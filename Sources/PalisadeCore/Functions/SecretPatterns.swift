/// Recognises secret-looking names and credential-formatted values (DF011, DF013, AWS-ECS-007,
/// AWS-SEC-002/003), by scanning, not by regular expressions over whole files.
public enum SecretPatterns {
    /// Name tokens that mark a secret on their own.
    static let secretTokens: Set<String> = [
        "PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "SECRET", "TOKEN", "CREDENTIAL", "CREDENTIALS", "APIKEY",
        "PRIVATEKEY", "ACCESSKEY", "AUTHKEY", "SECRETKEY", "CLIENTSECRET",
    ]
    /// Consecutive token pairs that mark a secret (`API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`).
    static let secretPairs: Set<String> = [
        "API KEY", "PRIVATE KEY", "ACCESS KEY", "SECRET KEY", "AUTH KEY", "CLIENT SECRET",
    ]
    /// A trailing token that says the variable holds where the secret is, or a setting about it,
    /// not the secret (`TOKEN_URL`, `AUTH_TOKEN_TTL`, `SECRET_VERSION`, `DB_PASSWORD_PARAMETER`:
    /// the name of the SSM parameter that holds it).
    static let referenceSuffixes: Set<String> = [
        "FILE", "PATH", "DIR", "LOCATION", "ID", "ARN", "NAME", "PARAMETER", "PARAM", "TYPE", "LENGTH",
        "URL", "URI", "ENDPOINT", "HOST", "PORT", "TTL", "TIMEOUT", "EXPIRY", "EXPIRATION", "HEADER",
        "ENABLED", "DISABLED", "REQUIRED", "MODE", "VERSION",
    ]
    /// A leading token that makes the variable a switch (`ENABLE_API_KEY_AUTH=true`).
    static let switchPrefixes: Set<String> = ["ENABLE", "ENABLED", "DISABLE", "DISABLED"]
    /// Names that are secrets whatever their shape.
    static let exactNames: Set<String> = [
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GITHUB_TOKEN", "GH_TOKEN", "NPM_TOKEN",
        "NPM_AUTH_TOKEN",
        "PYPI_TOKEN", "DOCKER_PASSWORD", "GITLAB_TOKEN", "SLACK_TOKEN", "HF_TOKEN", "MYSQL_ROOT_PASSWORD",
        "POSTGRES_PASSWORD", "PGPASSWORD",
    ]

    /// True when an environment or argument name looks like it holds a secret.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        if exactNames.contains(upper) { return true }
        let tokens = nameTokens(name)
        guard let last = tokens.last else { return false }
        if referenceSuffixes.contains(last) || switchPrefixes.contains(tokens[0]) { return false }
        for (index, token) in tokens.enumerated() {
            if secretTokens.contains(token) { return true }
            if index + 1 < tokens.count, secretPairs.contains(token + " " + tokens[index + 1]) { return true }
        }
        return false
    }

    /// Splits `dbPassword`, `DB_PASSWORD`, `db-password.value` into upper-case tokens.
    static func nameTokens(_ name: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousLower && !current.isEmpty {
                    tokens.append(current.uppercased())
                    current = ""
                }
                current.append(character)
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { tokens.append(current.uppercased()) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { tokens.append(current.uppercased()) }
        return tokens
    }

    /// The kind of credential `value` contains, or nil when it contains none.
    public static func credentialFormat(in value: String) -> String? {
        let bytes = Array(value.utf8)
        if containsPrivateKeyMarkers(value, bytes) { return "private key" }
        var index = 0
        while index < bytes.count {
            if let kind = credentialAt(bytes, index) { return kind }
            index += 1
        }
        return nil
    }

    static let privateKeyMarkers = [Array("-----BEGIN".utf8), Array("PRIVATE KEY".utf8)]

    /// Whether `value` contains both `-----BEGIN` and `PRIVATE KEY` as Foundation finds them.
    ///
    /// ASCII text, nearly all of it, is searched by bytes, where Foundation's search agrees;
    /// Foundation itself (which also matches canonically equivalent scalars, such as the Kelvin
    /// sign for `K`) is asked only about other text, since it costs several times more.
    static func containsPrivateKeyMarkers(_ value: String, _ bytes: [UInt8]) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return value.contains("-----BEGIN") && value.contains("PRIVATE KEY")
        }
        return privateKeyMarkers.allSatisfy { marker in
            guard bytes.count >= marker.count else { return false }
            return (0...(bytes.count - marker.count)).contains { start in
                bytes[start] == marker[0] && bytes[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }

    private static func isUpperAlnum(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
    private static func isAlnum(_ b: UInt8) -> Bool { isUpperAlnum(b) || (b >= 0x61 && b <= 0x7A) }
    private static func isBase64URL(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2D || b == 0x5F }

    /// True when `prefix` (ASCII) starts at `index`; compares in place, allocating nothing, because
    /// it runs at every word start of every instruction.
    private static func hasPrefix(_ bytes: [UInt8], _ index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    private static func run(_ bytes: [UInt8], from start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var end = start
        while end < bytes.count, predicate(bytes[end]) { end += 1 }
        return end - start
    }

    private static func atWordStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == 0 || !isAlnum(bytes[index - 1])
    }

    /// The credential that starts at `index`, or nil.
    ///
    /// Dispatches on the first byte, since every credential format starts with a fixed prefix:
    /// most positions are rejected by one comparison. Within one first byte, formats are tried in
    /// a fixed order, the first that matches names the kind.
    private static func credentialAt(_ bytes: [UInt8], _ index: Int) -> String? {
        guard index < bytes.count, atWordStart(bytes, index) else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "A"): return amazonOrGoogleKey(bytes, index)
        case UInt8(ascii: "g"): return gitToken(bytes, index)
        case UInt8(ascii: "x"): return slackToken(bytes, index)
        case UInt8(ascii: "s"):
            return hasPrefix(bytes, index, "sk_live_") && run(bytes, from: index + 8, while: isAlnum) >= 20
                ? "Stripe key" : nil
        case UInt8(ascii: "n"):
            return hasPrefix(bytes, index, "npm_") && run(bytes, from: index + 4, while: isAlnum) == 36
                ? "npm token" : nil
        case UInt8(ascii: "e"): return jsonWebToken(bytes, index)
        default: return nil
        }
    }

    private static let awsKeyPrefixes: [StaticString] = ["AKIA", "ASIA", "AROA", "AIDA"]
    private static let gitHubTokenPrefixes: [StaticString] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]
    private static let slackTokenPrefixes: [StaticString] = ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"]

    private static func amazonOrGoogleKey(_ bytes: [UInt8], _ index: Int) -> String? {
        if awsKeyPrefixes.contains(where: { hasPrefix(bytes, index, $0) }),
            run(bytes, from: index + 4, while: isUpperAlnum) == 16
        {
            return "AWS access key id"
        }
        if hasPrefix(bytes, index, "AIza"), run(bytes, from: index + 4, while: isBase64URL) == 35 {
            return "Google API key"
        }
        return nil
    }

    private static func gitToken(_ bytes: [UInt8], _ index: Int) -> String? {
        if gitHubTokenPrefixes.contains(where: { hasPrefix(bytes, index, $0) }),
            run(bytes, from: index + 4, while: isAlnum) >= 36
        {
            return "GitHub token"
        }
        if hasPrefix(bytes, index, "github_pat_"), run(bytes, from: index + 11, while: isBase64URL) >= 40 {
            return "GitHub token"
        }
        if hasPrefix(bytes, index, "glpat-"), run(bytes, from: index + 6, while: isBase64URL) >= 20 {
            return "GitLab token"
        }
        return nil
    }

    private static func slackToken(_ bytes: [UInt8], _ index: Int) -> String? {
        guard slackTokenPrefixes.contains(where: { hasPrefix(bytes, index, $0) }),
            run(bytes, from: index + 5, while: { isAlnum($0) || $0 == 0x2D }) >= 10
        else { return nil }
        return "Slack token"
    }

    /// A JWT: three base64url segments, the first two starting with `eyJ` ("{\"").
    private static func jsonWebToken(_ bytes: [UInt8], _ index: Int) -> String? {
        guard hasPrefix(bytes, index, "eyJ") else { return nil }
        let first = run(bytes, from: index, while: isBase64URL)
        let secondStart = index + first + 1
        guard first >= 10, secondStart < bytes.count, bytes[secondStart - 1] == 0x2E,
            hasPrefix(bytes, secondStart, "eyJ")
        else { return nil }
        let second = run(bytes, from: secondStart, while: isBase64URL)
        let thirdStart = secondStart + second + 1
        guard second >= 10, thirdStart <= bytes.count, bytes[thirdStart - 1] == 0x2E,
            run(bytes, from: thirdStart, while: isBase64URL) >= 10
        else { return nil }
        return "JSON web token"
    }

    /// True when `text` may hold a credential or a URL password: it contains a credential
    /// prefix, `://` or a PEM header.
    ///
    /// Never false for a text in which ``credentialFormat(in:)`` finds a credential (every
    /// format starts with one of these prefixes), so a caller may skip texts for which it is false.
    public static func mayHoldCredential(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard buffer.count >= 3 else { return false }
            for index in 0...(buffer.count - 3) {
                switch buffer[index] {
                case UInt8(ascii: "A"), UInt8(ascii: "g"), UInt8(ascii: "x"), UInt8(ascii: "s"),
                    UInt8(ascii: "n"), UInt8(ascii: "e"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if startsCandidate(buffer, index) { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    /// The prefixes ``mayHoldCredential(_:)`` looks for.
    private static let candidatePrefixes: [StaticString] =
        awsKeyPrefixes + gitHubTokenPrefixes + slackTokenPrefixes + [
            "AIza", "github_pat_", "glpat-", "sk_live_", "npm_", "eyJ", "://", "-----BEGIN",
        ]

    private static func startsCandidate(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        candidatePrefixes.contains { prefix in
            let count = prefix.utf8CodeUnitCount
            guard index + count <= buffer.count else { return false }
            let start = prefix.utf8Start
            for offset in 0..<count where buffer[index + offset] != start[offset] { return false }
            return true
        }
    }

    /// The password of `scheme://user:password@host…` in a word, when there is a literal one.
    public static func urlPassword(_ word: String) -> String? {
        // Only the bytes `://` spell `://` (no other scalars are equivalent to these), and most
        // words lack them: a byte search first spares Foundation's search.
        guard containsSchemeSeparator(word) else { return nil }
        guard let scheme = word.firstRange(of: "://") else { return nil }
        let rest = word[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return nil }
        let userInfo = rest[..<at]
        guard !userInfo.contains("/"), let colon = userInfo.firstIndex(of: ":") else { return nil }
        let password = String(userInfo[userInfo.index(after: colon)...])
        // `docker://alpine:3.19@sha256:…` is an image reference (skopeo, crane), whose tag is not a
        // password: a digest follows the `@`, where a host would.
        let host = rest[rest.index(after: at)...]
        if ["sha256:", "sha384:", "sha512:"].contains(where: { host.hasPrefix($0) }) { return nil }
        return password.isEmpty || password.hasPrefix("$") ? nil : password
    }

    private static func containsSchemeSeparator(_ word: String) -> Bool {
        let bytes = word.utf8
        var index = bytes.startIndex
        var matched = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                matched = 1
            } else if byte == UInt8(ascii: "/"), matched > 0 {
                matched += 1
                if matched == 3 { return true }
            } else {
                matched = 0
            }
            index = bytes.index(after: index)
        }
        return false
    }

    /// Whether some word of `text` holds a URL with a literal password (``urlPassword(_:)``).
    public static func containsURLPassword(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).contains { urlPassword(String($0)) != nil }
    }

    /// True when `text` may hold a credential option.
    ///
    /// It holds `--password`, `--user`, a word `-u`, an `Authorization:` header in any case, or
    /// `-p` beside a MySQL or MariaDB client, sshpass or a registry `login`; never false for a text in which
    /// ``optionCredentials(in:)`` finds one. Bare `-u` and `-p` would not filter: `apt-get
    /// update` and `mkdir -p` are in most RUN lines.
    public static func mayHoldCredentialOption(_ text: String) -> Bool {
        if text.contains("--password") || text.contains("--user") { return true }
        var text = text
        return text.withUTF8 { bytes in
            containsWordDashU(bytes) || containsIgnoringASCIICase(bytes, "authorization:")
        }
            || (text.contains("-p")
                && (text.contains("mysql") || text.contains("mariadb") || text.contains("sshpass")
                    || text.contains("login")))
    }

    /// Whether a character ends a word of instruction text when looking for secrets.
    ///
    /// A switch of Character literals compares as `==` does, like searching a string of them,
    /// without breaking that string into characters for every character of every instruction.
    static func isWordSeparator(_ character: Character) -> Bool {
        switch character {
        case " ", "\t", "\n", "\"", "'", "=", ";", "&", "|", "(", ")", ",", "`": true
        default: false
        }
    }

    /// Whether `-u` stands as a word: separators (``isWordSeparator(_:)``, all ASCII) or the
    /// text's ends on both sides.
    private static func containsWordDashU(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func separates(_ byte: UInt8) -> Bool { isWordSeparator(Character(UnicodeScalar(byte))) }
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1)
        where bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "u") {
            let before = index == 0 || separates(bytes[index - 1])
            let after = index + 2 == bytes.count || separates(bytes[index + 2])
            if before && after { return true }
        }
        return false
    }

    /// Whether `bytes` contain `needle` (lower-case ASCII), letters compared in either case.
    private static func containsIgnoringASCIICase(
        _ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString
    ) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = needle.utf8Start
        outer: for index in 0...(bytes.count - count) {
            for offset in 0..<count {
                let byte = bytes[index + offset]
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if lowered != start[offset] { continue outer }
            }
            return true
        }
        return false
    }

    /// The literal secrets given to credential options in the words of an instruction.
    ///
    /// `--password VALUE`, the password of `-u`/`--user USER:PASSWORD` (curl), the credential after
    /// `Authorization: Bearer|Basic|Token`, and `-pPASSWORD` of the MySQL and MariaDB clients.
    /// Values that expand a variable (`$VAR`) are not literals.
    public static func optionCredentials(in words: [Substring]) -> [String] {
        func literal(_ word: Substring) -> String? {
            word.isEmpty || word.hasPrefix("$") ? nil : String(word)
        }
        let mysql = words.contains { word in
            ["mysql", "mariadb", "mysqladmin", "mysqldump"].contains { word.hasSuffix($0) }
        }
        // `-p` is a password only for these (sshpass, and a registry login); elsewhere it is a
        // port or a path.
        let passwordDashP =
            words.contains { $0.hasSuffix("sshpass") }
            || (words.contains("login")
                && words.contains { word in
                    ["docker", "podman", "nerdctl", "buildah"].contains { word.hasSuffix($0) }
                })
        var found: [String] = []
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : nil
            switch word {
            case "--password":
                if let next, let value = literal(next) { found.append(value) }
            case "-u", "--user":
                if let next, let colon = next.firstIndex(of: ":"),
                    let value = literal(next[next.index(after: colon)...])
                {
                    found.append(value)
                }
            default:
                if word.lowercased() == "authorization:", let next,
                    ["bearer", "basic", "token"].contains(next.lowercased()), index + 2 < words.count,
                    let value = literal(words[index + 2])
                {
                    found.append(value)
                } else if passwordDashP, word == "-p", let next, let value = literal(next) {
                    found.append(value)
                } else if mysql || passwordDashP, word.hasPrefix("-p"), word.count > 2,
                    let value = literal(word.dropFirst(2))
                {
                    // The whole word too: glued to the option's letter, a value of letters only
                    // is not masked there (see ``Redactor``).
                    found += [value, String(word)]
                }
            }
        }
        return found
    }

    /// The literal values the shell gives secret-like variables, given a command's assignments
    /// and words after quote removal.
    ///
    /// `PGPASSWORD=s3cret psql ...`, `export API_TOKEN=s3cret` and `env DB_PASSWORD=s3cret ...`
    /// write the value into the image history, which DF013 reports. A word counts when it is
    /// `NAME=value` with a shell variable name that ``isSecretName(_:)`` accepts and a value that
    /// is not empty and expands nothing (`$VAR`, `$(cat ...)`). Every word is read, not only the
    /// operands of `export` and `env`: masking more than the rule reports is harmless.
    public static func shellAssignmentSecrets(in words: [String]) -> [String] {
        words.compactMap { word in
            guard let equals = word.firstIndex(of: "=") else { return nil }
            let name = word[..<equals]
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
                name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }),
                isSecretName(String(name))
            else { return nil }
            let value = word[word.index(after: equals)...]
            guard let start = value.first, start != "$" else { return nil }
            return String(value)
        }
    }

    /// The literal passwords of `htpasswd -b` commands and of `.netrc` lines printf writes from a
    /// format, given each command's words as the shell reads them (quotes removed, wrappers such
    /// as `sudo` looked through).
    ///
    /// `htpasswd -bc file user password` takes the password as its last word. A `.netrc` line
    /// written by printf with a format (`printf 'machine %s login %s password %s' h u secret`)
    /// takes it from the argument of the directive after `password`. Values that expand a
    /// variable are not literals. A `.netrc` entry written out in one word or a here-document is
    /// ``netrcPasswords(in:)``'s.
    public static func batchPasswords(in commands: [[String]]) -> [String] {
        let literal = literalPassword
        var found: [String] = []
        for argv in commands {
            switch argv.first?.split(separator: "/").last {
            case "htpasswd":
                let batch = argv.dropFirst().contains {
                    $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("b")
                }
                if batch, argv.count > 3, let password = literal(argv.last) { found.append(password) }
            case "printf":
                guard argv.count > 2, argv[1].contains("machine"), let range = argv[1].range(of: "password")
                else { continue }
                // The directives before the password's, `%%` aside, number its argument.
                let before = argv[1][..<range.lowerBound].replacingOccurrences(of: "%%", with: "")
                let index = 2 + before.filter { $0 == "%" }.count
                let after = argv[1][range.upperBound...].drop { $0.isWhitespace }
                if after.hasPrefix("%"), index < argv.count, let password = literal(argv[index]) {
                    found.append(password)
                } else if !after.hasPrefix("%"),
                    let password = literal(String(after.prefix { !$0.isWhitespace && $0 != "\\" }))
                {
                    found.append(password)
                }
            default:
                continue
            }
        }
        return found
    }

    /// The literal passwords of the `.netrc` entries in `text` (`machine host login user password
    /// secret`, on one line or several), as echo or a here-document writes them.
    public static func netrcPasswords(in text: String) -> [String] {
        guard text.contains("machine") else { return [] }
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.indices.dropLast().compactMap { index in
            words[index] == "password" ? literalPassword(String(words[index + 1])) : nil
        }
    }

    /// `word` when it is a literal, not empty and not taken from a variable.
    private static func literalPassword(_ word: String?) -> String? {
        guard let word, !word.isEmpty, !word.hasPrefix("$") else { return nil }
        return word
    }

    /// The literal passwords of `user:password` lines in a text that feeds `chpasswd`.
    ///
    /// `echo 'root:s3cret' | chpasswd` writes the password into the image history. A word with a
    /// user part (no `/`, not an option or a printf format) and a literal after its first colon
    /// counts; a value that expands a variable (`$PASSWORD`), a printf format (`%s`) or a path
    /// (`https://...`) does not. The caller asks only for a text that mentions `chpasswd`.
    public static func chpasswdPasswords(in words: [Substring]) -> [String] {
        words.compactMap { word in
            guard let colon = word.firstIndex(of: ":") else { return nil }
            let user = word[..<colon]
            let password = word[word.index(after: colon)...]
            guard let first = user.first, first != "-", !user.contains("/"), !user.contains("%"),
                let start = password.first, !["$", "%", "/"].contains(start)
            else { return nil }
            return String(password)
        }
    }

    /// The name of the first secret-like assignment with a literal value in a text, or nil.
    ///
    /// Assignments are `NAME=value` or `NAME: value` in a script or configuration text
    /// (`export DB_PASSWORD=...`, `password: ...`, `"api_key": "..."`). Values that are empty or
    /// expand something at run time (`$VAR`, `${...}`, `{{ ... }}`, `<placeholder>`) or open a
    /// nested structure are not literals; `==` and `!=` are comparisons, not assignments.
    public static func secretAssignment(in text: String) -> String? {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") {
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") { continue }
                if index > 0,
                    [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")]
                        .contains(bytes[index - 1])
                {
                    continue
                }
            }
            guard let name = assignedName(bytes, before: index), isSecretName(name),
                hasLiteralValue(bytes, after: index)
            else { continue }
            return name
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// The identifier that ends just before a separator, skipping a closing quote and spaces.
    private static func assignedName(_ bytes: [UInt8], before separator: Int) -> String? {
        var end = separator
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\"") || bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
        var start = end
        while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// True when a non-empty literal follows the separator on the same line.
    private static func hasLiteralValue(_ bytes: [UInt8], after separator: Int) -> Bool {
        var index = separator + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            index += 1
        }
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\n"),
            UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "["):
            // Empty, expanded at run time, or a nested structure rather than a value.
            return false
        default:
            return true
        }
    }

    /// A masked rendering of a secret value: its length class, never its characters.
    public static func mask(_ value: String) -> String {
        value.isEmpty ? "" : "****"
    }
}
