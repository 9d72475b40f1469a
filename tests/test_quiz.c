/* test_quiz.c - unit tests for quiz.c: the shuffle is a permutation, the
 * same for the same seed, and the case numbers follow it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "quiz.h"

#define N 200

static void assert_permutation(const size_t *p, size_t n)
{
	bool seen[N] = { false };
	for (size_t i = 0; i < n; i++) {
		assert_true(p[i] < n);
		assert_false(seen[p[i]]);
		seen[p[i]] = true;
	}
}

static void test_shuffle_is_permutation(void **state)
{
	(void)state;
	size_t p[N];
	for (size_t n = 0; n <= N; n += 7) {
		quiz_shuffle(n, 12345, p);
		assert_permutation(p, n);
	}
}

static void test_shuffle_reproducible(void **state)
{
	(void)state;
	size_t a[N], b[N], c[N];
	quiz_shuffle(N, QUIZ_DEFAULT_SEED, a);
	quiz_shuffle(N, QUIZ_DEFAULT_SEED, b);
	assert_memory_equal(a, b, sizeof(a));
	quiz_shuffle(N, 2, c);
	assert_memory_not_equal(a, c, sizeof(a));
	/* shuffled, not the identity */
	size_t fixed = 0;
	for (size_t i = 0; i < N; i++)
		fixed += a[i] == i;
	assert_true(fixed < N / 4);
}

/* The numbers do not hang on the load order: the same ids loaded in
 * another order get the same numbers. */
static void test_order_by_id_not_load_order(void **state)
{
	(void)state;
	static const char *const ids[] = { "VR-1", "ASY-2", "CAT-3", "INABS-4",
					   "E05", "E06a" };
	enum { K = 6 };
	struct cw_case cs[K], rs[K];
	struct catalog_row fw[K], bw[K];
	memset(cs, 0, sizeof(cs));
	memset(rs, 0, sizeof(rs));
	memset(fw, 0, sizeof(fw));
	memset(bw, 0, sizeof(bw));
	for (int i = 0; i < K; i++) {
		cs[i].id = ids[i];
		cs[i].file = "f.yaml";
		rs[i] = cs[i];
		fw[i].c = &cs[i];
		bw[K - 1 - i].c = &rs[i];
	}
	struct catalog a = { 0 }, b = { 0 };
	a.rows = fw;
	b.rows = bw;
	a.n_rows = b.n_rows = K;
	size_t oa[K], na[K], ob[K], nb[K];
	quiz_order(&a, 7, oa, na);
	quiz_order(&b, 7, ob, nb);
	assert_permutation(oa, K);
	for (int i = 0; i < K; i++) {
		assert_int_equal(na[oa[i]], i + 1);
		/* row i of a and row K-1-i of b are the same case */
		assert_int_equal(na[i], nb[K - 1 - i]);
	}
	char buf[32];
	assert_string_equal(quiz_label(12, buf, sizeof(buf)), "Case 12");
}

static void test_parse_seed(void **state)
{
	(void)state;
	uint64_t s = 0;
	assert_true(quiz_parse_seed("42", &s));
	assert_int_equal(s, 42);
	assert_false(quiz_parse_seed("", &s));
	assert_false(quiz_parse_seed("-1", &s));
	assert_false(quiz_parse_seed("12x", &s));
	assert_false(quiz_parse_seed("99999999999999999999999", &s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shuffle_is_permutation),
		cmocka_unit_test(test_shuffle_reproducible),
		cmocka_unit_test(test_order_by_id_not_load_order),
		cmocka_unit_test(test_parse_seed),
	};
	return cmocka_run_group_tests_name("quiz", tests, NULL, NULL);
}
