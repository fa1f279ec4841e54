/// The references an expression makes, written as Terraform writes them in a plan's
/// `configuration` (`aws_vpc.this[0].id`, `aws_vpc.this[0]`, `aws_vpc.this`).
///
/// Read from the expression's tokens: a name followed by `.name` or `[literal]` steps is a
/// traversal, cut at the first step that is neither (a splat, a computed index, a call). Names
/// bound by a `for` expression are its own variables, not references. Interpolations inside a
/// quoted template are read the same way; heredocs are not.
enum HCLReferences {
    /// The references of the expression made of `tokens`, in order and without repeats.
    static func references(in tokens: ArraySlice<HCLToken>) -> [String] {
        var found: [String] = []
        collect(Array(tokens), depth: 0, into: &found)
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The references of the interpolations of `templates` (the strings of a `.tf.json` value,
    /// each a template), in order and without repeats.
    static func references(inTemplates templates: [String]) -> [String] {
        var found: [String] = []
        for template in templates { collectInterpolations(of: template, depth: 0, into: &found) }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// Templates nest templates; past this depth an interpolation is not read.
    private static let maximumTemplateDepth = 16

    private static func collect(_ tokens: [HCLToken], depth: Int, into found: inout [String]) {
        var forVariables = Set<String>()
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .quotedString {
                collectInterpolations(of: token.text, depth: depth, into: &found)
                index += 1
                continue
            }
            guard token.kind == .identifier,
                index == 0 || !(tokens[index - 1].kind == .symbol && tokens[index - 1].text == ".")
            else {
                index += 1
                continue
            }
            if token.text == "for" {
                // `for k, v in COLLECTION :` binds k and v for the rest of the expression.
                var next = index + 1
                while next < tokens.count, tokens[next].text != "in" {
                    if tokens[next].kind == .identifier { forVariables.insert(tokens[next].text) }
                    next += 1
                }
                index = next
                continue
            }
            let (steps, end) = traversal(tokens, from: index)
            index = end
            guard steps.count > 1, !forVariables.contains(token.text) else { continue }
            found += prefixes(of: steps)
        }
    }

    /// Reads the expressions of the `${ ... }` sequences of `template` as expressions.
    private static func collectInterpolations(of template: String, depth: Int, into found: inout [String]) {
        guard depth < maximumTemplateDepth else { return }
        for inner in interpolations(in: template) {
            guard let (tokens, _) = try? HCLLexer.tokenize(Array(inner.utf8), file: "") else { continue }
            collect(tokens, depth: depth + 1, into: &found)
        }
    }

    /// The steps of the traversal starting at `start` (the root name first, `.name` steps as
    /// names, `[key]` steps as written) and the index after it.
    static func traversal(_ tokens: [HCLToken], from start: Int) -> (steps: [String], end: Int) {
        var steps = [tokens[start].text]
        var index = start + 1
        while index + 1 < tokens.count {
            let step = tokens[index]
            let next = tokens[index + 1]
            if step.kind == .symbol, step.text == ".", next.kind == .identifier {
                steps.append("." + next.text)
                index += 2
            } else if step.kind == .open, step.text == "[", index + 2 < tokens.count,
                next.kind == .number || (next.kind == .quotedString && !next.text.contains("${")),
                tokens[index + 2].kind == .close, tokens[index + 2].text == "]"
            {
                steps.append("[" + next.text + "]")
                index += 3
            } else {
                break
            }
        }
        return (steps, index)
    }

    /// Terraform's list for one traversal: the whole of it, then shorter forms down to the
    /// object it names (`data.T.N`, `module.M`, `var.X`, `local.X` or `TYPE.NAME`).
    private static func prefixes(of steps: [String]) -> [String] {
        let shortest =
            switch steps[0] {
            case "data": 3
            default: 2
            }
        guard steps.count >= shortest else { return [] }
        var result: [String] = []
        var count = steps.count
        while count >= shortest {
            result.append(steps[..<count].joined())
            count -= 1
        }
        return result
    }

    /// The texts inside the `${ ... }` sequences of a quoted template (quotes included in
    /// `text`); `$${` is a literal `${`.
    private static func interpolations(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var result: [String] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "$") {
                index += 2
                continue
            }
            guard bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            // The lexer has already matched the braces, strings included; count them again here.
            var depth = 1
            var end = index + 2
            var inString = false
            while end < bytes.count, depth > 0 {
                let byte = bytes[end]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        end += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                }
                end += 1
            }
            guard depth == 0 else { break }
            result.append(String(decoding: bytes[(index + 2)..<(end - 1)], as: UTF8.self))
            index = end
        }
        return result
    }
}
