/* relief.c - relief then and now, and the way back (legal-reference.md
 * sections 9 and 10), from the rules' data: each relief's forum, whether
 * it can be sought from abroad or through an immigrant visa, which of its
 * bars are penalties (with their ends and ways out), which conditions only
 * bind inside the United States, when it is lost; each bar's routes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "facts_int.h"
#include "relief.h"

#define CW_ENUM_NAME(id, name) name,
static const char *const then_names[] = { THEN_STATUSES(CW_ENUM_NAME) };
const struct enum_def then_status_def = { "then status", then_names,
					  THEN__COUNT };
static const char *const now_names[] = { NOW_STATUSES(CW_ENUM_NAME) };
const struct enum_def now_status_def = { "now status", now_names, NOW__COUNT };
#undef CW_ENUM_NAME

void assess_require(struct requires *r, const char *id, struct arena *a)
{
	for (uint32_t i = 0; i < r->n; i++)
		if (!strcmp(r->id[i], id))
			return;
	if (r->n == r->cap) {
		uint32_t cap = r->cap ? r->cap * 2 : 4;
		const char **v = arena_alloc(a, cap * sizeof(*v));
		if (r->n)
			memcpy(v, r->id, r->n * sizeof(*v));
		r->id = v;
		r->cap = cap;
	}
	r->id[r->n++] = id;
}

static int truth_of(const struct outcome_side *s, int f)
{
	return value_truth(s->facts[f]);
}

static daynum day_of(const struct outcome_side *s, int f, bool hi)
{
	struct value v = s->facts[f];
	return v.type == VAL_DATE ? (daynum)(hi ? v.hi : v.lo) : ASSESS_NO_DAY;
}

static int eval_truth(const struct expr *e, const struct outcome_side *s)
{
	return e ? value_truth(expr_eval(e, s->facts, NULL)) : 1;
}

static daynum eval_day(const struct expr *e, const struct outcome_side *s)
{
	struct value v = e ? expr_eval(e, s->facts, NULL) : value_unknown();
	return v.type == VAL_DATE ? (daynum)v.hi : ASSESS_NO_DAY;
}

/* "a, b" and "b, c": "a, b, c" (criterion.missing lists), in a. */
static const char *union_names(const char *have, const char *add,
			       struct arena *a)
{
	if (!add || !*add)
		return have;
	if (!have || !*have)
		return add;
	size_t hl = strlen(have), al = strlen(add);
	char *out = arena_alloc(a, hl + al + 3), *o = out;
	memcpy(o, have, hl);
	o += hl;
	for (const char *p = add; *p;) {
		const char *e = strstr(p, ", ");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		bool dup = false;
		for (const char *q = have; *q && !dup;) {
			const char *f = strstr(q, ", ");
			size_t m = f ? (size_t)(f - q) : strlen(q);
			dup = m == n && !memcmp(p, q, n);
			q = f ? f + 2 : q + m;
		}
		if (!dup) {
			memcpy(o, ", ", 2);
			memcpy(o + 2, p, n);
			o += n + 2;
		}
		p = e ? e + 2 : p + n;
	}
	*o = '\0';
	return out;
}

/* ---- bars and their routes ------------------------------------------------ */

/* The first route of p's rule open from where the person is (inside the
 * U.S., or abroad), or NULL; failing one that surely is, the first that
 * may be (its condition unknown: *maybe is set). */
static const struct rule_route *open_route(const struct penalty *p,
					   const struct outcome_side *s,
					   bool inside, bool *maybe)
{
	const struct rule_route *unsure = NULL;
	*maybe = false;
	for (uint32_t i = 0; i < p->rule->n_route; i++) {
		const struct rule_route *w = &p->rule->route[i];
		if (inside && w->abroad_only)
			continue;
		int t = eval_truth(w->when, s);
		if (t == 1)
			return w;
		if (t < 0 && !unsure)
			unsure = w;
	}
	*maybe = unsure != NULL;
	return unsure;
}

/* What the running bars make of a relief now. */
struct blocks {
	const char *barred;             /* a bar with no end and no route */
	daynum after;                   /* the last time-limited one's clear
					   day, or ASSESS_NO_DAY */
	bool unknown;                   /* one may run */
	bool inside;                    /* one binds only inside the U.S. */
	struct requires req;
	const char *missing;            /* facts that would decide one */
	const char *retroactive;        /* one is a retroactive precedent's */
};

