import Testing

@testable import Dockerfile

/// `effectiveArgv`, `hasFlag`, `flagValue` and friends.
struct SimpleCommandFlagTests {
    private func first(_ source: String) -> SimpleCommand? {
        ShellScript.parse(source).commands.first
    }

    @Test(
        "wrappers and their options are stripped",
        arguments: [
            ("sudo -E apt-get install x", ["apt-get", "install", "x"]),
            ("sudo -u root -H pip install x", ["pip", "install", "x"]),
            ("sudo --user=app --preserve-env make", ["make"]),
            ("sudo --user app make", ["make"]),
            ("sudo DEBIAN_FRONTEND=noninteractive apt-get install x", ["apt-get", "install", "x"]),
            ("env -i PATH=/bin X=1 sh -c x", ["sh", "-c", "x"]),
            ("env -u HOME cmd", ["cmd"]),
            ("exec -a name nginx -g daemon", ["nginx", "-g", "daemon"]),
            ("nice -n 10 make -j4", ["make", "-j4"]),
            ("nice -10 make", ["make"]),
            ("xargs -0 -n1 -I{} rm {}", ["rm", "{}"]),
            ("xargs -I {} rm {}", ["rm", "{}"]),
            ("timeout -s KILL 30 curl u", ["curl", "u"]),
            ("timeout 30s curl u", ["curl", "u"]),
            ("nohup ./server &", ["./server"]),
            ("time -p make", ["make"]),
            ("command -v curl", ["curl"]),
            ("sudo -E env X=1 nice -n 5 apt-get update", ["apt-get", "update"]),
            ("gosu app:app python run.py", ["python", "run.py"]),
            ("busybox wget -qO- u", ["wget", "-qO-", "u"]),
            ("sudo -- rm -rf /tmp/x", ["rm", "-rf", "/tmp/x"]),
            ("sudo -l", ["sudo", "-l"]),
            ("env", ["env"]),
            ("/usr/bin/sudo /usr/bin/apt-get update", ["/usr/bin/apt-get", "update"]),
            ("apt-get install sudo", ["apt-get", "install", "sudo"]),
        ])
    func effectiveArgv(source: String, expected: [String]) {
        #expect(first(source)?.effectiveArgv == expected)
    }

    @Test("argv keeps wrappers as written")
    func argvKeepsWrappers() {
        let command = first("sudo -E apt-get install x")
        #expect(command?.argv == ["sudo", "-E", "apt-get", "install", "x"])
        #expect(command?.name == "sudo")
        #expect(command?.effectiveName == "apt-get")
        #expect(command?.effectiveCommandIndex == 2)
        #expect(first("X=1")?.effectiveArgv == [])
    }

    @Test(
        "hasFlag reads long options, clusters and attached values",
        arguments: [
            ("curl -k u", ["-k", "--insecure"], true),
            ("curl --insecure u", ["-k", "--insecure"], true),
            ("curl -fsSLk u", ["-k"], true),
            ("curl \"-k\" u", ["-k"], true),
            ("curl -fsSL u", ["-k", "--insecure"], false),
            ("curl u -- -k", ["-k"], false),
            ("curl --insecure=yes u", ["--insecure"], true),
            ("curl --insecurely u", ["--insecure"], false),
            ("sudo -k curl u", ["-k"], false),
            ("wget --no-check-certificate u", ["--no-check-certificate"], true),
            ("pip install --trusted-host=pypi.org x", ["--trusted-host"], true),
            ("pip install x | grep --trusted-host", ["--trusted-host"], false),
            ("yum -y --nogpgcheck install x", ["--nogpgcheck"], true),
            ("rpm -i --nosignature x.rpm", ["--nosignature"], true),
            ("java -nogpgcheck", ["-nogpgcheck"], true),
            ("mysql -psecret", ["-p"], true),
            ("apk add --allow-untrusted x", ["--allow-untrusted"], true),
        ])
    func hasFlag(source: String, names: [String], expected: Bool) {
        #expect(first(source)?.hasFlag(names, valueOptions: []) == expected)
    }

    @Test("the variadic hasFlag matches the array form")
    func variadicHasFlag() {
        #expect(first("curl -fsSLk u")?.hasFlag("-k", "--insecure") == true)
        #expect(first("curl -fsSL u")?.hasFlag("-k", "--insecure") == false)
    }

    @Test("value-taking options stop the cluster scan")
    func valueOptionsStopClusters() {
        let command = first("curl -sSLo/tmp/k u")
        #expect(command?.hasFlag(["-k"], valueOptions: []) == true)
        #expect(command?.hasFlag(["-k"], valueOptions: ["-o"]) == false)
        let separate = first("curl -o -k u")
        #expect(separate?.hasFlag(["-k"], valueOptions: ["-o", "--output"]) == false)
        #expect(first("curl --output -k u")?.hasFlag(["-k"], valueOptions: ["--output"]) == false)
    }

    @Test(
        "flagValue reads attached and separate values",
        arguments: [
            ("mysql -psecret db", "-p", "secret"),
            ("mysql -p secret db", "-p", "secret"),
            ("wget -qO- u", "-O", "-"),
            ("wget -O - u", "-O", "-"),
            ("tar -xzf a.tgz", "-f", "a.tgz"),
            ("git -c http.sslVerify=false clone u", "-c", "http.sslVerify=false"),
            ("mysql --password=hunter2", "--password", "hunter2"),
            ("mysql --password hunter2", "--password", "hunter2"),
            ("pip install --trusted-host pypi.org x", "--trusted-host", "pypi.org"),
            ("sudo -u app curl -u user:pw u", "-u", "user:pw"),
        ])
    func flagValue(source: String, name: String, expected: String) {
        #expect(first(source)?.flagValue(name) == expected)
    }

    @Test("flagValue is nil when the option is absent or has no value")
    func flagValueAbsent() {
        #expect(first("mysql db")?.flagValue("-p") == nil)
        #expect(first("mysql -p")?.flagValue("-p") == nil)
        #expect(first("curl -fsSL u")?.flagValue("--output") == nil)
    }

    @Test("flagValues lists every occurrence")
    func flagValues() {
        let command = first("pip install x --trusted-host pypi.org --trusted-host=files.pythonhosted.org")
        #expect(command?.flagValues("--trusted-host") == ["pypi.org", "files.pythonhosted.org"])
    }

    @Test("flag occurrences point at their words, so expansions can be told from literals")
    func occurrenceWords() {
        guard let command = first("mysql --password \"$DB_PASS\" -pliteral") else {
            Issue.record("no command")
            return
        }
        let occurrences = command.flagOccurrences(["--password", "-p"], valueOptions: ["--password", "-p"])
        #expect(occurrences.map(\.value) == ["$DB_PASS", "literal"])
        #expect(occurrences.compactMap(\.valueIndex).map { command.words[$0].hasExpansion } == [true, false])
    }
}
