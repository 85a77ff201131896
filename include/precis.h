/*
 * precis.h: the core API of libprecis, all a summarizing program needs.
 *
 * precis turns a cluster of news articles about one event into a short,
 * non-redundant extractive summary whose every sentence points back to the
 * article and byte range it came from.
 *
 * The header reads in the order a user needs it:
 *   1. version and status codes, the error record
 *   2. options (a struct with its size, filled by precis_options_init)
 *   3. the model: read-only language data, shared by all threads
 *   4. the summarizer: per-thread working state, reused across clusters
 *   5. summaries: the result object and its free function
 *   6. clusters: articles as a reader returns them
 *   7. output: JSON and text renderings of a summary
 *   8. the one-call entry: texts in, a summary and its JSON out
 *
 * The other headers, by role, each including this one:
 *   precis_io.h     reading clusters from files, folders, streams and JSON
 *                   lines; a line reader (.gz, .xz); input-format detection
 *   precis_eval.h   evaluation: the ROUGE-1.5.5 scorer, the greedy oracle,
 *                   pairing system and reference summaries, rendering
 *   precis_train.h  training the learned scorers (EXPERIMENTAL)
 *
 * Return conventions, stated once: every call that can fail returns a
 * precis_status and fills the `precis_error *` it is given (NULL allowed);
 * objects and strings come out through an out-pointer, set to NULL on
 * failure (precis_model_new(&model, &err), precis_summary_to_json(..., &json,
 * &err)).  Calls that cannot fail return their value directly.
 *
 * Growth without breaking binaries, stated once.  A program built against
 * this header keeps working with a later libprecis.so.0:
 *   - Option structs (precis_options here, precis_rouge_options in
 *     precis_eval.h) open with `size_t size`, set by their init macro
 *     (precis_options_init(&o): the defaults, and size = sizeof o as the
 *     program was compiled).  Fields are only ever appended.  The library
 *     reads and writes only the first `size` bytes of a caller's struct and
 *     takes the defaults for fields past them, so an older program's
 *     smaller struct is read as it was meant.  Always initialise options
 *     with the macro (a size of 0 is refused with PRECIS_E_ARGUMENT); no
 *     call returns an options struct by value.
 *   - Frozen structs never change layout (precis_error, precis_pick,
 *     precis_rouge_result with precis_rouge_metric_score, and the ROUGE
 *     averages precis_rouge_interval, precis_rouge_metric_average,
 *     precis_rouge_average): new data would come through new accessor
 *     functions.
 *   - precis_summary is only ever allocated by the library: it may grow at
 *     its end; never declare one, only read it through the pointer.
 *   - Everything else is opaque (model, summarizer, settings, engine, line
 *     reader, ROUGE scorer, evaluation items and scores).
 *
 * Ownership, stated once: every object returned by a *_new or produced by a
 * call into an out-pointer is owned by the caller and released with its
 * matching *_free, which accepts NULL; strings with precis_string_free.  Input buffers are only borrowed for
 * the duration of a call.  The library never prints and keeps no global
 * mutable state: distinct summarizers may run in distinct threads at once,
 * sharing one model.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h> /* FILE: the stream readers of precis_io.h */

/*
 * Exports.  Every function of the public headers (this one and any other
 * under include/) is declared with PRECIS_API, and the library is compiled
 * with -fvisibility=hidden: the functions so marked, all named precis_*, are
 * the only symbols libprecis.so exports.  A function declared without it is
 * internal (still linkable from libprecis.a, which the command and the unit
 * tests use), so a new public declaration must carry it;
 * tests/install/test_install.sh checks that the exported symbols are
 * exactly the functions the installed headers declare.
 */
#ifndef PRECIS_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define PRECIS_API __attribute__((visibility("default")))
#else
#define PRECIS_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. Version, status codes, errors                                    */
/* ------------------------------------------------------------------ */

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 4
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.4.0"

/* MAJOR * 10000 + MINOR * 100 + PATCH (0.4.0 is 400), for #if tests. */
#define PRECIS_VERSION_NUMBER \
    (PRECIS_VERSION_MAJOR * 10000 + PRECIS_VERSION_MINOR * 100 + PRECIS_VERSION_PATCH)