static void one_bar(const struct penalty *p, const struct outcome_side *s,
		    bool inside, const char *text, struct blocks *b,
		    struct arena *a)
{
	if (p->running == 0)
		return;
	if (p->retroactive)
		b->retroactive = p->retroactive;
	if (p->running < 0 || p->possible) {
		b->unknown = true;
		return;
	}
	bool maybe;
	const struct rule_route *w = open_route(p, s, inside, &maybe);
	if (w) {
		if (strcmp(w->id, "exempt"))
			assess_require(&b->req, w->id, a);
		b->unknown |= maybe;
		return;
	}
	if (p->permanent < 0)
		b->unknown = true;      /* it may not end */
	if (p->until_lo != ASSESS_NO_DAY) {
		daynum clear = p->until_hi + 1;
		if (b->after == ASSESS_NO_DAY || clear > b->after)
			b->after = clear;
		return;
	}
	if (p->permanent < 0)
		return;                 /* its clock is not known */
	b->barred = text ? text : p->rule->title;
}

/* Each bar of a relief rule: a condition (true: barred) or a penalty's
 * instances; for a relief that needs admissibility, every running bar. */
static void bars_now(const struct relief_eval *e, const struct outcome_side *s,
		     bool inside, struct blocks *b, struct arena *a)
{
	const struct rule *rl = e->rule;
	for (uint32_t i = 0; i < rl->n_bars; i++) {
		const struct rule_cond *c = &rl->bars[i];
		if (c->penalty) {
			if (e->crit[i].truth == 0)
				continue;
			for (uint32_t k = 0; k < s->n_pen; k++)
				if (s->pen[k].rule == c->penalty)
					one_bar(&s->pen[k], s, inside, c->text, b, a);
			continue;
		}
		int t = e->crit[i].truth;
		if (t == 1 && c->inside)
			b->inside = true;
		else if (t == 1)
			b->barred = c->text;
		else if (t < 0) {
			b->unknown = true;
			b->missing = union_names(b->missing, e->crit[i].missing, a);
		}
	}
	if (!rl->admission)
		return;
	for (uint32_t k = 0; k < s->n_pen; k++) {
		const struct penalty *p = &s->pen[k];
		bool listed = false;
		for (uint32_t i = 0; i < rl->n_bars; i++)
			listed |= rl->bars[i].penalty == p->rule;
		if (p->rule->kind == KIND_BAR && !listed)
			one_bar(p, s, inside, NULL, b, a);
	}
}

/* ---- now ---------------------------------------------------------------- */

/* The latest order that stands unexecuted, or NULL. */
static const struct value *standing_order(const struct outcome_side *s)
{
	const struct item_set *is = &s->fs.items[SC_ORDER];
	const struct value *best = NULL;
	for (uint32_t k = 0; k < is->n; k++) {
		const struct value *row = item_row(is, k);
		if (value_truth(row[ORD_RESCINDED]) == 0 &&
		    value_truth(row[ORD_EXECUTED]) == 0)
			best = row;
	}
	return best;
}

static daynum roll(const struct rules *r, daynum d)
{
	return holidays_next_business_day(&r->holidays, d);
}

/* Which motion would reopen proceedings that ended in order o, and its
 * last day (section 9.3 via_motion). */
static void motion_for(const struct rules *r, const struct rule *rl,
		       const struct outcome_side *s, const struct value *o,
		       struct relief_now *n)
{
	daynum now = date_lo(date_from_days((daynum)s->facts[F_AS_OF].lo));
	daynum final = o[ORD_FINAL].type == VAL_DATE ? (daynum)o[ORD_FINAL].hi
						      : now;
	n->deadline = ASSESS_NO_DAY;
	if (rl->motion && !strcmp(rl->motion, "vawa")) {
		daynum dl = roll(r, fx_add_years(final,
			(int)s->facts[r->engine_param[P_VAWA_MOTION_YEARS]].lo,
			true));
		if (now <= dl) {
			n->motion = "vawa";
			n->deadline = dl;
			return;
		}
	} else if (rl->motion) {
		n->motion = rl->motion;
		return;
	}
	if (value_truth(o[ORD_IN_ABSENTIA]) == 1) {
		daynum dl = day_of(s, F_REOPEN_DEADLINE, false);
		const char *why = o[ORD_ABSENCE].type == VAL_STR ?
			o[ORD_ABSENCE].s : "";
		if (dl != ASSESS_NO_DAY && now <= dl) {
			n->motion = "rescission_180";
			n->deadline = dl;
		} else if (!strcmp(why, "no_notice") || !strcmp(why, "custody")) {
			n->motion = "rescission_any_time";
		} else {
			n->motion = "joint_or_sua_sponte";
		}
		return;
	}
	daynum dl = roll(r, final + (daynum)s->facts[
		r->engine_param[P_MOTION_DAYS]].lo);
	if (now <= dl) {
		n->motion = "statutory";
		n->deadline = dl;
	} else {
		n->motion = "joint_or_sua_sponte";
	}
}

