/* facts_presence.c - stays, unlawful presence, continuous presence and
 * residence (legal-reference.md section 0 and the up.* table).
 *
 * The periods that are not unlawful presence are collected once, sorted
 * and merged per count (9(B), 9(C)) with running totals, so that counting
 * a stay costs two binary searches however many periods a case has.
 */
#include "facts_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- periods that are not unlawful presence ----------------------------- */

static void iv_push(struct fx *x, int which, daynum lo, daynum hi)
{
	if (hi <= lo)
		return;
	for (int k = 0; k < 2; k++) {
		if (!(which & (k ? IV_9C : IV_9B)))
			continue;
		struct iv_list *l = &x->ivs[k];
		if (l->n == l->cap) {
			uint32_t cap = l->cap ? l->cap * 2 : 8;
			struct iv *v = arena_alloc(x->a, cap * sizeof(*v));
			if (l->n)
				memcpy(v, l->v, l->n * sizeof(*v));
			l->v = v;
			l->cap = cap;
		}
		l->v[l->n++] = (struct iv){ lo, hi };
	}
}

static int iv_cmp(const void *pa, const void *pb)
{
	const struct iv *a = pa, *b = pb;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

static void iv_finish(struct fx *x, struct iv_list *l)
{
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), iv_cmp);
	uint32_t m = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		if (m && l->v[i].lo <= l->v[m - 1].hi) {
			if (l->v[i].hi > l->v[m - 1].hi)
				l->v[m - 1].hi = l->v[i].hi;
		} else {
			l->v[m++] = l->v[i];
		}
	}
	l->n = m;
	l->before = arena_alloc(x->a, (m + 1) * sizeof(*l->before));
	l->before[0] = 0;
	for (uint32_t i = 0; i < m; i++)
		l->before[i + 1] = l->before[i] +
			((int64_t)l->v[i].hi - l->v[i].lo);
}

/* Days of [lo, hi) that some period covers. */
static int64_t iv_covered(const struct iv_list *l, daynum lo, daynum hi)
{
	if (hi <= lo || !l->n)
		return 0;
	/* first period ending after lo; last period starting before hi */
	uint32_t a = 0, b = l->n;
	while (a < b) {
		uint32_t m = (a + b) / 2;
		if (l->v[m].hi <= lo)
			a = m + 1;
		else
			b = m;
	}
	uint32_t i = a;
	a = i, b = l->n;
	while (a < b) {
		uint32_t m = (a + b) / 2;
		if (l->v[m].lo < hi)
			a = m + 1;
		else
			b = m;
	}
	if (a == i)
		return 0;
	uint32_t j = a - 1;
	int64_t sum = l->before[j + 1] - l->before[i];
	if (lo > l->v[i].lo)
		sum -= lo - l->v[i].lo;
	if (l->v[j].hi > hi)
		sum -= (int64_t)l->v[j].hi - hi;
	return sum;
}

static int32_t free_days(const struct fx *x, int k, daynum lo, daynum hi)
{
	if (hi <= lo)
		return 0;
	return (int32_t)((int64_t)hi - lo - iv_covered(&x->ivs[k], lo, hi));
}

static bool has_feb29(daynum lo, daynum hi)
{
	if (hi <= lo)
		return false;
	struct date a = date_from_days(lo), b = date_from_days(hi - 1);
	for (int y = a.y; y <= b.y; y++)
		if (date_is_leap(y)) {
			daynum f = date_days(date_ymd(y, 2, 29));
			if (f >= lo && f < hi)
				return true;
		}
	return false;
}

/* ---- collecting the periods ----------------------------------------------- */

/* Open applications of one kind, closed together by the event that ends
 * them: each is opened once and closed once, so the walk is linear. */
struct pending {
	const struct event **v;
	uint32_t n;
	int which;
};

static void pending_close(struct fx *x, struct pending *p, daynum end)
{
	for (uint32_t i = 0; i < p->n; i++)
		iv_push(x, p->which, fx_lo(p->v[i]->date), end);
	p->n = 0;
}

static bool ends_asylum(const struct event *e)
{
	if (e->type == EV_DEPARTURE)
		return e->kind != DK_ADVANCE_PAROLE;
	if (e->type != EV_DECISION)
		return false;
	if (e->relief == REL_ASYLUM)
		return true;
	return facts_is_order(e) || e->outcome == OUT_VOLUNTARY_DEPARTURE;
}

static bool ends_adjustment(const struct event *e)
{
	if (e->type == EV_DEPARTURE)
		return e->kind != DK_ADVANCE_PAROLE;
	return e->type == EV_DECISION && (e->relief == REL_ADJUST_245A ||
					  e->relief == REL_ADJUST_245I);
}

static bool ends_stay_application(const struct event *e)
{
	if (e->type == EV_DEPARTURE || e->type == EV_STATUS_VIOLATION_FOUND ||
	    e->type == EV_STATUS_ENDED)
		return true;
	return e->type == EV_DECISION &&
	       (e->relief == REL_EXTENSION_OF_STATUS ||
		e->relief == REL_CHANGE_OF_STATUS) &&
	       e->outcome == OUT_RELIEF_DENIED;
}

