/* facts.c - the fact tables, the helpers the fact modules share, and the
 * order in which a case's facts are derived:
 *
 *   1. the path and the episode (facts_path.c), the person, relatives and
 *      claims (facts_people.c), stays and unlawful presence, orders and
 *      grants, offenses: the early case facts and every item;
 *   2. the rules' derived facts of phase 0 (config/rules.yaml `derive`),
 *      among them the hooks src/ reads back (offense.stops_time, ...);
 *   3. the late facts: presence, residence, stop-time (facts_presence.c);
 *   4. the derived facts of phase 1.
 * Phase 2 runs after the penalties (assess.c).
 */
#include "facts_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACT_DEF(id, name, type, meaning) { name, type, false, meaning },
#define LATE_DEF(id, name, type, meaning) { name, type, true, meaning },
const struct fact_def facts_table[] = {
	EARLY_FACT_LIST(FACT_DEF) LATE_FACT_LIST(LATE_DEF)
};
#undef FACT_DEF
#undef LATE_DEF
const size_t facts_count = F__COUNT;

/* applied_/granted_/denied_ facts follow the order of RELIEFS. */
_Static_assert(F_APPLIED_waiver_9Ciii - F_APPLIED_cancel_lpr ==
	       3 * REL_WAIVER_9CIII, "RELIEF_FACTS out of step with RELIEFS");

#define ITEM_DEF(id, name, type, meaning) { name, type, meaning },
static const struct item_fact_def dep_facts[] = { DEPARTURE_FACTS(ITEM_DEF) };
static const struct item_fact_def ent_facts[] = { ENTRY_FACTS(ITEM_DEF) };
static const struct item_fact_def stay_facts[] = { STAY_FACTS(ITEM_DEF) };
static const struct item_fact_def ord_facts[] = { ORDER_FACTS(ITEM_DEF) };
static const struct item_fact_def hr_facts[] = { HEARING_FACTS(ITEM_DEF) };
static const struct item_fact_def vd_facts[] = { VD_FACTS(ITEM_DEF) };
static const struct item_fact_def off_facts[] = { OFFENSE_FACTS(ITEM_DEF) };
static const struct item_fact_def nta_facts[] = { NTA_FACTS(ITEM_DEF) };
static const struct item_fact_def enc_facts[] = { ENCOUNTER_FACTS(ITEM_DEF) };
static const struct item_fact_def mis_facts[] = { MISREP_FACTS(ITEM_DEF) };
static const struct item_fact_def ptn_facts[] = { PETITION_FACTS(ITEM_DEF) };
#undef ITEM_DEF

#define SCOPE_DEF(arr) arr, (uint16_t)(sizeof(arr) / sizeof(arr[0]))
const struct scope_def scope_defs[SC__COUNT] = {
	[SC_DEPARTURE] = { "departure", SCOPE_DEF(dep_facts) },
	[SC_ENTRY] = { "entry", SCOPE_DEF(ent_facts) },
	[SC_STAY] = { "stay", SCOPE_DEF(stay_facts) },
	[SC_ORDER] = { "order", SCOPE_DEF(ord_facts) },
	[SC_HEARING] = { "hearing", SCOPE_DEF(hr_facts) },
	[SC_VD] = { "vd", SCOPE_DEF(vd_facts) },
	[SC_OFFENSE] = { "offense", SCOPE_DEF(off_facts) },
	[SC_NTA] = { "nta", SCOPE_DEF(nta_facts) },
	[SC_ENCOUNTER] = { "encounter", SCOPE_DEF(enc_facts) },
	[SC_MISREP] = { "misrepresentation", SCOPE_DEF(mis_facts) },
	[SC_PETITION] = { "petition", SCOPE_DEF(ptn_facts) },
};
#undef SCOPE_DEF

/* The texts src/ puts in case facts, as pointers factpack can index. */
#define FACTS_PATH_NAME(id, name) name,
const char *const facts_strings[] = {
	PATHS(FACTS_PATH_NAME)
	"nta", "hearing_notice", "offense", "none",
	"without_inspection", "admitted", "paroled", "",
	"immediate_relative", "family_preference", "employment",
	"diversity", "special_immigrant",
	"spouse", "parent", "child_parent", "intended_spouse",
	"changed_circumstances", "extraordinary_circumstances",
};
#undef FACTS_PATH_NAME
const size_t facts_n_strings = sizeof(facts_strings) / sizeof(facts_strings[0]);

/* As `casewalk test` and the tests compare them: true, 181, 2010-03-01,
 * 9..10 for a range, "unknown"; " (borderline)" appended when marked. */
