/* cmd_check.c - `casewalk check PATH...`: diagnostics on stdout, a
 * one-line summary on stderr. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli.h"
#include "sameperson.h"

int cmd_check(struct app *app)
{
	struct corpus c;
	if (app->n_paths == 0) {
		fputs("casewalk check: no PATH given\nTry 'casewalk --help'.\n",
		      stderr);
		return 2;
	}
	/* check reports, it keeps nothing: a stub a case is enough */
	struct corpus_opts o = { .stubs = true };
	if (!app_load(app, &c, &o))
		return 2;
	/* a second file for the same person under another id: warnings */
	struct sameperson_pair *same;
	size_t n_same = sameperson_find((const struct cw_case *const *)c.cases,
					c.n_cases, &same);
	struct arena sa;
	arena_init(&sa, 4096);
	sameperson_warn((const struct cw_case *const *)c.cases, same, n_same,
			c.files, c.n_files, &c.diags, &sa);
	free(same);
	diag_sort(&c.diags);
	app_print_diags(app, stdout, &c);
	fprintf(stderr, "casewalk: %zu file%s, %zu case%s: ",
		c.n_files, c.n_files == 1 ? "" : "s",
		c.n_cases, c.n_cases == 1 ? "" : "s");
	if (!c.diags.n_errors && !c.diags.n_warnings)
		fputs("no problems\n", stderr);
	else if (!c.diags.n_errors)     /* warnings keep every case */
		fprintf(stderr, "no errors, %zu warning%s\n",
			c.diags.n_warnings, c.diags.n_warnings == 1 ? "" : "s");
	else
		fprintf(stderr, "%zu error%s, %zu warning%s in %zu file%s; "
			"%zu case%s left out\n",
			c.diags.n_errors, c.diags.n_errors == 1 ? "" : "s",
			c.diags.n_warnings, c.diags.n_warnings == 1 ? "" : "s",
			c.n_files_with_errors,
			c.n_files_with_errors == 1 ? "" : "s",
			c.n_bad_cases, c.n_bad_cases == 1 ? "" : "s");
	int st = c.diags.n_errors ? 1 : 0;
	corpus_free(&c);
	arena_free(&sa);
	return st;
}
