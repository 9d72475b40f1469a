/* facts.c - the facts of a case, derived from its timeline.
 *
 * One pass over the sorted events collects stays, orders, grants and
 * notices; the facts of facts_list.h are then computed from those with the
 * conventions of legal-reference.md section 0.  Where the file does not
 * say, a fact is unknown; where it gives an imprecise date, a number is a
 * range.
 */
#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "facts_list.h"

#define FACT_ENUM(id, name, type, meaning) id,
enum fact_id { FACT_LIST(FACT_ENUM) F__COUNT };
#define FACT_DEF(id, name, type, meaning) { name, type, meaning },
const struct fact_def facts_table[] = { FACT_LIST(FACT_DEF) };
const size_t facts_count = F__COUNT;

#define FACTS_PATH_NAME(id, name) name,
const char *const facts_strings[FACTS_STRINGS] = {
	PATHS(FACTS_PATH_NAME)
	[FACTS_BY_NTA] = "nta",
	[FACTS_BY_HEARING_NOTICE] = "hearing_notice",
	[FACTS_BY_OFFENSE] = "offense",
	[FACTS_BY_NONE] = "none",
};
#undef FACTS_PATH_NAME

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

bool facts_hearing(const struct value *f)
{
	return value_truth(f[F_HEARING]) == 1;
}

int facts_index(const char *name)
{
	for (size_t i = 0; i < facts_count; i++)
		if (!strcmp(facts_table[i].name, name))
			return (int)i;
	return -1;
}

#define NEVER INT32_MAX

static daynum ymd(int y, int m, int d)
{
	return date_days(date_ymd(y, m, d));
}

/* ---- small three-valued helpers --------------------------------------- */

/* Locale-independent, for visa classes such as "J1" and "crewman". */
static int strcasecmp_ascii(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
		int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
		if (x != y || !x)
			return x - y;
	}
}

static int tri_or(int a, int b)
{
	if (a == 1 || b == 1)
		return 1;
	return (a == -1 || b == -1) ? -1 : 0;
}

static struct value vtri(int t)
{
	return t < 0 ? value_unknown() : value_bool(t == 1);
}

static struct value vdate(daynum d)
{
	return d == NEVER ? value_unknown() : value_date(d);
}

static struct value vdate_of(struct date d)
{
	return date_known(d) ? value_date_range(date_lo(d), date_hi(d))
			     : value_unknown();
}

/* ---- intervals of authorized stay --------------------------------------- */

enum { IV_9B = 1, IV_9C = 2 };

struct iv {
	daynum lo, hi;          /* [lo, hi) */
	int which;
};

struct ivs {
	struct iv v[64];
	int n;
};

static void iv_add(struct ivs *s, daynum lo, daynum hi, int which)
{
	if (s->n < 64 && hi > lo)
		s->v[s->n++] = (struct iv){ lo, hi, which };
}

/* Days in [lo, hi) not covered by any interval of kind `which`. */
static int32_t free_days(const struct ivs *s, daynum lo, daynum hi,
			 int which, bool *has_feb29)
{
	if (has_feb29)
		*has_feb29 = false;
	if (hi <= lo)
		return 0;
	/* mark covered days by walking sorted boundaries: few intervals */
	int32_t total = hi - lo;
	struct iv m[64];
	int n = 0;
	for (int i = 0; i < s->n; i++)
		if (s->v[i].which & which) {
			daynum a = s->v[i].lo > lo ? s->v[i].lo : lo;
			daynum b = s->v[i].hi < hi ? s->v[i].hi : hi;
			if (b > a)
				m[n++] = (struct iv){ a, b, 0 };
		}
	for (int i = 1; i < n; i++)         /* insertion sort by lo */
		for (int j = i; j > 0 && m[j - 1].lo > m[j].lo; j--) {
			struct iv t = m[j];
			m[j] = m[j - 1];
			m[j - 1] = t;
		}
	daynum cur = lo;
	for (int i = 0; i < n; i++) {
		daynum a = m[i].lo > cur ? m[i].lo : cur;
		if (m[i].hi > a)
			total -= m[i].hi - a;
		if (m[i].hi > cur)
			cur = m[i].hi;
	}
	if (has_feb29) {
		*has_feb29 = false;
		struct date a = date_from_days(lo), b = date_from_days(hi - 1);
		for (int y = a.y; y <= b.y && !*has_feb29; y++)
			if (date_is_leap(y)) {
				daynum f = ymd(y, 2, 29);
				*has_feb29 = f >= lo && f < hi;
			}
	}
	return total;
}

/* ---- the timeline scan ------------------------------------------------ */

#define MAX_STAYS 32

struct stay {
	const struct event *entry, *dep;        /* dep NULL: still here */
	bool lawful;            /* arrived as an immigrant or while an LPR */
	int up_known;           /* 1: start known; 0: never UP; -1 unknown */
	struct date up_from;    /* first day UP could start (before age and
				   1997 adjustments) */
	bool removal;           /* the departure counts as a removal */
	bool formal;            /* formal departure (breaks presence): tri */
	int formal_t;
};

struct scan {
	const struct facts_ctx *ctx;
	const struct cw_case *c;
	struct stay st[MAX_STAYS];
	int n_st;
	struct ivs ivs;
	daynum as_of, law;
	daynum d1997, adult;    /* 1997-04-01; 18th birthday or NEVER */
	bool adult_known;
	/* orders */
	bool ordered, order_out, order_arriving, vd_alt;
	int removals;
	daynum last_removal, vd_depart_by, vd_grant;
	bool last_removal_arriving;
	bool reentry_after_order;
	/* the latest episode */
	const struct event *nta, *episode;
	int path;
};

static daynum dlo(struct date d) { return date_known(d) ? date_lo(d) : NEVER; }
static daynum dhi(struct date d) { return date_known(d) ? date_hi(d) : NEVER; }

/* Intervals that are not unlawful presence (section 0, "Periods that are
 * not UP"): statuses, pending asylum and adjustment, VD periods. */
static void collect_intervals(struct scan *s)
{
	const struct cw_case *c = s->c;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		daynum d = dlo(e->date);
		if (e->type == EV_STATUS_GRANTED) {
			daynum end = (e->status == ST_LPR ||
				      e->status == ST_CONDITIONAL_LPR ||
				      !date_known(e->until)) ? NEVER
							    : dhi(e->until) + 1;
			iv_add(&s->ivs, d, end, e->status == ST_FAMILY_UNITY
				   ? IV_9B : IV_9B | IV_9C);
		} else if (e->type == EV_APPLICATION &&
			   (e->relief == REL_ASYLUM ||
			    e->relief == REL_ADJUST_245A ||
			    e->relief == REL_ADJUST_245I)) {
			daynum end = NEVER;
			for (uint32_t j = i + 1; j < c->n_events; j++) {
				const struct event *f = &c->events[j];
				if (f->type == EV_DECISION ||
				    f->type == EV_DEPARTURE) {
					end = dlo(f->date);
					break;
				}
			}
			iv_add(&s->ivs, d, end, e->relief == REL_ASYLUM
				   ? IV_9B : IV_9B | IV_9C);
		} else if ((e->type == EV_DECISION &&
			    e->outcome == OUT_VOLUNTARY_DEPARTURE) ||
			   e->type == EV_VOLUNTARY_RETURN) {
			if (date_known(e->depart_by))
				iv_add(&s->ivs, d, dhi(e->depart_by) + 1,
				       IV_9B | IV_9C);
		}
	}
}

