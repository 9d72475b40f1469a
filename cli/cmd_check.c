/* cmd_check.c - `casewalk check PATH...`: diagnostics on stdout, a
 * one-line summary on stderr. */
#include <stdio.h>

#include "app.h"
#include "cli.h"

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
	for (size_t i = 0; i < c.diags.n; i++) {
		/* a source line may hold a name or an A-number */
		if (app->redact)
			c.diags.v[i].source = NULL;
		diag_print(stdout, &c.diags.v[i]);
	}
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
	return st;
}
