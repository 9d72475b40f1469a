/* rules.h - config/rules.yaml: the law as data.
 *
 * A rules file holds
 *   - parameters: every date, threshold and era the law sets, each cited,
 *     with the dates each value is in force (OpenFisca's dated parameters);
 *   - holidays: the legal holidays a deadline rolls over (5 U.S.C. 6103);
 *   - paths: which paths give a hearing before a judge or a fear screening;
 *   - derived facts: what the law makes of the facts src/ derives, for one
 *     item (offense.stops_time) or for the whole case (an expression, or an
 *     aggregate over items: any, all, count, min, max, sum);
 *   - rules: penalties, each applying to the whole case or to each item of
 *     a scope (for_each: departure) with its own clock, and relief.
 * Conditions are expressions (expr.h) over facts, parameters and derived
 * facts.  See casewalk-rules(5).
 */
#ifndef CW_RULES_H
#define CW_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "case.h"
#include "date.h"
#include "diag.h"
#include "expr.h"
#include "items.h"
#include "paths.h"

/* What a rule is (legal-reference.md section 2a): a penalty of one of the
 * consequence kinds, or relief. */
#define RULE_KINDS(X) \
	X(KIND_BAR, "bar") \
	X(KIND_RELIEF_BAR, "relief_bar") \
	X(KIND_PRESENCE, "presence") \
	X(KIND_DOCUMENT, "document") \
	X(KIND_CRIMINAL, "criminal") \
	X(KIND_MONEY, "money") \
	X(KIND_RELIEF, "relief")
CW_DECLARE_ENUM(rule_kind, RULE_KINDS, KIND__COUNT)

static inline bool rule_kind_is_penalty(int k)
{
	return k >= 0 && k < KIND_RELIEF;
}

/* How a penalty's last day is computed (legal-reference.md section 0). */
enum clock_convention {
	CLOCK_BAR_END,          /* "within N years of" D: last day D + N years */
	CLOCK_PERIOD_END,       /* "for N years" from S: S + N years - 1 day */
	CLOCK_NONE,             /* no end: permanent, or no clock */
};

/* Where relief can be sought.  IJ_OR_SCREENING: before a judge, or
 * through a credible- or reasonable-fear screening on a path without one
 * (withholding, CAT). */
#define FORUMS(X) \
	X(FORUM_IJ_ONLY, "ij_only") \
	X(FORUM_IJ_OR_SCREENING, "ij_or_screening") \
	X(FORUM_USCIS, "uscis") \
	X(FORUM_BOTH, "both")
CW_DECLARE_ENUM(forum, FORUMS, FORUM__COUNT)

/* A penalty for_each item attaches to every qualifying item, or only to
 * the first (bar_9C_permanent starts at the first unlawful re-entry). */
enum { INSTANCES_ALL, INSTANCES_FIRST };

struct rule_cond {
	const char *text;       /* the plain-language sentence */
	const char *cite;       /* may be NULL: the rule's cite applies */
	const char *src;        /* the expression as written */
	struct expr *expr;
	struct pos pos;
	/* relief only */
	const struct rule *penalty;     /* bars: `penalty: ID`, its instances
					   (their ends and routes) */
	bool inside;            /* when: a condition of seeking it inside the
				   U.S. (unmet: only from abroad, if the rule
				   has an abroad route) */
	struct expr *met_on;    /* when: the day waiting would meet it */
	bool proceedings;       /* when: measured against the proceedings
				   (their notice, their application): once
				   they ended it decides only then */
	const struct rule *waiver;      /* when: `waiver: ID`, a relief that,
					   open, meets it (and is required) */
};

/* A way out of a bar (legal-reference.md sections 10.2, 10.3): a waiver
 * or consent, open when `when` holds, from abroad only or also inside,
 * effective no earlier than `earliest`. */
struct rule_route {
	const char *id;         /* consent_i212, waiver_9Bv, ... */
	const char *text;
	struct expr *when;      /* NULL: always open */
	struct expr *earliest;  /* NULL: as soon as granted */
	bool abroad_only;
};

/* A text that changed with the law: in force from..until (NONE: open). */
struct era_text {
	struct date from, until;
	const char *text;
};

