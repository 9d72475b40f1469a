#define _POSIX_C_SOURCE 200809L
/* test_date.c - unit tests for date.c.
 *
 * One test per convention of legal-reference.md section 0, named after it,
 * using the worked examples of section 7.  Every expected value was worked
 * out by hand from the spec (the arithmetic is in the comments), not taken
 * from the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "rules.h"

/* The legal holidays are data (config/rules.yaml, holidays): the built-in
 * rules' table, loaded once. */
static struct rules rules;

static bool date_is_federal_holiday(daynum n)
{
	return holidays_is_holiday(&rules.holidays, n);
}

static daynum date_next_business_day(daynum n)
{
	return holidays_next_business_day(&rules.holidays, n);
}

static int load_rules(void **state)
{
	struct diag_list d = { 0 };
	(void)state;
	int bad = rules_load_default(&rules, &d);
	diag_free(&d);
	return bad;
}

static int free_rules(void **state)
{
	(void)state;
	rules_free(&rules);
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static struct date D(const char *s)
{
	struct date d;
	const char *err = NULL;
	if (!date_parse(s, strlen(s), &d, &err))
		fail_msg("bad test date %s: %s", s, err);
	return d;
}

static daynum N(const char *s)
{
	return date_days(D(s));
}

#define assert_date(d, s) do { \
	char buf_[DATE_BUFSZ]; \
	assert_string_equal(date_format((d), buf_), (s)); \
} while (0)

#define assert_span(a, b, yy, mm, dd) do { \
	struct date_span sp_ = date_span(D(a), D(b)); \
	assert_int_equal(sp_.y, (yy)); \
	assert_int_equal(sp_.m, (mm)); \
	assert_int_equal(sp_.d, (dd)); \
} while (0)

/* Days from a up to, not including, b: how every UP count is taken. */
static int days_before(const char *a, const char *b)
{
	return date_diff(D(a), D(b));
}

static bool contains_feb29(daynum first, daynum last)
{
	for (daynum n = first; n <= last; n++) {
		struct date d = date_from_days(n);
		if (d.m == 2 && d.d == 29)
			return true;
	}
	return false;
}

/* ---- section 0 conventions ---------------------------------------------- */

/* date.bar_end: last barred day = same month/day N years after D. */
static void test_date_bar_end_e02(void **state)
{
	(void)state;
	/* E02: departs 2009-12-29, 3-year bar through 2012-12-29. */
	struct date last = date_add_years(D("2009-12-29"), 3, DATE_LEAP_MAR1);
	assert_date(last, "2012-12-29");
	assert_date(date_add_days(last, 1), "2012-12-30");      /* first clear */
}

static void test_date_bar_end_examples(void **state)
{
	(void)state;
	/* E03, E05, E06a, E09, E10, E11, E12, E17: "through" dates. */
	assert_date(date_add_years(D("2010-03-01"), 10, DATE_LEAP_MAR1), "2020-03-01");
	assert_date(date_add_years(D("2010-03-16"), 10, DATE_LEAP_MAR1), "2020-03-16");
	assert_date(date_add_years(D("2010-05-04"), 10, DATE_LEAP_MAR1), "2020-05-04");
	assert_date(date_add_years(D("2012-06-15"), 10, DATE_LEAP_MAR1), "2022-06-15");
	assert_date(date_add_years(D("2011-07-01"), 10, DATE_LEAP_MAR1), "2021-07-01");
	assert_date(date_add_years(D("2011-07-01"), 5, DATE_LEAP_MAR1), "2016-07-01");
	assert_date(date_add_years(D("2010-07-25"), 20, DATE_LEAP_MAR1), "2030-07-25");
	assert_date(date_add_years(D("2010-10-05"), 5, DATE_LEAP_MAR1), "2015-10-05");
	assert_date(date_add_years(D("2011-09-12"), 10, DATE_LEAP_MAR1), "2021-09-12");
	/* E03 alternative: leaving 2010-02-28 gives a 3-year bar to 2013-02-28. */
	assert_date(date_add_years(D("2010-02-28"), 3, DATE_LEAP_MAR1), "2013-02-28");
}

/* Leap-day check of section 7: Feb 29 into a common year -> Mar 1. */
static void test_date_bar_end_leap_day(void **state)
{
	(void)state;
	assert_date(date_add_years(D("2012-02-29"), 3, DATE_LEAP_MAR1), "2015-03-01");
	assert_date(date_add_years(D("2012-02-29"), 10, DATE_LEAP_MAR1), "2022-03-01");
	/* Into a leap year Feb 29 stays. */
	assert_date(date_add_years(D("2012-02-29"), 4, DATE_LEAP_MAR1), "2016-02-29");
	assert_date(date_add_years(D("2012-02-29"), 88, DATE_LEAP_MAR1), "2100-03-01");
}

