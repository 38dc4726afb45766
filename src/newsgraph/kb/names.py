"""Person-name handling for the KB build: Factbook title/name splitting, display names, match keys.

The Factbook writes "President Vladimir Vladimirovich PUTIN (since 7 May 2012)": the title
comes first, the surname is in capitals, and the start date is in brackets. This module turns
that into a title, a display name ("Vladimir Putin"), a full form ("Vladimir Vladimirovich
Putin") and a surname, and gives every source the same loose match key, so "Lukashenka",
"Lukashenko", "Tokaev" and "Tokayev" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.kb.text import fold, parse_text_date

# Words that belong to a title, never to a name (walking back from the capitalised surname).
TITLE_WORDS = {
    "president", "prime", "minister", "ministers", "premier", "king", "queen", "emperor", "amir", "emir", "sultan",
    "chancellor", "federal", "chairman", "chairperson", "chair", "chief", "executive", "supreme", "leader",
    "governor", "governor-general", "general", "of", "the", "and", "council", "presidency", "government",
    "cabinet", "state", "affairs", "commission", "transitional", "transition", "interim", "acting", "co-prince",
    "captain", "captains", "regent", "regents", "grand", "duke", "prince", "princess", "presidential", "sovereign",
    "military", "junta", "national", "assembly", "lord", "mayor", "administrator", "lieutenant", "high",
    "commissioner", "vice", "deputy", "first", "republic", "confederation", "swiss", "territorial", "people's",
    "peoples", "leadership", "co-chiefs", "co-chief", "chiefs", "a", "an", "for", "in", "commander-in-chief",
    "armed", "forces", "sudanese", "safeguard", "homeland", "monarch", "ruler", "overall", "taliban", "head",
    "heads", "co-president", "co-presidents", "member", "members", "vacant", "also", "referred", "to", "as",
    "islamic", "emirate", "french", "polynesia", "china", "island", "islands", "ulu", "o", "tokelau",
    "presiding", "officer", "speaker", "secretary", "party", "communist", "central", "committee", "director",
    "commanding", "defence", "defense", "senior", "gnu", "cnsp", "union", "federation", "bosnia", "herzegovina",
    "serb", "croat", "bosniak", "pope", "holy", "see", "pontiff", "archbishop", "bishop", "urgell",
    "mann", "netherlands", "denmark", "norway", "sweden", "belgium", "spain", "great", "britain",
    "president-elect", "elect", "caretaker", "air", "vice-marshal", "administration", "appointed", "elected",
    "designate", "prime-minister", "pm", "titular", "ceremonial",
}
# Honorifics and ranks that precede a name but are not part of it.
HONORIFICS = {"dr.", "dr", "sir", "dame", "gen.", "gen", "lt.", "lt", "col.", "col", "capt.", "capt", "sr.",
              "maj.", "brig.", "brig", "mr.", "mrs.", "ms.", "ratu", "sheikh", "shaykh", "his", "her",
              "majesty", "highness", "excellency", "field", "marshal", "admiral", "adm.", "lt.gen.",
              "cardinal", "father", "reverend", "rev.", "hon.", "honourable", "grand-chief", "tan", "sri", "datuk",
              "dato", "dato'", "tun", "tunku", "tuanku", "pehin", "haji", "hajj", "alhaji"}
PARTICLES = {"al", "el", "ad", "as", "at", "an", "ar", "ash", "az", "ul", "bin", "ibn", "bint", "ibni", "abu",
             "d", "de", "da", "do", "dos", "das", "du", "di", "del", "della", "la", "le", "van", "von", "der",
             "den", "ten", "ter", "e", "y", "ould", "ag", "wa", "ben", "mac", "st.", "san"}
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
SUFFIXES = {"jr.", "jr", "sr.", "sr"}
PATRONYMIC = re.compile(r"(ovich|evich|yevich|ovych|evych|ich|ovna|evna|yevna|ichna|ovna|uly|ulu|kyzy|qizi|oglu|ogly)$", re.I)
# States whose leaders' names are written family name first in English news.
FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "MMR", "MNG"}


@dataclass
class ParsedHolder:
    """One office holder read from a Factbook executive text."""

    title: str
    tokens: list[str]
    first_caps: int
    last_caps: int
    since: str | None
    precision: str | None

    def display(self, iso3: str | None) -> str:
        """Canonical "Given Surname" display (or the full name for family-name-first cultures)."""
        return display_name(self.tokens, self.first_caps, self.last_caps, iso3)

    def full(self) -> str:
        return titlecase_tokens(self.tokens)

    def surname(self) -> str:
        return titlecase_tokens(self.tokens[self.first_caps:self.last_caps + 1])

    def given(self) -> str:
        return " ".join(self.tokens[:self.first_caps])


def is_caps(token: str) -> bool:
    """A Factbook surname token: its letters are upper case ("PUTIN", "al-ASAD", "D'OLIVEIRA")."""
    if re.fullmatch(r"(?:[A-Za-z]\.)+,?", token):
        return False  # initials ("J.M.") are not a surname
    core = re.sub(r"^(?:al|el|ad|as|at|an|ar|ash|az|ul|d|o)['\-]", "", token, flags=re.I)
    for seg in core.split("-"):
        letters = [c for c in seg if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


def titlecase_tokens(tokens: list[str]) -> str:
    """Title-case a name; a roman numeral stays upper case only after another name word ("Charles III")."""
    out = []
    for i, t in enumerate(tokens):
        t = t.strip(",")
        if ROMAN.match(t) and i > 0:
            out.append(t)
        elif i > 0 and t.lower() in PARTICLES and is_caps(t):
            out.append(t.lower())  # "MUHAMMAD BIN SALMAN" -> "Muhammad bin Salman"
        else:
            out.append(titlecase_token(t, roman=False))
    return " ".join(o for o in out if o)


def titlecase_token(token: str, *, roman: bool = True) -> str:
    """"PUTIN" -> "Putin", "al-ASAD" -> "al-Asad", "DIAZ-CANEL" -> "Diaz-Canel", "III" stays."""
    if (roman and ROMAN.match(token)) or not is_caps(token):
        return token
    if re.fullmatch(r"(?:[A-Z]\.)+", token):
        return token  # initials: "J.M."

    def cap(part: str) -> str:
        return part[:1].upper() + part[1:].lower()

    pieces = re.split(r"([\-'’.])", token)
    out = []
    for i, piece in enumerate(pieces):
        if piece and piece in "-'’.":
            out.append(piece)
        elif i >= 2 and pieces[i - 1] in "'’" and len(pieces[i - 2]) > 1:
            out.append(piece.lower())  # Muli'aka'aka, not Muli'Aka'Aka
        elif not any(c.isupper() for c in piece):
            out.append(piece)  # the mixed part of "SASSOU-Nguesso" stays as written
        elif piece.lower() in PARTICLES and i == 0 and len(pieces) > 1:
            out.append(piece.lower())
        else:
            out.append(cap(piece))
    return "".join(out)


def display_name(tokens: list[str], first: int, last: int, iso3: str | None) -> str:
    """First given name + surname; the whole name for family-name-first cultures or caps-first names."""
    suffix = [t for t in tokens[last + 1:] if t.lower().strip(",") in SUFFIXES or ROMAN.match(t)]
    given = [t for t in tokens[:first] if not (len(t) == 2 and t.endswith("."))]  # drop middle initials
    if iso3 in FAMILY_FIRST or first == 0:
        if iso3 in FAMILY_FIRST or len(tokens) <= 2:
            kept = tokens
        else:
            kept = tokens[:last + 1] + [t for t in tokens[last + 1:last + 2] if t.lower() not in PARTICLES]
        return titlecase_tokens(kept)
    first_given = next((t for t in given if t.lower() not in PARTICLES), given[0] if given else "")
    # keep particles that sit right before the surname ("Bashar al-Asad" has it inside the token)
    particles = []
    for t in reversed(tokens[:first]):
        if t.lower() in PARTICLES:
            particles.insert(0, t)
        else:
            break
    if first_given in particles:
        particles = []
    parts = [first_given, *particles, *tokens[first:last + 1], *[s.strip(",") for s in suffix]]
    return titlecase_tokens([p for p in parts if p])


def _split_top(text: str, sep: str = ";") -> list[str]:
    """Split at ``sep`` outside brackets."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [o.strip() for o in out if o.strip()]


