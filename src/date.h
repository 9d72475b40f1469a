/* date.h - calendar dates with precision, per legal-reference.md section 0.
 *
 * A date may be known to the day, to the month or only to the year.  Every
 * computation works on day numbers; an imprecise date stands for a range
 * [date_lo, date_hi] and callers that depend on the unknown part report their
 * result as uncertain.
 */
#ifndef CW_DATE_H
#define CW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum date_prec {
	DATE_NONE = 0,  /* absent */
	DATE_YEAR,      /* YYYY */
	DATE_MONTH,     /* YYYY-MM */
	DATE_DAY,       /* YYYY-MM-DD */
};

struct date {
	int16_t y;
	int8_t m;       /* 1..12, or 0 when prec < DATE_MONTH */
	int8_t d;       /* 1..31, or 0 when prec < DATE_DAY */
	uint8_t prec;   /* enum date_prec */
};

/* Day numbers: days since 1970-01-01 (proleptic Gregorian), may be negative. */
typedef int32_t daynum;

/* The ends of the calendar casewalk names (years 1000..9999) as day
 * numbers; test_date checks them against date_days. */
#define DATE_DAYS_1000_01_01 (-354285)
#define DATE_DAYS_9999_12_31 2932896

/* The most days a calendar year has. */
#define DATE_MAX_YEAR_DAYS 366

#define DATE_NONE_INIT ((struct date){0, 0, 0, DATE_NONE})

static inline bool date_known(struct date d) { return d.prec != DATE_NONE; }
static inline bool date_exact(struct date d) { return d.prec == DATE_DAY; }

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly; years 1000..9999).
 * Returns true on success.  On failure *err is a static message such as
 * "month 13 out of range" or "2011-02-30 is not a day of the calendar". */
bool date_parse(const char *s, size_t len, struct date *out, const char **err);

/* A full date from y/m/d; no validation beyond asserting in debug builds. */
struct date date_ymd(int y, int m, int d);
bool date_valid_ymd(int y, int m, int d);
bool date_is_leap(int y);
int date_days_in_month(int y, int m);

/* Day-number conversion.  For an imprecise date, lo is the first day of the
 * month or year it names and hi the last.  DATE_NONE gives 0: check
 * date_known() first. */
daynum date_days(struct date d);        /* same as date_lo */
daynum date_lo(struct date d);
daynum date_hi(struct date d);
struct date date_from_days(daynum n);   /* always DATE_DAY */

/* Day of week of a day number: 0 = Monday ... 6 = Sunday. */
int date_weekday(daynum n);

/* Adds n days; keeps precision DATE_DAY (an imprecise input is first taken
 * at its lo day). */
struct date date_add_days(struct date d, int n);

/* Adds n years keeping month and day.  Feb 29 in a common target year becomes
 * Mar 1 (DATE_LEAP_MAR1, the `date.bar_end` longer reading) or Feb 28
 * (DATE_LEAP_FEB28, the `date.deadline` rule).  Precision is preserved. */
enum date_leap_rule { DATE_LEAP_MAR1, DATE_LEAP_FEB28 };
struct date date_add_years(struct date d, int n, enum date_leap_rule rule);

/* Calendar difference from a to b (a <= b) as years, months, days, the way a
 * person counts: 2001-02-10 .. 2010-06-01 is 9 y 3 m 22 d.  A month (or
 * year) whose anniversary day does not exist (Jan 31 -> Feb, Feb 29 -> a
 * common year) completes on the 1st of the next month, as DATE_LEAP_MAR1.
 * Imprecise dates are taken at their lo day; b < a gives negated fields. */
struct date_span { int y, m, d; };
struct date_span date_span(struct date a, struct date b);

/* Whole days from a to b (b - a), using lo days. */
int32_t date_diff(struct date a, struct date b);

/* Compare by lo day, then by precision (finer first); DATE_NONE sorts after
 * every known date. */
int date_cmp(struct date a, struct date b);

/* Formats as YYYY, YYYY-MM or YYYY-MM-DD per precision; "" for DATE_NONE.
 * buf must hold DATE_BUFSZ bytes.  Returns buf. */
#define DATE_BUFSZ 16
char *date_format(struct date d, char buf[DATE_BUFSZ]);

/* Today in local time (TZ), or $CASEWALK_TODAY (YYYY-MM-DD) when set,
 * for tests. */
struct date date_today(void);

#endif
