import Dockerfile
import Policy

extension DockerfileDocument {
    /// Adds the fields rules query to one encoded instruction (see the type's documentation).
    static func enrich(
        _ base: Value, _ instruction: Instruction, stage: Int?, finalStage: Int,
        sources: [TransferSource]? = nil, ports: [ExposedPort]? = nil, globalValues: [String: String] = [:],
        shell: [String] = DockerfileDocument.defaultShell
    ) -> Value {
        guard case .map(var map) = base else { return base }
        map["is_final_stage"] = .bool(stage == finalStage)
        switch instruction.kind {
        case .run(let arguments), .cmd(let arguments), .entrypoint(let arguments):
            // The shell form's text runs in the stage's SHELL (`powershell -Command` on Windows
            // images): `commands` reads it as a POSIX shell does, which rules must not trust
            // for another shell.
            map["shell"] = .list(shell.map(Value.string))
            var scripts: [String] = []
            switch arguments {
            case .shell(let text)?:
                scripts =
                    instruction.keyword == "RUN"
                    ? RunScripts.scripts(text, heredocs: instruction.heredocs) : [text]
            case .exec(let words)?: scripts.append(words.map(shellQuoted).joined(separator: " "))
            case nil: break
            }
            let parsed = commands(of: scripts)
            map["commands"] = parsed
            map["powershell_commands"] = powerShellCommands(arguments, shell: shell, commands: parsed)
            if instruction.keyword == "RUN", case .list(let values) = parsed {
                // The package words DF020 names, over every command of the RUN.
                let unpinned = values.compactMap { value -> PackageCommand? in
                    guard case .host(let host) = value else { return nil }
                    return (host as? CommandHostValue)?.command.packageCommand
                }.filter(\.installsNamedPackages).flatMap(\.unpinnedPackages)
                map["unpinned_packages"] = .list(unpinned.map(Value.string))
            }
        case .env(let pairs), .label(let pairs):
            map["pairs"] = .list(
                pairs.map {
                    .map(["name": .string($0.key), "value": .string($0.value), "has_value": .bool(true)])
                })
        case .arg(let declarations):
            // A stage's ARG without a default takes the global ARG's of that name, and BuildKit
            // writes that value into the stage's history as it writes its own default.
            map["pairs"] = .list(
                declarations.map {
                    let inherited = stage != nil && $0.defaultValue == nil ? globalValues[$0.name] : nil
                    return .map([
                        "name": .string($0.name), "value": $0.defaultValue.map(Value.string) ?? .null,
                        "has_value": .bool($0.defaultValue != nil),
                        "inherited_value": inherited.map(Value.string) ?? .null,
                    ])
                })
        case .copy(let transfer), .add(let transfer):
            map["sources"] = .list(transfer.sources.map(Value.string))
            map["destination"] = transfer.destination.map(Value.string) ?? .null
            map["from"] = instruction.flagValue("from").map(Value.string) ?? .null
            map["source_details"] = .list(
                (sources ?? TransferSource.unexpanded(transfer, of: instruction)).map(sourceValue))
        case .expose(let words):
            map["ports"] = .list(
                (ports ?? words.map { ExposedPort(raw: $0, resolved: $0, unresolvedReason: nil) }).map(port))
        case .user(let text):
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            map["user"] = .string(parts.first.map(String.init) ?? "")
            map["group"] = parts.count > 1 ? .string(String(parts[1])) : .null
        case .healthcheck(let arguments):
            if case .none = arguments { map["none"] = .bool(true) } else { map["none"] = .bool(false) }
        default:
            break
        }
        if case .onbuild(let inner?) = instruction.kind, let innerValue = map["onbuild"] {
            map["onbuild"] = enrich(
                innerValue, inner, stage: stage, finalStage: finalStage, sources: sources, ports: ports,
                globalValues: globalValues, shell: shell)
        }
        return .map(map)
    }

