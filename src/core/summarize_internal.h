/*
 * summarize_internal.h: the summarizer's steps, for the modules that reuse
 * them (train.c builds training rows from the same prepared clusters).
 */
#ifndef PRECIS_SUMMARIZE_INTERNAL_H
#define PRECIS_SUMMARIZE_INTERNAL_H

#include "arena.h"
#include "options.h"
#include "workset.h"
#include "oracle.h"
#include "score.h"
#include "select.h"

#include "precis_eval.h" /* precis_summarize_oracle, defined in summarize.c */
#include "precis_train.h"

typedef size_t (*cost_fn)(const workset *, const sentence *);

/* Resets the summarizer's arena and prepares the cluster: clean-up,
 * segmentation, tokens and vectors of every article (warnings dropped). */
precis_status summarizer_prepare(precis_summarizer *s, const precis_article *articles,
                                 size_t count, precis_markup markup, workset *c,
                                 precis_error *err);
/* Gives a summarizer other options (checked first), so that a pool of
 * summarizers can serve requests with different options. */

precis_status summarizer_set_options(precis_summarizer *s, const precis_options *options,
                                     precis_error *err);
arena *summarizer_arena(precis_summarizer *s);
const precis_options *summarizer_options(const precis_summarizer *s);
struct tokenizer;
/* The summarizer's tokenizer (same folding and stems as its clusters). */
struct tokenizer *summarizer_tokenizer(precis_summarizer *s);

/* The cost of a sentence in the options' budget unit. */
cost_fn summarizer_cost(const precis_options *o);

#endif