_SKIP_CLAUSE = re.compile(r"^(?:note|represented by|vice|deputy|first deputy|first vice|second vice|crown prince(?! and)|heir|"
                          r"also|the |cabinet|prime minister position|position|there is|a |in |during|on |"
                          r"president's|he |she |they )", re.I)
_SINCE = re.compile(r"\(\s*(?:since|from)\s+([^();]+?)\s*(?:[);]|and\b|,)", re.I)
_BARE_DATE = re.compile(r"\((\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})\)")


def parse_executive(text: str) -> list[ParsedHolder]:
    """Parse a Factbook chief-of-state / head-of-government text into its principal holder(s).

    Only the first holder is returned, or every "Co-" holder for joint offices (Andorra's
    co-princes, San Marino's captains regent). Deputies, representatives and notes are skipped.
    """
    holders: list[ParsedHolder] = []
    for clause in _split_top(re.sub(r"\s\+\+\s", ";", text)):  # " ++ " joins two lines in some snapshots
        if _SKIP_CLAUSE.match(clause):
            continue
        clause = re.split(r",?\s*represented by\b", clause, flags=re.I)[0]
        for part in re.split(r"\s+and\s+(?=Captain Regent|Co-prince)", clause):
            holder = _parse_clause(part)
            if holder and not office_title(holder.title):
                # a statement or a note read as a title ("Notification Statement: the United States
                # recognizes X as ...", "0n 11 December 2021, the National Assembly approved ..."):
                # the holder is in what follows it, where a snapshot glued the next line on
                after = part[part.find(":") + 1:] if ":" in part else ""
                glued = re.search(r"(?<=[a-z])(?=[A-Z][a-z])", after)
                holder = _parse_clause(after[glued.start():]) if glued else None
                if holder is None or not office_title(holder.title):
                    continue
            if holder:
                if holder.since is None:  # joint holders share the bracket after the last name
                    holder.since, holder.precision = start_date(clause)
                holders.append(holder)
        if holders:
            joint = holders[0].title.lower().startswith(("co-", "captain")) or "captains regent" in clause.lower()
            if not joint:
                return holders[:1]
    return holders


