#!/bin/sh
# Judges trigc's graph renderings with real tools. Usage: check_render.sh GRAPH_RENDER_SAMPLE
#  - Graphviz `dot -Tsvg` must accept graph.dot with exit status 0 and nothing on stderr.
#  - every line of graph.mmd must be the flowchart header, a node with a quoted label, a link with
#    a quoted label, or the one linkStyle line that marks the cycle's links, and no label may contain a raw double quote.
# Before judging trigc's output, the checks are run on broken inputs and must reject them, so the test
# cannot pass by checking nothing. With TRIGC and EXAMPLE (optional 2nd and 3rd arguments), the example
# repository's own `trigc graph` output is judged the same way.
set -u
sample=$1
trigc=${2:-}
example=${3:-}
if ! command -v dot >/dev/null 2>&1; then
  echo "graph_render: Graphviz 'dot' not found (apt-get install graphviz)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check_dot FILE: succeeds when dot renders FILE with exit status 0 and an empty stderr.
check_dot() {
  if ! dot -Tsvg "$1" -o "$work/out.svg" 2>"$work/dot.err"; then
    echo "dot failed on $1:" >&2
    cat "$work/dot.err" >&2
    return 1
  fi
  if [ -s "$work/dot.err" ]; then
    echo "dot warned on $1:" >&2
    cat "$work/dot.err" >&2
    return 1
  fi
}

# check_mermaid FILE: succeeds when every line has one of the shapes trigc writes.
check_mermaid() {
  node_line='^  n[0-9][0-9]*\["[^"]*"\]$'
  link_line='^  n[0-9][0-9]* (-->|-\.->|==>)\|"[^"]*"\| n[0-9][0-9]*$'
  if [ "$(head -n 1 "$1")" != "flowchart LR" ]; then
    echo "$1 does not start with 'flowchart LR'" >&2
    return 1
  fi
  style_line='^  linkStyle [0-9][0-9]*(,[0-9][0-9]*)* stroke:#[0-9a-f]{6},stroke-width:[0-9]px$'
  if tail -n +2 "$1" | grep -Ev -e "$node_line" -e "$link_line" -e "$style_line" >"$work/bad_lines"; then
    echo "unexpected Mermaid lines in $1:" >&2
    cat "$work/bad_lines" >&2
    return 1
  fi
}

printf 'digraph g { "a" -> "b" [label="unterminated]; }\n' >"$work/syntax_error.dot"
printf 'digraph g { a [label="bad \377\376 utf8"]; }\n' >"$work/warning.dot"
printf 'flowchart LR\n  n0["a"b"]\n' >"$work/broken.mmd"
for broken in syntax_error.dot warning.dot; do
  if check_dot "$work/$broken" 2>/dev/null; then
    echo "graph_render: the DOT check accepted the broken $broken" >&2
    exit 1
  fi
done
if check_mermaid "$work/broken.mmd" 2>/dev/null; then
  echo "graph_render: the Mermaid check accepted a broken flowchart" >&2
  exit 1
fi

"$sample" "$work" || exit 1
check_dot "$work/graph.dot" || exit 1
check_mermaid "$work/graph.mmd" || exit 1
echo "graph_render: dot accepted graph.dot ($(grep -c -- '->' "$work/graph.dot") edges), graph.mmd well formed"

if [ -n "$trigc" ]; then
  "$trigc" graph "$example" --format dot >"$work/example.dot" || exit 1
  "$trigc" graph "$example" --format mermaid >"$work/example.mmd" || exit 1
  check_dot "$work/example.dot" || exit 1
  check_mermaid "$work/example.mmd" || exit 1
  echo "graph_render: the example's graph renders ($(grep -c -- '->' "$work/example.dot") edges)"
fi