/* E11, (9)(C)(ii): first possible day = last departure + 10 years + 1 day. */
static void test_date_bar_end_9c_consent_e11(void **state)
{
	(void)state;
	struct date d = date_add_years(D("2010-07-25"), 10, DATE_LEAP_MAR1);
	assert_date(date_add_days(d, 1), "2020-07-26");
}

/* date.up_start_overstay: UP starts the day after the "admit until" date. */
static void test_date_up_start_overstay(void **state)
{
	(void)state;
	assert_date(date_add_days(D("2009-06-30"), 1), "2009-07-01");  /* E01 */
	assert_date(date_add_days(D("2009-02-28"), 1), "2009-03-01");  /* E03 */
	assert_date(date_add_days(D("2010-02-28"), 1), "2010-03-01");  /* E16 */
	assert_date(date_add_days(D("2005-07-09"), 1), "2005-07-10");  /* E09 */
	assert_date(date_add_days(D("2008-02-28"), 1), "2008-02-29");
	assert_date(date_add_days(D("2009-12-31"), 1), "2010-01-01");
}

static struct date latest(struct date a, struct date b)
{
	return date_cmp(a, b) >= 0 ? a : b;
}

/* date.up_start_ewi: latest of entry, 1997-04-01 and the 18th birthday. */
static void test_date_up_start_ewi(void **state)
{
	(void)state;
	struct date iirira = D("1997-04-01");

	/* E04: born 1991-01-15, EWI 2003-05-10 -> 18 on 2009-01-15. */
	struct date adult = date_add_years(D("1991-01-15"), 18, DATE_LEAP_MAR1);
	assert_date(adult, "2009-01-15");
	assert_date(latest(latest(D("2003-05-10"), iirira), adult), "2009-01-15");
	/* E06: adult EWI 1999-08-20 -> the entry day. */
	assert_date(latest(D("1999-08-20"), iirira), "1999-08-20");
	/* Entry before IIRIRA took effect -> 1997-04-01. */
	assert_date(latest(D("1995-06-01"), iirira), "1997-04-01");
	/* E04 count: 2009-01-15 .. 2009-07-10 = 17+28+31+30+31+30+9 = 176. */
	assert_int_equal(days_before("2009-01-15", "2009-07-10"), 176);
}

/* date.up_9c: all UP since 1997-04-01, added across stays. */
static void test_date_up_9c_e04(void **state)
{
	(void)state;
	/* E04: 2003-05-10 .. 2009-07-10: six years with Feb 29 of 2004 and
	 * 2008 = 2192, plus May 10 .. Jul 10 = 61 -> 2253. */
	assert_int_equal(days_before("2003-05-10", "2009-07-10"), 2253);
	/* Presence before 1997-04-01 is not counted: from 1995 to 1998-04-01
	 * only 1997-04-01 .. 1998-04-01 = 365 days count. */
	struct date from = latest(D("1995-01-01"), D("1997-04-01"));
	assert_int_equal(date_diff(from, D("1998-04-01")), 365);
}

/* date.more_than_one_year: 366 or more; 366 over a Feb 29 is borderline. */
static void test_date_more_than_one_year(void **state)
{
	(void)state;
	/* 1997-04-01 .. 1998-04-02 = 366, no Feb 29: clearly more. */
	assert_int_equal(days_before("1997-04-01", "1998-04-02"), 366);
	assert_false(contains_feb29(N("1997-04-01"), N("1998-04-01")));
	/* 2011-03-01 .. 2012-03-01 = 366 and contains 2012-02-29: borderline. */
	assert_int_equal(days_before("2011-03-01", "2012-03-01"), 366);
	assert_true(contains_feb29(N("2011-03-01"), N("2012-02-29")));
	/* E05: 745 UP days is more than one year on any reading. */
	assert_true(days_before("2008-03-01", "2010-03-16") >= 367);
}

/* date.period_end: last day in force = S + N years - 1 day. */
static void test_date_period_end_e09(void **state)
{
	(void)state;
	/* §240B(d): S = day after the VD deadline 2010-04-02. */
	struct date s = date_add_days(D("2010-04-02"), 1);
	assert_date(s, "2010-04-03");
	struct date last = date_add_days(date_add_years(s, 10, DATE_LEAP_MAR1), -1);
	assert_date(last, "2020-04-02");
	/* The VD deadline itself: grant 2010-02-01 + 60 days = 2010-04-02
	 * (27 days left in Feb + 31 in Mar = 58, so day 60 is Apr 2). */
	assert_date(date_add_days(D("2010-02-01"), 60), "2010-04-02");
}

static void test_date_period_end_e10(void **state)
{
	(void)state;
	/* §240(b)(7): last day = order date + N years, i.e. S is the day
	 * after the order: 2010-03-16 + 10 y - 1 d = 2020-03-15. */
	struct date s = date_add_days(D("2010-03-15"), 1);
	struct date last = date_add_days(date_add_years(s, 10, DATE_LEAP_MAR1), -1);
	assert_date(last, "2020-03-15");
	assert_date(date_add_years(D("2010-03-15"), 10, DATE_LEAP_MAR1), "2020-03-15");
}

