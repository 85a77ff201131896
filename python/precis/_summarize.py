"""Summaries: the one-call entry of libprecis as Python functions and dataclasses.

Design: one ``precis_engine`` per process (created on first use, under a
lock, and recreated in a child after ``fork``) holds the model and a pool of
summarizers; the keyword options become a ``precis_settings`` (set by name,
with the library's own checks and messages), made once per distinct set of
options and kept for the process (the defaults are NULL); a call passes the texts as
borrowed pointers to ``precis_engine_summarize_texts``, and asks for both the
summary and its JSON at once, so that :meth:`Summary.to_json` is exactly the
line ``precis summarize --json`` prints without keeping the texts alive.  The
summary is copied into frozen dataclasses and freed before the call returns.

Options are strings to the library: ``words=100`` becomes the setting
``words = "100"``, ``truncate=True`` ``"true"``, a float its ``repr`` (what
``precis summarize --set key=value`` would parse).  Budgets (words, bytes,
sentences) are exclusive, as on the command line.

Clusters written as JSON lines (Multi-News's ``{"id", "document"}``, or
``{"id", "documents": [...]}``) are read by the library's own parser
(:func:`parse_cluster`), so offsets and names are the command's.
"""


import ctypes
import os
import struct
import threading
from ctypes import byref, c_char_p, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _lib
from ._errors import ArgumentError, check
from ._lib import PrecisCluster, PrecisError, PrecisPick, PrecisSummary, PrecisSummary040, lib

Text = Union[str, bytes]

_engine: Optional[int] = None
_engine_lock = threading.Lock()


def _reset_after_fork() -> None:
    # The child must not share the parent's engine mutex and pool: it makes
    # its own on first use (the parent's copy is left as it is).
    global _engine, _engine_lock
    _engine = None
    _engine_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def engine() -> int:
    """The process's ``precis_engine`` (its address), made on first use."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                out = c_void_p()
                err = PrecisError()
                check(lib.precis_engine_new(byref(out), byref(err)), err)
                _engine = out.value
    return _engine  # type: ignore[return-value]


# ---- settings ---------------------------------------------------------------

SettingValue = Union[str, int, float, bool]


def _setting_text(value: SettingValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"a setting is a str, int, float or bool, not {type(value).__name__}")


def settings_pairs(words: Optional[int] = None, bytes: Optional[int] = None,
                   sentences: Optional[int] = None, truncate: Optional[bool] = None,
                   method: Optional[str] = None, seed: Optional[int] = None,
                   markup: Optional[str] = None, drop_datelines: Optional[bool] = None,
                   diagnostics: Optional[bool] = None,
                   settings: Optional[Mapping[str, SettingValue]] = None,
                   collapse_copies: Optional[bool] = None,
                   ) -> Tuple[Tuple[str, str], ...]:
    """The keyword options as (key, value) strings, in the order they are set.

    Raises :class:`ArgumentError` when more than one budget is given; every
    other check is the library's (when the settings are applied).
    """
    budgets = [(k, v) for k, v in (("words", words), ("bytes", bytes),
                                   ("sentences", sentences)) if v is not None]
    if len(budgets) > 1:
        raise ArgumentError("give only one of words, bytes, sentences")
    pairs: List[Tuple[str, str]] = []
    named = budgets + [("truncate", truncate), ("method", method), ("seed", seed),
                       ("markup", markup), ("drop_datelines", drop_datelines),
                       ("diagnostics", diagnostics), ("collapse_copies", collapse_copies)]
    for key, value in named:
        if value is not None:
            pairs.append((key, _setting_text(value)))
    for key, value in (settings or {}).items():
        pairs.append((str(key), _setting_text(value)))
    return tuple(pairs)


class Settings:
    """A ``precis_settings`` object built from (key, value) pairs.

    A context manager: the C object is freed on exit.  Shareable between
    threads (the library only reads it).
    """

    def __init__(self, pairs: Iterable[Tuple[str, str]]) -> None:
        self.handle = c_void_p()
        pairs = tuple(pairs)
        if not pairs:
            return  # NULL: the library's defaults
        err = PrecisError()
        check(lib.precis_settings_new(byref(self.handle), byref(err)), err)
        try:
            for key, value in pairs:
                status = lib.precis_settings_set(self.handle, key.encode("utf-8"),
                                                 value.encode("utf-8"), byref(err))
                check(status, err)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.handle:
            lib.precis_settings_free(self.handle)
            self.handle = c_void_p()

    def __enter__(self) -> "Settings":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# ---- results ------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence of a summary, pointing back to its source.

    Attributes:
        text: the sentence ready to print (white space folded, HTML entities
            decoded, invalid UTF-8 replaced by U+FFFD).
        article: index of its article in the list passed in.
        name: that article's name ("0", "1", ... when none was given).
        sentence: index of the sentence within its article.
        start, end: byte offsets of the sentence in the article's UTF-8 text
            (``article_bytes[start:end]`` are its original bytes).
        score: its salience score.
    """

    text: str
    article: int
    name: str
    sentence: int
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Readability:
    """What a reader trips over in a brief (``diagnostics=True``); see
    docs/QUALITY.md for how each count is detected."""

    sentences: int
    quote_shards: int
    unintroduced: int
    chrome: int
    datelines: int
    dangling: int
    top_article: int
    articles_used: int
    opens_badly: bool


