/*
 * stories.c: the stories API in a few lines.  Reads articles as files
 * named on the command line, finds the near-copies among them (a copy
 * counts once), groups the rest into stories, and prints one line per
 * story: its number and its files.
 *
 *   cc stories.c $(pkg-config --cflags --libs precis) -o stories
 *   ./stories examples/daraa/000_*.txt examples/daraa/001_*.txt ...
 */
#include <precis_stories.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            char *grown = realloc(text, cap = cap ? cap * 2 : 4096);
            if (!grown)
                break;
            text = grown;
        }
        size_t got = fread(text + *len, 1, cap - *len, f);
        *len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    return text;
}

int main(int argc, char **argv)
{
    precis_error err;
    precis_model *model = NULL;
    precis_dedup *dedup = NULL;
    precis_stories *stories = NULL;
    if (precis_model_new(&model, &err) != PRECIS_OK || precis_dedup_new(NULL, &dedup, &err) != PRECIS_OK ||
        precis_stories_new(model, NULL, &stories, &err) != PRECIS_OK) {
        fprintf(stderr, "stories: %s\n", err.message);
        return 1;
    }
    int n = argc - 1;
    char **texts = calloc((size_t)(n > 0 ? n : 1), sizeof *texts);
    size_t *lens = calloc((size_t)(n > 0 ? n : 1), sizeof *lens);
    for (int i = 0; i < n; i++) {
        if (!(texts[i] = read_file(argv[i + 1], &lens[i]))) {
            fprintf(stderr, "stories: cannot read %s\n", argv[i + 1]);
            return 1;
        }
        precis_dedup_add(dedup, texts[i], lens[i], NULL, &err);
    }
    /* near-copies first: a copy joins its original's story and counts once */
    precis_dedup_groups *groups = NULL;
    if (precis_dedup_find(dedup, &groups, &err) != PRECIS_OK) {
        fprintf(stderr, "stories: %s\n", err.message);
        return 1;
    }
    uint64_t *story_of = calloc((size_t)(n > 0 ? n : 1), sizeof *story_of);
    for (int i = 0; i < n; i++) {
        size_t rep = groups->groups[groups->group_of[i]].representative;
        if ((size_t)i != rep && story_of[rep])
            precis_stories_join(stories, argv[i + 1], story_of[rep], NAN, &err);
        else
            precis_stories_add(stories, argv[i + 1], NULL, texts[i], lens[i], NAN, &story_of[i],
                               &err);
    }
    precis_story_list *list = NULL;
    if (precis_stories_flush(stories, NAN, 1, &list, &err) != PRECIS_OK) {
        fprintf(stderr, "stories: %s\n", err.message);
        return 1;
    }
    for (size_t s = 0; s < list->count; s++) {
        printf("story %llu:", (unsigned long long)list->stories[s].id);
        for (size_t a = 0; a < list->stories[s].count; a++)
            printf(" %s", list->stories[s].articles[a]);
        printf("\n");
    }
    precis_story_list_free(list);
    precis_dedup_groups_free(groups);
    for (int i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    free(story_of);
    precis_stories_free(stories);
    precis_dedup_free(dedup);
    precis_model_free(model);
    return 0;
}