_VICE = re.compile(r"^(?:(?:first|second|third)\s+)?vice[- ]president\b(?!s)", re.I)


def parse_vice_presidents(text: str) -> list[tuple[str, ParsedHolder | None]]:
    """The vice presidents a Factbook executive text names, as (title, holder) pairs; holder is
    None where the text says the office is vacant. Only clauses naming one vice president are read
    ("Vice Presidents A, B and C" lists are too loose to parse safely)."""
    out: list[tuple[str, ParsedHolder | None]] = []
    for clause in _split_top(text):
        if not _VICE.match(clause):
            continue
        clause = re.split(r",?\s*represented by\b", clause, flags=re.I)[0]
        head = _VICE.match(clause)
        assert head is not None  # matched above; "represented by" only cuts the clause's tail
        title = " ".join(w.capitalize() for w in clause[:head.end()].replace("-", " ").split())
        if re.search(r"\bvacant\b", clause, re.I):
            out.append((title, None))
            continue
        holder = _parse_clause(clause)
        if holder is not None and holder.tokens:
            out.append((title, holder))
    return out


_DATE_IN_TEXT = re.compile(r"(\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|"
                           r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+\d{4}|\b\d{4}\b)")


def start_date(clause: str) -> tuple[str | None, str | None]:
    """The start date in a holder's brackets: "since X" first, then "installed/elected/inaugurated
    ... X", then the first date of a bracket that is not a birth date ("(born 31 August 1985)")."""
    groups = re.findall(r"\(([^()]*)\)?", clause)
    preferred = [r"\bsince\s+", r"\b(?:installed|inaugurated|sworn in|elected president|took office|assumed office)"
                 r"(?:\s+on)?\s+", r"\bfor the period\s+", r"\bfrom\s+"]
    for pat in preferred:
        for g in groups:
            if "born" in g.lower():
                continue
            m = re.search(pat + r"(" + _DATE_IN_TEXT.pattern + r")", g)
            if m:
                parsed = parse_text_date(m[1])
                if parsed:
                    return parsed
    for g in groups:
        if "born" in g.lower() or "died" in g.lower():
            continue
        m = _DATE_IN_TEXT.search(g)
        if m:
            parsed = parse_text_date(m[1])
            if parsed:
                return parsed
    return None, None


