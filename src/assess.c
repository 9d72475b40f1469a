/* assess.c - a case's assessment: penalties and relief on the path taken
 * and on the path not taken.  Everything the screen and `assess` show. */
#include "assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

#define CW_ENUM_NAME(id, name) name,
static const char *const relief_status_names[] = {
	RELIEF_STATUSES(CW_ENUM_NAME) };
const struct enum_def relief_status_def = { "relief status",
	relief_status_names, RSTAT__COUNT };
static const char *const path_id_names[] = { PATHS(CW_ENUM_NAME) };
const struct enum_def path_id_def = { "path", path_id_names, PATH__COUNT };

/* The names of the facts an evaluation found unknown. */
static const char *missing_names(const struct rules *r,
				 const struct expr_missing *m,
				 struct arena *a)
{
	if (!m->n)
		return NULL;
	char buf[512];
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < m->n && used < sizeof(buf); i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
					 i ? ", " : "",
					 r->env.facts[m->idx[i]].name);
	return arena_strdup(a, buf);
}

/* Evaluates conditions c[0..n) into out[0..n); with `detail`, names the
 * facts that left a condition unknown (the case view shows them). */
static void eval_conds(const struct rules *r, const struct rule_cond *c,
		       uint32_t n, const struct value *facts,
		       struct criterion *out, bool detail, struct arena *a)
{
	for (uint32_t i = 0; i < n; i++) {
		struct expr_missing m = { .n = 0 };
		struct value v = c[i].expr ?
			expr_eval(c[i].expr, facts, detail ? &m : NULL) :
			value_unknown();
		out[i].cond = &c[i];
		out[i].truth = (int8_t)value_truth(v);
		out[i].borderline = v.borderline;
		out[i].missing = detail && out[i].truth < 0 ?
			missing_names(r, &m, a) : NULL;
	}
}

static int all_of(const struct criterion *c, uint32_t n)
{
	int t = 1;
	for (uint32_t i = 0; i < n; i++) {
		if (c[i].truth == 0)
			return 0;
		if (c[i].truth < 0)
			t = -1;
	}
	return t;
}

/* The days casewalk can name: years 1000..9999 (date.h). */
#define CALENDAR_LO ((int64_t)DATE_DAYS_1000_01_01)
#define CALENDAR_HI ((int64_t)DATE_DAYS_9999_12_31)

/* The precision a date range [lo, hi] is known to: the day, its month,
 * or its year (printed YYYY-MM-DD, YYYY-MM, YYYY as cli.md says). */
static uint8_t range_prec(int64_t lo, int64_t hi)
{
	struct date a = date_from_days((daynum)lo), b = date_from_days((daynum)hi);
	if (lo == hi)
		return DATE_DAY;
	if (a.y == b.y && a.m == b.m)
		return DATE_MONTH;
	return DATE_YEAR;
}

/* The penalty's clock (legal-reference.md section 0). */
static void clock(const struct rule *rl, const struct value *facts,
		  struct date as_of, struct penalty *p)
{
	struct value from = expr_eval(rl->clock_from, facts, NULL);
	p->years = -1;
	p->from = DATE_NONE_INIT;
	p->until = DATE_NONE_INIT;
	p->running = -1;
	/* a rules file can compute any day: keep to the calendar's years */
	if (from.type != VAL_DATE || from.lo < CALENDAR_LO ||
	    from.hi > CALENDAR_HI - 200 * 366)
		return;
	p->from = date_from_days((daynum)from.lo);
	p->from.prec = range_prec(from.lo, from.hi);
	struct value perm = rl->clock_permanent ?
		expr_eval(rl->clock_permanent, facts, NULL) : value_bool(false);
	daynum now = date_lo(as_of);
	if (value_truth(perm) == 1 || !rl->clock_years) {
		p->running = (int8_t)(from.hi <= now ? 1 : from.lo > now ? 0 : -1);
		return;
	}
	struct value yrs = expr_eval(rl->clock_years, facts, NULL);
	if (yrs.type != VAL_INT || yrs.lo != yrs.hi || yrs.lo < 0 ||
	    yrs.lo > 200)
		return;
	p->years = (int)yrs.lo;
	struct date base = date_from_days((daynum)from.lo);
	struct date end = date_add_years(base, p->years, DATE_LEAP_MAR1);
	if (rl->convention == CLOCK_PERIOD_END)
		end = date_add_days(end, -1);
	p->until = end;
	p->until.prec = range_prec(from.lo, from.hi);
	daynum u = date_lo(end) + (daynum)(from.hi - from.lo);
	p->running = (int8_t)(now < from.lo ? 0 : now > u ? 0 :
			      (now >= from.hi && now <= date_lo(end)) ? 1 : -1);
	if (value_truth(perm) < 0)
		p->running = p->running == 1 ? 1 : -1;
}

