import Testing

@testable import Dockerfile

/// Command and process substitutions, backticks and `sh -c` strings: nested commands, their
/// context and their parent.
struct ShellSubstitutionTests {
    /// Each command as `name<-parentName@context`.
    private func shape(_ source: String) -> [String] {
        let commands = ShellScript.parse(source).commands
        return commands.map { command in
            let parent = command.parent.map { commands[$0].name ?? "=" } ?? "-"
            return "\(command.name ?? "=")<-\(parent)@\(command.context.rawValue)"
        }
    }

    @Test(
        "nested commands know their parent and context",
        arguments: [
            ("echo $(date +%s)", ["echo<--@top", "date<-echo@command_substitution"]),
            ("echo \"v=$(cat \"$f\")\"", ["echo<--@top", "cat<-echo@command_substitution"]),
            ("echo `uname -m`", ["echo<--@top", "uname<-echo@command_substitution"]),
            ("echo \"`uname -m`\"", ["echo<--@top", "uname<-echo@command_substitution"]),
            ("bash <(curl -s https://x/i.sh)", ["bash<--@top", "curl<-bash@process_substitution"]),
            (
                "diff <(a) >(b)",
                ["diff<--@top", "a<-diff@process_substitution", "b<-diff@process_substitution"]
            ),
            ("a $(b $(c))", ["a<--@top", "b<-a@command_substitution", "c<-b@command_substitution"]),
            ("a $( (b; c) )", ["a<--@top", "b<-a@subshell", "c<-a@subshell"]),
            ("X=$(curl u) make", ["make<--@top", "curl<-make@command_substitution"]),
            ("X=$(curl u)", ["=<--@top", "curl<-=@command_substitution"]),
            ("cat > $(mktemp)", ["cat<--@top", "mktemp<-cat@command_substitution"]),
            ("for f in $(ls); do :; done", ["ls<--@command_substitution", ":<--@top"]),
            ("echo ${X:-$(id -u)}", ["echo<--@top", "id<-echo@command_substitution"]),
            ("echo $(case $x in a) echo a;; esac)", ["echo<--@top", "echo<-echo@command_substitution"]),
            ("echo \"$(echo \")\")\"", ["echo<--@top", "echo<-echo@command_substitution"]),
            (
                "echo `echo \\`date\\``",
                ["echo<--@top", "echo<-echo@command_substitution", "date<-echo@command_substitution"]
            ),
        ])
    func nesting(source: String, expected: [String]) {
        let script = ShellScript.parse(source)
        #expect(shape(source) == expected)
        #expect(script.diagnostics.isEmpty)
    }

    @Test(
        "sh -c strings are parsed as nested scripts",
        arguments: [
            (
                "sh -c 'apt-get update && apt-get install -y x'",
                ["sh<--@top", "apt-get<-sh@sh_c", "apt-get<-sh@sh_c"]
            ),
            ("bash -ec \"curl -k u | bash\"", ["bash<--@top", "curl<-bash@sh_c", "bash<-bash@sh_c"]),
            ("bash -o pipefail -c 'a | b'", ["bash<--@top", "a<-bash@sh_c", "b<-bash@sh_c"]),
            ("/bin/sh -xc \"echo \\\"q\\\"\"", ["sh<--@top", "echo<-sh@sh_c"]),
            ("sudo -u app sh -c 'make install'", ["sudo<--@top", "make<-sudo@sh_c"]),
            ("su -c 'make install' app", ["su<--@top", "make<-su@sh_c"]),
            ("su app --command='make install'", ["su<--@top", "make<-su@sh_c"]),
            ("sh -c \"$(curl -fsSL https://x/install.sh)\"", ["sh<--@top", "curl<-sh@command_substitution"]),
            ("sh -c 'sh -c \"id\"'", ["sh<--@top", "sh<-sh@sh_c", "id<-sh@sh_c"]),
            ("sh script.sh -c x", ["sh<--@top"]),
            ("sh -c", ["sh<--@top"]),
            ("xargs -n1 sh -c 'echo $0'", ["xargs<--@top", "echo<-xargs@sh_c"]),
        ])
    func shDashC(source: String, expected: [String]) {
        #expect(shape(source) == expected)
    }

    @Test("nested script commands carry source offsets")
    func nestedRanges() {
        let source = "sh -c 'apt-get  update'"
        let bytes = Array(source.utf8)
        let nested = ShellScript.parse(source).commands.last
        #expect(nested.map { String(decoding: bytes[$0.range], as: UTF8.self) } == "apt-get  update")
        let backtick = "echo `a \\`b\\``"
        let inner = ShellScript.parse(backtick).commands.last
        #expect(inner?.name == "b")
        #expect(inner.map { String(decoding: Array(backtick.utf8)[$0.range], as: UTF8.self) } == "b")
    }

    @Test("the sudo su -c case from the corpus reaches the process substitution")
    func sudoSuProcessSubstitution() {
        let commands = ShellScript.parse(
            "sudo su -c \"bash <(wget -qO- http://website.com/my-script2.sh)\" root"
        )
        .commands
        #expect(commands.map(\.name) == ["sudo", "bash", "wget"])
        #expect(commands.map(\.context) == [.top, .shDashC, .processSubstitution])
        #expect(commands.map(\.parent) == [nil, 0, 1])
    }
}