static int work_cmp(const void *pa, const void *pb)
{
	const struct iv *a = pa, *b = pb;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

/* The periods of work not known to be authorized, sorted by start, each
 * with the latest end among it and those before: one binary search
 * answers "any overlap with [lo, hi)?". */
static void collect_work(struct fx *x)
{
	const struct cw_case *c = x->c;
	x->work = arena_alloc(x->a, (c->n_employment + 1) * sizeof(*x->work));
	x->n_work = 0;
	for (uint32_t i = 0; i < c->n_employment; i++) {
		const struct employment *w = &c->employment[i];
		if (w->authorized == TRI_TRUE)
			continue;
		x->work[x->n_work++] = (struct iv){ fx_lo(w->from),
			date_known(w->to) ? date_hi(w->to) + 1 : NEVER };
	}
	if (x->n_work)
		qsort(x->work, x->n_work, sizeof(*x->work), work_cmp);
	x->work_max_end = arena_alloc(x->a, (x->n_work + 1) *
				      sizeof(*x->work_max_end));
	for (uint32_t i = 0; i < x->n_work; i++)
		x->work_max_end[i] = i && x->work_max_end[i - 1] > x->work[i].hi
			? x->work_max_end[i - 1] : x->work[i].hi;
}

/* Unauthorized work during [lo, hi), or before hi for `before` (tolling
 * needs none before or during). */
static bool worked(const struct fx *x, daynum lo, daynum hi, bool before)
{
	uint32_t a = 0, b = x->n_work;
	while (a < b) {         /* periods starting before hi: [0, a) */
		uint32_t m = (a + b) / 2;
		if (x->work[m].lo < hi)
			a = m + 1;
		else
			b = m;
	}
	if (!a)
		return false;
	return before || x->work_max_end[a - 1] > lo;
}

/* Asylum periods whose applicant worked without authorization, or whose
 * application the file calls frivolous, are left in the count. */
static void close_asylum(struct fx *x, struct pending *p, daynum end)
{
	uint32_t keep = 0;
	for (uint32_t i = 0; i < p->n; i++) {
		const struct event *a = p->v[i];
		if (a->nonfrivolous == TRI_FALSE ||
		    worked(x, fx_lo(a->date), end, false))
			continue;
		p->v[keep++] = a;
	}
	p->n = keep;
	pending_close(x, p, end);
}

/* A timely, non-frivolous extension or change of status by someone who has
 * not worked without authorization (up.tolling, agency policy). */
static bool tolls(const struct fx *x, const struct event *a,
		  const struct event *entry)
{
	if (!entry || (entry->manner != MANNER_ADMITTED &&
		       entry->manner != MANNER_PAROLED))
		return false;
	if (a->nonfrivolous == TRI_FALSE || a->timely == TRI_FALSE)
		return false;
	if (a->timely == TRI_UNSET && !entry->authorized_ds &&
	    (!date_known(entry->authorized_until) ||
	     fx_lo(a->date) > date_hi(entry->authorized_until)))
		return false;
	return !worked(x, fx_lo(a->date), NEVER, true);
}

static int status_counts(int st)
{
	return st == ST_FAMILY_UNITY ? IV_9B : IV_9B | IV_9C;
}

/* The index of a status name for status_ended: a status of
 * status_granted, or "nonimmigrant" after them. */
#define ST_NONIMMIGRANT_END ST__COUNT
static int ended_index(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, "nonimmigrant"))
		return ST_NONIMMIGRANT_END;
	return enum_value(&status_def, name, strlen(name));
}

/* What comes next after each event, found in one backward pass: the day
 * after the next status_ended of each status, and the next departure. */
struct ahead {
	daynum *end_of;         /* per event: for a status_granted, the end
				   a later status_ended gives it */
	daynum *next_dep;       /* per event: the next departure's day */
};

static void look_ahead(struct fx *x, struct ahead *h)
{
	const struct cw_case *c = x->c;
	daynum next_end[ST__COUNT + 1], dep = NEVER;
	for (int i = 0; i <= ST__COUNT; i++)
		next_end[i] = NEVER;
	h->end_of = arena_alloc(x->a, (c->n_events + 1) * sizeof(daynum));
	h->next_dep = arena_alloc(x->a, (c->n_events + 1) * sizeof(daynum));
	for (uint32_t i = c->n_events; i-- > 0;) {
		const struct event *e = &c->events[i];
		if (e->type == EV_DEPARTURE)
			dep = fx_lo(e->date);
		h->next_dep[i] = dep;
		h->end_of[i] = NEVER;
		if (e->type == EV_STATUS_ENDED) {
			int k = ended_index(e->ended);
			if (k >= 0)
				next_end[k] = fx_lo(e->date) + 1;
		} else if (e->type == EV_STATUS_GRANTED && e->status >= 0) {
			h->end_of[i] = next_end[e->status];
		} else if (facts_grant_status(e) >= 0) {
			h->end_of[i] = next_end[facts_grant_status(e)];
		}
	}
}

/* A status granted (by a status_granted event, or by a decision that
 * grants relief conferring one), until its `until` or an earlier
 * status_ended of the same status; LPR status has no end. */
static void status_period(struct fx *x, const struct ahead *h, uint32_t i)
{
	const struct event *e = &x->c->events[i];
	int st = e->type == EV_STATUS_GRANTED ? e->status
					      : facts_grant_status(e);
	daynum end = NEVER;
	if (st != ST_LPR && st != ST_CONDITIONAL_LPR &&
	    e->type == EV_STATUS_GRANTED && date_known(e->until))
		end = date_hi(e->until) + 1;
	if (h->end_of[i] < end)
		end = h->end_of[i];
	iv_push(x, status_counts(st), fx_lo(e->date), end);
}

/* A voluntary departure or return: from the grant day through the rolled
 * deadline; a voluntary return without one, through the departure. */
static void vd_period(struct fx *x, const struct ahead *h, uint32_t i)
{
	const struct event *e = &x->c->events[i];
	daynum end;
	if (date_known(e->depart_by))
		end = fx_next_business_day(x, date_hi(e->depart_by)) + 1;
	else if (e->type == EV_VOLUNTARY_RETURN)
		end = h->next_dep[i];
	else
		return;
	iv_push(x, IV_9B | IV_9C, fx_lo(e->date), end);
}

