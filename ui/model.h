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
#include "official.h"
#include "redact.h"
#include "rules.h"

/* One case and what the list shows about it. */
struct model_row {
	const struct cw_case *c;
	struct assessment as;           /* the path taken (assess_case_taken);
					   valid when model.have_rules */
	const struct penalty *headline; /* may be NULL */
	int n_status[RSTAT__COUNT];     /* relief rules by status */
	bool running;                   /* a penalty in force on as_of */
	bool revealed;                  /* quiz mode: outcome shown */
	char pseudonym[REDACT_BUFSZ];
};

enum model_phase { MODEL_IDLE, MODEL_FILES, MODEL_RULES, MODEL_ASSESS,
		   MODEL_DONE };

struct model {
	struct app *app;
	struct corpus corpus;
	struct rules rules;
	bool have_corpus, have_rules;
	struct official official;
	struct diag_list diags;         /* rules and statistics problems */
	struct arena *arenas;           /* assessments, one per worker */
	int n_arenas;
	struct model_row *rows;
	size_t n_rows;
	/* the one case opened in full (with the path not taken) */
	struct arena detail_arena;
	size_t detail_row;              /* SIZE_MAX: none */
	struct assessment detail;
	size_t n_hearing;
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
/* The full assessment of row i (the path not taken, each event's effect),
 * made when first asked for and kept until another row is asked for.  The
 * list keeps only the path taken of every case: that is what filters and
 * totals need, and it keeps a large corpus in memory. */
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
