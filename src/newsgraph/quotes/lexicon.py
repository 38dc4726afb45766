"""Word lists the quote rules use: reporting verbs, commitment verbs, speech documents.

Why lists and not a model: attribution in news is carried by a small, stable vocabulary of
communication verbs (Levin's "verbs of communication"; the cue lists of PARC 3.0 and of the
Gender Gap Tracker are of the same kind). Each list below says what licenses it.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """A word list written as whitespace-separated words (easier to read and diff)."""
    return frozenset(block.split())


# Verbs of saying: with a clausal complement ("X said that ...") or next to a quotation
# ("..., X said") they introduce the words of their subject.
SPEECH_VERBS: frozenset[str] = _words("""
say tell add warn note stress claim slam insist argue point accuse announce declare urge vow
promise pledge acknowledge admit explain write tweet post state report ask reply respond answer
suggest call describe brand dub label term characterize characterise praise criticize criticise
condemn denounce blast decry lament complain concede confirm deny reject dismiss emphasize
emphasise underline underscore reiterate reaffirm assert contend mention observe remark comment
recall predict forecast speculate propose recommend demand request threaten assure reassure
inform notify proclaim boast brag joke quip shout scream yell whisper mutter exclaim agree
disagree counter retort rebut object protest allege charge testify swear caution advise
indicate hint imply conclude highlight cite quote read continue summarize summarise recount
relate detail outline email text message blog publish hail laud welcome apologize apologise
challenge question wonder muse estimate signal stipulate clarify elaborate maintain
reckon tout vouch attest affirm avow aver opine posit surmise theorize theorise lecture preach
utter bark jeer snap growl gush sneer cheer chant holler fume rant rail sigh marvel grumble mumble
intone interject interrupt plead pray reason reflect repeat stammer stutter thunder vent wail zing
chime confess confide scoff tease taunt exclaim concur joke recount rule reveal disclose profess
remind
order instruct whine hiss snarl crow groan moan gripe huff chuckle laugh rap
""")

# Verbs by which a reporter passes on another's words: "Xinhua quoted the minister as saying",
# "cited an official as saying". The one quoted is the speaker, not the one quoting.
QUOTING_VERBS: frozenset[str] = _words("quote cite")

# Verbs of speaking that name no content of their own ("spoke at a rally", "talked for an hour"):
# they frame a quotation only right after it ("“...,” Jones spoke of his rival").
SPEAKING_VERBS: frozenset[str] = _words("speak talk")

# Verbs of evaluation that report speech only when what they carry is quoted ("blasted the report
# for being “one-sided”", "likened the tax to “robbing the poor”"); without a quotation
# they are ordinary actions ("compared the data").
EVALUATION_VERBS: frozenset[str] = _words("""
liken compare laud pound hammer bemoan mock ridicule deride rip knock blame credit thank applaud
reference invoke sing chant tout attack lambaste skewer assail castigate berate scold chide rebuke
fault slam blast bash trash dismiss lampoon scoff ding hail celebrate decry denounce brand label
portray characterize characterise depict describe refer
""")

# Verbs of judging someone whose reason is what was said: "accused the mayor of gross
# negligence", "criticized X for Y" — the object and the reason are the reported content. Not
# "attack": groups "attacking X for voting ..." do it as often with advertising as with words.
REASON_VERBS: frozenset[str] = _words("""
accuse blame criticize criticise fault praise thank credit slam blast condemn denounce commend
applaud chastise rebuke scold lambaste castigate berate knock hammer rip
""")
REASON_PREPS: frozenset[str] = frozenset({"of", "for", "over", "with", "on"})

# Verbs that take the speaker's commitment as a to-infinitive ("vowed to cut taxes",
# "told them to go home", "called on X to ..."): the infinitive clause is what was said. Not
# "agree": "agreed to cap output" reports an act of accepting (an event), not words; "agreed that
# ..." keeps its clause as a statement.
COMMITMENT_VERBS: frozenset[str] = _words("""
vow pledge promise threaten swear urge ask call demand offer decline refuse propose warn
tell order appeal beg implore encourage invite advise instruct request
""")

# Verbs by which a recording, a witness or a reporter presents someone saying something ("the video
# shows him saying", "a microphone caught her telling donors", "quoted the minister saying"): the
# one shown is the sayer.
DEPICTION_VERBS: frozenset[str] = QUOTING_VERBS | _words("show catch capture hear record film overhear")

# Verbs of saying whose to-infinitive is a proposition the speaker asserts of themselves ("claimed
# to have never met him" = said they had never met him; "professes to know nothing").
ASSERTED_INFINITIVE: frozenset[str] = _words("claim profess")

# Verbs of proposing whose gerund is the proposal ("suggested raising the limit", "recommended
# closing two bases"): what was put forward, as a that-clause would be.
PROPOSING_VERBS: frozenset[str] = _words("suggest recommend propose")

# Nouns of measurement: what a poll or the figures "suggest" is a reading of them, not a statement
# anyone made ("the polls suggest tightening races").
MEASUREMENT_NOUNS: frozenset[str] = _words("poll survey data figure number statistic evidence trend count")

# Reporting verbs that only count with a clausal complement or next to a quotation, because
# with a plain object they mean something else ("maintain peace", "point a gun", "add troops").
NEEDS_CLAUSE: frozenset[str] = _words("""
point add maintain continue read charge highlight cite quote text post call answer question
counter signal object relate detail welcome challenge reject dismiss outline indicate rule reveal
disclose order instruct
""")

# Verbs of naming: in the passive ("as the group is called", "as it is known") they give a name.
NAMING_VERBS: frozenset[str] = _words("call know name dub term nickname label style title")

# Verbs of asking: their content may be an indirect question ("asked whether ...", "wondered if").
ASKING_VERBS: frozenset[str] = _words("ask question wonder inquire enquire query")

# Verbs of telling whose passive subject is the one told ("was told that", "When warned that"):
# the words are the teller's, and with no teller named nobody's to count.
TELLING_VERBS: frozenset[str] = _words("tell inform notify warn advise remind assure reassure caution brief order instruct")

# Prepositions whose object is the topic of a verb of saying ("warned against", "wrote about",
# "argued in favour of"); "to" only after the verbs in TO_TOPIC ("pointed to his rating").
TOPIC_PREPS: frozenset[str] = frozenset({"about", "against", "on", "of", "in", "to"})
TO_TOPIC: frozenset[str] = _words("point allude refer")
# "on" is a topic only after these ("commented on the ruling"; not "announced on Thursday")
ON_TOPIC: frozenset[str] = _words("agree disagree comment remark elaborate report write blog lecture testify speculate opine")

# Verbs of saying whose plain object is not something said ("added troops", "continued the war",
# "read a book", "called a meeting", "posted a photo", "answered the phone").
NO_OBJECT_CONTENT: frozenset[str] = _words("""
add maintain continue read charge text post call answer counter object relate signal point quote
reflect reason pray repeat welcome write publish email blog challenge underscore underline pledge declare
""")

# Verbs of saying whose plain object is the target of the act, not what was said ("threatened the
# chairwoman", "interrupted the rally", "chanted his name", "observed the vote", "argued the case"
# for a lawyer, "cheered the team"); their speech is in a clause or a quotation.
TARGET_OBJECT: frozenset[str] = _words("threaten interrupt chant snap observe argue cheer jeer")

# Verbs of judging whose plain object is the target of the judgement, not what was said
# ("condemned the attack", "rejected the compromise", "praised the firefighters").
JUDGING_VERBS: frozenset[str] = _words("""
condemn criticize criticise praise denounce decry slam blast hail laud welcome reject dismiss attack
challenge mock applaud thank lament protest tout rebuke scold chide castigate lambaste berate assail
""")

# Nouns that name something said or asked, so that "the X" refers back to speech: with a definite
# or possessive determiner they are a topic ("denied the allegations", "dismissed their request").
TOPIC_NOUNS: frozenset[str] = _words("""
allegation allegations accusation accusations request requests plea pleas claim claims charge charges
criticism question questions report reports story stories rumor rumors rumour rumours suggestion
suggestions idea notion proposal proposals demand demands comment comments remark remarks
""")

# Verbs of saying that take the addressee, not the words, as their object ("told the gathering").
ADDRESSEE_OBJECT: frozenset[str] = _words("""
tell warn urge ask inform notify assure reassure remind advise caution instruct order beg implore
encourage invite promise
""")

# Verbs that put a label on something: the quoted fragment is the speaker's label
# ("called the plan “deeply flawed”", "branded them “traitors”").
LABEL_VERBS: frozenset[str] = _words("""
call describe brand dub label term characterize characterise name deem hail denounce
""")

# Nouns naming a speech act or a text that can be the subject of reporting ("the statement
# said", "the declaration which praised ...") or carry a that-clause ("his claim that ...").
DOCUMENT_NOUNS: frozenset[str] = _words("""
statement declaration communique communiqué report letter resolution document text speech
address remarks remark message post tweet release announcement memo memorandum note editorial
op-ed column interview transcript testimony filing complaint lawsuit ruling verdict decision
manifesto platform pledge proposal plan bill order decree press briefing readout email video
ad advertisement analysis study audit assessment article essay blog brief petition motion indictment
affidavit
""")

# Nouns of speech acts that introduce a that-clause ("the claim that ...", "his warning that").
SPEECH_NOUNS: frozenset[str] = _words("""
claim statement assertion warning promise pledge vow insistence allegation accusation charge
suggestion argument comment remark announcement declaration denial admission acknowledgment
acknowledgement assurance threat call demand prediction message emphasis contention complaint
criticism reminder insinuation boast request plea appeal
""")

# Nouns of a finding: a report with its author in a possessive or as the subject of a verb of saying
# it is the object of ("the analysts' assessment that ...", "issued the estimate that ..."); alone
# ("the assessment that ... is widespread") they name no one's words.
FINDING_NOUNS: frozenset[str] = _words("""
assessment conclusion finding estimate forecast projection judgment judgement
""")
# Nouns of a held opinion: a mental state ("his view that ...") unless voiced by a verb of saying
# ("reiterated his view that ...", "stated the position that ..."); "belief" stays out even then
# ("maintained a belief that ..." is a mental state kept, not words said).
OPINION_NOUNS: frozenset[str] = _words("""
view position opinion
""")

# Phrasal verbs of retort or outspoken speech, a verb of saying only with their particle ("fired
# back", "hit back", "lashed out": not "fired the missile", "hit the target").
PHRASAL_SPEECH: frozenset[tuple[str, str]] = frozenset({
    ("fire", "back"), ("hit", "back"), ("shoot", "back"), ("lash", "out"), ("weigh", "in"),
})

# Verbs of finding: a body's or researchers' report with a clause ("the budget office finds that
# ...", "economists calculated that ..."); a person's cognition otherwise ("he found that he ...").
FINDING_VERBS: frozenset[str] = _words("""
find show determine calculate project assume hold
""")

# Common nouns of organised bodies, which speak through their people ("the agency reminded drivers
# that ...", "the group said").
BODY_NOUNS: frozenset[str] = _words("""
agency group company firm campaign office department ministry committee commission board council
union organization organisation administration government party coalition alliance association
institute foundation center centre panel team club league network court bureau service authority
""")

# Nouns of people whose trade is finding things out: as the subject of a verb of finding with a
# clause they report what their inquiry found ("researchers found that ...", "auditors determined
# that ..."), as a body does.
INQUIRY_NOUNS: frozenset[str] = _words("""
researcher scientist economist analyst expert investigator scholar academic epidemiologist
pollster statistician auditor inspector examiner forecaster modeler modeller
""")

# Verbs whose subject authors a document they act on ("the leaders adopted a statement").
AUTHORING_VERBS: frozenset[str] = _words("""
adopt issue release publish sign make deliver send write post give present unveil draft approve
pass put sponsor file
""")

# Nouns of speech acts that commit or direct, and so take a to-infinitive as their content
# ("a demand to release the files", "his pledge to cut taxes", "a call to end the strike").
COMMITMENT_NOUNS: frozenset[str] = _words("""
demand call pledge promise vow request plea appeal threat urging offer
""")

# Heads of an infinitive that say the speech it names was not (yet) made: intention, expectation,
# attempt, ability, refusal ("plans to announce", "is expected to testify", "will try to argue",
# "declined to say", "is likely to ask"). Not "went on to say", "used to say", "was quick to
# point out", "continued to insist": those report speech that happened.
UNREALISED_HEADS: frozenset[str] = _words("""
want need plan intend hope try seek expect aim prepare attempt wish decide refuse decline fail hesitate
struggle schedule set due poised likely unlikely unable ready eager willing unwilling reluctant going ought
dare
""")

# the nouns of the same ("his failure to condemn", "a plan to argue", "the refusal to say")
UNREALISED_NOUNS: frozenset[str] = _words("""
failure refusal inability unwillingness reluctance plan bid attempt effort intention
""")

# Verbs whose subject receives, meets or answers a speech act rather than making it ("we heard
# allegations that", "she denied claims that", "he rejected the suggestion that"): the subject is
# not the author of the speech noun they govern.
NOT_AUTHORING: frozenset[str] = _words("""
hear read see receive get face deny reject dismiss dispute refute rebut counter investigate examine
ignore answer respond address deflect field question challenge doubt fight resist contest debunk
""")

# Verbs of perceiving and thinking: "“...,” I heard" or "“...,” she thought" is no one saying the
# quotation (a verb of manner frames one: "“We did it!” Okafor beamed").
PERCEPTION_VERBS: frozenset[str] = _words("""
hear see watch notice read think know feel believe understand realize realise imagine guess remember
sense suspect figure
""")

PRONOUNS_PERSON: frozenset[str] = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP: frozenset[str] = frozenset({"they", "we", "them", "us"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})

# Head nouns of definite role mentions the actors component may leave unlinked ("the senator").
ROLE_NOUNS: frozenset[str] = _words("""
president minister premier chancellor senator governor mayor leader spokesman spokeswoman
spokesperson secretary chairman chairwoman chair official ambassador envoy general commander
candidate nominee congressman congresswoman representative lawmaker king queen prince emir
prime chief director head
""")

__all__ = [
    "ADDRESSEE_OBJECT",
    "ASKING_VERBS",
    "ASSERTED_INFINITIVE",
    "AUTHORING_VERBS",
    "BODY_NOUNS",
    "COMMITMENT_NOUNS",
    "COMMITMENT_VERBS",
    "DEPICTION_VERBS",
    "DOCUMENT_NOUNS",
    "EVALUATION_VERBS",
    "FINDING_NOUNS",
    "FINDING_VERBS",
    "INQUIRY_NOUNS",
    "JUDGING_VERBS",
    "LABEL_VERBS",
    "MEASUREMENT_NOUNS",
    "NEEDS_CLAUSE",
    "NOT_AUTHORING",
    "NO_OBJECT_CONTENT",
    "ON_TOPIC",
    "OPINION_NOUNS",
    "PERCEPTION_VERBS",
    "PHRASAL_SPEECH",
    "PRONOUNS_GROUP",
    "PRONOUNS_PERSON",
    "PROPOSING_VERBS",
    "QUOTING_VERBS",
    "REASON_PREPS",
    "REASON_VERBS",
    "RELATIVE_PRONOUNS",
    "ROLE_NOUNS",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "TARGET_OBJECT",
    "TOPIC_NOUNS",
    "TOPIC_PREPS",
    "TO_TOPIC",
    "UNREALISED_HEADS",
]

# subordinators of adverbial clauses: "hours after X proclaimed", "because X said", "when X arrived"
ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "because", "since", "as", "until", "although",
                             "though", "if", "unless", "once", "whereas"})
