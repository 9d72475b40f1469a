/* policy.h - the policies of the rules file applied to a case: whether the
 * person was an enforcement priority on the encounter date under the
 * framework then in force, and whether an expedited-removal designation
 * reached the person on a day (legal-reference.md sections 5 and 1).
 * Policy, not law: nothing here changes a penalty or a relief. */
#ifndef CW_POLICY_H
#define CW_POLICY_H

#include "arena.h"
#include "rules.h"

struct pd_outcome {
	daynum encounter;               /* the day judged; DATE_NO_DAY-like:
					   INT32_MIN when the file has none */
	uint32_t encounter_line;        /* its event's line, or 0 */
	const struct policy *frame;     /* in force that day, or NULL */
	uint8_t result;                 /* enum pd_result */
	const struct policy_cat *cat;   /* priority or judgment: the category
					   that decided it */
	const char *level;              /* its level, "unknown", or NULL */
	const char *reason;             /* one line */
	/* categories whose facts the file leaves open (they make a judgment),
	 * and those casewalk does not assess (an officer's assessment) */
	const struct policy_cat **open;
	uint32_t n_open;
	const struct policy_cat **unassessed;
	uint32_t n_unassessed;
	/* factors the file shows, from the companions in force that day */
	const struct policy *companion;
	const struct policy_factor **factors;
	uint32_t n_factors;
	/* expedited removal on the encounter day and on the as-of date */
	int8_t er_then, er_now;         /* 1, 0, -1 */
	const struct policy *er_then_by, *er_now_by;
};

#define PD_NO_ENCOUNTER INT32_MIN

/* The framework in force on `day` applied to facts (derived as they stood
 * that day); day PD_NO_ENCOUNTER: no framework, "no encounter on file". */
void policy_priorities(const struct rules *r, const struct value *facts,
		       daynum day, struct pd_outcome *o, struct arena *a);

/* Whether an expedited-removal designation in force on `day` reaches the
 * person the facts describe (as they stood that day), net of court orders
 * excluding them: 1, 0, -1; *by the designation. */
int policy_expedited(const struct rules *r, const struct value *facts,
		     daynum day, const struct policy **by);

#endif
