/* sameperson.c - cases that look like the same person; see sameperson.h. */
#include "sameperson.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ytree.h"

/* One case's keys: its A-number's digits (no leading zero), its name's
 * words folded and sorted, and its birth date; "" when absent. */
struct key {
	size_t ix;
	char *a;
	char *name;             /* with the birth date after it */
};

static char *a_digits(const char *s)
{
	char *out = xmalloc(s ? strlen(s) + 1 : 1), *o = out;
	for (; s && *s; s++)
		if (*s >= '0' && *s <= '9' && (o > out || *s != '0'))
			*o++ = *s;
	*o = 0;
	return out;
}

static int by_word(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* An ASCII name folded as utf8proc_map would fold it (below). */
static char *ascii_fold(const char *name)
{
	size_t n = strlen(name);
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i <= n; i++) {
		unsigned char ch = (unsigned char)name[i];
		out[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
	}
	return out;
}

/* The name's letters and digits, case folded, accents stripped, as words
 * in sorted order, then the birth date: "" without both. */
static char *name_key(const struct person *p)
{
	char dob[DATE_BUFSZ];
	utf8proc_uint8_t *f = NULL;
	if (!p->name || !date_exact(p->born))
		return xstrdup("");
	/* the common case, a name in ASCII: folding is lower case, and every
	 * character but a letter or digit ends a word (what utf8proc gives
	 * for ASCII, without its tables: the explorer runs this on every
	 * case after each load) */
	const unsigned char *q = (const unsigned char *)p->name;
	while (*q && *q < 0x80)
		q++;
	if (!*q)
		f = (utf8proc_uint8_t *)ascii_fold(p->name);
	else if (utf8proc_map((const utf8proc_uint8_t *)p->name, 0, &f,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
			 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
			 UTF8PROC_DECOMPOSE) < 0)
		return xstrdup("");
	/* every character that is no letter or digit ends a word */
	size_t n = strlen((char *)f), nw = 0;
	char **w = xmalloc((n / 2 + 2) * sizeof(*w));
	char *s = (char *)f;
	for (utf8proc_ssize_t i = 0, k; s[i]; i += k) {
		utf8proc_int32_t cp;
		unsigned char ch = (unsigned char)s[i];
		bool alnum;
		if (ch < 0x80) {        /* folded already: no upper case */
			k = 1;
			alnum = (ch >= 'a' && ch <= 'z') ||
				(ch >= '0' && ch <= '9');
		} else {
			k = utf8proc_iterate(f + i, -1, &cp);
			if (k <= 0)
				break;
			int cat = utf8proc_category(cp);
			alnum = (cat >= UTF8PROC_CATEGORY_LU &&
				 cat <= UTF8PROC_CATEGORY_LO) ||
				(cat >= UTF8PROC_CATEGORY_ND &&
				 cat <= UTF8PROC_CATEGORY_NO);
		}
		if (!alnum)
			memset(s + i, 0, (size_t)k);
		else if (i == 0 || !s[i - 1])
			w[nw++] = s + i;
	}
	qsort(w, nw, sizeof(*w), by_word);
	char *out = xmalloc(n + nw + DATE_BUFSZ + 2), *o = out;
	for (size_t i = 0; i < nw; i++) {
		size_t wl = strlen(w[i]);
		if (i)
			*o++ = ' ';
		memcpy(o, w[i], wl);
		o += wl;
	}
	if (nw) {
		const char *d = date_format(p->born, dob);
		size_t dl = strlen(d);
		*o++ = '|';
		memcpy(o, d, dl + 1);
	} else {
		*out = 0;
	}
	free(w);
	free(f);
	return out;
}

static int by_a(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int c = strcmp(a->a, b->a);
	return c ? c : (a->ix > b->ix) - (a->ix < b->ix);
}

static int by_name(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	return c ? c : (a->ix > b->ix) - (a->ix < b->ix);
}

static int by_pair(const void *x, const void *y)
{
	const struct sameperson_pair *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return (a->why > b->why) - (a->why < b->why);
}

struct pairs {
	struct sameperson_pair *v;
	size_t n, cap;
};

static bool acknowledges(const struct cw_case *c, const struct cw_case *o)
{
	for (uint32_t i = 0; i < c->n_same_person_as; i++)
		if (!strcmp(c->same_person_as[i], o->id))
			return true;
	return false;
}

static void push(struct pairs *p, size_t a, size_t b, int why)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = (struct sameperson_pair){ a < b ? a : b, a < b ? b : a,
						 (uint8_t)why, false };
}

/* Two A-numbers on file that differ: two people. */
static bool two_a_numbers(const struct key *x, const struct key *y)
{
	return *x->a && *y->a && strcmp(x->a, y->a);
}

