/* quiz.c - quiz mode's shuffled case numbers; see quiz.h. */
#include "quiz.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A draw in [0, bound) without modulo bias. */
static uint64_t below(uint64_t *s, uint64_t bound)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % bound, x;
	do
		x = splitmix64(s);
	while (x >= limit);
	return x % bound;
}

void quiz_shuffle(size_t n, uint64_t seed, size_t *perm)
{
	uint64_t s = seed;
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)below(&s, i);
		size_t t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
}

struct keyed {
	const char *id, *file;
	size_t row;
};

static int by_id(const void *a, const void *b)
{
	const struct keyed *p = a, *q = b;
	int d = strcmp(p->id, q->id);
	if (!d)
		d = strcmp(p->file, q->file);
	return d ? d : (p->row > q->row) - (p->row < q->row);
}

void quiz_order(const struct catalog *cat, uint64_t seed, size_t *order,
		size_t *number)
{
	size_t n = cat->n_rows;
	struct keyed *sorted = malloc((n + 1) * sizeof(*sorted));
	size_t *perm = malloc((n + 1) * sizeof(*perm));
	if (!sorted || !perm)
		abort();
	for (size_t i = 0; i < n; i++) {
		const struct cw_case *c = cat->rows[i].c;
		sorted[i] = (struct keyed){ c->id ? c->id : "",
					    c->file ? c->file : "", i };
	}
	qsort(sorted, n, sizeof(*sorted), by_id);
	quiz_shuffle(n, seed, perm);
	for (size_t k = 0; k < n; k++) {
		order[k] = sorted[perm[k]].row;
		number[order[k]] = k + 1;
	}
	free(sorted);
	free(perm);
}

const char *quiz_label(size_t number, char *buf, size_t n)
{
	snprintf(buf, n, "Case %zu", number);
	return buf;
}

int quiz_parse_seed(const char *s, uint64_t *seed)
{
	char *end;
	if (!s || !*s || strspn(s, "0123456789") != strlen(s))
		return 0;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		return 0;
	*seed = v;
	return 1;
}
