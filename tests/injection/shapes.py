"""The shape of a generated file with its data taken out, and the strings it holds as data.

Two builds that differ only in one config value must give files of the same shape: the value may change the
data inside a string literal, a quoted shell word or a YAML scalar, never a line, a key, a statement or a name.
"""
import ast
import io
import json
import re
import tokenize

import yaml

PIPELINE = re.compile(r"(?<![A-Za-z0-9])p\d{3}(?!\d)")
SHELL_WORDS = re.compile(r"'[^']*'(?:(?:\\'|[ ])*'[^']*')*")
INPUTS_HASH = re.compile(r"sha256:[0-9a-f]+")  # the hash of a build's inputs in every file's header
# A header's inputs, one per pipeline: a run of them, wherever it ends, stands for one.
INPUTS_LIST = re.compile(r"pipelines/@P@/config\.yaml(?:, pipelines/@P@/config\.yaml)+")
YAML_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
NUMBERED = re.compile(r"_\d+$")
SHELL_NUMBERED = re.compile(r"\bN\d+_")  # the MinIO script's N1_ID, N2_ID, ...: one block per notification
CODE_SPAN = re.compile(r"`[^`|\n]*`")  # a Markdown code span that neither holds nor breaks a table's `|`
CRON_TIME = re.compile(r"^(?!#)(?:[^\s=]+ ){5}(?=\S)", re.M)  # the five time fields of a crontab line
CRON_D_USER = re.compile(r"^(@CRON@ )[a-z_][a-z0-9_-]* (?=\S*/run-)", re.M)  # the user of an /etc/cron.d line


def names(text, root):
    """Generated names and paths made independent of the pipeline and of the build folder."""
    text = PIPELINE.sub("@P@", INPUTS_HASH.sub("sha256:@H@", text.replace(root, "@ROOT@")))
    return INPUTS_LIST.sub("pipelines/@P@/config.yaml", text)


def python_shape(text):
    """ast.dump with every constant replaced by its type and the pipeline's name taken out of identifiers."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.value = type(node.value).__name__
        for attr in ("id", "name", "attr", "arg", "asname"):
            if isinstance(getattr(node, attr, None), str):
                setattr(node, attr, PIPELINE.sub("@P@", getattr(node, attr)))
    return ast.dump(tree)


def python_lines(text):
    """Python source lines with every string literal replaced by "S" (for files shared by all pipelines)."""
    out, line = [], []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.NEWLINE, tokenize.NL):
            out.append(" ".join(line))
            line = []
        elif tok.type not in (tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            if tok.type == tokenize.STRING:
                line.append('"S"')
            elif tok.type == tokenize.NAME:  # numbered names (then_0, then_1, ...) count items, one per line
                line.append(NUMBERED.sub("_0", PIPELINE.sub("@P@", tok.string)))
            else:
                line.append(tok.string)
    return out


def shell_text(text):
    """A shell script with every run of single-quoted words replaced by 'S'."""
    return SHELL_WORDS.sub("'S'", text)


def _classes(match):
    """A run of single-quoted words with each run of letters written `a` and each run of digits `0`."""
    return re.sub(r"[0-9]+", "0", re.sub(r"[A-Za-z]+", "a", match.group(0)))


def shell_signature(text):
    """A shell script with the letters and digits of its single-quoted words reduced to their class: scripts with
    one signature differ only in the letters and digits of quoted data, which neither the shell's grammar nor a
    shellcheck rule tells apart, so one of them stands for all (every other character, quotes, backslashes,
    `$`, non-ASCII, stays)."""
    return SHELL_WORDS.sub(_classes, text)


def shared_shell_text(text):
    """shell_text of a script shared by all pipelines, its numbered blocks (one per pipeline) made alike."""
    return SHELL_NUMBERED.sub("N0_", shell_text(text))


def markdown_text(text):
    return CODE_SPAN.sub("`S`", text)


def crontab_text(text):
    """A crontab with the time fields (`@CRON@`) and an /etc/cron.d line's user (`@USER@`) taken out: both are
    values of the configs (the judge matches each line against CRON_LINE besides)."""
    return CRON_D_USER.sub(r"\1@USER@ ", CRON_TIME.sub("@CRON@ ", text))


def yaml_text(text):
    return YAML_STRING.sub('"S"', text)


def unit_keys(text):
    """The section headers and keys of a systemd unit, in order."""
    return [line.split("=", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]


def decoded(strings):
    """The strings, plus every key and string inside those that are JSON documents."""
    out, stack = set(), list(strings)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and item not in out:
            out.add(item)
            if item[:1] in "{[":
                try:
                    stack.append(json.loads(item))
                except ValueError:
                    pass
    return out


def python_strings(text):
    return decoded(node.value for node in ast.walk(ast.parse(text))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str))


def yaml_strings(node):
    return decoded([node])


def load_yaml(text):
    return yaml.safe_load(text)
