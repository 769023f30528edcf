"""Output styles: the act behind an intent, and PETRARCH's convention of listing the act."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from entente.cli.app import app
from entente.coding import Coder, cameo, plover_for
from entente.coding.styles import STYLES, check_style, listed, requires_dyad
from entente.errors import InputError
from entente.pipeline import code_output_lines

WHEN = date(2016, 3, 10)


@pytest.fixture(scope="module")
def code(parse):
    """Code one sentence with the shipped knowledge: ``code(text) -> list[Event]``."""
    from entente.actors import Resolver, load_kb

    kb = load_kb()
    resolver, coder = Resolver(kb), Coder(kb=kb)

    def _code(text: str):
        return [e for s in parse(text) for e in coder.code(s, resolver.resolve(s, WHEN), WHEN)]

    return _code


def _main(events, root):
    return next(e for e in events if e.root == root)


@pytest.mark.parametrize(
    ("text", "intent", "act"),
    [
        ("Turkey has agreed to lift its sanctions on Russia.", "0354", "085"),
        ("Vladimir Putin is scheduled to visit Cairo next week.", "036", "042"),
        ("Egypt plans to meet Jordanian officials.", "036", "040"),
        ("Germany will deliver weapons to Kurdish fighters in Iraq.", "0332", "072"),
    ],
)
def test_coding_styles_intent_keeps_its_act(code, text, intent, act):
    e = _main(code(text), "03")
    assert (e.cameo, e.mode, e.act) == (intent, "future", act)
    shown = listed(e, "petrarch")
    assert (shown.cameo, shown.root, shown.mode) == (act, act[:2], "future")
    _, _, quad, goldstein = cameo(act)
    assert (shown.quad, shown.goldstein) == (quad, goldstein)
    assert (shown.plover, shown.plover_mode) == plover_for(act)
    assert shown.dyads() == e.dyads() and shown.participants == e.participants
    assert listed(e, "default") is e


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("The German foreign minister wants to help Jordan.", "033"),
        ("Vietnam is seeking to deepen its partnership with India.", "031"),
        ("Colombia has announced that it will release 30 jailed guerrillas.", "0353"),
        ("Ethiopia said it will pull its troops out of Somalia.", "0356"),
    ],
)
def test_coding_styles_an_intent_in_the_actors_own_words_stays_an_intent(code, text, intent):
    # wanting, seeking and saying one will are verbal acts: no act to list them under
    e = _main(code(text), "03")
    assert (e.cameo, e.mode, e.act) == (intent, "future", "")
    assert listed(e, "petrarch") is e


def test_coding_styles_petrarch_counts_future_acts(code):
    events = code("The UN investigators want to examine the mass graves in Burundi.")
    [default] = [json.loads(x) for x in code_output_lines([("r", events)])]
    [petrarch] = [json.loads(x) for x in code_output_lines([("r", events)], style="petrarch")]
    assert not any(e["root"] == "09" for e in default["events"])  # not done yet
    assert [(e["source"], e["target"], e["code"], e["mode"]) for e in petrarch["events"]] == [
        ("IGOUNO", "BDI", "090", "future")
    ]
    # a negated act is not counted in any style
    events = code("Russia did not attend the talks in Geneva.")
    for style in STYLES:
        [line] = [json.loads(x) for x in code_output_lines([("r", events)], style=style)]
        assert not any(e["root"] == "04" for e in line["events"])


def test_coding_styles_threat_and_refusal(code):
    threat = _main(code("Azerbaijan threatened to shell Armenian villages."), "13")
    assert threat.cameo == "1384" and threat.act.startswith("19")
    assert listed(threat, "petrarch") is threat  # a threat is a threat in PETRARCH's data too
    assert not threat.committed
    pledge = _main(code("Sudan has pledged to expel the Hamas officials living in Khartoum."), "13")
    assert (pledge.cameo, pledge.act, pledge.committed) == ("137", "174", True)
    shown = listed(pledge, "petrarch")  # a commitment to act is listed as the act
    assert (shown.cameo, shown.root, shown.mode) == ("174", "17", "future")
    wish = _main(code("Erdogan wants to attack the Kurdish militia."), "13")
    assert not wish.committed and listed(wish, "petrarch") is wish
    refusal = _main(code("Russia refused to attend the talks in Geneva."), "12")
    assert refusal.act == ""  # a refusal is an act of its own, about no act to list
    meeting = _main(code("Russia's foreign minister met his Egyptian counterpart in Cairo."), "04")
    assert meeting.act == "" and listed(meeting, "petrarch") is meeting


def test_coding_styles_output_lines(code):
    events = code("Vladimir Putin is scheduled to visit Cairo next week.") + code(
        "Iran condemned the attack."
    )
    [default] = [json.loads(x) for x in code_output_lines([("r", events)])]
    [petrarch] = [json.loads(x) for x in code_output_lines([("r", events)], style="petrarch")]
    visit = next(e for e in default["events"] if e["code"] == "036")
    assert visit["act"] == "042" and "intent_code" not in visit
    listed_visit = next(e for e in petrarch["events"] if e.get("intent_code") == "036")
    assert (listed_visit["code"], listed_visit["root"], listed_visit["mode"]) == (
        "042",
        "04",
        "future",
    )
    assert (listed_visit["source"], listed_visit["target"]) == (visit["source"], visit["target"])
    assert not any(e["code"] == "036" for e in petrarch["events"])
    # the petrarch style keeps only dyads with both sides ("Iran condemned the attack": no target)
    assert all(e["source"] and e["target"] for e in petrarch["events"])
    assert any(not e["target"] for e in default["events"])


def test_coding_styles_names_are_checked():
    assert STYLES == ("default", "petrarch")
    assert check_style("petrarch") == "petrarch" and requires_dyad("petrarch")
    assert not requires_dyad("default")
    with pytest.raises(InputError, match="unknown output style 'phoenix'.*default, petrarch"):
        check_style("phoenix")


def test_coding_styles_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {"id": "a", "text": "Egypt plans to meet Jordanian officials.", "date": "2016-03-10"}
        )
        + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    res = runner.invoke(app, ["code", str(src), "--style", "petrarch", "-o", "-"])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / "-").exists()  # "-o -" is stdout, not a file named "-"
    [line] = [json.loads(x) for x in res.stdout.splitlines()]
    [e] = line["events"]
    assert (e["code"], e["intent_code"], e["mode"]) == ("040", "036", "future")
    bad = runner.invoke(app, ["code", str(src), "--style", "phoenix"])
    assert bad.exit_code == 2 and "phoenix" in bad.output
    helped = runner.invoke(app, ["code", "--help"])
    assert "--style" in helped.output and "petrarch" in helped.output


def test_coding_styles_code_gold_uses_the_style():
    from entente.coding.evaluate import code_gold

    records = [
        {"id": "x", "text": "Egypt plans to meet Jordanian officials.", "date": "2016-03-10"}
    ]
    assert [e["code"] for e in code_gold(records)["x"]] == ["036"]
    assert [e["code"] for e in code_gold(records, style="petrarch")["x"]] == ["040"]
    # eval counts what `entente code` lists: future acts too in the petrarch style
    wish = [{"id": "y", "text": "UN investigators want to examine the mass graves in Burundi."}]
    assert code_gold(wish)["y"] == []
    assert [e["code"] for e in code_gold(wish, style="petrarch")["y"]] == ["090"]
    with pytest.raises(InputError):
        code_gold(records, style="phoenix")


def test_coding_styles_petrarch_leaves_an_alleged_attack_to_the_accusation(code):
    events = code("Thailand said artillery shells were fired at it from Cambodia on Friday.")
    [default] = [json.loads(x) for x in code_output_lines([("r", events)])]
    [petrarch] = [json.loads(x) for x in code_output_lines([("r", events)], style="petrarch")]
    assert {e["root"] for e in default["events"]} >= {"11", "19"}
    assert [(e["source"], e["target"], e["code"]) for e in petrarch["events"]] == [
        ("THA", "KHM", "112")
    ]
    # a neutral report of the same act is the act in every style
    events = code("Witnesses said artillery shells were fired at Thailand from Cambodia.")
    [petrarch] = [json.loads(x) for x in code_output_lines([("r", events)], style="petrarch")]
    assert any(e["root"] == "19" for e in petrarch["events"]), petrarch
