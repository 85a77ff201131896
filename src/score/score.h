/*
 * score.h: sentence salience (centroid, continuous LexRank, position, how
 * summary-like the words are, the learned scorer, word importance) and the
 * method's mix of them.
 */
#ifndef PRECIS_SCORE_H
#define PRECIS_SCORE_H

#include "arena.h"
#include "workset.h"

/* Fills centroid, lexrank, position, summary_words, learned, importance
 * (those the method in o uses) and the combined score of every sentence.
 * Records in c->lexrank_capped_from when LexRank had to leave sentences
 * out.  Returns 0 or -1 (out of memory). */
int score_cluster(arena *a, workset *c, const precis_options *o);

/* Most sentences LexRank ranks in one cluster: the graph is dense, so its
 * cost grows with the square.  Larger clusters rank their best sentences
 * by centroid and position first. */
#define LEXRANK_MAX_NODES 800

#endif
