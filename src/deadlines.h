/* deadlines.h - the dated obligations and windows of one case, from its
 * assessment: what `casewalk deadlines` lists (text, CSV, JSON,
 * iCalendar), what the memo's DEADLINES section shows and what the
 * explorer's deadlines view lists.  No curses.
 *
 * Each comes from what the engine already knows of the path taken:
 *
 *   hearing             a hearing with scheduled: true (its time, court)
 *   depart_by           a grant of voluntary departure or return: the last
 *                       day to leave (the vd item's deadline, rolled to a
 *                       business day when the recorded one is not)
 *   reopen_in_absentia  the last day to move to reopen an in absentia
 *                       order for exceptional circumstances (the fact
 *                       reopen_deadline)
 *   motion_to_reopen    a motion's last day that would reopen relief
 *                       (relief_now.motion and .deadline: the statutory
 *                       motion, the VAWA motion)
 *   asylum_one_year     the asylum one-year deadline (asylum_deadline)
 *   bar_last_day        the last day in force of each bar (kinds bar and
 *                       relief_bar) that has an end
 *
 * A date known only to the month or year is a range [lo, hi].  The day a
 * deadline is put on (its `day`) is the safe reading of the range: the
 * first day it may fall on for something to be done by then, the last day
 * for a bar, which is surely over only after it.
 */
#ifndef CW_DEADLINES_H
#define CW_DEADLINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "assess.h"
#include "rules.h"

/* X(ID, name, title): the kind's id in every output, and its words. */
#define DEADLINE_KINDS(X) \
	X(DL_HEARING, "hearing", "hearing before an immigration judge") \
	X(DL_DEPART_BY, "depart_by", "last day to depart (voluntary departure)") \
	X(DL_REOPEN, "reopen_in_absentia", \
	  "last day to move to reopen the in absentia order (exceptional " \
	  "circumstances)") \
	X(DL_MOTION, "motion_to_reopen", "last day for a motion to reopen") \
	X(DL_ASYLUM, "asylum_one_year", "asylum one-year filing deadline") \
	X(DL_BAR_ENDS, "bar_last_day", "last day a bar is in force")

#define CW_DL_ENUM(id, name, title) id,
enum deadline_kind { DEADLINE_KINDS(CW_DL_ENUM) DL__COUNT };
#undef CW_DL_ENUM
extern const char *const deadline_kind_names[DL__COUNT];
extern const char *const deadline_kind_titles[DL__COUNT];

struct deadline {
	uint8_t kind;                   /* enum deadline_kind */
	bool possible;                  /* a bar that attaches only if facts
					   not known go one way */
	daynum day;                     /* the day it is on (see above) */
	daynum lo, hi;                  /* every day it may fall on */
	int16_t minute;                 /* hearing: its time, or -1 */
	const char *court;              /* hearing: or NULL */
	/* the rule, parameter or path behind the date, and its citation */
	const char *rule, *cite;
	/* one line more: the bar's title, a rolled deadline, a departure or
	 * filing on record, the relief a motion would reopen; or NULL */
	const char *note;
	uint32_t line;                  /* the event's line in the case
					   file, 0 when none */
};

struct deadline_list {
	struct deadline *v;
	size_t n, cap;
};

/* The deadlines of the path taken of assessment a (made with rules r),
 * in date order (then kind, then rule), appended to out; everything in
 * arena.  out starts as { 0 }. */
void deadlines_of(const struct rules *r, const struct assessment *a,
		  struct deadline_list *out, struct arena *arena);

/* Redacting: leaves out of each deadline of l what the case file says
 * in free text (a hearing's court), as redact.h hides every free-text
 * field. */
void deadlines_redact(struct deadline_list *l);

/* Days from the as-of date to the deadline's day: negative once it has
 * passed, 0 on the day. */
long deadline_days_left(const struct deadline *d, struct date as_of);

/* The day as text: YYYY-MM-DD, or the range as date.precision writes it
 * (a month, a year, LO..HI). */
const char *deadline_date_text(const struct deadline *d,
			       char buf[ASSESS_RANGE_BUFSZ]);

/* A stable identifier of deadline d of case `id` (the same on every run
 * and machine, for calendar UIDs): 16 hex digits and the NUL. */
void deadline_uid(const char *id, const struct deadline *d, char out[17]);

#endif