struct rule {
	const char *id, *title, *cite, *note;
	/* the way out; several when it changed over time (the I-601A) */
	struct era_text *waiver;
	uint32_t n_waiver;
	const char *money;              /* a civil penalty the entry also
					   carries (vd_failure_to_depart) */
	int8_t kind;                    /* enum rule_kind */
	int8_t scope;                   /* for_each, or -1: the whole case */
	uint8_t instances;              /* INSTANCES_* */
	struct date in_force_from;      /* NONE: always */
	struct date in_force_until;     /* NONE: still in force */
	struct pos pos;
	/* penalty: all must hold to trigger; relief: the criteria */
	struct rule_cond *when;
	uint32_t n_when;
	/* relief: any that holds makes it barred; penalty: unused */
	struct rule_cond *bars;
	uint32_t n_bars;
	/* penalty clock */
	struct expr *clock_from;        /* date */
	struct expr *clock_years;       /* int; NULL: no term */
	struct expr *clock_permanent;   /* bool; NULL: never */
	uint8_t convention;             /* enum clock_convention */
	int running_fact;               /* index of running_<id>, or -1 */
	/* a precedent applied to events before it (legal-reference.md
	 * section 11.1): an instance for which retro_when holds carries
	 * retro_name, and `contested` when retro_contested holds */
	const char *retro_name;
	struct expr *retro_when, *retro_contested;
	/* for_each: the columns of the item row its conditions and clock
	 * read (what is loaded for each item) */
	uint16_t *cols;
	uint16_t n_cols;
	bool policy_reads;              /* a policy names its running_ fact */
	/* a bar's ways out (empty: none) */
	struct rule_route *route;
	uint32_t n_route;
	/* relief */
	uint8_t forum;                  /* enum forum */
	bool from_abroad;               /* can be sought from outside the U.S. */
	bool crit_waiver;               /* a condition names a waiver */
	bool admission;                 /* needs admissibility: every running
					   bar counts, with its routes */
	bool abroad_visa;               /* from abroad the route is an
					   immigrant visa (adjustment) */
	const char *motion;             /* the motion to reopen it has beside
					   the general ones (asylum:
					   changed_country_conditions) */
	struct expr *granted;           /* bool: the case shows it granted */
	struct rule_cond *lost;         /* any that holds: lost now */
	uint32_t n_lost;
	int8_t relief_id;               /* enum relief when the id is one, or
					   -1: which events apply for it */
};

/* A legal parameter: one value per era of the law. */
struct param_era {
	struct date from, until;        /* NONE: open */
	struct value v;
	const char *cite;               /* NULL: the parameter's */
	const char *note;
};

struct param {
	const char *id, *title, *cite, *note;
	uint8_t type;                   /* VAL_BOOL, VAL_INT, VAL_DATE, VAL_STR */
	struct param_era *era;
	uint32_t n_era;
	struct pos pos;
	uint32_t slot;                  /* its index among the facts */
};

/* The parameters src/ itself reads while deriving facts: a rules file must
 * define each, with this type.  X(ID, id, type). */
#define ENGINE_PARAMS(X) \
	X(P_IIRIRA, "iirira_effective", VAL_DATE) \
	X(P_MINOR_AGE, "up_minor_age", VAL_INT) \
	X(P_UP_3YR, "up_3yr_min_days", VAL_INT) \
	X(P_UP_10YR, "up_10yr_min_days", VAL_INT) \
	X(P_UP_9C, "up_9c_min_days", VAL_INT) \
	X(P_CHILD_AGE, "child_age", VAL_INT) \
	X(P_UAC_AGE, "uac_age_limit", VAL_INT) \
	X(P_MARRIAGE_AGE, "marriage_min_age", VAL_INT) \
	X(P_CPP_SINGLE, "cpp_single_absence_max_days", VAL_INT) \
	X(P_CPP_YEARS, "cpp_nonlpr_required_years", VAL_INT) \
	X(P_CPP_VAWA_YEARS, "cpp_vawa_required_years", VAL_INT) \
	X(P_ASYLUM_BASE, "asylum_deadline_base", VAL_DATE) \
	X(P_ASYLUM_YEARS, "asylum_deadline_years", VAL_INT) \
	X(P_ASYLUM_ROLLS, "asylum_deadline_rolls", VAL_BOOL) \
	X(P_REOPEN_DAYS, "reopen_in_absentia_days", VAL_INT) \
	X(P_VD_ROLL_FIRM, "vd_roll_firm", VAL_BOOL) \
	X(P_APPEAL_DAYS, "appeal_days", VAL_INT) \
	X(P_MOTION_DAYS, "motion_reopen_days", VAL_INT) \
	X(P_VAWA_MOTION_YEARS, "vawa_motion_years", VAL_INT) \
	X(P_CONSENT_9CII_YEARS, "consent_9Cii_years", VAL_INT) \
	X(P_I601A_SCOPE, "i601a_scope", VAL_STR) \
	X(P_I601A_MIN_AGE, "i601a_min_age", VAL_INT) \
	X(P_H212_YEARS, "h212_years", VAL_INT)

