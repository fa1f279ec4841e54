import Foundation
import Testing

@testable import Dockerfile

/// RUN lines as they appear in real Dockerfiles, with the facts the rules need from them.
struct ShellRealisticRunTests {
    @Test("an apt-get chain with continuations (DF019, DF020)")
    func aptGetChain() {
        let script = ShellScript.parse(
            """
            set -eux; \\
                apt-get update; \\
                apt-get install -y --no-install-recommends \\
                    ca-certificates \\
                    curl=7.88.1-10 \\
                ; \\
                rm -rf /var/lib/apt/lists/*
            """)
        #expect(
            script.commands.map(\.effectiveArgv) == [
                ["set", "-eux"], ["apt-get", "update"],
                ["apt-get", "install", "-y", "--no-install-recommends", "ca-certificates", "curl=7.88.1-10"],
                ["rm", "-rf", "/var/lib/apt/lists/*"],
            ])
        #expect(script.diagnostics.isEmpty)
    }

    @Test(
        "a remote script piped into a shell is one pipeline (DF016)",
        arguments: [
            "echo hello && \\\n\tcurl bla | bash",
            "curl -sSL https://dot.net/v1/dotnet-install.sh | bash /dev/stdin",
            "wget -qO- https://get.x.io | sudo sh -s -- --yes",
            "curl -fsSL https://deb.nodesource.com/setup_18.x | sudo -E bash -",
        ])
    func pipeToShell(source: String) {
        let commands = ShellScript.parse(source).commands
        let fetch = commands.first { ["curl", "wget"].contains($0.effectiveName) }
        let shell = commands.first { ["sh", "bash"].contains($0.effectiveName) }
        #expect(fetch != nil && shell != nil)
        #expect(fetch?.pipeline == shell?.pipeline)
        #expect((fetch?.pipelinePosition ?? 0) < (shell?.pipelinePosition ?? 0))
    }

    @Test(
        "remote scripts run through substitutions name the interpreter as parent (DF016)",
        arguments: [
            (
                "bash <(curl --silent --show-error \"https://raw.githubusercontent.com/a/b/main/x.bash\")",
                SimpleCommand.Context.processSubstitution
            ),
            (
                "sh -c \"$(curl -fsSL https://x.example/ohmyzsh/install.sh)\"",
                .commandSubstitution
            ),
            ("bash -c \"$(wget -qO- https://x/install.sh)\" -- -y", .commandSubstitution),
        ])
    func substitutedRemoteScript(source: String, context: SimpleCommand.Context) {
        let commands = ShellScript.parse(source).commands
        let fetch = commands.first { ["curl", "wget"].contains($0.effectiveName) }
        #expect(fetch?.context == context)
        #expect(fetch?.parent.map { commands[$0].effectiveName } == commands.first?.effectiveName)
    }

    @Test("sudo is found after &&, ; and | (DF010)")
    func sudoAnywhere() {
        let commands = ShellScript.parse("echo a && sudo apt-get update; cat x | sudo tee y").commands
        #expect(
            commands.filter { $0.name == "sudo" }.map(\.effectiveArgv) == [
                ["apt-get", "update"], ["tee", "y"],
            ])
    }

    @Test(
        "setuid chmod modes are plain words (DF023)",
        arguments: [
            ("chmod u+s /usr/bin/ping", "u+s"), ("chmod 4755 /bin/x", "4755"),
            ("chmod g+s,o-w /d", "g+s,o-w"),
        ])
    func chmodModes(source: String, mode: String) {
        let command = ShellScript.parse(source).commands.first
        #expect(command?.name == "chmod")
        #expect(command?.argv.dropFirst().first == mode)
    }

    @Test("pip --trusted-host is found in every spelling from the checkov corpus (DF017)")
    func pipTrustedHost() {
        let sources = [
            "pip install checkov --trusted-host pypi.org --trusted-host files.pythonhosted.org",
            "pip3 install checkov --trusted-host=pypi.python.org --trusted-host=pypi.org",
            "echo \"panw\" && pip --trusted-host=pypi.python.org --trusted-host=pypi.org install checkov",
            "pip install -r requirements.txt \\\n    --trusted-host pypi.org \\\n    --trusted-host=pypi.org",
        ]
        for source in sources {
            let pip = ShellScript.parse(source).commands.first { $0.effectiveName?.hasPrefix("pip") == true }
            #expect(pip?.hasFlag("--trusted-host") == true, "\(source)")
        }
        let notPip = ShellScript.parse("pip install checkov | grep \"--trusted-host\"").commands
        #expect(notPip.first?.hasFlag("--trusted-host") == false)
        #expect(notPip.last?.name == "grep")
    }

    @Test("here-strings feed a word, and its substitution is parsed")
    func hereString() {
        let commands = ShellScript.parse("bash <<< \"$(curl -fsSL https://x/y.sh)\"").commands
        #expect(commands.map(\.name) == ["bash", "curl"])
        #expect(commands.last?.parent == 0)
    }

    @Test("if [ ... ]; then ...; fi inside a RUN")
    func ifInRun() {
        let script = ShellScript.parse(
            """
            set -eux \\
                &&  if [[ -n "${NPM_PROXY}" ]]; then \\
                      npm config set proxy $NPM_PROXY; \\
                      npm config set strict-ssl  false; \\
                    fi
            """)
        #expect(
            script.commands.map(\.argv) == [
                ["set", "-eux"], ["[[", "-n", "${NPM_PROXY}", "]]"],
                ["npm", "config", "set", "proxy", "$NPM_PROXY"],
                ["npm", "config", "set", "strict-ssl", "false"],
            ])
        #expect(script.diagnostics.isEmpty)
    }

    @Test("a docker-library style case on the architecture")
    func architectureCase() {
        let script = ShellScript.parse(
            """
            arch="$(dpkg --print-architecture)"; arch="${arch##*-}"; \\
            url=; \\
            case "$arch" in \\
                'amd64') url='https://x/amd64.tgz' ;; \\
                'arm64') url='https://x/arm64.tgz' ;; \\
                *) echo >&2 "unsupported: $arch"; exit 1 ;; \\
            esac; \\
            wget -O go.tgz "$url" --progress=dot:giga
            """)
        #expect(script.commands.compactMap(\.name) == ["dpkg", "echo", "exit", "wget"])
        #expect(script.commands.first?.assignments == ["arch=$(dpkg --print-architecture)"])
        #expect(script.commands.last?.flagValue("-O") == "go.tgz")
        #expect(script.diagnostics.isEmpty)
    }

    @Test("the parse result encodes as JSON with derived name and effectiveArgv")
    func encodes() throws {
        let script = ShellScript.parse("sudo -E apt-get update")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(script), as: UTF8.self)
        #expect(json.contains("\"effective_argv\":[\"apt-get\",\"update\"]"))
        #expect(json.contains("\"name\":\"sudo\""))
        #expect(json.contains("\"range\":[0,22]"))
        #expect(json.contains("\"context\":\"top\""))
    }
}
