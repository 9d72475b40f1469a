/* assess.c - a case's assessment: every instance of every penalty (for
 * each item the rule applies to, with its own clock) and relief, on the
 * path taken and on the path not taken. */
#include "assess.h"
#include "policy.h"
#include "relief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CW_ENUM_NAME(id, name) name,
static const char *const relief_status_names[] = {
	RELIEF_STATUSES(CW_ENUM_NAME) };
const struct enum_def relief_status_def = { "relief status",
	relief_status_names, RSTAT__COUNT };
static const char *const path_id_names[] = { PATHS(CW_ENUM_NAME) };
const struct enum_def path_id_def = { "path", path_id_names, PATH__COUNT };
#undef CW_ENUM_NAME

/* ---- ranges of days --------------------------------------------------- */

/* The days casewalk can name: years 1000..9999 (date.h), with room for a
 * term of years after them. */
#define CALENDAR_LO ((int64_t)DATE_DAYS_1000_01_01)
#define CALENDAR_HI ((int64_t)DATE_DAYS_9999_12_31 - 200 * DATE_MAX_YEAR_DAYS)

/* [lo, hi] as a date of the precision it spans exactly: a day, a whole
 * month, a whole year; anything else shows as its first day (callers
 * that print print the range with assess_range). */
static struct date range_date(daynum lo, daynum hi)
{
	struct date a = date_from_days(lo), b = date_from_days(hi);
	if (lo == hi)
		return a;
	if (a.d == 1 && a.y == b.y && a.m == b.m &&
	    b.d == date_days_in_month(b.y, b.m))
		return (struct date){ a.y, a.m, 0, DATE_MONTH };
	if (a.d == 1 && a.m == 1 && b.m == 12 && b.d == 31 && a.y == b.y)
		return (struct date){ a.y, 0, 0, DATE_YEAR };
	return a;
}

char *assess_range(daynum lo, daynum hi, char buf[ASSESS_RANGE_BUFSZ])
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	if (lo == ASSESS_NO_DAY) {
		snprintf(buf, ASSESS_RANGE_BUFSZ, "permanent");
		return buf;
	}
	struct date d = range_date(lo, hi);
	if (lo == hi || d.prec != DATE_DAY)
		snprintf(buf, ASSESS_RANGE_BUFSZ, "%s", date_format(d, a));
	else
		snprintf(buf, ASSESS_RANGE_BUFSZ, "%s..%s",
			 date_format(date_from_days(lo), a),
			 date_format(date_from_days(hi), b));
	return buf;
}

/* ---- conditions -------------------------------------------------------- */