/* The decision at i is appealed to the BIA: an appeal follows before any
 * departure. */
static bool appealed(const struct cw_case *c, uint32_t i)
{
	for (uint32_t j = i + 1; j < c->n_events; j++) {
		const struct event *e = &c->events[j];
		if (e->type == EV_DEPARTURE)
			return false;
		if (e->type == EV_APPEAL && e->to == APPEAL_BIA)
			return true;
	}
	return false;
}

static void push_pending(struct fx *x, struct pending *p, const struct event *e)
{
	if (!p->v)
		p->v = arena_alloc(x->a, (x->c->n_events + 1) * sizeof(*p->v));
	p->v[p->n++] = e;
}

static void collect_periods(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct pending asy = { NULL, 0, IV_9B }, adj = { NULL, 0, IV_9B | IV_9C },
		       ext = { NULL, 0, IV_9B | IV_9C };
	const struct event *entry = NULL;
	struct ahead h;
	collect_work(x);
	look_ahead(x, &h);
	bool on_appeal = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		daynum d = fx_lo(e->date);
		/* up.asylum_pending runs to the final administrative decision:
		 * a judge's decision appealed to the BIA is not final until the
		 * BIA decides (a remand leaves it pending) */
		if (ends_asylum(e) && e->type == EV_DECISION && asy.n &&
		    appealed(c, i)) {
			on_appeal = true;
		} else if (e->type == EV_APPEAL && on_appeal && e->to == APPEAL_BIA &&
			   (e->stage == ASTAGE_DECIDED ||
			    (e->outcome >= 0 && e->outcome != AOUT_PENDING))) {
			on_appeal = false;
			if (e->outcome != AOUT_REMANDED)
				close_asylum(x, &asy, d + 1);
		} else if (ends_asylum(e) && !(on_appeal && e->type == EV_DECISION)) {
			on_appeal = false;
			close_asylum(x, &asy, e->type == EV_DEPARTURE ? d : d + 1);
		}
		if (ends_adjustment(e))
			pending_close(x, &adj, e->type == EV_DEPARTURE ? d : d + 1);
		if (ends_stay_application(e))
			pending_close(x, &ext, e->type == EV_DEPARTURE ? d : d + 1);
		switch (e->type) {
		case EV_ENTRY:
			if (e->manner != MANNER_ATTEMPTED)
				entry = e;
			break;
		case EV_STATUS_GRANTED:
			status_period(x, &h, i);
			break;
		case EV_APPLICATION:
			if (e->relief == REL_ASYLUM)
				push_pending(x, &asy, e);
			else if (e->relief == REL_ADJUST_245A ||
				 e->relief == REL_ADJUST_245I)
				push_pending(x, &adj, e);
			else if ((e->relief == REL_EXTENSION_OF_STATUS ||
				  e->relief == REL_CHANGE_OF_STATUS) &&
				 tolls(x, e, entry))
				push_pending(x, &ext, e);
			break;
		case EV_VOLUNTARY_RETURN:
			vd_period(x, &h, i);
			break;
		case EV_DECISION:
			if (e->outcome == OUT_VOLUNTARY_DEPARTURE)
				vd_period(x, &h, i);
			/* a grant that confers a status (withholding and CAT:
			 * an authorized stay [FLAG]) */
			if (facts_grant_status(e) >= 0)
				status_period(x, &h, i);
			break;
		}
	}
	close_asylum(x, &asy, NEVER);
	pending_close(x, &adj, NEVER);
	pending_close(x, &ext, NEVER);
	if (date_known(c->person.lpr_since))
		iv_push(x, IV_9B | IV_9C, date_lo(c->person.lpr_since), NEVER);
	iv_finish(x, &x->ivs[0]);
	iv_finish(x, &x->ivs[1]);
}

/* ---- stays ---------------------------------------------------------------- */

static daynum min_day(daynum a, daynum b)
{
	return a < b ? a : b;
}

/* When unlawful presence can start in a stay, by the manner of entry
 * (date.up_start_*). */
static void stay_up_start(struct stay_rec *s)
{
	const struct event *e = s->entry;
	s->up_known = -1;
	if (s->lawful) {
		s->up_known = 0;
		return;
	}
	daynum found = s->found;
	if (e->manner == MANNER_WITHOUT_INSPECTION) {
		s->up_known = 1;
		s->up_lo = fx_lo(e->date);
		s->up_hi = fx_hi(e->date);
		return;
	}
	bool paroled = e->manner == MANNER_PAROLED;
	daynum end = min_day(found, paroled ? s->parole_end : s->nonimm_end);
	if (date_known(e->authorized_until)) {
		s->up_known = 1;
		s->up_lo = min_day(date_lo(e->authorized_until) + 1, end);
		s->up_hi = min_day(date_hi(e->authorized_until) + 1, end);
	} else if (end != NEVER) {
		s->up_known = 1;
		s->up_lo = s->up_hi = end;
	} else if (e->authorized_ds && !paroled) {
		s->up_known = 0;        /* D/S and no finding: none (firm) */
	}
}

