import Testing

@testable import Dockerfile

@Suite("PowerShell scripts: commands, pipelines, groups and methods")
struct PowerShellScriptTests {
    /// The commands of `text` as `name(arguments)` with their pipeline (numbered in the order
    /// the commands show them) and position, ancestors and methods.
    func outline(_ text: String) -> [String] {
        let commands = PowerShellScript.commands(text)
        var pipelines: [Int: Int] = [:]
        for command in commands where pipelines[command.pipeline] == nil {
            pipelines[command.pipeline] = pipelines.count
        }
        return commands.map { command in
            "\(command.name)(\(command.arguments.joined(separator: " ")))"
                + " p\(pipelines[command.pipeline]!).\(command.position)"
                + (command.ancestors.isEmpty ? "" : " in \(command.ancestors)")
                + (command.methods.isEmpty ? "" : " calls \(command.methods.joined(separator: ","))")
        }
    }

    @Test func chocolateyInstallLine() {
        let text = """
            Set-ExecutionPolicy Bypass -Scope Process -Force; [System.Net.ServicePointManager]::SecurityProtocol = \
            [System.Net.ServicePointManager]::SecurityProtocol -bor 3072; \
            iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))
            """
        #expect(
            outline(text) == [
                "set-executionpolicy(Bypass -Scope Process -Force) p0.0",
                "invoke-expression() p1.0 calls downloadstring",
                "new-object(System.Net.WebClient) p2.0 in [1]",
            ])
    }

    @Test func pipelinesAndNestedCommands() {
        #expect(
            outline("irm https://get.scoop.sh | iex") == [
                "invoke-restmethod(https://get.scoop.sh) p0.0", "invoke-expression() p0.1",
            ])
        #expect(
            outline("Invoke-Expression (Invoke-WebRequest -UseBasicParsing https://x/setup.ps1).Content") == [
                "invoke-expression(.Content) p0.0",
                "invoke-webrequest(-UseBasicParsing https://x/setup.ps1) p1.0 in [0]",
            ])
        // Downloaded to a file, checked, then run from the file: the run reads no download.
        #expect(
            outline(
                "iwr https://x/i.ps1 -OutFile i.ps1; if ((Get-FileHash i.ps1).Hash -ne $env:SUM) { exit 1 }; "
                    + "iex (Get-Content i.ps1 -Raw)") == [
                    "invoke-webrequest(https://x/i.ps1 -OutFile i.ps1) p0.0",
                    "get-filehash(i.ps1) p1.0",
                    "invoke-expression() p2.0",
                    "get-content(i.ps1 -Raw) p3.0 in [2]",
                ])
    }

    @Test func quotedTextIsNotCommands() {
        #expect(outline("Write-Host 'iex (iwr https://x)'") == ["write-host(iex (iwr https://x)) p0.0"])
        #expect(
            outline(#"Write-Host "it's ""quoted"" `"here`"""#) == [#"write-host(it's "quoted" "here") p0.0"#])
        // A double-quoted string's subexpression runs.
        #expect(
            outline(#"Write-Host "got $(iwr https://x -UseBasicParsing)""#) == [
                #"write-host(got $(iwr https://x -UseBasicParsing)) p0.0"#,
                "invoke-webrequest(https://x -UseBasicParsing) p1.0 in [0]",
            ])
        #expect(outline("# iex (iwr https://x)\nWrite-Output ok <# iwr #>") == ["write-output(ok) p0.0"])
    }

    @Test func callOperatorsKeywordsAndPaths() {
        #expect(
            outline(#"& 'C:\Program Files\Git\bin\git.exe' clone x; . .\setup.ps1"#) == [
                "git(clone x) p0.0", "setup.ps1() p1.0",
            ])
        #expect(
            outline("foreach ($f in $files) { Remove-Item $f }; if ($x) { C:\\tools\\CURL.EXE -k https://x }")
                == [
                    "remove-item($f) p0.0", "curl(-k https://x) p1.0",
                ])
        #expect(outline("$x = iwr https://x") == [])
    }

    @Test func hereStringsAndContinuations() {
        let text =
            "Write-Host @'\niex (iwr https://x)\n'@\nInvoke-WebRequest `\n  -Uri https://x `\n  -OutFile a.zip"
        #expect(
            outline(text) == [
                "write-host(iex (iwr https://x)) p0.0",
                "invoke-webrequest(-Uri https://x -OutFile a.zip) p1.0",
            ])
    }

    @Test func assignmentsToVariablesAndStaticProperties() {
        let reading = PowerShellScript.read(
            "[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }; $p = 'x'; "
                + "iwr https://x -Headers @{ a = 'b' }")
        #expect(
            reading.assignments == [
                PowerShellAssignment(
                    target: "[System.Net.ServicePointManager]::ServerCertificateValidationCallback",
                    value: "$true"),
                PowerShellAssignment(target: "$p", value: "x"),
            ])
        #expect(reading.commands.map(\.name) == ["invoke-webrequest"])
    }

    @Test func commandLines() {
        #expect(PowerShellCommandLine.script(arguments: ["-NoProfile", "-c", "iwr", "x"]) == "iwr x")
        #expect(PowerShellCommandLine.script(arguments: ["-COMMAND", "Write-Host hi"]) == "Write-Host hi")
        #expect(PowerShellCommandLine.script(arguments: ["-File", "./build.ps1"]) == nil)
        #expect(PowerShellCommandLine.script(arguments: ["-Command"]) == nil)
        // -EncodedCommand is base64 of UTF-16LE text.
        #expect(
            PowerShellCommandLine.script(arguments: [
                "-EncodedCommand", "VwByAGkAdABlAC0ASABvAHMAdAAgAGgAZQBsAGwAbwA=",
            ])
                == "Write-Host hello")
        #expect(
            PowerShellCommandLine.script(arguments: ["-ec", "VwByAGkAdABlAC0ASABvAHMAdAAgAGgAZQBsAGwAbwA="])
                == "Write-Host hello")
        #expect(PowerShellCommandLine.script(arguments: ["-e", "not base64!"]) == nil)
        #expect(PowerShellCommandLine.script(arguments: ["-e", "QQ=="]) == nil)
        #expect(
            PowerShellCommandLine.isPowerShell(
                "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.EXE"))
        #expect(!PowerShellCommandLine.isPowerShell("pwsh-preview"))
        // A powershell -Command inside a script is read too, its commands under the one running it.
        let nested = PowerShellCommandLine.commands(of: [#"pwsh -c "iex (irm https://x)""#])
        #expect(nested.map(\.name) == ["pwsh", "invoke-expression", "invoke-restmethod"])
        #expect(nested[1].ancestors == [0])
        #expect(nested[2].ancestors == [1, 0])
    }

    @Test func hostileNestingEnds() {
        let deep = String(repeating: "(", count: 10_000) + "iwr x" + String(repeating: ")", count: 10_000)
        #expect(PowerShellScript.commands("iex " + deep).count == 1)
        let strings =
            String(repeating: "\"$(", count: 5_000) + "iwr x" + String(repeating: ")\"", count: 5_000)
        #expect(PowerShellScript.commands("Write-Host " + strings).count <= PowerShellLexer.maximumDepth + 1)
        let members = "$a" + String(repeating: ".b", count: 100_000)
        #expect(PowerShellScript.commands("Write-Host " + members).count == 1)
        #expect(
            PowerShellScript.commands(String(repeating: ")}", count: 1_000) + "iwr x").map(\.name) == [
                "invoke-webrequest"
            ])
    }
}
