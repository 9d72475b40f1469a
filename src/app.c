/* app.c - what the commands and the explorer share of the command line:
 * the vocabulary, the rules and the corpus they name. */
#include <stdio.h>

#include "app.h"

#include <stdlib.h>

#include "redact.h"

static bool load_vocab(struct app *app)
{
	struct diag_list vd = { 0 };
	if (app->vocab.v)
		return true;
	int bad = vocab_load_default(&app->vocab, &vd);
	for (size_t i = 0; i < vd.n; i++)
		diag_print(stderr, &vd.v[i]);
	diag_free(&vd);
	return !bad;
}

bool app_load_rules(struct app *app)
{
	struct diag_list d = { 0 };
	if (app->rules_loaded)
		return true;
	if (!load_vocab(app))
		return false;
	int bad = app->rules_file ? rules_load_file(&app->rules, app->rules_file, &d)
				  : rules_load_default(&app->rules, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, &d.v[i]);
	diag_free(&d);
	app->rules.vocab = &app->vocab;
	app->rules_loaded = true;
	return !bad;
}

void app_free(struct app *app)
{
	if (app->rules_loaded)
		rules_free(&app->rules);
	vocab_free(&app->vocab);
}

bool app_load(struct app *app, struct corpus *c,
	      const struct corpus_opts *o)
{
	struct corpus_opts opts = { 0 };
	if (!load_vocab(app))
		return false;
	if (o)
		opts = *o;
	opts.jobs = app->jobs;
	opts.vocab = &app->vocab.ids;
	opts.as_of = app->as_of;
	corpus_load(c, app->paths, app->n_paths, &opts);
	if (app->redact)
		redact_assign_find(c->cases, c->n_cases);
	return true;
}


void app_print_diags(const struct app *app, FILE *f, const struct corpus *c)
{
	if (!app->redact) {
		for (size_t i = 0; i < c->diags.n; i++)
			diag_print(f, &c->diags.v[i]);
		return;
	}
	char **lab = redact_file_labels(c->files, c->n_files,
			(const struct cw_case *const *)c->cases, c->n_cases);
	for (size_t i = 0; i < c->diags.n; i++) {
		const struct diag *d = &c->diags.v[i];
		char *msg = redact_paths(d->msg, c->files, lab, c->n_files);
		diag_print_as(f, d, d->file_index < c->n_files ?
			      lab[d->file_index] : "file", msg);
		free(msg);
	}
	free(lab);
}