/* The names of the facts an evaluation found unknown. */
static const char *missing_names(const struct rules *r,
				 const struct expr_missing *m,
				 struct arena *a)
{
	if (!m->n)
		return NULL;
	size_t len = 1;
	for (int i = 0; i < m->n; i++)
		len += strlen(r->env.facts[m->idx[i]].name) + 2;
	char *buf = arena_alloc(a, len), *p = buf;
	for (int i = 0; i < m->n; i++) {
		const char *nm = r->env.facts[m->idx[i]].name;
		if (i) {
			*p++ = ',';
			*p++ = ' ';
		}
		memcpy(p, nm, strlen(nm));
		p += strlen(nm);
	}
	*p = '\0';
	return buf;
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
		out[i].waiver = 0;
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

static void policies(const struct rules *r, const struct facts_ctx *fc,
		     struct assessment *out, struct arena *a);

/* ---- penalties ----------------------------------------------------------- */

static daynum end_of(const struct rule *rl, daynum from, int years)
{
	struct date end = date_add_years(date_from_days(from), years,
					 DATE_LEAP_MAR1);
	daynum d = date_lo(end);
	return rl->convention == CLOCK_PERIOD_END ? d - 1 : d;
}

/* running on day `now`, date.precision: true when now is inside for every
 * reading of the ranges, false when for none. */
static int8_t running_on(daynum now, const struct penalty *p)
{
	if (now < p->from_lo)
		return 0;
	if (p->until_lo == ASSESS_NO_DAY)
		return now >= p->from_hi ? 1 : -1;
	if (now > p->until_hi)
		return 0;
	return now >= p->from_hi && now <= p->until_lo ? 1 : -1;
}

/* The penalty's clock (legal-reference.md section 0). */
static void clock(const struct rule *rl, const struct value *facts,
		  struct date as_of, struct penalty *p)
{
	struct value from = expr_eval(rl->clock_from, facts, NULL);
	p->years = -1;
	p->from = p->until = DATE_NONE_INIT;
	p->until_lo = p->until_hi = ASSESS_NO_DAY;
	p->running = -1;
	p->permanent = -1;
	/* a rules file can compute any day: keep to the calendar's years */
	if (from.type != VAL_DATE || from.lo < CALENDAR_LO ||
	    from.hi > CALENDAR_HI) {
		p->from_lo = p->from_hi = ASSESS_NO_DAY;
		return;         /* the clock's start is not known */
	}
	p->from_lo = (daynum)from.lo;
	p->from_hi = (daynum)from.hi;
	p->from = range_date(p->from_lo, p->from_hi);
	p->borderline |= from.borderline;
	struct value perm = rl->clock_permanent ?
		expr_eval(rl->clock_permanent, facts, NULL) : value_bool(false);
	daynum now = date_lo(as_of);
	if (value_truth(perm) == 1 || !rl->clock_years) {
		p->permanent = 1;
		p->running = running_on(now, p);
		return;
	}
	struct value yrs = expr_eval(rl->clock_years, facts, NULL);
	if (yrs.type != VAL_INT || yrs.lo != yrs.hi || yrs.lo < 0 ||
	    yrs.lo > 200) {
		/* the term is not known: running once begun, end unknown */
		p->running = now < p->from_lo ? 0 : -1;
		return;
	}
	p->years = (int)yrs.lo;
	p->until_lo = end_of(rl, p->from_lo, p->years);
	p->until_hi = end_of(rl, p->from_hi, p->years);
	p->until = range_date(p->until_lo, p->until_hi);
	p->running = running_on(now, p);
	p->permanent = value_truth(perm) == 0 ? 0 : -1;
	if (value_truth(perm) < 0 && now >= p->from_lo)
		p->running = p->running == 1 ? 1 : -1;  /* maybe for life */
}

/* The conditions of rule rl on the facts as loaded: 0 when one is unmet
 * (the rest are not looked at: nothing shows a penalty that does not
 * attach), else 1 or -1 with the criteria in c. */
static int trigger(const struct rules *r, const struct rule *rl,
		   const struct value *facts, struct criterion *c,
		   bool detail, struct arena *a)
{
	for (uint32_t w = 0; w < rl->n_when; w++) {
		eval_conds(r, rl->when + w, 1, facts, c + w, detail, a);
		if (c[w].truth == 0)
			return 0;
	}
	return all_of(c, rl->n_when);
}

struct pen_list {
	struct penalty *v;
	uint32_t n, cap;
};

static struct penalty *pen_push(struct pen_list *l, struct arena *a)
{
	if (l->n == l->cap) {
		uint32_t cap = l->cap ? l->cap * 2 : 16;
		struct penalty *v = arena_alloc(a, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	struct penalty *p = &l->v[l->n++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* One instance of rl (for item k of its scope, or the case). */
static struct penalty *attach(const struct rules *r, const struct rule *rl,
			      struct outcome_side *s, struct pen_list *l,
			      int t, const struct criterion *c,
			      uint32_t k, struct date as_of, struct arena *a)
{
	struct penalty *p = pen_push(l, a);
	p->rule = rl;
	p->scope = rl->scope;
	p->item = k;
	p->crit = arena_alloc(a, (rl->n_when + 1) * sizeof(*p->crit));
	memcpy(p->crit, c, rl->n_when * sizeof(*c));
	p->n_crit = rl->n_when;
	p->possible = t < 0;
	for (uint32_t i = 0; i < rl->n_when; i++)
		p->borderline |= c[i].borderline;
	clock(rl, s->facts, as_of, p);
	p->trigger = p->from_lo;
	if (rl->scope >= 0) {
		const struct item_set *is = &s->fs.items[rl->scope];
		struct value d = item_row(is, k)[0];
		if (d.type == VAL_DATE)
			p->trigger = (daynum)d.lo;
		p->trigger_line = is->line[k];
	}
	/* section 11.1: a precedent applied to this event after the fact */
	if (rl->retro_when &&
	    value_truth(expr_eval(rl->retro_when, s->facts, NULL)) == 1) {
		p->retroactive = rl->retro_name;
		p->contested = rl->retro_contested ? (int8_t)value_truth(
			expr_eval(rl->retro_contested, s->facts, NULL)) : 0;
	}
	(void)r;
	return p;
}

static void eval_rule(const struct rules *r, const struct rule *rl,
		      struct outcome_side *s, struct pen_list *l,
		      struct date as_of, bool detail, struct arena *a)
{
	struct criterion small[16];
	struct criterion *c = rl->n_when <= 16 ? small :
		arena_alloc(a, rl->n_when * sizeof(*c));
	if (rl->scope < 0) {
		int t = trigger(r, rl, s->facts, c, detail, a);
		if (t)
			attach(r, rl, s, l, t, c, 0, as_of, a);
		return;
	}
	const struct item_set *is = &s->fs.items[rl->scope];
	struct penalty *first = NULL;
	for (uint32_t k = 0; k < is->n; k++) {
		facts_load_cols(r, &s->fs, rl->scope, k, rl->cols, rl->n_cols);
		int t = trigger(r, rl, s->facts, c, detail, a);
		if (!t)
			continue;
		if (rl->instances == INSTANCES_FIRST && first) {
			/* a possible first candidate and a sure later one:
			 * one instance, starting at one of the two */
			if (t == 1) {
				first->possible = false;
				struct penalty tmp = { 0 };
				clock(rl, s->facts, as_of, &tmp);
				first->from_hi = tmp.from_hi;
				first->until_hi = tmp.until_hi;
				first->from = DATE_NONE_INIT;
				first->running = running_on(date_lo(as_of), first);
				break;
			}
			continue;
		}
		struct penalty *p = attach(r, rl, s, l, t, c, k, as_of, a);
		if (rl->instances == INSTANCES_FIRST) {
			first = p;
			if (t == 1)
				break;
		}
	}
	if (first && first->from_lo != first->from_hi)
		first->from = range_date(first->from_lo, first->from_hi);
}

static int instance_cmp(const void *pa, const void *pb)
{
	const struct penalty *a = pa, *b = pb;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->trigger != b->trigger)
		return a->trigger < b->trigger ? -1 : 1;
	return (a->item > b->item) - (a->item < b->item);
}

/* running_<id>: true when an instance surely runs, unknown when one may. */
static void set_running(const struct rules *r, struct outcome_side *s)
{
	for (size_t i = r->first_running; i < r->env.n_facts; i++)
		s->facts[i] = value_bool(false);
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		int ix = p->rule->running_fact;
		if (ix < 0)
			continue;
		int run = p->possible ? (p->running ? -1 : 0) : p->running;
		if (value_truth(s->facts[ix]) == 1 || run == 0)
			continue;
		s->facts[ix] = run < 0 ? value_unknown() : value_bool(true);
	}
}

/* Section 2a: a bar is running when a sure instance of a `bar` runs;
 * null when only a possible or unknown one could. */
static int8_t bar_running(const struct outcome_side *s)
{
	int8_t r = 0;
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		if (p->rule->kind != KIND_BAR || p->running == 0)
			continue;
		if (p->running == 1 && !p->possible)
			return 1;
		r = -1;
	}
	return r;
}

static void eval_penalties(const struct rules *r, struct outcome_side *s,
			   struct date as_of, struct date law, bool detail,
			   struct arena *a)
{
	struct pen_list l = { NULL, 0, 0 };
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		/* the encounter day's side: what the policies read only */
		if (s->fs.need == NEED_POLICY && !rl->policy_reads)
			continue;
		if (rule_kind_is_penalty(rl->kind) && rules_in_force(rl, law))
			eval_rule(r, rl, s, &l, as_of, detail, a);
	}
	if (l.n > 1)    /* l.v is NULL when nothing attaches */
		qsort(l.v, l.n, sizeof(*l.v), instance_cmp);
	for (uint32_t i = 0; i < l.n; i++)
		l.v[i].instance = (uint16_t)(i && l.v[i - 1].rule == l.v[i].rule
					     ? l.v[i - 1].instance + 1 : 1);
	s->pen = l.v;
	s->n_pen = l.n;
	set_running(r, s);
	s->bar_running = bar_running(s);
}

/* ---- relief ------------------------------------------------------------- */

/* The path ended without the judge or screening the relief needs
 * (the rule's forum and the paths table of the rules file). */
static const char *forfeited(const struct rules *r, const struct rule *rl,
			     const struct outcome_side *s)
{
	const struct path_info *p = &r->paths[s->path];
	if (!p->ended || p->judge)
		return NULL;
	switch (rl->forum) {
	case FORUM_IJ_ONLY:
		return "only a judge can grant it, and the path gave no hearing";
	case FORUM_IJ_OR_SCREENING:
		return p->screening ? NULL : "only a judge can grant it, and the "
			"path gave no hearing or fear screening";
	case FORUM_BOTH:
		if (rl->from_abroad || p->screening ||
		    facts_in_us(&s->fs) != 0)
			return NULL;
		return "it cannot be sought from abroad, and the path gave no "
			"hearing or screening";
	}
	return NULL;
}

/* The legacy status of waiver w as a condition's way to be met: 1
 * granted, -1 eligible or possible, 0 not open. */
static int8_t waiver_status(const struct outcome_side *s,
			    const struct rule *w)
{
	for (uint32_t i = 0; i < s->n_rel; i++)
		if (s->rel[i].rule == w)
			switch (s->rel[i].status) {
			case RSTAT_GRANTED:
				return 1;
			case RSTAT_ELIGIBLE:
			case RSTAT_POSSIBLE:
				return -1;
			default:
				return 0;
			}
	return 0;
}

static void relief_status(const struct rules *r, const struct rule *rl,
			  const struct outcome_side *s, struct relief_eval *out,
			  bool detail, struct arena *a)
{
	uint32_t n = rl->n_bars + rl->n_when;
	out->crit = arena_alloc(a, (n + 1) * sizeof(*out->crit));
	out->n_crit = n;
	struct criterion *bars = out->crit, *when = out->crit + rl->n_bars;
	eval_conds(r, rl->bars, rl->n_bars, s->facts, bars, detail, a);
	eval_conds(r, rl->when, rl->n_when, s->facts, when, detail, a);
	int barred = 0;
	for (uint32_t i = 0; i < rl->n_bars; i++)
		if (bars[i].truth == 1 && barred != 1) {
			barred = 1;
			out->reason = bars[i].cond->text;
		} else if (bars[i].truth < 0 && !barred) {
			barred = -1;    /* a bar that may apply: at best possible */
		}
	int met = 1;
	for (uint32_t i = 0; i < rl->n_when; i++) {
		int t = when[i].truth;
		when[i].waiver = 0;
		if (t != 1 && rl->when[i].waiver)
			when[i].waiver = waiver_status(s, rl->when[i].waiver);
		if (when[i].waiver)
			t = when[i].waiver > 0 ? 1 : -1;
		if (t == 0)
			met = 0;
		else if (t < 0 && met)
			met = -1;
	}
	struct value g = rl->granted ? expr_eval(rl->granted, s->facts, NULL)
				     : value_bool(false);
	const char *lost = forfeited(r, rl, s);
	if (value_truth(g) == 1) {
		out->status = RSTAT_GRANTED;
		out->reason = "granted in this case";
	} else if (barred == 1) {
		out->status = RSTAT_BARRED;
	} else if (met == 0) {
		out->status = RSTAT_INELIGIBLE;
		for (uint32_t i = 0; i < rl->n_when; i++)
			if (when[i].truth == 0) {
				out->reason = when[i].cond->text;
				break;
			}
	} else if (lost) {
		out->status = RSTAT_FORFEITED;
		out->reason = lost;
	} else if (met == 1 && barred == 0) {
		out->status = RSTAT_ELIGIBLE;
		out->reason = "every criterion is met";
	} else {
		out->status = RSTAT_POSSIBLE;
		out->reason = barred ? "nothing unmet, but a bar may apply"
				     : "nothing unmet, but some facts are unknown";
	}
}

/* Facts, penalties and the legacy relief statuses of one side; with
 * path >= 0, relief is judged as if that were the path (the eve of the
 * decisive moment is judged on the path that moment began). */
/* Facts and penalties of one side. */
static void side_facts(const struct rules *r, const struct facts_ctx *fc,
		       const struct cw_case *c, struct outcome_side *s,
		       bool detail, struct arena *a)
{
	facts_derive(fc, c, &s->fs, a);
	s->facts = s->fs.v;
	s->path = s->fs.path;
	s->hearing = s->fs.hearing;
	s->t_dec = s->facts[facts_index("t_dec")].type == VAL_DATE ?
		(daynum)s->facts[facts_index("t_dec")].lo : date_lo(fc->as_of);
	eval_penalties(r, s, fc->as_of, fc->law_as_of, detail, a);
	facts_run_derives(r, &s->fs, 2);
}

/* The legacy relief statuses of side s, judged on `path` when path >= 0
 * (the eve of the decisive moment is judged on the path that moment
 * began); with rel_detail, each unknown criterion names its missing facts
 * (the side that is shown), which the eve does not need. */
static void side_relief(const struct rules *r, const struct facts_ctx *fc,
			struct outcome_side *s, int path, bool rel_detail,
			struct arena *a)
{
	if (path >= 0) {
		s->path = (uint8_t)path;
		s->facts[facts_index("path")] = value_str(path_id_def.names[path]);
	}
	s->rel = arena_alloc(a, (r->n + 1) * sizeof(*s->rel));
	s->n_rel = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		if (rl->kind != KIND_RELIEF || !rules_in_force(rl, fc->law_as_of))
			continue;
		struct relief_eval *out = &s->rel[s->n_rel++];
		memset(out, 0, sizeof(*out));
		out->rule = rl;
	}
	/* a relief whose condition a waiver meets comes after the waiver */
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t i = 0; i < s->n_rel; i++)
			if (s->rel[i].rule->crit_waiver == (pass == 1))
				relief_status(r, s->rel[i].rule, s, &s->rel[i],
					      rel_detail, a);
}

