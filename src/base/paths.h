/*
 * paths.h: file names and folders, one set of rules for every reader.
 *
 * A folder's entries are listed sorted by name (strcmp: the same order on
 * every machine), hidden ones (a leading '.') skipped, symbolic links
 * followed when an entry's kind is asked; a path is joined to a name
 * without doubling a '/' that ends it; a base name is what follows the
 * last '/' that is not the last character.
 */
#ifndef PRECIS_PATHS_H
#define PRECIS_PATHS_H

#include <stddef.h>

#include "precis.h"

/* 1 when path is a folder (links followed). */
int path_is_dir(const char *path);

/* The file name of a path: "a/b.txt" -> "b.txt"; "a/" and "b" unchanged. */
const char *path_base_name(const char *path);

/* "dir/name", without doubling a slash that ends dir; malloc'd, NULL when
 * out of memory. */
char *path_join(const char *dir, const char *name);

typedef enum folder_filter {
    FOLDER_ANY,     /* every entry, whatever it is (the caller examines it) */
    FOLDER_DIRS,    /* folders only */
    FOLDER_REGULAR  /* regular files only */
} folder_filter;

/* The names of a folder's entries that pass the filter, sorted, hidden ones
 * skipped; free with folder_names_free.  PRECIS_E_IO when the folder cannot
 * be opened, PRECIS_E_NOMEM. */
precis_status folder_list(const char *dir, folder_filter filter, char ***names, size_t *count,
                          precis_error *err);
void folder_names_free(char **names, size_t count);

#endif
