/* assess.h - one case's assessment: path, penalties, relief, and the path
 * not taken.  What `assess` prints and every view of the explorer shows.
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

/* The paths of legal-reference.md section 1. */
#define PATHS(X) \
	X(PATH_VOLUNTARY_RETURN, "voluntary_return") \
	X(PATH_WITHDRAWAL_AT_PORT, "withdrawal_at_port") \
	X(PATH_VD_PRE, "vd_pre_conclusion") \
	X(PATH_VD_POST, "vd_post_conclusion") \
	X(PATH_REMOVAL_CONTESTED, "removal_order_contested") \
	X(PATH_IN_ABSENTIA, "removal_in_absentia") \
	X(PATH_STIPULATED, "stipulated_removal") \
	X(PATH_EXPEDITED, "expedited_removal") \
	X(PATH_REINSTATEMENT, "reinstatement") \
	X(PATH_ADMIN_238B, "admin_removal_238b") \
	X(PATH_RELIEF_GRANTED, "relief_granted") \
	X(PATH_TERMINATED, "terminated") \
	X(PATH_ADMIN_CLOSED, "admin_closed") \
	X(PATH_PENDING, "pending") \
	X(PATH_NO_PROCEEDINGS, "no_proceedings")
CW_DECLARE_ENUM(path_id, PATHS, PATH__COUNT)

/* One condition of a rule, as evaluated for this case. */
struct criterion {
	const struct rule_cond *cond;   /* text, cite, expr */
	int8_t truth;                   /* 1 met, 0 unmet, -1 unknown */
	bool borderline;
	const char *missing;            /* unknown facts, comma-separated */
};

struct penalty {
	const struct rule *rule;
	struct date from;               /* clock start */
	struct date until;              /* last day in force; NONE: permanent */
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
	struct criterion *crit;
	uint32_t n_crit;
};

/* One side: the path taken, or the alternative. */
struct outcome_side {
	uint8_t path;                   /* enum path_id */
	bool hearing;
	struct value *facts;            /* indexed like rules_facts() */
	struct penalty *pen;
	uint32_t n_pen;
	struct relief_eval *rel;
	uint32_t n_rel;
	const char *summary;            /* one sentence for the compare view */
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

/* The headline penalty (the one in force the longest; permanent first),
 * or NULL. */
const struct penalty *assess_headline(const struct outcome_side *s);

#endif
