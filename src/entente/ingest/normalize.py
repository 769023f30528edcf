"""Text clean-up shared by every input format: one canonical form of an article's text.

The coder's character offsets point into the normalised text, so normalisation
happens once, here, before an :class:`~entente.types.Article` exists.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that end a line as far as a reader is concerned (NEL, LS, PS, VT).
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x85\u2028]")
# Form feeds and paragraph separators start a new paragraph.
_PARAGRAPH_BREAKS = re.compile("[\x0c\u2029]")
# Invisible format characters that only get in the way of matching names:
# soft hyphen, zero-width space, word joiner, BOM, and bidirectional controls.
# Zero-width (non-)joiners stay: some scripts need them.
_INVISIBLE = (
    "\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")

# Removal table for control characters (C0/C1 except tab and newline) and invisibles.
_DROP = {
    **{c: None for c in range(0x20) if chr(c) not in "\t\n"},
    **{c: None for c in range(0x7F, 0xA0)},
    **{ord(c): None for c in _INVISIBLE},
}


def normalise_text(text: str) -> str:
    """The canonical form of an article's text.

    Unicode NFC; every kind of line ending becomes ``\\n``; control and invisible
    format characters (and lone surrogates) are removed; runs of spaces and tabs
    become one space; lines are trimmed; paragraph breaks (blank lines) are kept
    as exactly one blank line; single line breaks are kept.

    Example:
        >>> normalise_text("Russia\\u00a0 and  Egypt\\r\\n\\r\\n\\r\\nagreed. ")
        'Russia and Egypt\\n\\nagreed.'
    """
    text = _strip_surrogates(text)
    text = _PARAGRAPH_BREAKS.sub("\n\n", _LINE_BREAKS.sub("\n", text))
    text = unicodedata.normalize("NFC", text.translate(_DROP))
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def normalise_line(text: str | None) -> str | None:
    """A title, source name or other one-line field, cleaned; None when nothing is left.

    Example:
        >>> normalise_line("  Talks\\n in  Geneva ")
        'Talks in Geneva'
    """
    if text is None:
        return None
    line = " ".join(normalise_text(text).split())
    return line or None


def identity_key(text: str) -> str:
    """The form of a normalised text that its id is hashed from: whitespace runs folded.

    Two copies of one story that differ only in spacing or line wrapping get the
    same key, and so the same article id.
    """
    return " ".join(text.split())


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at the last paragraph, line or sentence end.

    The cut falls on the latest boundary in the second half of the allowed length,
    trying paragraph breaks, then line breaks, then sentence ends, then spaces;
    only a text with none of these is cut mid-word.

    Example:
        >>> truncate("One. Two. Three.", 12)
        'One. Two.'
    """
    if len(text) <= limit:
        return text
    head = text[: limit + 1]  # one more, so a boundary right at the limit is found
    floor = limit // 2
    for boundary in ("\n\n", "\n"):
        cut = head.rfind(boundary)
        if cut >= floor:
            return text[:cut].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() - 1 <= limit]
    if ends and ends[-1] >= floor:
        return text[: ends[-1]].rstrip()
    cut = head.rfind(" ")
    if cut >= floor:
        return text[:cut].rstrip()
    return text[:limit]


def looks_like_headline(line: str) -> bool:
    """Whether a line reads as a headline: short, a few words, no sentence-final punctuation.

    Example:
        >>> looks_like_headline("Russia and Egypt agree to deepen ties")
        True
        >>> looks_like_headline("Russia and Egypt agreed on Tuesday to deepen ties.")
        False
    """
    line = line.strip()
    words = line.split()
    return (
        0 < len(line) <= 200
        and 1 <= len(words) <= 25
        and not line.endswith((".", ",", ";", "-", "\u2014", "\u2013"))
        and any(ch.isalpha() for ch in line)
    )


def _strip_surrogates(text: str) -> str:
    """``text`` without lone surrogate code points (they cannot be encoded as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    return text