static void eval_penalties(const struct rules *r, struct value *facts,
			   struct outcome_side *s, struct date as_of,
			   struct date law, bool detail, struct arena *a)
{
	/* each element is zeroed when used: most rules do not attach */
	s->pen = arena_alloc(a, (r->n + 1) * sizeof(*s->pen));
	for (size_t i = facts_count; i < r->env.n_facts; i++)
		facts[i] = value_bool(false);
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		if (rl->kind != RULE_PENALTY || !rules_in_force(rl, law))
			continue;
		/* most penalties do not attach: evaluate on the stack, keep
		 * the criteria only of those that do (the explorer holds
		 * every case's assessment) */
		struct criterion small[16];
		struct criterion *c = rl->n_when <= 16 ? small :
			arena_alloc(a, rl->n_when * sizeof(*c));
		/* one unmet condition and it does not attach: the rest are
		 * not looked at (nothing shows a penalty that does not) */
		bool unmet = false;
		for (uint32_t w = 0; w < rl->n_when && !unmet; w++) {
			eval_conds(r, rl->when + w, 1, facts, c + w, detail, a);
			unmet = c[w].truth == 0;
		}
		if (unmet)
			continue;
		int t = all_of(c, rl->n_when);
		if (c == small) {
			c = arena_alloc(a, (rl->n_when + 1) * sizeof(*c));
			memcpy(c, small, rl->n_when * sizeof(*c));
		}
		struct penalty *p = &s->pen[s->n_pen++];
		memset(p, 0, sizeof(*p));
		p->rule = rl;
		p->crit = c;
		p->n_crit = rl->n_when;
		p->possible = t < 0;
		for (uint32_t k = 0; k < rl->n_when; k++)
			p->borderline |= c[k].borderline;
		clock(rl, facts, as_of, p);
		int ix = rl->running_fact;
		if (ix >= 0) {
			int run = p->possible ? (p->running ? -1 : 0) : p->running;
			/* a rule split by eras shares one running_ fact */
			if (value_truth(facts[ix]) != 1)
				facts[ix] = run < 0 ? value_unknown()
						    : value_bool(run == 1);
		}
	}
}

static void relief_status(const struct rules *r, const struct rule *rl,
			  const struct value *facts, struct relief_eval *out,
			  bool detail, struct arena *a)
{
	uint32_t n = rl->n_bars + rl->n_when;
	out->crit = arena_alloc(a, (n + 1) * sizeof(*out->crit));   /* all set */
	out->n_crit = n;
	struct criterion *bars = out->crit, *when = out->crit + rl->n_bars;
	eval_conds(r, rl->bars, rl->n_bars, facts, bars, detail, a);
	eval_conds(r, rl->when, rl->n_when, facts, when, detail, a);
	int barred = 0;
	for (uint32_t i = 0; i < rl->n_bars; i++)
		if (bars[i].truth == 1 && barred != 1) {
			barred = 1;
			out->reason = bars[i].cond->text;
		} else if (bars[i].truth < 0 && !barred) {
			barred = -1;    /* a bar that may apply: at best possible */
		}
	int met = all_of(when, rl->n_when);
	struct value g = rl->granted ? expr_eval(rl->granted, facts, NULL)
				     : value_bool(false);
	struct value f = rl->forfeited ? expr_eval(rl->forfeited, facts, NULL)
				       : value_bool(false);
	if (value_truth(g) == 1) {
		out->status = RSTAT_GRANTED;
		out->reason = "granted in this case";
	} else if (barred) {
		out->status = RSTAT_BARRED;
	} else if (met == 0) {
		out->status = RSTAT_INELIGIBLE;
		for (uint32_t i = 0; i < rl->n_when; i++)
			if (when[i].truth == 0) {
				out->reason = when[i].cond->text;
				break;
			}
	} else if (value_truth(f) == 1) {
		out->status = RSTAT_FORFEITED;
		out->reason = rl->forfeited_text;
	} else if (met == 1 && barred == 0) {
		out->status = RSTAT_ELIGIBLE;
		out->reason = "every criterion is met";
	} else {
		out->status = RSTAT_POSSIBLE;
		out->reason = barred ? "nothing unmet, but a bar may apply"
				     : "nothing unmet, but some facts are unknown";
	}
}

