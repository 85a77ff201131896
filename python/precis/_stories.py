"""Near-duplicates and stories: ``precis dedup`` and ``precis cluster`` in Python.

Design: both functions drive the library's stream objects
(include/precis_stories.h) the way the commands do, and copy the results into
frozen dataclasses before freeing them.

* :func:`dedup` adds every text to a ``precis_dedup`` in order and reads the
  groups of ``precis_dedup_find``; the package keeps the ids (the library
  keeps only signatures), as ``precis dedup`` does.
* :func:`cluster` adds each article to a ``precis_stories`` with its time;
  with a window, the stories that the latest date made quiet are flushed as
  it goes, then every live story at the end: the order of stories is the
  order ``precis cluster`` writes them.  Each story keeps the library's JSON
  (``precis_story_to_json``) for :meth:`Story.to_json`.

Articles are given as plain strings (their id is then their index), as
:class:`Article`, or as mappings with the JSON line's keys ``id``, ``text``,
``title``, ``date``.
"""


import ctypes
import datetime as _dt
import math
import warnings as _warnings
from ctypes import byref, c_double, c_uint64, c_void_p
from dataclasses import dataclass, field
from typing import Iterable, List, Mapping, Optional, Tuple, Union

from . import _lib
from ._errors import ArgumentError, FormatError, check
from ._lib import DedupGroups, DedupOptions, PrecisError, StoriesOptions, StoryList, lib

Date = Union[str, float, int, _dt.datetime, None]


@dataclass(frozen=True)
class Article:
    """One article of a stream.

    Attributes:
        text: the article's text.
        id: its id (unique in a stream); None: its index in the input.
        title: its title (weighted in story clustering), or None.
        date: when it was published: an ISO 8601 string ("2024-05-01",
            "2024-05-01T13:45:00Z"), a datetime (naive means UTC), or seconds
            since 1970; None when unknown.
    """

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    date: Date = None


ArticleLike = Union[str, Article, Mapping[str, object]]


def _articles(items: Iterable[ArticleLike]) -> List[Article]:
    out = []
    for i, item in enumerate(items):
        if isinstance(item, Article):
            a = item
        elif isinstance(item, str):
            a = Article(text=item)
        elif isinstance(item, Mapping):
            unknown = set(item) - {"id", "text", "title", "date"}
            if "text" not in item:
                raise ArgumentError(f"article {i} has no \"text\"")
            if unknown:
                raise ArgumentError(f"article {i}: unknown keys {sorted(unknown)}")
            a = Article(text=item["text"], id=item.get("id"),  # type: ignore[arg-type]
                        title=item.get("title"), date=item.get("date"))  # type: ignore[arg-type]
        else:
            raise TypeError(f"article {i} is a str, an Article or a mapping, "
                            f"not {type(item).__name__}")
        if not isinstance(a.text, str):
            raise TypeError(f"article {i}: text is a str, not {type(a.text).__name__}")
        ident = str(i) if a.id is None else str(a.id)
        if not ident:
            raise ArgumentError(f"article {i} has an empty id")
        out.append(Article(text=a.text, id=ident, title=a.title, date=a.date))
    return out


def _seconds(date: Date, what: str) -> float:
    if date is None:
        return math.nan
    if isinstance(date, _dt.datetime):
        if date.tzinfo is None:
            date = date.replace(tzinfo=_dt.timezone.utc)
        return date.timestamp()
    if isinstance(date, (int, float)) and not isinstance(date, bool):
        return float(date)
    if isinstance(date, str):
        out = c_double()
        err = PrecisError()
        status = lib.precis_parse_time(date.encode("utf-8"), byref(out), byref(err))
        if status != 0:
            raise FormatError(f"{what}: {err.message.decode('utf-8', 'replace')}",
                              status=status)
        return out.value
    raise TypeError(f"{what}: a date is an ISO 8601 str, a datetime or seconds")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


# ---- near-duplicates ---------------------------------------------------------


@dataclass(frozen=True)
class DuplicateGroup:
    """A group of copies of one text.

    Attributes:
        number: the group's number (1-based, counting every group, singletons
            included, as ``precis dedup`` numbers them).
        members: the member ids, in input order.
        representative: the id of the member with the most shingles (the
            original a trimmed reprint was cut from).
        similarities: each member's similarity to the representative (the
            larger of Jaccard and containment; 1 for the representative).
    """

    number: int
    members: Tuple[str, ...]
    representative: str
    similarities: Tuple[float, ...]


