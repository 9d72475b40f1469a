/* fuzz_date.c - libFuzzer target for date.h: parsing and arithmetic.
 *
 * The input is parsed as a date string as a whole, then read as a date and
 * offsets: bytes 0..4 a valid date of 1000..9999 (precision, year, month,
 * day), then four little-endian int32 offsets (days, years, a second date's
 * days, a raw day number), each reduced into the range the calendar code
 * supports (the years of struct date's int16_t), and a flag byte.  It traps when a promise of date.h fails:
 *   - date_parse accepts exactly YYYY, YYYY-MM, YYYY-MM-DD of valid dates
 *     in 1000..9999, and date_format gives the text back byte for byte;
 *     a failure sets a message;
 *   - lo <= hi, both inside the date; date_from_days(date_lo(d)) is d's
 *     first day; day numbers and dates convert both ways;
 *   - date_add_days(d, n) then -n comes back; date_diff is n;
 *   - date_add_years keeps month and day but Feb 29, keeps precision, and
 *     comes back with -n unless it moved Feb 29;
 *   - date_span(a, add_years(a, n, MAR1)) is exactly n years, and one day
 *     earlier is n - 1 years and more (date.h's promise); any span, added
 *     back (months by anniversary, then days), reaches b; span(b, a) is
 *     span(a, b) negated; fields are in range;
 *   - date_cmp is antisymmetric and agrees with lo days;
 *   - weekdays advance by one a day; the next business day is a weekday,
 *     not a holiday, within a week, with no business day before it.
 *
 *   tests/fuzz.sh smoke fuzz_date      (builds build-fuzz/fuzz_date)
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fuzz_util.h"
#include "rules.h"

/* The legal holidays are the rules file's (config/rules.yaml): loaded
 * once. */
static const struct holidays *holidays(void)
{
	static struct rules r;
	static bool loaded;
	if (!loaded) {
		struct diag_list d = { 0 };
		if (rules_load_default(&r, &d))
			abort();
		diag_free(&d);
		loaded = true;
	}
	return &r.holidays;
}

/* Offsets are kept to +-4000 years so that every result fits int16_t. */
#define MAX_DAYS (4000 * 366)
#define MAX_YEARS 4000

