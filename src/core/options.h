/*
 * options.h: the summarizing options inside the library (core/options.c).
 */
#ifndef PRECIS_OPTIONS_H
#define PRECIS_OPTIONS_H

#include "precis.h"

/* The caller's options (a struct of the caller's precis_options.size bytes,
 * perhaps from an older header) as the library's full struct, defaults for
 * what the caller's struct does not hold; PRECIS_E_ARGUMENT for options never
 * initialised (size 0).  NULL gives the defaults. */
precis_status options_from_caller(const precis_options *in, precis_options *out,
                                  precis_error *err);

/* PRECIS_E_ARGUMENT, naming it, for the first option out of its range. */
precis_status options_check(const precis_options *o, precis_error *err);

#endif
