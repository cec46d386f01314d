"""Repositories that cannot sit in the source tree, built in a temporary folder for the golden and read tests.

Git cannot hold a FIFO, and a symlink to /proc/self/environ or to a folder outside the repository would leak into
anything that copies the source tree (the fuzz corpus script, an editor's search), so these layouts are described
here and built on the fly: `build(tmp, name)` makes `tmp/repo` (the project) and, beside it, `tmp/outside` (what
lies outside the project: a credentials file and a pipeline folder, both holding SECRET). The runs get SECRET in
their environment too, so that /proc/self/environ holds it: no output may ever contain it.
"""
import os

SECRET = "trigc-secret-6f1c2a9e"

SCHEDULE = 'triggers:\n  - type: schedule\n    cron: "0 6 * * *"\n'


def project_with(out="generated/crontab", pipelines=None):
    text = "version: 1\n"
    if pipelines:
        text += "pipelines: [" + ", ".join(pipelines) + "]\n"
    return text + f'targets:\n  crontab:\n    out: {out}\n    runner: "run-pipeline {{target}}"\n'


# Every layout starts from this project of two pipelines, alpha and beta.
BASE = [
    ("file", "trigc.yaml", project_with()),
    ("file", "pipelines/alpha/config.yaml", SCHEDULE),
    ("file", "pipelines/beta/config.yaml", SCHEDULE),
    ("outside", "credentials", f"[default]\naws_secret_access_key = {SECRET}\n"),
    ("outside", "pipeline/config.yaml", f"name: stolen\ndescription: {SECRET}\n{SCHEDULE}"),
]

# name: (steps applied after BASE, the diagnostic code every command must report, or None for a clean layout).
# Steps: ("file", path, text), ("link", path, target), ("fifo", path), ("dir", path), ("remove", path).
LAYOUTS = {
    # 1. Nothing outside the project is read or shown.
    "fail_config_symlink_environ": ([("link", "pipelines/evil/config.yaml", "/proc/self/environ")], "E0908"),
    "fail_config_symlink_outside": (
        [("link", "pipelines/evil/config.yml", "../../../outside/credentials")], "E0908"),
    "fail_config_symlink_absolute_inside": (
        [("link", "pipelines/evil/config.yaml", "{repo}/pipelines/alpha/config.yaml")], "E0908"),
    "fail_folder_symlink_outside": ([("link", "pipelines/evil", "../../outside/pipeline")], "E0908"),
    "fail_config_under_folder_symlink_outside": (
        [("link", "pipelines/team", "../../outside")], "E0908"),
    "fail_project_file_outside": (
        [("remove", "trigc.yaml"), ("link", "trigc.yaml", "../outside/credentials")], "E0908"),
    "fail_pipelines_folder_outside": (
        [("file", "trigc.yaml", project_with(pipelines=["pipelines", "shared"])), ("link", "shared", "../outside")],
        "E0908"),
    # Symlinks inside the project are followed everywhere: a config file and a pipeline folder alike.
    "symlinks_inside": ([
        ("file", "shared/gamma.yaml", SCHEDULE),
        ("link", "pipelines/gamma/config.yaml", "../../shared/gamma.yaml"),
        ("file", "teams/delta/config.yaml", SCHEDULE),
        ("link", "pipelines/delta", "../teams/delta"),
        ("link", "pipelines/alpha/notes.md", "/etc/hostname"),  # not a config, not a folder: never opened
    ], None),
    # 4. No pipeline disappears in silence.
    "fail_config_dangling": ([("link", "pipelines/gone/config.yaml", "../../shared/gone.yaml")], "E0909"),
    "fail_folder_dangling": ([("link", "pipelines/gone", "../teams/gone")], "E0909"),
    "fail_config_fifo": ([("fifo", "pipelines/pipe/config.yaml")], "E0909"),
    "fail_config_is_folder": ([("file", "pipelines/odd/config.yaml/README", "a folder named config.yaml\n")],
                              "E0909"),
    "fail_pipelines_folder_is_file": (
        [("file", "trigc.yaml", project_with(pipelines=["pipelines", "more"])), ("file", "more", SCHEDULE)],
        "E0910"),
    "fail_symlink_loop": ([("link", "pipelines/alpha/again", "..")], "E0911"),
    "fail_out_swallows_pipeline": ([("file", "trigc.yaml", project_with(out="pipelines/beta"))], "E0912"),
    "fail_out_swallows_pipelines_folder": ([("file", "trigc.yaml", project_with(out="pipelines"))], "E0912"),
    "fail_out_is_pipelines_parent": ([("file", "trigc.yaml", project_with(out="generated/x",
                                                                          pipelines=["generated/x/pipelines"])),
                                      ("file", "generated/x/pipelines/alpha/config.yaml", SCHEDULE)], "E0912"),
    "fail_out_in_git": ([("file", "trigc.yaml", project_with(out=".git/hooks"))], "E0912"),
}


def build(tmp, name):
    """Builds layout `name` below `tmp`; returns the project folder."""
    repo = os.path.join(tmp, "repo")
    outside = os.path.join(tmp, "outside")
    steps, _ = LAYOUTS[name]
    for step in BASE + steps:
        kind, rel = step[0], step[1]
        path = os.path.join(outside if kind == "outside" else repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if kind in ("file", "outside"):
            with open(path, "w") as f:
                f.write(step[2])
        elif kind == "link":
            os.symlink(step[2].replace("{repo}", repo), path)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "dir":
            os.makedirs(path, exist_ok=True)
        elif kind == "remove":
            os.remove(path)
    return repo


def environment():
    """The environment of a run: SECRET is in it, so that /proc/self/environ holds it."""
    return dict(os.environ, NO_COLOR="1", LC_ALL="C", SOURCE_DATE_EPOCH="1767225600", TRIGC_TEST_SECRET=SECRET)