static int32_t rd32(const uint8_t *p)
{
	return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 |
			 (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static int32_t reduce(int32_t v, int32_t max)
{
	int64_t m = (int64_t)max * 2 + 1;
	int64_t r = ((int64_t)v % m + m) % m;
	return (int32_t)(r - max);
}

static bool same(struct date a, struct date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d && a.prec == b.prec;
}

static void check_parse(const uint8_t *data, size_t size)
{
	struct date d;
	const char *err = NULL;
	if (!date_parse((const char *)data, size, &d, &err)) {
		CHECK(err && err[0]);
		CHECK(d.prec == DATE_NONE);
		return;
	}
	CHECK(size == 4 || size == 7 || size == 10);
	CHECK(d.prec == (size == 4 ? DATE_YEAR : size == 7 ? DATE_MONTH
							  : DATE_DAY));
	CHECK(d.y >= 1000 && d.y <= 9999);
	char buf[DATE_BUFSZ];
	date_format(d, buf);
	CHECK(strlen(buf) == size && !memcmp(buf, data, size));
	struct date back;
	CHECK(date_parse(buf, size, &back, &err) && same(back, d));
}

static void check_one(struct date d)
{
	daynum lo = date_lo(d), hi = date_hi(d);
	CHECK(lo <= hi && date_days(d) == lo);
	struct date first = date_from_days(lo), last = date_from_days(hi);
	CHECK(first.prec == DATE_DAY && first.y == d.y && last.y == d.y);
	if (d.prec >= DATE_MONTH)
		CHECK(first.m == d.m && last.m == d.m);
	else
		CHECK(first.m == 1 && first.d == 1 && last.m == 12 &&
		      last.d == 31);
	if (d.prec == DATE_DAY)
		CHECK(lo == hi && same(first, d));
	else if (d.prec == DATE_MONTH)
		CHECK(first.d == 1 &&
		      last.d == date_days_in_month(d.y, d.m) &&
		      hi - lo + 1 == date_days_in_month(d.y, d.m));
	CHECK(date_lo(date_from_days(hi + 1)) == hi + 1);
	CHECK(date_cmp(d, d) == 0);
	CHECK(date_cmp(d, DATE_NONE_INIT) < 0 && date_cmp(DATE_NONE_INIT, d) > 0);
}

static void check_days(struct date d, int32_t n)
{
	struct date e = date_add_days(d, n);
	CHECK(e.prec == DATE_DAY);
	CHECK(date_lo(e) == date_lo(d) + n);
	CHECK(date_diff(d, e) == n);
	struct date back = date_add_days(e, -n);
	CHECK(date_lo(back) == date_lo(d));
	if (d.prec == DATE_DAY)
		CHECK(same(back, d));
}

static void check_years(struct date d, int32_t n)
{
	for (int rule = DATE_LEAP_MAR1; rule <= DATE_LEAP_FEB28; rule++) {
		struct date e = date_add_years(d, n, rule);
		bool leapday = d.prec == DATE_DAY && d.m == 2 && d.d == 29 &&
			       !date_is_leap(d.y + n);
		CHECK(e.prec == d.prec && e.y == d.y + n);
		if (!leapday) {
			CHECK(e.m == d.m && e.d == d.d);
			CHECK(same(date_add_years(e, -n, rule), d));
		} else if (rule == DATE_LEAP_MAR1) {
			CHECK(e.m == 3 && e.d == 1);
		} else {
			CHECK(e.m == 2 && e.d == 28);
		}
	}
	if (n < 0 || d.prec != DATE_DAY)
		return;
	/* span(a, b).y >= n exactly when b >= add_years(a, n, MAR1) */
	struct date b = date_add_years(d, n, DATE_LEAP_MAR1);
	struct date_span s = date_span(d, b);
	CHECK(s.y == n && s.m == 0 && s.d == 0);
	if (n > 0) {
		s = date_span(d, date_add_days(b, -1));
		CHECK(s.y == n - 1);
	}
}

/* The day on which k whole months have passed since a (date.c's reading:
 * a missing anniversary day completes on the 1st of the next month). */
static daynum months_after(struct date a, int64_t k)
{
	int64_t idx = (int64_t)a.y * 12 + (a.m - 1) + k;
	int64_t y = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
	int m = (int)(idx - y * 12) + 1;
	int dim = date_days_in_month((int)y, m);
	if (a.d > dim) {
		struct date last = {(int16_t)y, (int8_t)m, (int8_t)dim, DATE_DAY};
		return date_lo(last) + 1;
	}
	struct date t = {(int16_t)y, (int8_t)m, a.d, DATE_DAY};
	return date_lo(t);
}

static void check_span(struct date a, struct date b)
{
	struct date_span s = date_span(a, b), r = date_span(b, a);
	CHECK(r.y == -s.y && r.m == -s.m && r.d == -s.d);
	int c = date_cmp(a, b), rc = date_cmp(b, a);
	CHECK((c > 0) == (rc < 0) && (c == 0) == (rc == 0));
	if (date_lo(a) != date_lo(b))
		CHECK((c < 0) == (date_lo(a) < date_lo(b)));
	struct date x = date_from_days(date_lo(a));
	struct date y = date_from_days(date_lo(b));
	if (date_lo(x) > date_lo(y)) {
		struct date t = x;
		x = y;
		y = t;
		s.y = -s.y, s.m = -s.m, s.d = -s.d;
	}
	CHECK(s.y >= 0 && s.m >= 0 && s.m < 12 && s.d >= 0 && s.d < 31);
	daynum at = months_after(x, (int64_t)s.y * 12 + s.m);
	CHECK(at <= date_lo(y) && at + s.d == date_lo(y));
	/* and one month more would be past b */
	CHECK(months_after(x, (int64_t)s.y * 12 + s.m + 1) > date_lo(y));
	CHECK(date_diff(a, b) == date_lo(b) - date_lo(a));
}

static void check_calendar(daynum n)
{
	struct date d = date_from_days(n);
	CHECK(d.prec == DATE_DAY && date_valid_ymd(d.y, d.m, d.d));
	CHECK(date_lo(d) == n);
	int w = date_weekday(n);
	CHECK(w >= 0 && w <= 6 && date_weekday(n + 1) == (w + 1) % 7);
	if (d.y < 1000 || d.y > 9999)
		return;
	const struct holidays *hs = holidays();
	daynum b = holidays_next_business_day(hs, n);
	CHECK(b >= n && b - n <= 7);
	CHECK(date_weekday(b) < 5 && !holidays_is_holiday(hs, b));
	for (daynum k = n; k < b; k++)
		CHECK(date_weekday(k) >= 5 || holidays_is_holiday(hs, k));
	char buf[DATE_BUFSZ];
	struct date back;
	const char *err;
	date_format(d, buf);
	CHECK(date_parse(buf, strlen(buf), &back, &err) && same(back, d));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_parse(data, size);
	if (size < 5 + 16)
		return 0;
	/* a valid date of 1000..9999 at the precision byte 0 picks */
	int y = 1000 + (int)((data[1] | data[2] << 8) % 9000);
	int m = 1 + data[3] % 12;
	int prec = 1 + data[0] % 3;
	struct date d = {(int16_t)y, (int8_t)(prec >= DATE_MONTH ? m : 0),
			 (int8_t)(prec == DATE_DAY ?
				  1 + data[4] % date_days_in_month(y, m) : 0),
			 (uint8_t)prec};
	const uint8_t *p = data + 5;
	int32_t days = reduce(rd32(p), MAX_DAYS);
	int32_t years = reduce(rd32(p + 4), MAX_YEARS);
	int32_t other = reduce(rd32(p + 8), MAX_DAYS);
	int32_t raw = reduce(rd32(p + 12), 3 * MAX_DAYS);
	char buf[DATE_BUFSZ];
	struct date back;
	const char *err;
	date_format(d, buf);
	CHECK(date_parse(buf, strlen(buf), &back, &err) && same(back, d));
	check_one(d);
	check_days(d, days);
	check_years(d, years);
	/* a second date, exact or to the month */
	struct date b = date_add_days(d, other);
	if (size > 21 && data[21] & 1)
		b = (struct date){b.y, b.m, 0, DATE_MONTH};
	check_span(d, b);
	check_span(d, date_add_years(d, years, DATE_LEAP_MAR1));
	check_calendar(raw);
	check_calendar(date_lo(d));
	return 0;
}