/* date.deadline: anchor is day 0; weekend/holiday -> next business day. */
static void test_date_deadline_e10(void **state)
{
	(void)state;
	/* 2010-03-15 + 180: 16 (rest of Mar) + 30 + 31 + 30 + 31 + 31 = 169
	 * at Aug 31, so day 180 is Sep 11, a Saturday -> Monday Sep 13. */
	struct date day180 = date_add_days(D("2010-03-15"), 180);
	assert_date(day180, "2010-09-11");
	assert_int_equal(date_weekday(date_days(day180)), 5);
	assert_int_equal(date_next_business_day(date_days(day180)), N("2010-09-13"));
}

static void test_date_deadline_asylum_e16(void **state)
{
	(void)state;
	/* Arrival 2009-09-01 + 1 year = 2010-09-01, a Wednesday: unchanged. */
	struct date d = date_add_years(D("2009-09-01"), 1, DATE_LEAP_FEB28);
	assert_date(d, "2010-09-01");
	assert_int_equal(date_weekday(date_days(d)), 2);
	assert_int_equal(date_next_business_day(date_days(d)), N("2010-09-01"));
	/* Filed 2010-08-25: on time. */
	assert_true(date_cmp(D("2010-08-25"), d) <= 0);
}

static void test_date_deadline_leap_anchor(void **state)
{
	(void)state;
	/* A Feb 29 anchor in a common year gives Feb 28 (a Thursday in 2013). */
	struct date d = date_add_years(D("2012-02-29"), 1, DATE_LEAP_FEB28);
	assert_date(d, "2013-02-28");
	assert_int_equal(date_next_business_day(date_days(d)), N("2013-02-28"));
}

static void test_date_deadline_holiday(void **state)
{
	(void)state;
	/* 2010-07-05 is the observed Independence Day -> Tuesday Jul 6. */
	assert_int_equal(date_next_business_day(N("2010-07-05")), N("2010-07-06"));
	/* Sat 2010-07-03 -> skip Sun 4 and observed Mon 5 -> Jul 6. */
	assert_int_equal(date_next_business_day(N("2010-07-03")), N("2010-07-06"));
	/* Fri 2010-12-31 is the observed New Year's Day of 2011 (a Saturday)
	 * -> Monday 2011-01-03. */
	assert_int_equal(date_next_business_day(N("2010-12-31")), N("2011-01-03"));
	/* Thanksgiving Thursday 2010-11-25 -> Friday 26 (not a holiday). */
	assert_int_equal(date_next_business_day(N("2010-11-25")), N("2010-11-26"));
}

/* date.duration: entry day counts, period ends the day before the event,
 * N years complete on the Nth anniversary, y/m/d = calendar difference. */
static void test_date_duration_spans(void **state)
{
	(void)state;
	assert_span("2001-02-10", "2010-06-01", 9, 3, 22);      /* E07 */
	assert_span("2003-06-01", "2010-04-20", 6, 10, 19);     /* E08 */
	assert_span("1999-08-20", "2010-05-04", 10, 8, 14);     /* E06b */
	assert_span("1998-01-15", "2010-02-01", 12, 0, 17);     /* E14 */
	assert_span("1999-04-01", "2010-09-01", 11, 5, 0);      /* E15 */
	assert_span("2005-01-10", "2009-04-01", 4, 2, 22);      /* E09 */
	assert_span("2009-09-01", "2010-10-15", 1, 1, 14);      /* E16 */
	assert_span("2010-05-04", "2010-05-04", 0, 0, 0);
}

static void test_date_duration_anniversary(void **state)
{
	(void)state;
	/* E07 under Niz-Chavez: 10 years on 2011-02-10, not the day before
	 * (2001-02-10 + 9 y 11 m = 2011-01-10, + 30 d = 2011-02-09). */
	assert_span("2001-02-10", "2011-02-10", 10, 0, 0);
	assert_span("2001-02-10", "2011-02-09", 9, 11, 30);
	/* E08: the 7-year mark of an admission on 2003-06-01 was 2010-06-01. */
	assert_span("2003-06-01", "2010-06-01", 7, 0, 0);
	assert_span("2003-06-01", "2010-05-31", 6, 11, 30);
	/* E08 without the offense: NTA 2011-03-01 gives 7 y 9 m. */
	assert_span("2003-06-01", "2011-03-01", 7, 9, 0);
}

/* Where the start day has no anniversary in the target month, the month (or
 * year) completes when that day has passed: the Mar 1 reading. */