static void side_core(const struct rules *r, const struct facts_ctx *fc,
		      const struct cw_case *c, struct outcome_side *s,
		      int path, bool detail, bool rel_detail, struct arena *a)
{
	side_facts(r, fc, c, s, detail, a);
	side_relief(r, fc, s, path, rel_detail, a);
}

/* The events of a and b before day d are the same (the path not taken
 * changes a history only from its decisive moment on): the facts of the
 * eve are then the same too. */
static bool same_before(const struct cw_case *a, const struct cw_case *b,
			daynum d)
{
	uint32_t i = 0, j = 0;
	for (;;) {
		while (i < a->n_events && date_known(a->events[i].date) &&
		       date_lo(a->events[i].date) >= d)
			i++;
		while (j < b->n_events && date_known(b->events[j].date) &&
		       date_lo(b->events[j].date) >= d)
			j++;
		if (i == a->n_events || j == b->n_events)
			return i == a->n_events && j == b->n_events;
		const struct event *x = &a->events[i++], *y = &b->events[j++];
		if (x->type != y->type || x->pos.line != y->pos.line ||
		    date_cmp(x->date, y->date) != 0)
			return false;
	}
}

/* c with a departure on day d: the departure the way back assumes for a
 * person in the United States (section 10.1). */
static const struct cw_case *with_departure(const struct cw_case *c, daynum d,
					    struct arena *a)
{
	struct cw_case *n = arena_alloc(a, sizeof(*n));
	*n = *c;
	n->events = arena_alloc(a, (c->n_events + 1) * sizeof(*n->events));
	memcpy(n->events, c->events, c->n_events * sizeof(*n->events));
	struct event *e = &n->events[c->n_events];
	case_event_init(e);
	e->date = date_from_days(d);
	e->type = EV_DEPARTURE;
	e->kind = DK_SELF;
	e->verified = TRI_TRUE;
	e->order = c->n_events;
	n->n_events = c->n_events + 1;
	case_sort_events(n);
	return n;
}

