/* facts.h - what the rules need to know about a case, derived from its
 * timeline (legal-reference.md sections 0-4).
 *
 * Each fact is a value of expr.h: unknown, bool, int (days, years, counts)
 * or date, possibly a range when the case file gives an imprecise date.
 * Missing facts make results unknown, never silently false.
 */
#ifndef CW_FACTS_H
#define CW_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "assess.h"
#include "case.h"
#include "expr.h"
#include "vocab.h"

/* The fact table: names, types and one-line meanings, in index order. */
struct fact_def {
	const char *name;
	uint8_t type;           /* enum value_type */
	const char *meaning;
};

extern const struct fact_def facts_table[];
extern const size_t facts_count;

/* Every text a fact can hold: the path ids (path, indexed by enum path_id),
 * then what stopped time (stop_time_by).  factpack.h keeps them as a
 * byte. */
enum {
	FACTS_BY_NTA = PATH__COUNT, FACTS_BY_HEARING_NOTICE, FACTS_BY_OFFENSE,
	FACTS_BY_NONE, FACTS_STRINGS
};
extern const char *const facts_strings[FACTS_STRINGS];
int facts_index(const char *name);
/* A value as text, the way rules tests write it: true, 181, 2010-03-01,
 * 9..10 for a range, unknown; " (borderline)" when marked. */
void facts_format(struct value v, char *buf, size_t n);

struct facts_ctx {
	const struct vocab *vocab;
	struct date as_of, law_as_of;
};

/* Derives every fact of c into out[facts_count].  The path not taken is
 * assessed by deriving the facts of a rewritten case (assess.c). */
void facts_derive(const struct facts_ctx *ctx, const struct cw_case *c,
		  struct value *out);

/* Whether derived facts f say there was a hearing before a judge. */
bool facts_hearing(const struct value *f);

/* The path of legal-reference.md section 1 (enum path_id of assess.h). */
int facts_path(const struct cw_case *c);

/* Offense classification with vocabulary defaults and per-offense
 * overrides applied: TRI_TRUE, TRI_FALSE or TRI_UNSET per class. */
void facts_offense_class(const struct vocab *vb, const struct offense *o,
			 int8_t cls[CLS__COUNT]);

#endif
