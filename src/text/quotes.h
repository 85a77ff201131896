/*
 * quotes.h: quotations that run over several sentences, and quotes whose
 * speaker is only a pronoun (see quotes.c).
 */
#ifndef PRECIS_QUOTES_H
#define PRECIS_QUOTES_H

#include <stddef.h>

#include "workset.h"

/* Sets SENT_QUOTE_IN and SENT_QUOTE_OUT on the n sentences of one article
 * (in order, with SEG_PARAGRAPH_START on each paragraph's first one). */
void quotes_mark_article(const char *text, sentence *sents, size_t n);

/* 1 when a quote in the sentence is attributed to a pronoun only
 * (`"...," he said`, `said she`).  starts_inside: the sentence opens
 * inside a quotation (SENT_QUOTE_IN). */
int quotes_pronoun_speaker(const char *s, size_t len, int starts_inside);

/* The share of the sentence's letters that stand inside quotation marks. */
double quotes_share(const char *s, size_t len, int starts_inside);

#endif