/* When unlawful presence can start in a stay, per the manner of entry. */
static void stay_up_start(struct scan *s, struct stay *st)
{
	const struct event *e = st->entry;
	const struct cw_case *c = s->c;
	st->up_known = -1;
	if (st->lawful) {
		st->up_known = 0;
		return;
	}
	if (e->manner == MANNER_WITHOUT_INSPECTION) {
		st->up_known = 1;
		st->up_from = e->date;
	} else if (e->manner == MANNER_ADMITTED) {
		if (date_known(e->authorized_until)) {
			st->up_known = 1;
			st->up_from = date_add_days(e->authorized_until, 1);
		} else if (e->authorized_ds) {
			/* D/S: only a formal finding starts it */
			for (uint32_t i = 0; i < c->n_events; i++) {
				const struct event *f = &c->events[i];
				if (f->type == EV_STATUS_VIOLATION_FOUND &&
				    dlo(f->date) >= dlo(e->date) &&
				    (!st->dep || dlo(f->date) <= dlo(st->dep->date))) {
					st->up_known = 1;
					st->up_from = f->date;
				}
			}
		}
	}
}

/* UP days of a stay, for 9(B) (exceptions apply) or 9(C) (they don't).
 * lo/hi: the range when dates are imprecise.  Returns false if unknown. */
static bool stay_up(const struct scan *s, const struct stay *st, int which,
		    daynum upto, int32_t *lo, int32_t *hi, bool *feb29)
{
	if (st->up_known == 0) {
		*lo = *hi = 0;
		if (feb29)
			*feb29 = false;
		return true;
	}
	if (st->up_known < 0)
		return false;
	daynum end_lo = st->dep ? dlo(st->dep->date) : upto;
	daynum end_hi = st->dep ? dhi(st->dep->date) : upto;
	if (end_hi > upto)
		end_hi = upto;
	if (end_lo > upto)
		end_lo = upto;
	daynum a_lo = dlo(st->up_from), a_hi = dhi(st->up_from);
	daynum floor = s->d1997;
	if (which == IV_9B && s->adult != NEVER && s->adult > floor)
		floor = s->adult;
	if (a_lo < floor)
		a_lo = floor;
	if (a_hi < floor)
		a_hi = floor;
	*hi = free_days(&s->ivs, a_lo, end_hi, which, NULL);
	*lo = free_days(&s->ivs, a_hi, end_lo, which, feb29);
	if (*lo > *hi) {
		int32_t t = *lo;
		*lo = *hi;
		*hi = t;
	}
	return true;
}

static bool is_order(const struct event *e)
{
	return (e->type == EV_DECISION &&
		(e->outcome == OUT_REMOVAL_ORDER ||
		 e->outcome == OUT_IN_ABSENTIA_ORDER ||
		 e->outcome == OUT_STIPULATED_REMOVAL)) ||
	       e->type == EV_EXPEDITED_REMOVAL ||
	       e->type == EV_REINSTATEMENT || e->type == EV_ADMIN_REMOVAL;
}

/* The departure's effect on presence and on the removal count. */
static void classify_departure(struct scan *s, struct stay *st,
			       const struct event *vr_event)
{
	const struct event *d = st->dep;
	daynum dd = dlo(d->date);
	bool breached = s->vd_depart_by != NEVER && dd > s->vd_depart_by &&
			dd > s->vd_grant && d->nonvoluntary != TRI_TRUE;
	if (breached) {
		s->ordered = true;  /* the alternate order took effect */
		s->vd_alt = true;
	}
	st->removal = d->kind == DK_REMOVED || s->order_out || breached;
	if (st->removal) {
		s->removals++;
		s->last_removal = dd;
		s->last_removal_arriving = s->order_arriving;
		s->order_out = false;           /* executed */
		st->formal_t = 1;
	} else if (d->kind == DK_VOLUNTARY_DEPARTURE) {
		st->formal_t = 1;
	} else if (d->kind == DK_VOLUNTARY_RETURN) {
		/* a VR breaks presence only if the record shows the advisal
		 * and waiver (Castrejon-Colino) */
		st->formal_t = vr_event ? (vr_event->advised == TRI_UNSET ? -1
					   : vr_event->advised == TRI_TRUE)
					: -1;
	} else {
		st->formal_t = d->kind < 0 ? -1 : 0;
	}
	s->vd_depart_by = NEVER;
}

static void scan_timeline(struct scan *s)
{
	const struct cw_case *c = s->c;
	const struct event *vr_event = NULL;
	struct stay *cur = NULL;
	s->vd_depart_by = s->vd_grant = NEVER;
	s->last_removal = NEVER;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		daynum d = dlo(e->date);
		switch (e->type) {
		case EV_ENTRY:
			if (e->manner == MANNER_ATTEMPTED || cur ||
			    s->n_st == MAX_STAYS)
				break;
			cur = &s->st[s->n_st++];
			memset(cur, 0, sizeof(*cur));
			cur->entry = e;
			cur->lawful = (e->visa_status &&
				       !strcmp(e->visa_status, "immigrant")) ||
				      (date_known(c->person.lpr_since) &&
				       dhi(c->person.lpr_since) <= d);
			break;
		case EV_VOLUNTARY_RETURN:
			vr_event = e;
			if (date_known(e->depart_by)) {
				s->vd_grant = d;
				s->vd_depart_by = dhi(e->depart_by);
			}
			break;
		case EV_NTA_SERVED:
			s->nta = e;
			break;
		case EV_DECISION:
			if (is_order(e)) {
				s->ordered = s->order_out = true;
				s->order_arriving = s->nta &&
					s->nta->arriving == TRI_TRUE;
			} else if (e->outcome == OUT_VOLUNTARY_DEPARTURE) {
				s->vd_grant = d;
				s->vd_depart_by = dhi(e->depart_by);
			} else if (e->outcome == OUT_TERMINATED ||
				   (e->outcome == OUT_RELIEF_GRANTED &&
				    e->relief != REL_WITHHOLDING &&
				    e->relief != REL_CAT)) {
				s->order_out = false;
			}
			break;
		case EV_EXPEDITED_REMOVAL:
			s->ordered = s->order_out = s->order_arriving = true;
			break;
		case EV_REINSTATEMENT:
		case EV_ADMIN_REMOVAL:
			s->ordered = s->order_out = true;
			s->order_arriving = false;
			break;
		case EV_MOTION:
			if (e->outcome == MOUT_GRANTED)
				s->order_out = false;
			break;
		case EV_DEPARTURE:
			if (!cur && s->order_out) {
				/* removed from the port after an attempted
				 * entry: a removal without a stay */
				s->removals++;
				s->last_removal = d;
				s->last_removal_arriving = s->order_arriving;
				s->order_out = false;
			}
			if (!cur)
				break;
			cur->dep = e;
			classify_departure(s, cur, vr_event);
			cur = NULL;
			vr_event = NULL;
			break;
		default:
			break;
		}
	}
	for (int i = 0; i < s->n_st; i++)
		stay_up_start(s, &s->st[i]);
}

