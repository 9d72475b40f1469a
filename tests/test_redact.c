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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redact_pseudonym_is_stable),
		cmocka_unit_test(test_redact_pseudonym_spreads),
		cmocka_unit_test(test_redact_pseudonym_small_buffer),
		cmocka_unit_test(test_redact_a_number),
		cmocka_unit_test(test_redact_born),
	};
	return cmocka_run_group_tests_name("redact", tests, NULL, NULL);
}