bool facts_stay_up(const struct fx *x, const struct stay_rec *s, int which,
		   daynum upto, int32_t *lo, int32_t *hi, bool *feb29)
{
	int k = which == IV_9C;
	if (feb29)
		*feb29 = false;
	daynum end_lo = s->dep ? fx_lo(s->dep->date) : upto;
	daynum end_hi = s->dep ? fx_hi(s->dep->date) : upto;
	end_lo = min_day(end_lo, upto);
	end_hi = min_day(end_hi, upto);
	if (s->up_known == 0) {
		*lo = *hi = 0;
		return true;
	}
	daynum a_lo = s->up_lo, a_hi = s->up_hi;
	if (s->up_known < 0) {
		/* the start is not known, but if every day of the stay is
		 * authorized there is none */
		daynum from = fx_lo(s->entry->date);
		if (free_days(x, k, from, end_hi) == 0) {
			*lo = *hi = 0;
			return true;
		}
		return false;
	}
	daynum floor_lo = x->iirira, floor_hi = x->iirira;
	if (which == IV_9B && x->adult_lo != NEVER) {
		if (x->adult_lo > floor_lo)
			floor_lo = x->adult_lo;
		if (x->adult_hi > floor_hi)
			floor_hi = x->adult_hi;
	}
	if (a_lo < floor_lo)
		a_lo = floor_lo;
	if (a_hi < floor_hi)
		a_hi = floor_hi;
	*hi = free_days(x, k, a_lo, end_hi);
	*lo = free_days(x, k, a_hi, end_lo);
	if (*lo > *hi) {
		int32_t t = *lo;
		*lo = *hi;
		*hi = t;
	}
	if (feb29)
		*feb29 = has_feb29(a_lo, end_hi);
	return true;
}

/* date.borderline: counting the departure day (or a grant day), or a
 * Feb 29, would move the count across a threshold. */
struct value facts_up_value(const struct fx *x, int32_t lo, int32_t hi,
			    bool feb29, int which)
{
	struct value v = value_int_range(lo, hi);
	if (which == IV_9B) {
		int t3 = fx_param_int(x, P_UP_3YR), t10 = fx_param_int(x, P_UP_10YR);
		v.borderline = lo == t3 - 1 || lo == t10 - 1 ||
			       (lo == t10 && feb29);
	} else {
		int t = fx_param_int(x, P_UP_9C);
		v.borderline = lo == t - 1 || (lo == t && feb29);
	}
	return v;
}

static bool lawful_arrival(const struct fx *x, const struct event *e)
{
	struct value since = x->f[F_LPR_SINCE];
	if (e->visa_status && !strcmp(e->visa_status, "immigrant"))
		return true;
	return since.type == VAL_DATE && since.hi <= fx_lo(e->date);
}

/* In the open stay cur: a finding (a USCIS finding, or a judge's order:
 * date.up_start_finding) or the end of its parole or nonimmigrant status;
 * UP can run from the day after. */
static void stay_event(struct stay_rec *cur, const struct event *e)
{
	daynum d = fx_lo(e->date) + 1;
	if ((e->type == EV_STATUS_VIOLATION_FOUND ||
	     (e->type == EV_DECISION && facts_is_order(e))) && cur->found == NEVER)
		cur->found = d;
	if (e->type == EV_STATUS_ENDED && e->ended) {
		if (!strcmp(e->ended, "parole") && cur->parole_end == NEVER)
			cur->parole_end = d;
		if (!strcmp(e->ended, "nonimmigrant") && cur->nonimm_end == NEVER)
			cur->nonimm_end = d;
	}
	if (e->type == EV_VOLUNTARY_RETURN)
		cur->vr_advised = e->advised;
}

static void build_stays(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct stay_rec *cur = NULL;
	x->st = arena_alloc(x->a, (c->n_events + 1) * sizeof(*x->st));
	x->n_st = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_ENTRY && e->manner != MANNER_ATTEMPTED && !cur) {
			cur = &x->st[x->n_st++];
			memset(cur, 0, sizeof(*cur));
			cur->entry = e;
			cur->lawful = lawful_arrival(x, e);
			cur->vr_advised = TRI_FALSE;
			cur->nonimmigrant = e->manner == MANNER_ADMITTED &&
				!cur->lawful;
			cur->dep_item = -1;
			cur->found = cur->parole_end = cur->nonimm_end = NEVER;
		} else if (cur) {
			stay_event(cur, e);
			if (e->type == EV_DEPARTURE) {
				cur->dep = e;
				cur = NULL;
			}
		}
	}
	for (uint32_t i = 0; i < x->n_st; i++)
		stay_up_start(&x->st[i]);
}

void facts_presence_scan(struct fx *x)
{
	collect_periods(x);
	build_stays(x);
}

/* ---- items: stays, entries, departures ------------------------------------- */

static struct value up_of(const struct fx *x, const struct stay_rec *s,
			  int which, daynum upto)
{
	int32_t lo, hi;
	bool feb;
	if (!facts_stay_up(x, s, which, upto, &lo, &hi, &feb))
		return value_unknown();
	return facts_up_value(x, lo, hi, feb, which);
}

static const char *manner_name(const struct event *e)
{
	return e->manner >= 0 ? manner_def.names[e->manner] : "";
}

static void stay_items(struct fx *x)
{
	for (uint32_t i = 0; i < x->n_st; i++) {
		const struct stay_rec *s = &x->st[i];
		struct value *row = fx_item(x, SC_STAY, s->entry->pos.line);
		row[STAY_DATE] = fx_date(s->entry->date);
		row[STAY_END] = s->dep ? fx_date(s->dep->date)
				       : value_date(x->as_of + 1);
		row[STAY_OPEN] = value_bool(!s->dep);
		row[STAY_MANNER] = fx_str(manner_name(s->entry));
		row[STAY_UP_DAYS] = up_of(x, s, IV_9B, x->as_of + 1);
		row[STAY_UP9C_DAYS] = up_of(x, s, IV_9C, x->as_of + 1);
		row[STAY_NONIMMIGRANT] = value_bool(s->nonimmigrant);
		row[STAY_OVERSTAYED] = value_bool(false);
		if (s->up_known == 1 && (s->nonimmigrant ||
					 s->entry->manner == MANNER_PAROLED)) {
			daynum end = s->dep ? fx_lo(s->dep->date) : x->as_of + 1;
			if (free_days(x, 1, s->up_lo, end) > 0) {
				row[STAY_OVERSTAYED] = value_bool(true);
				row[STAY_OVERSTAY_START] = value_date(s->up_lo);
			}
		}
	}
}