/* Every pair within each run of equal keys (field a or name). */
static void runs(struct key *k, size_t n, bool names, struct pairs *p,
		 const struct cw_case *const *cases)
{
	for (size_t i = 0; i < n;) {
		const char *v = names ? k[i].name : k[i].a;
		size_t j = i + 1;
		while (j < n && !strcmp(names ? k[j].name : k[j].a, v))
			j++;
		for (size_t x = i; *v && x < j; x++)
			for (size_t y = x + 1; y < j; y++)
				if (strcmp(cases[k[x].ix]->id, cases[k[y].ix]->id) &&
				    !(names && two_a_numbers(&k[x], &k[y])))
					push(p, k[x].ix, k[y].ix, names ?
					     SAMEPERSON_NAME_BORN :
					     SAMEPERSON_A_NUMBER);
		i = j;
	}
}

size_t sameperson_find(const struct cw_case *const *cases, size_t n,
		       struct sameperson_pair **out)
{
	struct key *k = xcalloc(n + 1, sizeof(*k));
	struct pairs p = { NULL, 0, 0 };
	for (size_t i = 0; i < n; i++) {
		k[i].ix = i;
		k[i].a = a_digits(cases[i]->person.a_number);
		k[i].name = name_key(&cases[i]->person);
	}
	qsort(k, n, sizeof(*k), by_a);
	runs(k, n, false, &p, cases);
	qsort(k, n, sizeof(*k), by_name);
	runs(k, n, true, &p, cases);
	for (size_t i = 0; i < n; i++) {
		free(k[i].a);
		free(k[i].name);
	}
	free(k);
	if (p.n)
		qsort(p.v, p.n, sizeof(*p.v), by_pair);
	/* the same two by A-number and by name: once, by A-number */
	size_t m = 0;
	for (size_t i = 0; i < p.n; i++)
		if (!m || p.v[m - 1].a != p.v[i].a || p.v[m - 1].b != p.v[i].b)
			p.v[m++] = p.v[i];
	for (size_t i = 0; i < m; i++)
		p.v[i].known = acknowledges(cases[p.v[i].a], cases[p.v[i].b]) ||
			       acknowledges(cases[p.v[i].b], cases[p.v[i].a]);
	*out = p.v;
	return m;
}

/* Where a case's A-number (or its name) stands in its file. */
static struct pos where(const struct cw_case *c, int why)
{
	struct pos p = why == SAMEPERSON_A_NUMBER ? c->person.a_number_pos :
		c->person.name_pos;
	return p.line ? p : c->id_pos;
}

static uint32_t file_index(const char *file, char *const *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (files[i] == file || !strcmp(files[i], file))
			return (uint32_t)i;
	return 0;
}

static void warn(struct diag_list *d, struct arena *a,
		 const struct cw_case *c, const struct cw_case *o, int why,
		 char *const *files, size_t n_files)
{
	struct pos p = where(c, why), q = where(o, why);
	diag_addf(d, a, c->file, file_index(c->file, files, n_files), p.line,
		  p.col, DIAG_WARNING, NULL, 0, "the same %s as case '%s' at "
		  "%s:%u:%u: a second file for the same person?",
		  why == SAMEPERSON_A_NUMBER ? "A-number" :
		  "name and date of birth", o->id, o->file, q.line, q.col);
}

/* The source line of each warning, each file read once. */
static void sources(struct diag_list *d, size_t from, struct arena *a)
{
	for (size_t i = from; i < d->n; i++) {
		if (d->v[i].source)
			continue;
		char *buf = NULL;
		size_t len = 0, sl;
		const char *why;
		if (yfile_read(d->v[i].file, 1u << 30, &buf, &len, &why))
			continue;
		for (size_t k = i; k < d->n; k++) {
			if (strcmp(d->v[k].file, d->v[i].file) || d->v[k].source)
				continue;
			const char *s = diag_find_line(buf, len, d->v[k].line,
						       &sl, NULL);
			if (s)
				d->v[k].source = arena_strndup(a, s, sl > 4096 ?
							       4096 : sl);
		}
		free(buf);
	}
}

void sameperson_warn(const struct cw_case *const *cases,
		     const struct sameperson_pair *p, size_t n,
		     char *const *files, size_t n_files,
		     struct diag_list *diags, struct arena *arena)
{
	size_t from = diags->n;
	for (size_t i = 0; i < n; i++) {
		if (p[i].known)
			continue;
		warn(diags, arena, cases[p[i].a], cases[p[i].b], p[i].why,
		     files, n_files);
		warn(diags, arena, cases[p[i].b], cases[p[i].a], p[i].why,
		     files, n_files);
	}
	sources(diags, from, arena);
}
