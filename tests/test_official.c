/* test_official.c - unit tests for official.c: the built-in statistics,
 * editions kept apart, and file:line:col errors for bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "official.h"

static const struct official_edition *find(const struct official *o,
					   const char *id)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->v[i].id, id))
			return &o->v[i];
	return NULL;
}

static int load(struct official *o, struct diag_list *d, const char *text)
{
	return official_load_buffer(o, "t.yaml", text, strlen(text), d);
}

static void test_official_default_loads(void **state)
{
	struct official o;
	struct diag_list d = { 0 };
	(void)state;
	assert_int_equal(official_load_default(&o, &d), 0);
	assert_int_equal(d.n, 0);
	assert_true(o.n >= 6);
	/* the first report of FY2010 and its revision stay apart */
	const struct official_edition *e10 = find(&o, "ois-2010");
	const struct official_edition *e11 = find(&o, "ois-2011");
	assert_non_null(e10);
	assert_non_null(e11);
	assert_int_equal(e10->n, 1);
	assert_int_equal(e10->v[0].fy, 2010);
	assert_int_equal(e10->v[0].value[OFFICIAL_REMOVALS], 387242);
	assert_true(e10->v[0].approx[OFFICIAL_RETURNS]);
	assert_false(e10->v[0].approx[OFFICIAL_REMOVALS]);
	assert_int_equal(e11->v[1].fy, 2010);
	assert_int_equal(e11->v[1].value[OFFICIAL_REMOVALS], 385100);
	assert_int_equal(e11->v[1].value[OFFICIAL_RETURNS], -1);
	assert_int_equal(official_max(e11), 393457);
	/* ICE's counting caveat is data, with where it is said */
	const struct official_edition *ice = find(&o, "ice-2008-release");
	assert_non_null(ice);
	assert_non_null(ice->caveat);
	assert_non_null(strstr(ice->caveat, "voluntary returns"));
	assert_non_null(ice->caveat_source);
	assert_null(e11->caveat);
	/* every edition says where it comes from */
	for (size_t i = 0; i < o.n; i++) {
		assert_non_null(o.v[i].source);
		assert_non_null(o.v[i].title);
		assert_true(o.v[i].n > 0);
	}
	official_free(&o);
	diag_free(&d);
}

static void test_official_sorted_by_year(void **state)
{
	struct official o;
	struct diag_list d = { 0 };
	(void)state;
	assert_int_equal(load(&o, &d,
		"format: casewalk-statistics/1\n"
		"editions:\n"
		"  - id: x\n    source: S\n    title: T\n    figures:\n"
		"      - {fy: 2013, returns: 5}\n"
		"      - {fy: 2011, removals: 7, approx: [removals]}\n"), 0);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.v[0].v[0].fy, 2011);
	assert_true(o.v[0].v[0].approx[OFFICIAL_REMOVALS]);
	assert_int_equal(o.v[0].v[1].value[OFFICIAL_RETURNS], 5);
	assert_null(o.v[0].published);
	official_free(&o);
	diag_free(&d);
}

static void expect_error(const char *text, uint32_t line, uint32_t col,
			 const char *msg_part, size_t editions_kept)
{
	struct official o;
	struct diag_list d = { 0 };
	assert_true(load(&o, &d, text) > 0);
	assert_true(d.n >= 1);
	assert_string_equal(d.v[0].file, "t.yaml");
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	if (!strstr(d.v[0].msg, msg_part))
		fail_msg("'%s' lacks '%s'", d.v[0].msg, msg_part);
	assert_int_equal(o.n, editions_kept);
	official_free(&o);
	diag_free(&d);
}

#define HEAD "format: casewalk-statistics/1\neditions:\n"
#define GOOD "  - id: ok\n    source: S\n    title: T\n" \
	     "    figures: [{fy: 2010, removals: 1}]\n"

static void test_official_errors(void **state)
{
	(void)state;
	expect_error(HEAD GOOD "  - id: bad\n    source: S\n    title: T\n"
		     "    figures: [{fy: 2010, removals: lots}]\n",
		     10, 36, "whole number", 1);
	expect_error(HEAD GOOD "  - id: bad\n    source: S\n    title: T\n"
		     "    figures: [{fy: 2010, removal: 3}]\n",
		     10, 26, "unknown key", 1);
	expect_error(HEAD "  - id: bad\n    title: T\n"
		     "    figures: [{fy: 2010, removals: 3}]\n",
		     3, 5, "'source'", 0);
	expect_error(HEAD "  - id: dup\n    source: S\n    title: T\n"
		     "    figures:\n      - {fy: 2010, removals: 3}\n"
		     "      - {fy: 2010, removals: 4}\n",
		     8, 1, "appears twice", 0);
	expect_error(HEAD "  - id: a\n    source: S\n    title: T\n"
		     "    figures: [{fy: 2010, returns: 3, approx: [removals]}]\n",
		     6, 15, "does not give", 0);
	expect_error("format: casewalk-statistics/2\neditions: []\n",
		     1, 9, "format", 0);
	expect_error("editions: {}\n", 1, 11, "list of editions", 0);
	expect_error("[1, 2]\n", 1, 1, "expected a mapping", 0);
	/* a key given twice: an error at the second (issue 12; found as the
	 * file is read, so the load fails though the edition is kept) */
	expect_error(HEAD "  - id: a\n    source: S\n    title: T\n"
		     "    title: U\n    figures: [{fy: 2010, removals: 1}]\n",
		     6, 5, "duplicate key 'title' (also at 5:5)", 1);
	expect_error(HEAD "  - id: a\n    source: S\n    title: T\n"
		     "    figures: [{fy: 2010, removals: 1, removals: 2}]\n",
		     6, 39, "duplicate key 'removals' (also at 6:26)", 1);
}

static void test_official_missing_file(void **state)
{
	struct official o;
	struct diag_list d = { 0 };
	(void)state;
	assert_int_equal(official_load_file(&o, "/nonexistent/stats.yaml", &d),
			 1);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "cannot read"));
	assert_int_equal(o.n, 0);
	official_free(&o);
	diag_free(&d);
}

static void test_official_measure_names(void **state)
{
	(void)state;
	assert_string_equal(official_measure_name(OFFICIAL_REMOVALS), "removals");
	assert_string_equal(official_measure_name(OFFICIAL_RETURNS), "returns");
	assert_string_equal(official_measure_name(7), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_official_default_loads),
		cmocka_unit_test(test_official_sorted_by_year),
		cmocka_unit_test(test_official_errors),
		cmocka_unit_test(test_official_missing_file),
		cmocka_unit_test(test_official_measure_names),
	};
	return cmocka_run_group_tests_name("official", tests, NULL, NULL);
}