/* Each closed stay's 9(C) count, once. */
static void stay_up9c(struct fx *x)
{
	for (uint32_t i = 0; i < x->n_st; i++) {
		struct stay_rec *s = &x->st[i];
		s->up9c_known = facts_stay_up(x, s, IV_9C, x->as_of + 1,
					      &s->up9c_lo, &s->up9c_hi,
					      &s->up9c_feb29);
	}
}

/* What the walk over entries carries from one to the next. */
struct before {
	uint32_t stays;                 /* stays begun before the entry */
	int64_t up_lo, up_hi;           /* their 9(C) counts, added */
	bool up_known;
	bool up_feb29;                  /* one of them spans a Feb 29 */
	uint32_t deps;                  /* departures before the entry */
	int removed;                    /* tri: one of them a removal */
	daynum last_removal, last_consent;
	daynum first_order;             /* earliest standing order's effect */
};

/* The 9(C) count of the stays begun before day d: those closed, whole;
 * one still open at d, up to d. */
static struct value up9c_before(const struct fx *x, struct before *b,
				daynum d)
{
	while (b->stays < x->n_st && fx_lo(x->st[b->stays].entry->date) < d) {
		const struct stay_rec *s = &x->st[b->stays++];
		if (!s->dep || fx_lo(s->dep->date) >= d)
			break;  /* open at d: counted below */
		b->up_known &= s->up9c_known;
		b->up_lo += s->up9c_lo;
		b->up_hi += s->up9c_hi;
		b->up_feb29 |= s->up9c_known && s->up9c_hi > 0 && s->up9c_feb29;
	}
	int64_t lo = b->up_lo, hi = b->up_hi;
	bool known = b->up_known, feb29 = b->up_feb29;
	if (b->stays && b->stays <= x->n_st) {
		const struct stay_rec *s = &x->st[b->stays - 1];
		if (!s->dep || fx_lo(s->dep->date) >= d) {
			int32_t a, z;
			bool f;
			if (facts_stay_up(x, s, IV_9C, d, &a, &z, &f)) {
				lo += a;
				hi += z;
				feb29 |= z > 0 && f;
			} else {
				known = false;
			}
			b->stays--;     /* not closed yet: look again */
		}
	}
	if (!known)
		return value_unknown();
	return facts_up_value(x, (int32_t)lo, (int32_t)hi, feb29, IV_9C);
}

static void departures_before(const struct fx *x, struct before *b, daynum d)
{
	while (b->deps < x->n_dep && fx_lo(x->dep[b->deps].ev->date) < d) {
		const struct dep_rec *r = &x->dep[b->deps++];
		b->removed = fx_tri_or(b->removed, r->removal);
		if (r->removal)
			b->last_removal = fx_lo(r->ev->date);
	}
}

static bool visa_is(const struct event *e, const char *a, const char *b)
{
	if (!e->visa_status)
		return false;
	const char *s = e->visa_status;
	for (const char *w = a; w; w = w == a ? b : NULL) {
		size_t i = 0;
		while (s[i] && w[i] && (s[i] | 32) == (w[i] | 32))
			i++;
		if (!s[i] && !w[i])
			return true;
	}
	return false;
}

static void entry_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct before b = { .up_known = true, .last_removal = INT32_MIN,
			    .last_consent = INT32_MIN, .first_order = NEVER };
	for (uint32_t i = 0; i < x->n_ord; i++)
		if (!x->ord[i].rescinded && x->ord[i].eff < b.first_order)
			b.first_order = x->ord[i].eff;
	stay_up9c(x);
	bool left = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_DEPARTURE)
			left = true;
		if (e->type == EV_DECISION && e->outcome == OUT_RELIEF_GRANTED &&
		    (e->relief == REL_CONSENT_I212 || e->relief == REL_CONSENT_9CII))
			b.last_consent = fx_lo(e->date);
		if (e->type != EV_ENTRY)
			continue;
		daynum d = fx_lo(e->date);
		departures_before(x, &b, d);
		struct value *row = fx_item(x, SC_ENTRY, e->pos.line);
		row[ENT_DATE] = fx_date(e->date);
		row[ENT_MANNER] = fx_str(manner_name(e));
		row[ENT_UNLAWFUL] = value_bool(e->manner == MANNER_WITHOUT_INSPECTION ||
					       e->manner == MANNER_ATTEMPTED);
		row[ENT_AFTER_DEP] = value_bool(left);
		row[ENT_UP9C_BEFORE] = up9c_before(x, &b, d);
		row[ENT_ORDERED_BEFORE] = value_bool(b.first_order < d);
		row[ENT_REMOVED_BEFORE] = fx_tri(b.removed);
		/* consent counts when granted after the last removal */
		row[ENT_CONSENT_BEFORE] = value_bool(b.last_consent > b.last_removal);
		row[ENT_STATUS] = fx_str(e->visa_status);
		row[ENT_CREWMAN] = value_bool(visa_is(e, "crewman", "D1"));
		bool j1 = visa_is(e, "J1", "J-1");
		row[ENT_J1] = value_bool(j1);
		row[ENT_J1_GME] = j1 ? fx_tri(e->j1_gme) : value_bool(false);
		row[ENT_J1_212E] = j1 ? fx_tri(e->j1_212e) : value_bool(false);
		row[ENT_J1_212E_MET] = fx_tri(e->j1_212e_met);
		row[ENT_AT_PORT] = fx_tri(e->at_port);
	}
}