#: The statuses of :class:`ArticleNote`, by the library's numbers.
_ARTICLE_STATUS = ("unused", "used", "copy", "off_topic", "no_prose", "not_read")


@dataclass(frozen=True)
class ArticleNote:
    """What became of one article (``diagnostics=True`` or
    ``collapse_copies=True``, with libprecis 0.4.0 or later).

    Attributes:
        article: its index among the texts passed in.
        status: "used" (a sentence of the brief is from it), "unused",
            "copy" (set aside as a near copy of article ``copy_of``),
            "off_topic", "no_prose" or "not_read" (past a limit).
        copy_of: for a copy, the article it copies; else None.
        similarity: for a copy, the larger of the shingle Jaccard and
            containment; else None.
    """

    article: int
    status: str
    copy_of: Optional[int] = None
    similarity: Optional[float] = None


@dataclass(frozen=True)
class Summary:
    """A summary: its sentences in reading order, with attribution.

    Attributes:
        sentences: the chosen sentences (:class:`Sentence`), in reading order.
        words: words in the summary.
        sentences_seen: sentences in the cluster after clean-up.
        warnings: what the library noticed ("invalid UTF-8 replaced", ...).
        id: the cluster id given to :func:`summarize`, or None.
        readability: the readability counts with ``diagnostics=True``.
        articles: what became of each article (:class:`ArticleNote`) with
            ``diagnostics=True`` or ``collapse_copies=True``; else empty.
    """

    sentences: Tuple[Sentence, ...]
    words: int
    sentences_seen: int
    warnings: Tuple[str, ...] = ()
    id: Optional[str] = None
    readability: Optional[Readability] = None
    articles: Tuple[ArticleNote, ...] = ()
    json_bytes: bytes = field(default=b"", repr=False)

    @property
    def text(self) -> str:
        """The summary as text, one sentence per line (``precis summarize``)."""
        return "".join(s.text + "\n" for s in self.sentences)

    def to_json(self) -> str:
        """The summary as one line of JSON, byte for byte what ``precis
        summarize --json`` prints for the same articles (without the newline)."""
        return self.json_bytes.decode("utf-8", "surrogateescape")

    def __str__(self) -> str:
        return self.text


def _encode(text: Text, what: str) -> bytes:
    if isinstance(text, bytes):
        return text
    if isinstance(text, str):
        return text.encode("utf-8", "surrogateescape")
    raise TypeError(f"{what} must be str or bytes, not {type(text).__name__}")