#define CW_PARAM_ENUM(id, name, type) id,
enum engine_param { ENGINE_PARAMS(CW_PARAM_ENUM) P__COUNT };
#undef CW_PARAM_ENUM

/* The rules' derived facts src/ reads back while deriving (the hooks).
 * X(ID, scope, name, type): the rules file must define each, for one item
 * of that scope, from facts that are not late (facts_list.h). */
#define ENGINE_HOOKS(X) \
	X(H_OFFENSE_STOPS_TIME, SC_OFFENSE, "offense.stops_time", VAL_BOOL) \
	X(H_NTA_STOPS_TIME, SC_NTA, "nta.stops_time", VAL_BOOL) \
	X(H_NTA_STOP_DATE, SC_NTA, "nta.stop_date", VAL_DATE) \
	X(H_DEP_BREAKS, SC_DEPARTURE, "departure.breaks_presence", VAL_BOOL)

#define CW_HOOK_ENUM(id, scope, name, type) id,
enum engine_hook { ENGINE_HOOKS(CW_HOOK_ENUM) H__COUNT };
#undef CW_HOOK_ENUM

enum derive_agg { AGG_NONE, AGG_ANY, AGG_ALL, AGG_COUNT, AGG_MIN, AGG_MAX,
		  AGG_SUM };

struct derive {
	const char *id, *text, *cite;
	struct pos pos;
	int8_t scope;                   /* an item's fact, or -1: the case's */
	int8_t each;                    /* AGG_*: the scope aggregated */
	uint8_t agg;                    /* enum derive_agg */
	uint8_t phase;                  /* 0 early, 1 after the late facts,
					   2 after the penalties */
	uint8_t type;
	uint16_t column;                /* item facts: its column in a row */
	struct expr *expr;              /* the value, or what is aggregated */
	struct expr *where;             /* min, max, count: which items */
	uint32_t slot;                  /* its index among the facts */
	uint16_t *cols;                 /* the item row's columns it reads */
	uint16_t n_cols;
	uint8_t need;                   /* NEED_*: who reads it */
};

/* Who reads a derived fact (facts_ctx.need): the rules (penalties,
 * relief, routes, the engine's hooks), the policies.  A side that shows
 * no facts of its own (the eve of the decisive moment, the way back's
 * hypothesis, the encounter day) derives only what its readers need. */
enum { NEED_ALL = 0, NEED_RULES = 1, NEED_POLICY = 2 };

/* A legal holiday (5 U.S.C. 6103(a)), from..to by year. */
struct holiday {
	const char *name;
	int8_t month;
	int8_t day;                     /* a fixed day, or 0 */
	int8_t weekday;                 /* 0 = Monday .. 6, with nth */
	int8_t nth;                     /* 1..4, or -1: the last */
	int16_t from, to;               /* years; 0 / 9999: open */
};

struct holidays {
	struct holiday *v;
	size_t n;
	daynum *closures;               /* extra days offices were closed */
	size_t n_closures;
	const char *cite;
	/* every holiday and closure of the years index_lo..index_hi, one
	 * bit a day from the first day of index_lo (NULL: none made) */
	uint8_t *index;
	daynum index_first, index_last;
};

/* How each path of legal-reference.md section 1 stands for relief: a
 * judge heard (or could hear) the case; a fear screening is open; the
 * episode has ended. */
struct path_info {
	bool judge, screening, ended, known;
	const char *cite;
};

/* ---- policies: enforcement priorities and expedited-removal designations
 * (legal-reference.md sections 5 and 1), dated by the day of the encounter
 * (not by the law's date).  Policy, not law: they never change a penalty
 * or a relief. */

#define POLICY_KINDS(X) \
	X(POL_PRIORITIES, "priorities") \
	X(POL_EXPEDITED, "expedited_removal")

#define PD_RESULTS(X) \
	X(PD_PRIORITY, "priority") \
	X(PD_NOT_PRIORITY, "not_priority") \
	X(PD_JUDGMENT, "judgment") \
	X(PD_NOT_LISTED, "not_listed") \
	X(PD_NO_FRAMEWORK, "no_framework")

