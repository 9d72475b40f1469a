/* redact.c - stable pseudonyms and A-number masks; see redact.h. */
#include "redact.h"

#include "arena.h"
#include "sameperson.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Given names used for any gender, and family names common in many
 * countries, so that a pseudonym suggests neither the person's sex nor
 * their origin.  The lists are part of the output format: changing them
 * changes every pseudonym, so append only. */
static const char *const given[] = {
	"Alex", "Ari", "Bailey", "Blair", "Cameron", "Casey", "Dana",
	"Drew", "Eden", "Emery", "Finley", "Hayden", "Jamie", "Jordan",
	"Kai", "Kendall", "Lee", "Logan", "Morgan", "Noor", "Parker",
	"Quinn", "Reese", "Riley", "Robin", "Rowan", "Sage", "Sasha",
	"Sky", "Taylor", "Toni", "Val",
};
static const char *const family[] = {
	"Abbott", "Baker", "Carter", "Dale", "Ellis", "Fisher", "Grant",
	"Hale", "Irving", "Jensen", "Keller", "Lane", "Marsh", "Nolan",
	"Oakley", "Porter", "Quill", "Reed", "Shaw", "Tate", "Underwood",
	"Vance", "Ward", "Young", "Zeller", "Archer", "Brooks", "Cole",
	"Dunn", "Frost", "Hart", "Lowe",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* FNV-1a, then the splitmix64 finaliser: FNV alone leaves the low bits
 * of ids that differ only in their last digits too alike.  Fixed and
 * portable; it must never change (see above). */
static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

char *redact_pseudonym(const char *id, char *out, size_t outsz)
{
	uint64_t h = id_hash(id ? id : "");
	if (outsz)
		snprintf(out, outsz, "%s %s", given[h % COUNT(given)],
			 family[(h >> 32) % COUNT(family)]);
	return out;
}

#define SLOTS (COUNT(given) * COUNT(family))

/* A hash's natural slot: given[h % 32], family[(h >> 32) % 32], as
 * redact_pseudonym; slot s names given[s / 32] and family[s % 32]. */
static size_t slot_of(uint64_t h)
{
	return (size_t)(h % COUNT(given)) * COUNT(family) +
	       (size_t)((h >> 32) % COUNT(family));
}

static size_t uf_find(size_t *up, size_t x)
{
	while (up[x] != x) {
		up[x] = up[up[x]];
		x = up[x];
	}
	return x;
}

static void uf_join(size_t *up, size_t a, size_t b)
{
	a = uf_find(up, a);
	b = uf_find(up, b);
	if (a != b)
		up[a > b ? a : b] = a > b ? b : a;
}

struct id_at {
	const char *id;
	size_t i;
};

static int by_id(const void *x, const void *y)
{
	return strcmp(((const struct id_at *)x)->id,
		      ((const struct id_at *)y)->id);
}

struct person_key {
	uint64_t h;
	const char *id;         /* the smallest id of the person's cases */
	size_t root;
};

static int by_key(const void *x, const void *y)
{
	const struct person_key *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return strcmp(a->id, b->id);
}

void redact_assign(struct cw_case *const *cases, size_t n,
		   const struct sameperson_pair *pairs, size_t n_pairs)
{
	if (!n)
		return;
	size_t *up = xmalloc(n * sizeof(*up));
	for (size_t i = 0; i < n; i++)
		up[i] = i;
	for (size_t k = 0; k < n_pairs; k++)
		uf_join(up, pairs[k].a, pairs[k].b);
	/* same_person_as names the other files of the person */
	struct id_at *ix = xmalloc(n * sizeof(*ix));
	for (size_t i = 0; i < n; i++)
		ix[i] = (struct id_at){ cases[i]->id ? cases[i]->id : "", i };
	qsort(ix, n, sizeof(*ix), by_id);
	for (size_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < cases[i]->n_same_person_as; k++) {
			struct id_at want = { cases[i]->same_person_as[k], 0 };
			const struct id_at *o = want.id ?
				bsearch(&want, ix, n, sizeof(*ix), by_id) : NULL;
			if (o)
				uf_join(up, i, o->i);
		}
	free(ix);
	/* one key per person: the smallest id of their cases */
	const char **least = xcalloc(n, sizeof(*least));
	for (size_t i = 0; i < n; i++) {
		size_t r = uf_find(up, i);
		const char *id = cases[i]->id ? cases[i]->id : "";
		if (!least[r] || strcmp(id, least[r]) < 0)
			least[r] = id;
	}
	struct person_key *pk = xmalloc(n * sizeof(*pk));
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		if (up[i] == i)
			pk[np++] = (struct person_key){ id_hash(least[i]),
							least[i], i };
	/* in hash order, each takes its natural slot or the next free one:
	 * the order depends on the cases alone, not on their load order */
	qsort(pk, np, sizeof(*pk), by_key);
	uint32_t *rounds = xcalloc(SLOTS, sizeof(*rounds));
	uint32_t *code = xcalloc(n, sizeof(*code));
	size_t used = 0;
	for (size_t k = 0; k < np; k++) {
		size_t s = slot_of(pk[k].h), t = s;
		if (used < SLOTS)
			while (rounds[t])
				t = (t + 1) % SLOTS;
		/* every name taken: the next round of the natural slot */
		code[pk[k].root] = (uint32_t)(t + 1) |
				   (uint32_t)rounds[t] << 16;
		if (!rounds[t]++)
			used++;
	}
	for (size_t i = 0; i < n; i++)
		cases[i]->pseudonym = code[uf_find(up, i)];
	free(code);
	free(rounds);
	free(pk);
	free(least);
	free(up);
}

void redact_assign_find(struct cw_case *const *cases, size_t n)
{
	struct sameperson_pair *p;
	size_t np = sameperson_find((const struct cw_case *const *)cases, n,
				    &p);
	redact_assign(cases, n, p, np);
	free(p);
}

char *redact_case_name(const struct cw_case *c, char *out, size_t outsz)
{
	if (!c || !c->pseudonym)
		return redact_pseudonym(c ? c->id : NULL, out, outsz);
	size_t s = (c->pseudonym & 0xFFFF) - 1;
	uint32_t round = c->pseudonym >> 16;
	if (!outsz)
		return out;
	if (round)
		snprintf(out, outsz, "%s %s %u", given[s / COUNT(family)],
			 family[s % COUNT(family)], round + 1);
	else
		snprintf(out, outsz, "%s %s", given[s / COUNT(family)],
			 family[s % COUNT(family)]);
	return out;
}

char *redact_a_number(const char *a_number, char *out, size_t outsz)
{
	if (outsz)
		snprintf(out, outsz, "%s", a_number ? "A-XXX-XXX-XXX" : "");
	return out;
}

char *redact_born(struct date born, char *out, size_t outsz)
{
	if (!outsz)
		return out;
	if (date_known(born) && born.y > 0)
		snprintf(out, outsz, "%04d", born.y);
	else
		snprintf(out, outsz, "not on file");
	return out;
}

#define LABEL_MAX 80

char **redact_file_labels(char *const *files, size_t n,
			  const struct cw_case *const *cases, size_t n_cases)
{
	char **lab = xmalloc((n + 1) * (sizeof(*lab) + LABEL_MAX));
	char *text = (char *)(lab + n + 1);
	for (size_t i = 0; i < n; i++) {
		lab[i] = text + i * LABEL_MAX;
		snprintf(lab[i], LABEL_MAX, "file %zu", i + 1);
	}
	lab[n] = NULL;
	/* cases come in load order: one forward walk over the files */
	size_t f = 0;
	for (size_t k = 0; k < n_cases && n; k++) {
		const char *file = cases[k]->file;
		size_t start = f;
		while (strcmp(files[f], file)) {
			f = (f + 1) % n;
			if (f == start)
				break;
		}
		if (!strcmp(files[f], file) && !strncmp(lab[f], "file ", 5))
			snprintf(lab[f], LABEL_MAX, "case %.*s",
				 LABEL_MAX - 6, cases[k]->id);
	}
	return lab;
}

char *redact_paths(const char *msg, char *const *files, char *const *labels,
		   size_t n)
{
	char *out = xstrdup(msg ? msg : "");
	for (size_t i = 0; i < n; i++) {
		size_t fl = strlen(files[i]), ll = strlen(labels[i]);
		char *at;
		if (!fl)
			continue;
		while ((at = strstr(out, files[i]))) {
			size_t pre = (size_t)(at - out), len = strlen(out);
			char *nw = xmalloc(len - fl + ll + 1);
			memcpy(nw, out, pre);
			memcpy(nw + pre, labels[i], ll);
			memcpy(nw + pre + ll, at + fl, len - pre - fl + 1);
			free(out);
			out = nw;
		}
	}
	return out;
}

const char *redact_event_text(const struct event *e)
{
	if (e->text && (e->type == EV_MOTION || e->type == EV_HEARING))
		return REDACT_HIDDEN;
	return e->text;
}