static bool any_cond(const struct rule_cond *c, uint32_t n,
		     const struct outcome_side *s, const char **why)
{
	for (uint32_t i = 0; i < n; i++)
		if (eval_truth(c[i].expr, s) == 1) {
			*why = c[i].text;
			return true;
		}
	return false;
}

/* The criteria: unmet ones (a firm one, or one that binds only inside:
 * for a person abroad it decides nothing, for one inside it sends the
 * relief abroad when it has an abroad route), unknown ones, and when
 * waiting would meet them. */
struct crits {
	const char *unmet;
	daynum met_on;
	bool inside, unknown;
	const char *missing;
	const char *waiver[4];          /* waivers that meet a condition */
	uint32_t n_waiver;
};

/* A condition with `waiver: ID` that does not hold is met when that
 * relief is open now (it is then required): 2 granted (met, nothing
 * required), 1 open, -1 open but uncertain, 0 not open. */
static int waiver_open(const struct outcome_side *s, const struct rule *w)
{
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *v = &s->rel[i];
		if (v->rule != w)
			continue;
		switch (v->now.status) {
		case NOW_GRANTED:
			return 2;
		case NOW_AVAILABLE:
		case NOW_FROM_ABROAD:
		case NOW_AFTER_BAR:
			return v->now.certainty == CERT_ELIGIBLE ? 1 : -1;
		default:
			return 0;
		}
	}
	return 0;
}

static void crits_now(const struct rules *r, const struct relief_eval *e,
		      const struct outcome_side *s, struct arena *a,
		      struct crits *c)
{
	const struct rule *rl = e->rule;
	bool abroad = truth_of(s, F_IN_US) == 0;
	bool ended = r->paths[s->path].ended &&
		s->t_dec <= (daynum)s->facts[F_AS_OF].lo;
	memset(c, 0, sizeof(*c));
	c->met_on = ASSESS_NO_DAY;
	for (uint32_t i = 0; i < rl->n_when; i++) {
		const struct criterion *k = &e->crit[rl->n_bars + i];
		const struct rule_cond *w = &rl->when[i];
		if (w->proceedings && ended)
			continue;       /* it decided then */
		if (w->inside && abroad)
			continue;       /* where the person is decides */
		int wo = k->truth != 1 && w->waiver ? waiver_open(s, w->waiver)
						    : 0;
		if (wo == 2) {
			continue;
		} else if (wo) {
			if (c->n_waiver < sizeof(c->waiver) / sizeof(*c->waiver))
				c->waiver[c->n_waiver++] = w->waiver->id;
			if (wo < 0 || k->truth < 0)
				c->unknown = true;
		} else if (k->truth < 0) {
			c->unknown = true;
			c->missing = union_names(c->missing, k->missing, a);
		} else if (k->truth == 0 && w->inside && rl->abroad_visa) {
			c->inside = true;
		} else if (k->truth == 0 && !c->unmet) {
			c->unmet = w->text;
			c->met_on = eval_day(w->met_on, s);
		}
	}
}

/* Sets n's status and reason, and returns from the function. */
#define NOW(st, why) do { \
		n->status = (uint8_t)(st); \
		n->reason = (why); \
		return; \
	} while (0)

/* Where the person is and which forum is open (section 9.3). */
static void now_place(const struct rules *r, const struct relief_eval *e,
		      const struct outcome_side *s, const struct blocks *b,
		      const struct crits *c, struct relief_now *n)
{
	const struct rule *rl = e->rule;
	const char *why;
	if (any_cond(rl->lost, rl->n_lost, s, &why))
		NOW(NOW_LOST, why);
	if (b->inside || c->inside)
		NOW(NOW_FROM_ABROAD, "it cannot be sought inside "
			       "the United States: only through an immigrant "
			       "visa from abroad");
	const struct value *o = standing_order(s);
	bool ended = r->paths[s->path].ended;
	bool needs_ij = rl->forum != FORUM_USCIS;
	/* under a final order: via_motion first, with the bar's first clear
	 * day beside it when one also blocks it (section 9.3) */
	if (b->after != ASSESS_NO_DAY)
		n->from = b->after;
	if (o && ended && needs_ij) {
		motion_for(r, rl, s, o, n);
		NOW(NOW_VIA_MOTION, b->after != ASSESS_NO_DAY ?
		    "proceedings ended in a final order, and a bar with an "
		    "end blocks it until then: only if they are reopened "
		    "after it" : "proceedings ended in a final order: only if "
		    "they are reopened");
	}
	if (b->after != ASSESS_NO_DAY)
		NOW(NOW_AFTER_BAR, "a bar with an end blocks it "
			       "until then");
	if (truth_of(s, F_IN_PROCEEDINGS) == 1 || rl->forum == FORUM_USCIS ||
	    rl->forum == FORUM_BOTH)
		NOW(NOW_AVAILABLE, "it can be sought now");
	NOW(NOW_DEFENSIVE, "only a judge can grant it: only if DHS files a "
	    "notice to appear");
}