/* Returns PRECIS_VERSION_STRING of the library actually linked. */
PRECIS_API const char *precis_version(void);
/* Returns PRECIS_VERSION_NUMBER of the library actually linked (a program
 * built against an older header may run with a newer libprecis.so.0). */
PRECIS_API int precis_version_number(void);

/* Status codes.  Values are stable: they never change once published. */
typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_E_NOMEM = 1,    /* an allocation failed */
    PRECIS_E_IO = 2,       /* a file could not be opened, read or written */
    PRECIS_E_FORMAT = 3,   /* malformed input: bad JSON line, bad SGML ... */
    PRECIS_E_EMPTY = 4,    /* no article text at all */
    PRECIS_E_BINARY = 5,   /* input looks like a binary file */
    PRECIS_E_ARGUMENT = 6, /* an option or argument is out of range */
    PRECIS_E_MISMATCH = 7, /* evaluation: system and reference items differ */
    PRECIS_E_INTERNAL = 8  /* a bug: please report it */
} precis_status;

/* One-line English name of a status code ("out of memory", ...). */
PRECIS_API const char *precis_status_name(precis_status status);

/*
 * The detail of a failure (FROZEN: this layout never changes; new detail
 * would come through new functions).  Every call that can fail takes a
 * `precis_error *` (NULL is allowed) and fills it when it returns anything
 * but PRECIS_OK.  `source` names the input (file name, cluster id), `line` is
 * 1-based or 0 when it does not apply, `where` is the C file:line that
 * detected the problem (for bug reports).
 */
typedef struct precis_error {
    precis_status status;
    long line;
    char source[256];
    char message[512];
    const char *where;
} precis_error;

/* ------------------------------------------------------------------ */
/* 2. Options                                                          */
/* ------------------------------------------------------------------ */

typedef enum precis_budget_unit {
    PRECIS_BUDGET_WORDS = 0,     /* whitespace-separated words */
    PRECIS_BUDGET_BYTES = 1,     /* bytes of the sentences, no separators */
    PRECIS_BUDGET_SENTENCES = 2  /* whole sentences */
} precis_budget_unit;

typedef enum precis_method {
    PRECIS_METHOD_DEFAULT = 0, /* centroid + LexRank + position + summary words
                                  + the learned scorer, MMR (docs/QUALITY.md) */
    PRECIS_METHOD_CENTROID = 1,
    PRECIS_METHOD_LEXRANK = 2,
    PRECIS_METHOD_LEAD = 3,       /* round robin: first sentences, second ... */
    PRECIS_METHOD_LEAD_FIRST = 4, /* the first article's sentences */
    PRECIS_METHOD_RANDOM = 5,     /* seeded random order */
    PRECIS_METHOD_LEARNED = 6,    /* logistic scorer trained on Multi-News */
    PRECIS_METHOD_CONCEPTS = 7,   /* bigram concept coverage (submodular) */
    PRECIS_METHOD_ILP = 8         /* bigram concept coverage, exact ILP (GLPK) */
} precis_method;

/* Options of a summarizer.  Initialise with precis_options_init (never by
 * hand or with = {0}): it sets `size` and the defaults.  New fields are
 * only ever appended; the library reads the first `size` bytes and takes
 * the defaults for the rest. */