static void test_date_duration_month_end(void **state)
{
	(void)state;
	assert_span("2008-02-29", "2009-02-28", 0, 11, 30);
	assert_span("2008-02-29", "2009-03-01", 1, 0, 0);
	assert_span("2008-02-29", "2012-02-29", 4, 0, 0);
	assert_span("2010-01-31", "2010-02-28", 0, 0, 28);
	assert_span("2010-01-31", "2010-03-01", 0, 1, 0);
	assert_span("2010-01-31", "2010-03-31", 0, 2, 0);
	assert_span("2009-12-31", "2010-01-01", 0, 0, 1);
}

/* The span agrees with date_add_years(MAR1) on when N years are complete. */
static void test_date_duration_span_matches_add_years(void **state)
{
	(void)state;
	const char *starts[] = {"2008-02-29", "2001-02-10", "2010-01-31",
				"1999-12-31", "2004-03-01"};
	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		struct date a = D(starts[i]);
		daynum ten = date_days(date_add_years(a, 10, DATE_LEAP_MAR1));
		for (daynum n = ten - 400; n <= ten + 400; n++) {
			struct date_span s = date_span(a, date_from_days(n));
			assert_int_equal(s.y >= 10, n >= ten);
			assert_true(s.m >= 0 && s.m < 12 && s.d >= 0 && s.d < 31);
		}
	}
}

/* date.absence: days strictly between departure and return. */
static void test_date_absence(void **state)
{
	(void)state;
	/* 2009-06-01 .. 2009-12-01: 30+31+31+30+31+30 = 183 apart, so 182
	 * days strictly between. */
	assert_int_equal(days_before("2009-06-01", "2009-12-01") - 1, 182);
	/* Back the next day: 0 days abroad. */
	assert_int_equal(days_before("2010-01-01", "2010-01-02") - 1, 0);
	/* 90-day edge: 2010-01-01 .. 2010-04-02 = 31+28+31+1 = 91 apart. */
	assert_int_equal(days_before("2010-01-01", "2010-04-02") - 1, 90);
}

/* date.borderline: 180/181, 364/365, 365/366 edges. */
static void test_date_borderline(void **state)
{
	(void)state;
	/* E01/E02: one day of departure moves 180 to 181. */
	assert_int_equal(days_before("2009-07-01", "2009-12-28"), 180);
	assert_int_equal(days_before("2009-07-01", "2009-12-29"), 181);
	/* E03: 364 if she had left 2010-02-28, 365 leaving 2010-03-01. */
	assert_int_equal(days_before("2009-03-01", "2010-02-28"), 364);
	assert_int_equal(days_before("2009-03-01", "2010-03-01"), 365);
	/* 2011-03-01 .. 2012-02-29 exclusive = 365 with Feb 29 in the
	 * calendar year: the strict reading needs 366. */
	assert_int_equal(days_before("2011-03-01", "2012-02-29"), 365);
	assert_int_equal(days_before("2011-03-01", "2012-03-01"), 366);
	assert_true(contains_feb29(N("2011-03-01"), N("2012-02-29")));
}

/* date.up_end: the departure day is not counted. */
static void test_date_up_end_e01(void **state)
{
	(void)state;
	/* 2009-07-01 .. 2009-12-27 inclusive: 31+31+30+31+30 = 153 to Dec 1,
	 * plus 27 = 180. */
	assert_int_equal(days_before("2009-07-01", "2009-12-28"), 180);
	assert_int_equal(date_diff(D("2009-07-01"), D("2009-12-27")) + 1, 180);
}

static void test_date_up_end_examples(void **state)
{
	(void)state;
	/* E05: 2008-03-01 .. 2010-03-01 = 2 * 365 (no Feb 29 in between),
	 * + 15 = 745. */
	assert_int_equal(days_before("2008-03-01", "2010-03-16"), 745);
	/* E06a: 1999-08-20 + 10 y (Feb 29 of 2000, 2004, 2008) = 3653,
	 * + 243 to 2010-04-20, + 14 = 3910. */
	assert_int_equal(days_before("1999-08-20", "2010-05-04"), 3910);
	/* E09: UP from 2005-07-10 to the VD grant 2010-02-01: five years to
	 * 2010-07-10 with Feb 29 2008 = 1826, less 159 = 1667. */
	assert_int_equal(days_before("2005-07-10", "2010-02-01"), 1667);
	/* E16: 2010-03-01 .. 2010-08-24 = 153 + 24 = 177. */
	assert_int_equal(days_before("2010-03-01", "2010-08-25"), 177);
	/* E17 Samuel: 2004-07-04 .. 2011-09-12 = 2556 + 62 + 8 = 2626. */
	assert_int_equal(days_before("2004-07-04", "2011-09-12"), 2626);
}

/* date.more_than_180: 181 or more; exactly 180 triggers nothing. */
static void test_date_more_than_180(void **state)
{
	(void)state;
	assert_false(days_before("2009-07-01", "2009-12-28") > 180);   /* E01 */
	assert_true(days_before("2009-07-01", "2009-12-29") > 180);    /* E02 */
	assert_false(days_before("2009-01-15", "2009-07-10") > 180);   /* E04 */
}

