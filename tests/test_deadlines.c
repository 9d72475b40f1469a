/* test_deadlines.c - the dated obligations of a case (deadlines.h), from
 * small inline cases assessed with the built-in rules.
 *
 * Each expected date is worked out by hand: the comment beside it says
 * the arithmetic (the conventions of legal-reference.md section 0).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "deadlines.h"
#include "load.h"
#include "rules.h"
#include "vocab.h"

static struct vocab vocab;
static struct rules rules;
static struct arena arena;
static struct load_file loaded;
static struct assessment as;
static struct deadline_list dl;

static int setup(void **state)
{
	struct diag_list d = { 0 };
	(void)state;
	int bad = vocab_load_default(&vocab, &d) + rules_load_default(&rules, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, &d.v[i]);
	diag_free(&d);
	rules.vocab = &vocab;
	arena_init(&arena, 64 * 1024);
	return bad;
}

static int teardown(void **state)
{
	(void)state;
	load_file_free(&loaded);
	arena_free(&arena);
	rules_free(&rules);
	vocab_free(&vocab);
	return 0;
}

static struct date day(const char *s)
{
	struct date d;
	const char *err;
	assert_true(date_parse(s, strlen(s), &d, &err));
	return d;
}

static daynum dn(const char *s)
{
	return date_lo(day(s));
}

/* Loads the one case of yaml and lists its deadlines as of as_of. */
static void deadlines(const char *yaml, const char *as_of)
{
	struct arena scratch;
	load_file_free(&loaded);
	arena_reset(&arena);
	arena_init(&scratch, 16 * 1024);
	struct load_opts o = { NULL, NULL, day(as_of), NULL };
	load_buffer_opts("t.yaml", 0, yaml, strlen(yaml), &o, &arena, &scratch,
			 &loaded);
	arena_free(&scratch);
	for (size_t i = 0; i < loaded.diags.n; i++)
		diag_print(stderr, &loaded.diags.v[i]);
	assert_int_equal(loaded.n_cases, 1);
	assess_case_taken(&rules, loaded.cases[0], day(as_of), day(as_of), &as,
			  &arena);
	as.c = loaded.cases[0];
	dl = (struct deadline_list){ 0 };
	deadlines_of(&rules, &as, &dl, &arena);
}

/* The k-th deadline of that kind (and rule, unless NULL), or NULL. */
static const struct deadline *find(int kind, const char *rule, int k)
{
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].kind == kind &&
		    (!rule || (dl.v[i].rule && !strcmp(dl.v[i].rule, rule))) &&
		    k-- == 0)
			return &dl.v[i];
	return NULL;
}

/* deadline_uid("E23", a hearing on 2027-02-16, removal_in_absentia) */
#define UID_E23_HEARING "5ad558938c4aeb1e"
#define HEAD "format: casewalk/1\nid: T1\nperson: {name: Test, born: 1980-01-01}\nevents:\n"

/* A scheduled hearing with its time and court; the one held before it
 * is no deadline. */
static void test_scheduled_hearing(void **state)
{
	(void)state;
	deadlines(HEAD
		"  - {date: 2015-03-01, type: entry, manner: without_inspection}\n"
		"  - {date: 2021-05-10, type: nta_served, time_place: true}\n"
		"  - {date: 2021-09-14, type: hearing, kind: master, appeared: true}\n"
		"  - {date: 2027-02-16, type: hearing, kind: individual, scheduled: true, time: \"08:30\", court: \"Houston\"}\n",
		"2026-11-27");
	const struct deadline *d = find(DL_HEARING, NULL, 0);
	assert_non_null(d);
	assert_null(find(DL_HEARING, NULL, 1));
	assert_int_equal(d->day, dn("2027-02-16"));
	assert_int_equal(d->minute, 8 * 60 + 30);
	assert_string_equal(d->court, "Houston");
	assert_int_equal(d->line, 8);
	/* missing it is what gives an order in absentia */
	assert_string_equal(d->rule, "removal_in_absentia");
	assert_string_equal(d->cite, "INA 240(b)(5)(A)");
	/* 2026-11-27 to 2027-02-16: 4 + 31 + 16 = 81 days (Nov 27 -> 30: 3,
	 * then +1 to Dec 1 = 4; December 31; February 16) */
	assert_int_equal(deadline_days_left(d, day("2026-11-27")), 81);
	/* the one-year asylum deadline: 2016-03-01 (after 2015-03-01),
	 * a Tuesday: no roll */
	d = find(DL_ASYLUM, NULL, 0);
	assert_non_null(d);
	assert_int_equal(d->day, dn("2016-03-01"));
	assert_string_equal(d->rule, "asylum_deadline_years");
	assert_string_equal(d->cite, "INA 208(a)(2)(B)");
	/* sorted by day: the asylum deadline first */
	assert_int_equal(dl.v[0].kind, DL_ASYLUM);
	assert_int_equal(dl.v[dl.n - 1].kind, DL_HEARING);
}