typedef struct precis_options {
    size_t size;          /* sizeof the struct as the caller was compiled */
    precis_method method;
    precis_budget_unit budget_unit;
    size_t budget;        /* default 100 (words) */
    int truncate;         /* 1: cut the last sentence to fill the budget */
    double redundancy;    /* MMR trade-off in [0,1]; 0 ignores redundancy */
    double duplicate_similarity; /* never pick two sentences above this cosine */
    double position_weight;      /* weight of the lead-position prior */
    double centroid_weight;
    double lexrank_weight;
    double summary_word_weight;  /* how summary-like the words are (data) */
    double learned_weight;       /* the learned scorer's share in the default mix */
    double importance_weight;    /* mean word importance's share in the default mix */
    double ilp_salience;         /* ILP method: weight of the sentence scores
                                    beside the concepts (0.01) */
    int drop_datelines;          /* 1: an article's first sentence loses its
                                    dateline ("BEIRUT — ", "( cnn ) -- ") */
    double dangling_penalty;     /* MMR penalty of "He said"/"But" openers whose
                                    preceding sentence is not chosen; 1 or more
                                    (the default) never picks them */
    uint64_t seed;        /* for PRECIS_METHOD_RANDOM */
    /* Added in 0.3.0 (callers built before it never see it, and get 0): */
    int diagnostics;      /* 1: each summary carries its readability counts
                             (precis_readability), and its JSON shows them */
    double quote_penalty; /* default mix: minus this times the share of a
                             sentence inside quotation marks */
    double article_share; /* MMR: the most of the budget one article fills
                             while three or more offer sentences (1: no cap) */
    double content_redundancy; /* MMR: weight of the share of a sentence's
                                  content the brief already holds, as its
                                  similarity to the brief (0: cosine only) */
    double content_duplicate;  /* MMR: above this share held, a sentence
                                  restates the brief and is never taken */
    double concept_weight;     /* default method: weight of the concepts a
                                  sentence would newly cover (0: off) */
    /* Added in 0.4.0: */
    int collapse_copies;  /* 1: an article that is a near copy of another of
                             the cluster (a syndicated reprint: shingle
                             Jaccard or containment 0.5 or more, as precis
                             dedup finds them) gives no sentence; the copy is
                             the one with fewer shingles, and the summary's
                             warnings and article notes name it */
} precis_options;

/* Fills the first `size` bytes of *options with the defaults and sets
 * options->size = size: default method, 100 words, no truncation,
 * redundancy 0.3, duplicate similarity 0.5, weights position 1, centroid 1,
 * LexRank 1, summary words 0.5, learned 4, importance 0, datelines dropped,
 * dangling openers never picked without their preceding sentence, seed 1.
 * Call it through precis_options_init, which passes the size the caller
 * was compiled with. */
PRECIS_API void precis_options_init_sized(precis_options *options, size_t size);
#define precis_options_init(o) precis_options_init_sized((o), sizeof *(o))

/* Sets one option by name from a string, with the checks of section 8's
 * precis_settings_set (which lists the keys; all but "markup" apply here):
 * PRECIS_E_ARGUMENT and a message naming the key for a bad key or value,
 * which leaves *options untouched. */
PRECIS_API precis_status precis_options_set(precis_options *options, const char *key,
                                            const char *value, precis_error *err);

/* Name <-> method ("default", "centroid", "lexrank", "lead", "lead-first",
 * "random", "learned", "concepts", "ilp").  precis_method_parse fills *out;
 * an unknown name fails with PRECIS_E_ARGUMENT and a message naming it and
 * listing the methods (*out untouched). */
PRECIS_API const char *precis_method_name(precis_method method);
PRECIS_API precis_status precis_method_parse(const char *name, precis_method *out,
                                             precis_error *err);

/* ------------------------------------------------------------------ */
/* 3. The model: read-only language data                               */
/* ------------------------------------------------------------------ */

/*
 * Background statistics from the Multi-News train split (document
 * frequencies, how often a word reaches a written summary), the stopword
 * list and the learned weights.  They are compiled into the library, so
 * creating the model cannot fail for lack of files and costs microseconds.
 * One model may be shared by any number of summarizers in any number of
 * threads.
 */
typedef struct precis_model precis_model;

/* A new model into *out (NULL on failure). */
PRECIS_API precis_status precis_model_new(precis_model **out, precis_error *err);
PRECIS_API void precis_model_free(precis_model *model);

/* Inverse document frequency of an already stemmed, case-folded term. */
PRECIS_API double precis_model_idf(const precis_model *model, const char *stem, size_t len);

/* ------------------------------------------------------------------ */
/* 4. The summarizer                                                   */
/* ------------------------------------------------------------------ */

/* One article of a cluster.  `text` need not be NUL-terminated nor valid
 * UTF-8; `name` is used in results and messages (may be NULL). */
typedef struct precis_article {
    const char *name;
    const char *text;
    size_t len;
} precis_article;

/* Whether the article's bytes are plain text or the DUC/TAC SGML layout
 * (only <TEXT> parts are article text). */
typedef enum precis_markup {
    PRECIS_MARKUP_PLAIN = 0,
    PRECIS_MARKUP_SGML = 1
} precis_markup;