void facts_format(struct value v, char *buf, size_t n)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	switch (v.type) {
	case VAL_BOOL: snprintf(buf, n, "%s", v.lo ? "true" : "false"); break;
	case VAL_STR: snprintf(buf, n, "%s", v.s); break;
	case VAL_INT:
		if (v.lo == v.hi)
			snprintf(buf, n, "%lld", (long long)v.lo);
		else
			snprintf(buf, n, "%lld..%lld", (long long)v.lo, (long long)v.hi);
		break;
	case VAL_DATE:
		date_format(date_from_days((daynum)v.lo), a);
		if (v.lo == v.hi)
			snprintf(buf, n, "%s", a);
		else
			snprintf(buf, n, "%s..%s", a,
				 date_format(date_from_days((daynum)v.hi), b));
		break;
	default: snprintf(buf, n, "unknown");
	}
	if (v.borderline)
		strncat(buf, " (borderline)", n - strlen(buf) - 1);
}

int facts_in_us(const struct fact_set *fs)
{
	return value_truth(fs->v[F_IN_US]);
}

int facts_index(const char *name)
{
	for (size_t i = 0; i < facts_count; i++)
		if (!strcmp(facts_table[i].name, name))
			return (int)i;
	return -1;
}

/* ---- helpers of the modules -------------------------------------------- */

struct value fx_tri(int t)
{
	return t < 0 ? value_unknown() : value_bool(t == 1);
}

struct value fx_day(daynum d)
{
	return d == NEVER ? value_unknown() : value_date(d);
}

struct value fx_date(struct date d)
{
	return date_known(d) ? value_date_range(date_lo(d), date_hi(d))
			     : value_unknown();
}

struct value fx_str(const char *s)
{
	return value_str(s ? s : "");
}

int fx_tri_or(int a, int b)
{
	if (a == 1 || b == 1)
		return 1;
	return (a == -1 || b == -1) ? -1 : 0;
}

int fx_tri_and(int a, int b)
{
	if (a == 0 || b == 0)
		return 0;
	return (a == -1 || b == -1) ? -1 : 1;
}

static struct value param_of(const struct fx *x, int p)
{
	return x->f[x->r->engine_param[p]];
}

int fx_param_int(const struct fx *x, int p)
{
	struct value v = param_of(x, p);
	return v.type == VAL_INT ? (int)v.lo : 0;
}

daynum fx_param_day(const struct fx *x, int p)
{
	struct value v = param_of(x, p);
	return v.type == VAL_DATE ? (daynum)v.lo : NEVER;
}

bool fx_param_bool(const struct fx *x, int p)
{
	struct value v = param_of(x, p);
	return v.type == VAL_BOOL && v.lo;
}

daynum fx_add_years(daynum d, int n, bool feb28)
{
	if (d == NEVER)
		return NEVER;
	return date_lo(date_add_years(date_from_days(d), n,
				      feb28 ? DATE_LEAP_FEB28 : DATE_LEAP_MAR1));
}

static int whole_years(daynum a, daynum b)
{
	struct date_span s = date_span(date_from_days(a), date_from_days(b));
	return b < a ? -1 : s.y;
}

struct value fx_years(daynum a_lo, daynum a_hi, daynum b_lo, daynum b_hi)
{
	if (a_lo == NEVER || b_lo == NEVER)
		return value_unknown();
	int lo = whole_years(a_hi, b_lo), hi = whole_years(a_lo, b_hi);
	if (lo < 0)
		lo = 0;
	if (hi < lo)
		hi = lo;
	return value_int_range(lo, hi);
}

daynum fx_next_business_day(const struct fx *x, daynum n)
{
	return holidays_next_business_day(&x->r->holidays, n);
}

struct value *fx_item(struct fx *x, int sc, uint32_t line)
{
	struct item_set *s = &x->out->items[sc];
	if (s->n == s->cap) {
		uint32_t cap = s->cap ? s->cap * 2 : 4;
		struct value *v = arena_alloc(x->a, (size_t)cap * s->width *
					      sizeof(*v));
		uint32_t *l = arena_alloc(x->a, cap * sizeof(*l));
		if (s->n) {
			memcpy(v, s->v, (size_t)s->n * s->width * sizeof(*v));
			memcpy(l, s->line, s->n * sizeof(*l));
		}
		s->v = v;
		s->line = l;
		s->cap = cap;
	}
	struct value *row = item_row(s, s->n);
	for (uint16_t i = 0; i < s->width; i++)
		row[i] = value_unknown();
	s->line[s->n++] = line;
	return row;
}

