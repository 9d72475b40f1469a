/* facts_int.h - what the fact modules (facts_path.c, facts_presence.c,
 * facts_orders.c, facts_offenses.c, facts_people.c) share while deriving
 * one case.  Not for the rest of casewalk: see facts.h.
 *
 * Every table here is sized from the case (no fixed limit drops data);
 * everything lives in the derivation's arena.
 */
#ifndef CW_FACTS_INT_H
#define CW_FACTS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "facts.h"
#include "facts_list.h"

#define FACT_ENUM(id, name, type, meaning) id,
enum fact_id { FACT_LIST(FACT_ENUM) F__COUNT };
#undef FACT_ENUM

#define FACTS_ITEM_ENUM(id, name, type, meaning) id,
enum { DEPARTURE_FACTS(FACTS_ITEM_ENUM) DEP__COUNT };
enum { ENTRY_FACTS(FACTS_ITEM_ENUM) ENT__COUNT };
enum { STAY_FACTS(FACTS_ITEM_ENUM) STAY__COUNT };
enum { ORDER_FACTS(FACTS_ITEM_ENUM) ORD__COUNT };
enum { HEARING_FACTS(FACTS_ITEM_ENUM) HR__COUNT };
enum { VD_FACTS(FACTS_ITEM_ENUM) VD__COUNT };
enum { OFFENSE_FACTS(FACTS_ITEM_ENUM) OFF__COUNT };
enum { NTA_FACTS(FACTS_ITEM_ENUM) NTA__COUNT };
enum { ENCOUNTER_FACTS(FACTS_ITEM_ENUM) ENC__COUNT };
enum { MISREP_FACTS(FACTS_ITEM_ENUM) MIS__COUNT };
enum { PETITION_FACTS(FACTS_ITEM_ENUM) PTN__COUNT };
#undef FACTS_ITEM_ENUM

#define NEVER INT32_MAX

/* Periods that are not unlawful presence, for the 212(a)(9)(B) count
 * (IV_9B), the 212(a)(9)(C) count (IV_9C) or both; kept sorted and merged
 * per kind, with running totals, so a count is two binary searches. */
enum { IV_9B = 1, IV_9C = 2 };

struct iv {
	daynum lo, hi;          /* [lo, hi) */
};

struct iv_list {
	struct iv *v;
	uint32_t n, cap;
	int64_t *before;        /* covered days before v[i] (after merge) */
};

/* One stay: an entry (not an attempted one) to the next departure. */
struct stay_rec {
	const struct event *entry, *dep;        /* dep NULL: still here */
	bool lawful;            /* arrived as an immigrant or while an LPR */
	int8_t up_known;        /* 1: start known; 0: never UP; -1: unknown */
	daynum up_lo, up_hi;    /* first day UP can run (before the floors) */
	int8_t vr_advised;      /* tri: the latest voluntary return in it */
	bool nonimmigrant;      /* began with a nonimmigrant admission */
	int32_t dep_item;       /* its departure's index in fx.dep, or -1 */
	daynum found;           /* day after its first finding, or NEVER */
	daynum parole_end, nonimm_end;  /* day after a status_ended */
	int32_t up9c_lo, up9c_hi;       /* its 9(C) count, when closed */
	bool up9c_known;
	bool up9c_feb29;                /* its count spans a Feb 29 */
};

/* One removal order, with what became of it. */
struct order_rec {
	const struct event *ev;
	const char *kind;
	daynum lo, hi, eff;     /* the order's date; eff: in effect from */
	bool in_absentia, arriving, reinstated, rescinded, executed;
	int8_t oral;            /* tri: 240(b)(7) warnings with the notice
				   that set the hearing missed */
	int8_t absence;         /* enum absence_reason of that hearing */
	const struct event *missed;   /* that hearing */
	daynum final_lo, final_hi;
};

/* One grant of voluntary departure (IJ) or voluntary return (DHS) with a
 * deadline, or a voluntary return without one. */
struct vd_rec {
	const struct event *ev;
	daynum grant, recorded, deadline;       /* NEVER: none */
	bool rolled, ij;
	const struct event *dep;                /* the next departure */
	int8_t in_time;                         /* tri */
	bool borderline;                        /* only the roll saved it */
	bool ended_by_motion;
	daynum breach;                          /* day the alternate order
						   took effect, or NEVER */
	int32_t stay;                           /* the stay it was granted in */
};