static void now_status(const struct rules *r, const struct outcome_side *s,
		       struct relief_eval *e, struct arena *a)
{
	const struct rule *rl = e->rule;
	struct relief_now *n = &e->now;
	const char *why;
	memset(n, 0, sizeof(*n));
	n->from = n->earliest = n->met_on = n->deadline = ASSESS_NO_DAY;
	int in_us = truth_of(s, F_IN_US);
	if (e->status == RSTAT_GRANTED) {
		if (any_cond(rl->lost, rl->n_lost, s, &why) && rl->from_abroad == false &&
		    in_us == 0)
			NOW(NOW_LOST, why);
		NOW(NOW_GRANTED, "granted");
	}
	struct blocks b = { .after = ASSESS_NO_DAY };
	struct crits c;
	bars_now(e, s, in_us != 0, &b, a);
	crits_now(r, e, s, a, &c);
	n->req = b.req;
	n->retroactive = b.retroactive;
	for (uint32_t i = 0; i < c.n_waiver; i++) {
		assess_require(&n->req, c.waiver[i], a);
		assess_require(&n->creq, c.waiver[i], a);
	}
	n->missing = union_names(b.missing, c.missing, a);
	n->certainty = b.unknown || c.unknown ? CERT_POSSIBLE : CERT_ELIGIBLE;
	if (b.barred && !(in_us == 0 && rl->abroad_visa))
		NOW(NOW_BARRED, b.barred);
	if (c.unmet) {
		n->met_on = c.met_on;
		NOW(NOW_INELIGIBLE, c.unmet);
	}
	if (in_us < 0)
		NOW(NOW_UNKNOWN, "whether the person is in the "
			       "United States is not known");
	if (in_us == 0) {
		if (b.barred)
			NOW(NOW_BARRED, b.barred);
		if (rl->abroad_visa)
			NOW(NOW_FROM_ABROAD, "through an immigrant "
				       "visa from abroad");
		if (rl->from_abroad)
			NOW(NOW_AVAILABLE, "it can be sought from "
				       "abroad");
		NOW(NOW_LOST, "it needs presence in the United "
			       "States");
	}
	now_place(r, e, s, &b, &c, n);
}

void relief_now(const struct rules *r, const struct outcome_side *s,
		struct relief_eval *e, struct arena *a)
{
	now_status(r, s, e, a);
	/* certainty, and the facts that would decide it, belong to a relief
	 * that is open in some way */
	struct relief_now *n = &e->now;
	switch (n->status) {
	case NOW_AVAILABLE: case NOW_DEFENSIVE: case NOW_VIA_MOTION:
	case NOW_AFTER_BAR: case NOW_FROM_ABROAD:
		if (n->certainty == CERT_ELIGIBLE)
			n->missing = NULL;
		break;
	case NOW_UNKNOWN:
		n->certainty = CERT_NONE;
		break;
	default:
		n->certainty = CERT_NONE;
		n->missing = NULL;
		n->req.n = n->creq.n = 0;       /* nothing to waive */
	}
}

/* ---- then --------------------------------------------------------------- */

/* What the episode shows of relief rl: 3 granted, 2 denied, 1 sought (an
 * application not decided), 0 nothing. */
static int episode_events(const struct rule *rl, const struct outcome_side *s)
{
	const struct cw_case *c = s->fs.c;
	if (rl->relief_id < 0)
		return 0;
	uint32_t from = facts_episode(c);
	int r = 0;
	for (uint32_t i = from < c->n_events ? from : 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->relief != rl->relief_id)
			continue;
		if (e->type == EV_DECISION && e->outcome == OUT_RELIEF_GRANTED)
			return 3;
		if (e->type == EV_DECISION && e->outcome == OUT_RELIEF_DENIED)
			r = 2;
		if (e->type == EV_APPLICATION && r < 1)
			r = 1;
	}
	return r;
}