/* ---- the path (case-format.md "How the path is derived") -------------- */

static int decision_path(const struct event *e, int cur)
{
	switch (e->outcome) {
	case OUT_REMOVAL_ORDER: return PATH_REMOVAL_CONTESTED;
	case OUT_IN_ABSENTIA_ORDER: return PATH_IN_ABSENTIA;
	case OUT_STIPULATED_REMOVAL: return PATH_STIPULATED;
	case OUT_VOLUNTARY_DEPARTURE:
		return e->stage == STAGE_PRE_HEARING ? PATH_VD_PRE
						     : PATH_VD_POST;
	case OUT_RELIEF_GRANTED: return PATH_RELIEF_GRANTED;
	case OUT_TERMINATED: return PATH_TERMINATED;
	case OUT_ADMIN_CLOSED: return PATH_ADMIN_CLOSED;
	case OUT_RELIEF_DENIED:
		/* a denial without an order leaves the case pending */
		return cur == PATH_NO_PROCEEDINGS ? PATH_PENDING : cur;
	default: return cur;
	}
}

int facts_path(const struct cw_case *c)
{
	int path = PATH_NO_PROCEEDINGS;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		switch (e->type) {
		case EV_VOLUNTARY_RETURN: path = PATH_VOLUNTARY_RETURN; break;
		case EV_WITHDRAWAL_AT_PORT: path = PATH_WITHDRAWAL_AT_PORT; break;
		case EV_EXPEDITED_REMOVAL: path = PATH_EXPEDITED; break;
		case EV_REINSTATEMENT: path = PATH_REINSTATEMENT; break;
		case EV_ADMIN_REMOVAL: path = PATH_ADMIN_238B; break;
		case EV_NTA_SERVED: path = PATH_PENDING; break;
		case EV_DECISION: path = decision_path(e, path); break;
		case EV_MOTION:
			if (e->outcome == MOUT_GRANTED)
				path = PATH_PENDING;
			break;
		default: break;
		}
	}
	return path;
}

static bool court_path(int p)
{
	return p == PATH_VD_PRE || p == PATH_VD_POST ||
	       p == PATH_REMOVAL_CONTESTED || p == PATH_IN_ABSENTIA ||
	       p == PATH_STIPULATED || p == PATH_RELIEF_GRANTED ||
	       p == PATH_TERMINATED || p == PATH_ADMIN_CLOSED ||
	       p == PATH_PENDING;
}

/* Appeared before a judge at a merits hearing, or a judge decided with
 * the person present, in the latest court episode. */
static int derive_hearing(const struct scan *s)
{
	const struct cw_case *c = s->c;
	if (!court_path(s->path) || !s->nta)
		return 0;
	daynum from = dlo(s->nta->date);
	int seen = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_HEARING || dlo(e->date) < from)
			continue;
		if (e->appeared != TRI_TRUE) {
			if (e->appeared == TRI_UNSET && seen == 0)
				seen = -1;
			continue;
		}
		if (e->kind == HK_INDIVIDUAL)
			return 1;
		for (uint32_t j = 0; j < c->n_events; j++) {
			const struct event *f = &c->events[j];
			if (f->type == EV_DECISION &&
			    dlo(f->date) == dlo(e->date) &&
			    (f->by < 0 || f->by == BY_IJ))
				return 1;
		}
	}
	return seen;
}

/* ---- derivations -------------------------------------------------------- */

static daynum decision_day(const struct scan *s)
{
	const struct cw_case *c = s->c;
	for (uint32_t i = c->n_events; i-- > 0;) {
		const struct event *e = &c->events[i];
		switch (e->type) {
		case EV_DECISION:
			if (e->outcome == OUT_ADMIN_CLOSED ||
			    s->path == PATH_PENDING)
				return s->as_of;
			return dlo(e->date);
		case EV_VOLUNTARY_RETURN:
		case EV_WITHDRAWAL_AT_PORT:
		case EV_EXPEDITED_REMOVAL:
		case EV_REINSTATEMENT:
		case EV_ADMIN_REMOVAL:
			return dlo(e->date);
		case EV_NTA_SERVED:
		case EV_MOTION:
			return s->as_of;
		default:
			break;
		}
	}
	return s->as_of;
}

static struct value up_value(int32_t lo, int32_t hi, bool feb29, bool b9c)
{
	struct value v = value_int_range(lo, hi);
	/* date.borderline: counting the departure day, or a Feb 29, would
	 * move the count across a threshold */
	if (!b9c && (lo == 180 || lo == 364 || (lo == 365 && feb29)))
		v.borderline = true;
	if (b9c && (lo == 365 || (lo == 366 && feb29)))
		v.borderline = true;
	return v;
}

