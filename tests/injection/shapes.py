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
YAML_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def names(text, root):
    """Generated names and paths made independent of the pipeline and of the build folder."""
    return PIPELINE.sub("@P@", text.replace(root, "@ROOT@"))


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
            line.append('"S"' if tok.type == tokenize.STRING else PIPELINE.sub("@P@", tok.string))
    return out


def shell_text(text):
    """A shell script with every run of single-quoted words replaced by 'S'."""
    return SHELL_WORDS.sub("'S'", text)


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
