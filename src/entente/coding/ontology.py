"""The CAMEO and PLOVER event ontologies, loaded from the data files shipped with entente.

``cameo_codes.tsv`` gives every CAMEO event code its name, root, QuadClass and
Goldstein value; ``cameo_to_plover.tsv`` maps each CAMEO code to a PLOVER type
and mode; ``plover_types.tsv`` and ``plover_modes.tsv`` list what PLOVER allows.

PLOVER has no category for CAMEO's 01 (public statements) and 02 (appeals): the
crosswalk marks them ``DROPPED``. entente decides:

* 01x statements get no PLOVER type (``""``): a statement is not a PLOVER event.
* 02x appeals become ``REQUEST`` (PLOVER's successor of DEMAND, which covers asking
  as well as demanding), with the REQUEST mode that fits the appeal: ``assist`` for
  021-023, ``change`` for 024, ``yield`` for 025, ``meet`` for 026-028.

Example:
    >>> onto = load_ontology()
    >>> onto.cameo("042").name
    'Make a visit'
    >>> onto.plover_for("042")
    ('CONSULT', 'visit')
    >>> onto.plover_for("020")
    ('REQUEST', '')
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from entente.errors import KnowledgeBaseError

DATA = resources.files("entente.coding") / "data"

# How appeals (02x) map to PLOVER REQUEST modes; see the module docstring.
_APPEAL_MODES = {
    "021": "assist",
    "022": "",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code.

    Attributes:
        code: the code as a string with its leading zero ("0331").
        name: its name in the CAMEO 1.1b3 manual.
        root: the two-digit cue category ("03").
        quad: QuadClass 1-4 (verbal/material cooperation, verbal/material conflict).
        goldstein: Goldstein value, -10 (most conflictual) to +10.
    """

    code: str
    name: str
    root: str
    quad: int
    goldstein: float