static void derive_up(struct scan *s, struct value *f)
{
	int32_t lo, hi, alo = 0, ahi = 0;
	bool feb, known9c = true;
	struct stay *last = NULL, *open = NULL;
	for (int i = 0; i < s->n_st; i++) {
		if (s->st[i].dep)
			last = &s->st[i];
		else
			open = &s->st[i];
		if (stay_up(s, &s->st[i], IV_9C, s->as_of + 1, &lo, &hi, NULL)) {
			alo += lo;
			ahi += hi;
		} else {
			known9c = false;
		}
	}
	f[F_DEPARTED] = value_bool(last != NULL);
	f[F_UP9C] = known9c ? up_value(alo, ahi, false, true) : value_unknown();
	if (last) {
		f[F_LAST_DEP] = vdate_of(last->dep->date);
		f[F_LAST_DEP_AP] = value_bool(last->dep->kind ==
					      DK_ADVANCE_PAROLE);
		if (stay_up(s, last, IV_9B, s->as_of + 1, &lo, &hi, &feb))
			f[F_UP_LAST] = up_value(lo, hi, feb, false);
	}
	if (open && stay_up(s, open, IV_9B, s->as_of + 1, &lo, &hi, &feb))
		f[F_UP_NOW] = up_value(lo, hi, feb, false);
	else if (!open)
		f[F_UP_NOW] = value_int(0);
	/* overstay: a dated admission that ran out before the stay ended */
	f[F_OVERSTAYED] = value_bool(false);
	for (int i = 0; i < s->n_st; i++) {
		const struct event *e = s->st[i].entry;
		daynum end = s->st[i].dep ? dlo(s->st[i].dep->date) : s->as_of;
		if (e->manner == MANNER_ADMITTED &&
		    date_known(e->authorized_until) &&
		    dhi(e->authorized_until) < end && !s->st[i].lawful &&
		    free_days(&s->ivs, dhi(e->authorized_until) + 1, end,
			      IV_9B | IV_9C, NULL) > 0) {
			f[F_OVERSTAYED] = value_bool(true);
			f[F_OVERSTAY_START] = value_date(dhi(e->authorized_until)
							 + 1);
		}
	}
}

/* Had proceedings commenced (NTA filed with the court, 8 CFR 1239.1(a), or
 * an expedited removal) before the most recent departure? */
static int proceedings_before(const struct scan *s, daynum dep)
{
	const struct cw_case *c = s->c;
	int r = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		daynum d = dlo(e->date);
		if (d > dep)
			break;
		if (e->type == EV_EXPEDITED_REMOVAL)
			return 1;
		if (e->type != EV_NTA_SERVED)
			continue;
		if (date_known(e->filed))
			r = dhi(e->filed) <= dep ? 1 : r;
		else if (r == 0)
			r = -1;     /* served; filing date unknown */
	}
	return r;
}

static void derive_reentry(struct scan *s, struct value *f)
{
	const struct cw_case *c = s->c;
	bool left = false, ordered = false;
	daynum last = NEVER;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (is_order(e))
			ordered = true;
		if (e->type == EV_DEPARTURE)
			left = true;
		if (e->type == EV_ENTRY && left &&
		    (e->manner == MANNER_WITHOUT_INSPECTION ||
		     e->manner == MANNER_ATTEMPTED) &&
		    dlo(e->date) >= s->d1997) {
			last = dlo(e->date);
			f[F_ORDERED_BEFORE_REENTRY] = value_bool(ordered ||
								 s->vd_alt);
		}
	}
	f[F_REENTRY] = value_bool(last != NEVER);
	if (last == NEVER)
		return;
	f[F_REENTRY_DATE] = value_date(last);
	int32_t lo, hi, alo = 0, ahi = 0;
	for (int i = 0; i < s->n_st; i++) {
		if (dlo(s->st[i].entry->date) >= last)
			break;
		if (!stay_up(s, &s->st[i], IV_9C, last, &lo, &hi, NULL))
			return;
		alo += lo;
		ahi += hi;
	}
	f[F_UP9C_BEFORE_REENTRY] = up_value(alo, ahi, false, true);
}

static void derive_orders(struct scan *s, struct value *f)
{
	const struct cw_case *c = s->c;
	f[F_ORDERED] = value_bool(s->ordered);
	f[F_REMOVALS] = value_int(s->removals);
	f[F_LAST_REMOVAL] = vdate(s->last_removal);
	f[F_REMOVAL_ARRIVING] = value_bool(s->last_removal_arriving);
	f[F_ARRIVING] = value_bool(s->order_arriving ||
				   (s->nta && s->nta->arriving == TRI_TRUE));
	bool vd_lapsed = s->vd_depart_by != NEVER && s->as_of > s->vd_depart_by;
	f[F_ANY_ORDER_OUTSTANDING] = value_bool(s->order_out || vd_lapsed);
	f[F_IN_ABSENTIA] = value_bool(false);
	f[F_MISSED_NO_CAUSE] = value_bool(false);
	int oral = -1;
	daynum missed = NEVER;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if ((e->type == EV_NTA_SERVED || e->type == EV_HEARING_NOTICE) &&
		    e->oral_notice != TRI_UNSET)
			oral = e->oral_notice == TRI_TRUE ? 1 : oral == 1 ? 1 : 0;
		if (e->type == EV_HEARING && e->appeared == TRI_FALSE) {
			int r = e->absence_reason;
			f[F_ABSENCE_EXCEPTIONAL] = vtri(r == ABS_EXCEPTIONAL ? 1 :
				(r < 0 || r == ABS_UNKNOWN) ? -1 : 0);
			f[F_MISSED_NO_CAUSE] = vtri(r == ABS_NONE ? 1 :
				(r < 0 || r == ABS_UNKNOWN) ? -1 : 0);
			missed = dlo(e->date);
		}
		if (e->type == EV_DEPARTURE && missed != NEVER &&
		    dlo(e->date) >= missed)
			f[F_DEP_AFTER_MISSED] = vdate_of(e->date);
		if (e->type == EV_DECISION &&
		    e->outcome == OUT_IN_ABSENTIA_ORDER) {
			f[F_IN_ABSENTIA] = value_bool(true);
			f[F_IN_ABSENTIA_DATE] = vdate_of(e->date);
			/* date.deadline: the order day is day 0 */
			f[F_REOPEN_DEADLINE] = value_date(
				date_next_business_day(dlo(e->date) + 180));
		}
	}
	f[F_ORAL_WARNING] = vtri(oral);
}

static void derive_vd(struct scan *s, struct value *f)
{
	const struct cw_case *c = s->c;
	const struct event *grant = NULL;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if ((e->type == EV_DECISION &&
		     e->outcome == OUT_VOLUNTARY_DEPARTURE) ||
		    (e->type == EV_VOLUNTARY_RETURN && date_known(e->depart_by)))
			grant = e;
	}
	f[F_VD_GRANTED] = value_bool(grant != NULL);
	f[F_ABUSE_CONNECTED] = vtri(c->claims.abuse_connected);
	if (!grant)
		return;
	daynum g = dlo(grant->date), by = dhi(grant->depart_by);
	f[F_VD_GRANT_DATE] = value_date(g);
	f[F_VD_DEPART_BY] = vdate(by);
	f[F_VD_BOND] = grant->type == EV_VOLUNTARY_RETURN ? value_bool(true) :
		vtri(date_known(grant->bond_posted) ? 1 : -1);
	int in_time = by == NEVER ? -1 : s->as_of <= by ? 1 : 0;
	int nonvol = 0, ended = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		daynum d = dlo(e->date);
		if (d < g)
			continue;
		if (e->type == EV_DEPARTURE) {
			in_time = by == NEVER ? -1 : d <= by;
			nonvol = e->nonvoluntary == TRI_TRUE;
			break;
		}
		if ((e->type == EV_MOTION ||
		     (e->type == EV_APPEAL && e->to == APPEAL_CIRCUIT)) &&
		    by != NEVER && d <= by)
			ended = 1;
	}
	f[F_VD_IN_TIME] = vtri(in_time);
	f[F_VD_NONVOLUNTARY] = value_bool(nonvol);
	f[F_VD_ENDED_BY_MOTION] = value_bool(ended);
}

