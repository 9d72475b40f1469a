/* assess.h - one case's assessment: path, penalties (one entry per
 * instance: legal-reference.md section 2b), relief, and the path not
 * taken.  What `assess` prints and every view of the explorer shows.
 */
#ifndef CW_ASSESS_H
#define CW_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "case.h"
#include "date.h"
#include "expr.h"
#include "facts.h"
#include "paths.h"
#include "policy.h"
#include "rules.h"

/* Relief status, in order of precedence: when several apply, the first one
 * listed wins (a grant is a fact; a bar defeats eligibility; an unmet
 * criterion defeats a maybe; a lost forum defeats what could have been). */
#define RELIEF_STATUSES(X) \
	X(RSTAT_GRANTED, "granted") \
	X(RSTAT_BARRED, "barred") \
	X(RSTAT_INELIGIBLE, "ineligible") \
	X(RSTAT_FORFEITED, "forfeited") \
	X(RSTAT_ELIGIBLE, "eligible") \
	X(RSTAT_POSSIBLE, "possible")
CW_DECLARE_ENUM(relief_status, RELIEF_STATUSES, RSTAT__COUNT)

/* The relief status at the decisive moment of the path taken
 * (legal-reference.md section 9.2), in order of precedence. */
#define THEN_STATUSES(X) \
	X(THEN_GRANTED, "granted") \
	X(THEN_DENIED, "denied") \
	X(THEN_SOUGHT, "sought") \
	X(THEN_BARRED, "barred") \
	X(THEN_INELIGIBLE, "ineligible") \
	X(THEN_FORFEITED, "forfeited") \
	X(THEN_NOT_SOUGHT, "not_sought") \
	X(THEN_AVAILABLE, "available")
CW_DECLARE_ENUM(then_status, THEN_STATUSES, THEN__COUNT)

/* ... and on the as-of date (section 9.3). */
#define NOW_STATUSES(X) \
	X(NOW_GRANTED, "granted") \
	X(NOW_BARRED, "barred") \
	X(NOW_INELIGIBLE, "ineligible") \
	X(NOW_AVAILABLE, "available") \
	X(NOW_DEFENSIVE, "defensive_only") \
	X(NOW_VIA_MOTION, "via_motion") \
	X(NOW_AFTER_BAR, "after_bar") \
	X(NOW_FROM_ABROAD, "from_abroad") \
	X(NOW_LOST, "lost") \
	X(NOW_UNKNOWN, "unknown")
CW_DECLARE_ENUM(now_status, NOW_STATUSES, NOW__COUNT)

/* certainty of available, not_sought: every criterion met, or some
 * unknown */
enum { CERT_NONE, CERT_ELIGIBLE, CERT_POSSIBLE };

/* A day that is not there: a permanent penalty's last day. */
#define ASSESS_NO_DAY INT32_MAX

/* One condition of a rule, as evaluated for this case. */
struct criterion {
	const struct rule_cond *cond;   /* text, cite, expr */
	int8_t truth;                   /* 1 met, 0 unmet, -1 unknown */
	bool borderline;
	int8_t waiver;                  /* not met, but its waiver is:
					   1 granted, -1 possible, 0 no */
	const char *missing;            /* unknown facts, comma-separated */
};

struct penalty {
	const struct rule *rule;
	int8_t scope;                   /* the rule's for_each, or -1 */
	uint32_t item;                  /* the item it attaches to */
	uint16_t instance;              /* 1, 2, ... in date order */
	daynum trigger;                 /* the triggering event's day */
	uint32_t trigger_line;          /* its line in the case file */
	/* the clock start and the last day in force, as ranges of days
	 * (date.precision); until_lo == ASSESS_NO_DAY: no end */
	daynum from_lo, from_hi, until_lo, until_hi;
	struct date from, until;        /* the same, to show: YYYY-MM when
					   a range is a month, YYYY a year;
					   until DATE_NONE: no end */
	int years;                      /* -1: permanent, none or unknown */
	int8_t permanent;               /* 1 no end, 0 an end (until), -1 the
					   clock is not known (its start, its
					   term, or whether it ends) */
	int8_t running;                 /* on as_of: 1, 0, -1 unknown */
	bool borderline;
	bool possible;                  /* triggered only if unknowns go one way */
	const char *retroactive;        /* a precedent applied to it after the
					   fact (section 11.1), or NULL */
	int8_t contested;               /* that application is contested */
	struct criterion *crit;         /* every trigger condition */
	uint32_t n_crit;
};

/* A list of waiver and consent ids (section 10.3), each once. */
struct requires {
	const char **id;
	uint32_t n, cap;
};

struct relief_then {
	uint8_t status;                 /* enum then_status */
	uint8_t certainty;              /* CERT_* */
	daynum date;                    /* t_dec */
	const char *reason;
};

