/*
 * summarize_files.c: the smallest complete use of libprecis.
 *
 *   cc summarize_files.c -lprecis ... && ./a.out a.txt b.txt c.txt
 *
 * Reads each file as one article of a cluster, summarizes the cluster in
 * 60 words and prints every sentence with the article and byte range it
 * came from.  Uses only the public header.
 */
#include <precis.h>
#include <precis_io.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    precis_error err = {0};
    precis_cluster *cluster = NULL;
    if (precis_cluster_read_files((const char *const *)argv + 1, (size_t)argc - 1, &cluster,
                                  &err) != PRECIS_OK) {
        fprintf(stderr, "%s: %s\n", err.source, err.message);
        return 1;
    }
    /* The model is read-only and may be shared by many summarizers (one per
     * thread); a summarizer is reused from cluster to cluster. */
    precis_model *model = NULL;
    precis_summarizer *summarizer = NULL;
    precis_options options;
    precis_options_init(&options);
    options.budget = 60;
    precis_summary *summary = NULL;
    int rc = 0;
    if (precis_model_new(&model, &err) != PRECIS_OK ||
        precis_summarizer_new(model, &options, &summarizer, &err) != PRECIS_OK ||
        precis_summarize(summarizer, cluster->articles, cluster->count, cluster->markup,
                         &summary, &err) != PRECIS_OK) {
        fprintf(stderr, "%s: %s\n", err.source[0] ? err.source : "precis", err.message);
        rc = 1;
    } else {
        for (size_t i = 0; i < summary->count; i++) {
            const precis_pick *p = &summary->picks[i];
            printf("[%s %zu-%zu] %s\n", cluster->articles[p->article].name, p->start, p->end,
                   p->text);
        }
    }
    precis_summary_free(summary);
    precis_summarizer_free(summarizer);
    precis_model_free(model);
    precis_cluster_free(cluster);
    return rc;
}
