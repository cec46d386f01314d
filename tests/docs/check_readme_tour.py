#!/usr/bin/python3
"""The README's five-minute tour must show what trigc really prints.

Between <!-- tour:begin --> and <!-- tour:end -->, every ```console block holds commands (lines starting with
"$ ") each followed by its expected output (standard output and standard error together). A command with no
output lines directly followed by a ```mermaid block has that block as its output, so GitHub draws the graph.
The commands run in order in one shell, in a copy of the repository's examples/ taken to a temporary folder
(so `cd examples/ratatouille` works and nothing in the source tree changes), with SOURCE_DATE_EPOCH=1767225600
and the trigc under test first on PATH.

Usage: check_readme_tour.py TRIGC README [--update]   (--update rewrites the outputs in README)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

BEGIN, END = "<!-- tour:begin -->", "<!-- tour:end -->"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def commands(tour):
    """[(command, expected output, (start, end) of that output in tour)] in order."""
    found = []
    blocks = list(FENCE.finditer(tour))
    for i, block in enumerate(blocks):
        if block.group(1) != "console":
            continue
        body_start = block.start(2)
        lines = block.group(2).splitlines(keepends=True)
        offset = body_start
        current = None
        for line in lines:
            if line.startswith("$ "):
                if current:
                    found.append(current)
                current = [line[2:].rstrip("\n"), "", (offset + len(line), offset + len(line))]
            elif current:
                current[1] += line
                current[2] = (current[2][0], offset + len(line))
            offset += len(line)
        if current:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if not current[1] and nxt and nxt.group(1) == "mermaid" and not tour[block.end():nxt.start()].strip():
                current[1] = nxt.group(2)
                current[2] = (nxt.start(2), nxt.end(2))
            found.append(current)
    return found


def run_all(trigc, source_dir, cmds):
    """Runs the commands in one shell; returns each one's combined output."""
    work = tempfile.mkdtemp(prefix="trigc-tour-")
    try:
        shutil.copytree(os.path.join(source_dir, "examples"), os.path.join(work, "examples"), symlinks=True)
        script = "".join("printf '\\n@@tour %d@@\\n'\n%s 2>&1\n" % (i, c) for i, (c, _, _) in enumerate(cmds))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", NO_COLOR="1",
                   PATH=os.path.dirname(os.path.abspath(trigc)) + os.pathsep + os.environ.get("PATH", ""))
        out = subprocess.run(["sh", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=120).stdout
    finally:
        shutil.rmtree(work)
    parts = re.split(r"\n@@tour (\d+)@@\n", out)
    return [parts[2 + 2 * i] if 2 + 2 * i < len(parts) else "" for i in range(len(cmds))]


def normal(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] != "--update"):
        sys.stderr.write(__doc__)
        return 2
    trigc, readme_path = argv[1], argv[2]
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()
    begin, end = readme.find(BEGIN), readme.find(END)
    if begin < 0 or end < begin:
        sys.stderr.write("%s has no %s ... %s markers\n" % (readme_path, BEGIN, END))
        return 1
    tour = readme[begin:end]
    cmds = commands(tour)
    if len(cmds) < 5:
        sys.stderr.write("the tour shows %d commands; expected validate, explain, preview, graph and build\n" % len(cmds))
        return 1
    outputs = run_all(trigc, os.path.dirname(os.path.abspath(readme_path)), cmds)
    if len(argv) == 4:
        for (_, _, (start, stop)), output in reversed(list(zip(cmds, outputs))):
            text = normal(output)
            tour = tour[:start] + (text + "\n" if text else "") + tour[stop:]
        with open(readme_path, "w", encoding="utf-8") as f:
            f.write(readme[:begin] + tour + readme[end:])
        return 0
    bad = 0
    for (command, expected, _), output in zip(cmds, outputs):
        if normal(expected) != normal(output):
            bad += 1
            sys.stderr.write("README tour: '$ %s' prints\n%s\n--- but the README shows\n%s\n\n" % (command, normal(output), normal(expected)))
    if bad:
        sys.stderr.write("%d command(s) of the README tour print something else; update with\n"
                         "  python3 tests/docs/check_readme_tour.py build/trigc README.md --update\n" % bad)
        return 1
    print("readme: the tour's %d commands print what it shows" % len(cmds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
