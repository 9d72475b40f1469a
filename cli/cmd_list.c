/* cmd_list.c - `list`: the explorer's list, row for row and in the same
 * order (query.h: the same summaries, filter and sort; listout.h: the same
 * rows the explorer's `w` writes), as text, NDJSON or CSV (cli.md
 * revision 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "listout.h"
#include "query.h"

int cmd_list(struct app *app)
{
	if (!app->n_paths) {
		fputs("casewalk list: no PATH given\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	char err[512];
	struct arena fa;
	arena_init(&fa, 4096);
	struct query_filter *f = query_filter_compile(&app->rules,
		app->filter ? app->filter : "", &fa, err, sizeof(err));
	struct query_sort sort = { .n = 0 };
	if (!f || (app->sort && !query_sort_parse(app->sort, &sort, err,
						  sizeof(err)))) {
		fprintf(stderr, "casewalk: %s\n", err);
		arena_free(&fa);
		return 2;
	}
	if (!app->sort)
		query_sort_parse("id", &sort, err, sizeof(err));
	struct catalog cat;
	catalog_init(&cat, &app->rules);
	struct query_ctx q = { &app->rules, &cat.facts, app->as_of,
			       app->law_as_of, false };
	struct corpus c;
	struct corpus_opts o = { .each = query_row_of_case, .each_ctx = &q };
	if (!app_load(app, &c, &o)) {
		catalog_free(&cat);
		arena_free(&fa);
		return 2;
	}
	app_print_diags(app, stderr, &c);
	catalog_build(&cat, &c);
	size_t *idx = xmalloc((cat.n_rows + 1) * sizeof(*idx));
	size_t n = query_select(&cat, f, &sort, app->redact, idx);
	struct outbuf ob = { NULL, 0, 0 };
	enum listout_format fmt = app->json ? LISTOUT_JSON : app->csv ?
		LISTOUT_CSV : LISTOUT_TEXT;
	listout_head(&ob, fmt, app->as_of, app->law_as_of);
	for (size_t k = 0; k < n; k++) {
		listout_row(&ob, fmt, &cat, &cat.rows[idx[k]], app->redact);
		if (ob.len > 1 << 20) {
			fwrite(ob.p, 1, ob.len, stdout);
			ob.len = 0;
		}
	}
	listout_tail(&ob, fmt, n, cat.n_rows, query_filter_text(f));
	fwrite(ob.p, 1, ob.len, stdout);
	ob_free(&ob);
	int st = c.diags.n_errors ? 1 : 0;
	free(idx);
	catalog_free(&cat);
	corpus_free(&c);
	arena_free(&fa);
	return st;
}
