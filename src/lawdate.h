/* lawdate.h - the dates an assessment is made on, as a person names them,
 * and what the law changes between two of them (issue 14).
 *
 * A date is named "today", YYYY-MM-DD, YYYY-MM or YYYY (the last day of
 * that month or year, or today when it is still under way: the law as it
 * stood at its end), or by an era of the rules file: the id or alias of a
 * policy (pd.morton_2011, morton_2011), its first day.  The explorer's
 * law-date prompt and `casewalk rules --changes FROM TO` read the same
 * names, and show the same changes: the rules that come into or go out of
 * force, the waiver texts that change, and every parameter whose value
 * changes, each with what it was and what it becomes.
 */
#ifndef CW_LAWDATE_H
#define CW_LAWDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "rules.h"

/* One named date in text[0..len) into *out (a day); false with a message
 * in err (what is allowed). */
bool lawdate_parse(const struct rules *r, const char *text, size_t len,
		   struct date today, struct date *out, char *err,
		   size_t errsz);
/* The explorer's prompt: "WHEN" sets both dates, "WHEN WHEN" the as-of
 * and the law-as-of date, "law WHEN" the law-as-of date alone (*as_of
 * stays).  false with a message in err. */
bool lawdate_parse_pair(const struct rules *r, const char *text,
			struct date today, struct date *as_of,
			struct date *law_as_of, char *err, size_t errsz);

enum lawdate_what {
	LAWCH_RULE_IN,          /* in force under `to` only */
	LAWCH_RULE_OUT,         /* in force under `from` only */
	LAWCH_WAIVER,           /* in force under both, another way out */
	LAWCH_PARAM,            /* another value */
};
extern const char *const lawdate_what_names[];  /* rule_in, ... */

struct lawdate_change {
	uint8_t what;                   /* enum lawdate_what */
	const struct rule *rule;        /* a rule's change, else NULL */
	const struct param *param;      /* LAWCH_PARAM, else NULL */
	/* the value or waiver text under each law (NULL: none); a rule's
	 * dates in force for RULE_IN and RULE_OUT */
	const char *before, *after;
	const char *cite;               /* the citation of the later value */
};

/* Every change from the law of `from` to the law of `to`, rules in file
 * order then parameters, into *out (in a); returns how many. */
size_t lawdate_changes(const struct rules *r, struct date from,
		       struct date to, struct lawdate_change **out,
		       struct arena *a);

#endif