/* ---- offenses ----------------------------------------------------------- */

void facts_offense_class(const struct vocab *vb, const struct offense *o,
			 int8_t cls[CLS__COUNT])
{
	const struct vocab_entry *v = vb && o->charge ?
		vocab_find(vb, o->charge) : NULL;
	for (int i = 0; i < CLS__COUNT; i++)
		cls[i] = o->cls[i] != TRI_UNSET ? o->cls[i] :
			 v ? v->cls[i] : TRI_UNSET;
	/* a crime of violence or theft is an aggravated felony only with a
	 * term of imprisonment of a year or more (101(a)(43)(F), (G)) */
	if (o->cls[CLS_AGGRAVATED_FELONY] == TRI_UNSET && v &&
	    v->af_if_sentence_days >= 0 &&
	    cls[CLS_AGGRAVATED_FELONY] == TRI_UNSET)
		cls[CLS_AGGRAVATED_FELONY] = o->sentence_days < 0 ? TRI_UNSET :
			o->sentence_days >= v->af_if_sentence_days;
}

/* Does the offense count as a conviction (101(a)(48)(A), Pickering)? */
static int counts(const struct offense *o)
{
	if (o->juvenile == TRI_TRUE || o->vacated == VAC_DEFECT)
		return 0;
	return o->convicted == TRI_UNSET ? -1 : o->convicted == TRI_TRUE;
}

static bool is_dui(const struct offense *o)
{
	return o->charge && !strncmp(o->charge, "dui", 3);
}

struct off_sum {
	int af, cs, dv, firearm, af5, drug_af, only_mj, crim, bar, petty;
	int cimt_lo, cimt_hi, n_lo, n_hi;
	daynum stop;            /* commission of the first stopping offense */
};

/* Petty-offense exception for one CIMT: max <= 1 year, sentence <= 180
 * days (212(a)(2)(A)(ii)(II)). */
static int petty(const struct offense *o)
{
	if (o->max_days < 0 || o->sentence_days < 0)
		return -1;
	return o->max_days <= 365 && o->sentence_days <= 183;
}

static void sum_offenses(const struct scan *s, struct off_sum *r)
{
	const struct cw_case *c = s->c;
	int8_t cls[CLS__COUNT];
	int cs_n = 0, mj = 1, af_days = 0;
	const struct offense *cimt1 = NULL;
	memset(r, 0, sizeof(*r));
	r->stop = NEVER;
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		int k = counts(o);
		if (!k)
			continue;
		facts_offense_class(s->ctx->vocab, o, cls);
		r->n_hi++;
		r->n_lo += k == 1;
#define ACC(field, t) r->field = tri_or(r->field, k == 1 ? (t) : \
				((t) == 0 ? 0 : -1))
		ACC(af, cls[CLS_AGGRAVATED_FELONY]);
		ACC(cs, cls[CLS_CONTROLLED_SUBSTANCE]);
		ACC(dv, cls[CLS_DOMESTIC_VIOLENCE]);
		ACC(firearm, cls[CLS_FIREARM]);
		if (cls[CLS_AGGRAVATED_FELONY] == TRI_TRUE && o->sentence_days > 0)
			af_days += o->sentence_days;
		if (cls[CLS_AGGRAVATED_FELONY] == TRI_TRUE &&
		    cls[CLS_CONTROLLED_SUBSTANCE] == TRI_TRUE)
			ACC(drug_af, 1);
		if (cls[CLS_CONTROLLED_SUBSTANCE] != TRI_FALSE) {
			cs_n++;
			if (cls[CLS_MARIJUANA_30G] != TRI_TRUE)
				mj = 0;
		}
		if (cls[CLS_CIMT] == TRI_TRUE && k == 1) {
			r->cimt_lo++;
			if (!cimt1)
				cimt1 = o;
		}
		if (cls[CLS_CIMT] != TRI_FALSE)
			r->cimt_hi++;
#undef ACC
	}
	r->af5 = af_days >= 5 * 365 ? 1 : 0;
	r->only_mj = cs_n == 1 && mj;
	r->petty = r->cimt_hi == 1 && cimt1 ? petty(cimt1) : 0;
}

/* Stop-time (240A(d)(1)(B), Barton): commission of the offense that first
 * makes the person inadmissible under 212(a)(2) or removable under
 * 237(a)(2).  A single petty-offense CIMT does not (Garcia-Hernandez); a
 * second CIMT does (Deanda-Romo). */
static daynum offense_stop(const struct scan *s, bool admitted)
{
	const struct cw_case *c = s->c;
	int8_t cls[CLS__COUNT];
	daynum best = NEVER;
	int cimts = 0;
	/* offenses are few: visit them in commission order by selection */
	daynum after = INT32_MIN;
	for (;;) {
		const struct offense *next = NULL;
		for (uint32_t i = 0; i < c->n_offenses; i++) {
			const struct offense *o = &c->offenses[i];
			daynum d = dlo(o->date);
			if (d != NEVER && d > after &&
			    (!next || d < dlo(next->date)))
				next = o;
		}
		if (!next)
			break;
		after = dlo(next->date);
		if (counts(next) != 1)
			continue;
		facts_offense_class(s->ctx->vocab, next, cls);
		bool stop = cls[CLS_CONTROLLED_SUBSTANCE] == TRI_TRUE;
		if (cls[CLS_CIMT] == TRI_TRUE) {
			cimts++;
			stop = stop || cimts >= 2 || petty(next) == 0;
		}
		if (admitted && (cls[CLS_AGGRAVATED_FELONY] == TRI_TRUE ||
				 cls[CLS_DOMESTIC_VIOLENCE] == TRI_TRUE ||
				 cls[CLS_FIREARM] == TRI_TRUE))
			stop = true;
		if (stop) {
			best = after;
			break;
		}
	}
	return best;
}

