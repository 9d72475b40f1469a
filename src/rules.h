/* rules.h - config/rules.yaml: penalties and relief as data.
 *
 * A rule names its legal source, the dates it was in force, and conditions
 * written in the expression language (expr.h) over the facts that facts.c
 * derives from a case.  See casewalk-rules(5).
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

enum rule_kind { RULE_PENALTY, RULE_RELIEF };

/* How a penalty's last day is computed (legal-reference.md section 0). */
enum clock_convention {
	CLOCK_BAR_END,          /* "within N years of" D: last day D + N years */
	CLOCK_PERIOD_END,       /* "for N years" from S: S + N years - 1 day */
	CLOCK_NONE,             /* no end: permanent, or no clock */
};

/* Where relief can be sought. */
enum forum { FORUM_IJ_ONLY, FORUM_USCIS, FORUM_BOTH };

struct rule_cond {
	const char *text;       /* the plain-language sentence */
	const char *cite;       /* may be NULL: the rule's cite applies */
	const char *src;        /* the expression as written */
	struct expr *expr;
	struct pos pos;
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
	uint8_t kind;                   /* enum rule_kind */
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
	/* relief */
	uint8_t forum;                  /* enum forum */
	struct expr *granted;           /* bool: the case shows it granted */
	struct expr *forfeited;         /* bool: the path cut it off */
	const char *forfeited_text;
};

struct vocab;

struct rules {
	const struct vocab *vocab;      /* offense defaults; set by the caller */
	struct rule *v;
	size_t n;
	const char *name;               /* file name, for messages */
	struct expr_env env;
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

#endif
