#!/usr/bin/env python3
"""Dump BuildKit's own parse of Dockerfiles as JSON, for Palisade's differential test.

Uses the `dockerfile` package from PyPI (`pip install dockerfile`), which wraps BuildKit's Go
parser. Usage: buildkit-parse.py FILE... ; prints one JSON object keyed by file path:
  {"ok": true, "instructions": [{"keyword", "start_line", "end_line", "flags"}]}
  {"ok": false, "error": "..."}
Exit status 3 when the package is missing, so callers can say so loudly.
"""
import json
import sys

try:
    import dockerfile
except ImportError:
    sys.stderr.write("the Python package 'dockerfile' is missing: run `pip install dockerfile`\n")
    sys.exit(3)


def dump(path):
    try:
        commands = dockerfile.parse_file(path)
    except Exception as error:  # GoParseError, GoIOError, decoding errors
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {
        "ok": True,
        "instructions": [
            {
                "keyword": command.cmd.upper(),
                "start_line": command.start_line,
                "end_line": command.end_line,
                "flags": list(command.flags),
            }
            for command in commands
        ],
    }


def main(paths):
    json.dump({path: dump(path) for path in paths}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
