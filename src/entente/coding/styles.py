"""Output styles: how coded events are listed in CAMEO-style (dyadic) output.

entente codes modality as the CAMEO codebook asks: "Obama will meet Putin" is a
stated intent to meet (036, mode future), not a meeting. Data sets made by coders
that ignore modality, PETRARCH's among them, list the same sentence under the act
itself (040). A *style* chooses between the two without changing what is coded:

* ``default`` — every event under its own code.
* ``petrarch`` — PETRARCH's convention: only dyads with both a source and a
  target; a planned act ("will meet", "is scheduled to attend", "agreed to lift
  sanctions") listed under that act's code (:attr:`entente.types.Event.act`),
  keeping its mode ``future``; and a future act with no intent code of its own
  ("wants to inspect the refineries") counted, as a coder without modality counts
  it. The intent code is still given alongside (``intent_code`` in ``entente code``
  output). An intent the actor states in its own words ("said it will free the
  prisoners", "wants to help Israel") is a verbal act of its own and stays the
  intent (03x) in both styles. A party's claim that another used force ("Israel
  said a mortar bomb was fired at it from Gaza") is listed as the accusation (112)
  only, as PETRARCH-style data code it; the default style lists the reported act too.

Example:
    >>> listed(event, "petrarch").cameo  # "will meet": intent 036 about 040  # doctest: +SKIP
    '040'
"""

from __future__ import annotations

from dataclasses import replace

from entente.coding.coder import reportable
from entente.coding.ontology import load_ontology
from entente.errors import InputError
from entente.types import Event

STYLES: tuple[str, ...] = ("default", "petrarch")
"""The output styles entente knows."""


def check_style(style: str) -> str:
    """The style name, checked.

    Raises:
        InputError: an unknown style.
    """
    if style not in STYLES:
        raise InputError(f"unknown output style {style!r}; use one of {', '.join(STYLES)}")
    return style


def requires_dyad(style: str) -> bool:
    """Whether a style lists only dyads with both a source and a target."""
    return check_style(style) == "petrarch"


def style_events(events: list[Event], style: str) -> list[Event]:
    """The events of one record that ``style`` lists (each to be shown by :func:`listed`):
    those it reports, without the acts that the ``petrarch`` style leaves to the
    accusation that alleges them."""
    shown = [e for e in events if style_reports(e, style)]
    if check_style(style) == "petrarch":
        alleged = {
            (a.article_id, a.sentence_index, frozenset(_codes(a, "target")))
            for a in shown
            if a.cameo == _ACCUSATION
        }
        shown = [
            e
            for e in shown
            if not (
                e.root in _FORCE_ROOTS
                and (e.article_id, e.sentence_index, frozenset(_codes(e, "source"))) in alleged
            )
        ]
    return shown


# An accusation, and the roots of the acts of force a party's claim makes one.
_ACCUSATION = "112"
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def _codes(event: Event, role: str) -> list[str]:
    return [p.actor.code for p in event.in_role(role) if p.actor is not None]


def style_reports(event: Event, style: str) -> bool:
    """Whether ``style`` lists the event as one that happened.

    The default style lists what :func:`entente.coding.reportable` allows; the
    ``petrarch`` style also lists future acts ("will inspect"), as PETRARCH codes
    no modality. Negated and hypothetical events are never listed as acts.
    """
    return reportable(event) or (check_style(style) == "petrarch" and event.mode == "future")


def listed(event: Event, style: str) -> Event:
    """The event as ``style`` lists it (the same event when the style changes nothing).

    In the ``petrarch`` style a stated intent about an act (code 03x with
    :attr:`~entente.types.Event.act` set) becomes that act, with the act's root,
    QuadClass, Goldstein value and PLOVER type; its mode stays ``future`` and its
    ``act`` field still names the act. Threats (13x) stay threats, as PETRARCH codes
    them, except one made as a commitment ("pledged to expel",
    :attr:`~entente.types.Event.committed`), which such data list as the act.

    Example:
        >>> e = listed(event, "petrarch")  # doctest: +SKIP
        >>> (event.cameo, e.cameo, e.mode)  # doctest: +SKIP
        ('0354', '085', 'future')
    """
    if check_style(style) == "default" or not (
        event.act and (event.cameo.startswith("03") or event.committed)
    ):
        return event
    onto = load_ontology()
    cc = onto.cameo(event.act)
    plover, plover_mode = onto.plover_for(event.act)
    return replace(
        event,
        cameo=event.act,
        root=cc.root,
        quad=cc.quad,
        goldstein=cc.goldstein,
        plover=plover,
        plover_mode=plover_mode,
    )
