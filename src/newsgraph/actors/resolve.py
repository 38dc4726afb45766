"""Resolve every actor mention in an article to a canonical actor, as of the article's date.

The resolver is a chain of named stages over one :class:`~.state.State`, in this order:

1. **mention detection** (:mod:`.mentions`): knowledge-base surface forms (people, states,
   organisations, blocs, demonyms, capitals and seats of power) and spaCy's named entities;
2. **candidates and evidence** (:mod:`.evidence`): a named mention links to a KB entry only on
   evidence (full name, alias); unknown people stay actors with their name;
   an organisation's name written again where the tagger missed it is that organisation
   (:func:`.mentions.same_name_again`);
3. **references in reading order** against what was said before (:data:`REFERENCE_RULES`, tried
   in this order at each token): titles and roles on the date (:mod:`.roles`), pairs, groups,
   organisations by a common noun and role descriptions (:mod:`.coref`), agents of states
   (:mod:`.agents`), surnames after full names (:mod:`.evidence`), places as their state
   (:mod:`.metonymy`), pronouns (:mod:`.coref`), agents placed in a state and generic agents
   with the state the text gives, and last a role no one named (:mod:`.agents`);
4. **one name, one person**: a lone surname read before the person was named in full is theirs
   (:func:`.evidence.later_full_name`); a given name and a surname read apart that together are
   one KB person's full name are that person's (:func:`.evidence.split_name`); a given name the
   news uses alone for one person ("Hillary") is theirs (:func:`.evidence.given_name_alone`);
5. **countries of people** the KB does not know, from the text around them (:mod:`.roles`);
6. the mentions become the actors' mention lists.

Every mention records the rule that linked it and, for references, its antecedent: each
resolution can be explained. Rules are general; nothing here knows any particular article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from ..model import Actor, Analysis, Mention
from ..nlp import entities
from . import agents, coref, evidence, mentions, metonymy, roles
from .matcher import PhraseIndex
from .state import INERT_POS, STARTERS, State, phrase_index

# the reference rules, tried in this order at each token not yet in a mention: the first that
# takes the token wins and says where the next try starts
REFERENCE_RULES: tuple[Callable[[State, int], int | None], ...] = (
    roles.try_title_name,          # "Russian President Vladimir Putin": the title joins the name
    roles.try_title,               # "the Belarusian President": the holder on the article's date
    coref.try_pair,                # "the two presidents", "both countries"
    agents.try_definite_agent,     # "the troops" after "Kenyan troops"
    coref.try_group,               # "the leaders", "members of the CSTO"
    coref.try_org_generic,         # "the alliance", "the Russia-led bloc"
    coref.try_role_description,    # "the longtime Kremlin ally", "the Russian leader"
    agents.try_agent,              # "Russian troops", "Kenyan and Ugandan officials"
    evidence.try_surname,          # "Putin" after "Vladimir Putin"
    metonymy.try_metonym,          # "Moscow said", "the Kremlin's"
    metonymy.try_demonym,          # "Russian" standing for the state
    coref.try_pronoun,             # "he", "she"
    coref.try_collective_pronoun,  # "it", "they"
    agents.try_located_agent,      # "rebels in Mali"
    agents.try_generic_agent,      # "police", "the opposition", "officials": with the state the text gives
    agents.try_role_agent,         # "the opposition leader" no one named: that state's agent of the sector
)


class Resolver(State):
    """The stages in order (see the module docstring)."""

    def run(self) -> list[Actor]:
        self.detect()
        mentions.link_names(self, self.hits, self.ents)
        mentions.defined_acronyms(self)
        mentions.same_name_again(self)
        self.references()
        evidence.later_full_name(self)
        evidence.split_name(self)
        evidence.given_name_alone(self)
        roles.person_countries_from_context(self)
        roles.kb_people_sectors_from_titles(self)
        return self.finish()

    def detect(self) -> None:
        """Stage 1: knowledge-base surface forms and spaCy's entities (the dateline names no actor)."""
        self.index = phrase_index(self.kb) if self.kb is not None else PhraseIndex([])
        self.hits = self.index.match(self.doc, (self.char_starts, self.char_ends, self.words), self.text)
        self.hits = mentions.regions_read_as_states(self, mentions.heritage_adjectives(
            self, [h for h in self.hits if not mentions.region_adjective(self, h)]))
        dl = self.analysis.article.dateline_span
        if dl is not None:
            # the whole dateline, to where the lead starts: the agency in brackets after the place
            # ("MOSCOW (Reuters) -") sent the report and takes no part in it
            end = max(dl.end, self.analysis.article.lead_start)
            self.claimed.update(k for k, c in enumerate(self.char_starts) if dl.start <= c < end)
        self.hit_at = {h.start: h for h in self.hits}
        self.ents = [mentions.headline_name(self, possessor_only(e)) for e in entities(self.analysis)
                     if e.label_ in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}]
        self.hits = [h for h in self.hits if not mentions.place_name_tail(self, h, self.ents)]
        self.hit_at = {h.start: h for h in self.hits}
        self.person_ent_at = {e.start: e for e in self.ents if e.label_ == "PERSON"}
        self.ent_of = [None] * len(self.doc)  # per token, the entity it is in (entities do not overlap)
        for e in self.ents:
            self.ent_of[e.start:e.end] = [e] * (e.end - e.start)
        self.norp_ent_at = {e.start: e for e in self.ents if e.label_ == "NORP"}

    def references(self) -> None:
        """Stage 3: the reference rules in reading order (:data:`REFERENCE_RULES`)."""
        i = 0
        n = len(self.doc)
        while i < n:
            if i in self.claimed or (self.pos[i] in INERT_POS and self.lower[i] not in STARTERS
                                     and i not in self.hit_at):
                i += 1  # taken, or nothing a rule could start with
                continue
            consumed = None
            for rule in REFERENCE_RULES:
                consumed = rule(self, i)
                if consumed:
                    break
            i = consumed if consumed else i + 1

    def finish(self) -> list[Actor]:
        """Stage 6: the recorded mentions become each actor's mention list."""
        for s, e, aid, rule, ante, conf in sorted(self.mentions):
            actor = self.table.get(aid)
            if actor is not None:
                actor.mentions.append(Mention(s, e, self.text[s:e], rule, ante, conf, evidence.evidence_of(rule)))
        out = [a for a in self.table.actors.values() if a.mentions]
        out.sort(key=lambda a: min(m.start for m in a.mentions))
        return out


def resolve(analysis: Analysis, kb: Any) -> tuple[list[Actor], list[dict[str, Any]]]:
    """Resolve the article's actors; returns (actors, unresolved mentions with reasons)."""
    r = Resolver(analysis, kb)
    actors = r.run()
    return actors, r.unresolved


def possessor_only(ent: Any) -> Any:
    """A person entity running on past a possessive ("Obama's Cabinet", "Merkel's government"):
    the person is the possessor; what follows is theirs, not part of the name."""
    if ent.label_ != "PERSON":
        return ent
    cut = next((t.i for t in ent if t.tag_ == "POS" and ent.start < t.i < ent.end - 1), None)
    return ent if cut is None else Span(ent.doc, ent.start, cut, label="PERSON")