static void assess_side(const struct rules *r, const struct facts_ctx *fc,
			const struct cw_case *c, struct outcome_side *s,
			bool detail, struct arena *a)
{
	/* every fact is set: by facts_derive, then by eval_penalties */
	s->facts = arena_alloc(a, (r->env.n_facts + 1) * sizeof(*s->facts));
	facts_derive(fc, c, s->facts);
	s->path = (uint8_t)facts_path(c);
	s->hearing = facts_hearing(s->facts);
	eval_penalties(r, s->facts, s, fc->as_of, fc->law_as_of, detail, a);
	s->rel = arena_alloc(a, (r->n + 1) * sizeof(*s->rel));
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		if (rl->kind != RULE_RELIEF || !rules_in_force(rl, fc->law_as_of))
			continue;
		struct relief_eval *out = &s->rel[s->n_rel++];
		memset(out, 0, sizeof(*out));
		out->rule = rl;
		relief_status(r, rl, s->facts, out, detail, a);
	}
}

/* ---- the path not taken ------------------------------------------------- */

static struct event *push(struct cw_case *c, struct date d, int type)
{
	struct event *e = &c->events[c->n_events];
	case_event_init(e);
	e->date = d;
	e->type = (int8_t)type;
	e->order = c->n_events++;
	return e;
}

/* A voluntary return or withdrawal becomes a contested hearing ending in
 * a removal order on the same day, and its departure a removal. */
static void alt_hearing(const struct cw_case *src, struct cw_case *c,
			int from_type)
{
	for (uint32_t i = 0; i < src->n_events; i++) {
		const struct event *e = &src->events[i];
		if (e->type == from_type) {
			struct event *n = push(c, e->date, EV_NTA_SERVED);
			n->time_place = n->oral_notice = TRI_TRUE;
			n->filed = e->date;
			n->arriving = from_type == EV_WITHDRAWAL_AT_PORT;
			struct event *h = push(c, e->date, EV_HEARING);
			h->kind = HK_INDIVIDUAL;
			h->appeared = TRI_TRUE;
			struct event *d = push(c, e->date, EV_DECISION);
			d->outcome = OUT_REMOVAL_ORDER;
			continue;
		}
		struct event *n = &c->events[c->n_events];
		*n = *e;
		n->order = c->n_events++;
		if (e->type == EV_DEPARTURE &&
		    (e->kind == DK_VOLUNTARY_RETURN || e->kind == DK_SELF ||
		     e->kind < 0))
			n->kind = DK_REMOVED;
	}
}

/* A court path (or any other) becomes a voluntary return, with the
 * hearing advisal and waiver, on the day of the episode's first encounter. */
static bool alt_vr(const struct cw_case *src, struct cw_case *c)
{
	const struct event *nta = NULL, *enc = NULL;
	for (uint32_t i = 0; i < src->n_events; i++)
		if (src->events[i].type == EV_NTA_SERVED)
			nta = &src->events[i];
	for (uint32_t i = 0; i < src->n_events; i++) {
		const struct event *e = &src->events[i];
		if (e->type == EV_ENCOUNTER &&
		    (!nta || date_lo(e->date) <= date_lo(nta->date)))
			enc = e;
		if (e->type == EV_ENTRY && enc &&
		    date_lo(e->date) > date_lo(enc->date))
			enc = NULL;     /* an encounter of an earlier stay */
	}
	const struct event *at = enc ? enc : nta;
	if (!at)
		return false;
	for (uint32_t i = 0; i < src->n_events; i++) {
		const struct event *e = &src->events[i];
		if (e >= at && e != at)
			break;
		struct event *n = &c->events[c->n_events];
		*n = *e;
		n->order = c->n_events++;
	}
	struct event *v = push(c, at->date, EV_VOLUNTARY_RETURN);
	v->advised = TRI_TRUE;
	struct event *d = push(c, at->date, EV_DEPARTURE);
	d->kind = DK_VOLUNTARY_RETURN;
	d->verified = TRI_TRUE;
	return true;
}