/* The eve of the decisive moment of one side, kept so that the other side
 * can use it when its history is the same up to the same moment. */
struct eve {
	bool made;
	daynum t_dec;
	const struct cw_case *c;
	struct outcome_side side;
};

/* Then (at the eve of the decisive moment, judged on the path taken), now,
 * and the way back; eve: the other side's eve to use when it can serve,
 * or where to keep this one's (for the side after). */
static void side_full(const struct rules *r, const struct facts_ctx *fc,
		      const struct cw_case *c, struct outcome_side *s,
		      bool detail, bool rel_detail, struct eve *eve,
		      struct arena *a)
{
	side_core(r, fc, c, s, -1, detail, rel_detail, a);
	daynum now = date_lo(fc->as_of);
	struct outcome_side at = { 0 };
	bool ended = r->paths[s->path].ended && s->t_dec <= now;
	struct facts_ctx efc = { r, date_from_days(s->t_dec - 1),
				 fc->law_as_of, NEED_RULES };
	if (ended && eve && eve->made && eve->t_dec == s->t_dec &&
	    same_before(eve->c, s->fs.c, s->t_dec)) {
		/* the same facts and bars on the eve; relief judged anew on
		 * this side's path */
		at = eve->side;
		size_t n = r->env.n_facts + 1;
		at.facts = arena_alloc(a, n * sizeof(*at.facts));
		memcpy(at.facts, eve->side.facts, n * sizeof(*at.facts));
		at.fs.v = at.facts;
		side_relief(r, &efc, &at, s->path, false, a);
	} else if (ended) {
		side_facts(r, &efc, s->fs.c, &at, false, a);
		if (eve && !eve->made) {
			eve->made = true;
			eve->t_dec = s->t_dec;
			eve->c = s->fs.c;
			eve->side = at;
			size_t n = r->env.n_facts + 1;
			eve->side.facts = arena_alloc(a, n * sizeof(*at.facts));
			memcpy(eve->side.facts, at.facts, n * sizeof(*at.facts));
			eve->side.fs.v = eve->side.facts;
		}
		side_relief(r, &efc, &at, s->path, false, a);
	}
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t i = 0; i < s->n_rel; i++) {
			if (s->rel[i].rule->crit_waiver != (pass == 1))
				continue;
			relief_now(r, s, &s->rel[i], a);
			relief_then(r, s, ended && i < at.n_rel ? &at.rel[i]
						       : &s->rel[i], &s->rel[i]);
		}
	struct outcome_side hypo = { 0 };
	bool here = facts_in_us(&s->fs) == 1;
	if (here) {
		struct value d = s->facts[facts_index("way_back_departure")];
		daynum day = d.type == VAL_DATE && d.lo > now ? (daynum)d.lo : now;
		struct facts_ctx then = { r, date_from_days(day), fc->law_as_of,
					  NEED_RULES };
		/* the hypothesis needs its bars, not its relief */
		side_facts(r, &then, with_departure(s->fs.c, day, a), &hypo,
			   false, a);
		relief_way_back(r, &hypo, NULL, a);
	}
	relief_way_back(r, s, here ? &hypo : NULL, a);
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

