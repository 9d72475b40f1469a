/* fuzz_expr.c - libFuzzer target for expr_compile and expr_eval.
 *
 * Each input is a condition compiled against a fixed table with one fact of
 * each type, then evaluated under several fact vectors: all unknown, ranges,
 * points inside those ranges, extremes and malformed values.  Besides the
 * sanitizers it checks what the contract promises, and traps when it fails:
 *   - a known result has the type expr_type promised, a well-formed value;
 *   - the missing report is empty for a known result, names only unknown
 *     facts, each once;
 *   - refining facts never changes a known result: a result known with
 *     unknown facts or ranges still holds, within its interval, for points
 *     inside them (the soundness of the interval arithmetic).  known() is the
 *     one construct that may change when a fact becomes known or a range
 *     narrows (known(n != 0) with n in [-5, 400], then n = 5), so inputs
 *     naming it skip that check.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *       tests/fuzz/fuzz_expr.c src/expr.c src/arena.c src/date.c
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "expr.h"

enum { F_B, F_N, F_D, F_S, F_V, F_C, F_M, F_E, NF };

static const struct expr_fact facts[NF] = {
	[F_B] = {"b", VAL_BOOL}, [F_N] = {"n", VAL_INT},
	[F_D] = {"d", VAL_DATE}, [F_S] = {"s", VAL_STR},
	[F_V] = {"v", VAL_UNKNOWN}, [F_C] = {"c", VAL_BOOL},
	[F_M] = {"m", VAL_INT}, [F_E] = {"e", VAL_DATE},
};

static const struct expr_env env = {facts, NF};

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* Vectors 0..4 refine each other: unknown, ranges, then three points
 * inside the ranges.  The rest only have to be survived. */
enum { V_UNKNOWN, V_RANGE, V_LO, V_MID, V_HI, V_EXTREME, V_MIXED, V_BAD,
       NV };

static struct value bl(struct value v)
{
	v.borderline = true;
	return v;
}

static void fill_refining(struct value v[NV][NF])
{
	static const int64_t n[3] = {-5, 365, 400}, d[3] = {14975, 15033, 15339};
	static const int64_t m[3] = {1, 2, 3}, e[3] = {15000, 15050, 15100};
	for (int i = 0; i < NF; i++)
		v[V_UNKNOWN][i] = value_unknown();
	struct value *r = v[V_RANGE];
	r[F_B] = value_bool(true);
	r[F_N] = value_int_range(n[0], n[2]);
	r[F_D] = bl(value_date_range(d[0], d[2]));
	r[F_S] = value_str("x");
	r[F_V] = value_int_range(0, 10);
	r[F_C] = value_bool(false);
	r[F_M] = value_int_range(m[0], m[2]);
	r[F_E] = value_date_range(e[0], e[2]);
	for (int k = 0; k < 3; k++) {
		struct value *p = v[V_LO + k];
		memcpy(p, r, sizeof(v[0]));
		p[F_N] = value_int(n[k]);
		p[F_D] = bl(value_date(d[k]));
		p[F_V] = value_int(k * 5);
		p[F_M] = value_int(m[k]);
		p[F_E] = value_date(e[k]);
	}
}

static void fill_hostile(struct value v[NV][NF])
{
	struct value *x = v[V_EXTREME], *y = v[V_MIXED], *z = v[V_BAD];
	x[F_B] = bl(value_bool(false));
	x[F_N] = value_int_range(INT64_MIN, INT64_MAX);
	x[F_D] = value_date_range(INT64_MIN, INT64_MAX);
	x[F_S] = value_str("");
	x[F_V] = value_str("x");
	x[F_C] = value_unknown();
	x[F_M] = value_int(INT64_MIN);
	x[F_E] = bl(value_date(INT64_MAX));
	memcpy(y, v[V_MID], sizeof(v[0]));
	y[F_N] = value_int(0);
	y[F_M] = value_int_range(-1, 0);
	y[F_V] = value_bool(true);
	y[F_D] = value_unknown();
	y[F_S] = value_unknown();
	z[F_B] = (struct value){.type = VAL_BOOL, .lo = 5, .hi = 5};
	z[F_N] = (struct value){.type = VAL_INT, .lo = 3, .hi = -3};
	z[F_D] = value_str("not a date");
	z[F_S] = (struct value){.type = VAL_STR, .s = NULL};
	z[F_V] = (struct value){.type = 99, .lo = 1, .hi = 1};
	z[F_C] = value_int(1);
	z[F_M] = value_date(3);
	z[F_E] = (struct value){.type = VAL_DATE, .lo = 1, .hi = 0};
}

