"""precis: short, attributed summaries of clusters of news articles.

A thin binding over libprecis.so (the C library of the ``precis`` command):
the same summaries, byte for byte, with the model loaded once per process and
the GIL released while the library works, so threads scale.

    >>> import precis
    >>> s = precis.summarize([article1, article2], words=100)
    >>> for sent in s.sentences:
    ...     print(sent.text, sent.article, sent.start, sent.end, sent.score)
    >>> s.to_json()                      # what `precis summarize --json` prints
    >>> precis.rouge(system, [ref1, ref2], stem=True).rouge_2.recall
    >>> precis.dedup(articles).copies    # near-duplicate groups
    >>> precis.cluster(articles)         # stories

Batches on Dask: ``python3 -m precis.dask clusters.jsonl out.jsonl``.
Library errors are raised as subclasses of :class:`precis.Error`.

Design: this module only gathers the public names; each submodule opens with
its own design (``_lib`` the ctypes layer, ``_errors`` the exceptions,
``_summarize`` summaries, ``_rouge`` ROUGE, ``_stories`` dedup and stories,
``dask`` the batch on a Dask cluster).
"""

from ._errors import (
    ArgumentError,
    BinaryError,
    EmptyError,
    Error,
    FormatError,
    InputOutputError,
    InternalError,
    MismatchError,
    NoMemoryError,
    Status,
)
from ._lib import library_path
from ._lib import version as library_version
from ._rouge import RougeScore, RougeScores, rouge
from ._stories import Article, Dedup, DuplicateGroup, Story, cluster, dedup
from ._summarize import (
    ArticleNote,
    Cluster,
    Readability,
    Sentence,
    Summary,
    parse_cluster,
    summarize,
)

__version__ = "0.4.0"

__all__ = [
    "Article", "ArticleNote", "ArgumentError", "BinaryError", "Cluster", "Dedup", "DuplicateGroup",
    "EmptyError", "Error", "FormatError", "InputOutputError", "InternalError",
    "MismatchError", "NoMemoryError", "Readability", "RougeScore", "RougeScores",
    "Sentence", "Status", "Story", "Summary", "cluster", "dedup", "library_path",
    "library_version", "parse_cluster", "rouge", "summarize",
]

# Public objects present themselves as precis.X (help(), repr, pickling).
for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and not isinstance(_obj, str):
        try:
            _obj.__module__ = __name__
        except (AttributeError, TypeError):
            pass
del _name, _obj
