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

/* A day that is not there: a permanent penalty's last day. */
#define ASSESS_NO_DAY INT32_MAX

/* One condition of a rule, as evaluated for this case. */
struct criterion {
	const struct rule_cond *cond;   /* text, cite, expr */
	int8_t truth;                   /* 1 met, 0 unmet, -1 unknown */
	bool borderline;
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
	int years;                      /* -1: permanent or none */
	int8_t running;                 /* on as_of: 1, 0, -1 unknown */
	bool borderline;
	bool possible;                  /* triggered only if unknowns go one way */
	struct criterion *crit;         /* every trigger condition */
	uint32_t n_crit;
};

struct relief_eval {
	const struct rule *rule;
	uint8_t status;                 /* enum relief_status */
	const char *reason;             /* one line: why this status */
	struct criterion *crit;         /* bars, then conditions */
	uint32_t n_crit;
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
};

struct assessment {
	const struct cw_case *c;
	struct date as_of, law_as_of;
	struct outcome_side taken;
	struct outcome_side alt;        /* the path not taken */
	const char **event_effect;      /* per event of c: its legal effect */
	const char **offense_class;     /* per offense: classification text */
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

/* The path taken only, as brief: `alt` stays empty.  What a list of many
 * cases needs; assess_case gives the rest when one case is opened. */
void assess_case_taken(const struct rules *r, const struct cw_case *c,
		       struct date as_of, struct date law_as_of,
		       struct assessment *out, struct arena *arena);

/* The headline bar: the instance of a rule of kind `bar` with the latest
 * last day (permanent first), or NULL. */
const struct penalty *assess_headline(const struct outcome_side *s);

/* A range of days as date.precision prints it: a day, YYYY-MM for a whole
 * month, YYYY for a whole year, else LO..HI; "permanent" for
 * ASSESS_NO_DAY.  buf holds ASSESS_RANGE_BUFSZ bytes. */
#define ASSESS_RANGE_BUFSZ 32
char *assess_range(daynum lo, daynum hi, char buf[ASSESS_RANGE_BUFSZ]);

#endif