static void copy_event(struct cw_case *c, const struct event *e)
{
	struct event *n = &c->events[c->n_events];
	*n = *e;
	n->order = c->n_events++;
}

/* A voluntary return or withdrawal becomes a contested hearing ending in
 * a removal order on the same day; the departure that follows is then a
 * removal by 8 U.S.C. 1101(g), and no earlier departure changes. */
static void alt_hearing(const struct cw_case *src, struct cw_case *c,
			int from_type)
{
	const struct event *last = NULL;
	for (uint32_t i = 0; i < src->n_events; i++)
		if (src->events[i].type == from_type)
			last = &src->events[i];
	for (uint32_t i = 0; i < src->n_events; i++) {
		const struct event *e = &src->events[i];
		if (e != last) {
			copy_event(c, e);
			continue;
		}
		struct event *n = push(c, e->date, EV_NTA_SERVED);
		n->time_place = n->oral_notice = TRI_TRUE;
		n->filed = e->date;
		n->arriving = from_type == EV_WITHDRAWAL_AT_PORT;
		struct event *h = push(c, e->date, EV_HEARING);
		h->kind = HK_INDIVIDUAL;
		h->appeared = TRI_TRUE;
		struct event *d = push(c, e->date, EV_DECISION);
		d->outcome = OUT_REMOVAL_ORDER;
	}
}

