/* policy.c - enforcement priorities and expedited-removal designations
 * applied to one case's facts on one day (see policy.h).
 */
#include <string.h>

#include "policy.h"

static int truth(const struct expr *e, const struct value *facts)
{
	return e ? value_truth(expr_eval(e, facts, NULL)) : -1;
}

static const struct policy_cat **push(const struct policy_cat **v,
				      uint32_t *n, uint32_t cap,
				      const struct policy_cat *c)
{
	if (*n < cap)
		v[(*n)++] = c;
	return v;
}

/* The level of priority category c: the first that holds; "unknown" when
 * none holds and one may. */
static const char *level_of(const struct policy_cat *c,
			    const struct value *facts)
{
	bool maybe = false;
	for (uint32_t i = 0; i < c->n_levels; i++) {
		int t = truth(c->levels[i].expr, facts);
		if (t == 1)
			return maybe ? "unknown" : c->levels[i].code;
		maybe |= t < 0;
	}
	return c->n_levels ? "unknown" : NULL;
}

static void factors(const struct rules *r, const struct value *facts,
		    daynum day, struct pd_outcome *o, struct arena *a)
{
	struct date d = date_from_days(day);
	for (size_t i = 0; i < r->n_policies; i++) {
		const struct policy *p = &r->policies[i];
		if (p->kind != POL_PRIORITIES || !p->companion ||
		    !policy_in_force(p, d))
			continue;
		o->companion = p;
		o->factors = arena_alloc(a, (p->n_factor + 1) *
					 sizeof(*o->factors));
		for (uint32_t k = 0; k < p->n_factor; k++)
			if (truth(p->factor[k].expr, facts) == 1)
				o->factors[o->n_factors++] = &p->factor[k];
		return;
	}
}

void policy_priorities(const struct rules *r, const struct value *facts,
		       daynum day, struct pd_outcome *o, struct arena *a)
{
	o->encounter = day;
	o->frame = NULL;
	o->cat = NULL;
	o->level = NULL;
	o->n_open = o->n_unassessed = o->n_factors = 0;
	o->companion = NULL;
	o->result = PD_NO_FRAMEWORK;
	if (day == PD_NO_ENCOUNTER) {
		o->reason = "no encounter on file: no framework applies";
		return;
	}
	struct date d = date_from_days(day);
	for (size_t i = 0; i < r->n_policies && !o->frame; i++) {
		const struct policy *p = &r->policies[i];
		if (p->kind == POL_PRIORITIES && !p->companion &&
		    policy_in_force(p, d))
			o->frame = p;
	}
	factors(r, facts, day, o, a);
	const struct policy *p = o->frame;
	if (!p) {
		o->reason = "no framework was in force on the encounter date";
		return;
	}
	uint32_t cap = p->n_cat + 1;
	o->open = arena_alloc(a, cap * sizeof(*o->open));
	o->unassessed = arena_alloc(a, cap * sizeof(*o->unassessed));
	const struct policy_cat *prio = NULL, *judg = NULL;
	for (uint32_t k = 0; k < p->n_cat; k++) {
		const struct policy_cat *c = &p->cat[k];
		if (!c->expr) {
			push(o->unassessed, &o->n_unassessed, cap, c);
			continue;
		}
		int t = truth(c->expr, facts);
		if (t == 1 && c->result == PD_PRIORITY && !prio)
			prio = c;
		else if (t == 1 && !judg)
			judg = c;
		else if (t < 0)
			push(o->open, &o->n_open, cap, c);
	}
	if (prio) {
		o->result = PD_PRIORITY;
		o->cat = prio;
		o->level = level_of(prio, facts);
		o->reason = "a priority category applies on the recorded facts";
	} else if (judg || o->n_open) {
		o->result = PD_JUDGMENT;
		o->cat = judg ? judg : o->open[0];
		o->reason = judg ? "the category turns on an officer's "
			"assessment the file cannot settle" :
			"the facts that would decide a category are not on file";
	} else {
		o->result = p->otherwise;
		o->reason = p->otherwise == PD_NOT_LISTED ?
			"no listed class applies, and the framework exempted "
			"no class of removable person" :
			p->otherwise == PD_NO_FRAMEWORK ?
			"the framework in force sets no priorities" :
			"no priority category applies on the recorded facts";
	}
}

int policy_expedited(const struct rules *r, const struct value *facts,
		     daynum day, const struct policy **by)
{
	struct date d = date_from_days(day);
	int covered = 0;
	*by = NULL;
	for (size_t i = 0; i < r->n_policies; i++) {
		const struct policy *p = &r->policies[i];
		if (p->kind != POL_EXPEDITED || p->excludes ||
		    !policy_in_force(p, d))
			continue;
		int t = truth(p->covers, facts);
		if (t == 1 && covered != 1) {
			covered = 1;
			*by = p;
		} else if (t < 0 && covered == 0) {
			covered = -1;
			*by = p;
		}
	}
	if (!covered)
		return 0;
	for (size_t i = 0; i < r->n_policies; i++) {
		const struct policy *p = &r->policies[i];
		if (p->kind != POL_EXPEDITED || !p->excludes ||
		    !policy_in_force(p, d))
			continue;
		int t = truth(p->covers, facts);
		if (t == 1) {
			*by = p;
			return 0;
		}
		if (t < 0)
			covered = -1;
	}
	return covered;
}
