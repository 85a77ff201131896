"""ROUGE-1.5.5 scores of one system summary, as ``precis rouge`` computes them.

Design: a thin call into the library's evaluation API (include/precis_eval.h).
Options start from ``precis_rouge_options_init_sized`` (ROUGE's defaults:
-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0), then a ROUGE flag string if
given (``precis_rouge_options_parse``, the library's parser), then the
keyword arguments, in the order ``precis rouge --flags ... -m -s -l -b``
applies them.  The texts go through ``precis_eval_score_texts``, which splits
lines as ROUGE-1.5.5 reads a summary file, exactly as ``precis rouge`` scores
its items; for one item ROUGE's bootstrap average is the item's own figure, so
the numbers are those ``precis rouge SYSTEM REF...`` prints.  A scorer is made
per call (it is not for two threads at once).
"""


import builtins
import ctypes
from ctypes import byref, c_char_p, c_void_p
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Union

from ._errors import ArgumentError, check
from ._lib import PrecisError, RougeOptions, RougeResult, lib

#: A summary: one text with one sentence per line, or a list of sentences.
SummaryText = Union[str, Sequence[str]]

METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4")


@dataclass(frozen=True)
class RougeScore:
    """One metric's figures for a system summary.

    Attributes:
        recall, precision, f: in 0..1, rounded to 5 decimals as ROUGE prints
            them (F is computed from the rounded recall and precision).
        hits: clipped matches, summed over the references.
        ref_count: grams of the references (recall's denominator).
        sys_count: grams of the system, once per reference (precision's).
    """

    recall: float
    precision: float
    f: float
    hits: int
    ref_count: int
    sys_count: int


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 of one system summary.

    ``scores["ROUGE-2"]`` is ``scores.rouge_2``.
    """

    rouge_1: RougeScore
    rouge_2: RougeScore
    rouge_l: RougeScore
    rouge_su4: RougeScore

    def __getitem__(self, metric: str) -> RougeScore:
        try:
            return self.as_dict()[metric]
        except KeyError:
            raise KeyError(f"{metric!r}: the metrics are {', '.join(METRICS)}") from None

    def as_dict(self) -> Dict[str, RougeScore]:
        """The scores by ROUGE's metric names ("ROUGE-1", ...)."""
        return dict(zip(METRICS, (self.rouge_1, self.rouge_2, self.rouge_l, self.rouge_su4)))


def _as_lines(summary: SummaryText, what: str) -> bytes:
    if isinstance(summary, str):
        return summary.encode("utf-8", "surrogateescape")
    if isinstance(summary, bytes):
        return summary
    try:
        sentences = list(summary)
    except TypeError:
        raise TypeError(f"{what} is a str or a list of sentences") from None
    for s in sentences:
        if not isinstance(s, str):
            raise TypeError(f"{what}: a sentence is a str, not {type(s).__name__}")
    return "\n".join(sentences).encode("utf-8", "surrogateescape")


def rouge_options(*, stem: bool = False, remove_stopwords: bool = False,
                  words: Optional[int] = None, bytes: Optional[int] = None,
                  flags: Optional[str] = None) -> RougeOptions:
    """The ``precis_rouge_options`` for these arguments (see :func:`rouge`)."""
    opt = RougeOptions()
    lib.precis_rouge_options_init_sized(byref(opt), ctypes.sizeof(opt))
    if flags is not None:
        err = PrecisError()
        check(lib.precis_rouge_options_parse(flags.encode("utf-8"), byref(opt), byref(err)),
              err)
    if words is not None and bytes is not None:
        raise ArgumentError("give words or bytes, not both")
    for name, value in (("words", words), ("bytes", bytes)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value <= 0):
            raise ArgumentError(f"{name} needs a whole number of 1 or more, not {value!r}")
    if stem:
        opt.stem = 1
    if remove_stopwords:
        opt.remove_stopwords = 1
    if words is not None:
        opt.word_limit, opt.byte_limit = words, 0
    if bytes is not None:
        opt.byte_limit, opt.word_limit = bytes, 0
    return opt


def rouge(system: SummaryText, references: Sequence[SummaryText], *, stem: bool = False,
          remove_stopwords: bool = False, words: Optional[int] = None,
          bytes: Optional[int] = None, flags: Optional[str] = None) -> RougeScores:
    """ROUGE-1.5.5 scores of a system summary against reference summaries.

    The numbers are those ``precis rouge`` (and the Perl ROUGE-1.5.5 with
    ``-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0``) prints for this one pair.

    Args:
        system: the system summary: a str with one sentence per line, or a
            list of sentences.  An empty one scores 0.
        references: one or more reference summaries, each like ``system``.
        stem: ROUGE's -m (WordNet exceptions, then Porter stemming).
        remove_stopwords: ROUGE's -s.
        words: ROUGE's -l N (the first N words of each summary).
        bytes: ROUGE's -b N (the first N bytes).
        flags: a ROUGE-1.5.5 flag string applied first, e.g. "-c 90 -f B".

    Returns:
        :class:`RougeScores`: recall, precision and F (and counts) for
        ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4.

    Raises:
        ArgumentError: no reference, bad flags or limits.
    """
    if isinstance(references, (str, builtins.bytes)):
        raise TypeError("references is a list of reference summaries")
    refs = [_as_lines(r, "a reference") for r in references]
    if not refs:
        raise ArgumentError("rouge needs at least one reference summary")
    sys_text = _as_lines(system, "system")
    opt = rouge_options(stem=stem, remove_stopwords=remove_stopwords, words=words,
                        bytes=bytes, flags=flags)
    err = PrecisError()
    scorer = c_void_p()
    check(lib.precis_rouge_new(byref(opt), byref(scorer), byref(err)), err)
    try:
        ref_arr = (c_char_p * len(refs))(*refs)
        result = RougeResult()
        check(lib.precis_eval_score_texts(scorer, sys_text, ref_arr, len(refs),
                                          byref(result), byref(err)), err)
    finally:
        lib.precis_rouge_free(scorer)
    scores = [RougeScore(recall=m.r, precision=m.p, f=m.f, hits=int(m.hits),
                         ref_count=int(m.ref_count), sys_count=int(m.sys_count))
              for m in result.metric]
    return RougeScores(*scores)