/* date.one_year: >= 365 UP days. */
static void test_date_one_year_e03(void **state)
{
	(void)state;
	int up = days_before("2009-03-01", "2010-03-01");
	assert_int_equal(up, 365);
	assert_true(up >= 365);
	/* Her UP period 2009-03-01 .. 2010-02-28 holds no Feb 29: not
	 * borderline. */
	assert_false(contains_feb29(N("2009-03-01"), N("2010-02-28")));
}

/* date.single_stay: (9)(B) counts one stay; (9)(C) adds stays. */
static void test_date_single_stay(void **state)
{
	(void)state;
	/* Two stays of 2009-01-01 .. 2009-06-01 (151) and 2010-01-01 ..
	 * 2010-06-01 (151): neither is more than 180, together 302. */
	int a = days_before("2009-01-01", "2009-06-01");
	int b = days_before("2010-01-01", "2010-06-01");
	assert_int_equal(a, 151);
	assert_int_equal(b, 151);
	assert_false(a > 180 || b > 180);
	assert_int_equal(a + b, 302);
}

/* date.bar_runs_inside_us: the rule changed in June 2022, a date known to
 * the month.  A 2010 view is before it; a day in June 2022 is uncertain. */
static void test_date_bar_runs_inside_us(void **state)
{
	(void)state;
	struct date guidance = D("2022-06");
	assert_true(N("2010-05-04") < date_lo(guidance));
	assert_true(N("2022-06-15") >= date_lo(guidance));
	assert_true(N("2022-06-15") <= date_hi(guidance));
	assert_true(N("2023-01-01") > date_hi(guidance));
	/* E02's bar ends on the same day either way. */
	assert_date(date_add_years(D("2009-12-29"), 3, DATE_LEAP_MAR1), "2012-12-29");
}

/* ---- parsing -------------------------------------------------------------- */

static void expect_parse_error(const char *s, const char *want)
{
	struct date d = D("2000-01-01");
	const char *err = NULL;
	assert_false(date_parse(s, strlen(s), &d, &err));
	assert_non_null(err);
	assert_string_equal(err, want);
	assert_int_equal(d.prec, DATE_NONE);
}

static const char SHAPE[] = "expected a date as YYYY-MM-DD, YYYY-MM or YYYY";

static void test_date_parse_ok(void **state)
{
	(void)state;
	struct date d;
	const char *err = NULL;

	assert_true(date_parse("2012-02-29", 10, &d, &err));
	assert_int_equal(d.y, 2012);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 29);
	assert_int_equal(d.prec, DATE_DAY);
	assert_true(date_parse("2010-02", 7, &d, &err));
	assert_int_equal(d.prec, DATE_MONTH);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 0);
	assert_true(date_parse("2010", 4, &d, &err));
	assert_int_equal(d.prec, DATE_YEAR);
	assert_int_equal(d.m, 0);
	assert_true(date_parse("1000-01-01", 10, &d, &err));
	assert_true(date_parse("9999-12-31", 10, &d, &err));
	/* len bounds the input: what follows is not read. */
	assert_true(date_parse("2010-05-04T00:00", 10, &d, &err));
	assert_date(d, "2010-05-04");
}

static void test_date_parse_calendar_errors(void **state)
{
	(void)state;
	expect_parse_error("2011-02-30", "day out of range for the month");
	expect_parse_error("2010-02-29", "day out of range for the month");
	expect_parse_error("2010-04-31", "day out of range for the month");
	expect_parse_error("2010-01-00", "day out of range for the month");
	expect_parse_error("2100-02-29", "day out of range for the month");
	expect_parse_error("2010-13-01", "month out of range (01..12)");
	expect_parse_error("2010-00", "month out of range (01..12)");
	expect_parse_error("0999", "year out of range (1000..9999)");
	expect_parse_error("0000-01-01", "year out of range (1000..9999)");
}

