"""A table of real-style sentences: mention in context + date -> expected actor code.

Each case names a sentence, the article date (or None), the mention's text as it
must appear inside a resolved mention, and the code that mention must carry.
"""

from __future__ import annotations

from datetime import date

import pytest

from entente.actors import Resolver, load_kb

D2015 = date(2015, 6, 9)

CASES = [
    # --- state names, short forms, adjectives, demonyms
    ("Russia said it would send more aid.", None, "Russia", "RUS"),
    ("The United States and Jordan have agreed upon a new free-trade pact.", None, "United States", "USA"),
    ("The United States and Jordan have agreed upon a new free-trade pact.", None, "Jordan", "JOR"),
    ("The U.S. presented evidence against Russia.", D2015, "U.S.", "USA"),
    ("The US presented evidence against Russia.", D2015, "US", "USA"),
    ("Britain and Libya restored diplomatic relations.", None, "Britain", "GBR"),
    ("Israelis and Palestinians resumed talks in Washington.", None, "Palestinians", "PSE"),
    ("The Russian building was demolished by a Ukrainian protestor.", D2015, "Russian building", None),
    ("North Korea test-fired a missile over Japan.", None, "North Korea", "PRK"),
    ("The Democratic Republic of the Congo accused Rwanda of backing the rebels.", None, "Democratic Republic of the Congo", "COD"),
    ("Ivory Coast rebels seized the town.", None, "Ivory Coast rebels", "CIVREB"),
    ("Cote d'Ivoire's army retook the city.", None, "Cote d'Ivoire's army", "CIVMIL"),
    ("Trinidad & Tobago signed the accord.", None, "Trinidad & Tobago", "TTO"),
    ("Burma freed several dissidents.", None, "Burma", "MMR"),
    ("Czechia and Albania signed a treaty.", None, "Czechia", "CZE"),
    # --- capitals: metonym when they act, the country as a place
    ("Moscow said it would retaliate.", None, "Moscow", "RUSGOV"),
    ("Washington accused Tehran of arming the militias.", None, "Washington", "USAGOV"),
    ("Washington accused Tehran of arming the militias.", None, "Tehran", "IRNGOV"),
    ("Talks were held in Moscow on Monday.", None, "Moscow", "RUS"),
    ("Beijing and Moscow vetoed the resolution.", None, "Beijing", "CHNGOV"),
    ("Beijing and Moscow vetoed the resolution.", None, "Moscow", "RUSGOV"),
    ("The minister flew to Cairo for consultations.", None, "Cairo", "EGY"),
    ("Ankara rejected the criticism from Berlin.", None, "Ankara", "TURGOV"),
    ("Ankara rejected the criticism from Berlin.", None, "Berlin", "DEU"),
    # --- government bodies
    ("The Kremlin denied the report.", None, "Kremlin", "RUSGOV"),
    ("The White House announced new sanctions.", None, "White House", "USAGOV"),
    ("The Pentagon said two soldiers were wounded.", None, "Pentagon", "USAMIL"),
    # --- IGOs and their officials
    ("The United Nations condemned the attack.", None, "United Nations", "IGOUNO"),
    ("The UN envoy met both delegations in Geneva.", None, "UN envoy", "IGOUNO"),
    ("UN troops withdrew from the buffer zone.", None, "UN troops", "IGOUNOMIL"),
    ("The European Union imposed sanctions on Belarus.", None, "European Union", "IGOEUREEC"),
    ("NATO warplanes struck Serb positions.", None, "NATO warplanes", "IGOWSTNATMIL"),
    ("The Arab League suspended Syria's membership.", None, "Arab League", "IGOARL"),
    ("The African Union sent observers to the election.", None, "African Union", "IGOAFRAFU"),
    ("The U.N. Security Council voted to extend the mission.", None, "U.N. Security Council", "IGOUNO"),
    # --- country + agent compounds
    ("The Egyptian army closed the border crossing.", None, "Egyptian army", "EGYMIL"),
    ("Syrian rebels shelled the government-held district.", None, "Syrian rebels", "SYRREB"),
    ("The Syrian opposition refused to attend the talks.", None, "Syrian opposition", "SYROPP"),
    ("Turkish officials said the talks would resume.", None, "Turkish officials", "TURGOV"),
    ("Russian warplanes bombed the town overnight.", None, "Russian warplanes", "RUSMIL"),
    ("Israeli police arrested three suspects.", None, "Israeli police", "ISRCOP"),
    ("Ukrainian lawmakers endorsed the agreement.", None, "Ukrainian lawmakers", "UKRLEG"),
    ("A Tunisian court jailed the student for two years.", None, "Tunisian court", "TUNJUD"),
    ("French farmers blocked the roads to Paris.", None, "French farmers", "FRAAGR"),
    ("Russia troops crossed the border.", None, "Russia troops", "RUSMIL"),
    ("US forces killed the militant leader.", None, "US forces", "USAMIL"),
    # --- possessives
    ("Russia's foreign minister said the plan was unacceptable.", None, "Russia's foreign minister", "RUSGOV"),
    ("Rwanda's Senate approved the bill.", None, "Rwanda's Senate", "RWALEG"),
    ("Sudan's government rejected the proposal.", None, "Sudan's government", "SDNGOV"),
    # --- "of" phrases and coordination
    ("She met the president of Armenia on Tuesday.", None, "president of Armenia", "ARMGOV"),
    ("Senior Hungarian and Romanian officials agreed on Wednesday.", None, "Hungarian", "HUNGOV"),
    ("Senior Hungarian and Romanian officials agreed on Wednesday.", None, "Romanian officials", "ROUGOV"),
    # --- agents without a country
    ("Rebels attacked the convoy.", None, "Rebels", "---REB"),
    ("The government expressed appreciation for China's assistance.", D2015, "government", "---GOV"),
    # --- unknown people with a title
    ("President Michel Suleiman received the delegation.", date(2010, 3, 1), "President Michel Suleiman", "LBNGOV"),
    ("President Ahmed Hussein Oumar received the delegation.", None, "President Ahmed Hussein Oumar", "---GOV"),
    ("An Egyptian minister visited Gaza.", None, "Egyptian minister", "EGYGOV"),
    # --- Georgia: the country or the US state, by context
    ("Georgia accused Russia of occupying Abkhazia.", None, "Georgia", "GEO"),
    ("Voters in Atlanta, Georgia, waited hours to cast ballots.", None, "Georgia", "USA"),
]


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_kb())


def _find(mentions, text):
    for m in mentions:
        if text in m.text or m.text in text and len(m.text) > 2:
            return m
    return None


@pytest.mark.parametrize(("sentence", "when", "text", "code"), CASES, ids=[f"{c[2]}->{c[3]}" for c in CASES])
def test_resolver_case(parse, resolver, sentence, when, text, code):
    (parsed,) = parse(sentence)
    mentions = resolver.resolve(parsed, when)
    found = _find(mentions, text)
    got = [(m.text, m.actor.code if m.actor else None, m.how) for m in mentions]
    if code is None:
        assert found is None or found.actor is not None, got
        return
    assert found is not None, f"no mention covers {text!r}; got {got}"
    assert found.actor is not None and found.actor.code == code, got
