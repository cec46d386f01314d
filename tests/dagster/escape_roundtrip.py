#!/usr/bin/env python3
"""Round-trips hostile strings through trigc's Python escapers and the real Python parser.

For each string, the runner prints PythonString, DagsterString and PythonIdentifier. The literals are written into
one module as `VALUES = [...]`, which must compile (py_compile) and evaluate to exactly the input strings; every
literal must be pure ASCII; DagsterString must also be unchanged by black. Every identifier must be an ASCII
identifier that is neither a keyword nor a soft keyword.

Usage: escape_roundtrip.py RUNNER
"""
import keyword
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile

HOSTILE = [
    "",
    "plain",
    'double " quote',
    "single ' quote",
    '"""triple double"""',
    "'''triple single'''",
    "trailing backslash \\",
    "\\",
    '\\"',
    "back\\slash \\n \\x41 \\u0041 \\N{BULLET} \\q \\0 \\",
    "new\nline",
    "carriage\rreturn",
    "crlf\r\n",
    "nul\x00byte",
    "tab\tand\x0bvt\x0cff",
    "esc\x1b[2J",
    "del\x7f",
    "c1 \x85 \x9b",
    "line sep \u2028 para sep \u2029",
    "bidi \u202e reversed \u202c \u2066 isolate \u2069",
    "zero width \u200b \ufeff",
    "astral \U0001F600 \U00010348 \U0010FFFF",
    "caf\u00e9 na\u00efve \u00a0 nbsp",
    "\ufb01le NFKC",
    "{{ var.value.secret }} {% if x %} {# c #}",
    "%s %(name)s %d %%",
    "{0.__class__} {name!r}",
    "# -*- coding: utf-7 -*-",
    "+AAo-y = 2",
    "f'{x}' rb'x' u'x'",
    "'; import os; os.system('id') #",
    '"); __import__("os").system("id"); ("',
    "\\x22 literal",
    "x" * 300,
    "mixed '\"' \"'\" \\'\\\"",
    "\ud7ff \ue000 \uffff",
]


def literal_ok(literal):
    return literal.isascii() and literal.startswith('"') and literal.endswith('"')


def main():
    runner = sys.argv[1]
    data = "".join(s.encode("utf-8").hex() + "\n" for s in HOSTILE)
    out = subprocess.run([runner], input=data, capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")
    if len(lines) != 3 * len(HOSTILE) + 1:
        print("runner printed %d lines for %d strings" % (len(lines), len(HOSTILE)))
        return 1
    failures = []
    python_strings = lines[0::3][: len(HOSTILE)]
    dagster_strings = lines[1::3][: len(HOSTILE)]
    identifiers = lines[2::3][: len(HOSTILE)]
    for kind, literals in (("PythonString", python_strings), ("DagsterString", dagster_strings)):
        for text, literal in zip(HOSTILE, literals):
            if not literal_ok(literal):
                failures.append("%s(%r) is not one pure-ASCII double-quoted literal: %s" % (kind, text, literal))
    with tempfile.TemporaryDirectory() as tmp:
        module = os.path.join(tmp, "values.py")
        with open(module, "w", encoding="ascii") as f:
            f.write("VALUES = [\n")
            for literal in python_strings + dagster_strings:
                f.write("    %s,\n" % literal)
            f.write("]\n")
        py_compile.compile(module, doraise=True)
        namespace = {}
        with open(module, encoding="ascii") as f:
            exec(compile(f.read(), module, "exec"), namespace)
        values = namespace["VALUES"]
        for kind, got in (("PythonString", values[: len(HOSTILE)]), ("DagsterString", values[len(HOSTILE) :])):
            for text, value in zip(HOSTILE, got):
                if value.encode("utf-8", "surrogatepass") != text.encode("utf-8", "surrogatepass"):
                    failures.append("%s(%r) decodes to %r" % (kind, text, value))
        black = shutil.which("black")
        if black:
            dagster_module = os.path.join(tmp, "dagster_values.py")
            with open(dagster_module, "w", encoding="ascii") as f:
                f.write("VALUES = [\n")
                for literal in dagster_strings:
                    f.write("    %s,\n" % literal)
                f.write("]\n")
            proc = subprocess.run([black, "--check", "-q", dagster_module], capture_output=True)
            if proc.returncode != 0:
                failures.append("black would rewrite DagsterString literals")
        else:
            failures.append("black is not installed")
    for text, ident in zip(HOSTILE, identifiers):
        if not (ident.isascii() and ident.isidentifier()) or keyword.iskeyword(ident) or keyword.issoftkeyword(ident):
            failures.append("PythonIdentifier(%r) = %r is not a safe identifier" % (text, ident))
    for failure in failures:
        print("FAIL " + failure)
    print("escape round-trip: %d strings, %d failures" % (len(HOSTILE), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
