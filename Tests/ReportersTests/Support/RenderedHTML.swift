import Foundation

/// A markdown comment rendered by the real renderer, Debian's `cmark-gfm` with GitHub's `table`
/// and `tagfilter` extensions, and its HTML read back by Python's standard HTML parser.
///
/// `--unsafe` keeps raw HTML (GitHub keeps `<details>` too), so any HTML an input managed to
/// inject would show up here.
struct RenderedHTML: Decodable {
    /// The renderer's path.
    static let renderer = "/usr/bin/cmark-gfm"

    /// True when the renderer is installed, and always in CI, where its absence must fail.
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: renderer) || PythonOracle.isCI
    }

    /// Every element name in document order.
    let tags: [String]
    /// Every `href` and `src` value.
    let urls: [String]
    /// The tables: rows of cell texts.
    let tables: [[[String]]]
    /// The text of the whole document.
    let text: String
    /// The text where GitHub and GitLab look for `@mentions` and `#1` references: outside `pre`,
    /// `code`, `a`, `style` and `script`, whose text their reference filters skip.
    let linkableText: String
    /// The text inside `code` elements.
    let codeText: String
    /// The raw HTML.
    var html = ""

    enum CodingKeys: String, CodingKey { case tags, urls, tables, text, linkableText, codeText }

    static let script = """
        import json, sys
        from html.parser import HTMLParser
        UNLINKED = ("pre", "code", "a", "style", "script")
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.urls, self.tables, self.text = [], [], [], []
                self.cell = None
                self.linkable, self.unlinked = [], 0
                self.code, self.inCode = [], 0
            def handle_starttag(self, tag, attrs):
                self.tags.append(tag)
                self.urls += [v for k, v in attrs if k in ("href", "src")]
                if tag == "table": self.tables.append([])
                elif tag == "tr": self.tables[-1].append([])
                elif tag in ("td", "th"): self.cell = []
                if tag in UNLINKED: self.unlinked += 1
                if tag == "code": self.inCode += 1
            def handle_endtag(self, tag):
                if tag in UNLINKED and self.unlinked: self.unlinked -= 1
                if tag == "code" and self.inCode: self.inCode -= 1
                if tag in ("td", "th") and self.cell is not None:
                    self.tables[-1][-1].append("".join(self.cell)); self.cell = None
            def handle_data(self, data):
                self.text.append(data)
                if not self.unlinked: self.linkable.append(data)
                if self.inCode: self.code.append(data)
                if self.cell is not None: self.cell.append(data)
        reader = Reader()
        reader.feed(open(sys.argv[1], encoding="utf-8").read())
        print(json.dumps({"tags": reader.tags, "urls": reader.urls, "tables": reader.tables,
                          "text": "".join(reader.text),
                          "linkableText": "".join(reader.linkable), "codeText": "".join(reader.code)}))
        """

    /// Renders `markdown` and reads the HTML; nil (with an issue recorded) when either step fails.
    static func render(_ markdown: String) -> RenderedHTML? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: renderer)
        process.arguments = ["--unsafe", "-e", "table", "-e", "tagfilter"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return nil
        }
        // Written from another thread: a large comment would fill the pipe while we do not read.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let result = PythonOracle.run(["-c", script], files: [html]), result.status == 0,
            var parsed = try? JSONDecoder().decode(RenderedHTML.self, from: Data(result.output.utf8))
        else { return nil }
        parsed.html = html
        return parsed
    }
}
