/* relief.h - relief then and now, and the way back (legal-reference.md
 * sections 9 and 10), for assess.c. */
#ifndef CW_RELIEF_H
#define CW_RELIEF_H

#include "assess.h"

/* e->now, from side s (its facts, penalties and e's criteria). */
void relief_now(const struct rules *r, const struct outcome_side *s,
		struct relief_eval *e, struct arena *a);
/* e->then: the episode's events, and `at`, the same relief evaluated on
 * the eve of the decisive moment (NULL: the episode has not ended, s
 * itself). */
void relief_then(const struct rules *r, const struct outcome_side *s,
		 const struct relief_eval *at, struct relief_eval *e);
/* s->wb, and the earliest day of s's from_abroad relief: from s, and for
 * a person in the United States from `hypo`, s with the departure the way
 * back assumes (NULL: abroad). */
void relief_way_back(const struct rules *r, struct outcome_side *s,
		     const struct outcome_side *hypo, struct arena *a);
/* as->diff: what differs between the path taken and the path not taken
 * (penalties by rule, relief then and now, the way back's dates, the
 * hearing), in the rules' order. */
void assess_compare(const struct rules *r, struct assessment *as,
		    struct arena *a);

#endif