static const char *forfeit_reason(const struct rules *r, const struct rule *rl,
				  const struct outcome_side *s)
{
	const struct path_info *p = &r->paths[s->path];
	if (!p->ended || p->judge)
		return NULL;
	if (rl->forum == FORUM_IJ_ONLY)
		return "only a judge can grant it, and the path gave no hearing";
	if (rl->forum == FORUM_IJ_OR_SCREENING && !p->screening)
		return "only a judge can grant it, and the path gave no hearing "
			"or fear screening";
	if (rl->forum == FORUM_BOTH && !rl->from_abroad && !p->screening &&
	    truth_of(s, F_IN_US) == 0)
		return "it cannot be sought from abroad, and the path gave no "
			"hearing or screening";
	return NULL;
}

void relief_then(const struct rules *r, const struct outcome_side *s,
		 const struct relief_eval *at, struct relief_eval *e)
{
	const struct rule *rl = e->rule;
	struct relief_then *t = &e->then;
	memset(t, 0, sizeof(*t));
	t->date = s->t_dec;
	int ev = episode_events(rl, s);
	if (ev == 3 || e->status == RSTAT_GRANTED) {
		t->status = THEN_GRANTED;
		t->reason = "granted in the episode";
		return;
	}
	if (ev == 2 || ev == 1) {
		t->status = ev == 2 ? THEN_DENIED : THEN_SOUGHT;
		t->reason = ev == 2 ? "decided against the person" :
			"applied for, not decided";
		return;
	}
	int met = 1;
	for (uint32_t i = 0; at && i < rl->n_bars; i++)
		if (at->crit[i].truth == 1 && !rl->bars[i].inside) {
			t->status = THEN_BARRED;
			t->reason = rl->bars[i].text;
			return;
		} else if (at->crit[i].truth < 0) {
			met = -1;
		}
	for (uint32_t i = 0; at && i < rl->n_when; i++) {
		int k = at->crit[rl->n_bars + i].truth;
		if (k == 0) {
			t->status = THEN_INELIGIBLE;
			t->reason = rl->when[i].text;
			return;
		}
		if (k < 0)
			met = -1;
	}
	const char *lost = forfeit_reason(r, rl, s);
	if (lost) {
		t->status = THEN_FORFEITED;
		t->reason = lost;
		return;
	}
	t->certainty = met == 1 ? CERT_ELIGIBLE : CERT_POSSIBLE;
	bool ended = r->paths[s->path].ended;
	t->status = ended ? THEN_NOT_SOUGHT : THEN_AVAILABLE;
	t->reason = ended ? "it could have been sought; the episode ended "
		"without an application" : "it can still be sought";
}

/* ---- the way back ------------------------------------------------------- */

static daynum later(daynum a, daynum b)
{
	if (a == ASSESS_NO_DAY || b == ASSESS_NO_DAY)
		return ASSESS_NO_DAY;
	return a > b ? a : b;
}

/* The standing bars of side s on day d (running then), their routes from
 * abroad or inside, and the two dates; a route is required only when the
 * date assumes it (its bar would still stand on that date without it). */
static void route_dates(const struct outcome_side *s, daynum d, bool inside,
			struct way_back *w, struct arena *a)
{
	w->n_standing = 0;
	w->standing = arena_alloc(a, (s->n_pen + 1) * sizeof(*w->standing));
	w->no_waiver = w->with_waivers = d;
	w->req = (struct requires){ NULL, 0, 0 };
	bool *maybe = arena_alloc(a, (s->n_pen + 1) * sizeof(*maybe));
	for (uint32_t k = 0; k < s->n_pen; k++) {
		const struct penalty *p = &s->pen[k];
		if (p->rule->kind != KIND_BAR || p->possible)
			continue;
		if (d < p->from_hi || (p->until_lo != ASSESS_NO_DAY &&
				       d > p->until_hi))
			continue;       /* not standing on day d */
		struct standing *st = &w->standing[w->n_standing];
		st->pen = p;
		st->clear_from = p->until_lo == ASSESS_NO_DAY ? ASSESS_NO_DAY
							     : p->until_hi + 1;
		w->maybe |= p->permanent < 0;   /* its end is not known */
		const struct rule_route *rt = open_route(p, s, inside,
							 &maybe[w->n_standing]);
		w->n_standing++;
		st->route = rt ? rt->id : NULL;
		st->route_from = rt ? later(d, rt->earliest ?
			eval_day(rt->earliest, s) : d) : ASSESS_NO_DAY;
		w->no_waiver = later(w->no_waiver, st->clear_from);
		w->with_waivers = later(w->with_waivers,
					rt ? st->route_from : st->clear_from);
	}
	for (uint32_t k = 0; k < w->n_standing; k++) {
		const struct standing *st = &w->standing[k];
		if (!st->route || !strcmp(st->route, "exempt"))
			continue;
		if (w->with_waivers != ASSESS_NO_DAY &&
		    st->clear_from != ASSESS_NO_DAY &&
		    st->clear_from <= w->with_waivers)
			continue;       /* over by then: not needed */
		assess_require(&w->req, st->route, a);
		w->maybe |= maybe[k];
	}
}

