"""One documented error tree. Every error has a stable code and a message that says what to do.

The library raises these; the CLI prints ``error[CODE]: message`` on one line (no traceback), the
API returns ``{"error": {"code", "message", "status"}}``, and a batch records ``code`` and
``message`` for the bad item and goes on (sqlite-utils / Datasette / httpx practice).

Codes (stable; add, never renumber):

=========  =============================  ======================================================
code       class                          when
=========  =============================  ======================================================
NG000      NewsgraphError                 the base of the tree (never raised itself)
NG100      InputError                     any input problem (base)
NG101      InputNotFound                  a path that does not exist
NG102      EmptyInput                     a file or text with nothing to read
NG103      BinaryInput                    bytes that are not text in any encoding
NG104      InputTooLarge                  over the configured size limit
NG105      BadRecord                      a JSONL line that is not a JSON object / lacks ``text``
NG106      MissingColumn                  a CSV without a ``text`` column
NG107      UnsupportedInput               a file kind newsgraph cannot read
NG108      BadHTML                        HTML with no extractable article text
NG109      BadDate                        a date that cannot be parsed, before 1900 or in the future
NG110      BadArgument                    an option value that is out of range or unknown
NG111      InvalidEncoding                bytes that are not valid UTF-8, refused under ``--strict``
NG112      RecordTooComplex               a JSON value nested too deep or a number too long
NG113      UnreadableInput                a file-system error: permissions, a symlink loop, a vanished
                                          file, a FIFO, socket or device
NG200      ConfigError                    bad configuration or unknown component
NG201      ModelNotInstalled              the spaCy pipeline named in the config is not installed
NG202      EventModelMissing              the event detector's artefact is absent (``make train-events``)
NG203      EventModelCorrupt              the event detector's artefact cannot be read or fails its checks
NG204      PortInUse                      ``newsgraph serve`` on a port another program listens on
NG300      ComponentError                 a pipeline component failed (names the component)
NG301      AnalysisTimeout                an article over its time budget (``[input] max_seconds``)
NG302      WorkerCrashed                  the process analysing an article died (crash, memory, kill)
NG400      StoreError                     DuckDB failed (wrapped), or the store file is unusable
NG401      StoreLocked                    another process holds the store
NG500      KBError                        knowledge-base problem (base)
NG501      KBSourceMissing                a source file the KB build needs is absent
NG502      UnknownCountry                 a country code or name the KB does not know
NG503      UnknownActor                   an actor id the KB or store does not know
NG600      EvalError                      a gold file that is absent or malformed
NG700      ApiError                       a request the REST API refuses (base)
NG701      NotFound                       an unknown route, or an id the store does not hold
NG702      MethodNotAllowed               a method the route does not take
NG703      IngestDisabled                 POST /ingest while no ingest token is configured
NG704      Unauthorized                   POST /ingest without the configured bearer token
NG705      Busy                           every analysis slot of the API is taken; try again later
NG999      InternalError                  an unexpected internal error caught by the CLI or API
=========  =============================  ======================================================
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "NG000"
    status = 500  # HTTP status the API maps it to

    def __init__(self, message: str, *, hint: str | None = None, item: str | None = None):
        self.message = message
        self.hint = hint
        self.item = item
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = self.message if not self.item else f"{self.item}: {self.message}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.one_line(), "status": self.status}


class InputError(NewsgraphError):
    code = "NG100"
    status = 400


class InputNotFound(InputError):
    code = "NG101"
    status = 404


class EmptyInput(InputError):
    code = "NG102"


class BinaryInput(InputError):
    code = "NG103"
    status = 415


class InputTooLarge(InputError):
    code = "NG104"
    status = 413


class BadRecord(InputError):
    code = "NG105"


class MissingColumn(InputError):
    code = "NG106"


class UnsupportedInput(InputError):
    code = "NG107"
    status = 415


class BadHTML(InputError):
    code = "NG108"
    status = 422


class BadDate(InputError):
    code = "NG109"
    status = 422


class BadArgument(InputError):
    code = "NG110"
    status = 422


class InvalidEncoding(InputError):
    """Bytes that are not valid UTF-8 while ``--strict`` asks to refuse them (otherwise they are
    replaced by U+FFFD and counted in a warning)."""

    code = "NG111"
    status = 415


class RecordTooComplex(BadRecord):
    """A JSON record beyond the reader's limits: nested deeper than ``MAX_JSON_DEPTH`` or holding a
    number longer than ``MAX_JSON_DIGITS`` digits."""

    code = "NG112"
    status = 422


class UnreadableInput(InputError):
    """A file the operating system will not let us read: permissions, a symbolic link loop, a file
    gone between listing and reading, a FIFO, socket or device (never opened: it could block)."""

    code = "NG113"
    status = 400


class ConfigError(NewsgraphError):
    code = "NG200"


class ModelNotInstalled(ConfigError):
    code = "NG201"


class EventModelMissing(ConfigError):
    """The learned event detector's artefact (``events/model/detector.npz``) is not there."""

    code = "NG202"