/* An expedited removal becomes a withdrawal of the application for
 * admission: no order (legal-reference.md E12). */
static void alt_withdrawal(const struct cw_case *src, struct cw_case *c)
{
	for (uint32_t i = 0; i < src->n_events; i++) {
		struct event *n = &c->events[c->n_events];
		*n = src->events[i];
		n->order = c->n_events++;
		if (n->type == EV_EXPEDITED_REMOVAL)
			n->type = EV_WITHDRAWAL_AT_PORT;
		else if (n->type == EV_DEPARTURE && n->kind == DK_REMOVED)
			n->kind = DK_SELF;
	}
}

static const struct cw_case *alternative(const struct cw_case *src, int path,
					 struct arena *a)
{
	struct cw_case *c = arena_alloc(a, sizeof(*c));
	*c = *src;
	c->events = arena_alloc(a, (src->n_events + 4) * sizeof(*c->events));
	c->n_events = 0;
	switch (path) {
	case PATH_VOLUNTARY_RETURN:
		alt_hearing(src, c, EV_VOLUNTARY_RETURN);
		break;
	case PATH_WITHDRAWAL_AT_PORT:
		alt_hearing(src, c, EV_WITHDRAWAL_AT_PORT);
		break;
	case PATH_EXPEDITED:
		alt_withdrawal(src, c);
		break;
	default:
		if (!alt_vr(src, c))
			return src;
	}
	case_sort_events(c);
	return c;
}

/* ---- what the views show beside the verdicts ---------------------------- */

/* The event a penalty's clock starts at: the departure (or entry) of that
 * day if there is one, else the day's last event; -1 if none. */
static int start_event(const struct cw_case *c, const struct penalty *p)
{
	int best = -1;
	if (!date_known(p->from))
		return -1;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (date_lo(e->date) != date_lo(p->from))
			continue;
		if (e->type == EV_DEPARTURE || e->type == EV_ENTRY)
			return (int)i;
		best = (int)i;
	}
	return best;
}

static const char *event_effect(const struct cw_case *c, uint32_t ix,
				const struct outcome_side *s, struct arena *a)
{
	const struct event *e = &c->events[ix];
	char buf[256];
	size_t used = 0;
	buf[0] = '\0';
	static const char *const base[EV__COUNT] = {
		[EV_ENTRY] = "arrival; presence begins",
		[EV_STATUS_VIOLATION_FOUND] = "status violation found: unlawful presence starts for a D/S admission",
		[EV_PETITION] = "immigrant petition (245(i) if filed by 2001-04-30)",
		[EV_STATUS_GRANTED] = "authorized stay: not unlawful presence",
		[EV_ENCOUNTER] = "apprehension or arrest",
		[EV_VOLUNTARY_RETURN] = "voluntary return: no removal order, no judge; relief only a judge can grant is lost",
		[EV_WITHDRAWAL_AT_PORT] = "withdrawal of the application for admission: no order",
		[EV_NTA_SERVED] = "notice to appear: removal proceedings; may stop time (240A(d)(1))",
		[EV_HEARING_NOTICE] = "notice of hearing",
		[EV_HEARING] = "hearing before an immigration judge",
		[EV_MOTION] = "motion to reopen or reconsider",
		[EV_APPLICATION] = "application for relief",
		[EV_DECISION] = "decision",
		[EV_EXPEDITED_REMOVAL] = "expedited removal order (235(b)(1)): no hearing",
		[EV_REINSTATEMENT] = "prior order reinstated (241(a)(5)): only withholding or CAT",
		[EV_ADMIN_REMOVAL] = "administrative removal order (238(b)): no discretionary relief",
		[EV_DEPARTURE] = "departure",
		[EV_APPEAL] = "appeal",
	};
	if (e->type >= 0 && e->type < EV__COUNT && base[e->type])
		used += (size_t)snprintf(buf, sizeof(buf), "%s", base[e->type]);
	if (e->type == EV_DECISION && e->outcome >= 0)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, ": %s",
					 outcome_def.names[e->outcome]);
	for (uint32_t i = 0; i < s->n_pen && used < sizeof(buf); i++) {
		const struct penalty *p = &s->pen[i];
		if (start_event(c, p) == (int)ix)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 "; starts %s%s", p->rule->id,
						 p->possible ? " (possibly)" : "");
	}
	return arena_strdup(a, buf);
}