/* Criminal grounds of 212(a)(2) (section 10.4): no 212(h) route for drug
 * offenses beyond one small marijuana possession; the fifteen-year clock
 * of 212(h)(1)(A); a qualifying relative (212(h)(1)(B)) now. */
static void criminal_ground(const struct rules *r, const struct outcome_side *s,
			    daynum d, struct way_back *w, struct arena *a)
{
	int slot = -1;
	for (size_t i = 0; i < r->n_derives; i++)
		if (!strcmp(r->derives[i].id, "criminal_inadmissible"))
			slot = (int)r->derives[i].slot;
	if (slot < 0 || value_truth(s->facts[slot]) != 1)
		return;
	bool drugs = false;
	for (size_t i = 0; i < r->n_derives; i++)
		if (!strcmp(r->derives[i].id, "other_drug_offense") ||
		    !strcmp(r->derives[i].id, "drug_trafficking_af"))
			drugs |= value_truth(s->facts[r->derives[i].slot]) == 1;
	if (drugs) {
		w->criminal = "no waiver: a controlled-substance offense";
		w->no_waiver = w->with_waivers = ASSESS_NO_DAY;
		return;
	}
	daynum last = ASSESS_NO_DAY;
	const struct item_set *is = &s->fs.items[SC_OFFENSE];
	for (uint32_t k = 0; k < is->n; k++) {
		struct value v = item_row(is, k)[OFF_DATE];
		if (v.type == VAL_DATE && (last == ASSESS_NO_DAY || v.hi > last))
			last = (daynum)v.hi;
	}
	int years = (int)s->facts[r->engine_param[P_H212_YEARS]].lo;
	w->criminal_from = last == ASSESS_NO_DAY ? ASSESS_NO_DAY :
		later(d, fx_add_years(last, years, false) + 1);
	w->criminal = "waiver_212h";
	w->no_waiver = later(w->no_waiver, w->criminal_from);
	bool relative = truth_of(s, F_QUAL_REL_212H) == 1 ||
			truth_of(s, F_VAWA_SELF) == 1;
	if (relative)
		assess_require(&w->req, "waiver_212h", a);
	else
		w->with_waivers = later(w->with_waivers, w->criminal_from);
}

static const struct relief_eval *find_rel(const struct outcome_side *s,
					  const char *id)
{
	for (uint32_t i = 0; i < s->n_rel; i++)
		if (!strcmp(s->rel[i].rule->id, id))
			return &s->rel[i];
	return NULL;
}

/* Adjustment inside is open when adjust_245a or adjust_245i is now
 * available, or after a bar (section 10.4 adjust_inside); one that needs
 * reopened proceedings (via_motion) is not a route casewalk can date. */
static const struct relief_eval *inside_route(const struct outcome_side *s)
{
	static const char *const ids[] = { "adjust_245a", "adjust_245i" };
	for (int i = 0; i < 2; i++) {
		const struct relief_eval *e = find_rel(s, ids[i]);
		if (e && (e->now.status == NOW_AVAILABLE ||
			  e->now.status == NOW_AFTER_BAR))
			return e;
	}
	return NULL;
}

/* The I-601A (8 CFR 212.7(e)) by its era: whether the unlawful-presence
 * waiver can be decided before the departure. */
