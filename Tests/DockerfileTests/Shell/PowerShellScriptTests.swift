import Testing

@testable import Dockerfile

@Suite("PowerShell scripts: commands, expressions, pipelines, groups and methods")
struct PowerShellScriptTests {
    /// The elements of `text` as `name(arguments)` (an expression as `~(words)`, an assignment
    /// as `target=(value)`) with their pipeline (numbered in the order the elements show them)
    /// and position, ancestors and methods.
    func outline(_ text: String) -> [String] {
        let elements = PowerShellScript.commands(text)
        var pipelines: [Int: Int] = [:]
        for element in elements where pipelines[element.pipeline] == nil {
            pipelines[element.pipeline] = pipelines.count
        }
        return elements.map { element in
            let head =
                element.assigns.map { "\($0)=(\(element.value))" }
                ?? "\(element.name.isEmpty ? "~" : element.name)(\(element.arguments.joined(separator: " ")))"
            return head + " p\(pipelines[element.pipeline]!).\(element.position)"
                + (element.ancestors.isEmpty ? "" : " in \(element.ancestors)")
                + (element.methods.isEmpty ? "" : " calls \(element.methods.joined(separator: ","))")
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
                "[System.Net.ServicePointManager]::SecurityProtocol="
                    + "([System.Net.ServicePointManager]::SecurityProtocol -bor 3072) p1.0",
                "~([System.Net.ServicePointManager]::SecurityProtocol -bor 3072) p2.0 in [1]",
                "invoke-expression() p3.0",
                "~() p4.0 in [3] calls downloadstring",
                "new-object(System.Net.WebClient) p5.0 in [4, 3]",
                "~(https://community.chocolatey.org/install.ps1) p6.0 in [4, 3]",
            ])
    }

    @Test func pipelinesAndNestedCommands() {
        #expect(
            outline("irm https://get.scoop.sh | iex") == [
                "invoke-restmethod(https://get.scoop.sh) p0.0", "invoke-expression() p0.1",
            ])
        // An expression that downloads, piped into iex.
        #expect(
            outline("(New-Object Net.WebClient).DownloadString('https://x') | iex") == [
                "~() p0.0 calls downloadstring", "new-object(Net.WebClient) p1.0 in [0]",
                "~(https://x) p2.0 in [0]", "invoke-expression() p0.1",
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
                    "~(if) p1.0",
                    "~(.Hash -ne $env:SUM) p2.0 in [1]",
                    "get-filehash(i.ps1) p3.0 in [2, 1]",
                    "~(exit 1) p4.0 in [1]",
                    "invoke-expression() p5.0",
                    "get-content(i.ps1 -Raw) p6.0 in [5]",
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
            PowerShellScript.commands(
                "foreach ($f in $files) { Remove-Item $f }; if ($x) { C:\\tools\\CURL.EXE -k https://x }"
            ).filter { !$0.name.isEmpty }.map(\.name) == ["remove-item", "curl"])
    }

    @Test func assignmentsHoldTheirValuesPipeline() {
        #expect(
            outline("$r = iwr https://x -UseBasicParsing | ConvertFrom-Json; iex $r") == [
                "$r=(iwr https://x -UseBasicParsing ConvertFrom-Json) p0.0",
                "invoke-webrequest(https://x -UseBasicParsing) p1.0 in [0]",
                "convertfrom-json() p1.1 in [0]",
                "invoke-expression($r) p2.0",
            ])
        let callback = PowerShellScript.commands(
            "[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }; "
                + "iwr https://x -Headers @{ a = 'b' }")
        #expect(
            callback[0].assigns == "[System.Net.ServicePointManager]::ServerCertificateValidationCallback")
        #expect(callback[0].value == "$true")
        // A hashtable key is not a command.
        #expect(callback.map(\.name).filter { !$0.isEmpty } == ["invoke-webrequest"])
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
        /// The commands of `text`, expressions left out.
        func named(_ text: String) -> [String] {
            PowerShellScript.commands(text).map(\.name).filter { !$0.isEmpty }
        }
        // Groups past the depth limit are skipped: the innermost command is not reached.
        let deep = String(repeating: "(", count: 10_000) + "iwr x" + String(repeating: ")", count: 10_000)
        #expect(named("iex " + deep) == ["invoke-expression"])
        #expect(PowerShellScript.commands("iex " + deep).count <= PowerShellScript.maximumDepth + 1)
        let strings =
            String(repeating: "\"$(", count: 5_000) + "iwr x" + String(repeating: ")\"", count: 5_000)
        #expect(named("Write-Host " + strings) == ["write-host"])
        let members = "$a" + String(repeating: ".b", count: 100_000)
        #expect(named("Write-Host " + members) == ["write-host"])
        #expect(named(String(repeating: ")}", count: 1_000) + "iwr x") == ["invoke-webrequest"])
    }
}
