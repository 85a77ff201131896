/*
 * output.h: the JSON rendering inside the library (core/output.c).
 */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H

#include "precis.h"

/* precis_summary_to_json, with each picked sentence's article title (titles
 * indexed like the cluster's articles; NULL, or an entry NULL: no "title"
 * key) for the one-call entry. */
precis_status output_summary_json(const precis_summary *summary, const precis_cluster *cluster,
                                  const char *id, const char *const *titles, char **out,
                                  precis_error *err);

#endif