def office_title(title: str) -> bool:
    """Can a parsed title be an office's name? A statement or a dated note cannot: no colon and no
    digit (an empty title is one: the office is in the field's name)."""
    return ":" not in title and not any(ch.isdigit() for ch in title)


def _parse_clause(clause: str) -> ParsedHolder | None:
    since, precision = start_date(clause)
    body = re.sub(r"\([^)]*\)?", " ", clause)
    body = re.sub(r"[\"“”][^\"“”]+[\"“”]", " ", body)  # nicknames: Ferdinand "BongBong" MARCOS
    body = re.sub(r"\s*,\s*(Jr\.|Sr\.)", r" \1", body)
    body = body.replace(",", " ").replace("  ", " ")
    tokens = [t for t in body.split() if t]
    caps = [i for i, t in enumerate(tokens) if is_caps(t) and not (ROMAN.match(t) and i > 0 and is_caps(tokens[i - 1]))]
    caps = [i for i in caps if not (len(tokens[i]) <= 4 and i + 1 < len(tokens) and tokens[i + 1].lower() in TITLE_WORDS
                                    and tokens[i + 1][:1].isupper())]
    if not caps:
        return _parse_plain(tokens, since, precision)
    first = caps[0]
    last = first
    for i in range(first + 1, len(tokens)):
        if is_caps(tokens[i]) or ROMAN.match(tokens[i]):
            last = i
        elif tokens[i].lower() in PARTICLES and i + 1 < len(tokens) and is_caps(tokens[i + 1]):
            continue
        else:
            break
    # roman numerals after the surname block belong to it ("CHARLES III")
    start = first
    while start > 0:
        prev = tokens[start - 1]
        low = prev.lower().strip(".,")
        if low in TITLE_WORDS or prev.lower() in HONORIFICS or low in HONORIFICS:
            break
        if not (prev[:1].isupper() or low in PARTICLES or prev[:1] in "'’"):
            break
        if first - start >= 4:
            break
        if start >= 2 and tokens[start - 2].lower() in ("of", "the"):
            break  # "... Republic of Afghanistan Ashraf GHANI": "Afghanistan" belongs to the title
        start -= 1
    title_tokens = [t for t in tokens[:start] if t.lower() not in HONORIFICS and t.lower().strip(".") not in HONORIFICS]
    title = " ".join(title_tokens).strip(" ,;:-")
    name_tokens = tokens[start:]
    # cut trailing words after the name that are clearly not part of it
    end = len(name_tokens)
    for j in range(last - start + 1, len(name_tokens)):
        t = name_tokens[j]
        if t.lower() in TITLE_WORDS or not (t[:1].isupper() or t.lower() in PARTICLES or t.lower() in SUFFIXES):
            end = j
            break
    name_tokens = name_tokens[:end]
    if len(name_tokens) > 8:
        return None
    return ParsedHolder(title=title, tokens=name_tokens, first_caps=first - start, last_caps=last - start,
                        since=since, precision=precision)