class EventModelCorrupt(ConfigError):
    """The event detector's artefact is damaged, fails its checksums or is of another format version."""

    code = "NG203"


class PortInUse(ConfigError):
    """``newsgraph serve`` asked for a port another program (often an earlier server) listens on."""

    code = "NG204"


class ComponentError(NewsgraphError):
    code = "NG300"

    def __init__(self, component: str, cause: BaseException, *, item: str | None = None):
        self.component = component
        self.cause = cause
        super().__init__(
            f"component '{component}' failed: {type(cause).__name__}: {cause}",
            hint="this is a bug in newsgraph; please report it with the input",
            item=item,
        )


class AnalysisTimeout(NewsgraphError):
    """An article whose analysis ran past its time budget; the batch goes on without it."""

    code = "NG301"
    status = 422


class WorkerCrashed(NewsgraphError):
    """The process analysing an article died (a crash, out of memory, or killed after overrunning
    its time budget); the article was retried alone before being recorded as failed."""

    code = "NG302"
    status = 500


class StoreError(NewsgraphError):
    code = "NG400"


class StoreLocked(StoreError):
    code = "NG401"
    status = 503


class KBError(NewsgraphError):
    code = "NG500"


class KBSourceMissing(KBError):
    code = "NG501"


class UnknownCountry(KBError):
    code = "NG502"
    status = 404


class UnknownActor(KBError):
    code = "NG503"
    status = 404


class EvalError(NewsgraphError):
    code = "NG600"


class ApiError(NewsgraphError):
    """Base of the errors only the HTTP face raises."""

    code = "NG700"
    status = 400


class NotFound(ApiError):
    """An unknown route or an id the store does not hold."""

    code = "NG701"
    status = 404


class MethodNotAllowed(ApiError):
    code = "NG702"
    status = 405


class IngestDisabled(ApiError):
    code = "NG703"
    status = 403


class Unauthorized(ApiError):
    code = "NG704"
    status = 401


class Busy(ApiError):
    """Every analysis slot of the server is taken (``[api] analyze_workers``)."""

    code = "NG705"
    status = 503


class InternalError(NewsgraphError):
    """An unexpected exception, converted at a boundary (the CLI's top level, the API's last resort)
    so that it leaves with a code like every other error."""

    code = "NG999"
    status = 500


def wrap_duckdb(exc: BaseException, what: str) -> StoreError:
    """Map a DuckDB exception into the error tree (httpx ``_exceptions.py`` practice)."""
    text = str(exc)
    if "lock" in text.lower() or "Conflicting lock" in text:
        return StoreLocked(
            f"{what}: the store is in use by another process",
            hint="wait for the other newsgraph run to finish, or use another --db file",
        )
    return StoreError(f"{what}: {type(exc).__name__}: {text.splitlines()[0] if text else ''}",
                      hint="check that the --db file is a newsgraph DuckDB store and the disk is writable")


def error_for(code: str, message: str) -> NewsgraphError:
    """An error of the class that owns ``code`` (for re-raising a recorded batch failure)."""

    def walk(cls: type[NewsgraphError]) -> list[type[NewsgraphError]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in walk(sub))]

    for cls in walk(NewsgraphError):
        if cls.code == code and cls is not ComponentError:
            err = cls.__new__(cls)
            NewsgraphError.__init__(err, message)
            return err
    err = NewsgraphError(message)
    err.code = code
    return err


__all__ = [
    "AnalysisTimeout", "ApiError", "BadArgument", "BadDate", "BadHTML", "BadRecord", "BinaryInput", "Busy",
    "ComponentError", "ConfigError", "EmptyInput", "EvalError", "EventModelCorrupt", "EventModelMissing",
    "IngestDisabled", "InputError", "InputNotFound", "InputTooLarge", "InternalError", "InvalidEncoding",
    "KBError", "KBSourceMissing", "MethodNotAllowed", "MissingColumn", "ModelNotInstalled", "NewsgraphError",
    "NotFound", "PortInUse", "RecordTooComplex", "StoreError", "StoreLocked", "Unauthorized", "UnknownActor",
    "UnknownCountry", "UnreadableInput", "UnsupportedInput", "WorkerCrashed", "error_for", "wrap_duckdb",
]