static void check_value(struct value v, uint8_t type)
{
	CHECK(v.type <= VAL_STR);
	if (v.type != VAL_UNKNOWN && type != VAL_UNKNOWN)
		CHECK(v.type == type);
	if (v.type == VAL_BOOL)
		CHECK(v.lo == v.hi && (v.lo == 0 || v.lo == 1));
	if (v.type == VAL_INT || v.type == VAL_DATE)
		CHECK(v.lo <= v.hi);
	if (v.type == VAL_STR)
		CHECK(v.s != NULL);
}

/* What expr.c may use of a fact value: well formed, of the declared type. */
static bool usable(struct value v, int idx)
{
	if (facts[idx].type != VAL_UNKNOWN && v.type != facts[idx].type)
		return false;
	switch (v.type) {
	case VAL_BOOL: return v.lo == v.hi && (v.lo == 0 || v.lo == 1);
	case VAL_INT:
	case VAL_DATE: return v.lo <= v.hi;
	case VAL_STR: return v.s != NULL;
	}
	return false;
}

static void check_missing(struct value r, const struct expr_missing *m,
			  const struct value *vec)
{
	CHECK(m->n <= EXPR_MISSING_MAX);
	if (r.type != VAL_UNKNOWN)
		CHECK(m->n == 0);
	for (int i = 0; i < m->n; i++) {
		CHECK(m->idx[i] < NF);
		CHECK(!usable(vec[m->idx[i]], m->idx[i]));
		for (int j = 0; j < i; j++)
			CHECK(m->idx[i] != m->idx[j]);
	}
}

/* A result known under coarser facts must stay known and within it. */
static void check_refines(struct value coarse, struct value fine)
{
	if (coarse.type == VAL_UNKNOWN)
		return;
	CHECK(fine.type == coarse.type);
	if (coarse.type == VAL_STR)
		CHECK(strcmp(coarse.s, fine.s) == 0);
	else
		CHECK(fine.lo >= coarse.lo && fine.hi <= coarse.hi);
}

static bool mentions(const uint8_t *data, size_t size, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= size; i++)
		if (memcmp(data + i, word, n) == 0)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct value vec[NV][NF];
	static bool ready;
	if (!ready) {
		fill_refining(vec);
		fill_hostile(vec);
		ready = true;
	}
	struct arena arena;
	struct expr_error err;
	arena_init(&arena, 4096);
	struct expr *e = expr_compile((const char *)data, size, &env, &arena,
				      &err);
	if (!e) {
		CHECK(err.offset <= size);
		CHECK(memchr(err.msg, '\0', sizeof(err.msg)) != NULL);
		arena_free(&arena);
		return 0;
	}
	uint8_t type = expr_type(e);
	struct value r[NV];
	for (int i = 0; i < NV; i++) {
		struct expr_missing m = {{0}, 0};
		r[i] = expr_eval(e, vec[i], &m);
		check_value(r[i], type);
		check_missing(r[i], &m, vec[i]);
		struct value again = expr_eval(e, vec[i], NULL);
		CHECK(again.type == r[i].type && again.lo == r[i].lo &&
		      again.hi == r[i].hi && again.borderline == r[i].borderline);
	}
	for (int i = V_RANGE; i <= V_HI && !mentions(data, size, "known");
	     i++) {
		check_refines(r[V_UNKNOWN], r[i]);
		if (i != V_RANGE)
			check_refines(r[V_RANGE], r[i]);
	}
	arena_free(&arena);
	return 0;
}