def _parse_plain(tokens: list[str], since: str | None, precision: str | None) -> ParsedHolder | None:
    """Fallback for texts without a capitalised surname ("Prime Minister Milos Vucevic")."""
    i = 0
    while i < len(tokens) and (tokens[i].lower() in TITLE_WORDS or tokens[i].lower() in HONORIFICS):
        i += 1
    name = tokens[i:]
    if not (2 <= len(name) <= 5) or not all(t[:1].isupper() or t.lower() in PARTICLES for t in name):
        return None
    if any(t.lower() in TITLE_WORDS for t in name) or not since:
        return None
    title = " ".join(t for t in tokens[:i] if t.lower() not in HONORIFICS)
    return ParsedHolder(title=title, tokens=name, first_caps=len(name) - 1, last_caps=len(name) - 1,
                        since=since, precision=precision)


def skeleton(name: str) -> str:
    """Loose transliteration key: "Lukashenka"/"Lukashenko", "Tokayev"/"Tokaev", "Zelenskyy"/"Zelensky".

    ASCII fold, then drop y, fold kh->h, zh->j, ck->k, dj->j, double letters, an i before a vowel,
    and a final vowel. Used only with a country and a date window, so loose is safe enough.
    """
    s = fold(name).replace(" ", "").replace("-", "")
    s = s.replace("kh", "h").replace("zh", "j").replace("dzh", "j").replace("dj", "j").replace("ck", "k")
    s = s.replace("ph", "f").replace("w", "v").replace("ou", "u").replace("ts", "c").replace("tz", "c")
    s = s.replace("y", "")
    s = re.sub(r"i(?=[aeou])", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"[aeiou]$", "", s)
    return s


def sound_key(word: str) -> str:
    """A looser key than :func:`skeleton` for one surname written from Arabic or Persian, where one
    letter has several English spellings: q, g, k and c for the same sound ("Qaddafi", "Gaddafi",
    "Kadhafi"), gh beside q ("Dehghan", "Dehqan"), dh beside d ("Gadhafi"). After those folds,
    doubled letters are one and every run of vowels is one vowel ("kadafa", "dahkan"): the
    consonants and where the vowels fall must agree ("McCain" and "McNee", "Flynn" and "Fallon"
    differ). Only a fallback for a full name whose state the article names, the given names
    agreeing by :func:`same_word`: never used alone."""
    s = re.sub(r"[^a-z]", "", fold(word))
    for a, b in (("gh", "q"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k")):
        s = s.replace(a, b)
    s = re.sub(r"[qgc]", "k", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiouy]+", "a", s)


def edits(a: str, b: str) -> int:
    """Levenshtein distance (small strings only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def same_word(a: str, b: str) -> bool:
    """Two romanisations of one name word: equal, equal under the loose transliteration key, or
    (long words with the same first letter) one letter apart, or two vowels apart with the same
    consonants ("Abdallah"/"Abdullah", "Mohammed"/"Muhammad", "Schroder"/"Schroeder"). Short
    words must agree exactly ("V" and "VI", "Ali" and "Ala" are different people)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if skeleton(a) == skeleton(b):
        return True
    d = edits(a, b)
    return d <= 1 or (d <= 2 and min(len(a), len(b)) >= 7
                      and re.sub(r"[aeiou]", "", a) == re.sub(r"[aeiou]", "", b))


def surname_of(name: str) -> str:
    """Last word of a display name, skipping suffixes and roman numerals ("Whipps Jr." -> "Whipps")."""
    parts = [p for p in name.replace(",", " ").split() if p.lower() not in SUFFIXES and not ROMAN.match(p)]
    return parts[-1] if parts else name


__all__ = ["FAMILY_FIRST", "ParsedHolder", "display_name", "edits", "is_caps", "parse_executive",
           "parse_vice_presidents", "same_word", "skeleton", "sound_key", "surname_of", "titlecase_token", "titlecase_tokens"]
