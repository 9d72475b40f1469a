/* factpack.c - packed facts; see factpack.h.
 *
 * A record: [2 bits a bool slot][int16 a number slot][uint8 a string slot]
 * [uint16 overflow count][padding][struct fp_over ...].
 */
#include "factpack.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum fp_kind { FP_BOOL, FP_INT, FP_DATE, FP_STR };

/* bool slots */
enum { B_UNKNOWN, B_FALSE, B_TRUE, B_OVER };
/* number slots */
#define N_UNKNOWN INT16_MIN
#define N_OVER (INT16_MIN + 1)
/* string slots */
#define S_UNKNOWN 0
#define S_OVER 255

struct fp_over {
	uint32_t fact;
	struct value v;
};

static size_t align_up(size_t n, size_t a)
{
	return (n + a - 1) / a * a;
}

void factpack_init(struct factpack *fp, const struct expr_env *env,
		   const char *const *strs, size_t n_strs)
{
	memset(fp, 0, sizeof(*fp));
	fp->n = env->n_facts;
	fp->kind = xcalloc(fp->n + 1, sizeof(*fp->kind));
	fp->slot = xcalloc(fp->n + 1, sizeof(*fp->slot));
	for (size_t i = 0; i < fp->n; i++) {
		switch (env->facts[i].type) {
		case VAL_INT:
		case VAL_DATE:
			fp->kind[i] = env->facts[i].type == VAL_INT ? FP_INT
								   : FP_DATE;
			fp->slot[i] = (uint16_t)fp->n_num++;
			break;
		case VAL_STR:
			fp->kind[i] = FP_STR;
			fp->slot[i] = (uint16_t)fp->n_str++;
			break;
		default:        /* bool, or a type that varies: overflow */
			fp->kind[i] = FP_BOOL;
			fp->slot[i] = (uint16_t)fp->n_bool++;
		}
	}
	fp->off_num = align_up((fp->n_bool * 2 + 7) / 8, alignof(int16_t));
	fp->off_str = fp->off_num + fp->n_num * sizeof(int16_t);
	fp->size = align_up(fp->off_str + fp->n_str, alignof(uint16_t)) +
		   sizeof(uint16_t);    /* the overflow count, last */
	fp->off_over = align_up(fp->size, alignof(struct fp_over));
	fp->strs = strs;
	fp->n_strs = n_strs < S_OVER - 1 ? n_strs : S_OVER - 1;
}

void factpack_free(struct factpack *fp)
{
	free(fp->kind);
	free(fp->slot);
	memset(fp, 0, sizeof(*fp));
}

static bool plain_unknown(const struct value *v)
{
	return v->type == VAL_UNKNOWN && !v->borderline && !v->lo && !v->hi &&
	       !v->s;
}

/* A value that its slot holds as such: exact, not borderline, no string
 * where none belongs. */
static bool plain(const struct value *v, uint8_t type)
{
	return v->type == type && !v->borderline && v->lo == v->hi &&
	       (type == VAL_STR || !v->s);
}

static unsigned str_index(const struct factpack *fp, const char *s)
{
	for (size_t k = 0; k < fp->n_strs; k++)
		if (fp->strs[k] == s || !strcmp(fp->strs[k], s))
			return (unsigned)k + 1;
	return S_OVER;
}

static unsigned n_overflow(const struct factpack *fp, const uint8_t *rec)
{
	uint16_t n;
	memcpy(&n, rec + fp->size - sizeof(n), sizeof(n));
	return n;
}