def _pointer_array(items: Sequence[Optional[bytes]]):
    arr = (c_char_p * max(len(items), 1))()
    for i, item in enumerate(items):
        arr[i] = item
    return arr


# precis_pick: four size_t, a double, a char * (native layout, checked below).
_PICK = struct.Struct("@NNNNdP")
_PICK_SIZE = ctypes.sizeof(PrecisPick)
assert _PICK.size == _PICK_SIZE, "precis_pick layout"


def _summary_from_c(sp: PrecisSummary, names: Sequence[str], id: Optional[str],
                    json_bytes: bytes) -> Summary:
    picks = []
    count = sp.count
    if count:
        # the frozen precis_pick array read in one go (faster than ctypes
        # attribute access, which is most of the binding's cost per call)
        raw = ctypes.string_at(ctypes.addressof(sp.picks.contents), count * _PICK_SIZE)
        for article, sentence, start, end, score, text in _PICK.iter_unpack(raw):
            name = names[article] if article < len(names) else str(article)
            picks.append(Sentence(
                text=ctypes.string_at(text).decode("utf-8", "replace") if text else "",
                article=article, name=name, sentence=sentence, start=start, end=end,
                score=score))
    warnings = tuple(w for w in (sp.warnings or b"").decode("utf-8", "replace").split("\n")
                     if w)
    readability = None
    if sp.has_readability:
        r = sp.readability
        readability = Readability(
            sentences=r.sentences, quote_shards=r.quote_shards, unintroduced=r.unintroduced,
            chrome=r.chrome, datelines=r.datelines, dangling=r.dangling,
            top_article=r.top_article, articles_used=r.articles_used,
            opens_badly=bool(r.opens_badly))
    return Summary(sentences=tuple(picks), words=int(sp.words),
                   sentences_seen=int(sp.sentences_seen), warnings=warnings, id=id,
                   readability=readability, articles=_article_notes(sp),
                   json_bytes=json_bytes)


def _article_notes(sp: PrecisSummary) -> Tuple[ArticleNote, ...]:
    """The 0.4.0 article notes of a summary (none from an older library)."""
    if _lib.version_number < 400:
        return ()
    full = PrecisSummary040.from_address(ctypes.addressof(sp))
    notes = []
    for i in range(full.narticles):
        n = full.articles[i]
        status = _ARTICLE_STATUS[n.status] if 0 <= n.status < len(_ARTICLE_STATUS) else "unknown"
        copy = status == "copy"
        notes.append(ArticleNote(article=i, status=status,
                                 copy_of=int(n.copy_of) if copy else None,
                                 similarity=float(n.similarity) if copy else None))
    return tuple(notes)


# Settings by their (key, value) pairs, made once and kept for the process
# (never freed while a call may use them); () is the library's defaults,
# passed as NULL.  Past _CACHE_MAX distinct option sets, a call makes and
# frees its own.
_CACHE_MAX = 64
_settings_cache: Dict[Tuple[Tuple[str, str], ...], "Settings"] = {}
_settings_lock = threading.Lock()


def cached_settings(pairs: Tuple[Tuple[str, str], ...]) -> Optional["Settings"]:
    """The process's Settings for these pairs (None when the cache is full)."""
    found = _settings_cache.get(pairs)
    if found is not None:
        return found
    with _settings_lock:
        found = _settings_cache.get(pairs)
        if found is None and len(_settings_cache) < _CACHE_MAX:
            found = Settings(pairs)
            _settings_cache[pairs] = found
    return found


