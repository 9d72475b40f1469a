/* test_redact.c - unit tests for redact.c: stable pseudonyms, masks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "redact.h"
#include "case.h"
#include "sameperson.h"

static void test_redact_pseudonym_is_stable(void **state)
{
	char a[REDACT_BUFSZ], b[REDACT_BUFSZ];
	(void)state;
	redact_pseudonym("E06a", a, sizeof(a));
	redact_pseudonym("E06a", b, sizeof(b));
	assert_string_equal(a, b);
	/* pinned: the lists are part of the output format */
	redact_pseudonym("", a, sizeof(a));
	assert_string_equal(a, "Kendall Ward");
	redact_pseudonym(NULL, b, sizeof(b));
	assert_string_equal(a, b);
}

static void test_redact_pseudonym_spreads(void **state)
{
	/* 200 ids: collisions are allowed but must be rare */
	char names[200][REDACT_BUFSZ];
	int same = 0;
	(void)state;
	for (int i = 0; i < 200; i++) {
		char id[32];
		snprintf(id, sizeof(id), "VR-2010-%04d", i);
		redact_pseudonym(id, names[i], sizeof(names[i]));
		assert_non_null(strchr(names[i], ' '));
		for (int k = 0; k < i; k++)
			same += !strcmp(names[i], names[k]);
	}
	assert_true(same < 40);
}

static void test_redact_pseudonym_small_buffer(void **state)
{
	char buf[6];
	(void)state;
	memset(buf, 'X', sizeof(buf));
	redact_pseudonym("E06a", buf, sizeof(buf));
	assert_int_equal(strlen(buf), 5);
	assert_ptr_equal(redact_pseudonym("x", buf, 0), buf);
}

static void test_redact_a_number(void **state)
{
	char buf[REDACT_BUFSZ];
	(void)state;
	/* no digit is kept, whatever the form */
	const char *in[] = { "A-098-765-432", "A098765432", "98 765 432",
			     "A-12-345-678", "A-123", "A-1234-567-890",
			     "\x1b]0;x\a" };
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		assert_string_equal(redact_a_number(in[i], buf, sizeof(buf)),
				    "A-XXX-XXX-XXX");
	assert_string_equal(redact_a_number(NULL, buf, sizeof(buf)), "");
}

static void test_redact_born(void **state)
{
	char buf[REDACT_BUFSZ];
	struct date d = { 1984, 3, 7, DATE_DAY };
	(void)state;
	assert_string_equal(redact_born(d, buf, sizeof(buf)), "1984");
	d.prec = DATE_NONE;
	assert_string_equal(redact_born(d, buf, sizeof(buf)), "not on file");
}

/* ---- one pseudonym per person (redact_assign) ------------------------------- */

#define NP 1200

static struct cw_case pool[NP];
static struct cw_case *ptr[NP];
static char ids[NP][32];

static void make_people(size_t n)
{
	memset(pool, 0, sizeof(pool));
	for (size_t i = 0; i < n; i++) {
		snprintf(ids[i], sizeof(ids[i]), "VR-%04zu", i);
		pool[i].id = ids[i];
		ptr[i] = &pool[i];
	}
}

static void name_of(size_t i, char *out)
{
	redact_case_name(ptr[i], out, REDACT_BUFSZ);
}

/* two ids whose own pseudonyms are the same string */
static void colliding_ids(size_t n, size_t *a, size_t *b)
{
	char x[REDACT_BUFSZ], y[REDACT_BUFSZ];
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (!strcmp(redact_pseudonym(ids[i], x, sizeof(x)),
				    redact_pseudonym(ids[k], y, sizeof(y)))) {
				*a = k;
				*b = i;
				return;
			}
	fail_msg("no two ids collide: the test needs more");
}

