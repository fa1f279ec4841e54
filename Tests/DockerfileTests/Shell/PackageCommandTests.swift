import Testing

@testable import Dockerfile

/// `packageCommand`: managers behind wrappers and forwarders, index refreshes, pinned packages.
struct PackageCommandTests {
    private func package(_ source: String) -> PackageCommand? {
        ShellScript.parse(source).commands.first?.packageCommand
    }

    @Test(
        "forwarders and wrappers resolve to the manager and its family",
        arguments: [
            ("xx-apt-get install -y gcc", "apt-get", PackageCommand.Family.apt),
            ("xx-apt install gcc", "apt", .apt),
            ("xx-apk add --no-cache musl-dev", "apk", .apk),
            ("sudo -E apt-get install x", "apt-get", .apt),
            ("python3 -m pip install flask", "pip", .pip),
            ("uv pip install --system flask", "pip", .pip),
            ("/usr/bin/pip3.12 install flask", "pip", .pip),
            ("microdnf install tar", "microdnf", .rpm),
            ("zypper --non-interactive in vim", "zypper", .zypper),
        ])
    func managers(source: String, manager: String, family: PackageCommand.Family) throws {
        let command = try #require(package(source), "\(source)")
        #expect(command.manager == manager)
        #expect(command.family == family)
    }

    @Test("Commands that are not package managers give nil")
    func notManagers() {
        #expect(package("make install") == nil)
        #expect(package("python3 setup.py install") == nil)
        #expect(package("xx-info is-cross") == nil)
        #expect(package("uv sync --frozen") == nil)
        #expect(package("uv tool install ruff") == nil)
    }

    @Test(
        "The action is the first operand, past options and their values",
        arguments: [
            ("apt-get -o Acquire::Retries=3 -y update", "update", true, false),
            ("apt-get -q install -y curl", "install", false, true),
            ("apk add --update curl", "add", true, true),
            ("dnf --setopt=tsflags=nodocs makecache", "makecache", true, false),
            ("yum update -y", "update", false, true),
            ("apt-get satisfy -y 'curl (>= 7)'", "satisfy", false, true),
            ("zypper -R /mnt refresh", "refresh", true, false),
        ])
    func actions(source: String, action: String, refreshes: Bool, installs: Bool) throws {
        let command = try #require(package(source))
        #expect(command.action == action)
        #expect(command.refreshesIndex == refreshes)
        #expect(command.installs == installs)
    }

    @Test(
        "Unpinned package words per manager",
        arguments: [
            ("apt-get install -y curl=7.88.1 jq ./local.deb $EXTRA", ["jq"]),
            ("apt-get install -y golang/bookworm-backports jq=1.6-2.1", ["golang/bookworm-backports"]),
            ("apk add -t .build-deps gcc=13.2 musl-dev~1.2 make", ["make"]),
            ("dnf install -y curl-8.6.0-7.fc40 java-17-openjdk jq-1.7.1 @development", ["java-17-openjdk"]),
            ("zypper install curl=8.6.0 'jq>=1.7' vim", ["vim"]),
            ("pip install --upgrade pip", ["pip"]),
            ("pip install -i https://mirror/simple flask==3.0.3 gunicorn", ["gunicorn"]),
            ("pip install -r requirements.txt extra", []),
            ("uv pip install --system --python 3.12 flask==3.0.3 gunicorn", ["gunicorn"]),
            ("uv pip install --system -r requirements.txt", []),
            (
                "pip install git+https://github.com/o/r.git@9f3c2a1b4d5e6f708192a3b4c5d6e7f809a1b2c3 git+https://github.com/o/r.git@main",
                ["git+https://github.com/o/r.git@main"]
            ),
            ("npm install -g pnpm@9.1.0 @angular/cli @scope/x@17", ["@angular/cli"]),
            ("npm install left-pad", []),
            ("gem install rails:7.1.3 bundler", ["bundler"]),
            ("gem install bundler -v 2.5.9", []),
        ])
    func unpinned(source: String, expected: [String]) throws {
        let command = try #require(package(source))
        #expect(command.unpinnedPackages == expected, "\(source)")
    }

    @Test("Git commit ids: 40 or 64 hex digits only")
    func commitIDs() {
        #expect(GitCommit.isFullCommitID("9f3c2a1b4d5e6f708192a3b4c5d6e7f809a1b2c3"))
        #expect(!GitCommit.isFullCommitID("9f3c2a1b4d5e"))
        #expect(!GitCommit.isFullCommitID("v1.2.3"))
        #expect(!GitCommit.isFullCommitID("9f3c2a1b4d5e6f708192a3b4c5d6e7f809a1b2cz"))
    }
}