    /// `{raw, resolved, unresolved_reason, kind, git: {repository, ref, commit, subdir} | null}`.
    static func sourceValue(_ source: TransferSource) -> Value {
        let git: Value =
            source.git.map { git in
                .map([
                    "repository": .string(git.repository), "ref": git.ref.map(Value.string) ?? .null,
                    "commit": git.commit.map(Value.string) ?? .null,
                    "subdir": git.subdirectory.map(Value.string) ?? .null,
                ])
            } ?? .null
        return .map([
            "raw": .string(source.raw), "resolved": .string(source.resolved),
            "unresolved_reason": source.unresolvedReason.map(Value.string) ?? .null,
            "kind": .string(source.kind.rawValue), "git": git,
        ])
    }

    /// The simple commands of several scripts, with parent and pipeline ids kept distinct.
    static func commands(of scripts: [String]) -> Value {
        var result: [Value] = []
        var pipelineOffset = 0
        for script in scripts {
            let parsed = ShellScript.parse(script)
            let base = result.count
            var maximumPipeline = -1
            for command in parsed.commands {
                maximumPipeline = max(maximumPipeline, command.pipeline)
                result.append(
                    .host(
                        CommandHostValue(command: command, indexOffset: base, pipelineOffset: pipelineOffset))
                )
            }
            pipelineOffset += maximumPipeline + 1
        }
        return .list(result)
    }

    /// The PowerShell an instruction runs, read as pipeline elements: its shell-form text when
    /// the stage's SHELL is PowerShell, else the script of each `powershell` or `pwsh -Command`
    /// among its commands.
    static func powerShellCommands(_ arguments: Arguments?, shell: [String], commands: Value) -> Value {
        var scripts: [String] = []
        if case .shell(let text)? = arguments, let program = shell.first,
            PowerShellCommandLine.isPowerShell(program)
        {
            scripts.append(text)
        } else if case .list(let values) = commands {
            for case .host(let host) in values {
                guard let command = (host as? CommandHostValue)?.command, let name = command.effectiveName,
                    PowerShellCommandLine.isPowerShell(name),
                    let script = PowerShellCommandLine.script(
                        arguments: Array(command.effectiveArgv.dropFirst()))
                else { continue }
                scripts.append(script)
            }
        }
        guard !scripts.isEmpty else { return .list([]) }
        return .list(
            PowerShellCommandLine.commands(of: scripts).map { command in
                .map([
                    "name": .string(command.name), "written_name": .string(command.writtenName),
                    "arguments": .list(command.arguments.map(Value.string)),
                    "index": .int(Int64(command.index)),
                    "pipeline": .int(Int64(command.pipeline)), "position": .int(Int64(command.position)),
                    "ancestors": .list(command.ancestors.map { .int(Int64($0)) }),
                    "methods": .list(command.methods.map(Value.string)),
                    "assigns": command.assigns.map(Value.string) ?? .null, "value": .string(command.value),
                ])
            })
    }

    /// A word quoted for `sh`, so exec-form argv can go through the same shell parser.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// `80`, `80/tcp`, `8000-8010/udp`, read after the stage's variables are replaced; a
    /// variable without a value gives null bounds.
    static func port(_ exposed: ExposedPort) -> Value {
        let word = exposed.resolved ?? exposed.raw
        let parts = word.split(separator: "/", maxSplits: 1)
        let range = parts.first.map(String.init) ?? ""
        let proto = parts.count > 1 ? String(parts[1]).lowercased() : "tcp"
        let bounds = range.split(separator: "-", maxSplits: 1).map { Int64($0) }
        let from = exposed.resolved == nil ? nil : bounds.first.flatMap { $0 }
        let to = bounds.count > 1 ? bounds[1] : from
        return .map([
            "raw": .string(exposed.raw), "resolved": exposed.resolved.map(Value.string) ?? .null,
            "unresolved_reason": exposed.unresolvedReason.map(Value.string) ?? .null,
            "from": from.map(Value.int) ?? .null,
            "to": (from == nil ? nil : to).map(Value.int) ?? .null,
            "protocol": .string(proto),
        ])
    }

