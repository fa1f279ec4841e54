/// What a simple command does with a package manager: refresh its index, install or upgrade
/// packages, and which package names it installs with or without a pinned version.
///
/// Read from ``SimpleCommand/effectiveArgv``, so wrappers such as `sudo` and `env` are already
/// removed. Commands that forward to a package manager count as that manager: the
/// cross-compilation helpers `xx-apt-get`, `xx-apt`, `xx-apk` and `xx-go` run `apt-get`, `apt`,
/// `apk` and `go` for the target platform with the same arguments, and `python -m pip` is `pip`.
public struct PackageCommand: Sendable, Equatable {
    /// Tools that share one package index: an index refreshed by `apt` serves `apt-get`.
    public enum Family: String, Sendable, Equatable {
        /// `apt-get`, `apt`, `aptitude` (and `xx-apt-get`, `xx-apt`).
        case apt
        /// `apk` (and `xx-apk`).
        case apk
        /// `yum`, `dnf`, `microdnf`, `tdnf`.
        case rpm
        /// `zypper`.
        case zypper
        /// `pip`, `pip3`, `python -m pip`.
        case pip
        /// `npm`.
        case npm
        /// `gem`.
        case gem
        /// `go install`.
        case go
        /// `cargo install`.
        case cargo
    }

    /// A word of an install command that names a package.
    public struct Package: Sendable, Equatable {
        /// The word as the command receives it (`curl=7.88.1-10`, `flask==3.0.3`).
        public let word: String
        /// Whether the word fixes the version (or, for a Git URL, the commit).
        public let isPinned: Bool
    }

    /// The package manager the command runs, forwarders resolved (`xx-apt-get` gives `apt-get`,
    /// `pip3` gives `pip`).
    public let manager: String
    /// The family whose package index the manager uses.
    public let family: Family
    /// The subcommand (`install`, `update`, `add`, `makecache`), or nil when there is none.
    public let action: String?
    /// Whether the command refreshes the package index (`apt-get update`, `apk update`,
    /// `apk add --update`, `dnf makecache`, `zypper refresh`).
    public let refreshesIndex: Bool
    /// Whether the command installs or upgrades packages.
    public let installs: Bool
    /// Whether the command installs packages it names (`apt-get install`, `apk add`, `pip
    /// install`, `npm install -g`), as opposed to upgrading everything or refreshing.
    public let installsNamedPackages: Bool
    /// The package words of an install, in order; options, their values, variables, local
    /// files and paths are not package words.
    public let packages: [Package]
    /// Whether a requirements or constraints file, `--require-hashes` (pip), `-v` (gem), or
    /// `--version`, `--rev` or `--tag` (cargo) pins every package of the command.
    public let pinnedByOption: Bool

    /// The package words whose version is not fixed, unless an option pins them all.
    public var unpinnedPackages: [String] {
        pinnedByOption ? [] : packages.filter { !$0.isPinned }.map(\.word)
    }
}

/// Reads the arguments of package-manager commands (see ``PackageCommand``).
enum PackageCommandReader {
    /// Commands that run another tool with the same arguments.
    static let forwarders = ["xx-apt-get": "apt-get", "xx-apt": "apt", "xx-apk": "apk", "xx-go": "go"]

    /// How one family's options are written: the options that take a value in the next word.
    struct Syntax {
        let family: PackageCommand.Family
        let valueOptions: Set<String>
        let refreshActions: Set<String>
        let installActions: Set<String>
        /// The actions whose operands are package names.
        let packageActions: Set<String>
    }

