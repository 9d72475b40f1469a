/* deadlines.c - the dated obligations and windows of a case; see
 * deadlines.h. */
#include "deadlines.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "items.h"

/* The columns of a vd item (items.h) */
#define DL_ITEM_ENUM(id, name, type, meaning) id,
enum { VD_FACTS(DL_ITEM_ENUM) VD__COUNT };
#undef DL_ITEM_ENUM

#define CW_DL_NAME(id, name, title) name,
const char *const deadline_kind_names[DL__COUNT] = {
	DEADLINE_KINDS(CW_DL_NAME) };
#undef CW_DL_NAME
#define CW_DL_TITLE(id, name, title) title,
const char *const deadline_kind_titles[DL__COUNT] = {
	DEADLINE_KINDS(CW_DL_TITLE) };
#undef CW_DL_TITLE

static struct deadline *add(struct deadline_list *l, int kind, daynum lo,
			    daynum hi, struct arena *a)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct deadline *v = arena_alloc(a, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	struct deadline *d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	d->kind = (uint8_t)kind;
	d->lo = lo;
	d->hi = hi;
	/* something to do by then: its first possible day */
	d->day = lo;
	d->minute = -1;
	return d;
}

/* The rule, parameter or path behind a date, and its citation. */
static void cite_param(const struct rules *r, struct deadline *d,
		       const char *param)
{
	const struct param *p = rules_param(r, param);
	d->rule = param;
	d->cite = p ? p->cite : NULL;
}

static void hearings(const struct assessment *a, struct deadline_list *l,
		     const struct rules *r, struct arena *ar)
{
	const struct cw_case *c = a->c;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_HEARING || e->scheduled != TRI_TRUE ||
		    !date_known(e->date))
			continue;
		struct deadline *d = add(l, DL_HEARING, date_lo(e->date),
					 date_hi(e->date), ar);
		d->minute = e->minute;
		d->court = e->court;
		d->line = e->pos.line;
		d->note = e->kind == HK_INDIVIDUAL ? "individual (merits) hearing"
			: e->kind == HK_MASTER ? "master calendar hearing" : NULL;
		/* what missing it costs: an order in absentia */
		d->rule = path_id_def.names[PATH_IN_ABSENTIA];
		d->cite = r->paths[PATH_IN_ABSENTIA].cite;
	}
}

void deadlines_redact(struct deadline_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		l->v[i].court = NULL;
}

static void depart_by(const struct rules *r, const struct outcome_side *s,
		      struct deadline_list *l, struct arena *ar)
{
	const struct item_set *is = &s->fs.items[SC_VD];
	char b[DATE_BUFSZ], c[DATE_BUFSZ];
	for (uint32_t k = 0; k < is->n; k++) {
		const struct value *row = item_row(is, k);
		if (row[VD_DEADLINE].type != VAL_DATE)
			continue;
		struct deadline *d = add(l, DL_DEPART_BY,
			(daynum)row[VD_DEADLINE].lo, (daynum)row[VD_DEADLINE].hi,
			ar);
		d->line = is->line[k];
		bool dhs = row[VD_BY].type == VAL_STR &&
			   !strcmp(row[VD_BY].s, "DHS");
		if (dhs) {
			d->rule = path_id_def.names[PATH_VOLUNTARY_RETURN];
			d->cite = r->paths[PATH_VOLUNTARY_RETURN].cite;
		} else {
			/* what failing it costs */
			const struct rule *rl = rules_find(r, "vd_failure_to_depart");
			d->rule = rl ? rl->id : "voluntary_departure";
			d->cite = rl ? rl->cite : NULL;
		}
		const char *left = NULL;
		if (value_truth(row[VD_DEPARTED]) == 1 &&
		    row[VD_DEPARTURE].type == VAL_DATE)
			left = arena_printf(ar, "left %s%s", date_format(
				date_from_days((daynum)row[VD_DEPARTURE].lo), c),
				value_truth(row[VD_IN_TIME]) == 1 ? ", in time" :
				value_truth(row[VD_IN_TIME]) == 0 ? ", too late" :
				"");
		if (value_truth(row[VD_ROLLED]) == 1 &&
		    row[VD_DEPART_BY].type == VAL_DATE)
			d->note = arena_printf(ar, "recorded as %s, not a business "
				"day: rolled to the next one%s%s", date_format(date_from_days(
				(daynum)row[VD_DEPART_BY].lo), b), left ? "; " : "",
				left ? left : "");
		else
			d->note = left;
	}
}

static bool is_in_absentia_motion(const char *motion)
{
	return motion && !strcmp(motion, "rescission_180");
}

/* The relief a motion of that kind would reopen for, as "a, b". */
static const char *motion_relief(const struct outcome_side *s,
				 bool rescission, const char *motion,
				 daynum day, struct arena *ar)
{
	size_t len = 0;
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_now *n = &s->rel[i].now;
		if (n->deadline == day && n->motion &&
		    (rescission ? is_in_absentia_motion(n->motion) :
		     !strcmp(n->motion, motion)))
			len += strlen(s->rel[i].rule->id) + 2;
	}
	if (!len)
		return NULL;
	char *buf = arena_alloc_text(ar, len + 16), *p = buf;
	p += sprintf(p, "for ");
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_now *n = &s->rel[i].now;
		if (n->deadline == day && n->motion &&
		    (rescission ? is_in_absentia_motion(n->motion) :
		     !strcmp(n->motion, motion)))
			p += sprintf(p, "%s%s", p - buf > 4 ? ", " : "",
				     s->rel[i].rule->id);
	}
	return buf;
}