const struct value *fx_hook(const struct fx *x, int sc, uint32_t k, int hook)
{
	return &item_row(&x->out->items[sc], k)[x->r->hook_column[hook]];
}

/* ---- the case as of a date ------------------------------------------------ */

static bool future(const struct event *e, daynum as_of)
{
	if (e->type == EV_HEARING && e->scheduled == TRI_TRUE)
		return false;   /* an announcement, evaluated as such */
	return date_known(e->date) && date_lo(e->date) > as_of;
}

const struct cw_case *facts_as_of(const struct cw_case *c, struct date as_of,
				  struct arena *a)
{
	daynum d = date_lo(as_of);
	uint32_t keep = 0, later = 0;
	for (uint32_t i = 0; i < c->n_events; i++)
		keep += !future(&c->events[i], d);
	/* an offense committed after as_of is not yet; one convicted after
	 * it is a pending charge then */
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		later += (date_known(o->date) && date_lo(o->date) > d) ||
			 (date_known(o->conviction_date) &&
			  date_lo(o->conviction_date) > d);
	}
	if (keep == c->n_events && !later)
		return c;
	struct cw_case *n = arena_alloc(a, sizeof(*n));
	*n = *c;
	if (keep != c->n_events) {
		n->events = arena_alloc(a, (keep + 1) * sizeof(*n->events));
		n->n_events = 0;
		for (uint32_t i = 0; i < c->n_events; i++)
			if (!future(&c->events[i], d))
				n->events[n->n_events++] = c->events[i];
	}
	if (later) {
		n->offenses = arena_alloc(a, (c->n_offenses + 1) *
					  sizeof(*n->offenses));
		n->n_offenses = 0;
		for (uint32_t i = 0; i < c->n_offenses; i++) {
			const struct offense *o = &c->offenses[i];
			if (date_known(o->date) && date_lo(o->date) > d)
				continue;
			struct offense *k = &n->offenses[n->n_offenses++];
			*k = *o;
			if (date_known(o->conviction_date) &&
			    date_lo(o->conviction_date) > d) {
				k->convicted = TRI_UNSET;
				k->conviction_date = DATE_NONE_INIT;
				k->sentence_days = -1;
			}
		}
	}
	return n;
}

/* ---- derived facts ---------------------------------------------------------- */

void facts_load_item(const struct rules *r, struct fact_set *fs, int sc,
		     uint32_t k)
{
	const struct scope_layout *l = &r->scope[sc];
	const struct value *row = item_row(&fs->items[sc], k);
	for (uint16_t i = 0; i < l->width; i++)
		fs->v[l->slot[i]] = row[i];
}

void facts_load_cols(const struct rules *r, struct fact_set *fs, int sc,
		     uint32_t k, const uint16_t *cols, uint16_t n)
{
	const struct scope_layout *l = &r->scope[sc];
	const struct value *row = item_row(&fs->items[sc], k);
	for (uint16_t i = 0; i < n; i++)
		fs->v[l->slot[cols[i]]] = row[cols[i]];
}

/* Folds value v (of an item where `w` holds) into the aggregate. */
struct agg {
	int truth;              /* any/all */
	int64_t n_lo, n_hi;     /* count, sum */
	bool unknown_sum;
	bool have, unknown;     /* min/max: a sure candidate; an unsure one */
	struct value best;
};

static void agg_add(struct agg *g, int op, struct value v, int w)
{
	int t = value_truth(v);
	switch (op) {
	case AGG_ANY:
		g->truth = fx_tri_or(g->truth, w == 0 ? 0 : w == 1 ? t :
				     (t == 0 ? 0 : -1));
		return;
	case AGG_ALL:
		g->truth = fx_tri_and(g->truth, w == 0 ? 1 : w == 1 ? t :
				      (t == 1 ? 1 : -1));
		return;
	case AGG_COUNT:
		g->n_hi += w != 0 && t != 0;
		g->n_lo += w == 1 && t == 1;
		return;
	case AGG_SUM:
		if (w == 0)
			return;
		if (v.type != VAL_INT) {
			g->unknown_sum = true;
			return;
		}
		g->n_hi += v.hi > 0 ? v.hi : 0;
		g->n_lo += w == 1 ? v.lo : (v.lo < 0 ? v.lo : 0);
		return;
	}
	if (w == 0)
		return;
	if (v.type != VAL_INT && v.type != VAL_DATE) {
		g->unknown = true;
		return;
	}
	bool lower = op == AGG_MIN;
	if (!g->have) {
		if (w == 1) {
			g->best = v;
			g->have = true;
		} else {
			g->unknown = true;
		}
		return;
	}
	int64_t lo = lower ? (v.lo < g->best.lo ? v.lo : g->best.lo)
			   : (v.lo > g->best.lo ? v.lo : g->best.lo);
	int64_t hi = lower ? (v.hi < g->best.hi ? v.hi : g->best.hi)
			   : (v.hi > g->best.hi ? v.hi : g->best.hi);
	if (w == 1) {
		g->best.lo = lo;
		g->best.hi = hi;
	} else if (lower ? v.lo < g->best.hi : v.hi > g->best.lo) {
		g->unknown = true;      /* an unsure item could decide it */
	}
	g->best.borderline |= v.borderline;
}

