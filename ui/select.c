/* select.c - the list's compiled filter and sort; see select.h. */
#include "select.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UI_COLUMN_NAME(id, name, title, key) [id] = name,
#define UI_COLUMN_TITLE(id, name, title, key) [id] = title,
#define UI_COLUMN_KEY(id, name, title, key) [id] = key,
const char *const ui_column_names[COL__COUNT] = { UI_COLUMNS(UI_COLUMN_NAME) };
const char *const ui_column_titles[COL__COUNT] = {
	UI_COLUMNS(UI_COLUMN_TITLE)
};
const int ui_column_keys[COL__COUNT] = { UI_COLUMNS(UI_COLUMN_KEY) };

void select_init(struct select *s)
{
	char err[64];
	memset(s, 0, sizeof(*s));
	arena_init(&s->arena, 4096);
	/* the command line's default order (casewalk list) */
	query_sort_parse("id", &s->sort, err, sizeof(err));
}

void select_free(struct select *s)
{
	arena_free(&s->arena);
	free(s->idx);
	free(s->order);
	memset(s, 0, sizeof(*s));
}

bool select_set_filter(struct select *s, const struct model *m,
		       const char *text, char *err, size_t errsz)
{
	struct arena a;
	arena_init(&a, 4096);
	struct query_filter *f = query_filter_compile(m->have_rules ?
		&m->rules : NULL, text, &a, err, errsz);
	if (f && s->quiz_hidden && !query_filter_quiz_safe(f)) {
		snprintf(err, errsz, "hidden in the quiz: only tag= filters "
			 "until every case is revealed (v)");
		f = NULL;
	}
	if (!f) {
		arena_free(&a);
		return false;
	}
	/* text may be s->filter itself (compiled again after a reload):
	 * the compiled filter keeps its own copy */
	arena_free(&s->arena);
	s->arena = a;
	s->f = f;
	snprintf(s->filter, sizeof(s->filter), "%s", query_filter_text(f));
	return true;
}

bool select_sort_hidden(const struct select *s, int k)
{
	return s->quiz_hidden && k != QK_NAME;
}

bool select_set_sort(struct select *s, int k, bool desc, char *err,
		     size_t errsz)
{
	if (select_sort_hidden(s, k)) {
		snprintf(err, errsz, "hidden in the quiz: %s sorts by what the "
			 "quiz hides; only name until every case is revealed "
			 "(v)", query_key_names[k]);
		return false;
	}
	s->sort.n = 1;
	s->sort.key[0] = (uint8_t)k;
	s->sort.desc[0] = desc;
	return true;
}

static bool same_sort(const struct query_sort *a, const struct query_sort *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (a->key[i] != b->key[i] || a->desc[i] != b->desc[i])
			return false;
	return true;
}

/* s->order for the current sort, made again if out of date: the core's
 * selection of every row (query_select), in the order it sorts them. */
static void sort_all(struct select *s, const struct model *m)
{
	size_t n = model_rows(m);
	if (s->order && s->order_generation == m->generation &&
	    s->n_order == n && same_sort(&s->order_sort, &s->sort) &&
	    s->order_redact == s->redact)
		return;
	free(s->order);
	s->order = xmalloc((n + 1) * sizeof(*s->order));
	if (!s->sort.n && s->quiz_order) {
		memcpy(s->order, s->quiz_order, n * sizeof(*s->order));
		s->n_order = n;
	} else {
		s->n_order = query_select(&m->cat, NULL, &s->sort, s->redact,
					  s->order);
	}
	s->order_generation = m->generation;
	s->order_sort = s->sort;
	s->order_redact = s->redact;
}

/* The rows the filter matches, in the sorted order: what query_select
 * gives with both (its sort breaks ties by load order, so filtering the
 * sorted rows keeps the same order), without sorting at each keystroke. */
void select_apply(struct select *s, const struct model *m)
{
	sort_all(s, m);
	free(s->idx);
	s->idx = xmalloc((s->n_order + 1) * sizeof(*s->idx));
	size_t n = 0;
	s->n_hearing = 0;
	for (size_t i = 0; i < s->n_order; i++) {
		size_t row = s->order[i];
		if (query_filter_match(s->f, &m->cat, row, s->redact)) {
			s->idx[n++] = row;
			s->n_hearing += model_row(m, row)->hearing;
		}
	}
	s->n = n;
}

const char *select_describe(const struct select *s, char *buf, size_t n)
{
	if (!s->sort.n)
		snprintf(buf, n, s->quiz_order ? "sort: quiz order" :
			 "sort: load order");
	else
		snprintf(buf, n, "sort: %s%s", query_key_names[s->sort.key[0]],
			 s->sort.desc[0] ? ", descending" : "");
	return buf;
}