struct relief_now {
	uint8_t status;                 /* enum now_status */
	uint8_t certainty;              /* CERT_* */
	const char *reason;
	struct requires req;
	struct requires creq;           /* of req, the waivers that meet a
					   condition (not a bar's routes) */
	daynum from;                    /* after_bar: the first clear day */
	daynum earliest;                /* from_abroad: the way back's date */
	daynum met_on;                  /* ineligible: when waiting meets it */
	const char *motion;             /* via_motion (or after_bar under an
					   order): which motion */
	daynum deadline;                /* its last day, or ASSESS_NO_DAY */
	const char *missing;            /* the facts that would decide it */
	const char *retroactive;        /* a bar behind it is a retroactive
					   precedent's (section 11.1) */
};

struct relief_eval {
	const struct rule *rule;
	uint8_t status;                 /* enum relief_status */
	const char *reason;             /* one line: why this status */
	struct criterion *crit;         /* bars, then conditions */
	uint32_t n_crit;
	struct relief_then then;
	struct relief_now now;
};

/* A bar standing in the way back (section 10.2). */
struct standing {
	const struct penalty *pen;
	const char *route;              /* the waiver or consent, or NULL */
	daynum clear_from;              /* its end + 1, or ASSESS_NO_DAY */
	daynum route_from;              /* the route's first day */
};

/* The earliest lawful return of one side (section 10). */
struct way_back {
	struct standing *standing;
	uint32_t n_standing;
	daynum no_waiver, with_waivers; /* ASSESS_NO_DAY: none (null) */
	struct requires req;
	bool maybe;                     /* a required route's condition is
					   not known (its certainty: possible) */
	const char *route;              /* "adjust_inside" or "consular" */
	int8_t adjust_inside;           /* 1 possible, 0 no */
	struct requires adjust_req;
	const char *adjust_reason;
	int8_t i601a;                   /* 1, 0, -1 */
	const char *i601a_reason;
	const char *criminal;           /* other_grounds: the criminal ground's
					   route, or NULL when none */
	daynum criminal_from;
	bool visa_222g;                 /* other_grounds: 222(g) */
};

/* One thing that differs between the path taken and the path not taken
 * (cli.md differences[]): what (penalty, relief, way_back, hearing), the
 * rule (or NULL), the field, and its value on each (unknown: none). */
struct difference {
	const char *what, *rule, *field;
	struct value taken, not_taken;
};

/* One side: the path taken, or the alternative. */
struct outcome_side {
	uint8_t path;                   /* enum path_id */
	bool hearing;
	struct fact_set fs;
	struct value *facts;            /* fs.v: indexed like rules->env */
	struct penalty *pen;
	uint32_t n_pen;
	struct relief_eval *rel;
	uint32_t n_rel;
	int8_t bar_running;             /* section 2a: 1, 0, -1 (null) */
	daynum t_dec;                   /* the decisive moment */
	struct way_back wb;
};

struct assessment {
	const struct cw_case *c;
	struct date as_of, law_as_of;
	struct outcome_side taken;
	struct outcome_side alt;        /* the path not taken */
	const char **event_effect;      /* per event of c: its legal effect */
	const char **offense_class;     /* per offense: classification text */
	struct pd_outcome pd;           /* policy on the encounter date (both
					   paths: the encounter is the same) */
	struct difference *diff;        /* what differs between the paths */
	uint32_t n_diff, cap_diff;
};

/* Assesses c; everything is allocated in `arena` (reset it to discard).
 * Thread-safe given distinct arenas.  Everything the case view shows,
 * down to the facts that left each criterion unknown (criterion.missing),
 * each event's effect and each offense's classification. */
void assess_case(const struct rules *r, const struct cw_case *c,
		 struct date as_of, struct date law_as_of,
		 struct assessment *out, struct arena *arena);

/* Both paths, as `assess` and `stats` print them: criterion.missing,
 * event_effect and offense_class stay NULL. */
void assess_case_brief(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *a);

/* The path taken with relief then and now and the way back, and with alt
 * the path not taken the same: no policy, no differences.  What a list
 * summary needs (query.h). */
void assess_case_paths(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of, bool alt,
		       struct assessment *out, struct arena *a);

/* The path taken only, as brief: `alt` stays empty.  What a list of many
 * cases needs; assess_case gives the rest when one case is opened. */
void assess_case_taken(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *arena);

/* The headline bar: the instance of a rule of kind `bar` with the latest
 * last day (permanent first), or NULL. */
const struct penalty *assess_headline(const struct outcome_side *s);

/* Adds id to r once (r grows in a). */
void assess_require(struct requires *r, const char *id, struct arena *a);

/* A range of days as date.precision prints it: a day, YYYY-MM for a whole
 * month, YYYY for a whole year, else LO..HI; "permanent" for
 * ASSESS_NO_DAY.  buf holds ASSESS_RANGE_BUFSZ bytes. */
#define ASSESS_RANGE_BUFSZ 48
char *assess_range(daynum lo, daynum hi, char buf[ASSESS_RANGE_BUFSZ]);
/* A penalty's last day as text: its range, "permanent" (no end),
 * "unknown" (its clock is not known), or "RANGE or permanent" (whether it
 * ends is not known). */
const char *assess_until(const struct penalty *p, char buf[ASSESS_RANGE_BUFSZ]);

#endif