#define CW_ENUM_ID(id, name) id,
enum policy_kind { POLICY_KINDS(CW_ENUM_ID) POL__COUNT };
enum pd_result { PD_RESULTS(CW_ENUM_ID) PD__COUNT };
#undef CW_ENUM_ID
extern const struct enum_def policy_kind_def, pd_result_def;

struct policy_window {
	struct date from, until;        /* NONE: open */
};

/* A category of a framework, or one of its levels: when `expr` holds the
 * person falls in it (a category with no expr is listed, not assessed: an
 * officer's judgment the file cannot show). */
struct policy_cat {
	const char *code, *text;
	struct expr *expr;
	uint8_t result;                 /* PD_PRIORITY or PD_JUDGMENT */
	struct policy_cat *levels;      /* which level of it, in order */
	uint32_t n_levels;
	struct pos pos;
};

/* A factor the file shows (listed, never scored). */
struct policy_factor {
	const char *text;
	struct expr *expr;
	bool favorable;
};

struct policy {
	const char *id, *title, *cite, *note;
	uint8_t kind;                   /* enum policy_kind */
	const char **alias;
	uint32_t n_alias;
	struct policy_window *win;      /* the encounter dates it covers */
	uint32_t n_win;
	/* priorities */
	struct policy_cat *cat;
	uint32_t n_cat;
	uint8_t otherwise;              /* the result when no category holds */
	bool companion;                 /* listed beside the framework in force
					   (its factors), never one itself */
	struct policy_factor *factor;
	uint32_t n_factor;
	/* expedited removal */
	struct expr *covers;            /* the person falls in it */
	bool excludes;                  /* a court order: those it covers are
					   out of every designation */
	struct pos pos;
};

bool policy_in_force(const struct policy *p, struct date day);

struct vocab;

/* Where one scope's facts sit among all the facts: the row of an item is
 * copied into these slots before an expression about it is evaluated. */
struct scope_layout {
	uint16_t width;                 /* C facts, then derived ones */
	uint32_t *slot;                 /* width slots */
};

struct rules {
	const struct vocab *vocab;      /* offense defaults; set by the caller */
	struct rule *v;
	size_t n;
	struct param *params;
	size_t n_params;
	/* every parameter's value, made once for each span of law dates in
	 * which none changes: span k begins on param_cut[k - 1] (span 0 on
	 * no day), its values param_span[k * n_params ..] */
	daynum *param_cut;
	size_t n_param_cut;
	struct value *param_span;
	struct derive *derives;
	size_t n_derives;
	struct holidays holidays;
	struct policy *policies;
	size_t n_policies;
	struct path_info paths[PATH__COUNT];
	struct scope_layout scope[SC__COUNT];
	uint32_t engine_param[P__COUNT];        /* slots */
	uint16_t hook_column[H__COUNT];         /* columns in the item row */
	const char *name;               /* file name, for messages */
	struct expr_env env;
	uint8_t *phase;                 /* per fact slot */
	size_t first_running;           /* slots of the running_ facts */
	struct arena arena;
};

/* Loads rules from text.  Returns the number of errors (0 = ok); errors are
 * FILE:LINE:COL diagnostics in diags. */
int rules_load_buffer(struct rules *r, const char *name, const char *buf,
		      size_t len, struct diag_list *diags);
int rules_load_file(struct rules *r, const char *path,
		    struct diag_list *diags);
/* The rules compiled into the binary (config/rules.yaml). */
int rules_load_default(struct rules *r, struct diag_list *diags);
void rules_free(struct rules *r);

bool rules_in_force(const struct rule *rule, struct date law_as_of);
/* The rule's waiver text under the law of law_as_of, or NULL. */
const char *rules_waiver(const struct rule *rule, struct date law_as_of);
const struct rule *rules_find(const struct rules *r, const char *id);
const struct param *rules_param(const struct rules *r, const char *id);

/* A parameter's value and era under the law of `law` (unknown when no era
 * covers it). */
struct value params_value(const struct param *p, struct date law,
			  const struct param_era **era);
/* Every parameter's value under the law of `law`, into its slot of
 * facts[]. */
void params_fill(const struct rules *r, struct date law, struct value *facts);

/* Is day n a legal holiday, or a day listed as a closure, under h?  The
 * observed day of a fixed holiday on a weekend counts (5 U.S.C. 6103(b)). */
bool holidays_is_holiday(const struct holidays *h, daynum n);
/* n, or the next day that is not a Saturday, Sunday or holiday. */
daynum holidays_next_business_day(const struct holidays *h, daynum n);

#endif