/* Limits that bound the work and memory of one call whatever the input;
 * each one that is reached is named in the summary's warnings.  An article
 * is read up to its PRECIS_MAX_SENTENCES_PER_ARTICLE-th sentence (the rest of
 * its text is never analysed), a cluster up to PRECIS_MAX_ARTICLES articles
 * and PRECIS_MAX_SENTENCES sentences in all (later articles are not read). */
#define PRECIS_MAX_SENTENCES_PER_ARTICLE 2000
#define PRECIS_MAX_ARTICLES 100000
#define PRECIS_MAX_SENTENCES 200000
/* Files and streams are read up to this many bytes per article (the rest is
 * left unread and the cluster's warnings say so): 2,000 sentences of news
 * never need more, and memory stays flat whatever the file's size. */
#define PRECIS_MAX_ARTICLE_BYTES ((size_t)32 << 20)

/* Per-thread working state: an arena reused across clusters, a stemmer.
 * Not to be used by two threads at once. */
typedef struct precis_summarizer precis_summarizer;

/* A new summarizer into *out (NULL on failure): PRECIS_E_ARGUMENT without a
 * model or with options out of range.  options may be NULL for the
 * defaults. */
PRECIS_API precis_status precis_summarizer_new(const precis_model *model,
                                               const precis_options *options,
                                               precis_summarizer **out, precis_error *err);
PRECIS_API void precis_summarizer_free(precis_summarizer *s);

/* ------------------------------------------------------------------ */
/* 5. Summaries                                                        */
/* ------------------------------------------------------------------ */

/* One chosen sentence (FROZEN: this layout never changes, since the picks
 * are an array; new data would come through new functions).
 * input[start, end) of article `article` are exactly
 * the sentence's original bytes; `text` is those bytes with white space runs
 * folded to one space, HTML entities decoded and invalid UTF-8 replaced by
 * U+FFFD, ready to print. */
typedef struct precis_pick {
    size_t article;        /* index into the articles passed in */
    size_t sentence;       /* index of the sentence within its article */
    size_t start, end;     /* byte offsets into that article's text */
    double score;
    char *text;
} precis_pick;

/* What a reader trips over in a brief, counted per sentence of the brief
 * (docs/QUALITY.md says how each is detected and what it misses: they
 * are lower bounds on cased text, and people cannot be told in
 * lower-cased text at all).  Only ever filled by the library; fields may
 * be added at the end. */
typedef struct precis_readability {
    size_t sentences;        /* sentences in the brief */
    size_t quote_shards;     /* opens or closes inside a quotation whose other
                                part is not beside it in the brief, or quotes
                                a pronoun ("he said") without the sentence
                                before it */
    size_t unintroduced;     /* names a person by surname (or title and
                                surname) before the brief gives the full name
                                that the articles give */
    size_t chrome;           /* page chrome by the clean-up's rules (caption,
                                credit, share line, cross link ...) */
    size_t datelines;        /* begins with a dateline ("BEIRUT (AP) -- ") */
    size_t dangling;         /* opens with "He", "But", "This" ..., or with
                                "The move", "The company" ... that no earlier
                                brief sentence names, without the sentence
                                before it in its article */
    size_t top_article;      /* sentences from the article used most */
    size_t articles_used;    /* distinct articles the brief draws on */
    int opens_badly;         /* 1: the first sentence is chrome, a dateline,
                                a quotation shard or a dangling opener */
} precis_readability;

/* What became of an article in a summary, best reason first. */
typedef enum precis_article_status {
    PRECIS_ARTICLE_UNUSED = 0,    /* read; no sentence of it was chosen */
    PRECIS_ARTICLE_USED = 1,      /* at least one brief sentence is from it */
    PRECIS_ARTICLE_COPY = 2,      /* collapsed: a near copy of article copy_of */
    PRECIS_ARTICLE_OFF_TOPIC = 3, /* left out: about another story */
    PRECIS_ARTICLE_NO_PROSE = 4,  /* no sentence a brief may use (captions,
                                     links, page chrome, or no text) */
    PRECIS_ARTICLE_NOT_READ = 5   /* past a limit of the cluster (the warnings
                                     say which) */
} precis_article_status;
/* One article's note (FROZEN: an array; new data would come through new
 * functions).  copy_of and similarity are set for PRECIS_ARTICLE_COPY only
 * (the similarity is the larger of the shingle Jaccard and containment). */
