/* explain.h - why a criterion stands as it does, and the events of the
 * case a penalty or a criterion rests on (issue 14: a case you can walk).
 *
 * A criterion reads facts (criterion.cond->expr); each is shown with its
 * meaning and its value on the side assessed, the amounts behind the
 * verdict ("departure.up_days: 412 days").  A penalty rests on the event
 * that triggered it (penalty.trigger_line); a criterion on the events
 * whose day is the value of a date it reads, directly or through a
 * derived fact of the rules.  The reverse, from an event, lists what it
 * triggers and which criteria rest on it.
 */
#ifndef CW_EXPLAIN_H
#define CW_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess.h"

struct explain_fact {
	const char *name;               /* as the rules name it */
	const char *meaning;            /* one line, or NULL */
	char value[64];                 /* "412 days", "2010-05-04", "not
					   known" */
	bool known;
	bool param;                     /* a parameter of the law, not a fact
					   of the case */
};

/* The facts criterion c reads, with their values on side s; p: the
 * penalty c belongs to (its item's facts), or NULL for a relief's.  Into
 * out[0..max); returns how many it reads, which may be more than max (the
 * caller says so: nothing is left out silently). */
size_t explain_criterion(const struct rules *r, const struct outcome_side *s,
			 const struct penalty *p, const struct criterion *c,
			 struct explain_fact *out, size_t max);

/* The events of c (indexes into c->events) that penalty p rests on: the
 * event that triggered it.  Into ev[0..max); returns how many. */
size_t explain_penalty_events(const struct cw_case *c,
			      const struct penalty *p, uint32_t *ev,
			      size_t max);
/* ... and that criterion k rests on. */
size_t explain_criterion_events(const struct rules *r,
				const struct outcome_side *s,
				const struct penalty *p,
				const struct criterion *k,
				const struct cw_case *c, uint32_t *ev,
				size_t max);

/* What rests on event i of c, on side s: a penalty it triggers (crit
 * NULL), or a criterion of a penalty or a relief. */
struct explain_link {
	const struct penalty *pen;      /* or NULL */
	const struct relief_eval *rel;  /* or NULL */
	const struct criterion *crit;   /* or NULL: the penalty itself */
};
size_t explain_event(const struct rules *r, const struct outcome_side *s,
		     const struct cw_case *c, uint32_t i,
		     struct explain_link *out, size_t max);

#endif