/* Any other path becomes a voluntary return, with the hearing advisal and
 * waiver, at the first event of its episode (the first encounter). */
static bool alt_vr(const struct cw_case *src, struct cw_case *c)
{
	uint32_t at = facts_episode(src);
	if (at >= src->n_events || !facts_is_enforcement(&src->events[at]))
		return false;   /* no agency met the person: no other path */
	for (uint32_t i = 0; i < at; i++)
		copy_event(c, &src->events[i]);
	const struct event *e = &src->events[at];
	struct event *v = push(c, e->date, EV_VOLUNTARY_RETURN);
	v->advised = TRI_TRUE;
	struct event *d = push(c, e->date, EV_DEPARTURE);
	d->kind = DK_VOLUNTARY_RETURN;
	d->verified = TRI_TRUE;
	return true;
}

/* The latest expedited removal becomes a withdrawal of the application
 * for admission: no order (legal-reference.md E12); the removal that
 * carried it out, a departure. Earlier episodes stay as they were. */
static void alt_withdrawal(const struct cw_case *src, struct cw_case *c)
{
	uint32_t er = src->n_events;
	for (uint32_t i = 0; i < src->n_events; i++)
		if (src->events[i].type == EV_EXPEDITED_REMOVAL)
			er = i;
	bool carried = false;
	for (uint32_t i = 0; i < src->n_events; i++) {
		copy_event(c, &src->events[i]);
		struct event *n = &c->events[c->n_events - 1];
		if (i == er) {
			n->type = EV_WITHDRAWAL_AT_PORT;
		} else if (i > er && !carried && n->type == EV_DEPARTURE) {
			carried = true;
			if (n->kind == DK_REMOVED)
				n->kind = DK_SELF;
		}
	}
}

