"""Loading libprecis.so and declaring the C API that the package calls.

Design: one module owns every ctypes detail, so that the rest of the package
reads like Python.  It finds the shared library once, in this order:

1. the path in the environment variable ``PRECIS_LIBRARY``;
2. the copy bundled into the package when it was installed from the source
   tree (``precis/_native/libprecis.so.0``, see ``_build/precis_build.py``);
3. the source tree itself, when the package is imported from ``python/``
   next to a built ``build/release/libprecis.so.0``;
4. ``pkg-config --variable=libdir precis`` (after ``make install``);
5. the dynamic loader's own search (``libprecis.so.0``).

It then declares the structures and prototypes of the headers that the
package uses (include/precis.h, precis_eval.h, precis_stories.h, precis_io.h)
with their exact C layouts.  Option structs are sized: they are initialised
by the library's ``*_init_sized`` with ``ctypes.sizeof`` of the layout
declared here, so a later library with longer structs reads only what this
module declares.  ``precis_summary`` may grow at its end: it is only read
through the pointer the library returns.

Calls go through ``ctypes.CDLL``, which releases the GIL for the duration of
each foreign call, so summaries computed in several Python threads run in
parallel in C.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_double,
    c_int,
    c_long,
    c_size_t,
    c_uint,
    c_uint64,
    c_void_p,
)
from pathlib import Path
from typing import List, Optional

#: The oldest library this package works with: the engine and the settings
#: of the one-call entry appeared in 0.3.0 (precis_version_number() == 300).
MIN_VERSION_NUMBER = 300
SONAME = "libprecis.so.0"


# ---- structures (layouts of the public headers) ------------------------


class PrecisError(Structure):
    """``precis_error`` (frozen layout)."""

    _fields_ = [
        ("status", c_int),
        ("line", c_long),
        ("source", c_char * 256),
        ("message", c_char * 512),
        ("where", c_char_p),
    ]


class PrecisPick(Structure):
    """``precis_pick`` (frozen layout): one chosen sentence."""

    _fields_ = [
        ("article", c_size_t),
        ("sentence", c_size_t),
        ("start", c_size_t),
        ("end", c_size_t),
        ("score", c_double),
        ("text", c_char_p),
    ]


class PrecisReadability(Structure):
    """``precis_readability`` as of 0.3.0 (read through the summary)."""

    _fields_ = [
        ("sentences", c_size_t),
        ("quote_shards", c_size_t),
        ("unintroduced", c_size_t),
        ("chrome", c_size_t),
        ("datelines", c_size_t),
        ("dangling", c_size_t),
        ("top_article", c_size_t),
        ("articles_used", c_size_t),
        ("opens_badly", c_int),
    ]


class PrecisArticleNote(Structure):
    """``precis_article_note`` (frozen layout, 0.4.0): what became of an article."""

    _fields_ = [("status", c_int), ("copy_of", c_size_t), ("similarity", c_double)]


class PrecisSummary(Structure):
    """The 0.3.0 prefix of ``precis_summary``; later fields are never read."""

    _fields_ = [
        ("count", c_size_t),
        ("picks", POINTER(PrecisPick)),
        ("words", c_size_t),
        ("sentences_seen", c_size_t),
        ("warnings", c_char_p),
        ("has_readability", c_int),
        ("readability", PrecisReadability),
    ]


class PrecisSummary040(Structure):
    """``precis_summary`` as 0.4.0 extends it: the article notes.  Read only
    when the loaded library is 0.4.0 or later (version_number >= 400)."""

    _fields_ = PrecisSummary._fields_ + [
        ("narticles", c_size_t),
        ("articles", POINTER(PrecisArticleNote)),
    ]


class PrecisArticle(Structure):
    """``precis_article``: texts may hold NUL bytes, so they stay pointers."""

    _fields_ = [("name", c_char_p), ("text", c_void_p), ("len", c_size_t)]


class PrecisCluster(Structure):
    """``precis_cluster``, as ``precis_cluster_parse_json`` fills it."""

    _fields_ = [
        ("id", c_char_p),
        ("articles", POINTER(PrecisArticle)),
        ("count", c_size_t),
        ("markup", c_int),
        ("references", POINTER(c_char_p)),
        ("nreferences", c_size_t),
        ("warnings", c_char_p),
    ]


class RougeOptions(Structure):
    """``precis_rouge_options`` (sized)."""

    _fields_ = [
        ("size", c_size_t),
        ("stem", c_int),
        ("remove_stopwords", c_int),
        ("word_limit", c_long),
        ("byte_limit", c_long),
        ("max_skip", c_int),
        ("alpha", c_double),
        ("best_reference", c_int),
        ("confidence", c_int),
        ("resamples", c_int),
    ]


class RougeMetricScore(Structure):
    """``precis_rouge_metric_score`` (frozen layout)."""

    _fields_ = [
        ("r", c_double),
        ("p", c_double),
        ("f", c_double),
        ("hits", c_long),
        ("ref_count", c_long),
        ("sys_count", c_long),
    ]


ROUGE_METRIC_COUNT = 4


class RougeResult(Structure):
    """``precis_rouge_result`` (frozen layout): metrics by precis_rouge_metric."""

    _fields_ = [("metric", RougeMetricScore * ROUGE_METRIC_COUNT)]


class DedupOptions(Structure):
    """``precis_dedup_options`` (sized)."""

    _fields_ = [
        ("size", c_size_t),
        ("shingle", c_uint),
        ("hashes", c_uint),
        ("bands", c_uint),
        ("threshold", c_double),
        ("exact", c_int),
        ("seed", c_uint64),
    ]


class DedupMember(Structure):
    _fields_ = [("index", c_size_t), ("similarity", c_double)]


class DedupGroup(Structure):
    _fields_ = [
        ("representative", c_size_t),
        ("count", c_size_t),
        ("members", POINTER(DedupMember)),
    ]


class DedupGroups(Structure):
    _fields_ = [
        ("count", c_size_t),
        ("groups", POINTER(DedupGroup)),
        ("group_of", POINTER(c_size_t)),
        ("texts", c_size_t),
        ("pairs_checked", c_size_t),
        ("pairs_found", c_size_t),
    ]


class StoriesOptions(Structure):
    """``precis_stories_options`` (sized)."""

    _fields_ = [
        ("size", c_size_t),
        ("threshold", c_double),
        ("window", c_double),
        ("max_live", c_size_t),
        ("terms", c_uint),
        ("story_terms", c_uint),
        ("title_weight", c_double),
        ("merge_threshold", c_double),
    ]


class Story(Structure):
    _fields_ = [
        ("id", c_uint64),
        ("count", c_size_t),
        ("articles", POINTER(c_char_p)),
        ("first_seen", c_double),
        ("last_seen", c_double),
    ]


class StoryList(Structure):
    _fields_ = [
        ("count", c_size_t),
        ("stories", POINTER(Story)),
        ("warnings", c_char_p),
    ]


# ---- finding the library --------------------------------------------------


def _candidates() -> List[str]:
    """Paths (or loader names) to try, in the order of the module comment."""
    found: List[str] = []
    env = os.environ.get("PRECIS_LIBRARY")
    if env:
        return [env]  # an explicit choice is never second-guessed
    here = Path(__file__).resolve().parent
    found.append(str(here / "_native" / SONAME))
    found.append(str(here.parent.parent / "build" / "release" / SONAME))
    if shutil.which("pkg-config"):
        try:
            libdir = subprocess.run(
                ["pkg-config", "--variable=libdir", "precis"],
                capture_output=True, text=True, timeout=10, check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            libdir = ""
        if libdir:
            found.append(os.path.join(libdir, SONAME))
    found.append(SONAME)
    return found


def _load() -> ctypes.CDLL:
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(f"{path} (absent)")
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            tried.append(f"{path} ({exc})")
    raise ImportError(
        "precis: cannot load libprecis.so.0; set PRECIS_LIBRARY to its path, "
        "install it with `make install` (pkg-config precis), or install this "
        "package from a built source tree. Tried: " + "; ".join(tried)
    )


lib = _load()
#: The file the library was loaded from (for diagnostics).
library_path: Optional[str] = getattr(lib, "_name", None)


def _declare(name: str, restype, *argtypes) -> None:
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)


E = POINTER(PrecisError)
PP = POINTER  # for brevity below

# precis.h
_declare("precis_version", c_char_p)
_declare("precis_version_number", c_int)
_declare("precis_status_name", c_char_p, c_int)
_declare("precis_settings_new", c_int, PP(c_void_p), E)
_declare("precis_settings_free", None, c_void_p)
_declare("precis_settings_set", c_int, c_void_p, c_char_p, c_char_p, E)
_declare("precis_engine_new", c_int, PP(c_void_p), E)
_declare("precis_engine_free", None, c_void_p)
_declare(
    "precis_engine_summarize_texts", c_int,
    c_void_p,            # engine
    c_void_p,            # settings
    c_char_p,            # id
    c_void_p,            # const char *const *texts
    c_void_p,            # const size_t *lens
    c_void_p,            # const char *const *names
    c_void_p,            # const char *const *titles
    c_size_t,            # count
    PP(PP(PrecisSummary)),
    PP(c_void_p),        # char **json (c_void_p: freed by precis_string_free)
    E,
)
_declare("precis_summary_free", None, PP(PrecisSummary))
_declare("precis_string_free", None, c_void_p)
_declare("precis_cluster_free", None, PP(PrecisCluster))

# precis_io.h
_declare("precis_cluster_parse_json", c_int, c_char_p, c_size_t, c_char_p, c_long,
         PP(PP(PrecisCluster)), E)

# precis_eval.h
_declare("precis_rouge_options_init_sized", None, PP(RougeOptions), c_size_t)
_declare("precis_rouge_options_parse", c_int, c_char_p, PP(RougeOptions), E)
_declare("precis_rouge_new", c_int, PP(RougeOptions), PP(c_void_p), E)
_declare("precis_rouge_free", None, c_void_p)
_declare("precis_eval_score_texts", c_int, c_void_p, c_char_p, c_void_p, c_size_t,
         PP(RougeResult), E)

# precis_stories.h
_declare("precis_dedup_options_init_sized", None, PP(DedupOptions), c_size_t)
_declare("precis_dedup_new", c_int, PP(DedupOptions), PP(c_void_p), E)
_declare("precis_dedup_free", None, c_void_p)
_declare("precis_dedup_add", c_int, c_void_p, c_char_p, c_size_t, PP(c_size_t), E)
_declare("precis_dedup_find", c_int, c_void_p, PP(PP(DedupGroups)), E)
_declare("precis_dedup_groups_free", None, PP(DedupGroups))
_declare("precis_stories_options_init_sized", None, PP(StoriesOptions), c_size_t)
_declare("precis_model_new", c_int, PP(c_void_p), E)
_declare("precis_model_free", None, c_void_p)
_declare("precis_stories_new", c_int, c_void_p, PP(StoriesOptions), PP(c_void_p), E)
_declare("precis_stories_free", None, c_void_p)
_declare("precis_stories_add", c_int, c_void_p, c_char_p, c_char_p, c_char_p, c_size_t,
         c_double, PP(c_uint64), E)
_declare("precis_stories_flush", c_int, c_void_p, c_double, c_int, PP(PP(StoryList)), E)
_declare("precis_story_list_free", None, PP(StoryList))
_declare("precis_story_to_json", c_int, PP(Story), PP(c_void_p), E)
_declare("precis_parse_time", c_int, c_char_p, PP(c_double), E)

version_number: int = lib.precis_version_number()
version: str = lib.precis_version().decode("ascii")
if version_number < MIN_VERSION_NUMBER:
    raise ImportError(
        f"precis: {library_path} is libprecis {version}; this package needs 0.3.0 or later"
    )


def take_string(ptr: Optional[int]) -> bytes:
    """The bytes of a library-owned C string, which is then freed."""
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr)
    finally:
        lib.precis_string_free(ptr)


__all__ = ["lib", "library_path", "version", "version_number", "take_string"]