    /// Secret values a Dockerfile holds, masked in every output.
    ///
    /// They are the values of secret-named ENV/ARG, credential-shaped or URL-embedded passwords
    /// anywhere in instruction text, and the literal values of the credential options DF013
    /// reports (`--password`, `curl -u user:password`, an `Authorization` header, `mysql -p…`, a
    /// `user:password` line fed to `chpasswd`, a secret-like variable the shell sets to a literal,
    /// `htpasswd -b`'s password and a `.netrc` entry's, written by echo, printf or a
    /// here-document).
    ///
    /// `commands` are each instruction's simple commands as the enrichment parsed them (RUN,
    /// CMD, ENTRYPOINT and an ONBUILD's inner one): assignments, `htpasswd` and `.netrc` lines are
    /// read from those words, not from the text parsed again.
    static func secrets(in model: DockerfileModel, commands: [[SimpleCommand]]) -> Redactor {
        var redactor = Redactor()
        func scan(_ instruction: Instruction) {
            switch instruction.kind {
            case .env(let pairs):
                for pair in pairs where SecretPatterns.isSecretName(pair.key) { redactor.add(pair.value) }
            case .arg(let declarations):
                for declaration in declarations where SecretPatterns.isSecretName(declaration.name) {
                    if let value = declaration.defaultValue { redactor.add(value) }
                }
            case .onbuild(let inner?):
                scan(inner)
            default:
                break
            }
            // A `.netrc`, or an `.env` line with a secret-like name, in a here-document of the
            // instruction: a file COPY or ADD writes, or a RUN's (a RUN script's assignments are
            // also its commands', below).
            for heredoc in instruction.heredocs {
                // By `Character`: a CRLF file's `\r\n` is one, and a newline.
                let lines = heredoc.body.split(whereSeparator: \.isNewline).map(String.init)
                for secret in SecretPatterns.netrcPasswords(in: heredoc.body)
                    + SecretPatterns.shellAssignmentSecrets(in: lines)
                {
                    redactor.add(secret)
                }
            }
            let text = instruction.argumentText + instruction.heredocs.map { "\n" + $0.body }.joined()
            // Most instructions hold no credential prefix, URL or credential option: skip splitting
            // them into words.
            let mayHoldOption = SecretPatterns.mayHoldCredentialOption(text)
            let feedsChpasswd = text.contains("chpasswd")
            guard mayHoldOption || feedsChpasswd || SecretPatterns.mayHoldCredential(text) else { return }
            let words = text.split(whereSeparator: SecretPatterns.isWordSeparator)
            for token in words {
                let word = String(token)
                if SecretPatterns.credentialFormat(in: word) != nil { redactor.add(word) }
                if let password = SecretPatterns.urlPassword(word) { redactor.add(password) }
            }
            if mayHoldOption {
                for secret in SecretPatterns.optionCredentials(in: words) { redactor.add(secret) }
            }
            if feedsChpasswd {
                for secret in SecretPatterns.chpasswdPasswords(in: words) { redactor.add(secret) }
            }
        }
        for (index, instruction) in model.instructions.enumerated() {
            scan(instruction)
            let parsed = index < commands.count ? commands[index] : []
            for command in parsed {
                for secret in SecretPatterns.shellAssignmentSecrets(in: command.assignments + command.argv) {
                    redactor.add(secret)
                }
                // A `.netrc` entry in any word or here-document (`cat > ~/.netrc <<EOF`), as DF013
                // reads them.
                for secret in (command.argv + command.hereDocuments).flatMap(SecretPatterns.netrcPasswords) {
                    redactor.add(secret)
                }
            }
            for secret in SecretPatterns.batchPasswords(in: parsed.map(\.effectiveArgv)) {
                redactor.add(secret)
            }
        }
        return redactor
    }
}