/* Proceedings of the open stay, as the walk over departures finds them:
 * NTAs served (filed when), and expedited removal. */
struct procs {
	daynum filed_lo, filed_hi;      /* earliest filing; NEVER: none */
	bool served_unfiled, er;
};

static void procs_event(struct procs *p, const struct event *e)
{
	if (e->type == EV_ENTRY && e->manner != MANNER_ATTEMPTED)
		*p = (struct procs){ NEVER, NEVER, false, false };
	else if (e->type == EV_EXPEDITED_REMOVAL)
		p->er = true;
	else if (e->type == EV_NTA_SERVED && date_known(e->filed)) {
		if (date_lo(e->filed) < p->filed_lo)
			p->filed_lo = date_lo(e->filed);
		if (date_hi(e->filed) < p->filed_hi)
			p->filed_hi = date_hi(e->filed);
	} else if (e->type == EV_NTA_SERVED) {
		p->served_unfiled = true;
	}
}

/* Had proceedings commenced before day dep (an NTA filed with the court,
 * 8 CFR 1239.1(a), or an expedited removal)?  Served but not known to be
 * filed by then: unknown. */
static int commenced(const struct procs *p, daynum dep)
{
	if (p->er || p->filed_hi <= dep)
		return 1;
	if (p->filed_lo <= dep || p->served_unfiled)
		return -1;
	return 0;
}

static int lpr_on(const struct fx *x, daynum d)
{
	struct value since = x->f[F_LPR_SINCE];
	if (since.type != VAL_DATE)
		return 0;
	return since.hi <= d ? 1 : since.lo > d ? 0 : -1;
}

static void departure_item(struct fx *x, const struct dep_rec *dr,
			   const struct procs *p)
{
	const struct event *e = dr->ev;
	const struct stay_rec *s = dr->stay >= 0 ? &x->st[dr->stay] : NULL;
	struct value *row = fx_item(x, SC_DEPARTURE, e->pos.line);
	row[DEP_DATE] = fx_date(e->date);
	row[DEP_KIND] = fx_str(e->kind >= 0 ? departure_kind_def.names[e->kind]
				      : "unknown");
	row[DEP_REMOVAL] = fx_tri(dr->removal);
	row[DEP_REMOVAL].borderline = dr->borderline;
	row[DEP_ORDER_ARRIVAL] = value_bool(dr->arriving);
	row[DEP_ORDER_REINSTATED] = value_bool(dr->reinstated);
	row[DEP_REMOVAL_NUMBER] = value_int(dr->number);
	row[DEP_UP_DAYS] = s ? up_of(x, s, IV_9B, x->as_of + 1) : value_int(0);
	row[DEP_PROCEEDINGS] = fx_tri(commenced(p, fx_lo(e->date)));
	row[DEP_LPR] = fx_tri(lpr_on(x, fx_lo(e->date)));
	if (s) {
		row[DEP_STAY_START] = fx_date(s->entry->date);
		row[DEP_STAY_MANNER] = fx_str(manner_name(s->entry));
	}
	row[DEP_STAY_NONIMMIGRANT] = value_bool(s && s->nonimmigrant);
	row[DEP_ADVISED] = s ? fx_tri(s->vr_advised) : value_bool(false);
	row[DEP_UNDER_VD] = value_bool(dr->under_vd);
	row[DEP_WITHDRAWAL] = value_bool(dr->withdrawal);
	row[DEP_ABANDONED] = value_bool(e->abandoned_residence == TRI_TRUE);
	row[DEP_VERIFIED] = fx_tri(e->verified);
}

/* One item per departure, in order; the proceedings of each stay are
 * followed in the same walk. */
static void departure_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct procs p = { NEVER, NEVER, false, false };
	uint32_t k = 0;
	for (uint32_t i = 0; i < c->n_events && k < x->n_dep; i++) {
		const struct event *e = &c->events[i];
		procs_event(&p, e);
		if (e == x->dep[k].ev)
			departure_item(x, &x->dep[k++], &p);
	}
}

/* The stay-level facts of the whole case. */
static void case_stay_facts(struct fx *x)
{
	struct value *f = x->f;
	const struct stay_rec *last = x->n_st ? &x->st[x->n_st - 1] : NULL;
	bool here = last && !last->dep;
	f[F_IN_US] = value_bool(here);
	if (here) {
		f[F_STAY_START] = fx_date(last->entry->date);
		f[F_STAY_MANNER] = fx_str(manner_name(last->entry));
		f[F_STAY_STATUS] = fx_str(last->entry->visa_status);
		f[F_UP_NOW] = up_of(x, last, IV_9B, x->as_of + 1);
	} else {
		f[F_UP_NOW] = value_int(0);
	}
	int32_t alo = 0, ahi = 0, lo, hi;
	bool known = true, feb29 = false, f29;
	for (uint32_t i = 0; i < x->n_st; i++) {
		if (facts_stay_up(x, &x->st[i], IV_9C, x->as_of + 1, &lo, &hi,
				  &f29)) {
			alo += lo;
			ahi += hi;
			feb29 |= hi > 0 && f29;
		} else {
			known = false;
		}
	}
	f[F_UP9C] = known ? facts_up_value(x, alo, ahi, feb29, IV_9C)
			  : value_unknown();
	f[F_DEPARTED] = value_bool(x->n_dep > 0);
	f[F_DEPARTURES] = value_int(x->n_dep);
	if (x->n_dep)
		f[F_LAST_DEP] = fx_date(x->dep[x->n_dep - 1].ev->date);
}

