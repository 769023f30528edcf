"""Real sentences and the events the coder must find in them.

Each case: ``(id, text, expected, absent)``. ``expected`` lists events as
``(code, source, target, mode)``: ``code`` is a CAMEO code (exact) or a two-digit root,
``source``/``target`` are actor-code prefixes ("RUS" matches "RUSGOV"; None = no check),
``mode`` the event mode (None = no check). ``absent`` lists codes (or roots) that must
not be reported as having happened. Sentences are written for these tests.
"""

from __future__ import annotations

Case = tuple[str, str, list[tuple[str, str | None, str | None, str | None]], list[str]]

ACTIVE_PASSIVE: list[Case] = [
    (
        "act-give-loan",
        "Japan gave Egypt a loan of two billion dollars on Monday.",
        [("071", "JPN", "EGY", "asserted")],
        [],
    ),
    (
        "act-will-give-grant",
        "Sweden will award Zambia a grant for new rural schools.",
        [("0331", "SWE", "ZMB", "future")],
        ["071"],
    ),
    (
        "act-attack",
        "Russian jets attacked rebel positions near Aleppo on Monday.",
        [("19", "RUS", None, "asserted")],
        [],
    ),
    # the weapon named says the kind of force
    (
        "act-downed-by-missile",
        "A Saudi fighter jet was downed over Yemen by a missile launched by rebels.",
        [("194", "---REB", None, "asserted")],
        [],
    ),
    (
        "act-killed-by-drone-strike",
        "Two Yemeni soldiers were killed by a drone strike on Monday.",
        [("195", None, "YEM", "asserted")],
        [],
    ),
    # a general verb is an event only when an actor acts on another
    (
        "act-vague-report-reveals",
        "A leaked audit reveals the extent of smuggling networks in Paraguay.",
        [],
        ["05"],
    ),
    (
        "act-vague-but-dyadic",
        "The United States provided intelligence to the Colombian army.",
        [("06", "USA", "COL", "asserted")],
        [],
    ),
    (
        "act-expressed-support",
        "Erdogan expressed his support for Nicolas Maduro.",
        [("051", "TUR", "VEN", "asserted")],
        ["11"],
    ),
    (
        "act-dominate-market",
        "Chinese firms dominate the European solar panel market.",
        [],
        ["19"],
    ),
    (
        "act-called-to-congratulate",
        "Trudeau called Macri to congratulate him on his election victory.",
        [],
        ["02"],
    ),
    (
        "act-migrants-travel",
        "Afghan refugees travel through Iran to Turkey.",
        [],
        ["04"],
    ),
    (
        "act-sue-for",
        "A Kenyan farmer is suing Britain for compensation.",
        [("115", "KEN", "GBR", None)],
        ["17"],
    ),
    (
        "act-prevented-demonstration",
        "Belarusian police prevented a march by opposition activists in Minsk.",
        [("1721", "BLR", None, "asserted")],
        ["12"],
    ),
    (
        "act-declaration-demanding",
        "The Houthis issued a statement demanding that the Yemeni government free the group's jailed fighters.",
        [("10", "YEM", "YEM", "demanded")],
        ["06"],
    ),
    (
        "act-upgraded-ties",
        "Slovenia and Vietnam have upgraded their diplomatic relations to a strategic partnership.",
        [("050", "SVN", "VNM", "asserted")],
        [],
    ),
    # an act under speculation or allegation has not been shown to happen
    (
        "act-amid-speculation",
        "Malaysia returned the gorillas, amid speculation they had been captured by Nigerian smugglers.",
        [],
        ["17"],
    ),
    # the one who refuses or accepts another's act acts on that other
    (
        "act-opposed-to-mediation",
        "Armenia is opposed to Turkish mediation in its long conflict with Azerbaijan.",
        [("12", "ARM", "TUR", "asserted")],
        [],
    ),
    # a threat is aimed at whoever must meet its condition
    (
        "act-threat-unless",
        "Ethiopia threatened to resume its military campaign unless Eritrea withdrew its troops.",
        [("13", "ETH", "ERI", "future")],
        [],
    ),
    (
        "act-threat-if-lower",
        "China threatened to halt trade negotiations if Australia imposes new tariffs.",
        [("13", "CHN", "AUS", "future")],
        [],
    ),
    # protesters are of the place they protest in; victims of the place they were hit in
    (
        "act-riot-in-place",
        "Students rioted on a campus in Laayoune, Western Sahara, demanding an end to Moroccan rule.",
        [("14", "ESH", "MAR", "asserted")],
        [],
    ),
    (
        "act-victims-when-clause",
        "A Somali suicide bomber killed 12 people when he blew himself up at a market in Nairobi.",
        [("18", "SOM", "KEN", "asserted")],
        [],
    ),
    (
        "act-object-phrase-first",
        "China threatened to cut diplomatic ties with Lithuania over its relations with Taiwan.",
        [("13", "CHN", "LTU", "future")],
        [],
    ),
    (
        "act-suspend-part-of-aid-program",
        "Germany suspended part of its development aid to Niger.",
        [("162", "DEU", "NER", "asserted")],
        [],
    ),
    # praising or backing something together is no act on each other
    (
        "act-joint-support-not-mutual",
        "Canada and the European Union voiced support for the ceasefire plan.",
        [("051", "CAN", None, "asserted")],
        [],
    ),
    # those arrested are the target; a group facing its own police is that state's
    (
        "act-arrested-protesters",
        "Egyptian police arrested twelve protesters in Alexandria.",
        [("17", "EGY", "EGY", "asserted")],
        [],
    ),
    (
        "act-domestic-rebels",
        "The Malian government met the demands of Tuareg rebels for more autonomy.",
        [("08", "MLI", "MLI", "asserted")],
        [],
    ),
    (
        "act-foreign-jets-not-domestic",
        "Russian jets struck rebels near Aleppo.",
        [("19", "RUS", "---REB", "asserted")],
        [],
    ),
    (
        "act-troops-to-border",
        "Turkey massed tanks along the Syrian border.",
        [("154", "TUR", "SYR", "asserted")],
        ["06"],
    ),
    # an arrest told without its agent was made by the state where it happened
    (
        "act-arrested-in-passive",
        "An Australian academic was arrested in Iran on espionage charges.",
        [("173", "IRN", "AUS", "asserted")],
        [],
    ),
    (
        "act-sworn-to-fight",
        "Karen militias have sworn to keep fighting until they win autonomy.",
        [("138", "MMR", None, "future")],
        ["19"],
    ),
    # an event noun carried by "mission", "campaign", "effort" is the event
    (
        "act-mediation-mission",
        "The African Union launched a mediation mission between Sudan and South Sudan.",
        [("045", "IGOAFRAFU", "SDN", "asserted")],
        [],
    ),
    (
        "act-bombing-campaign",
        "Russia's bombing campaign against Islamic State continued.",
        [("195", "RUS", "IMGMUSISI", "asserted")],
        [],
    ),
    (
        "act-called-general-strike",
        "Workers called a general strike.",
        [("143", "---LAB", None, "asserted")],
        ["02"],
    ),
    (
        "act-armed-government",
        "Russia armed the Syrian government.",
        [("072", "RUS", "SYR", "asserted")],
        ["06"],
    ),
    (
        "act-voted-for-draft",
        "Egypt voted in the Security Council for a Russian draft resolution.",
        [("051", "EGY", "RUS", "asserted")],
        ["03"],
    ),
    (
        "act-took-part-in-killing",
        "Eritrean troops openly took part in the fighting.",
        [("190", "ERI", None, "asserted")],
        ["04"],
    ),
    (
        "act-protect-security",
        "The Kremlin said the measures were needed to protect Russia's national security.",
        [],
        ["074"],
    ),
    (
        "act-shell",
        "Syrian artillery shelled the town of Douma overnight.",
        [("194", "SYR", None, "asserted")],
        [],
    ),
    (
        "act-arrest",
        "Egyptian police arrested the former president in Cairo.",
        [("173", "EGY", None, "asserted")],
        [],
    ),
    (
        "act-expel",
        "Turkey expelled the Dutch ambassador on Saturday.",
        [("16", "TUR", "NLD", "asserted")],
        [],
    ),
    (
        "act-visit",
        "The Iranian foreign minister visited Moscow on Tuesday.",
        [("042", "IRN", "RUS", "asserted")],
        [],
    ),
    (
        "act-host",
        "Egypt hosted the Palestinian president in Cairo.",
        [("043", "EGY", "PSE", "asserted")],
        [],
    ),
    (
        "act-sign",
        "Russia signed a military cooperation agreement with Egypt.",
        [("0312", "RUS", "EGY", None)],
        [],
    ),
    (
        "act-accuse",
        "Iran accused Saudi Arabia of sponsoring terrorism.",
        [("11", "IRN", "SAU", "asserted")],
        [],
    ),
    (
        "act-condemn",
        "France condemned the Syrian government for the chemical attack.",
        [("111", "FRA", "SYR", "asserted")],
        [],
    ),
    (
        "act-praise",
        "The United States praised Jordan for its help with refugees.",
        [("051", "USA", "JOR", "asserted")],
        [],
    ),
    (
        "act-meet",
        "Sergei Lavrov met John Kerry in Geneva on Friday.",
        [("04", "RUS", "USA", "asserted")],
        [],
    ),
    (
        "act-meet-with",
        "The UN envoy met with Syrian opposition leaders in Riyadh.",
        [("04", "IGO", "SYR", "asserted")],
        [],
    ),
    (
        "act-release",
        "Israel released twenty Palestinian prisoners on Sunday.",
        [("0841", "ISR", "PSE", "asserted")],
        [],
    ),
    (
        "act-sanction",
        "The European Union imposed sanctions on Russia.",
        [("163", "IGO", "RUS", "asserted")],
        [],
    ),
    (
        "act-deploy",
        "Russia deployed troops to the Syrian border.",
        [("15", "RUS", None, "asserted")],
        [],
    ),
    (
        "act-protest",
        "Thousands of Ukrainians protested against Russia in Kiev.",
        [("14", "UKR", None, "asserted")],
        [],
    ),
    (
        "act-kidnap",
        "Gunmen kidnapped two Turkish engineers in Iraq.",
        [("181", None, "TUR", "asserted")],
        [],
    ),
    (
        "act-criticize",
        "China criticized Japan over the disputed islands.",
        [("111", "CHN", "JPN", "asserted")],
        [],
    ),
    ("act-aid", "Germany sent humanitarian aid to Greece.", [("07", "DEU", "GRC", "asserted")], []),
    # a complaint made to the UN is against whom the sentence names
    (
        "act-complain-to-un-over",
        "Guyana complained to the United Nations over Venezuelan troop movements near the border.",
        [("114", "GUY", "VEN", "asserted")],
        [],
    ),
    (
        "act-protest-to",
        "China protested to Japan over the visit to the shrine.",
        [("114", "CHN", "JPN", "asserted")],
        ["14"],
    ),
    (
        "act-summon-ambassador",
        "Turkey summoned the Russian ambassador on Tuesday.",
        [("114", "TUR", "RUS", "asserted")],
        [],
    ),
    (
        "act-handed-over-medicine",
        "A Norwegian medical team handed two tonnes of vaccines to the Red Cross in Yemen.",
        [("073", "NOR", None, "asserted")],
        [],
    ),
    ("act-invade", "Iraq invaded Kuwait in June.", [("19", "IRQ", "KWT", "asserted")], []),
    # dated years before the article: background, not news of the day
    (
        "act-invade-dated",
        "Iraq invaded Kuwait in August 1990.",
        [("19", "IRQ", "KWT", "historical")],
        ["19"],
    ),
    (
        "pas-attack",
        "The convoy was attacked by Taliban fighters near Kandahar.",
        [("19", "AFG", None, "asserted")],
        [],
    ),
    (
        "pas-arrest",
        "Three Kurdish activists were arrested by Turkish police.",
        [("173", "TUR", None, "asserted")],
        [],
    ),
    (
        "pas-expel",
        "The Russian diplomats were expelled by Britain.",
        [("16", "GBR", "RUS", "asserted")],
        [],
    ),
    (
        "pas-condemn",
        "The attack was condemned by the United Nations.",
        [("111", "IGO", None, "asserted")],
        [],
    ),
    (
        "pas-visit",
        "Damascus was visited by an Iranian delegation on Monday.",
        [("042", "IRN", "SYR", "asserted")],
        [],
    ),
    (
        "pas-release",
        "The hostages were released by the rebels after talks with Qatar.",
        [("0841", None, None, "asserted")],
        [],
    ),
    (
        "pas-sanction",
        "Iran was hit with new sanctions by the United States.",
        [("163", "USA", "IRN", "asserted")],
        [],
    ),
    (
        "pas-accuse",
        "Israel was accused by Lebanon of violating its airspace.",
        [("112", "LBN", "ISR", "asserted")],
        [],
    ),
    (
        "pas-agent-instrument",
        "A cargo plane was shot down by a rocket fired by insurgents.",
        [("19", "---REB", None, "asserted")],
        [],
    ),
    (
        "pas-killed-in",
        "Five soldiers were killed in an Israeli air strike.",
        [("19", "ISR", None, "asserted")],
        [],
    ),
]

