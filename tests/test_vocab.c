/* test_vocab.c - unit tests for vocab.c: the built-in offense vocabulary
 * loads, and a key given twice is an error at its second place (issue 12),
 * in a small mapping and in one big enough to be sorted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "vocab.h"

static void test_vocab_default_loads(void **state)
{
	struct vocab vb;
	struct diag_list d = { 0 };
	(void)state;
	assert_int_equal(vocab_load_default(&vb, &d), 0);
	assert_non_null(vocab_find(&vb, "dui"));
	vocab_free(&vb);
	diag_free(&d);
}

/* text fails to load with its first diagnostic at line:col, saying part */
static void expect_error(const char *text, uint32_t line, uint32_t col,
			 const char *part)
{
	struct vocab vb;
	struct diag_list d = { 0 };
	assert_true(vocab_load_buffer(&vb, "o.yaml", text, strlen(text), &d) > 0);
	assert_true(d.n >= 1);
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	if (!strstr(d.v[0].msg, part))
		fail_msg("'%s' lacks '%s'", d.v[0].msg, part);
	vocab_free(&vb);
	diag_free(&d);
}

#define HEAD "format: casewalk-offenses/1\noffenses:\n"

static void test_vocab_duplicate_keys(void **state)
{
	char big[8192];
	size_t n = 0;
	(void)state;
	expect_error(HEAD "  a:\n    title: A\n    title: B\n", 5, 5,
		     "duplicate key 'title' (also at 4:5)");
	/* the same offense id twice among twenty */
	n += (size_t)snprintf(big + n, sizeof(big) - n, HEAD);
	for (int i = 0; i < 20; i++)
		n += (size_t)snprintf(big + n, sizeof(big) - n,
				      "  o%d: {title: T}\n", i == 17 ? 3 : i);
	expect_error(big, 20, 3, "duplicate key 'o3' (also at 6:3)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vocab_default_loads),
		cmocka_unit_test(test_vocab_duplicate_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
