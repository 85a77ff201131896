/*
 * paths.c: file names and folders (paths.h), for the cluster readers
 * (io/formats.c), the evaluation readers (eval/eval_io.c) and format
 * detection (io/input_format.c), which used to carry a copy each.
 */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"

int path_is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *path_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

char *path_join(const char *dir, const char *name)
{
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    size_t n = dlen + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, slash ? "%s%s" : "%s/%s", dir, name);
    return p;
}

void folder_names_free(char **names, size_t count)
{
    if (!names)
        return;
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does the entry `name` of `dir` pass the filter?  -1 when out of memory. */
static int passes(const char *dir, const char *name, folder_filter filter)
{
    if (filter == FOLDER_ANY)
        return 1;
    char *path = path_join(dir, name);
    if (!path)
        return -1;
    struct stat sb;
    int ok = stat(path, &sb) == 0 &&
             (filter == FOLDER_DIRS ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode));
    free(path);
    return ok;
}

precis_status folder_list(const char *dir, folder_filter filter, char ***names, size_t *count,
                          precis_error *err)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return PRECIS_FAIL(err, PRECIS_E_IO, dir, 0, "cannot open folder: %s", strerror(errno));
    char **list = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    precis_status st = PRECIS_OK;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        int ok = passes(dir, e->d_name, filter);
        if (ok < 0) {
            st = PRECIS_FAIL(err, PRECIS_E_NOMEM, dir, 0, "out of memory");
            break;
        }
        if (!ok)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(list, cap * sizeof *grown);
            if (!grown) {
                st = PRECIS_FAIL(err, PRECIS_E_NOMEM, dir, 0, "out of memory");
                break;
            }
            list = grown;
        }
        if (!(list[n] = strdup(e->d_name))) {
            st = PRECIS_FAIL(err, PRECIS_E_NOMEM, dir, 0, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (st != PRECIS_OK) {
        folder_names_free(list, n);
        return st;
    }
    if (n > 1)
        qsort(list, n, sizeof *list, by_name);
    *names = list;
    *count = n;
    return PRECIS_OK;
}
