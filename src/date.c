/* date.c - calendar dates with precision; see date.h and legal-reference.md
 * section 0.  Pure: no allocation, no global state (date_today reads the
 * environment and the clock, nothing else). */
#define _POSIX_C_SOURCE 200809L
#include "date.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the whole
 * proleptic Gregorian calendar, branch-light, and well known. */
static int64_t days_from_civil_slow(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days_slow(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Days before each month, in a common year and in a leap year. */
static const int16_t month_start[2][13] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

/* 1901..2099 has a leap year every fourth year and no other: the fast
 * paths of days_from_civil and civil_from_days (facts and reports convert
 * days millions of times), checked against the general formulas day by
 * day in test_date. */
#define FAST_FIRST_YEAR 1901
#define FAST_LAST_YEAR 2099
#define DAYS_1901_01_01 (-25202)
#define DAYS_2100_01_01 47482

static int64_t days_from_civil(int64_t y, int m, int d)
{
	if (y >= FAST_FIRST_YEAR && y <= FAST_LAST_YEAR && m >= 1 && m <= 12)
		return 365 * (y - 1970) + (y - 1) / 4 - 492 +
		       month_start[y % 4 == 0][m - 1] + d - 1;
	return days_from_civil_slow(y, m, d);
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	if (z >= DAYS_1901_01_01 && z < DAYS_2100_01_01) {
		int64_t t = z - DAYS_1901_01_01;       /* from 1901-01-01 */
		int64_t r = t % 1461, k = r / 365;      /* 4-year cycles */
		if (k > 3)
			k = 3;                          /* 31 December, leap */
		int doy = (int)(r - 365 * k), leap = k == 3;
		int mo = doy / 32 + 1;  /* never past the month: at most 1 short */
		while (doy >= month_start[leap][mo])
			mo++;
		*y = (int)(FAST_FIRST_YEAR + 4 * (t / 1461) + k);
		*m = mo;
		*d = doy - month_start[leap][mo - 1] + 1;
		return;
	}
	civil_from_days_slow(z, y, m, d);
}

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int8_t len[12] = {31, 28, 31, 30, 31, 30,
				       31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && date_is_leap(y));
}

bool date_valid_ymd(int y, int m, int d)
{
	/* The year must fit struct date's int16_t. */
	if (y < INT16_MIN || y > INT16_MAX)
		return false;
	return m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

struct date date_ymd(int y, int m, int d)
{
	assert(date_valid_ymd(y, m, d));
	return (struct date){(int16_t)y, (int8_t)m, (int8_t)d, DATE_DAY};
}

/* ---- parsing ---------------------------------------------------------- */

static const char msg_shape[] = "expected a date as YYYY-MM-DD, YYYY-MM or YYYY";
static const char msg_year[] = "year out of range (1000..9999)";
static const char msg_month[] = "month out of range (01..12)";
static const char msg_day[] = "day out of range for the month";

/* Reads exactly n ASCII digits; isdigit() would depend on the locale. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool fail(const char **err, const char *msg)
{
	if (err)
		*err = msg;
	return false;
}

bool date_parse(const char *s, size_t len, struct date *out, const char **err)
{
	int y, m = 0, d = 0;

	*out = DATE_NONE_INIT;
	if (!s || (len != 4 && len != 7 && len != 10))
		return fail(err, msg_shape);
	if (!digits(s, 4, &y))
		return fail(err, msg_shape);
	if (len >= 7 && (s[4] != '-' || !digits(s + 5, 2, &m)))
		return fail(err, msg_shape);
	if (len == 10 && (s[7] != '-' || !digits(s + 8, 2, &d)))
		return fail(err, msg_shape);
	if (y < 1000)
		return fail(err, msg_year);
	if (len >= 7 && (m < 1 || m > 12))
		return fail(err, msg_month);
	if (len == 10 && (d < 1 || d > date_days_in_month(y, m)))
		return fail(err, msg_day);
	out->y = (int16_t)y;
	out->m = (int8_t)m;
	out->d = (int8_t)d;
	out->prec = len == 4 ? DATE_YEAR : len == 7 ? DATE_MONTH : DATE_DAY;
	return true;
}

/* ---- day numbers ------------------------------------------------------- */

/* DATE_NONE has no day; it maps to day 0 so that a caller that forgot to
 * check date_known() gets a deterministic (if meaningless) answer. */
daynum date_lo(struct date d)
{
	switch (d.prec) {
	case DATE_DAY:
		return (daynum)days_from_civil(d.y, d.m, d.d);
	case DATE_MONTH:
		return (daynum)days_from_civil(d.y, d.m, 1);
	case DATE_YEAR:
		return (daynum)days_from_civil(d.y, 1, 1);
	default:
		return 0;
	}
}

daynum date_hi(struct date d)
{
	switch (d.prec) {
	case DATE_DAY:
		return date_lo(d);
	case DATE_MONTH:
		return (daynum)days_from_civil(d.y, d.m,
					       date_days_in_month(d.y, d.m));
	case DATE_YEAR:
		return (daynum)days_from_civil(d.y, 12, 31);
	default:
		return 0;
	}
}

daynum date_days(struct date d)
{
	return date_lo(d);
}

struct date date_from_days(daynum n)
{
	int y, m, d;
	civil_from_days(n, &y, &m, &d);
	return date_ymd(y, m, d);
}

int date_weekday(daynum n)
{
	/* 1970-01-01 was a Thursday (3); keep the result positive for n < 0. */
	return (int)(((int64_t)n % 7 + 7 + 3) % 7);
}

/* ---- arithmetic -------------------------------------------------------- */

struct date date_add_days(struct date d, int n)
{
	if (!date_known(d))
		return d;
	return date_from_days((daynum)((int64_t)date_lo(d) + n));
}

struct date date_add_years(struct date d, int n, enum date_leap_rule rule)
{
	if (!date_known(d))
		return d;
	int y = d.y + n;
	assert(y >= INT16_MIN && y <= INT16_MAX);
	d.y = (int16_t)y;
	if (d.prec == DATE_DAY && d.m == 2 && d.d == 29 && !date_is_leap(y)) {
		if (rule == DATE_LEAP_MAR1) {
			d.m = 3;
			d.d = 1;
		} else {
			d.d = 28;
		}
	}
	return d;
}

/* The day on which k whole months have passed since a.  When the
 * anniversary day does not exist in the target month (Jan 31 -> Feb, Feb 29
 * -> a common year) the month is complete only when that day has been
 * passed, i.e. on the 1st of the next month.  This is the DATE_LEAP_MAR1
 * reading of `date.bar_end`, so that span(a, b).y >= N exactly when
 * b >= date_add_years(a, N, DATE_LEAP_MAR1). */
static int64_t month_anniversary(int y, int m, int d, int64_t k)
{
	int64_t idx = (int64_t)y * 12 + (m - 1) + k;
	int64_t ty = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
	int tm = (int)(idx - ty * 12) + 1;
	int dim = date_days_in_month((int)ty, tm);
	if (d > dim)
		return days_from_civil(ty, tm, dim) + 1;
	return days_from_civil(ty, tm, d);
}

struct date_span date_span(struct date a, struct date b)
{
	daynum na = date_lo(a), nb = date_lo(b);

	if (na > nb) {
		struct date_span s = date_span(b, a);
		return (struct date_span){-s.y, -s.m, -s.d};
	}
	int ay, am, ad, by, bm, bd;
	civil_from_days(na, &ay, &am, &ad);
	civil_from_days(nb, &by, &bm, &bd);

	/* At most one month too many: the anniversary in b's month is either
	 * on or before b, or after it, in which case the previous one is. */
	int64_t k = ((int64_t)by - ay) * 12 + (bm - am);
	int64_t at = month_anniversary(ay, am, ad, k);
	if (at > nb)
		at = month_anniversary(ay, am, ad, --k);
	return (struct date_span){(int)(k / 12), (int)(k % 12),
				  (int)(nb - at)};
}

int32_t date_diff(struct date a, struct date b)
{
	return date_lo(b) - date_lo(a);
}

/* Absent dates sort after every known one, so a sorted list of events ends
 * with the undated ones. */
int date_cmp(struct date a, struct date b)
{
	if (!date_known(a) || !date_known(b))
		return date_known(b) - date_known(a);
	daynum la = date_lo(a), lb = date_lo(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	/* Same first day: the finer date (higher prec) comes first. */
	return (b.prec > a.prec) - (b.prec < a.prec);
}

/* ---- formatting and today ------------------------------------------------ */

/* Two digits of v (0..99) at p. */
static char *two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

char *date_format(struct date d, char buf[DATE_BUFSZ])
{
	/* by hand, not snprintf: `assess --json` prints millions of dates.
	 * "% 100u" changes nothing for a valid date and keeps the text within
	 * DATE_BUFSZ for any other. */
	unsigned m = (unsigned char)d.m % 100u, day = (unsigned char)d.d % 100u;
	char *p = buf;

	if (d.prec != DATE_YEAR && d.prec != DATE_MONTH && d.prec != DATE_DAY) {
		buf[0] = '\0';
		return buf;
	}
	if (d.y >= 0 && d.y <= 9999) {
		p = two(p, (unsigned)d.y / 100);
		p = two(p, (unsigned)d.y % 100);
	} else {
		p += snprintf(buf, DATE_BUFSZ - 6, "%04d", d.y);
	}
	if (d.prec != DATE_YEAR) {
		*p++ = '-';
		p = two(p, m);
	}
	if (d.prec == DATE_DAY) {
		*p++ = '-';
		p = two(p, day);
	}
	*p = '\0';
	return buf;
}

struct date date_today(void)
{
	const char *env = getenv("CASEWALK_TODAY");
	struct date d;
	const char *err;

	if (env && date_parse(env, strlen(env), &d, &err) && date_exact(d))
		return d;
	/* The user's day, not UTC's: in the evening west of Greenwich the
	 * UTC date is already tomorrow. */
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm) && date_valid_ymd(tm.tm_year + 1900,
						   tm.tm_mon + 1, tm.tm_mday))
		return date_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
				     tm.tm_mday);
	/* POSIX time has no leap seconds: whole days since the epoch. */
	int64_t s = (int64_t)t;
	int64_t days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
	return date_from_days((daynum)days);
}