static const struct cw_case *alternative(const struct cw_case *src, int path,
					 struct arena *a)
{
	if (path == PATH_NO_PROCEEDINGS)
		return src;
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

/* ---- policy (legal-reference.md sections 5 and 1) ------------------------ */

/* The encounter the policies judge: the latest encounter on file, else the
 * enforcement event that began the latest episode; PD_NO_ENCOUNTER when
 * there is none.  *line: its line. */
static daynum encounter_day(const struct cw_case *c, uint32_t *line)
{
	for (uint32_t i = c->n_events; i-- > 0;)
		if (c->events[i].type == EV_ENCOUNTER) {
			*line = c->events[i].pos.line;
			return date_lo(c->events[i].date);
		}
	uint32_t at = facts_episode(c);
	if (at < c->n_events && facts_is_enforcement(&c->events[at])) {
		*line = c->events[at].pos.line;
		return date_lo(c->events[at].date);
	}
	*line = 0;
	return PD_NO_ENCOUNTER;
}

/* Priorities and expedited removal on the encounter day (the facts as they
 * stood then), and expedited removal on the as-of date.  Policy, not law:
 * the sides' penalties and relief are untouched. */
static void policies(const struct rules *r, const struct facts_ctx *fc,
		     struct assessment *out, struct arena *a)
{
	struct pd_outcome *o = &out->pd;
	const struct cw_case *c = out->taken.fs.c;
	uint32_t line;
	daynum day = encounter_day(c, &line);
	memset(o, 0, sizeof(*o));
	o->er_now = (int8_t)policy_expedited(r, out->taken.facts,
					     date_lo(fc->as_of), &o->er_now_by);
	if (facts_in_us(&out->taken.fs) == 0) {
		o->er_now = 0;          /* not in the United States */
		o->er_now_by = NULL;
	}
	if (day == PD_NO_ENCOUNTER) {
		policy_priorities(r, NULL, day, o, a);
		o->er_then = 0;
		return;
	}
	struct facts_ctx then = { r, date_from_days(day), fc->law_as_of,
				  NEED_POLICY };
	struct outcome_side enc = { 0 };
	side_facts(r, &then, c, &enc, false, a);
	policy_priorities(r, enc.facts, day, o, a);
	o->encounter_line = line;
	o->er_then = (int8_t)policy_expedited(r, enc.facts, day, &o->er_then_by);
}

/* ---- what the views show beside the verdicts ---------------------------- */

static const char *const event_base[EV__COUNT] = {
	[EV_ENTRY] = "arrival; presence begins",
	[EV_STATUS_VIOLATION_FOUND] = "status violation found: unlawful presence can start the next day",
	[EV_PETITION] = "immigrant petition",
	[EV_STATUS_GRANTED] = "authorized stay: not unlawful presence",
	[EV_ENCOUNTER] = "apprehension or arrest",
	[EV_VOLUNTARY_RETURN] = "voluntary return: no removal order, no judge; relief only a judge can grant is lost",
	[EV_WITHDRAWAL_AT_PORT] = "withdrawal of the application for admission: no order",
	[EV_NTA_SERVED] = "notice to appear: removal proceedings; may stop time (240A(d)(1))",
	[EV_HEARING_NOTICE] = "notice of hearing",
	[EV_HEARING] = "hearing before an immigration judge",
	[EV_MOTION] = "motion to reopen or reconsider",
	[EV_APPLICATION] = "application",
	[EV_DECISION] = "decision",
	[EV_EXPEDITED_REMOVAL] = "expedited removal order (235(b)(1)): no hearing",
	[EV_REINSTATEMENT] = "prior order reinstated (241(a)(5)): only withholding or CAT",
	[EV_ADMIN_REMOVAL] = "administrative removal order (238(b)): no discretionary relief",
	[EV_DEPARTURE] = "departure",
	[EV_APPEAL] = "appeal",
	[EV_STATUS_ENDED] = "status or parole ended: unlawful presence can start the next day",
	[EV_MISREPRESENTATION] = "misrepresentation or false claim",
};

static const char *event_base_text(const struct event *e)
{
	if (e->type == EV_HEARING && e->scheduled == TRI_TRUE)
		return "hearing scheduled before an immigration judge";
	if (e->type == EV_HEARING && e->appeared == TRI_FALSE)
		return "hearing missed: the person did not appear before the judge";
	return e->type >= 0 && e->type < EV__COUNT ? event_base[e->type] : "";
}

static const char *event_effect(const struct cw_case *c, uint32_t ix,
				const struct outcome_side *s, struct arena *a)
{
	const struct event *e = &c->events[ix];
	char buf[512];
	size_t used = (size_t)snprintf(buf, sizeof(buf), "%s",
				       event_base_text(e));
	if (e->type == EV_DECISION && e->outcome >= 0 && used < sizeof(buf))
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, ": %s",
					 outcome_def.names[e->outcome]);
	for (uint32_t i = 0; i < s->n_pen && used < sizeof(buf); i++) {
		const struct penalty *p = &s->pen[i];
		if (p->rule->scope < 0 || p->trigger_line != e->pos.line)
			continue;
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
	char buf[512];
	size_t used = 0;
	facts_offense_class(vb, o, cls);
	buf[0] = '\0';
	if (o->juvenile == TRI_TRUE)
		used += (size_t)snprintf(buf, sizeof(buf), "juvenile adjudication, not a conviction; ");
	else if (o->vacated == VAC_DEFECT)
		used += (size_t)snprintf(buf, sizeof(buf), "vacated for a legal defect: does not count; ");
	else if (o->convicted != TRI_TRUE)
		used += (size_t)snprintf(buf, sizeof(buf), "%s; ",
			o->convicted == TRI_FALSE ? "not convicted" : "conviction not known");
	size_t start = used;
	for (int i = 0; i < CLS__COUNT && used < sizeof(buf); i++)
		if (cls[i] == TRI_TRUE)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
				"%s%s", used > start ? ", " : "",
				offense_class_def.names[i]);
	if (used == start && used < sizeof(buf))
		snprintf(buf + used, sizeof(buf) - used, "classification not known");
	return arena_strdup(a, buf);
}

