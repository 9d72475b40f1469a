/* model.h - what the explorer shows: the corpus, the rules, and one
 * assessment per case, loaded on a background thread.
 *
 * The loading thread never touches curses: it reports progress through
 * atomics that the drawing loop reads, and the loop takes the result over
 * (model_poll) once the thread is done.  Until then nothing but the
 * progress counters may be read.
 */
#ifndef CW_UI_MODEL_H
#define CW_UI_MODEL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "assess.h"
#include "corpus.h"
#include "factpack.h"
#include "official.h"
#include "redact.h"
#include "rules.h"

/* What the list shows of one case, from the assessment of the path it
 * took, made as the case is loaded and kept for every case: a few dozen
 * bytes and the packed facts, where the assessment itself takes kilobytes.
 * The case view assesses its one case again in full (model_detail). */
struct row_info {
	const char *pseudonym;          /* redact_pseudonym of the id */
	bool assessed;                  /* false without rules: the rest is 0 */
	uint8_t path;                   /* enum path_id */
	bool hearing;
	bool running;                   /* a penalty in force on as_of */
	int16_t headline;               /* rule index of assess_headline, or -1 */
	int8_t headline_running;        /* its running: 1, 0, -1 unknown */
	struct date headline_until;     /* its last day (NONE: permanent) */
	uint16_t n_status[RSTAT__COUNT]; /* relief rules by status */
	uint16_t n_pen, n_forfeited;
	const uint16_t *rules;          /* rule indexes: the penalties, then
					   the relief forfeited */
	const void *facts;              /* factpack.h record of rules.env */
};

/* One case of the list. */
struct model_row {
	const struct cw_case *c;        /* a stub (case.h) for a clean file */
	const struct row_info *info;    /* never NULL once loaded */
	/* "ID\0NAME\0PSEUDONYM\0", the rows' texts side by side in one
	 * block: a search of every row reads these and nothing else */
	const char *label;
	uint16_t name_at, pseudonym_at;
	bool revealed;                  /* quiz mode: outcome shown */
};

enum model_phase { MODEL_IDLE, MODEL_RULES, MODEL_FILES, MODEL_DONE };

struct model {
	struct app *app;
	struct corpus corpus;
	struct rules rules;
	bool have_corpus, have_rules;
	struct official official;
	struct diag_list diags;         /* rules and statistics problems */
	struct factpack facts;          /* the layout of row_info.facts */
	struct model_row *rows;
	size_t n_rows;
	char *labels;                   /* model_row.label's block */
	unsigned generation;            /* new at each model_start */
	/* the one case opened in full (with the path not taken) */
	struct arena detail_arena;
	size_t detail_row;              /* SIZE_MAX: none */
	struct assessment detail;
	const char *detail_why;         /* why it could not be read again */
	/* loading */
	pthread_t thread;
	bool loading;                   /* a thread was started, not joined */
	atomic_int phase;
	atomic_size_t done, total;
	atomic_bool finished;
	bool vocab_failed;
};

/* Starts loading app's paths on a background thread. */
void model_start(struct model *m, struct app *app);
/* True once, when a load has just finished (the thread is then joined). */
bool model_poll(struct model *m);
/* Blocks until the load in progress, if any, ends; true if there was
 * one (like model_poll). */
bool model_wait(struct model *m);
bool model_ready(const struct model *m);
/* A line describing the load in progress ("Loading case files: 120 of
 * 5000"). */
const char *model_progress(const struct model *m, char *buf, size_t n);
/* Row i's case in full, read again from its file, with its full
 * assessment (the path not taken, each event's effect; without rules only
 * .c is set), made when first asked for and kept until another row is
 * asked for.  NULL when the file no longer holds the case: the reason is
 * in m->detail_why.  The list keeps a stub and a row_info of each case:
 * that is what filters and totals need, and it keeps 100,000 cases in
 * less memory than their files take. */
const struct assessment *model_detail(struct model *m, size_t i);
/* Frees everything (waits for a load in progress first). */
void model_free(struct model *m);

/* The name to show for row r: the person's name, or the pseudonym when
 * redacting; "" when the file gives none. */
const char *model_name(const struct model_row *r, bool redact);
/* A short label for a path ("vol. return"), and its colour role. */
const char *model_path_label(int path);
int model_path_role(int path);

#endif