static void derive_offenses(struct scan *s, struct value *f, daynum dec)
{
	struct off_sum r;
	sum_offenses(s, &r);
	const struct cw_case *c = s->c;
	f[F_CONVICTIONS] = value_int_range(r.n_lo, r.n_hi);
	f[F_AF] = vtri(r.af);
	f[F_AF_5YR] = value_bool(r.af5);
	f[F_DRUG_AF] = vtri(r.drug_af);
	f[F_CS] = vtri(r.cs);
	f[F_ONLY_MJ30] = value_bool(r.only_mj);
	f[F_CIMT_COUNT] = value_int_range(r.cimt_lo, r.cimt_hi);
	f[F_PETTY] = vtri(r.petty);
	int one = r.cimt_lo == 1 && r.cimt_hi == 1;
	int many = r.cimt_lo >= 2 ? 1 : r.cimt_hi >= 2 ? -1 : 0;
	int crim = tri_or(r.cs, tri_or(many, one ? (r.petty < 0 ? -1 :
						       !r.petty) : 0));
	f[F_CRIM_INADMISSIBLE] = vtri(crim);
	/* Cortez Canales: one CIMT with a possible sentence of a year or
	 * more is "described in" 237(a)(2), petty or not */
	int cortez = 0;
	int8_t cls[CLS__COUNT];
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		facts_offense_class(s->ctx->vocab, o, cls);
		if (counts(o) == 1 && cls[CLS_CIMT] == TRI_TRUE)
			cortez = tri_or(cortez, o->max_days < 0 ? -1 :
					o->max_days >= 365);
	}
	int bar = tri_or(crim, tri_or(r.af, tri_or(r.dv, tri_or(r.firearm,
							       cortez))));
	f[F_CANCEL_OFFENSE_BAR] = vtri(bar);
	int duis = 0, old = 1;
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		daynum d = dlo(o->date);
		if (is_dui(o) && counts(o) == 1 && d != NEVER &&
		    d > dec - 3652 && d <= dec)
			duis++;
		if (d == NEVER)
			old = -1;
		else if (d > dlo(date_add_years(date_from_days(dec), -15,
						DATE_LEAP_FEB28)))
			old = old == -1 ? -1 : 0;
	}
	f[F_DUI_COUNT] = value_int(duis);
	f[F_OFFENSE_15YR] = vtri(c->n_offenses ? old : 1);
}

/* ---- presence, residence and the stop-time rule ------------------------- */

/* Stop-time by notice, per the era of law_as_of (legal-reference.md
 * section 3, stop_time): returns the day time stopped, NEVER, or sets
 * *unknown when the NTA does not say whether it named time and place. */
static daynum nta_stop(const struct scan *s, daynum from, bool *unknown,
		       const char **by)
{
	const struct cw_case *c = s->c;
	daynum camarillo_end = ymd(2018, 6, 21);
	daynum mendoza = ymd(2019, 5, 1), niz = ymd(2021, 4, 29);
	*unknown = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_NTA_SERVED || dlo(e->date) < from)
			continue;
		*by = facts_strings[FACTS_BY_NTA];
		if (s->law < camarillo_end || e->time_place == TRI_TRUE)
			return dlo(e->date);
		if (e->time_place == TRI_UNSET) {
			*unknown = true;
			return dlo(e->date);
		}
		if (s->law >= mendoza && s->law < niz)
			for (uint32_t j = i + 1; j < c->n_events; j++) {
				const struct event *h = &c->events[j];
				if (h->type == EV_HEARING_NOTICE &&
				    h->time_place != TRI_FALSE) {
					*by = facts_strings[FACTS_BY_HEARING_NOTICE];
					return dlo(h->date);
				}
			}
		return NEVER;
	}
	*by = facts_strings[FACTS_BY_NONE];
	return NEVER;
}

static void span_value(struct value *years, struct value *days, daynum a_lo,
		       daynum a_hi, daynum end_lo, daynum end_hi)
{
	if (end_lo < a_hi)
		end_lo = a_hi;
	if (end_hi < a_lo)
		end_hi = a_lo;
	struct date_span lo = date_span(date_from_days(a_hi),
					date_from_days(end_lo));
	struct date_span hi = date_span(date_from_days(a_lo),
					date_from_days(end_hi));
	if (years)
		*years = value_int_range(lo.y, hi.y);
	if (days)
		*days = value_int_range(end_lo - a_hi, end_hi - a_lo);
}

static void derive_cpp(struct scan *s, struct value *f, daynum dec)
{
	f[F_CPP_BREAK_DEP] = value_bool(false);
	if (!s->n_st)
		return;
	daynum start_lo = dlo(s->st[0].entry->date);
	daynum start_hi = dhi(s->st[0].entry->date);
	daynum brk = NEVER;
	int broken = 0, absent = 0;
	for (int i = 0; i < s->n_st; i++) {
		const struct stay *st = &s->st[i];
		if (!st->dep)
			break;
		int formal = st->formal_t;
		daynum back = i + 1 < s->n_st ? dlo(s->st[i + 1].entry->date)
					      : NEVER;
		int gap = back == NEVER ? 0 : back - dlo(st->dep->date) - 1;
		absent += gap;
		if (formal != 0) {
			broken = tri_or(broken, formal);
			brk = dlo(st->dep->date);
		}
		bool long_gap = gap > 90 || absent > 180;
		if ((formal == 1 || long_gap) && back != NEVER) {
			start_lo = start_hi = back;
			absent = 0;
		} else if (formal == -1 && back != NEVER) {
			start_hi = back;        /* maybe broken: a range */
		}
		if (long_gap)
			f[F_CPP_BREAK_90] = value_bool(true);
	}
	if (f[F_CPP_BREAK_90].type == VAL_UNKNOWN)
		f[F_CPP_BREAK_90] = value_bool(false);
	f[F_CPP_BREAK_DEP] = vtri(broken);
	if (brk != NEVER)
		f[F_CPP_BREAK_DATE] = value_date(brk);
	bool unk;
	const char *by = facts_strings[FACTS_BY_NONE];
	daynum nta = nta_stop(s, start_lo, &unk, &by);
	daynum off = offense_stop(s, f[F_ADMITTED].lo == 1 ||
				  f[F_LPR].lo == 1);
	daynum stop = nta < off ? nta : off;
	if (off < nta)
		by = facts_strings[FACTS_BY_OFFENSE];
	f[F_STOP_TIME] = vdate(stop);
	f[F_STOP_TIME_BY] = value_str(stop == NEVER ?
				       facts_strings[FACTS_BY_NONE] : by);
	const struct stay *last = &s->st[s->n_st - 1];
	daynum end = last->dep ? dlo(last->dep->date) : dec;
	if (end > dec)
		end = dec;
	daynum end_lo = stop < end ? stop : end;
	daynum end_hi = (unk && off >= end) ? end : end_lo;
	f[F_CPP_START] = value_date_range(start_lo, start_hi);
	f[F_CPP_END] = value_date_range(end_lo, end_hi);
	span_value(&f[F_CPP_YEARS], &f[F_CPP_DAYS], start_lo, start_hi,
		   end_lo, end_hi);
	/* VAWA: the NTA does not stop this clock */
	daynum vend = off < end ? off : end;
	span_value(&f[F_CPP_VAWA_YEARS], NULL, start_lo, start_hi, vend, vend);
	/* presence immediately before the NTA (240B(b)(1)(A)) */
	if (s->nta && dlo(s->nta->date) >= start_lo)
		span_value(NULL, &f[F_PRESENCE_BEFORE_NTA], start_lo, start_hi,
			   dlo(s->nta->date), dlo(s->nta->date));
	/* continuous residence after admission in any status (240A(a)(2)) */
	const struct cw_case *c = s->c;
	daynum adm = NEVER;
	for (int i = 0; i < s->n_st && adm == NEVER; i++)
		if (s->st[i].entry->manner == MANNER_ADMITTED ||
		    s->st[i].entry->manner == MANNER_PAROLED)
			adm = dlo(s->st[i].entry->date);
	if (adm == NEVER && date_known(c->person.lpr_since))
		adm = dlo(c->person.lpr_since);
	if (adm != NEVER)
		span_value(&f[F_RESIDENCE_YEARS], NULL, adm, adm,
			   stop < dec ? stop : dec, stop < dec ? stop : dec);
}