def summarize_with(settings: Settings, texts: Sequence[Text], *,
                   names: Optional[Sequence[Optional[str]]] = None,
                   titles: Optional[Sequence[Optional[str]]] = None,
                   id: Optional[str] = None) -> Summary:
    """:func:`summarize` with settings already built (for loops and workers)."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts is a list of article texts, not one string")
    encoded = [_encode(t, "an article text") for t in texts]
    count = len(encoded)
    for what, seq in (("names", names), ("titles", titles)):
        if seq is not None and len(seq) != count:
            raise ArgumentError(f"{len(seq)} {what} for {count} articles")
    text_arr = _pointer_array(encoded)
    lens = (c_size_t * max(count, 1))(*[len(t) for t in encoded])
    name_arr = (_pointer_array([None if n is None else _encode(n, "a name") for n in names])
                if names is not None else None)
    title_arr = (_pointer_array([None if t is None else _encode(t, "a title") for t in titles])
                 if titles is not None else None)
    id_bytes = None if id is None else _encode(id, "id")
    out = ctypes.POINTER(PrecisSummary)()
    json_ptr = c_void_p()
    err = PrecisError()
    status = lib.precis_engine_summarize_texts(
        engine(), settings.handle, id_bytes, text_arr, lens, name_arr, title_arr, count,
        byref(out), byref(json_ptr), byref(err))
    try:
        check(status, err)
        json_bytes = _lib.take_string(json_ptr.value)
        json_ptr = c_void_p()
        shown = [str(i) if names is None or names[i] is None else str(names[i])
                 for i in range(count)]
        return _summary_from_c(out.contents, shown, id, json_bytes)
    finally:
        if json_ptr.value:
            lib.precis_string_free(json_ptr.value)
        lib.precis_summary_free(out)


def summarize(texts: Sequence[Text], *, words: Optional[int] = None,
              bytes: Optional[int] = None, sentences: Optional[int] = None,
              truncate: Optional[bool] = None, method: Optional[str] = None,
              seed: Optional[int] = None, markup: Optional[str] = None,
              drop_datelines: Optional[bool] = None, diagnostics: Optional[bool] = None,
              settings: Optional[Mapping[str, SettingValue]] = None,
              names: Optional[Sequence[Optional[str]]] = None,
              titles: Optional[Sequence[Optional[str]]] = None,
              id: Optional[str] = None, collapse_copies: Optional[bool] = None) -> Summary:
    """Summarize a cluster of news articles about one event.

    Args:
        texts: the articles' texts (str, or bytes taken as they are).
        words, bytes, sentences: the budget, one of them (default 100 words).
        truncate: cut the last sentence to fill a words or bytes budget exactly.
        method: "default", "centroid", "lexrank", "learned", "concepts", "ilp",
            "lead", "lead-first" or "random".
        seed: seed of the "random" baseline.
        markup: "plain" (default) or "sgml" (only DUC/TAC <TEXT> parts).
        drop_datelines: drop an article's leading dateline (default True).
        diagnostics: fill :attr:`Summary.readability` (and the JSON's).
        settings: tuning knobs by name, as ``precis summarize --set KEY=VALUE``
            (e.g. ``{"redundancy": 0.5, "learned_weight": 2}``).
        names: the articles' names, shown in results and JSON ("0", "1", ...
            when None).
        titles: the articles' titles: attribution carried by each sentence in
            the JSON, never summarized.
        id: the cluster's id, written into the JSON.
        collapse_copies: an article that is a near copy of another (a
            syndicated reprint) gives no sentence; :attr:`Summary.articles`
            and a warning name it (libprecis 0.4.0 or later).

    Returns:
        A :class:`Summary`; ``summary.to_json()`` is the line ``precis
        summarize --json`` prints for the same articles.

    Raises:
        ArgumentError: an unknown option or a value out of range.
        EmptyError: no article has any text.
        BinaryError: an article looks like a binary file.

    The model is loaded once per process and shared; calls from several
    threads run in parallel (the GIL is released during the C work).

    Example:
        >>> s = summarize([article1, article2], words=60)
        >>> for sent in s.sentences:
        ...     print(sent.name, sent.start, sent.end, sent.text)
    """
    if (words is None and bytes is None and sentences is None and truncate is None
            and method is None and seed is None and markup is None and drop_datelines is None
            and diagnostics is None and collapse_copies is None and not settings):
        pairs: Tuple[Tuple[str, str], ...] = ()
    else:
        pairs = settings_pairs(words=words, bytes=bytes, sentences=sentences,
                               truncate=truncate, method=method, seed=seed, markup=markup,
                               drop_datelines=drop_datelines, diagnostics=diagnostics,
                               settings=settings, collapse_copies=collapse_copies)
    shared = cached_settings(pairs)
    if shared is not None:
        return summarize_with(shared, texts, names=names, titles=titles, id=id)
    with Settings(pairs) as built:
        return summarize_with(built, texts, names=names, titles=titles, id=id)


# ---- clusters as JSON lines ---------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """One cluster as the library reads a JSON line of a batch.

    Attributes:
        id: the line's "id" (a number becomes its decimal string), or None.
        texts: the articles, with Multi-News's NEWLINE_CHAR turned into a line
            break padded with spaces (offsets still index the JSON string).
        names: the articles' names ("0", "1", ...).
        references: reference summaries ("summary"/"summaries"), one
            sentence per line.
    """

    id: Optional[str]
    texts: Tuple[str, ...]
    names: Tuple[str, ...]
    references: Tuple[str, ...] = ()


def _parse(line: Text, source: str, line_number: int):
    raw = _encode(line, "a JSON line")
    out = ctypes.POINTER(PrecisCluster)()
    err = PrecisError()
    status = lib.precis_cluster_parse_json(raw, len(raw), source.encode("utf-8"),
                                           line_number, byref(out), byref(err))
    check(status, err)
    return out


def parse_cluster(line: Text, *, source: str = "", line_number: int = 0) -> Cluster:
    """Reads one JSON line of a batch as ``precis summarize`` does.

    Accepts Multi-News's ``{"id", "document", "summary"?}`` (articles joined by
    "|||||") and ``{"id", "documents": [...], "summaries"?: [...]}``.  Raises
    :class:`FormatError` (naming ``source`` and ``line_number``) on a bad line.
    """
    cp = _parse(line, source, line_number)
    try:
        c = cp.contents
        texts = tuple(ctypes.string_at(c.articles[i].text, c.articles[i].len)
                      .decode("utf-8", "surrogateescape") for i in range(c.count))
        names = tuple((c.articles[i].name or b"").decode("utf-8", "surrogateescape")
                      for i in range(c.count))
        refs = tuple(c.references[i].decode("utf-8", "surrogateescape")
                     for i in range(c.nreferences))
        cid = c.id.decode("utf-8", "surrogateescape") if c.id is not None else None
        return Cluster(id=cid, texts=texts, names=names, references=refs)
    finally:
        lib.precis_cluster_free(cp)


def summarize_line_json(settings: Settings, line: bytes, source: str = "",
                        line_number: int = 0) -> bytes:
    """One JSON line of a batch to its output line (without newline), as
    ``precis summarize --input-format jsonl`` writes it: the library parses
    the line and its articles go to the engine without a copy."""
    cp = _parse(line, source, line_number)
    try:
        c = cp.contents
        n = c.count
        texts = (c_void_p * max(n, 1))(*[c.articles[i].text for i in range(n)])
        lens = (c_size_t * max(n, 1))(*[c.articles[i].len for i in range(n)])
        names = (c_char_p * max(n, 1))(*[c.articles[i].name for i in range(n)])
        json_ptr = c_void_p()
        err = PrecisError()
        cid = c.id if c.id is not None else b""
        status = lib.precis_engine_summarize_texts(
            engine(), settings.handle, cid, texts, lens, names, None, n, None,
            byref(json_ptr), byref(err))
        if status != 0 and source:
            # name the cluster as the command does: "cluster ID: message"
            message = err.message.decode("utf-8", "replace")
            err.message = f"cluster {cid.decode('utf-8', 'replace')[:64]}: {message}" \
                .encode("utf-8")[:511]
            err.source = source.encode("utf-8")[:255]
            err.line = line_number
        check(status, err)
        return _lib.take_string(json_ptr.value)
    finally:
        lib.precis_cluster_free(cp)
