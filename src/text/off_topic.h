/*
 * off_topic.h: articles that are not about the cluster's story (see
 * off_topic.c).
 */
#ifndef PRECIS_OFF_TOPIC_H
#define PRECIS_OFF_TOPIC_H

#include <stddef.h>

#include "workset.h"

/* Below this cosine with the rest of the cluster, an article is about
 * something else (docs/QUALITY.md: how it was chosen). */
#define OFF_TOPIC_SIMILARITY 0.05
/* Articles with prose a cluster needs before one can be the odd one out. */
#define OFF_TOPIC_MIN_ARTICLES 4
/* A shorter article (a snippet, a truncated page) has too few words to be
 * told apart by its vocabulary: it is never left out. */
#define OFF_TOPIC_MIN_SENTENCES 5

/* Called for each article left out, with its cosine to the others. */
typedef void (*off_topic_fn)(void *ctx, size_t article, double similarity);

/* Marks the sentences of off-topic articles SENT_OFF_TOPIC.  Returns 0,
 * or -1 when out of memory. */
int off_topic_mark(workset *c, off_topic_fn report, void *ctx);

#endif
