"""Bad input: each case is one Failure with a clear reason, and the run goes on."""

from __future__ import annotations

import codecs
import json
import os
import pwd
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest

from entente.config import Settings
from entente.ingest import read_sources
from entente.types import Article, Failure

GOOD = "Russia and Egypt agreed to deepen their cooperation against terrorism."


def _only_failure(path: Path, settings: Settings | None = None) -> Failure:
    items = list(read_sources([path], settings))
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.txt", b"%PDF-1.7\n%binary", "looks like a PDF document"),
        ("bundle.txt", b"PK\x03\x04\x14\x00\x00\x00", "looks like a ZIP archive"),
        ("picture", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        ("data.jsonl", b"abc\x00def\x00", "binary data (it contains NUL bytes)"),
        ("news.txt.gz", b"\x1f\x8b\x08\x00\x00\x00", "looks like a gzip-compressed file"),
        ("latin.txt", b"Talks in Gen\xe8ve.", "byte 0xe8 at offset 12"),
        ("cut.txt", "Gen\u00e8ve".encode()[:-2] + b"\xc3", "not valid UTF-8"),
        ("blank.txt", b"  \n\t\r\n  ", "the article is empty"),
        ("zero.txt", b"", "the file is empty"),
        (
            "empty.html",
            b"<html><head><title>T</title></head><body></body></html>",
            "no readable text",
        ),
        ("tags.html", b"<div><span></span><script>var x = 1;</script></div>", "no readable text"),
        (
            "empty.rss",
            b"<rss version='2.0'><channel><title>x</title></channel></rss>",
            "no entries",
        ),
        ("broken.atom", b"<?xml version='1.0'?><feed><title>x</ti", "malformed feed"),
        ("notext.csv", b"title,date\nTalks,2015-01-26\n", "no text column"),
        ("header.csv", b"text,title\n", "no records"),
        (
            "declared.html",
            b'<meta charset="klingon"><p>Gen\xe8ve</p>',
            'unknown encoding "klingon"',
        ),
        ("ascii.xml", b'<?xml version="1.0" encoding="ascii"?><rss>\xe8</rss>', "not valid ascii"),
    ],
)
def test_bad_file(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    failure = _only_failure(path)
    assert failure.origin == str(path) and failure.stage == "ingest"
    assert reason in failure.reason
    assert "\n" not in failure.reason  # one line


def test_missing_path(tmp_path: Path) -> None:
    failure = _only_failure(tmp_path / "nowhere" / "story.txt")
    assert failure.reason == "no such file or directory; check the path"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "broken symbolic link" in _only_failure(link).reason


def test_empty_folder_and_folder_of_hidden_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "has no files to read" in _only_failure(empty).reason
    hidden = tmp_path / "hidden"
    (hidden / ".cache").mkdir(parents=True)
    (hidden / ".notes.txt").write_text(GOOD)
    (hidden / ".cache" / "x.txt").write_text(GOOD)
    assert "hidden files and folders are skipped" in _only_failure(hidden).reason


def test_fifo_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert "not a regular file" in _only_failure(pipe).reason


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(GOOD * 10)
    failure = _only_failure(path, Settings(max_file_bytes=100))
    assert f"the file is {len(GOOD) * 10:,} bytes" in failure.reason
    assert "over the limit of 100 bytes (max_file_bytes)" in failure.reason


def test_long_article_is_truncated_not_refused(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n}. " + GOOD * 5 for n in range(20)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs))
    [a] = read_sources([path], Settings(max_article_chars=1_000))
    assert isinstance(a, Article)
    assert len(a.text) <= 1_000 and a.text.endswith("terrorism.")
    assert a.meta["truncated_from"] == len("\n\n".join(paragraphs))


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_byte_order_marks_are_accepted(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Talks opened in Gen\u00e8ve."
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + text.encode(encoding))
    [a] = read_sources([path])
    assert isinstance(a, Article) and a.text == text


def test_utf16_json_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    rows = [json.dumps({"text": "Talks in Gen\u00e8ve."}), json.dumps({"text": "Talks in Wien."})]
    path.write_bytes(codecs.BOM_UTF16_LE + "\n".join(rows).encode("utf-16-le"))
    items = list(read_sources([path]))
    assert [a.text for a in items] == ["Talks in Gen\u00e8ve.", "Talks in Wien."]


def test_utf16_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    table = 'title,text\nGeneva,"Talks in Gen\u00e8ve, again."\n'
    path.write_bytes(codecs.BOM_UTF16_LE + table.encode("utf-16-le"))
    [a] = read_sources([path])
    assert isinstance(a, Article) and (a.title, a.text) == (
        "Geneva",
        "Talks in Gen\u00e8ve, again.",
    )


def test_empty_path_is_a_failure_not_the_current_folder() -> None:
    [f] = read_sources([""])
    assert isinstance(f, Failure) and "empty path" in f.reason


def test_a_run_of_bad_inputs_still_reads_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\xfd not utf")
    (tmp_path / "c.txt").write_text(GOOD)
    (tmp_path / "d.html").write_text("<html></html>")
    items = list(read_sources([tmp_path, tmp_path / "missing"]))
    assert [type(i).__name__ for i in items] == [
        "Failure",
        "Failure",
        "Article",
        "Failure",
        "Failure",
    ]


def _nobody() -> tuple[int, int] | None:
    """The uid and gid of the unprivileged user 'nobody', if there is one."""
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


def _read_as(user: tuple[int, int], paths: list[str]) -> list[list[str]]:
    """``[origin, reason]`` of everything read from ``paths`` by a forked child running as ``user``.

    The child inherits the loaded interpreter, so it needs no access to the
    virtual environment's files, only to the paths under test.
    """
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork in a threaded process
        pid = os.fork()
    if pid == 0:  # the child: drop root, read, report, and leave without running pytest's exit
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(user[1])
            os.setuid(user[0])
            found = [[f.origin, f.reason] for f in read_sources(paths)]
            os.write(write_end, json.dumps(found).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as f:
        output = f.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0, "the unprivileged reader failed"
    return json.loads(output)


def test_unreadable_file_and_folder() -> None:
    nobody = _nobody()
    if os.geteuid() == 0 and nobody is None:
        pytest.skip("running as root and there is no 'nobody' user to read as")
    # Under /tmp itself (not pytest's private tmp) so that an unprivileged reader can reach it.
    base = Path(tempfile.mkdtemp(prefix="entente-perm-"))
    locked_file = base / "locked.txt"
    locked_dir = base / "locked"
    try:
        base.chmod(0o755)
        locked_file.write_text(GOOD)
        locked_file.chmod(0)
        locked_dir.mkdir()
        (locked_dir / "inside.txt").write_text(GOOD)
        locked_dir.chmod(0)
        paths = [str(locked_file), str(locked_dir)]
        if os.geteuid() == 0 and nobody is not None:
            # root may read anything: read as an ordinary user, as most people run entente.
            results = _read_as(nobody, paths)
        else:
            results = [[f.origin, f.reason] for f in read_sources(paths)]
    finally:
        if locked_dir.exists():
            locked_dir.chmod(0o755)
        shutil.rmtree(base)
    assert results == [
        [str(locked_file), "cannot read the file: permission denied; check its permissions"],
        [str(locked_dir), "cannot list the folder: Permission denied; check its permissions"],
        [
            str(locked_dir),
            "the directory has no files to read (hidden files and folders are skipped)",
        ],
    ]