typedef struct precis_article_note {
    precis_article_status status;
    size_t copy_of;
    double similarity;
} precis_article_note;
/* "unused", "used", "copy", "off_topic", "no_prose", "not_read". */
PRECIS_API const char *precis_article_status_name(precis_article_status status);
/* A summary.  Only ever allocated by the library (precis_summarize and the
 * calls that fill a precis_summary **): it may grow at its end, so a
 * program reads it through the pointer and never declares one. */
typedef struct precis_summary {
    size_t count;
    precis_pick *picks;      /* in reading order */
    size_t words;            /* words in the summary */
    size_t sentences_seen;   /* sentences in the cluster after clean-up */
    /* Warnings such as "invalid UTF-8 replaced" or "all lines are
     * boilerplate", one per line, NUL-terminated ("" when none). */
    char *warnings;
    /* Added in 0.3.0: filled when the summarizer's options ask for
     * diagnostics (has_readability is then 1). */
    int has_readability;
    precis_readability readability;
    /* Added in 0.4.0: what became of each article passed in (narticles
     * entries, in their order), filled when the options ask for
     * diagnostics or collapse_copies; else narticles is 0 and articles
     * NULL. */
    size_t narticles;
    precis_article_note *articles;
} precis_summary;

/*
 * Summarize one cluster.  On success *out holds a summary (possibly with no
 * sentence, then with a warning) that the caller frees with
 * precis_summary_free.  Fails with PRECIS_E_EMPTY when no article has any
 * text, PRECIS_E_BINARY when an article looks binary.
 */
PRECIS_API precis_status precis_summarize(precis_summarizer *s,
                               const precis_article *articles, size_t count,
                               precis_markup markup,
                               precis_summary **out, precis_error *err);

PRECIS_API void precis_summary_free(precis_summary *summary);

/* ------------------------------------------------------------------ */
/* 6. Clusters: articles as a reader returns them                     */
/* ------------------------------------------------------------------ */

/* One cluster as read from an input (the readers are in precis_io.h): the
 * articles (with the bytes that offsets refer to), and reference summaries
 * when the input has them. */
typedef struct precis_cluster {
    char *id;                 /* JSONL "id", DUC folder name, or NULL */
    precis_article *articles; /* names and texts owned by the cluster */
    size_t count;
    precis_markup markup;
    char **references;        /* reference summaries, one sentence a line */
    size_t nreferences;
    /* What reading left out, one line each, NUL-terminated, or NULL: folder
     * entries that are not articles ("DIR/NAME: skipped: dangling symbolic
     * link", "... skipped: a FIFO", "... skipped: a folder"), files cut at
     * PRECIS_MAX_ARTICLE_BYTES ("FILE: only the first 32 MB were read").
     * The library never prints: the caller shows them;
     * precis_summary_to_json lists them first among its "warnings". */
    char *warnings;
} precis_cluster;

PRECIS_API void precis_cluster_free(precis_cluster *cluster);


/* ------------------------------------------------------------------ */
/* 7. Output                                                           */
/* ------------------------------------------------------------------ */

/* The summary as one line of JSON (no newline) into *out, freed with
 * precis_string_free (*out is NULL on failure, PRECIS_E_NOMEM when out of
 * memory): {"id"?, "summary": "one sentence per line", "words": N,
 * "sentences": [{"article", "name"?, "sentence", "start", "end", "score",
 * "text"}], "warnings"?: [...]}.  `id` may be NULL (then omitted).  A
 * sentence's "text" is exactly the article's bytes [start, end) when the
 * cluster is given and those bytes are valid UTF-8 (else the printable
 * form); "summary" holds the printable forms.  "warnings" lists the
 * cluster's warnings (what reading left out), then the summary's. */
PRECIS_API precis_status precis_summary_to_json(const precis_summary *summary,
                                                const precis_cluster *cluster, const char *id,
                                                char **out, precis_error *err);

/* The summary as text, one sentence per line (each ending in '\n'), into
 * *out, freed with precis_string_free. */