@dataclass(frozen=True)
class Ontology:
    """CAMEO codes and the CAMEO-to-PLOVER crosswalk, validated.

    Attributes:
        codes: every CAMEO code by its string.
        plover: CAMEO code -> (PLOVER type, PLOVER mode); "" where PLOVER has none.
        plover_types: the PLOVER event types.
    """

    codes: dict[str, CameoCode]
    plover: dict[str, tuple[str, str]]
    plover_types: frozenset[str]

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code record for ``code``.

        Raises:
            KnowledgeBaseError: ``code`` is not a CAMEO event code.
        """
        try:
            return self.codes[code]
        except KeyError:
            raise KnowledgeBaseError(
                f"unknown CAMEO event code {code!r}: codes are strings of 2-4 digits with their "
                "leading zero, as listed in entente/coding/data/cameo_codes.tsv (e.g. '042', '1384')"
            ) from None

    def is_code(self, code: str) -> bool:
        """Whether ``code`` is a CAMEO event code."""
        return code in self.codes

    def plover_for(self, code: str) -> tuple[str, str]:
        """The PLOVER (type, mode) of a CAMEO code; ("", "") for statements (01x)."""
        self.cameo(code)
        return self.plover.get(code, ("", ""))


def _read_tsv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [(n, row) for n, row in enumerate(reader, 2)]
        return list(reader.fieldnames or []), rows


def _require(path: Path, fields: list[str], needed: tuple[str, ...]) -> None:
    missing = [c for c in needed if c not in fields]
    if missing:
        raise KnowledgeBaseError(
            f"{path}: missing column(s) {', '.join(missing)}; the file needs {', '.join(needed)} "
            "(restore it from the entente source tree)"
        )


def read_ontology(data_dir: Path | None = None) -> Ontology:
    """Read and validate the ontology files in ``data_dir`` (default: the shipped ones).

    Raises:
        KnowledgeBaseError: with one ``file:line: problem`` entry per bad row.
    """
    base = Path(str(data_dir or DATA))
    problems: list[str] = []

    codes_path = base / "cameo_codes.tsv"
    fields, rows = _read_tsv(codes_path)
    _require(codes_path, fields, ("code", "name", "goldstein", "quad_class", "root"))
    codes: dict[str, CameoCode] = {}
    for n, row in rows:
        code = (row.get("code") or "").strip()
        where = f"{codes_path.name}:{n}"
        if not (code.isdigit() and 2 <= len(code) <= 4):
            problems.append(f"{where}: code {code!r} is not 2-4 digits")
            continue
        if code in codes:
            problems.append(f"{where}: code {code} listed twice")
            continue
        if row["root"] != code[:2] or not ("01" <= code[:2] <= "20"):
            problems.append(
                f"{where}: root {row['root']!r} does not fit code {code} (roots are 01-20)"
            )
            continue
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
        except ValueError:
            problems.append(
                f"{where}: goldstein {row['goldstein']!r} / quad {row['quad_class']!r} not numbers"
            )
            continue
        if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
            problems.append(
                f"{where}: goldstein {goldstein} must be in -10..10 and quad {quad} in 1..4"
            )
            continue
        codes[code] = CameoCode(code, row["name"], code[:2], quad, goldstein)

    types_path = base / "plover_types.tsv"
    fields, rows = _read_tsv(types_path)
    _require(types_path, fields, ("type",))
    plover_types = frozenset(row["type"].strip() for _, row in rows if row.get("type"))

    modes_path = base / "plover_modes.tsv"
    fields, rows = _read_tsv(modes_path)
    _require(modes_path, fields, ("type", "mode"))
    valid_modes = {(row["type"], row["mode"]) for _, row in rows}

    walk_path = base / "cameo_to_plover.tsv"
    fields, rows = _read_tsv(walk_path)
    _require(walk_path, fields, ("cameo_code", "plover_type", "plover_mode"))
    plover: dict[str, tuple[str, str]] = {}
    for n, row in rows:
        code = row["cameo_code"].strip()
        where = f"{walk_path.name}:{n}"
        if code not in codes:
            # The crosswalk also maps codes outside CAMEO 1.1b3 (1214, an ICEWS addition):
            # harmless, since the coder only emits codes of cameo_codes.tsv.
            if not (code.isdigit() and 2 <= len(code) <= 4):
                problems.append(f"{where}: CAMEO code {code!r} is not 2-4 digits")
            continue
        ptype = row["plover_type"].strip()
        mode = row["plover_mode"].strip()
        if ptype == "DROPPED":
            ptype, mode = (
                ("REQUEST", _APPEAL_MODES.get(code[:3], "")) if code[:2] == "02" else ("", "")
            )
        elif ";" in ptype:  # the 08 header row names two types; its first is the general one
            ptype = ptype.split(";")[0]
        if ptype and ptype not in plover_types:
            problems.append(f"{where}: PLOVER type {ptype!r} is not in plover_types.tsv")
            continue
        if mode and (ptype, mode) not in valid_modes:
            mode = ""  # modes of older PLOVER drafts are dropped rather than passed on
        plover[code] = (ptype, mode)
    for code in codes:
        if code not in plover:
            problems.append(f"{walk_path.name}: CAMEO code {code} has no crosswalk row")
    if problems:
        raise KnowledgeBaseError("the CAMEO/PLOVER ontology files do not validate:", problems)
    return Ontology(codes, plover, plover_types)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology, read and validated once per process."""
    return read_ontology()


def cameo(code: str) -> tuple[str, str, int, float]:
    """(name, root, quad, goldstein) of a CAMEO event code.

    Example:
        >>> cameo("0331")
        ('Express intent to provide economic aid', '03', 1, 5.2)
    """
    c = load_ontology().cameo(code)
    return c.name, c.root, c.quad, c.goldstein


def plover_for(code: str) -> tuple[str, str]:
    """(PLOVER type, PLOVER mode) of a CAMEO event code ("" where PLOVER has none).

    Example:
        >>> plover_for("1384")
        ('THREATEN', 'violence')
    """
    return load_ontology().plover_for(code)