COORDINATION: list[Case] = [
    (
        "co-agree",
        "Russia and Egypt agreed to expand military cooperation.",
        [("03", "RUS", "EGY", "future"), ("03", "EGY", "RUS", "future")],
        [],
    ),
    (
        "co-met",
        "The United States, Russia and Saudi Arabia met in Vienna.",
        [("04", "USA", "RUS", None), ("04", "RUS", "SAU", None)],
        [],
    ),
    (
        "co-sign",
        "Iran and Iraq signed a border agreement on Wednesday.",
        [("05", "IRN", "IRQ", None), ("05", "IRQ", "IRN", None)],
        [],
    ),
    (
        "co-names",
        "Narendra Modi and Xi Jinping met in Wuhan.",
        [("04", "IND", "CHN", None)],
        [],
    ),
    (
        "co-subject-attack",
        "French and British jets bombed Libyan air defences.",
        [("19", "FRA", "LBY", None), ("19", "GBR", "LBY", None)],
        [],
    ),
    (
        "co-target",
        "Saudi Arabia cut ties with Iran and Qatar.",
        [("16", "SAU", "IRN", None), ("16", "SAU", "QAT", None)],
        [],
    ),
    (
        "co-clash",
        "Turkish and Kurdish fighters clashed near the border.",
        [("19", "TUR", None, None)],
        [],
    ),
    (
        "co-talks",
        "Russia and Turkey held talks on the Syrian ceasefire.",
        [("04", "RUS", "TUR", None), ("04", "TUR", "RUS", None)],
        [],
    ),
    (
        "co-condemn",
        "Britain and France condemned the missile test by North Korea.",
        [("111", "GBR", "PRK", None), ("111", "FRA", "PRK", None)],
        [],
    ),
    (
        "co-appeal",
        "Germany and Italy urged Greece to accept the reforms.",
        [("02", "DEU", "GRC", "demanded"), ("02", "ITA", "GRC", "demanded")],
        [],
    ),
    (
        "co-protest",
        "Egyptian and Jordanian activists protested outside the Israeli embassy.",
        [("14", "EGY", None, None)],
        [],
    ),
    (
        "co-verbs",
        "Iran condemned the strike and demanded an apology from the United States.",
        [("111", "IRN", None, None), ("10", "IRN", "USA", "demanded")],
        [],
    ),
]