@dataclass(frozen=True)
class Dedup:
    """The result of :func:`dedup`: every article in exactly one group.

    Attributes:
        groups: all groups, singletons included, in the order of their first
            member (``precis dedup --all``).
        group_of: each article id's group number.
        pairs_checked: candidate pairs verified.
        pairs_found: pairs at or above the threshold.
    """

    groups: Tuple[DuplicateGroup, ...]
    group_of: Mapping[str, int] = field(repr=False)
    pairs_checked: int = 0
    pairs_found: int = 0

    @property
    def copies(self) -> Tuple[DuplicateGroup, ...]:
        """The groups of two or more copies (``precis dedup`` without --all)."""
        return tuple(g for g in self.groups if len(g.members) > 1)


def dedup(articles: Iterable[ArticleLike], *, threshold: Optional[float] = None,
          shingle: Optional[int] = None, hashes: Optional[int] = None,
          bands: Optional[int] = None, exact: bool = False,
          seed: Optional[int] = None) -> Dedup:
    """Finds near-duplicate articles (syndicated copies, trimmed reprints).

    MinHash signatures over word shingles, LSH banding, every candidate pair
    verified, copies joined transitively: the groups ``precis dedup`` prints.

    Args:
        articles: texts (ids are then their indexes), :class:`Article`, or
            mappings {"id", "text", ...}.
        threshold: similarity to call two articles copies (default 0.5).
        shingle: words per shingle (default 5).
        hashes: MinHash values per article (default 128).
        bands: LSH bands, dividing ``hashes`` (default 64).
        exact: compare every pair on the exact shingle sets (quadratic).
        seed: seed of the hash functions (default 1).

    Returns:
        A :class:`Dedup`; ``result.copies`` are the groups of two or more.

    Raises:
        ArgumentError: options out of range.
    """
    items = _articles(articles)
    opt = DedupOptions()
    lib.precis_dedup_options_init_sized(byref(opt), ctypes.sizeof(opt))
    for name, value in (("shingle", shingle), ("hashes", hashes), ("bands", bands)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value < 2**32:
                raise ArgumentError(f"{name} needs a whole number of 1 or more, not {value!r}")
            setattr(opt, name, value)
    if threshold is not None:
        opt.threshold = float(threshold)
    if seed is not None:
        opt.seed = int(seed)
    opt.exact = 1 if exact else 0
    err = PrecisError()
    handle = c_void_p()
    check(lib.precis_dedup_new(byref(opt), byref(handle), byref(err)), err)
    groups_ptr = ctypes.POINTER(DedupGroups)()
    try:
        for a in items:
            raw = _utf8(a.text)
            check(lib.precis_dedup_add(handle, raw, len(raw), None, byref(err)), err)
        check(lib.precis_dedup_find(handle, byref(groups_ptr), byref(err)), err)
        g = groups_ptr.contents
        ids = [a.id for a in items]
        groups = []
        for k in range(g.count):
            grp = g.groups[k]
            members = [grp.members[m] for m in range(grp.count)]
            groups.append(DuplicateGroup(
                number=k + 1, members=tuple(ids[m.index] for m in members),
                representative=ids[grp.representative],
                similarities=tuple(float(m.similarity) for m in members)))
        group_of = {ids[i]: int(g.group_of[i]) + 1 for i in range(g.texts)}
        return Dedup(groups=tuple(groups), group_of=group_of,
                     pairs_checked=int(g.pairs_checked), pairs_found=int(g.pairs_found))
    finally:
        lib.precis_dedup_groups_free(groups_ptr)
        lib.precis_dedup_free(handle)


# ---- stories -----------------------------------------------------------------------


def _time(seconds: float) -> Optional[_dt.datetime]:
    if math.isnan(seconds):
        return None
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)


@dataclass(frozen=True)
class Story:
    """A story: articles about one event.

    Attributes:
        number: the story's number (from 1, in the order stories opened).
        articles: its article ids, in the order they came.
        first_seen, last_seen: the dates of its first and last article (UTC),
            None when the articles had no dates.
    """

    number: int
    articles: Tuple[str, ...]
    first_seen: Optional[_dt.datetime]
    last_seen: Optional[_dt.datetime]
    json_bytes: bytes = field(default=b"", repr=False)

    def to_json(self) -> str:
        """The story as the line ``precis cluster`` prints (no newline)."""
        return self.json_bytes.decode("utf-8", "surrogateescape")