const void *factpack_pack(const struct factpack *fp,
			  const struct value *facts, struct arena *a)
{
	uint8_t fixed[2048], *rec = fixed;
	uint32_t small[256], *over = small;
	uint16_t n_over = 0;
	if (fp->off_over > sizeof(fixed))
		rec = xmalloc(fp->off_over);
	if (fp->n > sizeof(small) / sizeof(small[0]))
		over = xmalloc(fp->n * sizeof(*over));
	memset(rec, 0, fp->off_over);
	uint8_t *str = rec + fp->off_str;
	for (size_t i = 0; i < fp->n; i++) {
		const struct value *v = &facts[i];
		uint16_t slot = fp->slot[i];
		bool out = false;
		switch (fp->kind[i]) {
		case FP_BOOL: {
			unsigned code = B_OVER;
			if (plain_unknown(v))
				code = B_UNKNOWN;
			else if (plain(v, VAL_BOOL) && (v->lo == 0 || v->lo == 1))
				code = v->lo ? B_TRUE : B_FALSE;
			rec[slot / 4] |= (uint8_t)(code << (slot % 4 * 2));
			out = code == B_OVER;
			break;
		}
		case FP_INT:
		case FP_DATE: {
			int16_t n = N_OVER;
			uint8_t type = fp->kind[i] == FP_INT ? VAL_INT : VAL_DATE;
			if (plain_unknown(v))
				n = N_UNKNOWN;
			else if (plain(v, type) && v->lo > N_OVER &&
				 v->lo <= INT16_MAX)
				n = (int16_t)v->lo;
			memcpy(rec + fp->off_num + slot * sizeof(n), &n, sizeof(n));
			out = n == N_OVER;
			break;
		}
		default: {
			unsigned k = S_OVER;
			if (plain_unknown(v))
				k = S_UNKNOWN;
			else if (plain(v, VAL_STR) && v->s)
				k = str_index(fp, v->s);
			str[slot] = (uint8_t)k;
			out = k == S_OVER;
		}
		}
		if (out)
			over[n_over++] = (uint32_t)i;
	}
	memcpy(rec + fp->size - sizeof(n_over), &n_over, sizeof(n_over));
	uint8_t *r = arena_alloc(a, fp->off_over +
				 n_over * sizeof(struct fp_over));
	memcpy(r, rec, fp->off_over);
	struct fp_over *o = (struct fp_over *)(void *)(r + fp->off_over);
	for (size_t k = 0; k < n_over; k++) {
		o[k].fact = over[k];
		o[k].v = facts[over[k]];
		if (o[k].v.s)
			o[k].v.s = arena_strdup(a, o[k].v.s);
	}
	if (rec != fixed)
		free(rec);
	if (over != small)
		free(over);
	return r;
}

static struct value overflow(const struct factpack *fp, const uint8_t *rec,
			     size_t i)
{
	const struct fp_over *o =
		(const struct fp_over *)(const void *)(rec + fp->off_over);
	for (unsigned k = 0, n = n_overflow(fp, rec); k < n; k++)
		if (o[k].fact == i)
			return o[k].v;
	return value_unknown();
}

struct value factpack_value(const struct factpack *fp, const void *record,
			    size_t i)
{
	const uint8_t *rec = record;
	if (i >= fp->n)
		return value_unknown();
	uint16_t slot = fp->slot[i];
	switch (fp->kind[i]) {
	case FP_BOOL:
		switch ((rec[slot / 4] >> (slot % 4 * 2)) & 3) {
		case B_FALSE: return value_bool(false);
		case B_TRUE: return value_bool(true);
		case B_OVER: return overflow(fp, rec, i);
		default: return value_unknown();
		}
	case FP_INT:
	case FP_DATE: {
		int16_t n;
		memcpy(&n, rec + fp->off_num + slot * sizeof(n), sizeof(n));
		if (n == N_UNKNOWN)
			return value_unknown();
		if (n == N_OVER)
			return overflow(fp, rec, i);
		return fp->kind[i] == FP_INT ? value_int(n) : value_date(n);
	}
	default: {
		uint8_t k = rec[fp->off_str + slot];
		if (k == S_UNKNOWN)
			return value_unknown();
		if (k == S_OVER)
			return overflow(fp, rec, i);
		return value_str(fp->strs[k - 1]);
	}
	}
}

void factpack_get(const struct factpack *fp, const void *rec,
		  const uint32_t *idx, size_t n, struct value *facts)
{
	for (size_t k = 0; k < n; k++)
		facts[idx[k]] = factpack_value(fp, rec, idx[k]);
}