static struct value aggregate(const struct rules *r, struct fact_set *fs,
			      const struct derive *d)
{
	const struct item_set *s = &fs->items[d->each];
	struct agg g = { .truth = d->agg == AGG_ALL ? 1 : 0 };
	for (uint32_t k = 0; k < s->n; k++) {
		facts_load_cols(r, fs, d->each, k, d->cols, d->n_cols);
		int w = d->where ? value_truth(expr_eval(d->where, fs->v, NULL))
				 : 1;
		struct value v = d->agg == AGG_COUNT && !d->expr ?
			value_bool(true) : expr_eval(d->expr, fs->v, NULL);
		agg_add(&g, d->agg, v, w);
	}
	switch (d->agg) {
	case AGG_ANY:
	case AGG_ALL:
		return fx_tri(g.truth);
	case AGG_COUNT:
		return value_int_range(g.n_lo, g.n_hi);
	case AGG_SUM:
		return g.unknown_sum ? value_unknown() :
			value_int_range(g.n_lo, g.n_hi);
	}
	/* min or max over no item at all: there is none (unknown) */
	if (!g.have || g.unknown)
		return value_unknown();
	return g.best;
}

static void derive_items(const struct rules *r, struct fact_set *fs,
			 const struct derive *d)
{
	struct item_set *s = &fs->items[d->scope];
	for (uint32_t k = 0; k < s->n; k++) {
		facts_load_cols(r, fs, d->scope, k, d->cols, d->n_cols);
		item_row(s, k)[d->column] = expr_eval(d->expr, fs->v, NULL);
	}
}

void facts_run_derives(const struct rules *r, struct fact_set *fs, int phase)
{
	for (size_t i = 0; i < r->n_derives; i++) {
		const struct derive *d = &r->derives[i];
		if (d->phase != phase || (fs->need && !(d->need & fs->need)))
			continue;
		if (d->scope >= 0)
			derive_items(r, fs, d);
		else if (d->agg != AGG_NONE)
			fs->v[d->slot] = aggregate(r, fs, d);
		else
			fs->v[d->slot] = expr_eval(d->expr, fs->v, NULL);
	}
}

/* ---- the order of derivation ---------------------------------------------- */

void facts_derive(const struct facts_ctx *ctx, const struct cw_case *c,
		  struct fact_set *out, struct arena *a)
{
	const struct rules *r = ctx->rules;
	struct fx x = { 0 };
	memset(out, 0, sizeof(*out));
	out->v = arena_alloc(a, (r->env.n_facts + 1) * sizeof(*out->v));
	for (size_t i = 0; i < r->env.n_facts; i++)
		out->v[i] = value_unknown();
	for (int sc = 0; sc < SC__COUNT; sc++)
		out->items[sc].width = r->scope[sc].width;
	out->c = facts_as_of(c, ctx->as_of, a);
	out->need = ctx->need;
	x.ctx = ctx;
	x.r = r;
	x.c = out->c;
	x.out = out;
	x.f = out->v;
	x.a = a;
	x.as_of = date_lo(ctx->as_of);
	x.law = date_lo(ctx->law_as_of);
	params_fill(r, ctx->law_as_of, out->v);
	x.f[F_AS_OF] = value_date(x.as_of);
	x.f[F_LAW_AS_OF] = value_date(x.law);
	x.iirira = fx_param_day(&x, P_IIRIRA);
	x.minor_age = fx_param_int(&x, P_MINOR_AGE);
	x.child_age = fx_param_int(&x, P_CHILD_AGE);
	facts_path_derive(&x);
	facts_people_derive(&x);
	facts_presence_scan(&x);
	facts_orders_derive(&x);
	facts_presence_items(&x);
	facts_offenses_derive(&x);
	facts_run_derives(r, out, 0);
	facts_presence_late(&x);
	facts_run_derives(r, out, 1);
	out->path = (uint8_t)x.path;
	out->hearing = value_truth(x.f[F_HEARING]) == 1;
}
