/* facts.h - what the timeline of a case says, for the rules
 * (legal-reference.md sections 0-4).
 *
 * src/ derives neutral facts: stays, periods, durations, dates, counts,
 * which offense was committed when, who was a child on which day; each is
 * a value of expr.h (unknown, bool, int, date or text, a range when the
 * file gives an imprecise date).  Facts of single events are items
 * (items.h).  What the law makes of them is config/rules.yaml: its
 * parameters (thresholds, dates, eras) and derived facts, which
 * facts_derive evaluates in their place.  A missing fact is unknown, never
 * silently false.
 */
#ifndef CW_FACTS_H
#define CW_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "case.h"
#include "expr.h"
#include "items.h"
#include "paths.h"
#include "rules.h"
#include "vocab.h"

/* The case facts: names, types and one-line meanings, in index order. */
struct fact_def {
	const char *name;
	uint8_t type;           /* enum value_type */
	bool late;              /* computed after the items' derived facts */
	const char *meaning;
};

extern const struct fact_def facts_table[];
extern const size_t facts_count;

/* Every fixed text a case fact can hold (path ids, stop_time_by, the
 * kinds of departure...): factpack.h keeps them as a byte. */
extern const char *const facts_strings[];
extern const size_t facts_n_strings;
int facts_index(const char *name);
/* A value as text, the way rules tests write it: true, 181, 2010-03-01,
 * 9..10 for a range, unknown; " (borderline)" when marked. */
void facts_format(struct value v, char *buf, size_t n);

struct facts_ctx {
	const struct rules *rules;      /* parameters, derived facts, vocab */
	struct date as_of, law_as_of;
	uint8_t need;                   /* NEED_ALL, or which readers' derived
					   facts only (rules.h) */
};

/* The facts of one side of an assessment. */
struct fact_set {
	struct value *v;                /* every slot of rules->env */
	struct item_set items[SC__COUNT];
	const struct cw_case *c;        /* as evaluated: no future events */
	uint8_t path;                   /* enum path_id */
	bool hearing;
	uint8_t need;                   /* facts_ctx.need */
};

/* Derives every fact of c, the parameters under the law of law_as_of and
 * the rules' derived facts of phases 0 and 1; in arena a. */
void facts_derive(const struct facts_ctx *ctx, const struct cw_case *c,
		  struct fact_set *out, struct arena *a);
/* The rules' derived facts of one phase (2: after the penalties have set
 * their running_ facts). */
void facts_run_derives(const struct rules *r, struct fact_set *fs, int phase);
/* Copies item k of scope sc into its slots of fs->v. */
void facts_load_item(const struct rules *r, struct fact_set *fs, int sc,
		     uint32_t k);
/* The same for the columns cols[0..n) only (rules.h: what a rule or a
 * derived fact reads). */
void facts_load_cols(const struct rules *r, struct fact_set *fs, int sc,
		     uint32_t k, const uint16_t *cols, uint16_t n);

/* The path of legal-reference.md section 1 (enum path_id). */
int facts_path(const struct cw_case *c);
/* An encounter, a notice to appear, or a DHS order or return: an event
 * that begins an enforcement episode. */
bool facts_is_enforcement(const struct event *e);
/* The index of the first event of the latest enforcement episode (its
 * first encounter or notice), or c->n_events when there is none. */
uint32_t facts_episode(const struct cw_case *c);
/* Whether fs says the person is in the United States on as_of: 1, 0, -1. */
int facts_in_us(const struct fact_set *fs);

/* Offense classification with vocabulary defaults and per-offense
 * overrides applied: TRI_TRUE, TRI_FALSE or TRI_UNSET per class. */
void facts_offense_class(const struct vocab *vb, const struct offense *o,
			 int8_t cls[CLS__COUNT]);

/* The case c without the events after as_of that the evaluation leaves
 * out (date.future_events), without the offenses committed after it, and
 * with a conviction after it read as a pending charge: c itself when
 * nothing is after as_of. */
const struct cw_case *facts_as_of(const struct cw_case *c, struct date as_of,
				  struct arena *a);

#endif