PREPOSITIONS: list[Case] = [
    (
        "pp-talks-with",
        "Iran held talks with the European Union on its nuclear programme.",
        [("04", "IRN", "IGO", None)],
        [],
    ),
    (
        "pp-pressure-on",
        "The United States increased pressure on North Korea.",
        [(None, "USA", "PRK", None)],
        [],
    ),
    (
        "pp-sanctions-against",
        "Canada announced new sanctions against Venezuela.",
        [("163", "CAN", "VEN", None)],
        [],
    ),
    (
        "pp-visit-to",
        "The Turkish president arrived in Tehran for a two-day visit.",
        [("042", "TUR", "IRN", None)],
        [],
    ),
    (
        "pp-fire-at",
        "North Korean soldiers fired at South Korean guard posts.",
        [("19", "PRK", "KOR", None)],
        [],
    ),
    (
        "pp-aid-to",
        "Japan pledged humanitarian aid to Nepal.",
        [("0333", "JPN", "NPL", "future")],
        [],
    ),
    (
        "pp-withdraw-from",
        "Russia withdrew its forces from Georgia.",
        [("08", "RUS", "GEO", None)],
        [],
    ),
    ("pp-meet-in", "Netanyahu met Abbas in Washington.", [("04", "ISR", "PSE", None)], []),
    (
        "pp-travel-to",
        "The Chinese premier travelled to Pakistan on Sunday.",
        [("042", "CHN", "PAK", None)],
        [],
    ),
    (
        "pp-protest-against",
        "Students protested against the Venezuelan government in Caracas.",
        [("14", None, "VEN", None)],
        [],
    ),
    (
        "pp-attack-on-noun",
        "Israel launched an attack on Hamas positions in Gaza.",
        [("19", "ISR", "PSE", None)],
        [],
    ),
    (
        "pp-strike-against",
        "The coalition carried out air strikes against Islamic State in Iraq.",
        [("19", None, "IMG", None)],
        [],
    ),
    (
        "pp-embargo-on",
        "The United Nations imposed an arms embargo on Libya.",
        [("163", "IGO", "LBY", None)],
        [],
    ),
    (
        "pp-advise-against",
        "Britain advised its citizens against travel to Yemen.",
        [(None, "GBR", "YEM", None)],
        [],
    ),
    (
        "pp-cooperation-with",
        "India expanded its military cooperation with Israel.",
        [(None, "IND", "ISR", None)],
        [],
    ),
]