PRECIS_API precis_status precis_summary_to_text(const precis_summary *summary, char **out,
                                                precis_error *err);

/* ------------------------------------------------------------------ */
/* 8. The one-call entry                                               */
/* ------------------------------------------------------------------ */
/*
 * Texts in; a summary with attribution, and its JSON, out: what an HTTP
 * server, a Python binding or any program that holds articles in memory
 * needs, with no file, model or summarizer to manage.
 *
 * Settings are an opaque object set by name from strings, so that new
 * settings never change a binary's view of a struct:
 *   words | bytes | sentences   N   the budget (default: 100 words)
 *   truncate                    true|false
 *   method                      default, centroid, lexrank, learned, concepts,
 *                               ilp, lead, lead-first, random
 *   seed                        N (the random baseline)
 *   markup                      plain (default) | sgml (DUC/TAC <TEXT> parts)
 *   drop_datelines              true|false
 *   diagnostics                 true|false (readability counts, article notes)
 *   collapse_copies             true|false (syndicated copies give nothing)
 *   redundancy, duplicate_similarity, position_weight, centroid_weight,
 *   lexrank_weight, summary_word_weight, dangling_penalty, learned_weight,
 *   importance_weight, ilp_salience, quote_penalty, article_share,
 *   content_redundancy, content_duplicate, concept_weight
 *                               numbers, as `precis summarize --set`
 * A bad key or value fails with PRECIS_E_ARGUMENT and a message naming it;
 * the settings keep their previous value.  NULL settings mean the defaults.
 */
typedef struct precis_settings precis_settings;

PRECIS_API precis_status precis_settings_new(precis_settings **out, precis_error *err);
PRECIS_API precis_status precis_settings_copy(const precis_settings *settings,
                                              precis_settings **out, precis_error *err);
PRECIS_API void precis_settings_free(precis_settings *settings);
PRECIS_API precis_status precis_settings_set(precis_settings *settings, const char *key,
                                             const char *value, precis_error *err);
/* The settings as options, for the lower-level calls of section 4. */
PRECIS_API precis_status precis_settings_options(const precis_settings *settings,
                                                 precis_options *out, precis_error *err);

/*
 * Summarizes `count` articles: texts[i] of lens[i] bytes (lens NULL: each
 * text is NUL-terminated), named names[i] (names NULL, or an entry NULL:
 * "0", "1", ... as the articles of a JSON line are named), titled titles[i]
 * (titles NULL, or an entry NULL: none).  A title is attribution, not
 * text to summarize: each sentence of the JSON whose article has one
 * carries it as "title" (without titles the JSON is the CLI's).  `id` (may
 * be NULL) is the cluster's id in the JSON.  Fills *summary (free with
 * precis_summary_free) and/or *json (one line of JSON, byte for byte what
 * `precis summarize --json` prints for the same articles as one JSON line;
 * free with precis_string_free); either pointer may be NULL, not both.
 * The texts are only borrowed during the call.
 *
 * Thread-safe and re-entrant: the model is created once per process and
 * shared read-only; each call has its own working state.
 */
PRECIS_API precis_status precis_summarize_texts(const precis_settings *settings,
                                                const char *id, const char *const *texts,
                                                const size_t *lens, const char *const *names,
                                                const char *const *titles, size_t count,
                                                precis_summary **summary, char **json,
                                                precis_error *err);

/*
 * The same through an engine: one model and a pool of summarizers reused
 * from call to call (no set-up per call), for servers and bindings that
 * summarize many clusters.  Any number of threads may call
 * precis_engine_summarize_texts on one engine at once.
 */
typedef struct precis_engine precis_engine;

PRECIS_API precis_status precis_engine_new(precis_engine **out, precis_error *err);
PRECIS_API void precis_engine_free(precis_engine *engine);
PRECIS_API precis_status precis_engine_summarize_texts(precis_engine *engine,
                                                       const precis_settings *settings,
                                                       const char *id, const char *const *texts,
                                                       const size_t *lens,
                                                       const char *const *names,
                                                       const char *const *titles, size_t count,
                                                       precis_summary **summary, char **json,
                                                       precis_error *err);

/* Frees a string the library returned (JSON, text). */
PRECIS_API void precis_string_free(char *text);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