/* Voluntary departure: the recorded day is a Saturday (2011-07-09), so
 * the deadline is Monday 2011-07-11, and the note says so. */
static void test_vd_rolled(void **state)
{
	(void)state;
	deadlines(HEAD
		"  - {date: 2005-01-10, type: entry, manner: without_inspection}\n"
		"  - {date: 2010-05-01, type: nta_served, time_place: true}\n"
		"  - {date: 2011-03-11, type: hearing, kind: individual, appeared: true}\n"
		"  - {date: 2011-03-11, type: decision, outcome: voluntary_departure, stage: conclusion, depart_by: 2011-07-09, bond_posted: 2011-03-15}\n",
		"2011-04-01");
	const struct deadline *d = find(DL_DEPART_BY, NULL, 0);
	assert_non_null(d);
	assert_int_equal(d->day, dn("2011-07-11"));
	assert_int_equal(d->line, 8);
	assert_string_equal(d->rule, "vd_failure_to_depart");
	assert_non_null(d->note);
	assert_non_null(strstr(d->note, "recorded as 2011-07-09"));
	/* 2011-04-01 to 2011-07-11: 29 + 31 + 30 + 11 = 101 */
	assert_int_equal(deadline_days_left(d, day("2011-04-01")), 101);
}

/* An in absentia order on 2010-03-15: 180 days later is 2010-09-11, a
 * Saturday, rolled to Monday 2010-09-13; the bars that end are listed
 * on their last day, the permanent one is not. */
static void test_in_absentia(void **state)
{
	(void)state;
	deadlines(HEAD
		"  - {date: 2006-03-04, type: entry, manner: without_inspection}\n"
		"  - {date: 2009-11-10, type: nta_served, time_place: true, oral_notice: true}\n"
		"  - {date: 2010-03-15, type: hearing, kind: master, appeared: false, absence_reason: none}\n"
		"  - {date: 2010-03-15, type: decision, outcome: in_absentia_order}\n",
		"2010-04-01");
	const struct deadline *d = find(DL_REOPEN, NULL, 0);
	assert_non_null(d);
	assert_int_equal(d->day, dn("2010-09-13"));
	assert_string_equal(d->rule, "reopen_in_absentia_days");
	assert_int_equal(deadline_days_left(d, day("2010-04-01")), 165);
	/* 240(b)(7): ten years from the order, last day 2020-03-15 */
	d = find(DL_BAR_ENDS, "in_absentia_relief_bar", 0);
	assert_non_null(d);
	assert_int_equal(d->day, dn("2020-03-15"));
	for (size_t i = 0; i < dl.n; i++)
		assert_int_not_equal(dl.v[i].day, ASSESS_NO_DAY);
}

/* A departure known to the month: the bar's last day is the range's last
 * day (surely over only after it). */
static void test_month_precision(void **state)
{
	(void)state;
	deadlines(HEAD
		"  - {date: 2000-01-01, type: entry, manner: without_inspection}\n"
		"  - {date: 2013-05, type: departure, kind: self}\n",
		"2026-11-27");
	const struct deadline *d = find(DL_BAR_ENDS, "bar_9B_10yr", 0);
	assert_non_null(d);
	assert_int_equal(d->lo, dn("2023-05-01"));
	assert_int_equal(d->hi, dn("2023-05-31"));
	assert_int_equal(d->day, d->hi);
	char b[ASSESS_RANGE_BUFSZ];
	assert_string_equal(deadline_date_text(d, b), "2023-05");
}

/* The same deadline gets the same UID on every run; another case,
 * kind, day or rule another. */
static void test_uid(void **state)
{
	(void)state;
	struct deadline a = { .kind = DL_HEARING, .day = dn("2027-02-16"),
			      .rule = "removal_in_absentia" };
	struct deadline b = a;
	char x[17], y[17];
	deadline_uid("E23", &a, x);
	deadline_uid("E23", &b, y);
	assert_string_equal(x, y);
	assert_int_equal(strlen(x), 16);
	deadline_uid("E34", &b, y);
	assert_string_not_equal(x, y);
	b.day++;
	deadline_uid("E23", &b, y);
	assert_string_not_equal(x, y);
	b = a;
	b.kind = DL_ASYLUM;
	deadline_uid("E23", &b, y);
	assert_string_not_equal(x, y);
	/* fixed forever: a calendar that imported it once must see the same
	 * entry again (this value was computed once and written down) */
	assert_string_equal(x, UID_E23_HEARING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scheduled_hearing),
		cmocka_unit_test(test_vd_rolled),
		cmocka_unit_test(test_in_absentia),
		cmocka_unit_test(test_month_precision),
		cmocka_unit_test(test_uid),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
