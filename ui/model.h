/* model.h - what the explorer shows: the corpus, the rules, and the
 * core's summary of each case (query.h: struct catalog), loaded on a
 * background thread.
 *
 * The loading thread never touches curses: it reports progress through
 * atomics that the drawing loop reads, and the loop takes the result over
 * (model_poll) once the thread is done.  Until then nothing but the
 * progress counters may be read.  Every answer on screen comes from the
 * core (query.h, assess.h): the model only holds them.
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
#include "query.h"
#include "redact.h"
#include "rules.h"

enum model_phase { MODEL_IDLE, MODEL_RULES, MODEL_FILES, MODEL_DONE };

struct model {
	struct app *app;
	struct date as_of, law_as_of;   /* the dates every answer is for */
	struct corpus corpus;
	struct rules rules;
	bool have_corpus, have_rules;
	struct official official;
	struct diag_list diags;         /* rules and statistics problems */
	/* one row per case: the summary of the path taken, made on the
	 * loading threads (corpus_opts.each = query_row_of_case) */
	struct catalog cat;
	struct query_ctx q;             /* what those threads read */
	bool *revealed;                 /* quiz mode: outcome shown, by row */
	size_t *quiz_order, *quiz_no;   /* quiz mode: rows shuffled, and each
					   row's "Case N" (quiz.h) */
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
	atomic_bool cancel;             /* set: the load stops soon (quit) */
	bool vocab_failed;
};

/* Starts loading app's paths on a background thread, to be assessed as
 * of as_of under the law of law_as_of. */
void model_start(struct model *m, struct app *app, struct date as_of,
		 struct date law_as_of);
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
 * in m->detail_why. */
const struct assessment *model_detail(struct model *m, size_t i);
/* Frees everything: a load in progress is told to stop, and waited
 * for (q or ^C during a big load quits at once, not when it is done). */
void model_free(struct model *m);

/* The number of rows, and row i's case (a stub) and summary. */
static inline size_t model_rows(const struct model *m)
{
	return m->cat.n_rows;
}
static inline const struct cw_case *model_case(const struct model *m,
					       size_t i)
{
	return m->cat.rows[i].c;
}
static inline const struct case_row *model_row(const struct model *m,
					       size_t i)
{
	return m->cat.rows[i].row;
}
/* The name to show for row i: the person's name, or the pseudonym when
 * redacting; "" when the file gives none. */
const char *model_name(const struct model *m, size_t i, bool redact);
/* A short label for a path ("vol. return"), and its colour role. */
const char *model_path_label(int path);
int model_path_role(int path);

#endif
