/* app.h - the command line, shared by the subcommands and the explorer. */
#ifndef CW_APP_H
#define CW_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "corpus.h"
#include "date.h"
#include "rules.h"
#include "vocab.h"

#define CASEWALK_VERSION "0.1"
#define CASEWALK_DISCLAIMER \
	"casewalk is a study and review aid, not legal advice."

struct app {
	const char *cmd;                /* "check", ..., or NULL: explorer */
	bool json, csv, redact, quiz;
	uint64_t quiz_seed;             /* --quiz=SEED */
	bool ics;                       /* deadlines --ics */
	const char *format, *output;    /* memo --format, -o */
	const char *rules_file, *config_file;
	const char *filter, *sort;      /* --filter, --sort (query.h) */
	const char *changes;            /* rules --changes FROM (TO: paths[0]) */
	struct date as_of, law_as_of;   /* law_as_of: DATE_NONE = as_of */
	int jobs;
	char **paths;
	size_t n_paths;
	struct vocab vocab;
	struct rules rules;
	bool rules_loaded;
};

/* Loads the vocabulary and the corpus for app's paths, with the options
 * in o (may be NULL) but jobs and vocabulary, which come from app.
 * Reports vocabulary errors on stderr and returns false when they make
 * loading impossible. */
bool app_load(struct app *app, struct corpus *c,
	      const struct corpus_opts *o);

/* Loads the vocabulary and the rules (--rules FILE or the built-in ones);
 * reports errors on stderr.  Returns false on an unusable rules file. */
bool app_load_rules(struct app *app);
void app_free(struct app *app);
/* Prints c's diagnostics on f: with --redact, files are named by case id
 * and no source line is quoted (redact.h). */
void app_print_diags(const struct app *app, FILE *f, const struct corpus *c);

#endif
