/*
 * fuzz_request.c: a request body through each POST route of `precis serve`
 * (serve/request.c parses it, serve/routes.c runs the library and renders
 * the answer), exactly as the server's workers do.
 *
 * Why: the body is whatever a network client sends.  Whatever it holds, a
 * route must answer: 200 with JSON, or an error status with a JSON body
 * {"error", "status"}; never crash, leak or hang.
 *
 * Input layout: the first byte picks the route ('s' summarize, 'r' rouge,
 * 'd' dedup, 'c' cluster; any other byte by its value modulo 4), the rest
 * is the body.
 */
#include "fuzz_common.h"

#include "routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static precis_engine *shared_engine(void)
{
    static precis_engine *engine;
    if (!engine)
        FUZZ_CHECK(precis_engine_new(&engine, NULL) == PRECIS_OK, "precis_engine_new");
    return engine;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const route_id routes[] = {ROUTE_SUMMARIZE, ROUTE_ROUGE, ROUTE_DEDUP, ROUTE_CLUSTER};
    if (size < 1)
        return 0;
    route_id route = data[0] == 's'   ? ROUTE_SUMMARIZE
                     : data[0] == 'r' ? ROUTE_ROUGE
                     : data[0] == 'd' ? ROUTE_DEDUP
                     : data[0] == 'c' ? ROUTE_CLUSTER
                                      : routes[data[0] % 4];
    /* the body in an exact-size buffer, as the server hands it over */
    char *body = malloc(size - 1 ? size - 1 : 1);
    FUZZ_CHECK(body != NULL, "out of memory");
    memcpy(body, data + 1, size - 1);
    response r;
    route_run(shared_engine(), route, body, size - 1, &r);
    FUZZ_CHECK(r.body != NULL, "no answer (out of memory?)");
    json_error_t jerr;
    json_t *answer = json_loadb(r.body, r.len, 0, &jerr);
    FUZZ_CHECK(answer != NULL, "the answer is not JSON: %s", jerr.text);
    if (r.status != 200)
        FUZZ_CHECK(json_is_string(json_object_get(answer, "error")) &&
                       json_is_string(json_object_get(answer, "status")),
                   "an error answer without error and status");
    FUZZ_CHECK(r.status == 200 || r.status == 400 || r.status == 503, "status %u", r.status);
    json_decref(answer);
    free(r.body);
    free(body);
    return 0;
}