NOUN_EVENTS: list[Case] = [
    (
        "noun-talks-between",
        "Talks between Russia and Ukraine ended without a deal.",
        [("04", "RUS", "UKR", None), ("04", "UKR", "RUS", None)],
        [],
    ),
    (
        "noun-visit-poss",
        "Putin's visit to Turkey ended on Friday.",
        [("042", "RUS", "TUR", None)],
        [],
    ),
    (
        "noun-attack-by",
        "An attack on Iraqi forces by Islamic State fighters killed ten soldiers.",
        [("19", "IMG", "IRQ", None)],
        [],
    ),
    (
        "noun-sanctions-poss",
        "Washington's sanctions against Moscow angered the Kremlin.",
        [("163", "USA", "RUS", None)],
        [],
    ),
    (
        "noun-israeli-shelling",
        "Israeli shelling of Gaza continued on Monday.",
        [("194", "ISR", "PSE", None)],
        [],
    ),
    (
        "noun-us-airstrikes",
        "US air strikes on Syria began in September.",
        [("195", "USA", "SYR", None)],
        [],
    ),
    ("noun-held-talks", "Iran held talks with Oman.", [("04", "IRN", "OMN", None)], []),
    (
        "noun-launched-offensive",
        "The Iraqi army launched an offensive against Islamic State.",
        [("19", "IRQ", "IMG", None)],
        [],
    ),
    (
        "noun-imposed-sanctions",
        "Washington imposed sanctions on Caracas.",
        [("163", "USA", "VEN", None)],
        [],
    ),
    (
        "noun-condemn-attack",
        "Egypt condemned the bombing by militants in Sinai.",
        [("111", "EGY", None, None)],
        [],
    ),
    (
        "noun-agreement-between",
        "The agreement between Iran and the IAEA was signed in Tehran.",
        [("05", "IRN", "IGO", None)],
        [],
    ),
    (
        "noun-meeting-with",
        "Merkel's meeting with Erdogan focused on refugees.",
        [("04", "DEU", "TUR", None)],
        [],
    ),
    (
        "noun-aid-for",
        "Saudi aid for Yemen reached Aden on Sunday.",
        [("07", "SAU", "YEM", None)],
        [],
    ),
    (
        "noun-mediation",
        "Egyptian mediation between Hamas and Fatah continued.",
        [("045", "EGY", None, None)],
        [],
    ),
    (
        "noun-ceasefire",
        "Russia and Turkey announced a ceasefire in Syria.",
        [("08", "RUS", None, None)],
        [],
    ),
    (
        "noun-compound-not-event",
        "A peacekeeping force from Bangladesh arrived in Mali.",
        [("074", "BGD", "MLI", None), ("0861", "MLI", "BGD", None)],
        [],
    ),
    ("noun-mentioned-only", "Egypt said it had no evidence of attacks by Sudan.", [], ["19"]),
    ("noun-series-of", "Islamic State claimed a series of attacks on Iraqi police.", [], []),
]

CLAUSES: list[Case] = [
    (
        "x-attempt-talks",
        "Russia attempted to hold talks with Egypt in Moscow.",
        [("04", "RUS", "EGY", None)],
        [],
    ),
    (
        "x-begin-withdraw",
        "The United States began to withdraw its troops from Iraq.",
        [("08", "USA", "IRQ", None)],
        [],
    ),
    (
        "x-continue-shell",
        "Syrian forces continued to shell rebel-held districts.",
        [("194", "SYR", None, None)],
        [],
    ),
    (
        "x-manage-meet",
        "The Libyan rivals managed to meet in Tunis.",
        [("04", None, None, None)],
        [],
    ),
    (
        "x-relcl-subject",
        "Hezbollah, which is backed by Iran, attacked Israeli positions.",
        [("19", "LBN", "ISR", None)],
        [],
    ),
    ("x-relcl-object", "The soldiers whom Hamas captured were released by Israel.", [], []),
    (
        "x-appos",
        "The Russian foreign minister, Sergei Lavrov, visited Cairo.",
        [("042", "RUS", "EGY", None)],
        [],
    ),
    (
        "x-conj-verbs",
        "Jordan's king visited Washington and met Obama.",
        [("042", "JOR", "USA", None), ("04", "JOR", "USA", None)],
        [],
    ),
    ("x-purpose-not-asserted", "Egypt sent envoys to Gaza to mediate a truce.", [], ["045"]),
    (
        "x-participle-restatement",
        "Insurgents bombed a market in Baghdad, killing twelve people.",
        [("19", None, "IRQ", None)],
        [],
    ),
    (
        "x-acl-infinitive",
        "Iran rejected a plan to send peacekeepers to Syria.",
        [("12", "IRN", None, None)],
        ["074"],
    ),
    (
        "x-reason-gerund",
        "A Turkish court jailed two journalists for helping Kurdish militants.",
        [("173", "TUR", None, None)],
        ["07"],
    ),
    ("x-help-to", "Russia helped Syria to retake Palmyra.", [("07", "RUS", "SYR", None)], []),
    ("x-going-to", "Iran is going to attack the tanker.", [], ["19"]),
    (
        "x-pronoun-he",
        "Obama said he would meet Castro in Havana.",
        [("036", "USA", "CUB", "future")],
        [],
    ),
    # forcing someone into an act is coercion that happened, not the act
    (
        "x-forced-to",
        "Russia forced Ukraine to withdraw its troops from the border.",
        [("170", "RUS", "UKR", "asserted")],
        ["08"],
    ),
    (
        "x-pressured-by-to",
        "The emir was pressured by the assembly to release the detained bloggers.",
        [("170", None, None, "asserted")],
        ["08"],
    ),
    # wanting and saying one will: the intent is the actor's own word
    (
        "x-wants-to-help",
        "The Japanese foreign minister wants to help Nepal rebuild.",
        [("033", "JPN", "NPL", "future")],
        ["07"],
    ),
]