static void test_date_parse_shape_errors(void **state)
{
	(void)state;
	const char *bad[] = {
		"2010-1-1", "20100101", "2010-01-1", "2010-1", "201", "10000",
		"", " 2010", "2010 ", "+2010", "-2010", "2010/01/01",
		"2010-01-01x", "2010-01-01 ", "2010--01-1", "201O", "2010-0a",
		"2010-01-+1", "２０１０",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_parse_error(bad[i], SHAPE);
	/* No string at all, and an err pointer we may not write. */
	struct date d;
	assert_false(date_parse(NULL, 0, &d, NULL));
	assert_false(date_parse("2010-13", 7, &d, NULL));
}

/* ---- precision ------------------------------------------------------------ */

static void test_date_precision_lo_hi(void **state)
{
	(void)state;
	struct date m = D("2010-02");
	assert_int_equal(date_lo(m), N("2010-02-01"));
	assert_int_equal(date_hi(m), N("2010-02-28"));
	assert_int_equal(date_days(m), N("2010-02-01"));
	assert_int_equal(date_hi(D("2012-02")), N("2012-02-29"));
	assert_int_equal(date_lo(D("2012")), N("2012-01-01"));
	assert_int_equal(date_hi(D("2012")), N("2012-12-31"));
	assert_int_equal(date_lo(D("2012-07-04")), date_hi(D("2012-07-04")));
	assert_false(date_exact(m));
	assert_true(date_known(m));
	assert_false(date_known(DATE_NONE_INIT));
}

static void test_date_precision_arithmetic(void **state)
{
	(void)state;
	/* add_years keeps precision; add_days takes the lo day. */
	struct date y = date_add_years(D("2010-02"), 10, DATE_LEAP_MAR1);
	assert_int_equal(y.prec, DATE_MONTH);
	assert_date(y, "2020-02");
	assert_date(date_add_years(D("2012"), 3, DATE_LEAP_MAR1), "2015");
	assert_date(date_add_days(D("2010-02"), 0), "2010-02-01");
	assert_date(date_add_days(D("2010"), 31), "2010-02-01");
	assert_int_equal(date_add_days(DATE_NONE_INIT, 5).prec, DATE_NONE);
	assert_int_equal(date_diff(D("2010"), D("2010-02")), 31);
}

/* ---- calendar ------------------------------------------------------------- */

static void test_date_calendar_basics(void **state)
{
	(void)state;
	assert_int_equal(N("1970-01-01"), 0);
	assert_int_equal(N("1970-01-02"), 1);
	assert_int_equal(N("1969-12-31"), -1);
	/* 30 years with 7 leap days (1972..1996) = 10957. */
	assert_int_equal(N("2000-01-01"), 10957);
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2012));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2010));
	assert_int_equal(date_days_in_month(2012, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2010, 4), 30);
	assert_int_equal(date_days_in_month(2010, 13), 0);
	assert_true(date_valid_ymd(2012, 2, 29));
	assert_false(date_valid_ymd(2011, 2, 29));
	assert_false(date_valid_ymd(2011, 0, 1));
	assert_false(date_valid_ymd(2011, 12, 32));
}

static void test_date_round_trip(void **state)
{
	(void)state;
	/* Every day from 1000-01-01 to 9999-12-31 maps back to itself and
	 * follows the previous one. */
	daynum first = N("1000-01-01"), last = N("9999-12-31");
	struct date prev = date_from_days(first - 1);
	assert_date(prev, "0999-12-31");
	for (daynum n = first; n <= last; n++) {
		struct date d = date_from_days(n);
		assert_int_equal(date_days(d), n);
		assert_true(date_valid_ymd(d.y, d.m, d.d));
		if (d.d == 1)
			assert_int_equal(prev.d, date_days_in_month(prev.y, prev.m));
		else
			assert_int_equal(d.d, prev.d + 1);
		prev = d;
	}
}

static void test_date_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(N("1970-01-01")), 3);     /* Thursday */
	assert_int_equal(date_weekday(N("1969-12-31")), 2);     /* Wednesday */
	assert_int_equal(date_weekday(N("2000-01-01")), 5);     /* Saturday */
	assert_int_equal(date_weekday(N("2010-09-11")), 5);     /* E10 */
	assert_int_equal(date_weekday(N("2010-09-13")), 0);     /* Monday */
	assert_int_equal(date_weekday(N("2010-07-04")), 6);     /* Sunday */
	assert_int_equal(date_weekday(N("2012-02-29")), 2);
	assert_int_equal(date_weekday(N("1776-07-04")), 3);     /* Thursday */
}