static void i601a(const struct rules *r, const struct outcome_side *s,
		  const struct outcome_side *hypo, struct way_back *w)
{
	const char *scope = s->facts[r->engine_param[P_I601A_SCOPE]].type ==
		VAL_STR ? s->facts[r->engine_param[P_I601A_SCOPE]].s : "none";
	w->i601a = 0;
	if (!strcmp(scope, "none")) {
		w->i601a_reason = "the I-601A did not exist under this law";
		return;
	}
	if (truth_of(s, F_IN_US) != 1) {
		w->i601a_reason = "the person is not in the United States";
		return;
	}
	struct value age = s->facts[F_AGE];
	if (age.type == VAL_INT && age.hi < s->facts[
	    r->engine_param[P_I601A_MIN_AGE]].lo) {
		w->i601a_reason = "under 17";
		return;
	}
	bool final = standing_order(s) != NULL;
	bool only_9b = true;
	for (uint32_t k = 0; hypo && k < hypo->wb.n_standing; k++) {
		const char *id = hypo->wb.standing[k].pen->rule->id;
		bool b9 = !strncmp(id, "bar_9B", 6);
		bool a9 = !strncmp(id, "bar_9A", 6);
		if (!b9 && !(a9 && !strcmp(scope, "all_categories")))
			only_9b = false;
	}
	int t = only_9b ? 1 : 0;
	if (!only_9b)
		w->i601a_reason = "another ground than 212(a)(9)(B) would apply";
	if (t && truth_of(s, F_IN_PROCEEDINGS) == 1 && s->path != PATH_ADMIN_CLOSED) {
		t = 0;
		w->i601a_reason = "in removal proceedings that are not "
			"administratively closed";
	}
	if (t && !strcmp(scope, "immediate_relatives")) {
		if (final) {
			t = 0;
			w->i601a_reason = "under a final order (2013 rule)";
		} else {
			t = fx_tri_and(truth_of(s, F_IMMEDIATE_REL),
				       truth_of(s, F_USC_SPOUSE_OR_PARENT));
		}
	} else if (t) {
		if (final && truth_of(s, F_GRANTED_consent_i212) != 1) {
			t = 0;
			w->i601a_reason = "under a final order, and no I-212 "
				"consent (conditional or not) is on file "
				"(8 CFR 212.7(e)(4)(iv))";
		} else {
			t = fx_tri_and(t, truth_of(s, F_QUAL_REL_9BV));
		}
	}
	if (t == 0 && !w->i601a_reason)
		w->i601a_reason = "no qualifying relative for the hardship";
	w->i601a = (int8_t)t;
}

void relief_way_back(const struct rules *r, struct outcome_side *s,
		     const struct outcome_side *hypo, struct arena *a)
{
	struct way_back *w = &s->wb;
	daynum now = (daynum)s->facts[F_AS_OF].lo;
	memset(w, 0, sizeof(*w));
	const struct relief_eval *in = inside_route(s);
	w->adjust_inside = in != NULL;
	if (in) {
		w->adjust_req = in->now.req;
	} else if (truth_of(s, F_IN_US) == 0) {
		w->adjust_reason = "the person is not in the United States";
	} else {
		const struct relief_eval *e = find_rel(s, "adjust_245a");
		w->adjust_reason = e ? e->now.reason : "no adjustment rule";
	}
	struct way_back inside = { 0 };
	if (in) {
		route_dates(s, now, true, &inside, a);
		if (in->now.status == NOW_AFTER_BAR)
			inside.no_waiver = inside.with_waivers =
				later(inside.with_waivers, in->now.from);
		criminal_ground(r, s, now, &inside, a);
	}
	const struct outcome_side *out = hypo ? hypo : s;
	daynum d = hypo ? (daynum)hypo->facts[F_AS_OF].lo : now;
	route_dates(out, d, false, w, a);
	criminal_ground(r, out, d, w, a);
	w->route = "consular";
	if (in && (w->with_waivers == ASSESS_NO_DAY ||
		   (inside.with_waivers != ASSESS_NO_DAY &&
		    inside.with_waivers <= w->with_waivers))) {
		struct standing *st = w->standing;
		uint32_t n = w->n_standing;
		*w = inside;
		if (!w->n_standing) {
			w->standing = st;
			w->n_standing = n;
		}
		w->adjust_inside = 1;
		w->adjust_req = in->now.req;
		w->route = "adjust_inside";
	}
	i601a(r, s, hypo, w);
	/* with the I-601A, the unlawful-presence waiver is decided before
	 * the departure: it is the route of the 9(B) bars */
	if (w->i601a == 1 && !strcmp(w->route, "consular")) {
		for (uint32_t k = 0; k < w->req.n; k++)
			if (!strcmp(w->req.id[k], "waiver_9Bv"))
				w->req.id[k] = "waiver_i601a";
		for (uint32_t k = 0; k < w->n_standing; k++)
			if (w->standing[k].route &&
			    !strcmp(w->standing[k].route, "waiver_9Bv"))
				w->standing[k].route = "waiver_i601a";
	}
	/* from_abroad relief carries the way back's date and waivers */
	for (uint32_t i = 0; i < s->n_rel; i++) {
		struct relief_now *n = &s->rel[i].now;
		if (n->status != NOW_FROM_ABROAD)
			continue;
		/* the way back's routes (those its date assumes), and the
		 * waivers that meet a condition */
		n->earliest = w->with_waivers;
		n->req = (struct requires){ NULL, 0, 0 };
		for (uint32_t k = 0; k < w->req.n; k++)
			assess_require(&n->req, w->req.id[k], a);
		for (uint32_t k = 0; k < n->creq.n; k++)
			assess_require(&n->req, n->creq.id[k], a);
		if (w->maybe)
			n->certainty = CERT_POSSIBLE;
	}
}