static void test_assign_distinct_people(void **state)
{
	/* 1200 people: more than the 1024 names; no two share a string */
	(void)state;
	make_people(NP);
	size_t a = 0, b = 0;
	colliding_ids(200, &a, &b);
	redact_assign_find(ptr, NP);
	static char names[NP][REDACT_BUFSZ];
	for (size_t i = 0; i < NP; i++)
		name_of(i, names[i]);
	assert_string_not_equal(names[a], names[b]);
	for (size_t i = 0; i < NP; i++)
		for (size_t k = 0; k < i; k++)
			if (!strcmp(names[i], names[k]))
				fail_msg("%s and %s are both %s", ids[k],
					 ids[i], names[i]);
	/* fewer people than names: every one a plain name, no number */
	make_people(200);
	redact_assign_find(ptr, 200);
	for (size_t i = 0; i < 200; i++) {
		name_of(i, names[i]);
		assert_null(strpbrk(names[i], "0123456789"));
	}
	name_of(a, names[0]);
	name_of(b, names[1]);
	assert_string_not_equal(names[0], names[1]);
}

static void test_assign_same_person(void **state)
{
	char x[REDACT_BUFSZ], y[REDACT_BUFSZ];
	(void)state;
	make_people(4);
	/* the same A-number, written differently */
	pool[0].person.a_number = "A-012-345-678";
	pool[2].person.a_number = "12345678";
	/* the same name and birth date, words in another order */
	pool[1].person.name = "José Ortega-Ruiz";
	pool[1].person.born = date_ymd(1980, 2, 3);
	pool[3].person.name = "ORTEGA RUIZ, Jose";
	pool[3].person.born = date_ymd(1980, 2, 3);
	redact_assign_find(ptr, 4);
	name_of(0, x);
	name_of(2, y);
	assert_string_equal(x, y);
	/* the pseudonym of the person's smallest id */
	assert_string_equal(x, redact_pseudonym("VR-0000", y, sizeof(y)));
	name_of(1, x);
	name_of(3, y);
	assert_string_equal(x, y);
	name_of(0, y);
	assert_string_not_equal(x, y);
	/* a different birth date: another person */
	pool[3].person.born = date_ymd(1980, 2, 4);
	redact_assign_find(ptr, 4);
	name_of(1, x);
	name_of(3, y);
	assert_string_not_equal(x, y);
}

static void test_assign_same_person_as(void **state)
{
	char x[REDACT_BUFSZ], y[REDACT_BUFSZ];
	const char *other[] = { "VR-0002" };
	(void)state;
	make_people(3);
	pool[0].same_person_as = other;
	pool[0].n_same_person_as = 1;
	redact_assign_find(ptr, 3);
	name_of(0, x);
	name_of(2, y);
	assert_string_equal(x, y);
	name_of(1, y);
	assert_string_not_equal(x, y);
}

static void test_assign_order_does_not_matter(void **state)
{
	static char first[300][REDACT_BUFSZ];
	char x[REDACT_BUFSZ];
	(void)state;
	make_people(300);
	redact_assign_find(ptr, 300);
	for (size_t i = 0; i < 300; i++)
		name_of(i, first[i]);
	/* the same cases loaded in the reverse order */
	for (size_t i = 0; i < 300; i++)
		ptr[i] = &pool[299 - i];
	for (size_t i = 0; i < 300; i++)
		pool[i].pseudonym = 0;
	redact_assign_find(ptr, 300);
	for (size_t i = 0; i < 300; i++)
		assert_string_equal(redact_case_name(&pool[i], x, sizeof(x)),
				    first[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redact_pseudonym_is_stable),
		cmocka_unit_test(test_redact_pseudonym_spreads),
		cmocka_unit_test(test_redact_pseudonym_small_buffer),
		cmocka_unit_test(test_redact_a_number),
		cmocka_unit_test(test_redact_born),
		cmocka_unit_test(test_assign_distinct_people),
		cmocka_unit_test(test_assign_same_person),
		cmocka_unit_test(test_assign_same_person_as),
		cmocka_unit_test(test_assign_order_does_not_matter),
	};
	return cmocka_run_group_tests_name("redact", tests, NULL, NULL);
}
