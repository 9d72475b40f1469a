/* cmd_memo.c - `memo PATH [ID]`: the review memo of one case (memo.h)
 * as text, Markdown or PDF, on stdout or into the file -o names. */
#define _POSIX_C_SOURCE 200809L         /* fileno */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "assess.h"
#include "cli.h"
#include "memo.h"

/* The case ID names, or the only case of the file; NULL after saying
 * why.  path is the PATH as the messages name it. */
static const struct cw_case *pick(const struct corpus *c, const char *id,
				  const char *path)
{
	if (id) {
		const struct cw_case *cs = corpus_find(c, id);
		if (!cs)
			fprintf(stderr, "casewalk memo: no valid case '%s' in "
				"%s\n", id, path);
		return cs;
	}
	if (c->n_cases == 1)
		return c->cases[0];
	if (!c->n_cases) {
		fprintf(stderr, "casewalk memo: no valid case in %s\n", path);
		return NULL;
	}
	fprintf(stderr, "casewalk memo: %s holds %zu cases; name one:",
		path, c->n_cases);
	for (size_t i = 0; i < c->n_cases && i < 20; i++)
		fprintf(stderr, " %s", c->cases[i]->id);
	fprintf(stderr, "%s\n", c->n_cases > 20 ? " ..." : "");
	return NULL;
}

static int format_of(const struct app *app)
{
	if (app->format)
		return memo_format_parse(app->format);
	return app->output ? memo_format_of_path(app->output) : MEMO_TEXT;
}

/* On stdout: a PDF only to a file or a pipe, never to a terminal. */
static int to_stdout(const struct app *app, const struct assessment *a,
		     int fmt)
{
	struct outbuf text = { NULL, 0, 0 }, pdf = { NULL, 0, 0 };
	char err[MEMO_ERRSZ];
	int st = 0;
	memo_write(&text, &app->rules, a, fmt, app->redact);
	if (fmt == MEMO_PDF) {
		if (memo_pdf(text.p, text.len, &pdf, err)) {
			fprintf(stderr, "casewalk memo: %s\n", err);
			st = 3;
		} else {
			fwrite(pdf.p, 1, pdf.len, stdout);
		}
	} else {
		fwrite(text.p, 1, text.len, stdout);
	}
	ob_free(&text);
	ob_free(&pdf);
	return st;
}

int cmd_memo(struct app *app)
{
	if (app->n_paths < 1 || app->n_paths > 2) {
		fputs("casewalk memo: expected PATH [ID]\nTry 'casewalk --help'.\n",
		      stderr);
		return 2;
	}
	int fmt = format_of(app);
	if (fmt < 0) {
		fprintf(stderr, "casewalk memo: --format: expected text, md or "
			"pdf, got '%s'\n", app->format);
		return 2;
	}
	if (fmt == MEMO_PDF && !app->output && isatty(fileno(stdout))) {
		fputs("casewalk memo: a PDF is not for a terminal: give -o FILE, "
		      "or redirect the output\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	const char *id = app->n_paths == 2 ? app->paths[1] : NULL;
	app->n_paths = 1;
	struct corpus c;
	if (!app_load(app, &c, NULL))
		return 2;
	app_print_diags(app, stderr, &c);
	/* redacted, the file is named as the diagnostics name it: its
	 * name often carries the client's */
	const char *path = app->paths[0];
	if (app->redact)
		path = c.n_files == 1 ? "file 1" : "the files given";
	const struct cw_case *cs = pick(&c, id, path);
	int st = c.diags.n_errors ? 1 : 0;
	if (!cs) {
		corpus_free(&c);
		return st ? st : 2;
	}
	struct arena a;
	struct assessment as;
	char err[MEMO_ERRSZ];
	arena_init(&a, 64 * 1024);
	assess_case(&app->rules, cs, app->as_of, app->law_as_of, &as, &a);
	as.c = cs;
	if (app->output) {
		if (memo_save(&app->rules, &as, fmt, app->redact, app->output,
			      err)) {
			fprintf(stderr, "casewalk memo: %s\n", err);
			st = 3;
		}
	} else {
		int s = to_stdout(app, &as, fmt);
		st = s ? s : st;
	}
	arena_free(&a);
	corpus_free(&c);
	return st;
}