static const char *offense_text(const struct vocab *vb, const struct offense *o,
				struct arena *a)
{
	int8_t cls[CLS__COUNT];
	char buf[256];
	size_t used = 0;
	facts_offense_class(vb, o, cls);
	buf[0] = '\0';
	if (o->juvenile == TRI_TRUE)
		used += (size_t)snprintf(buf, sizeof(buf), "juvenile adjudication, not a conviction; ");
	else if (o->vacated == VAC_DEFECT)
		used += (size_t)snprintf(buf, sizeof(buf), "vacated for a legal defect: does not count; ");
	else if (o->convicted != TRI_TRUE)
		used += (size_t)snprintf(buf, sizeof(buf), "%s; ",
			o->convicted == TRI_FALSE ? "not convicted" : "conviction unknown");
	for (int i = 0; i < CLS__COUNT && used < sizeof(buf); i++)
		if (cls[i] != TRI_FALSE)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
				"%s%s%s", used && buf[used - 2] != ';' ? ", " : "",
				offense_class_def.names[i],
				cls[i] == TRI_UNSET ? "?" : "");
	if (!used)
		snprintf(buf, sizeof(buf), "no immigration classification");
	return arena_strdup(a, buf);
}

const struct penalty *assess_headline(const struct outcome_side *s)
{
	const struct penalty *best = NULL;
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		if (!strcmp(p->rule->id, "cpp_break_departure") ||
		    !strcmp(p->rule->id, "visa_void_222g"))
			continue;       /* consequences, not bars */
		if (!best) {
			best = p;
			continue;
		}
		bool perm = !date_known(p->until), bperm = !date_known(best->until);
		if ((perm && !bperm) ||
		    (perm == bperm && !perm &&
		     date_lo(p->until) > date_lo(best->until)))
			best = p;
	}
	return best;
}

static void assess_sides(const struct rules *r, const struct cw_case *c,
			 struct date as_of, struct date law_as_of, bool alt,
			 bool detail, struct assessment *out, struct arena *a)
{
	struct facts_ctx fc = { r->vocab, as_of, law_as_of };
	memset(out, 0, sizeof(*out));
	out->c = c;
	out->as_of = as_of;
	out->law_as_of = law_as_of;
	assess_side(r, &fc, c, &out->taken, detail, a);
	if (alt)
		assess_side(r, &fc, alternative(c, out->taken.path, a),
			    &out->alt, detail, a);
}

void assess_case_taken(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *a)
{
	assess_sides(r, c, as_of, law_as_of, false, false, out, a);
}

void assess_case_brief(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *a)
{
	assess_sides(r, c, as_of, law_as_of, true, false, out, a);
}

void assess_case(const struct rules *r, const struct cw_case *c,
		 struct date as_of, struct date law_as_of,
		 struct assessment *out, struct arena *a)
{
	assess_sides(r, c, as_of, law_as_of, true, true, out, a);
	out->event_effect = arena_zalloc(a, (c->n_events + 1) * sizeof(char *));
	for (uint32_t i = 0; i < c->n_events; i++)
		out->event_effect[i] = event_effect(c, i, &out->taken, a);
	out->offense_class = arena_zalloc(a, (c->n_offenses + 1) * sizeof(char *));
	for (uint32_t i = 0; i < c->n_offenses; i++)
		out->offense_class[i] = offense_text(r->vocab, &c->offenses[i], a);
}