/* A fact of the case by name (facts.h), unknown when there is none. */
static struct value fact(const struct outcome_side *s, const char *name)
{
	int i = facts_index(name);
	return i >= 0 ? s->facts[i] : value_unknown();
}

static void motions(const struct rules *r, const struct outcome_side *s,
		    struct deadline_list *l, struct arena *ar)
{
	struct value v = fact(s, "reopen_deadline");
	if (v.type == VAL_DATE) {
		struct deadline *d = add(l, DL_REOPEN, (daynum)v.lo,
					 (daynum)v.hi, ar);
		cite_param(r, d, "reopen_in_absentia_days");
		d->note = motion_relief(s, true, NULL, (daynum)v.lo, ar);
	}
	/* one a motion and a day, whichever relief it reopens for */
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_now *n = &s->rel[i].now;
		if (n->deadline == ASSESS_NO_DAY || !n->motion ||
		    is_in_absentia_motion(n->motion))
			continue;
		bool seen = false;
		for (uint32_t k = 0; k < i && !seen; k++)
			seen = s->rel[k].now.deadline == n->deadline &&
			       s->rel[k].now.motion &&
			       !strcmp(s->rel[k].now.motion, n->motion);
		if (seen)
			continue;
		struct deadline *d = add(l, DL_MOTION, n->deadline,
					 n->deadline, ar);
		cite_param(r, d, !strcmp(n->motion, "vawa") ?
			   "vawa_motion_years" : "motion_reopen_days");
		const char *rel = motion_relief(s, false, n->motion,
						n->deadline, ar);
		d->note = arena_printf(ar, "%s motion%s%s", n->motion,
				       rel ? ", " : "", rel ? rel : "");
	}
}

static void asylum(const struct rules *r, const struct outcome_side *s,
		   struct deadline_list *l, struct arena *ar)
{
	struct value v = fact(s, "asylum_deadline");
	struct value f = fact(s, "asylum_filed_date");
	char b[ASSESS_RANGE_BUFSZ];
	if (v.type != VAL_DATE)
		return;
	struct deadline *d = add(l, DL_ASYLUM, (daynum)v.lo, (daynum)v.hi, ar);
	cite_param(r, d, "asylum_deadline_years");
	if (f.type == VAL_DATE)
		d->note = arena_printf(ar, "an application was filed %s",
				       assess_range((daynum)f.lo, (daynum)f.hi,
						    b));
}

static void bars(const struct outcome_side *s, struct deadline_list *l,
		 struct arena *ar)
{
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		if ((p->rule->kind != KIND_BAR &&
		     p->rule->kind != KIND_RELIEF_BAR) || p->permanent == 1 ||
		    p->until_lo == ASSESS_NO_DAY)
			continue;
		struct deadline *d = add(l, DL_BAR_ENDS, p->until_lo,
					 p->until_hi, ar);
		/* in force, at worst, to its last possible day */
		d->day = p->until_hi;
		d->possible = p->possible;
		d->rule = p->rule->id;
		d->cite = p->rule->cite;
		d->line = p->trigger_line;
		d->note = p->permanent < 0 ? arena_printf(ar, "%s (it may be "
			"permanent)", p->rule->title) : p->rule->title;
	}
}

static int by_day(const void *x, const void *y)
{
	const struct deadline *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	int c = strcmp(a->rule ? a->rule : "", b->rule ? b->rule : "");
	return c ? c : (a->line > b->line) - (a->line < b->line);
}

void deadlines_of(const struct rules *r, const struct assessment *a,
		  struct deadline_list *out, struct arena *arena)
{
	size_t first = out->n;
	const struct outcome_side *s = &a->taken;
	hearings(a, out, r, arena);
	if (s->facts) {
		depart_by(r, s, out, arena);
		motions(r, s, out, arena);
		asylum(r, s, out, arena);
	}
	bars(s, out, arena);
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof(*out->v), by_day);
}

long deadline_days_left(const struct deadline *d, struct date as_of)
{
	return (long)d->day - (long)date_lo(as_of);
}

const char *deadline_date_text(const struct deadline *d,
			       char buf[ASSESS_RANGE_BUFSZ])
{
	return assess_range(d->lo, d->hi, buf);
}

/* FNV-1a over the parts with a 0 byte between them, then the splitmix64
 * finaliser (as redact.c's): fixed, so that a calendar that imported a
 * deadline recognises it on the next import. */
static uint64_t mix(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h * 1099511628211ull;
}

void deadline_uid(const char *id, const struct deadline *d, char out[17])
{
	char day[DATE_BUFSZ];
	uint64_t h = 1469598103934665603ull;
	h = mix(h, id);
	h = mix(h, deadline_kind_names[d->kind]);
	h = mix(h, date_format(date_from_days(d->day), day));
	h = mix(h, d->rule);
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
	h ^= h >> 31;
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
