/* test_sameperson.c - a second file for the same person (sameperson.h):
 * which cases pair, and the warnings that name both places. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "sameperson.h"

static struct arena arena;
static struct load_file loaded;

static int setup(void **state)
{
	(void)state;
	arena_init(&arena, 64 * 1024);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	load_file_free(&loaded);
	arena_free(&arena);
	return 0;
}

/* Loads a stream of cases, each given as its person mapping (and more
 * top-level keys after a newline, when the text has one). */
static const struct cw_case *const *cases(size_t n, const char *const *who)
{
	struct outbuf t = { NULL, 0, 0 };
	struct arena scratch;
	for (size_t i = 0; i < n; i++)
		ob_printf(&t, "---\nformat: casewalk/1\nid: C%zu\nperson: %s\n"
			  "events:\n  - {date: 2000-01-01, type: entry}\n", i,
			  who[i]);
	load_file_free(&loaded);
	arena_init(&scratch, 16 * 1024);
	load_buffer("s.yaml", 0, t.p, t.len, NULL, NULL, &arena, &scratch,
		    &loaded);
	arena_free(&scratch);
	ob_free(&t);
	for (size_t i = 0; i < loaded.diags.n; i++)
		diag_print(stderr, &loaded.diags.v[i]);
	assert_int_equal(loaded.n_cases, n);
	return (const struct cw_case *const *)loaded.cases;
}

static void test_a_number(void **state)
{
	(void)state;
	const char *who[] = {
		"{name: Ana, a_number: A12345678}",
		"{name: Ana B, a_number: \"A-012-345-678\"}",    /* the same */
		"{name: Ana, a_number: A123456789}",            /* another */
		"{name: Eva}",
	};
	struct sameperson_pair *p;
	size_t n = sameperson_find(cases(4, who), 4, &p);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].a, 0);
	assert_int_equal(p[0].b, 1);
	assert_int_equal(p[0].why, SAMEPERSON_A_NUMBER);
	assert_false(p[0].known);
	free(p);
}

static void test_name_and_birth_date(void **state)
{
	(void)state;
	const char *who[] = {
		"{name: \"José Ortega-Ruiz\", born: 1980-03-04}",
		"{name: \"ORTEGA RUIZ, Jose\", born: 1980-03-04}",  /* the same */
		"{name: \"Jose Ortega Ruiz\", born: 1980-03-05}",   /* not */
		"{name: \"Jose Ortega\", born: 1980-03-04}",        /* not */
		/* the same name and birth date, but two A-numbers: two people */
		"{name: \"Ortega Ruiz José\", born: 1980-03-04, a_number: A11111111}",
		"{name: \"Ortega Ruiz José\", born: 1980-03-04, a_number: A22222222}",
		/* a birth year is not enough */
		"{name: Lee Kim, born: 1970}",
		"{name: Kim Lee, born: 1970}",
	};
	struct sameperson_pair *p;
	size_t n = sameperson_find(cases(8, who), 8, &p);
	/* 0-1, 0-4, 0-5, 1-4, 1-5 by name; never 4-5 */
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(p[i].why, SAMEPERSON_NAME_BORN);
		assert_false(p[i].a == 4 && p[i].b == 5);
		assert_true(p[i].a <= 1);
	}
	free(p);
}

/* A warning at each place, naming the other's FILE:LINE:COL; none for a
 * pair one of which names the other in same_person_as. */
static void test_warnings(void **state)
{
	(void)state;
	const char *who[] = {
		"{name: Ana, a_number: A12345678}",
		"{name: Ana, a_number: A12345678}",
		"{name: Eva, a_number: A99999999}\nsame_person_as: [C3]",
		"{name: Eva, a_number: A99999999}",
	};
	const struct cw_case *const *c = cases(4, who);
	struct sameperson_pair *p;
	size_t n = sameperson_find(c, 4, &p);
	assert_int_equal(n, 2);
	assert_false(p[0].known);
	assert_true(p[1].known);
	struct diag_list d = { 0 };
	char *files[] = { "s.yaml" };
	sameperson_warn(c, p, n, files, 1, &d, &arena);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.n_warnings, 2);
	assert_int_equal(d.n_errors, 0);
	/* C0's A-number is on line 4 of the stream, C1's on line 10 */
	assert_int_equal(d.v[0].line, 4);
	assert_int_equal(d.v[0].col, c[0]->person.a_number_pos.col);
	assert_non_null(strstr(d.v[0].msg, "case 'C1' at s.yaml:10:"));
	assert_int_equal(d.v[1].line, 10);
	assert_non_null(strstr(d.v[1].msg, "case 'C0' at s.yaml:4:"));
	diag_free(&d);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_number),
		cmocka_unit_test(test_name_and_birth_date),
		cmocka_unit_test(test_warnings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