/* What a departure was in law, as facts_orders.c finds walking the
 * timeline with the orders and grants outstanding. */
struct dep_rec {
	const struct event *ev;
	int8_t removal;         /* tri */
	bool arriving, reinstated, under_vd, withdrawal, borderline;
	int number;             /* removals up to and including this one */
	int32_t stay;           /* the stay it ended, or -1 */
};

struct fx {
	const struct facts_ctx *ctx;
	const struct rules *r;
	const struct cw_case *c;        /* future events left out */
	struct fact_set *out;
	struct value *f;
	struct arena *a;
	daynum as_of, law;
	/* parameters src/ reads */
	daynum iirira;
	int minor_age, child_age;
	daynum adult_lo, adult_hi;      /* 18th birthday; NEVER: not known */
	/* presence */
	struct iv_list ivs[2];          /* [0] 9(B), [1] 9(C) */
	struct stay_rec *st;
	uint32_t n_st;
	/* orders and grants */
	struct order_rec *ord;
	uint32_t n_ord;
	struct vd_rec *vd;
	uint32_t n_vd;
	/* the path */
	int path;
	uint32_t episode;               /* index of its first event */
	const struct event *nta;        /* the episode's notice to appear */
	daynum dec;                     /* decision_date */
	struct dep_rec *dep;            /* every departure, in date order */
	uint32_t n_dep;
	/* unauthorized work, sorted by start, with the latest end so far */
	struct iv *work;
	daynum *work_max_end;
	uint32_t n_work;
};

/* ---- helpers (facts.c) ---- */
static inline daynum fx_lo(struct date d) { return date_known(d) ? date_lo(d) : NEVER; }
static inline daynum fx_hi(struct date d) { return date_known(d) ? date_hi(d) : NEVER; }
struct value fx_tri(int t);
struct value fx_day(daynum d);
struct value fx_date(struct date d);
struct value fx_str(const char *s);
int fx_tri_or(int a, int b);
int fx_tri_and(int a, int b);
int fx_param_int(const struct fx *x, int p);
daynum fx_param_day(const struct fx *x, int p);
bool fx_param_bool(const struct fx *x, int p);
daynum fx_add_years(daynum d, int n, bool feb28);
/* Whole calendar years from a to b, as a range over imprecise ends. */
struct value fx_years(daynum a_lo, daynum a_hi, daynum b_lo, daynum b_hi);
/* Adds an item row to scope sc; returns it (every fact unknown). */
struct value *fx_item(struct fx *x, int sc, uint32_t line);
const struct value *fx_hook(const struct fx *x, int sc, uint32_t k, int hook);
daynum fx_next_business_day(const struct fx *x, daynum n);

/* ---- the modules, in the order facts_derive calls them ---- */
void facts_path_derive(struct fx *x);           /* facts_path.c */
void facts_people_derive(struct fx *x);         /* facts_people.c */
void facts_presence_scan(struct fx *x);         /* facts_presence.c */
void facts_orders_derive(struct fx *x);         /* facts_orders.c */
void facts_presence_items(struct fx *x);        /* facts_presence.c */
void facts_offenses_derive(struct fx *x);       /* facts_offenses.c */
void facts_presence_late(struct fx *x);         /* facts_presence.c */

/* UP days of stay s for the 9(B) (IV_9B) or 9(C) count up to day `upto`
 * (exclusive): false when unknown.  *feb29: the period holds a Feb 29. */
bool facts_stay_up(const struct fx *x, const struct stay_rec *s, int which,
		   daynum upto, int32_t *lo, int32_t *hi, bool *feb29);
/* The value of such a count, marked borderline at the thresholds. */
struct value facts_up_value(const struct fx *x, int32_t lo, int32_t hi,
			    bool feb29, int which);
bool facts_is_order(const struct event *e);
/* The status a grant confers (section 1 relief_granted: adjustment,
 * registry and cancellation make an LPR, asylum an asylee, withholding
 * and CAT a protected stay, U and T their status), or -1: not a grant,
 * a conditional one, or one that confers none. */
int facts_grant_status(const struct event *e);

#endif