    static let apt = Syntax(
        family: .apt,
        valueOptions: [
            "-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release",
        ],
        refreshActions: ["update"],
        // `satisfy` installs whatever meets its dependency strings (`"curl (>= 7)"`).
        installActions: [
            "install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall", "satisfy",
        ],
        packageActions: ["install", "reinstall"])
    static let apk = Syntax(
        family: .apk,
        valueOptions: ["-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "-t", "--virtual"],
        refreshActions: ["update"], installActions: ["add", "upgrade", "fix"], packageActions: ["add"])
    static let rpm = Syntax(
        family: .rpm,
        valueOptions: ["-c", "-x", "-R", "-d", "-e", "--exclude", "--config", "--repo", "--repoid"],
        refreshActions: ["makecache"],
        installActions: [
            "install", "upgrade", "update", "groupinstall", "reinstall", "distro-sync", "localinstall",
        ],
        packageActions: ["install", "reinstall"])
    static let zypper = Syntax(
        family: .zypper,
        valueOptions: ["-R", "--root", "-c", "--config", "-t", "--type", "-r", "--repo", "--from"],
        refreshActions: ["refresh", "ref"],
        installActions: ["install", "in", "update", "up", "dist-upgrade", "dup", "patch"],
        packageActions: ["install", "in"])
    static let pip = Syntax(
        family: .pip,
        valueOptions: [
            "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src",
            "--upgrade-strategy", "--python-version", "--platform", "--implementation", "--abi",
            "--no-binary", "--only-binary", "--progress-bar", "--trusted-host", "--cache-dir", "--log",
            "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
            "--global-option", "-C", "--config-settings", "--install-option",
        ],
        refreshActions: [], installActions: ["install"], packageActions: ["install"])
    /// `uv pip install`: pip's interface, with uv's own options that take a value (`--python 3.12`).
    static let uvPip = Syntax(
        family: .pip,
        valueOptions: pip.valueOptions.union([
            "-p", "--python", "--override", "--exclude-newer", "--python-platform", "--index",
            "--default-index", "--index-strategy", "--keyring-provider", "--resolution", "--prerelease",
            "--link-mode", "-P", "--upgrade-package", "--reinstall-package", "--refresh-package", "-b",
            "--build-constraint", "--config-file", "--extra", "--group", "--torch-backend",
            "--allow-insecure-host", "--directory", "--project", "--no-build-isolation-package",
        ]),
        refreshActions: [], installActions: ["install"], packageActions: ["install"])
    static let npm = Syntax(
        family: .npm,
        valueOptions: ["--prefix", "--registry", "--tag", "-w", "--workspace", "--cache"],
        refreshActions: [], installActions: ["install", "i", "add"], packageActions: ["install", "i", "add"])
    static let gem = Syntax(
        family: .gem,
        valueOptions: [
            "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "-P",
            "--trust-policy", "--platform",
        ],
        refreshActions: [], installActions: ["install"], packageActions: ["install"])

    /// `go install pkg@version`: the build flags that take a value in the next word.
    static let go = Syntax(
        family: .go,
        valueOptions: Set(
            [
                "-o", "-p", "-C", "-tags", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags", "-mod",
                "-modfile",
                "-pkgdir", "-toolexec", "-buildmode", "-compiler", "-installsuffix", "-overlay", "-pgo",
                "-exec",
                "-coverpkg", "-covermode",
            ].flatMap { [$0, "-" + $0] }),
        refreshActions: [], installActions: ["install"], packageActions: ["install"])
    /// `cargo install crate`: a registry crate, or crates from `--git` or `--path`.
    static let cargo = Syntax(
        family: .cargo,
        valueOptions: [
            "--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root", "--index",
            "--registry", "--bin", "--example", "--target", "--target-dir", "-F", "--features", "-j",
            "--jobs",
            "--profile", "--config", "-Z", "--color",
        ],
        refreshActions: [], installActions: ["install"], packageActions: ["install"])

    static func read(_ argv: [String]) -> PackageCommand? {
        guard let first = argv.first else { return nil }
        var name = SimpleCommand.baseName(first)
        name = forwarders[name] ?? name
        var arguments = argv.dropFirst()
        if isPython(name) {
            // `python3 -m pip install x`: the module is the manager.
            guard arguments.first == "-m", let module = arguments.dropFirst().first, isPip(module) else {
                return nil
            }
            name = "pip"
            arguments = arguments.dropFirst(2)
        }
        var uvPip = false
        if name == "uv" {
            // `uv pip install x`: uv's pip interface installs as pip does.
            guard arguments.first == "pip" else { return nil }
            (name, uvPip) = ("pip", true)
            arguments = arguments.dropFirst()
        }
        guard let (manager, generic) = syntax(for: name) else { return nil }
        let syntax = uvPip ? Self.uvPip : generic
        let operands = Self.operands(Array(arguments), syntax: syntax)
        let action = operands.first.map { $0.word }
        var refreshes = action.map(syntax.refreshActions.contains) ?? false
        if syntax.family == .apk, action == "add",
            arguments.contains(where: { ["-U", "--update", "--update-cache"].contains($0) })
        {
            refreshes = true
        }
        let installs = action.map(syntax.installActions.contains) ?? false
        // npm installs into the image only with -g; otherwise it fills the project's node_modules.
        let namesPackages =
            action.map(syntax.packageActions.contains) ?? false
            && (syntax.family != .npm || arguments.contains(where: { $0 == "-g" || $0 == "--global" }))
        let packages =
            namesPackages ? operands.dropFirst().compactMap { package($0.word, family: syntax.family) } : []
        let all = Array(arguments)
        let pinnedByOption: Bool =
            switch syntax.family {
            case .pip:
                all.contains { word in
                    ["-r", "--requirement", "-c", "--constraint", "--require-hashes"].contains {
                        word == $0 || word.hasPrefix($0 + "=")
                    }
                }
            case .gem: all.contains { $0 == "-v" || $0 == "--version" || $0.hasPrefix("--version=") }
            case .cargo:
                // An exact registry version (a requirement such as `~1.2` selects the newest that
                // meets it), or a commit or tag of a --git source; --branch moves.
                all.indices.contains { index in
                    let word = all[index]
                    if ["--rev", "--tag"].contains(where: { word == $0 || word.hasPrefix($0 + "=") }) {
                        return true
                    }
                    for option in ["--version", "--vers"] {
                        let value: Substring? =
                            word == option
                            ? (index + 1 < all.count ? all[index + 1][...] : nil)
                            : (word.hasPrefix(option + "=") ? word.dropFirst(option.count + 1) : nil)
                        if let value, value.first?.isNumber == true { return true }
                    }
                    return false
                }
            default: false
            }
        var named = packages
        if syntax.family == .cargo, namesPackages, named.isEmpty,
            let git = all.firstIndex(where: { $0 == "--git" || $0.hasPrefix("--git=") })
        {
            // `cargo install --git URL` without a crate name installs the repository's only
            // crate: the URL is what is installed, at --rev or --tag, or at a moving branch.
            let url =
                all[git] == "--git"
                ? (git + 1 < all.count ? all[git + 1] : "") : String(all[git].dropFirst(6))
            if !url.isEmpty, !url.contains("$") {
                named.append(PackageCommand.Package(word: url, isPinned: false))
            }
        }
        return PackageCommand(
            manager: manager, family: syntax.family, action: action, refreshesIndex: refreshes,
            installs: installs, installsNamedPackages: namesPackages, packages: named,
            pinnedByOption: pinnedByOption)
    }

    static func syntax(for name: String) -> (String, Syntax)? {
        switch name {
        case "apt-get", "apt", "aptitude": (name, apt)
        case "apk": (name, apk)
        case "yum", "dnf", "microdnf", "tdnf": (name, rpm)
        case "zypper": (name, zypper)
        case "npm": (name, npm)
        case "gem": (name, gem)
        case "go": (name, go)
        case "cargo": (name, cargo)
        default: isPip(name) ? ("pip", pip) : nil
        }
    }

    /// `pip`, `pip3`, `pip3.12`.
    static func isPip(_ name: String) -> Bool {
        name.hasPrefix("pip") && name.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `python`, `python3`, `python3.12`.
    static func isPython(_ name: String) -> Bool {
        name.hasPrefix("python") && name.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The words that are not options or option values, with their index in `arguments`.
    static func operands(_ arguments: [String], syntax: Syntax) -> [(index: Int, word: String)] {
        var result: [(Int, String)] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                result += arguments[(index + 1)...].enumerated().map { (index + 1 + $0.offset, $0.element) }
                break
            }
            if word.hasPrefix("-"), word.count > 1 {
                // `-o X`, `--option X`; `--option=X` and `-oX` carry their value.
                index += syntax.valueOptions.contains(word) ? 2 : 1
                continue
            }
            result.append((index, word))
            index += 1
        }
        return result
    }

    /// The package a word names, or nil when it is a variable, a path, a local file or a URL
    /// other than a Git one (those are not package names).
    static func package(_ word: String, family: PackageCommand.Family) -> PackageCommand.Package? {
        if word.isEmpty || word.contains("$") { return nil }
        if family == .pip, word.hasPrefix("git+") {
            return PackageCommand.Package(word: word, isPinned: gitURLPinsCommit(word))
        }
        if word.hasPrefix(".") || word.hasPrefix("/") || word.hasPrefix("~") || word.contains("://") {
            return nil
        }
        let lowered = word.lowercased()
        let localSuffixes = [".deb", ".rpm", ".apk", ".whl", ".zip", ".tar.gz", ".tgz", ".gem"]
        if localSuffixes.contains(where: lowered.hasSuffix) { return nil }
        let pinned: Bool
        switch family {
        case .apt:
            // `pkg/release` picks a release (`golang/bookworm-backports`), not a version: the
            // release's newest. Other words with `/` are not package names.
            if let slash = word.firstIndex(of: "/") {
                guard isDebianPackageName(word[..<slash]) else { return nil }
            }
            pinned = word.contains("=")
        case .apk:
            if word.contains("/") { return nil }
            pinned = word.contains { "=~<>".contains($0) }
        case .rpm, .zypper:
            if word.hasPrefix("@") || word.contains("/") { return nil }  // groups, file provides
            pinned = word.contains { "=<>".contains($0) } || namesRPMVersion(word)
        case .pip:
            if word.contains("/") { return nil }
            pinned = word.contains("==")
        case .npm:
            let body = word.hasPrefix("@") ? word.dropFirst() : word[...]
            guard let at = body.lastIndex(of: "@") else {
                pinned = false
                break
            }
            let version = body[body.index(after: at)...]
            pinned = version.first.map { $0.isNumber || $0 == "=" || $0 == "v" } ?? false
        case .gem:
            if word.contains("/") { return nil }
            pinned = word.contains(":")
        case .go:
            // Without `@version` go install builds the version the current module's go.mod
            // requires (pinned there), or a package of the module itself: not judged here.
            guard let at = word.lastIndex(of: "@") else { return nil }
            pinned = goVersionPins(word[word.index(after: at)...])
        case .cargo:
            if word.contains("/") { return nil }
            // `crate@1.2.3` (cargo 1.62 and later) pins like --version.
            pinned = word.split(separator: "@", maxSplits: 1).dropFirst().first?.first?.isNumber == true
        }
        return PackageCommand.Package(word: word, isPinned: pinned)
    }

    /// Debian's package name rule: lower-case letters, digits, `+`, `-` and `.`, starting with a
    /// letter or digit.
    static func isDebianPackageName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "+-.".contains($0)) }
    }

    /// `name-version` or `name-version-release` as yum, dnf and zypper accept: the last
    /// hyphen-separated part starts with a digit and is dotted, or the last two start with one
    /// (`curl-7.76.1`, `curl-7.76.1-26.el9`; not `java-17-openjdk`).
    static func namesRPMVersion(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last, last.first?.isNumber == true else { return false }
        return last.contains(".") || (parts.count >= 3 && parts[parts.count - 2].first?.isNumber == true)
    }

    /// Whether the query of `go install pkg@query` fixes a version: a semantic version
    /// (`v1.2.3`, pseudo-versions included), a commit id, or a release tag written as a dotted
    /// number (`2024.1.1`, which Go resolves to that tag's commit); `latest`, `upgrade`, `patch`,
    /// a branch name and a version prefix (`v1`, `v1.2`) or comparison (`<v1.3`) move.
    static func goVersionPins(_ query: Substring) -> Bool {
        if query.count >= 7, query.allSatisfy(\.isHexDigit) { return true }
        if query.first?.isNumber == true, query.contains("."),
            query.allSatisfy({ $0.isNumber || $0 == "." })
        {
            return true
        }
        guard query.first == "v" else { return false }
        let core = query.dropFirst().prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Whether a pip VCS URL (`git+https://host/repo.git@<ref>#egg=x`) names a full commit id.
    static func gitURLPinsCommit(_ url: String) -> Bool {
        let beforeFragment = url.split(separator: "#", maxSplits: 1).first ?? ""
        guard let schemeEnd = beforeFragment.firstRange(of: "://") else { return false }
        let path = beforeFragment[schemeEnd.upperBound...]
        // The ref follows the last `@` after the host's path (an earlier `@` is user info).
        guard let slash = path.firstIndex(of: "/"), let at = path[slash...].lastIndex(of: "@") else {
            return false
        }
        return GitCommit.isFullCommitID(path[path.index(after: at)...])
    }
}

/// Git commit ids as build tools accept them for pinning.
public enum GitCommit {
    /// Whether `text` is a full 40-hex SHA-1 commit id (or a 64-hex SHA-256 one).
    public static func isFullCommitID(_ text: some StringProtocol) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }
}