def _flush(handle: c_void_p, now: float, everything: bool, into: List[Story]) -> None:
    err = PrecisError()
    lst = ctypes.POINTER(StoryList)()
    check(lib.precis_stories_flush(handle, now, 1 if everything else 0, byref(lst),
                                   byref(err)), err)
    try:
        sl = lst.contents
        if sl.warnings:
            for w in sl.warnings.decode("utf-8", "replace").splitlines():
                _warnings.warn(f"precis.cluster: {w}", RuntimeWarning, stacklevel=3)
        for k in range(sl.count):
            s = sl.stories[k]
            out = c_void_p()
            check(lib.precis_story_to_json(ctypes.pointer(s), byref(out), byref(err)), err)
            into.append(Story(
                number=int(s.id),
                articles=tuple(s.articles[i].decode("utf-8", "surrogateescape")
                               for i in range(s.count)),
                first_seen=_time(s.first_seen), last_seen=_time(s.last_seen),
                json_bytes=_lib.take_string(out.value)))
    finally:
        lib.precis_story_list_free(lst)


def cluster(articles: Iterable[ArticleLike], *, threshold: Optional[float] = None,
            merge: Optional[float] = None,
            window: Union[float, _dt.timedelta, None] = None,
            max_live: Optional[int] = None, title_weight: Optional[float] = None,
            allow_duplicate_ids: bool = False) -> List[Story]:
    """Groups a stream of articles into stories, as ``precis cluster`` does.

    Each article joins the most similar live story at or above the threshold,
    or opens a new one.

    Args:
        articles: texts (ids are then their indexes), :class:`Article`, or
            mappings {"id", "text", "title"?, "date"?}, in stream order.
        threshold: cosine to join a story (default 0.25).
        merge: when stories are flushed, one whose centroid has this cosine
            with another live story's joins it (1: never).
        window: seconds (or a timedelta) a story stays live after its last
            article; needs dates.  Stories then come in the order they go
            quiet.
        max_live: most live stories (default 200,000).
        title_weight: weight of title words (default 2).
        allow_duplicate_ids: accept an id twice (else :class:`FormatError`).

    Returns:
        The stories (:class:`Story`), every article in exactly one.
    """
    items = _articles(articles)
    opt = StoriesOptions()
    lib.precis_stories_options_init_sized(byref(opt), ctypes.sizeof(opt))
    for name, value, low, high in (("threshold", threshold, 0.0, 1.0),
                                   ("merge_threshold", merge, 0.0, 1.0)):
        if value is not None:
            if not (low < float(value) <= high):
                label = "merge" if name == "merge_threshold" else name
                raise ArgumentError(f"{label} needs a number above 0 and at most 1, "
                                    f"not {value!r}")
            setattr(opt, name, float(value))
    if window is not None:
        seconds = window.total_seconds() if isinstance(window, _dt.timedelta) else float(window)
        if not seconds >= 0:
            raise ArgumentError(f"window needs a duration of 0 seconds or more, not {window!r}")
        opt.window = seconds
    if max_live is not None:
        if isinstance(max_live, bool) or not isinstance(max_live, int) or max_live <= 0:
            raise ArgumentError(f"max_live needs a whole number of 1 or more, not {max_live!r}")
        opt.max_live = max_live
    if title_weight is not None:
        if not float(title_weight) >= 0:
            raise ArgumentError(f"title_weight needs a number of 0 or more, "
                                f"not {title_weight!r}")
        opt.title_weight = float(title_weight)
    times = [_seconds(a.date, f"article {a.id}") for a in items]
    if not allow_duplicate_ids:
        seen = {}
        for i, a in enumerate(items):
            if a.id in seen:
                raise FormatError(f"duplicate id '{a.id}' (articles {seen[a.id]} and {i}); "
                                  "allow_duplicate_ids=True accepts it")
            seen[a.id] = i
    err = PrecisError()
    model = c_void_p()
    check(lib.precis_model_new(byref(model), byref(err)), err)
    handle = c_void_p()
    stories: List[Story] = []
    try:
        check(lib.precis_stories_new(model, byref(opt), byref(handle), byref(err)), err)
        latest = math.nan
        for a, t in zip(items, times):
            raw = _utf8(a.text)
            title = None if a.title is None else _utf8(a.title)
            story = c_uint64()
            check(lib.precis_stories_add(handle, _utf8(a.id), title, raw, len(raw), t,
                                         byref(story), byref(err)), err)
            if not math.isnan(t) and (math.isnan(latest) or t > latest):
                latest = t
                _flush(handle, latest, False, stories)
        _flush(handle, math.nan, True, stories)
        return stories
    finally:
        lib.precis_stories_free(handle)
        lib.precis_model_free(model)
