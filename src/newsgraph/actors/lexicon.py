"""Word lists the actor resolver reasons with: titles, group nouns, role nouns, pronouns, agents.

These are linguistic facts of English news prose, not facts about any article. The agent table
(agent noun -> CAMEO sector) is derived from PETRARCH2's agents dictionary (MIT) by
``build_agents.py`` and extended here with the commonest modern forms.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# title words (lower case, possibly multiword) -> KB office key
TITLES: dict[str, str] = {
    "president": "president", "vice president": "vice_president", "vice-president": "vice_president",
    "prime minister": "prime_minister", "premier": "prime_minister", "pm": "prime_minister",
    "chancellor": "chancellor", "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister", "minister of foreign affairs": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defence secretary": "defence_minister", "defense secretary": "defence_minister",
    "minister of defence": "defence_minister", "minister of defense": "defence_minister",
    "secretary general": "secretary_general", "secretary-general": "secretary_general",
    "general secretary": "general_secretary", "king": "king", "queen": "queen", "emir": "emir",
    "crown prince": "crown_prince", "sultan": "sultan", "supreme leader": "supreme_leader",
    "head of state": "head_of_state", "head of government": "head_of_government",
    "leader": "leader", "minister": "minister", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson", "ambassador": "ambassador", "envoy": "envoy", "chairman": "chair",
    "chairwoman": "chair", "chair": "chair", "speaker": "speaker", "senator": "senator",
    "governor": "governor", "mayor": "mayor", "commander": "commander", "general": "general",
    "chief of staff": "chief_of_staff", "chief justice": "chief_justice", "chief executive": "chief_executive",
    "interior minister": "interior_minister",
    "finance minister": "finance_minister", "high representative": "high_representative", "chief": "head",
    "security chief": "security_chief", "army chief": "military_chief", "military chief": "military_chief",
    "commission president": "commission_president", "pope": "pope", "dictator": "leader",
    "strongman": "leader", "ruler": "leader", "monarch": "king",
    "congressman": "congress_member", "congresswoman": "congress_member",
    # the two sides' leaders in a legislature are different offices, and neither is "the leader"
    "majority leader": "majority_leader", "minority leader": "minority_leader",
    "majority whip": "majority_whip", "minority whip": "minority_whip",
}
# titles of an office below the state (a province, a US state, a city): a capital named on them is
# that city or the province that shares its name ("Washington governor X", "Moscow mayor X"), not
# the state it is the seat of
LOCAL_TITLES = frozenset({"governor", "mayor"})

# US legislators and governors as news copy abbreviates them ("Sen. X", "Rep. X", "Gov. X"): the
# title written out, whose office and sector the abbreviation takes
TITLE_ABBREVIATIONS = {"sen.": "senator", "rep.": "congressman", "gov.": "governor",
                       "sens.": "senator", "reps.": "congressman"}  # "Sens. X and Y": each a senator
TITLES.update({abbr: TITLES[word] for abbr, word in TITLE_ABBREVIATIONS.items()})
# how a title word reads when shown as a role
TITLE_DISPLAY = {"pm": "Prime Minister", "premier": "Prime Minister", "secretary-general": "Secretary General",
                 "sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "sens.": "Senator",
                 "reps.": "Representative"}

# military and police ranks that may stand between a title and a name
RANKS = {"general", "lieutenant general", "lt. gen.", "lt gen", "major general", "maj. gen.", "brigadier general",
         "brig. gen.", "colonel", "col.", "lieutenant colonel", "lt. col.", "major", "maj.", "captain", "capt.",
         "admiral", "rear admiral", "vice admiral", "adm.", "marshal", "field marshal", "air marshal",
         "commodore", "sergeant", "sgt.", "lieutenant", "lt.", "colonel general", "army general"}

# nouns that describe a person by role without a title ("the longtime Kremlin ally")
ROLE_NOUNS = {"ally", "leader", "strongman", "head", "chief", "boss", "counterpart", "host", "incumbent",
              "official", "diplomat", "politician", "statesman", "veteran", "autocrat", "dictator", "ruler",
              "premier", "president", "minister", "chancellor", "monarch", "envoy", "spokesman", "spokeswoman"}
# relational role nouns: "the Kremlin ally" is somebody who is NOT of the Kremlin's state
RELATIONAL_ROLE_NOUNS = {"ally", "counterpart", "rival", "partner", "neighbour", "neighbor", "foe", "critic"}

# plural nouns for several states or their leaders acting together
GROUP_NOUNS = {"leaders", "heads", "members", "member states", "member-states", "member countries",
               "member nations", "allies", "partners", "signatories", "presidents", "premiers",
               "ministers", "foreign ministers", "defence ministers", "defense ministers", "states",
               "participants", "delegations", "delegates"}

# generic names an organisation is referred back by
ORG_GENERICS = {"alliance": "alliance", "organisation": "organization", "organization": "organization",
                "bloc": "bloc", "union": "union", "group": "group", "grouping": "group", "body": "body",
                "pact": "alliance", "treaty organisation": "organization", "treaty organization": "organization",
                "council": "council", "commission": "commission", "assembly": "assembly", "community": "community",
                "association": "association", "forum": "forum", "agency": "agency", "court": "court",
                "company": "company", "firm": "company", "corporation": "company"}

# verbs that report what an actor said or thought ("X said it would ...")
REPORTING_VERBS = {"say", "tell", "add", "warn", "note", "stress", "claim", "insist", "state", "declare", "announce",
                   "argue", "explain", "accuse", "urge", "write", "threaten", "promise", "vow", "pledge", "deny",
                   "confirm", "report", "suggest", "believe", "think", "hope", "fear", "expect", "signal",
                   "indicate", "reiterate", "emphasize", "emphasise", "assert", "maintain", "complain", "allege"}

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}

# prepositions whose object is where something happens ("talks in Geneva", "fighting across Syria")
PLACE_PREPOSITIONS = frozenset({"in", "at", "inside", "outside", "within", "across", "throughout", "around", "near",
                                "via", "through", "along", "beyond", "over", "under"})
# verbs and nouns of aiming: "at" after them names whom the act is aimed at, not where it happens
AIMING_WORDS = frozenset({"fire", "shoot", "hit", "strike", "lash", "aim", "direct", "point", "swipe", "jab", "dig",
                          "shot", "potshot", "rail", "snap", "shout", "yell", "scream", "bark", "lob", "hurl",
                          "throw", "sneer", "scoff", "laugh", "glare", "poke", "angry", "furious", "anger", "fury"})
# nouns of gatherings and occasions: a place after them is where they are held
GATHERING_NOUNS = frozenset({"talk", "talks", "summit", "meeting", "conference", "visit", "trip", "tour", "ceremony",
                             "rally", "election", "vote", "session", "forum", "negotiation", "negotiations", "event",
                             "festival", "parade", "exercise", "drill", "game", "speech", "interview", "hearing"})
# prepositions of direction, locational after a verb of motion ("flew to Moscow", "returned from Kabul")
DIRECTION_PREPOSITIONS = frozenset({"to", "from", "into", "towards", "toward", "onto", "off"})
MOTION_VERBS = frozenset({"go", "come", "travel", "fly", "arrive", "return", "head", "move", "drive", "sail", "flee",
                          "escape", "walk", "march", "leave", "relocate", "evacuate", "cross", "ride", "migrate",
                          "trip", "journey", "visit", "flight", "arrival"})
LOCATIVE_PREPOSITIONS = {"in", "at", "on", "to", "from", "near", "inside", "outside", "into", "across", "within",
                         "throughout", "around", "towards", "toward", "via", "through", "between", "beyond",
                         "along", "onto", "off", "over", "under"}

NEGATING_PREFIXES = ("pro-", "anti-", "post-", "ex-", "non-", "pan-", "neo-")

# honorifics that make a single capitalised word a person ("Mr Zas")
# Role nouns for a body's staff, never for the head of state or government it serves ("the latest White
# House official to leave" is not the president).
STAFF_NOUNS = frozenset({"official", "aide", "staffer", "diplomat"})

# Words of a person's description or title that tell their gender ("Rochelle Roe, a spokeswoman",
# "Mrs. Roe"): what a pronoun after them can refer to, when neither the KB nor the given name says.
GENDERED_WORDS: dict[str, str] = {
    **dict.fromkeys(["spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman", "stateswoman", "anchorwoman", "sportswoman", "policewoman", "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "actress", "mother", "wife", "daughter", "sister", "grandmother", "queen", "princess", "duchess", "widow"], "f"),
    **dict.fromkeys(["spokesman", "congressman", "chairman", "businessman", "councilman", "assemblyman", "statesman", "anchorman", "sportsman", "policeman", "mr", "mr.", "sir", "lord", "actor", "father", "husband", "son", "brother", "grandfather", "king", "prince", "duke", "widower"], "m"),
}

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "gen.", "gen",
              "col.", "lt.", "sen.", "rep.", "gov.", "sheikh", "ayatollah", "prof.", "madam",
              # ranks and titles abbreviated (one token each: newsgraph.nlp.TITLE_ABBREVIATIONS)
              "sens.", "reps.", "sgt.", "capt.", "maj.", "brig.", "cmdr.", "cdr.", "cpl.", "pvt.", "pfc.", "spc.",
              "supt.", "det.", "insp.", "atty.", "amb.", "hon.", "msgr.", "lieut.", "ens.", "gens.", "adm."}

# the last word of a named time of year ("National Foster Care Month", "Veterans Day"): no organisation
OBSERVANCE_WORDS = frozenset({"month", "week", "day", "days", "weekend", "year", "anniversary", "eve"})

# kinship and religious forms of address written before a name ("Aunt Jemima", "Brother Joseph"):
# capitalised there, they are no given name
ADDRESS_WORDS = frozenset({"aunt", "uncle", "auntie", "sister", "brother", "mother", "father", "grandma", "grandpa",
                           "granny", "cousin", "saint", "pope", "pastor", "reverend", "rabbi", "imam", "deacon",
                           "elder", "friar", "monk", "nun", "abbot", "mullah", "guru", "baby", "little", "big",
                           "old", "young", "poor", "dear"})

# agent nouns newsgraph knows besides the PETRARCH2 table (lower case -> CAMEO sector)
EXTRA_AGENTS = {
    "official": "GOV", "officials": "GOV", "authorities": "GOV", "government": "GOV", "governments": "GOV",
    "administration": "GOV", "cabinet": "GOV", "ministry": "GOV", "ministries": "GOV", "foreign ministry": "GOV",
    "defence ministry": "MIL", "defense ministry": "MIL", "diplomat": "GOV", "diplomats": "GOV",
    "troops": "MIL", "forces": "MIL", "armed forces": "MIL", "army": "MIL", "military": "MIL", "navy": "MIL",
    "air force": "MIL", "soldiers": "MIL", "border guards": "MIL", "security forces": "MIL",
    "peacekeepers": "MIL", "peacekeeping forces": "MIL", "police": "COP", "rebels": "REB", "militants": "REB",
    "insurgents": "REB", "separatists": "REB", "protesters": "OPP", "demonstrators": "OPP",
    "lawmakers": "LEG", "parliament": "LEG", "legislators": "LEG", "opposition": "OPP", "people": "CVL",
    "citizens": "CVL", "civilians": "CVL", "media": "MED", "state media": "GOVMED", "intelligence": "SPY",
    "spies": "SPY", "intelligence agency": "SPY", "intelligence agencies": "SPY", "intelligence official": "SPY",
    "intelligence officials": "SPY", "intelligence chief": "SPY", "intelligence chiefs": "SPY", "spy agency": "SPY",
    "spy agencies": "SPY", "judges": "JUD", "court": "JUD", "prosecutors": "JUD", "companies": "BUS", "firm": "BUS", "firms": "BUS",
    "mission": "GOV", "delegation": "GOV", "embassy": "GOV", "envoys": "GOV",
    "congress": "LEG", "senate": "LEG",
    # a legislature's committees and leaders ("congressional committees", "parliamentary leaders");
    # a committee of no legislature ("the organising committee") is none
    "congressional leader": "LEG", "congressional leaders": "LEG", "parliamentary leader": "LEG",
    "parliamentary leaders": "LEG", "congressional committee": "LEG", "congressional committees": "LEG", "parliamentary committee": "LEG",
    "parliamentary committees": "LEG", "senate committee": "LEG", "senate committees": "LEG",
    "house committee": "LEG", "house committees": "LEG", "select committee": "LEG", "select committees": "LEG",
    # a party's members named by the party ("Republicans criticized the plan", "senior Tories"): the
    # party sector of the state the text puts them in, like "lawmakers"
    "republicans": "PTY", "democrats": "PTY", "tories": "PTY", "conservatives": "PTY", "socialists": "PTY",
    "liberals": "PTY", "communists": "PTY", "labourites": "PTY", "greens": "PTY",
    # people held or sought, as CAMEO and PLOVER code them (absent from PETRARCH2's agent list):
    # the targets of arrests, releases and exchanges
    "prisoner": "CRM", "prisoners": "CRM", "suspect": "CVL", "suspects": "CVL", "hostage": "CVL",
    "hostages": "CVL", "captives": "CVL",
    # executives are a company's ("chief executive" stays government with PETRARCH2: a governor or a
    # territory's head is one as often as a company's)
    "executives": "BUS",
    # a city's or county's police by its department
    "police department": "COP", "police departments": "COP",
}

# modifiers that make a title someone other than the office holder ("the former president")
NOT_THE_HOLDER = {"former", "ex", "late", "deputy", "vice", "acting", "outgoing", "incoming", "then", "previous",
                  "future", "next", "assistant", "under", "junior", "senior", "first"}
# party designations written before a politician's surname ("Democrat Smith", "Tory Jones")
PARTY_WORDS = frozenset({"democrat", "republican", "labour", "labor", "tory", "gop", "libdem", "conservative",
                         "liberal", "independent", "socialist", "green"})
# of those, the words that put the office at another time ("former president"): the rest make
# another office of it ("deputy prime minister", "vice president")
NOT_NOW = {"former", "ex", "late", "outgoing", "incoming", "then", "previous", "future", "next"}


# party members named by a party of one state, capitalised ("Republicans", "Tories"): that state's
# party sector unless the phrase itself names another ("Italian Democrats"); the generic words
# ("conservatives", "socialists") take the state the text puts them in, as other agents do
PARTY_HOMES = {"republicans": "USA", "democrats": "USA", "tories": "GBR", "labourites": "GBR"}
# capitalised words that make "Democrats" or "Republicans" the name of another party ("Social
# Democrats", "Christian Democrats", "Liberal Democrats", "Sweden Democrats", "Free Democrats")
OTHER_PARTY_WORDS = frozenset({"social", "christian", "free", "liberal", "sweden", "new", "european", "national",
                               "young", "progressive", "united", "radical"})
# the same parties' adjectives before a common agent noun ("Democratic lawmakers", "Republican
# senators", "Tory MPs"): the agents are of the party's state unless the phrase names another
PARTY_ADJECTIVE_HOMES = {"democratic": "USA", "republican": "USA", "gop": "USA", "tory": "GBR"}
# the words that make a named person a member of one of those parties ("Republican presidential
# candidate X", "GOP Rep. X", "X, a Democrat,", "the Ohio Democrat, Rep. X"): of the party's state
PARTY_MEMBER_HOMES = {**PARTY_ADJECTIVE_HOMES, "democrat": "USA"}
# the names of those parties: the party is its members' group ("the GOP" and "Republicans" are one)
PARTY_NAMES = {"republican party": ("USA", "Republican"), "gop": ("USA", "Republican"),
               "grand old party": ("USA", "Republican"), "democratic party": ("USA", "Democratic")}
# the party each of those words names: its members are one group, the other party's another
PARTY_OF = {"republicans": "Republican", "republican": "Republican", "gop": "Republican",
            "democrats": "Democratic", "democratic": "Democratic",
            "tories": "Conservative", "tory": "Conservative", "labourites": "Labour"}


# titles whose "of" names a portfolio, not a body ("Secretary of State", "Minister of Health")
PORTFOLIO_TITLES = frozenset({"secretary", "minister", "undersecretary", "under-secretary", "ministers", "secretaries"})

# first words, for cheap "could a title / group phrase start here?" checks
TITLE_FIRST_WORDS = frozenset(t.split()[0].split("-")[0] for t in TITLES) | {t.split()[0] for t in TITLES}
GROUP_FIRST_WORDS = frozenset(g.split()[0] for g in GROUP_NOUNS)


# words that end or make up organisations' names, never people's ("Purdue Pharma", "Carnegie Endowment")
ORG_WORDS = frozenset(re.findall(r"\w+", """inc corp corporation co llc ltd company party committee council
association institute foundation university college school news times post journal group union agency department
ministry bank network court senate house press media center centre fund society club league movement front forces
force army police service services office board commission bureau authority organization organisation alliance
coalition campaign project trust church hospital airlines airways motors tv radio channel magazine review
pharma pharmaceuticals holdings partners industries enterprises technologies systems labs laboratories
entertainment studios pictures communications securities insurance financial capital petroleum energy oil gas
airline railways foods brands solutions consulting bancorp plc gmbh ag sa endowment caucus administration
ministry institution federation daily tribune herald gazette television broadcasting academy tribunal unions congress
parliament assembly"""))

# the legal-form and business-line words a company's full name carries and its short name drops
# ("Northwind Technologies" -> "Northwind", "Brightline Holdings Inc" -> "Brightline")
CORPORATE_SUFFIXES = frozenset(re.findall(r"\w+", """inc corp corporation co llc ltd limited company plc gmbh ag sa nv
group holdings holding technologies technology industries enterprises international"""))

# people who speak for a body: their sector is that body's ("a foreign ministry spokesman" is GOV),
# never a sector of their own (the source dictionary files the bare nouns under media)
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespersons",
                          "spokespeople", "spokesmens", "spokeswomens"})

# common nouns for persons (a doctor, residents, a mother of two): who they are is what they do or are
PERSON_NOUNS = frozenset(re.findall(r"\w+", """person people man men woman women boy boys girl girls child children
kid kids mother mothers father fathers parent parents resident residents voter voters worker workers doctor doctors
friend friends neighbor neighbors neighbour neighbours witness witnesses victim victims survivor survivors relative
relatives son sons daughter daughters wife husband brother sister owner owners customer customers student students
teacher teachers resident analyst analysts expert experts critic critics supporter supporters opponent opponents
observer observers economist economists scientist scientists researcher researchers lawyer lawyers attorney
attorneys author writer writers reporter reporters journalist journalists host organizer organizers organiser
organisers fan fans veteran veterans patient patients nurse nurses physician physicians colleague colleagues
member members user users caller callers viewer viewers reader readers protester protesters demonstrator
demonstrators activist activists leader leaders candidate candidates"""))

# nouns for a person by their tie to another ("his predecessor", "her rival"): the one named
# with them is someone else
RELATIONAL_NOUNS = frozenset({"colleague", "counterpart", "ally", "partner", "neighbour", "neighbor", "rival",
                              "enemy", "foe", "friend", "opponent", "adversary", "critic", "successor",
                              "predecessor"})

# endings of nouns for a person by what they do (a reporter, an economist, an executive)
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "eon")

# what a government issues or states: a seat of power before one of them is the government that
# issued it ("a Kremlin statement", "the White House proposal"), not a place ("the Kremlin walls")
ISSUED_NOUNS = frozenset(re.findall(r"\w+", """statement statements announcement communique readout demand demands
warning warnings response reply proposal proposals offer decision declaration briefing memo order orders
request plan plans budget policy position threat ultimatum denial"""))


@cache
def given_name_gender() -> dict[str, str]:
    """Given name (lower case) -> "m" | "f": the pronoun the news uses for its bearers
    (scripts/build_given_name_gender.py)."""
    return {cols[0]: cols[1] for cols in _rows("given_name_gender.tsv") if len(cols) >= 2}


def _rows(name: str) -> list[list[str]]:
    """The rows (tab-separated columns) of a data file of the package; ``#`` lines are comments."""
    text = resources.files("newsgraph.actors").joinpath(f"data/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _first_column(name: str) -> frozenset[str]:
    """The first column of a tab-separated data file of the package."""
    return frozenset(cols[0] for cols in _rows(name))


@cache
def prominence() -> dict[str, int]:
    """KB id -> the number of AllSides development articles that name the person in full (the
    prominent people only; scripts/build_prominence.py)."""
    return {cols[0]: int(cols[1]) for cols in _rows("prominent_people.tsv") if len(cols) > 1 and cols[1].isdigit()}


@cache
def prominent_people() -> frozenset[str]:
    """KB ids of the people the news names in full most often (scripts/build_prominence.py): the
    prior that lets a lone surname be the one office holder of that name ("Merkel said")."""
    return _first_column("prominent_people.tsv")


@cache
def given_names_alone() -> dict[str, str]:
    """Folded given name -> the KB person the news means by it alone ("Hillary"): of the AllSides
    development articles where the name stands alone, more than 60% name that person in full
    (scripts/build_prominence.py)."""
    return {cols[0]: cols[1] for cols in _rows("given_names_alone.tsv") if len(cols) > 1}


@cache
def taken_surnames() -> frozenset[str]:
    """Folded surnames of KB people that the news writes often for someone else ("Christie",
    "Davis": no KB bearer is named in full in a tenth of the articles that have the word;
    scripts/build_prominence.py)."""
    return _first_column("taken_surnames.tsv")


@cache
def agents() -> dict[str, str]:
    """Agent noun phrase (lower case) -> CAMEO sector code."""
    table: dict[str, str] = {}
    text = resources.files("newsgraph.actors").joinpath("data/agents.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            phrase, _, code = line.partition("\t")
            if phrase.split()[-1] not in SPOKES_NOUNS:
                table[phrase] = code
    table.update(EXTRA_AGENTS)
    return table


@cache
def agent_heads() -> frozenset[str]:
    """The last words of the agent phrases, and the spokes nouns: a phrase ending in no other word
    has no sector (:func:`sector_of`)."""
    return frozenset(phrase.split()[-1] for phrase in agents()) | SPOKES_NOUNS


def sector_of(noun_phrase: str) -> str | None:
    """The CAMEO sector of an agent noun phrase ("military officials" -> MIL), longest suffix first."""
    words = noun_phrase.lower().split()
    if words and words[-1] in SPOKES_NOUNS:
        words = words[:-1]  # "a foreign ministry spokesman": the ministry's sector
    if len(words) >= 2 and words[-1] in _ADVOCATES and words[-2] not in _COURT_WORDS:
        return "OPP"  # "rights advocates", "consumer advocates": campaigners (the source's "advocate" is a
        # barrister, as "a defence advocate" still is)
    table = agents()
    staff = len(words) >= 2 and words[-1] in STAFF_HEADS
    code = None
    for i in range(len(words)):
        code = table.get(" ".join(words[i:]))
        if code and not (staff and i == len(words) - 1):
            return code
    # only the head matched, or nothing: "industry officials", "hospital leaders": a generic staff
    # noun is its body's people, of the body's sector when a modifier names one
    return (sector_of(" ".join(words[:-1])) if staff else None) or code


_ADVOCATES = frozenset({"advocate", "advocates"})
_COURT_WORDS = frozenset({"defence", "defense", "legal", "public", "trial", "court", "crown", "state", "senior"})


# nouns for the people of a body, whose sector is the body's ("industry officials" BUS, "school
# leaders" EDU); alone they are the state's ("officials" GOV)
STAFF_HEADS = frozenset({"official", "officials", "leader", "leaders", "representative", "representatives",
                         "executive", "executives", "staffer", "staffers", "aide", "aides"})


# The sector an organisation's own name gives by the kind of body its words name (CAMEO sectors):
# "Democratic Unionist Party" PTY, "Department of Labor" GOV, "Associated Press" MED.
ORG_NAME_SECTORS: dict[str, str] = {word: line.split()[0] for line in """
PTY party
GOV department ministry agency administration commission bureau authority
JUD court tribunal
EDU university college school academy
MED news times post journal press tribune herald gazette magazine tv television radio network broadcasting media
MED channel daily
BUS inc corp corporation co llc ltd plc bank airlines airways motors pharma pharmaceuticals holdings industries
BUS enterprises technologies securities insurance petroleum
LEG senate congress parliament assembly house
NGO foundation institute association society coalition
LAB union unions
""".strip().splitlines() for word in line.split()[1:]}


# a legislature's chambers, and the panels they form: a panel named for a chamber is legislative
CHAMBER_WORDS = frozenset({"senate", "house", "congress", "congressional", "parliament", "parliamentary",
                           "assembly", "legislative", "legislature"})
PANEL_WORDS = frozenset({"committee", "subcommittee", "panel", "caucus", "commission"})


def org_sector(name: str) -> str | None:
    """The CAMEO sector of an organisation the KB does not know, from its name: an agent phrase
    it ends in, else the last word that names a kind of body ("House Judiciary Committee": LEG)."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
    if words and words[-1] in PANEL_WORDS and any(w in CHAMBER_WORDS for w in words[:-1]):
        return "LEG"  # "Senate Foreign Relations Committee", "House Ethics Subcommittee": a chamber's panel
    found = sector_of(" ".join(words))
    if found:
        return found[:3]
    return next((ORG_NAME_SECTORS[w] for w in reversed(words) if w in ORG_NAME_SECTORS), None)


def title_key(text: str) -> str | None:
    return TITLES.get(text.lower().strip())


def display_title(text: str) -> str:
    low = text.lower().strip()
    if low in TITLE_DISPLAY:
        return TITLE_DISPLAY[low]
    return " ".join(w if w.isupper() else w.capitalize() for w in text.strip().split())