/* ---- the two paths side by side (cli.md differences[], section 10.4) ---- */

static void diff_push(struct assessment *as, struct arena *a, const char *what,
		      const char *rule, const char *field, struct value t,
		      struct value n)
{
	if (as->n_diff == as->cap_diff) {
		uint32_t cap = as->cap_diff ? as->cap_diff * 2 : 16;
		struct difference *v = arena_alloc(a, cap * sizeof(*v));
		if (as->n_diff)
			memcpy(v, as->diff, as->n_diff * sizeof(*v));
		as->diff = v;
		as->cap_diff = cap;
	}
	as->diff[as->n_diff++] = (struct difference){ what, rule, field, t, n };
}

static struct value day_value(daynum d)
{
	return d == ASSESS_NO_DAY ? value_unknown() : value_date(d);
}

static bool same_value(struct value a, struct value b)
{
	if (a.type != b.type)
		return false;
	if (a.type == VAL_STR)
		return !strcmp(a.s, b.s);
	return a.type == VAL_UNKNOWN || (a.lo == b.lo && a.hi == b.hi);
}

/* A penalty rule on one side: its instances, the last day the latest
 * runs to (ASSESS_NO_DAY: permanent), whether one runs. */
struct pen_sum {
	int n;
	daynum until;
	bool permanent;
	int running;
};

static struct pen_sum pen_sum(const struct outcome_side *s,
			      const struct rule *rl)
{
	struct pen_sum p = { 0, ASSESS_NO_DAY, false, 0 };
	for (uint32_t k = 0; k < s->n_pen; k++) {
		const struct penalty *q = &s->pen[k];
		if (q->rule != rl || q->possible)
			continue;
		p.n++;
		if (q->permanent == 1 || q->until_lo == ASSESS_NO_DAY)
			p.permanent = true;
		else if (p.until == ASSESS_NO_DAY || q->until_hi > p.until)
			p.until = q->until_hi;
		if (q->running == 1)
			p.running = 1;
		else if (q->running < 0 && !p.running)
			p.running = -1;
	}
	return p;
}

static struct value pen_until(struct pen_sum p)
{
	if (!p.n)
		return value_unknown();
	return p.permanent ? value_str("permanent") : value_date(p.until);
}

void assess_compare(const struct rules *r, struct assessment *as,
		    struct arena *a)
{
	const struct outcome_side *t = &as->taken, *n = &as->alt;
	as->n_diff = as->cap_diff = 0;
	as->diff = NULL;
	if (t->hearing != n->hearing)
		diff_push(as, a, "hearing", NULL, "hearing",
			  value_bool(t->hearing), value_bool(n->hearing));
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		if (!rule_kind_is_penalty(rl->kind))
			continue;
		struct pen_sum pt = pen_sum(t, rl), pn = pen_sum(n, rl);
		if (pt.n != pn.n)
			diff_push(as, a, "penalty", rl->id, "instances",
				  value_int(pt.n), value_int(pn.n));
		else if (!same_value(pen_until(pt), pen_until(pn)))
			diff_push(as, a, "penalty", rl->id, "until",
				  pen_until(pt), pen_until(pn));
		else if (pt.n && pt.running != pn.running)
			diff_push(as, a, "penalty", rl->id, "running",
				  pt.running < 0 ? value_unknown() :
				  value_bool(pt.running),
				  pn.running < 0 ? value_unknown() :
				  value_bool(pn.running));
	}
	for (uint32_t i = 0; i < t->n_rel; i++) {
		const struct relief_eval *e = &t->rel[i];
		const struct relief_eval *f = find_rel(n, e->rule->id);
		if (!f)
			continue;
		if (e->then.status != f->then.status)
			diff_push(as, a, "relief", e->rule->id, "then",
				  value_str(then_status_def.names[e->then.status]),
				  value_str(then_status_def.names[f->then.status]));
		if (e->now.status != f->now.status)
			diff_push(as, a, "relief", e->rule->id, "now",
				  value_str(now_status_def.names[e->now.status]),
				  value_str(now_status_def.names[f->now.status]));
	}
	if (t->wb.no_waiver != n->wb.no_waiver)
		diff_push(as, a, "way_back", NULL, "earliest_no_waiver",
			  day_value(t->wb.no_waiver), day_value(n->wb.no_waiver));
	if (t->wb.with_waivers != n->wb.with_waivers)
		diff_push(as, a, "way_back", NULL, "earliest_with_waivers",
			  day_value(t->wb.with_waivers),
			  day_value(n->wb.with_waivers));
}