static void test_date_federal_holidays(void **state)
{
	(void)state;
	const char *yes[] = {
		"2010-01-01",   /* New Year's Day (Friday) */
		"2010-01-18",   /* MLK: third Monday */
		"2010-02-15",   /* Washington's Birthday */
		"2010-05-31",   /* Memorial Day: last Monday */
		"2010-07-05",   /* July 4 2010 was a Sunday */
		"2010-07-04",   /* the day itself */
		"2010-09-06",   /* Labor Day */
		"2010-10-11",   /* Columbus Day */
		"2010-11-11",   /* Veterans Day (Thursday) */
		"2010-11-25",   /* Thanksgiving: fourth Thursday */
		"2010-12-24",   /* Christmas 2010 was a Saturday */
		"2010-12-31",   /* New Year's Day 2011 was a Saturday */
		"2012-11-12",   /* Veterans Day 2012 was a Sunday */
		"2021-06-18",   /* Juneteenth 2021 was a Saturday */
		"2022-06-20",   /* Juneteenth 2022 was a Sunday */
		"2023-06-19",
		"1975-10-27",   /* Veterans Day 1971-1977: fourth Monday Oct */
	};
	const char *no[] = {
		"2010-07-06", "2010-11-26", "2010-12-27", "2011-01-03",
		"2020-06-19",   /* Juneteenth not yet a federal holiday */
		"1985-01-21",   /* MLK Day first observed 1986 */
		"1975-11-11", "2010-03-15", "2010-09-13",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!date_is_federal_holiday(N(yes[i])))
			fail_msg("%s should be a federal holiday", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (date_is_federal_holiday(N(no[i])))
			fail_msg("%s should not be a federal holiday", no[i]);
}

static void test_date_next_business_day(void **state)
{
	(void)state;
	assert_int_equal(date_next_business_day(N("2010-09-13")), N("2010-09-13"));
	assert_int_equal(date_next_business_day(N("2010-09-12")), N("2010-09-13"));
	/* Sat Sep 4 2010 -> Sun 5 -> Labor Day Mon 6 -> Tue 7. */
	assert_int_equal(date_next_business_day(N("2010-09-04")), N("2010-09-07"));
	/* Juneteenth 2021 Saturday: Fri 18 observed -> Mon 21. */
	assert_int_equal(date_next_business_day(N("2021-06-18")), N("2021-06-21"));
	/* Christmas 2010 on Saturday: Fri 24 observed -> Mon 27. */
	assert_int_equal(date_next_business_day(N("2010-12-24")), N("2010-12-27"));
}

/* ---- ordering, formatting, today ------------------------------------------- */

static void test_date_cmp_precision(void **state)
{
	(void)state;
	/* Same first day: the finer date first. */
	assert_true(date_cmp(D("2010-01-01"), D("2010-01")) < 0);
	assert_true(date_cmp(D("2010-01"), D("2010")) < 0);
	assert_true(date_cmp(D("2010-01-01"), D("2010")) < 0);
	assert_true(date_cmp(D("2010"), D("2010-01-01")) > 0);
	/* Otherwise by first day. */
	assert_true(date_cmp(D("2009-12-31"), D("2010")) < 0);
	assert_true(date_cmp(D("2010-01-31"), D("2010-02")) < 0);
	assert_true(date_cmp(D("2010-02"), D("2010-01-31")) > 0);
	assert_true(date_cmp(D("2010"), D("2010-01-02")) < 0);
	assert_int_equal(date_cmp(D("2010-05-04"), D("2010-05-04")), 0);
	assert_int_equal(date_cmp(D("2010-05"), D("2010-05")), 0);
	/* Absent dates sort last. */
	assert_true(date_cmp(DATE_NONE_INIT, D("9999-12-31")) > 0);
	assert_true(date_cmp(D("1000"), DATE_NONE_INIT) < 0);
	assert_int_equal(date_cmp(DATE_NONE_INIT, DATE_NONE_INIT), 0);
}

static void test_date_format(void **state)
{
	(void)state;
	char buf[DATE_BUFSZ];
	assert_string_equal(date_format(D("2010"), buf), "2010");
	assert_string_equal(date_format(D("2010-02"), buf), "2010-02");
	assert_string_equal(date_format(D("2010-02-01"), buf), "2010-02-01");
	assert_string_equal(date_format(DATE_NONE_INIT, buf), "");
	assert_ptr_equal(date_format(D("2010"), buf), buf);
	assert_string_equal(date_format(date_ymd(1000, 1, 1), buf), "1000-01-01");
	assert_string_equal(date_format(date_ymd(9999, 12, 31), buf), "9999-12-31");
	/* by hand for years 0..9999, as printf's %04d beyond */
	struct date odd = { .y = 7, .m = 3, .d = 9, .prec = DATE_DAY };
	assert_string_equal(date_format(odd, buf), "0007-03-09");
	odd.y = -45;
	assert_string_equal(date_format(odd, buf), "-045-03-09");
	odd.y = 32767;
	odd.prec = DATE_MONTH;
	assert_string_equal(date_format(odd, buf), "32767-03");
	odd.prec = 77;          /* not a precision */
	assert_string_equal(date_format(odd, buf), "");
	/* the calendar's ends as constants (assess.c clamps to them) */
	assert_int_equal(date_days(date_ymd(1000, 1, 1)), DATE_DAYS_1000_01_01);
	assert_int_equal(date_days(date_ymd(9999, 12, 31)), DATE_DAYS_9999_12_31);
}

/* Every day from 1850 to 2150, across both ends of date.c's fast path for
 * 1901..2099: each day number follows the last, and converts both ways. */
static void test_date_days_day_by_day(void **state)
{
	(void)state;
	int y = 1850, m = 1, d = 1;
	daynum n = date_days(date_ymd(1850, 1, 1));
	assert_int_equal(date_days(date_ymd(1970, 1, 1)), 0);
	assert_int_equal(date_days(date_ymd(1901, 1, 1)), -25202);
	assert_int_equal(date_days(date_ymd(2100, 1, 1)), 47482);
	assert_int_equal(date_days(date_ymd(2000, 3, 1)) -
			 date_days(date_ymd(2000, 2, 28)), 2);
	assert_int_equal(date_days(date_ymd(1900, 3, 1)) -
			 date_days(date_ymd(1900, 2, 28)), 1);
	assert_int_equal(date_days(date_ymd(2100, 3, 1)) -
			 date_days(date_ymd(2100, 2, 28)), 1);
	while (y < 2151) {
		struct date want = date_ymd(y, m, d);
		struct date got = date_from_days(n);
		if (got.y != y || got.m != m || got.d != d ||
		    date_days(want) != n)
			fail_msg("day %d: %04d-%02d-%02d, got %04d-%02d-%02d "
				 "and %d", n, y, m, d, got.y, got.m, got.d,
				 date_days(want));
		n++;
		if (++d > date_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
}

/* The local date now, from localtime_r, as a day number. */
static daynum local_day(void)
{
	time_t t = time(NULL);
	struct tm tm;
	assert_non_null(localtime_r(&t, &tm));
	return date_days(date_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
				  tm.tm_mday));
}

static void test_date_today(void **state)
{
	(void)state;
	assert_int_equal(setenv("CASEWALK_TODAY", "2010-05-04", 1), 0);
	struct date t = date_today();
	assert_int_equal(t.prec, DATE_DAY);
	assert_date(t, "2010-05-04");

	/* Not a full date: ignored, the clock is used. */
	const char *bad[] = {"2010-05", "2010-02-30", "yesterday", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(setenv("CASEWALK_TODAY", bad[i], 1), 0);
		daynum before = local_day();
		daynum got = date_days(date_today());
		daynum after = local_day();
		assert_true(got >= before && got <= after);
	}
	assert_int_equal(unsetenv("CASEWALK_TODAY"), 0);
	assert_int_equal(date_today().prec, DATE_DAY);
}

/* Today is the local date of TZ, not UTC's (issue 12): UTC-12 and UTC+14
 * are 26 hours apart, so their dates always differ, by one day or two. */
static void test_date_today_local(void **state)
{
	(void)state;
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	assert_int_equal(unsetenv("CASEWALK_TODAY"), 0);
	assert_int_equal(setenv("TZ", "<-12>12", 1), 0);
	tzset();
	daynum w0 = local_day(), west = date_days(date_today()),
	       w1 = local_day();
	assert_true(west >= w0 && west <= w1);
	assert_int_equal(setenv("TZ", "<+14>-14", 1), 0);
	tzset();
	daynum e0 = local_day(), east = date_days(date_today()),
	       e1 = local_day();
	assert_true(east >= e0 && east <= e1);
	assert_true(east - west >= 1 && east - west <= 2);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_days_day_by_day),
		cmocka_unit_test(test_date_bar_end_e02),
		cmocka_unit_test(test_date_bar_end_examples),
		cmocka_unit_test(test_date_bar_end_leap_day),
		cmocka_unit_test(test_date_bar_end_9c_consent_e11),
		cmocka_unit_test(test_date_up_start_overstay),
		cmocka_unit_test(test_date_up_start_ewi),
		cmocka_unit_test(test_date_up_9c_e04),
		cmocka_unit_test(test_date_more_than_one_year),
		cmocka_unit_test(test_date_period_end_e09),
		cmocka_unit_test(test_date_period_end_e10),
		cmocka_unit_test(test_date_deadline_e10),
		cmocka_unit_test(test_date_deadline_asylum_e16),
		cmocka_unit_test(test_date_deadline_leap_anchor),
		cmocka_unit_test(test_date_deadline_holiday),
		cmocka_unit_test(test_date_duration_spans),
		cmocka_unit_test(test_date_duration_anniversary),
		cmocka_unit_test(test_date_duration_month_end),
		cmocka_unit_test(test_date_duration_span_matches_add_years),
		cmocka_unit_test(test_date_absence),
		cmocka_unit_test(test_date_borderline),
		cmocka_unit_test(test_date_up_end_e01),
		cmocka_unit_test(test_date_up_end_examples),
		cmocka_unit_test(test_date_more_than_180),
		cmocka_unit_test(test_date_one_year_e03),
		cmocka_unit_test(test_date_single_stay),
		cmocka_unit_test(test_date_bar_runs_inside_us),
		cmocka_unit_test(test_date_parse_ok),
		cmocka_unit_test(test_date_parse_calendar_errors),
		cmocka_unit_test(test_date_parse_shape_errors),
		cmocka_unit_test(test_date_precision_lo_hi),
		cmocka_unit_test(test_date_precision_arithmetic),
		cmocka_unit_test(test_date_calendar_basics),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_date_weekday),
		cmocka_unit_test(test_date_federal_holidays),
		cmocka_unit_test(test_date_next_business_day),
		cmocka_unit_test(test_date_cmp_precision),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_today),
		cmocka_unit_test(test_date_today_local),
	};
	return cmocka_run_group_tests_name("date", tests, load_rules, free_rules);
}