/* One year (asylum_deadline_years) after the later of the arrival and
 * asylum_deadline_base; a Feb 29 anchor gives Feb 28, and the day rolls
 * to a business day in the eras it does (date.asylum_deadline,
 * date.deadline). */
static daynum asylum_deadline(const struct fx *x, daynum arrival)
{
	daynum floor = fx_param_day(x, P_ASYLUM_BASE);
	if (floor != NEVER && arrival < floor)
		arrival = floor;
	daynum dl = fx_add_years(arrival, fx_param_int(x, P_ASYLUM_YEARS), true);
	return fx_param_bool(x, P_ASYLUM_ROLLS) ? fx_next_business_day(x, dl) : dl;
}

/* The entries of the whole case, and the asylum deadline from the last
 * arrival. */
static void case_entry_facts(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct value *f = x->f;
	const struct event *first = NULL, *last = NULL;
	bool ewi = false, adm = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_ENTRY || e->manner == MANNER_ATTEMPTED)
			continue;
		if (!first)
			first = e;
		last = e;
		ewi |= e->manner == MANNER_WITHOUT_INSPECTION;
		adm |= e->manner == MANNER_ADMITTED || e->manner == MANNER_PAROLED;
	}
	f[F_EWI] = value_bool(ewi);
	f[F_ADMITTED] = value_bool(adm);
	if (!last)
		return;
	f[F_FIRST_ENTRY] = fx_date(first->date);
	f[F_LAST_ARRIVAL] = fx_date(last->date);
	daynum lo = asylum_deadline(x, fx_lo(last->date));
	daynum hi = asylum_deadline(x, fx_hi(last->date));
	f[F_ASYLUM_DEADLINE] = value_date_range(lo, hi);
	daynum filed = NEVER;
	for (uint32_t i = 0; i < c->n_events && filed == NEVER; i++)
		if (c->events[i].type == EV_APPLICATION &&
		    c->events[i].relief == REL_ASYLUM &&
		    fx_lo(c->events[i].date) >= fx_lo(last->date))
			filed = fx_lo(c->events[i].date);
	f[F_ASYLUM_FILED] = fx_day(filed);
	daynum on = filed != NEVER ? filed : x->as_of;
	f[F_ASYLUM_TIMELY] = fx_tri(on <= lo ? 1 : on > hi ? 0 : -1);
}

void facts_presence_items(struct fx *x)
{
	stay_items(x);
	entry_items(x);
	departure_items(x);
	case_stay_facts(x);
	case_entry_facts(x);
}

/* ---- the late facts: presence, residence, stop-time ------------------------- */

static void span(struct value *years, struct value *days, daynum a_lo,
		 daynum a_hi, daynum e_lo, daynum e_hi)
{
	if (e_lo < a_hi)
		e_lo = a_hi;
	if (e_hi < a_lo)
		e_hi = a_lo;
	if (years)
		*years = fx_years(a_lo, a_hi, e_lo, e_hi);
	if (days)
		*days = value_int_range(e_lo - a_hi, e_hi - a_lo);
}

struct stop {
	daynum lo, hi;          /* hi: NEVER when it may not stop at all */
	const char *by;
};

/* The notice that stops time (stop_time, the eras by nta.stops_time): the
 * first one of the current period that does or may. */
static struct stop nta_stop(const struct fx *x, daynum from)
{
	const struct item_set *s = &x->out->items[SC_NTA];
	struct stop st = { NEVER, NEVER, "none" };
	for (uint32_t k = 0; k < s->n; k++) {
		const struct value *row = item_row(s, k);
		if (row[NTA_DATE].type != VAL_DATE || row[NTA_DATE].lo < from)
			continue;
		int t = value_truth(*fx_hook(x, SC_NTA, k, H_NTA_STOPS_TIME));
		struct value d = *fx_hook(x, SC_NTA, k, H_NTA_STOP_DATE);
		if (t == 0 || d.type != VAL_DATE)
			continue;
		st.lo = (daynum)d.lo;
		st.hi = t == 1 ? (daynum)d.hi : NEVER;
		st.by = d.lo > row[NTA_DATE].lo ? "hearing_notice" : "nta";
		return st;
	}
	return st;
}

/* The commission of the first offense that stops time (offense.stops_time,
 * 240A(d)(1)(B)). */
static struct stop offense_stop(const struct fx *x)
{
	const struct item_set *s = &x->out->items[SC_OFFENSE];
	struct stop st = { NEVER, NEVER, "none" };
	for (uint32_t k = 0; k < s->n; k++) {
		const struct value *row = item_row(s, k);
		int t = value_truth(*fx_hook(x, SC_OFFENSE, k,
					     H_OFFENSE_STOPS_TIME));
		if (t == 0 || row[OFF_DATE].type != VAL_DATE)
			continue;
		if ((daynum)row[OFF_DATE].lo < st.lo)
			st.lo = (daynum)row[OFF_DATE].lo;
		if (t == 1 && (daynum)row[OFF_DATE].hi < st.hi)
			st.hi = (daynum)row[OFF_DATE].hi;
		st.by = "offense";
	}
	return st;
}

/* The start of continuous presence (date.cpp_window) as a range. */
static void cpp_start(const struct fx *x, daynum *lo, daynum *hi)
{
	int single = fx_param_int(x, P_CPP_SINGLE);
	*lo = fx_lo(x->st[0].entry->date);
	*hi = fx_hi(x->st[0].entry->date);
	for (uint32_t i = 0; i + 1 < x->n_st; i++) {
		const struct stay_rec *s = &x->st[i];
		if (!s->dep)
			break;
		daynum back = fx_lo(x->st[i + 1].entry->date);
		int gap = back - fx_hi(s->dep->date) - 1;
		int brk = s->dep_item < 0 ? 0 : value_truth(*fx_hook(x,
				SC_DEPARTURE, (uint32_t)s->dep_item, H_DEP_BREAKS));
		if (brk == 1 || gap > single) {
			*lo = *hi = back;
		} else if (brk < 0) {
			*hi = back;
		}
	}
}