const char *assess_until(const struct penalty *p, char buf[ASSESS_RANGE_BUFSZ])
{
	if (p->permanent == 1)
		return strcpy(buf, "permanent");
	if (p->until_lo == ASSESS_NO_DAY)
		return strcpy(buf, "unknown");
	assess_range(p->until_lo, p->until_hi, buf);
	if (p->permanent < 0 && strlen(buf) + 16 < ASSESS_RANGE_BUFSZ)
		strcat(buf, " or permanent");
	return buf;
}

const struct penalty *assess_headline(const struct outcome_side *s)
{
	const struct penalty *best = NULL;
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		if (p->rule->kind != KIND_BAR)
			continue;       /* consequences, not bars */
		if (!best || p->until_lo > best->until_lo ||
		    (p->until_lo == best->until_lo && best->possible &&
		     !p->possible))
			best = p;
	}
	return best;
}

static void assess_sides(const struct rules *r, const struct cw_case *c,
			 struct date as_of, struct date law_as_of, bool alt,
			 bool detail, struct assessment *out, struct arena *a)
{
	struct facts_ctx fc = { r, as_of, law_as_of, NEED_ALL };
	memset(out, 0, sizeof(*out));
	out->c = c;
	out->as_of = as_of;
	out->law_as_of = law_as_of;
	if (!alt) {
		side_core(r, &fc, c, &out->taken, -1, detail, true, a);
		return;
	}
	struct eve eve = { 0 };
	side_full(r, &fc, c, &out->taken, detail, true, &eve, a);
	side_full(r, &fc, alternative(out->taken.fs.c, out->taken.path, a),
		  &out->alt, detail, true, &eve, a);
	policies(r, &fc, out, a);
	assess_compare(r, out, a);
}

void assess_case_taken(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *a)
{
	assess_sides(r, c, as_of, law_as_of, false, false, out, a);
}

void assess_case_paths(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of, bool alt,
		       struct assessment *out, struct arena *a)
{
	struct facts_ctx fc = { r, as_of, law_as_of, NEED_ALL };
	memset(out, 0, sizeof(*out));
	out->c = c;
	out->as_of = as_of;
	out->law_as_of = law_as_of;
	struct eve eve = { 0 };
	/* a summary names no missing facts */
	side_full(r, &fc, c, &out->taken, false, false, &eve, a);
	if (alt)
		side_full(r, &fc, alternative(out->taken.fs.c, out->taken.path,
					      a), &out->alt, false, false, &eve,
			  a);
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