REPORTED: list[Case] = [
    (
        "r-said-attack",
        "Police said rebels attacked the town of Bor.",
        [("19", "---REB", None, "asserted")],
        ["112"],
    ),
    (
        "r-accuse-of",
        "Ukraine accused Russia of sending troops across the border.",
        [("112", "UKR", "RUS", "asserted")],
        [],
    ),
    (
        "r-claim-other",
        "The US claimed that Syria had used chemical weapons.",
        [("112", "USA", "SYR", None)],
        ["20"],
    ),
    (
        "r-claim-self",
        "Al-Shabaab claimed that they had bombed the hotel in Mogadishu.",
        [("015", "SOM", None, "asserted")],
        [],
    ),
    (
        "r-victim-says",
        "Israel said rockets were fired at it from Gaza.",
        [("112", "ISR", "PSE", None)],
        [],
    ),
    (
        "r-state-says-other",
        "The United States said that Iran attacked the tanker.",
        [("112", "USA", "IRN", None)],
        [],
    ),
    (
        "r-said-future-self",
        "Ethiopia said it will withdraw its troops from Somalia.",
        [("0356", "ETH", "SOM", "future")],
        [],
    ),
    (
        "r-said-future-attack-self",
        "North Korea said it would attack the United States.",
        [("13", "PRK", "USA", "future")],
        ["19"],
    ),
    ("r-said-future-other", "Analysts said Israel will strike Iran.", [], ["19"]),
    (
        "r-deny-self",
        "Russia denied that it had bombed the hospital.",
        [("016", "RUS", None, "asserted")],
        ["19"],
    ),
    (
        "r-said-only",
        "The Egyptian president said on Monday that Israel should show restraint.",
        [],
        [],
    ),
    (
        "r-announced-sanctions",
        "The Australian government announced sanctions against Iranian officials.",
        [("163", "AUS", "IRN", None)],
        [],
    ),
    (
        "r-media-reported",
        "Libyan state television reported that militants shelled Benghazi.",
        [("19", "---REB", "LBY", None)],
        ["112"],
    ),
    (
        "r-statement",
        "Russia's foreign ministry issued a statement on the crisis in Ukraine.",
        [],
        [],
    ),
    ("r-told", "Kerry told Lavrov that the United States would not accept the annexation.", [], []),
]

NEGATION_MODALITY: list[Case] = [
    (
        "neg-did-not-attend",
        "Egypt did not attend the talks in Geneva.",
        [("04", "EGY", None, "negated")],
        ["04"],
    ),
    (
        "neg-refused-attend",
        "The Syrian opposition refused to attend the talks.",
        [("125", "SYR", None, "asserted")],
        [],
    ),
    (
        "neg-boycott-talks",
        "The Kurdish parties boycotted the talks in Geneva.",
        [("125", None, None, None)],
        [],
    ),
    (
        "neg-never-met",
        "Obama never met the Iranian president.",
        [("04", "USA", "IRN", "negated")],
        ["04"],
    ),
    (
        "neg-will-not-meet",
        "Turkey will not meet the Kurdish delegation.",
        [("125", "TUR", None, "asserted")],
        ["04"],
    ),
    (
        "neg-would-not-provide",
        "Merkel said she would not supply weapons to the Kurds.",
        [("12", "DEU", None, "asserted")],
        ["07"],
    ),
    (
        "neg-does-not-want",
        "Israel does not want to negotiate with Hamas.",
        [("125", "ISR", "PSE", "asserted")],
        [],
    ),
    ("neg-failed-to-reach", "Israel and the Palestinians failed to sign an agreement.", [], ["05"]),
    (
        "neg-rejected-proposal",
        "Hamas rejected an Egyptian proposal to negotiate with Israel.",
        [("125", "PSE", None, None)],
        [],
    ),
    (
        "mod-expected-meet",
        "Putin is expected to meet Erdogan next week.",
        [("036", "RUS", "TUR", "future")],
        ["04"],
    ),
    (
        "mod-plans-visit",
        "The Chinese president plans to visit Russia in May.",
        [("036", "CHN", "RUS", "future")],
        ["042"],
    ),
    (
        "mod-pledged-aid",
        "Japan pledged military aid to the Philippines.",
        [("0332", "JPN", "PHL", "future")],
        ["07"],
    ),
    (
        "mod-offered-troops",
        "Jordan offered to send troops to Libya.",
        [("03", "JOR", None, "future")],
        [],
    ),
    (
        "mod-would-consider",
        "Britain would consider sanctions against Iran.",
        [("014", "GBR", "IRN", "hypothetical")],
        ["163"],
    ),
    (
        "mod-threatened-shell",
        "Azerbaijan threatened to shell Armenian villages.",
        [("1384", "AZE", "ARM", "future")],
        ["19"],
    ),
    (
        "mod-threatened-sanctions",
        "The European Union threatened Russia with sanctions.",
        [("13", "IGO", "RUS", None)],
        [],
    ),
    (
        "mod-threatened-cut-ties",
        "Algeria threatened to sever diplomatic relations with Morocco.",
        [("1313", "DZA", "MAR", "future")],
        [],
    ),
    (
        "mod-urged-release",
        "Amnesty urged Egypt to release the detained journalists.",
        [("0253", None, "EGY", "demanded")],
        ["084"],
    ),
    (
        "mod-called-for-talks",
        "The UN called for talks between Syria and Turkey.",
        [("026", "IGO", "SYR", "demanded"), ("026", "IGO", "TUR", "demanded")],
        [],
    ),
    (
        "mod-demanded-withdrawal",
        "Iraq demanded the withdrawal of Turkish troops.",
        [("10", "IRQ", None, "demanded")],
        [],
    ),
    (
        "mod-asked-help",
        "Parliament asked Trudeau to help Haiti.",
        [("023", None, "CAN", "demanded")],
        ["07"],
    ),
    (
        "mod-wants-other",
        "Saudi Arabia wants Egypt to attack the Houthis.",
        [("02", "SAU", "EGY", "demanded")],
        ["19"],
    ),
    (
        "mod-wants-self",
        "Germany wants to help Greece.",
        [("033", "DEU", "GRC", "future")],
        ["07"],
    ),
    ("mod-if-clause", "China will retaliate if the United States imposes tariffs.", [], ["16"]),
    ("mod-might", "Russia might send warships to the Mediterranean.", [], ["15"]),
    (
        "mod-will-supply",
        "France will supply fighter jets to India.",
        [("0332", "FRA", "IND", "future")],
        ["072"],
    ),
    (
        "mod-refuse-release",
        "Iran refused to release the British sailors.",
        [("1243", "IRN", "GBR", "asserted")],
        ["084"],
    ),
    (
        "mod-agreed-lift",
        "The Swiss parliament agreed to lift sanctions on Belarus.",
        [("0354", "CHE", "BLR", "future")],
        [],
    ),
    (
        "mod-scheduled",
        "The Saudi king is scheduled to visit Cairo on Monday.",
        [("036", "SAU", "EGY", "future")],
        [],
    ),
    (
        "mod-attempt-assassinate",
        "Gunmen tried to assassinate the Afghan vice president.",
        [("185", None, "AFG", None)],
        [],
    ),
]

