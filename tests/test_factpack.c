/* test_factpack.c - packed facts (factpack.h) give back exactly what was
 * packed: every fact of every sample case, on both paths, and the values
 * that do not fit a slot (ranges, borderline values, far days, unknown
 * strings, a type other than the declared one). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "corpus.h"
#include "factpack.h"
#include "facts.h"
#include "rules.h"
#include "vocab.h"

static struct vocab vocab;
static struct rules rules;

static int setup(void **state)
{
	struct diag_list d = { 0 };
	(void)state;
	int bad = vocab_load_default(&vocab, &d);
	bad += rules_load_default(&rules, &d);
	rules.vocab = &vocab;
	diag_free(&d);
	return bad;
}

static int teardown(void **state)
{
	(void)state;
	rules_free(&rules);
	vocab_free(&vocab);
	return 0;
}

static void assert_same(const struct value *a, const struct value *b,
			size_t i)
{
	if (a->type != b->type || a->borderline != b->borderline ||
	    a->lo != b->lo || a->hi != b->hi || !a->s != !b->s ||
	    (a->s && strcmp(a->s, b->s)))
		fail_msg("fact %zu: packed {%d %d %lld %lld %s}, got back "
			 "{%d %d %lld %lld %s}", i, a->type, a->borderline,
			 (long long)a->lo, (long long)a->hi, a->s ? a->s : "-",
			 b->type, b->borderline, (long long)b->lo,
			 (long long)b->hi, b->s ? b->s : "-");
}

static void round_trip(const struct factpack *fp, const struct value *facts,
		       struct arena *a)
{
	const void *rec = factpack_pack(fp, facts, a);
	for (size_t i = 0; i < fp->n; i++) {
		struct value got = factpack_value(fp, rec, i);
		assert_same(&facts[i], &got, i);
	}
}

/* Every fact of every sample case, the path taken and the path not. */
static void test_sample_cases_round_trip(void **state)
{
	(void)state;
	struct corpus c;
	char *paths[] = { "testdata/cases" };
	struct corpus_opts o = { .vocab = &vocab.ids };
	struct factpack fp;
	struct arena a, keep;
	struct date as_of = date_ymd(2026, 11, 27);
	factpack_init(&fp, &rules.env, facts_strings, facts_n_strings);
	corpus_load(&c, paths, 1, &o);
	assert_true(c.n_cases >= 40);
	arena_init(&a, 0);
	arena_init(&keep, 0);
	size_t packed = 0, whole = 0;
	for (size_t i = 0; i < c.n_cases; i++) {
		struct assessment as;
		assess_case(&rules, c.cases[i], as_of, as_of, &as, &a);
		round_trip(&fp, as.taken.facts, &keep);
		round_trip(&fp, as.alt.facts, &keep);
		packed += 2;
		whole += 2 * fp.n * sizeof(struct value);
		arena_reset(&a);
	}
	/* the point of it: a tenth of the room or less */
	assert_true(keep.total * 10 <= whole);
	print_message("%zu fact sets: %zu bytes packed, %zu whole\n", packed,
		      keep.total, whole);
	arena_free(&a);
	arena_free(&keep);
	corpus_free(&c);
	factpack_free(&fp);
}

/* Values each slot cannot hold go whole into the overflow, and come back. */
static void test_odd_values_round_trip(void **state)
{
	(void)state;
	static const struct expr_fact facts[] = {
		{ "b1", VAL_BOOL }, { "b2", VAL_BOOL }, { "b3", VAL_BOOL },
		{ "b4", VAL_BOOL }, { "b5", VAL_BOOL },
		{ "i1", VAL_INT }, { "i2", VAL_INT }, { "i3", VAL_INT },
		{ "i4", VAL_INT }, { "i5", VAL_INT }, { "i6", VAL_INT },
		{ "d1", VAL_DATE }, { "d2", VAL_DATE }, { "d3", VAL_DATE },
		{ "d4", VAL_DATE },
		{ "s1", VAL_STR }, { "s2", VAL_STR }, { "s3", VAL_STR },
		{ "s4", VAL_STR },
		{ "any", VAL_UNKNOWN },
	};
	const struct expr_env env = { facts, sizeof(facts) / sizeof(facts[0]) };
	static const char *const known[] = { "nta", "offense" };
	char unknown_str[] = "hearing_notice";
	struct value v[sizeof(facts) / sizeof(facts[0])];
	struct value border = value_bool(true);
	border.borderline = true;
	struct value near = value_int(365);
	near.borderline = true;
	v[0] = value_unknown();
	v[1] = value_bool(true);
	v[2] = value_bool(false);
	v[3] = border;
	v[4] = value_int(3);                    /* not the declared type */
	v[5] = value_int(0);
	v[6] = value_int(32767);
	v[7] = value_int(-32766);
	v[8] = value_int(-32767);               /* the overflow marker */
	v[9] = value_int_range(3, 9);
	v[10] = near;
	v[11] = value_date(date_days(date_ymd(2010, 9, 12)));
	v[12] = value_date(date_days(date_ymd(1850, 1, 1)));  /* < -32766 */
	v[13] = value_date_range(100, 130);
	v[14] = value_bool(false);              /* not the declared type */
	v[15] = value_str("nta");
	v[16] = value_str(unknown_str);
	v[17] = value_unknown();
	v[18] = value_int(4);                   /* not the declared type */
	v[19] = value_date(5);
	struct factpack fp;
	struct arena a;
	arena_init(&a, 0);
	factpack_init(&fp, &env, known, 2);
	const void *rec = factpack_pack(&fp, v, &a);
	/* the packer's copy of a string it does not know is its own */
	memcpy(unknown_str, "XXXX", 4);
	struct value want = value_str("hearing_notice");
	struct value got = factpack_value(&fp, rec, 16);
	assert_same(&want, &got, 16);
	v[16] = want;
	for (size_t i = 0; i < fp.n; i++) {
		got = factpack_value(&fp, rec, i);
		assert_same(&v[i], &got, i);
	}
	/* beyond the facts: unknown */
	got = factpack_value(&fp, rec, fp.n + 3);
	assert_int_equal(got.type, VAL_UNKNOWN);
	/* factpack_get fills only the facts asked for */
	struct value out[sizeof(facts) / sizeof(facts[0])];
	for (size_t i = 0; i < fp.n; i++)
		out[i] = value_int(-1);
	uint32_t idx[] = { 1, 9, 15 };
	factpack_get(&fp, rec, idx, 3, out);
	assert_same(&v[1], &out[1], 1);
	assert_same(&v[9], &out[9], 9);
	assert_same(&v[15], &out[15], 15);
	assert_int_equal(out[0].lo, -1);
	assert_int_equal(out[16].lo, -1);
	/* plain values need no overflow: the record is its fixed part */
	for (size_t i = 0; i < fp.n; i++)
		v[i] = value_unknown();
	v[1] = value_bool(true);
	v[5] = value_int(12);
	v[15] = value_str("offense");
	size_t before = a.total;
	rec = factpack_pack(&fp, v, &a);
	assert_true(a.total - before <= fp.off_over + 16);
	for (size_t i = 0; i < fp.n; i++) {
		got = factpack_value(&fp, rec, i);
		assert_same(&v[i], &got, i);
	}
	factpack_free(&fp);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_cases_round_trip),
		cmocka_unit_test(test_odd_values_round_trip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