/* Days abroad inside [from, to): the days strictly between each departure
 * and the return after it (date.absence). */
static int32_t absent_in(const struct fx *x, daynum from, daynum to)
{
	int32_t n = 0;
	for (uint32_t i = 0; i + 1 < x->n_st; i++) {
		const struct stay_rec *s = &x->st[i];
		if (!s->dep)
			break;
		daynum a = fx_lo(s->dep->date) + 1;
		daynum b = fx_lo(x->st[i + 1].entry->date);
		if (a < from)
			a = from;
		if (b > to)
			b = to;
		if (b > a)
			n += b - a;
	}
	return n;
}

static void presence(struct fx *x, daynum s_lo, daynum s_hi, daynum base,
		     struct stop nta, struct stop off)
{
	struct value *f = x->f;
	struct stop st = nta.lo <= off.lo ? nta : off;
	daynum e_lo = min_day(base, st.lo);
	daynum e_hi = min_day(base, st.hi);
	f[F_STOP_TIME] = st.lo < base ? value_date_range(st.lo,
		st.hi < base ? st.hi : st.lo) : value_unknown();
	f[F_STOP_TIME_BY] = value_str(st.lo < base ? st.by : "none");
	f[F_CPP_START] = value_date_range(s_lo, s_hi);
	f[F_CPP_END] = value_date_range(e_lo, e_hi > e_lo ? e_hi : e_lo);
	span(&f[F_CPP_YEARS], &f[F_CPP_DAYS], s_lo, s_hi, e_lo, e_hi);
	int n = fx_param_int(x, P_CPP_YEARS);
	daynum w = fx_add_years(e_lo, -n, false);
	f[F_CPP_ABSENCE] = value_int(absent_in(x, w > s_lo ? w : s_lo, e_lo));
	/* VAWA: a notice does not stop this clock; an offense does */
	daynum v_lo = min_day(base, off.lo), v_hi = min_day(base, off.hi);
	span(&f[F_CPP_VAWA_YEARS], NULL, s_lo, s_hi, v_lo, v_hi);
	daynum vw = fx_add_years(v_lo, -fx_param_int(x, P_CPP_VAWA_YEARS), false);
	f[F_CPP_VAWA_ABSENCE] = value_int(absent_in(x, vw > s_lo ? vw : s_lo,
						    v_lo));
}

/* 240A(a)(2): residence after admission in any status, cut by stop-time. */
static void residence(struct fx *x, daynum stop_lo, daynum stop_hi)
{
	daynum adm = NEVER;
	for (uint32_t i = 0; i < x->n_st && adm == NEVER; i++)
		if (x->st[i].entry->manner == MANNER_ADMITTED)
			adm = fx_lo(x->st[i].entry->date);
	struct value since = x->f[F_LPR_SINCE];
	if (since.type == VAL_DATE && (adm == NEVER || since.lo < adm))
		adm = (daynum)since.lo;
	if (adm == NEVER)
		return;
	span(&x->f[F_RESIDENCE_YEARS], NULL, adm, adm, min_day(stop_lo, x->dec),
	     min_day(stop_hi, x->dec));
}

/* The stay holding day d, or NULL. */
static const struct stay_rec *stay_at(const struct fx *x, daynum d)
{
	for (uint32_t i = x->n_st; i-- > 0;) {
		const struct stay_rec *s = &x->st[i];
		if (fx_lo(s->entry->date) <= d &&
		    (!s->dep || fx_lo(s->dep->date) >= d))
			return s;
	}
	return NULL;
}

/* Presence before the episode's notice (240B(b)(1)(A)), and lawful
 * residence before it (212(h), Matter of Rotimi). */
static void before_nta(struct fx *x)
{
	if (!x->nta || !date_known(x->nta->date))
		return;
	daynum n = date_lo(x->nta->date);
	const struct stay_rec *s = stay_at(x, n);
	if (!s)
		return;
	span(NULL, &x->f[F_PRESENCE_BEFORE_NTA], fx_lo(s->entry->date),
	     fx_hi(s->entry->date), n, n);
	struct value since = x->f[F_LPR_SINCE];
	daynum from = NEVER;
	if (since.type == VAL_DATE)
		from = (daynum)since.lo;
	int32_t lo, hi;
	if (s->entry->manner == MANNER_ADMITTED &&
	    facts_stay_up(x, s, IV_9C, min_day(from, n), &lo, &hi, NULL) &&
	    hi == 0)
		from = fx_lo(s->entry->date);
	if (s->lawful)
		from = fx_lo(s->entry->date);
	if (from != NEVER && from <= n)
		x->f[F_LAWFUL_RESIDENCE_NTA] = fx_years(from, from, n, n);
}

void facts_presence_late(struct fx *x)
{
	if (!x->n_st)
		return;
	daynum s_lo, s_hi;
	cpp_start(x, &s_lo, &s_hi);
	const struct stay_rec *last = &x->st[x->n_st - 1];
	daynum base = last->dep ? fx_lo(last->dep->date) : x->dec;
	if (base > x->dec)
		base = x->dec;
	struct stop nta = nta_stop(x, s_lo), off = offense_stop(x);
	presence(x, s_lo, s_hi, base, nta, off);
	struct stop st = nta.lo <= off.lo ? nta : off;
	residence(x, st.lo, st.hi);
	before_nta(x);
}