MULTIPARTY: list[Case] = [
    (
        "mp-talks-moscow",
        "Talks in Moscow between the UN, Russia and the Syrian opposition ended on Friday.",
        [("04", "IGO", "SYR", None), ("04", "SYR", "RUS", None)],
        [],
    ),
    (
        "mp-hosted",
        "Russia hosted talks between the Syrian government and the opposition.",
        [("04", "RUS", "SYR", None)],
        [],
    ),
    (
        "mp-mediated-by",
        "Talks between Ethiopia and Eritrea were mediated by Saudi Arabia.",
        [("04", "ETH", "ERI", None)],
        [],
    ),
    (
        "mp-auspices",
        "Israel and Jordan negotiated under the auspices of the United States.",
        [("04", "ISR", "JOR", None)],
        [],
    ),
    (
        "mp-without",
        "Talks between Russia and Turkey took place without Iran.",
        [("04", "RUS", "TUR", None)],
        [],
    ),
    (
        "mp-summit",
        "Leaders of France, Germany and Ukraine held a summit in Paris.",
        [("04", "FRA", "DEU", None)],
        [],
    ),
    (
        "mp-meet-in-capital",
        "John Kerry and Mohammad Javad Zarif met in Vienna.",
        [("04", "USA", "IRN", None)],
        [],
    ),
    (
        "mp-attend-summit-in",
        "Erdogan is scheduled to attend a conference in Azerbaijan.",
        [("036", "TUR", "AZE", "future")],
        [],
    ),
    (
        "mp-sign-three",
        "Russia, Iran and Turkey signed an agreement on Syria.",
        [("05", "RUS", "IRN", None), ("05", "TUR", "RUS", None)],
        [],
    ),
    (
        "mp-negotiations-among",
        "Negotiations among Iran, Iraq and Syria resumed in Baghdad.",
        [("04", "IRN", "IRQ", None)],
        [],
    ),
]

OTHER_ROOTS: list[Case] = [
    (
        "root01-comment",
        "The Kremlin declined to comment on the report.",
        [("011", "RUS", None, None)],
        [],
    ),
    (
        "root01-sorrow",
        "The Egyptian president expressed sorrow for the victims of the attack in Paris.",
        [("018", "EGY", None, None)],
        [],
    ),
    (
        "root02-appeal",
        "The Red Cross appealed to Yemen for access to detainees.",
        [("02", None, "YEM", None)],
        [],
    ),
    (
        "root03-promise",
        "China promised economic aid to Zimbabwe.",
        [("0331", "CHN", "ZWE", None)],
        [],
    ),
    (
        "root04-telephone",
        "Erdogan telephoned Putin on Thursday.",
        [("041", "TUR", "RUS", None)],
        [],
    ),
    (
        "root05-apologize",
        "Japan apologized to South Korea for its wartime actions.",
        [("055", "JPN", "KOR", None)],
        [],
    ),
    (
        "root05-recognize",
        "Sweden recognized the State of Palestine.",
        [("05", "SWE", "PSE", None)],
        [],
    ),
    (
        "root06-cooperate",
        "Russia and China held joint military exercises.",
        [("062", "RUS", "CHN", None)],
        [],
    ),
    (
        "root07-asylum",
        "Ecuador granted asylum to the Australian activist.",
        [("075", "ECU", "AUS", None)],
        [],
    ),
    (
        "root08-ceasefire",
        "The rebels declared a ceasefire with the Colombian government.",
        [("0871", None, "COL", None)],
        [],
    ),
    ("root08-lift-curfew", "Serbia lifted the curfew in Kosovo.", [("08", "SRB", None, None)], []),
    (
        "root09-investigate",
        "The United Nations investigated the killings in Darfur.",
        [("09", "IGO", "SDN", None)],
        [],
    ),
    (
        "root10-demand",
        "Turkey demanded the extradition of the cleric from the United States.",
        [("10", "TUR", "USA", None)],
        [],
    ),
    (
        "root11-denounce",
        "Venezuela denounced the American decision.",
        [("11", "VEN", "USA", None)],
        [],
    ),
    (
        "root12-reject",
        "Israel rejected the French peace initiative.",
        [("12", "ISR", "FRA", None)],
        [],
    ),
    (
        "root12-veto",
        "Russia vetoed the Security Council resolution on Syria.",
        [("12", "RUS", None, None)],
        [],
    ),
    (
        "root13-threaten",
        "North Korea threatened Japan with a missile strike.",
        [("13", "PRK", "JPN", None)],
        [],
    ),
    (
        "root14-demonstrate",
        "Thousands of Kurds demonstrated in Istanbul.",
        [("14", None, "TUR", None)],
        [],
    ),
    ("root14-riot", "Rioters attacked the Greek parliament in Athens.", [], []),
    (
        "root14-hunger-strike",
        "Palestinian prisoners began a hunger strike in Israeli jails.",
        [("142", "PSE", None, None)],
        [],
    ),
    (
        "root15-mobilize",
        "Armenia mobilized its reservists after the clashes.",
        [("15", "ARM", None, None)],
        [],
    ),
    (
        "root15-exercises",
        "China is holding military exercises near the Indian border.",
        [("15", "CHN", None, None)],
        [],
    ),
    (
        "root16-cut-ties",
        "Morocco severed diplomatic ties with Iran.",
        [("161", "MAR", "IRN", None)],
        [],
    ),
    (
        "root16-halt-talks",
        "Ukraine suspended the talks with Russia.",
        [("164", "UKR", "RUS", None)],
        [],
    ),
    ("root17-deport", "Germany deported forty Afghan migrants.", [("174", "DEU", "AFG", None)], []),
    ("root17-seize", "Iran seized a British tanker in the Gulf.", [("17", "IRN", "GBR", None)], []),
    (
        "root18-assassinate",
        "Israeli agents assassinated a Hamas commander in Dubai.",
        [("186", "ISR", "PSE", None)],
        [],
    ),
    (
        "root18-suicide",
        "A suicide bomber attacked a mosque in Kabul.",
        [("18", None, "AFG", None)],
        [],
    ),
    (
        "root19-occupy",
        "Russian troops occupied the Crimean parliament.",
        [("19", "RUS", None, None)],
        [],
    ),
    (
        "root19-blockade",
        "Saudi Arabia imposed a blockade on Qatar.",
        [("191", "SAU", "QAT", None)],
        [],
    ),
    (
        "root20-chemical",
        "The Syrian government used chemical weapons against civilians in Ghouta.",
        [("20", "SYR", None, None)],
        [],
    ),
    (
        "root20-massacre",
        "Serb forces massacred Bosnian Muslims in Srebrenica.",
        [("20", "SRB", None, None)],
        [],
    ),
]