/* ---- relatives, claims, entries, relief events ------------------------ */

static int rel_qualifies_status(const struct relative *r)
{
	if (r->status == RS_CITIZEN || r->status == RS_LPR)
		return 1;
	return (r->status < 0 || r->status == RS_UNKNOWN) ? -1 : 0;
}

/* A "child" on day dec: unmarried and under 21 (Isidro-Zamorano). */
static int is_child(const struct relative *r, daynum dec)
{
	if (r->married == TRI_TRUE)
		return 0;
	if (!date_known(r->born))
		return -1;
	daynum turns21 = dlo(date_add_years(date_from_days(dhi(r->born)), 21,
					    DATE_LEAP_MAR1));
	int young = dec < turns21;
	/* marital status not on file: nobody is married before 16, a floor
	 * every state keeps even with consent; after that it is unknown */
	daynum turns16 = dlo(date_add_years(date_from_days(dhi(r->born)), 16,
					    DATE_LEAP_MAR1));
	if (young && r->married == TRI_UNSET && dec >= turns16)
		return -1;
	return young;
}

static int tri_and(int a, int b)
{
	if (a == 0 || b == 0)
		return 0;
	return (a == -1 || b == -1) ? -1 : 1;
}

static void derive_relatives(struct scan *s, struct value *f, daynum dec)
{
	const struct cw_case *c = s->c;
	int q = 0, hx = 0, q9 = 0, h9 = 0, ir = 0, abuser = 0;
	for (uint32_t i = 0; i < c->n_relatives; i++) {
		const struct relative *r = &c->relatives[i];
		int st = rel_qualifies_status(r);
		int kin = r->relation == RELN_CHILD ? is_child(r, dec) : 1;
		int qual = tri_and(st, kin);
		int exc = r->hardship == HS_EXCEPTIONAL ? 1 :
			  (r->hardship < 0 || r->hardship == HS_UNKNOWN) ? -1 : 0;
		int ext = r->hardship == HS_EXCEPTIONAL ||
			  r->hardship == HS_EXTREME ? 1 : exc == -1 ? -1 : 0;
		q = tri_or(q, qual);
		hx = tri_or(hx, tri_and(qual, exc));
		if (r->relation != RELN_CHILD) {
			q9 = tri_or(q9, st);
			h9 = tri_or(h9, tri_and(st, ext));
		}
		int usc = r->status == RS_CITIZEN ? 1 :
			  (r->status < 0 || r->status == RS_UNKNOWN) ? -1 : 0;
		if (r->relation == RELN_SPOUSE)
			ir = tri_or(ir, usc);
		if (r->relation == RELN_CHILD && date_known(r->born))
			ir = tri_or(ir, tri_and(usc, !is_child(r, dec) &&
				dec >= dlo(date_add_years(r->born, 21,
							  DATE_LEAP_MAR1))));
		int ab = c->claims.abused_by;
		bool match = (ab == AB_PARENT && r->relation == RELN_PARENT) ||
			     (ab >= 0 && ab != AB_PARENT &&
			      r->relation == RELN_SPOUSE);
		if (match)
			abuser = tri_or(abuser, st);
	}
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == EV_PETITION &&
		    c->events[i].category == CAT_IMMEDIATE_RELATIVE)
			ir = tri_or(ir, 1);
	if (c->claims.abused_by >= 0 && !abuser)
		abuser = -1;    /* the abuser's status is not in the file */
	f[F_QUAL_REL] = vtri(q);
	f[F_HARDSHIP_EXC] = vtri(hx);
	f[F_QUAL_REL_9BV] = vtri(q9);
	f[F_HARDSHIP_EXT_9BV] = vtri(h9);
	f[F_IMMEDIATE_REL] = vtri(ir);
	f[F_VAWA_ABUSER] = vtri(abuser);
}

static void derive_entries(struct scan *s, struct value *f)
{
	const struct cw_case *c = s->c;
	int adm = 0, ewi = 0, crew = 0, j1 = 0, pet = 0;
	daynum first = NEVER, last = NEVER, d2000 = ymd(2000, 12, 21);
	int present = 0;
	for (int i = 0; i < s->n_st; i++) {
		const struct event *e = s->st[i].entry;
		daynum in = dlo(e->date);
		daynum out = s->st[i].dep ? dlo(s->st[i].dep->date) : NEVER;
		if (in <= d2000 && d2000 < out)
			present = 1;
	}
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_PETITION && dlo(e->date) <= ymd(2001, 4, 30))
			pet = 1;
		if (e->type != EV_ENTRY || e->manner == MANNER_ATTEMPTED)
			continue;
		if (first == NEVER)
			first = dlo(e->date);
		last = dlo(e->date);
		adm |= e->manner == MANNER_ADMITTED || e->manner == MANNER_PAROLED;
		ewi |= e->manner == MANNER_WITHOUT_INSPECTION;
		if (e->visa_status) {
			crew |= !strcasecmp_ascii(e->visa_status, "crewman");
			j1 |= !strcasecmp_ascii(e->visa_status, "J1") ||
			      !strcasecmp_ascii(e->visa_status, "J-1");
		}
	}
	f[F_ADMITTED] = value_bool(adm);
	f[F_EWI] = value_bool(ewi);
	f[F_CREWMAN] = value_bool(crew);
	f[F_J1] = value_bool(j1);
	f[F_PETITION_2001] = value_bool(pet);
	f[F_PRESENT_2000] = value_bool(present);
	f[F_FIRST_ENTRY] = vdate(first);
	f[F_LAST_ARRIVAL] = vdate(last);
	f[F_BEFORE_1972] = first == NEVER ? value_unknown() :
		value_bool(first < ymd(1972, 1, 1));
	if (last == NEVER)
		return;
	/* date.deadline: arrival is day 0; Feb 29 -> Feb 28; roll forward */
	daynum dl = date_next_business_day(dlo(date_add_years(
		date_from_days(last), 1, DATE_LEAP_FEB28)));
	f[F_ASYLUM_DEADLINE] = value_date(dl);
	daynum filed = NEVER;
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == EV_APPLICATION &&
		    c->events[i].relief == REL_ASYLUM &&
		    dlo(c->events[i].date) >= last && filed == NEVER)
			filed = dlo(c->events[i].date);
	f[F_ASYLUM_FILED] = vdate(filed);
	f[F_ASYLUM_TIMELY] = value_bool(filed != NEVER ? filed <= dl
						       : s->as_of <= dl);
}