DATED_AND_EVIDENCE: list[Case] = [
    (
        "ev-offsets",
        "Iraqi troops recaptured Ramadi from Islamic State.",
        [("19", "IRQ", "IMG", None)],
        [],
    ),
    (
        "ev-long",
        "In a statement on Sunday, the Jordanian foreign ministry said that Amman had recalled its ambassador from Tehran after the attacks on Saudi missions in Iran.",
        [("161", "JOR", "IRN", None)],
        [],
    ),
]

# Constructions of news text that need more than a verb's pattern: refusals, conditions,
# topics, mutual disagreement, undoing agreements, vetoes, leaving talks.
CONSTRUCTIONS: list[Case] = [
    (
        "con-refusal-asserted",
        "The Kurdish delegation refused to join the talks in Astana.",
        [("125", None, "KAZ", "asserted")],
        ["04"],
    ),
    (
        "con-neither-nor",
        "Neither the Iraqi government nor the Kurdish parties were consulted.",
        [("04", None, "IRQ", "negated")],
        ["04"],
    ),
    (
        "con-depends-on",
        "The deal depends on Iran releasing the detained sailors.",
        [("084", "IRN", None, "hypothetical")],
        ["08"],
    ),
    (
        "con-differ-mutual",
        "Ankara and Washington differed sharply over the future of the Kurdish militia.",
        [("110", "TUR", "USA", "asserted"), ("110", "USA", "TUR", "asserted")],
        [],
    ),
    (
        "con-suspend-treaty",
        "Moscow suspended a missile treaty with Washington on Tuesday.",
        [("161", "RUS", "USA", "asserted")],
        ["057"],
    ),
    (
        "con-withdraw-deal",
        "Washington withdrew from the nuclear deal with Tehran on Tuesday.",
        [("161", "USA", "IRN", "asserted")],
        ["057", "08"],
    ),
    (
        "con-veto",
        "China vetoed a British draft resolution on Myanmar.",
        [("129", "CHN", "GBR", "asserted")],
        [],
    ),
    (
        "con-turn-down-invitation",
        "The Afghan government turned down a Pakistani invitation to talks.",
        [("125", "AFG", "PAK", "asserted")],
        [],
    ),
    (
        "con-suspend-participation",
        "The Yemeni delegation suspended its participation in the talks in Kuwait.",
        [("164", "YEM", None, "asserted")],
        ["04"],
    ),
    (
        "con-background-after",
        "Putin and Erdogan met in Sochi on Monday, a year after Turkish jets shot down a Russian warplane.",
        [("04", "TUR", "RUS", "asserted"), ("190", "TUR", "RUS", "historical")],
        ["19"],
    ),
    (
        "con-background-dated",
        "Egypt expelled the Turkish ambassador in 2013.",
        [("16", "EGY", "TUR", "historical")],
        ["16"],
    ),
    (
        "con-background-since",
        "It was the first visit by a Qatari leader since Saudi Arabia severed ties with Doha.",
        [("161", "SAU", "QAT", "historical")],
        ["16"],
    ),
    (
        "con-hope-own",
        "Serbia hopes to sign a trade agreement with China this year.",
        [("03", "SRB", None, "future")],
        [],
    ),
    (
        "con-hope-other",
        "Venezuela hopes the United States will ease sanctions.",
        [("0254", "VEN", "USA", "demanded")],
        ["08"],
    ),
    (
        "con-hope-passive",
        "The minister said she hoped the generals would be prosecuted.",
        [],
        ["02", "17"],
    ),
    (
        "con-expect-forecast",
        "Analysts in Washington expect that China will blockade Taiwan.",
        [],
        ["02", "19"],
    ),
    (
        "con-release-people",
        "The detainees were freed on Sunday by the Houthis.",
        [("0841", "YEM", None, "asserted")],
        [],
    ),
    (
        "con-support-from-many",
        "The proposal won support from Paris and Berlin.",
        [("05", "FRA", None, "asserted"), ("05", "DEU", None, "asserted")],
        [],
    ),
    (
        "con-before-present",
        "The talks open a week before Erdogan travels to Washington.",
        [("036", "TUR", "USA", "future")],
        ["042"],
    ),
    (
        "con-capital-visited",
        "Modi visited Tokyo last week.",
        [("042", "IND", "JPN", "asserted")],
        [],
    ),
    (
        "con-accused-of-doing",
        "Baghdad accused Ankara of shelling Kurdish villages.",
        [("112", "IRQ", "TUR", "asserted"), ("194", "TUR", None, "hypothetical")],
        ["19"],
    ),
    (
        "con-monitor-accuses",
        "Amnesty International said dozens of protesters were shot dead by Iranian security forces.",
        [("112", "NGO", "IRN", "asserted"), ("19", "IRN", None, "asserted")],
        [],
    ),
    (
        "con-claim-responsibility",
        "The Pakistani Taliban claimed responsibility for a suicide attack on a police station in Afghanistan.",
        [("015", "PAK", "AFG", "asserted")],
        [],
    ),
    (
        "con-relcl-background",
        "Nigerian troops attacked the jihadist group that has seized several towns in Borno.",
        [("19", None, None, "asserted")],
        ["17"],
    ),
    (
        "con-commitment-uncoded",
        "Ethiopia and Eritrea agreed to set up a joint border commission.",
        [("030", None, None, "future")],
        [],
    ),
    (
        "con-offered-to",
        "Kenya offered to host the next round in Nairobi.",
        [("03", "KEN", None, "future")],
        [],
    ),
    (
        "con-must-demand",
        "Japan said on Monday that China must release the detained fishermen.",
        [("1053", "JPN", "CHN", "demanded")],
        ["084"],
    ),
    (
        "con-should-appeal",
        "Germany said Turkey should respect the rights of journalists.",
        [("02", "DEU", "TUR", "demanded")],
        [],
    ),
    (
        "con-must-no-speaker",
        "Iran must halt its enrichment of uranium.",
        [],
        ["16"],
    ),
    (
        "con-respond-to-attack",
        "Moscow vowed to respond to the attack on its embassy.",
        [],
        ["19"],
    ),
    (
        "con-noun-demand",
        "The Arab League repeated its demand that Israel lift the blockade of Gaza.",
        [("10", "IGOARL", "ISR", "demanded")],
        ["08"],
    ),
    (
        "con-offer-to-mediate",
        "Algeria renewed its offer to mediate between Morocco and the Polisario Front.",
        [("039", "DZA", "MAR", None)],
        [],
    ),
    (
        "con-misparsed-participle",
        "The Saudi-led coalition bombed Hodeidah.",
        [("19", "SAU", "YEM", "asserted")],
        [],
    ),
    (
        "con-unless-threat",
        "Ghana will pull its troops out of Mali unless the junta holds elections.",
        [("13", "GHA", None, "future")],
        ["08"],
    ),
    (
        "con-if-threat",
        "North Korea said it would strike Seoul if the drills went ahead.",
        [("138", "PRK", "KOR", "future")],
        ["19"],
    ),
    (
        "con-if-offer",
        "Norway would send medical teams to Sudan if asked.",
        [],
        ["13"],
    ),
    (
        "con-protesters-block",
        "Farmers blocked the main highway into Warsaw for six hours.",
        [("144", "---AGR", None, "asserted")],
        ["191"],
    ),
    (
        "con-state-blocks",
        "Turkish police blocked the road to the border crossing.",
        [("191", "TUR", None, "asserted")],
        ["144"],
    ),
    (
        "con-protesters-wreck",
        "Protesters ransacked the Saudi embassy in Tehran.",
        [("14", "---OPP", "SAU", "asserted")],
        [],
    ),
    (
        "con-ultimatum",
        "Qatar's neighbours issued an ultimatum to Doha to close the television network.",
        [("139", None, "QAT", "asserted")],
        [],
    ),
    (
        "con-denied-doing",
        "Belarus denied supplying weapons to Russia.",
        [("016", "BLR", None, "asserted")],
        ["07"],
    ),
    (
        "con-claimed-doing",
        "The Islamic State group claimed carrying out the bombing in Kabul.",
        [("015", "IMG", None, "asserted")],
        ["18"],
    ),
    (
        "con-about-to",
        "Egypt is about to resume diplomatic relations with Turkey.",
        [("03", "EGY", "TUR", "future")],
        ["05"],
    ),
    (
        "con-by-means",
        "Japan and India are seeking to deepen their partnership by building a rail link.",
        [("03", "JPN", "IND", "future")],
        ["05", "06"],
    ),
    (
        "con-considering-gerund",
        "The European Union is considering imposing sanctions on Belarus.",
        [("014", "IGOEUREEC", None, "hypothetical")],
        ["16"],
    ),
    (
        "con-talked-about-doing",
        "Erdogan spoke with Zelensky about ending the war.",
        [("04", "TUR", "UKR", "asserted")],
        ["08"],
    ),
    (
        "con-mediating-between",
        "Egypt and Qatar are mediating between Israel and Hamas.",
        [("045", "EGY", "ISR", "asserted"), ("045", "QAT", "PSE", "asserted")],
        [],
    ),
    (
        "con-wave-of-strikes",
        "Israel launched a wave of air strikes on Beirut overnight.",
        [("19", "ISR", "LBN", "asserted")],
        [],
    ),
    (
        "con-deliver-arms",
        "France delivered howitzers to Ukraine last month.",
        [("072", "FRA", "UKR", "asserted")],
        [],
    ),
    (
        "con-ordered-troops",
        "Erdogan ordered troops into northern Syria.",
        [("154", "TUR", "SYR", "asserted")],
        ["10"],
    ),
    (
        "con-ordered-inquiry",
        "Macron ordered an investigation into the attack on the embassy.",
        [("09", "FRA", None, "asserted")],
        ["10"],
    ),
    (
        "con-closed-to",
        "Turkey closed its airspace to Russian planes.",
        [("191", "TUR", "RUS", "asserted")],
        [],
    ),
    (
        "con-seize-territory",
        "Rebels seized Goma on Monday.",
        [("192", None, "COD", "asserted")],
        [],
    ),
    (
        "con-seize-property",
        "Iran seized a British tanker in the Gulf.",
        [("171", "IRN", "GBR", "asserted")],
        ["192"],
    ),
    (
        "con-strikes-killed",
        "Israeli air strikes killed at least 20 people in Rafah on Sunday, medics said.",
        [("19", "ISR", "PSE", "asserted")],
        [],
    ),
    (
        "con-shelling-killed",
        "Russian shelling killed four civilians in Kherson.",
        [("19", "RUS", "UKR", "asserted")],
        [],
    ),
    (
        "con-background-month",
        "Sisi visited Putin in Moscow in March, when they discussed terrorism.",
        [("042", "EGY", "RUS", "historical")],
        ["04"],
    ),
    (
        "con-same-month",
        "Sisi visited Putin in Moscow in June.",
        [("042", "EGY", "RUS", "asserted")],
        [],
    ),
    (
        "con-walk-out",
        "Palestinian negotiators walked out of the talks with Israel.",
        [("164", "PSE", None, "asserted")],
        [],
    ),
]

ALL: list[Case] = (
    ACTIVE_PASSIVE
    + COORDINATION
    + PREPOSITIONS
    + NOUN_EVENTS
    + CLAUSES
    + REPORTED
    + NEGATION_MODALITY
    + MULTIPARTY
    + OTHER_ROOTS
    + DATED_AND_EVIDENCE
    + CONSTRUCTIONS
)