/* applied_X, granted_X, denied_X for every relief id: the first of each
 * triple, by relief (facts_list.h keeps the three together). */
static const int relief_facts[REL__COUNT] = {
	[REL_CANCEL_LPR] = F_APPLIED_cancel_lpr,
	[REL_CANCEL_NONLPR] = F_APPLIED_cancel_nonlpr,
	[REL_CANCEL_VAWA] = F_APPLIED_cancel_vawa,
	[REL_ASYLUM] = F_APPLIED_asylum,
	[REL_WITHHOLDING] = F_APPLIED_withholding,
	[REL_CAT] = F_APPLIED_cat,
	[REL_ADJUST_245A] = F_APPLIED_adjust_245a,
	[REL_ADJUST_245I] = F_APPLIED_adjust_245i,
	[REL_REGISTRY] = F_APPLIED_registry,
	[REL_U_VISA] = F_APPLIED_u_visa,
	[REL_T_VISA] = F_APPLIED_t_visa,
	[REL_SIJS] = F_APPLIED_sijs,
	[REL_WAIVER_212H] = F_APPLIED_waiver_212h,
	[REL_VOLUNTARY_DEPARTURE] = F_APPLIED_voluntary_departure,
};

static void derive_relief_events(struct scan *s, struct value *f)
{
	const struct cw_case *c = s->c;
	for (int r = 0; r < REL__COUNT; r++)
		for (int k = 0; k < 3; k++)
			f[relief_facts[r] + k] = value_bool(false);
	int prior = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		int k = -1;
		if (e->type == EV_APPLICATION)
			k = 0;
		else if (e->type == EV_DECISION &&
			 e->outcome == OUT_RELIEF_GRANTED)
			k = 1;
		else if (e->type == EV_DECISION &&
			 e->outcome == OUT_RELIEF_DENIED)
			k = 2;
		if (k < 0 || e->relief < 0)
			continue;
		f[relief_facts[e->relief] + k] = value_bool(true);
		if (k == 1 && s->nta && dlo(e->date) < dlo(s->nta->date) &&
		    (e->relief == REL_CANCEL_LPR ||
		     e->relief == REL_CANCEL_NONLPR ||
		     e->relief == REL_CANCEL_VAWA))
			prior = 1;
	}
	f[F_PRIOR_CANCEL] = value_bool(prior);
}

static void derive_person(struct scan *s, struct value *f, daynum dec)
{
	const struct cw_case *c = s->c;
	const struct person *p = &c->person;
	bool lpr = date_known(p->lpr_since) && dlo(p->lpr_since) <= dec;
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == EV_STATUS_GRANTED &&
		    (c->events[i].status == ST_LPR ||
		     c->events[i].status == ST_CONDITIONAL_LPR) &&
		    dlo(c->events[i].date) <= dec)
			lpr = true;
	f[F_LPR] = value_bool(lpr);
	f[F_LPR_ADMITTED] = value_bool(lpr && p->lpr_via == LPR_VIA_ADMISSION);
	if (date_known(p->lpr_since))
		span_value(&f[F_LPR_YEARS], NULL, dlo(p->lpr_since),
			   dhi(p->lpr_since), dec, dec);
	else if (!lpr)
		f[F_LPR_YEARS] = value_int(0);
	if (date_known(p->born))
		span_value(&f[F_AGE], NULL, dlo(p->born), dhi(p->born), dec, dec);
	f[F_MARRIED] = vtri(p->married);
	f[F_FEAR] = vtri(c->claims.fear_of_return);
	f[F_CRIME_VICTIM] = vtri(c->claims.crime_victim);
	f[F_TRAFFICKING] = vtri(c->claims.trafficking_victim);
	f[F_UAC] = vtri(c->claims.unaccompanied_child);
	/* an aggravated felony is a per-se bar to good moral character
	 * (101(f)(8)); otherwise the analyst's finding */
	f[F_GMC] = f[F_AF].type == VAL_BOOL && f[F_AF].lo ? value_bool(false)
		 : vtri(c->claims.good_moral_character);
}

void facts_derive(const struct facts_ctx *ctx, const struct cw_case *c,
		  struct value *f)
{
	struct scan *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	s->ctx = ctx;
	s->c = c;
	s->as_of = dlo(ctx->as_of);
	s->law = dlo(ctx->law_as_of);
	s->d1997 = ymd(1997, 4, 1);
	s->adult = date_known(c->person.born) ?
		dlo(date_add_years(c->person.born, 18, DATE_LEAP_MAR1)) : NEVER;
	for (size_t i = 0; i < facts_count; i++)
		f[i] = value_unknown();
	f[F_AS_OF] = value_date(s->as_of);
	f[F_LAW_AS_OF] = value_date(s->law);
	collect_intervals(s);
	scan_timeline(s);
	s->path = facts_path(c);
	f[F_PATH] = value_str(path_id_def.names[s->path]);
	f[F_HEARING] = vtri(derive_hearing(s));
	f[F_IN_PROCEEDINGS] = value_bool(s->path == PATH_PENDING ||
					 s->path == PATH_ADMIN_CLOSED);
	daynum dec = decision_day(s);
	f[F_DECISION_DATE] = value_date(dec);
	f[F_RELIEF_STAGE_DATE] = s->nta ? vdate_of(s->nta->date) : vdate(dec);
	derive_entries(s, f);
	derive_offenses(s, f, dec);
	derive_person(s, f, dec);
	derive_up(s, f);
	if (f[F_DEPARTED].lo == 1)
		f[F_PROC_BEFORE_DEP] = vtri(proceedings_before(s,
						(daynum)f[F_LAST_DEP].lo));
	derive_reentry(s, f);
	derive_orders(s, f);
	derive_vd(s, f);
	derive_cpp(s, f, dec);
	derive_relatives(s, f, dec);
	derive_relief_events(s, f);
	free(s);
}
