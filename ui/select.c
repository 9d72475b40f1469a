/* select.c - the list's filter and sort; see select.h. */
#include "select.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

#define UI_COLUMN_NAME(id, name, title) [id] = name,
#define UI_COLUMN_TITLE(id, name, title) [id] = title,
const char *const ui_column_names[COL__COUNT] = { UI_COLUMNS(UI_COLUMN_NAME) };
const char *const ui_column_titles[COL__COUNT] = {
	UI_COLUMNS(UI_COLUMN_TITLE)
};

enum term_kind { T_PATH, T_HEARING, T_RUNNING, T_RELIEF, T_PENALTY, T_TAG,
		 T_TEXT };

static const char *const term_names[] = {
	[T_PATH] = "path", [T_HEARING] = "hearing", [T_RUNNING] = "running",
	[T_RELIEF] = "relief", [T_PENALTY] = "penalty", [T_TAG] = "tag",
	[T_TEXT] = "text",
};

void select_init(struct select *s)
{
	memset(s, 0, sizeof(*s));
	arena_init(&s->arena, 4096);
}

void select_free(struct select *s)
{
	arena_free(&s->arena);
	free(s->idx);
	free(s->order);
	memset(s, 0, sizeof(*s));
}

/* One term "key=value" or "running"; -1 when tok is not a term. */
static int parse_term(const char *tok, size_t len, const char **arg,
		      size_t *arglen)
{
	for (size_t k = 0; k < sizeof(term_names) / sizeof(*term_names); k++) {
		size_t n = strlen(term_names[k]);
		if (k == T_RUNNING) {
			if (len == n && !strncmp(tok, "running", n)) {
				*arg = "";
				*arglen = 0;
				return (int)k;
			}
			continue;
		}
		if (len > n + 1 && !strncmp(tok, term_names[k], n) &&
		    tok[n] == '=') {
			*arg = tok + n + 1;
			*arglen = len - n - 1;
			return (int)k;
		}
	}
	return -1;
}

static bool parse_terms(struct select *s, const char *text)
{
	const char *p = text;
	s->n_terms = 0;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, " "), alen;
		const char *arg;
		int k = parse_term(p, len, &arg, &alen);
		if (k < 0 || s->n_terms == SEL_TERMS_MAX)
			return false;
		if (k == T_HEARING && strncmp(arg, "yes", alen) &&
		    strncmp(arg, "no", alen))
			return false;
		s->terms[s->n_terms].kind = k;
		s->terms[s->n_terms].arg = arena_strndup(&s->arena, arg, alen);
		s->n_terms++;
		p += len;
	}
	return true;
}

bool select_set_filter(struct select *s, const struct model *m,
		       const char *text, char *err, size_t errsz)
{
	struct select old = *s;
	arena_init(&s->arena, 4096);
	s->expr = NULL;
	s->expr_facts = NULL;
	s->n_expr_facts = 0;
	s->vals = NULL;
	snprintf(s->filter, sizeof(s->filter), "%s", text);
	if (!parse_terms(s, text)) {
		struct expr_error e;
		s->n_terms = 0;
		if (!m->have_rules)
			snprintf(err, errsz, "filter: not a term, and there are "
				 "no rules to evaluate an expression");
		else if (!(s->expr = expr_compile(text, strlen(text),
						  &m->rules.env, &s->arena, &e)))
			snprintf(err, errsz, "filter: column %u: %s (terms: "
				 "path= hearing= running relief= penalty= tag= "
				 "text=)", e.offset + 1, e.msg);
		if (!s->expr) {
			arena_free(&s->arena);
			old.idx = s->idx;
			old.n = s->n;
			*s = old;
			return false;
		}
		/* a row's facts are unpacked, at each filtering, only where
		 * the expression looks */
		size_t n = m->rules.env.n_facts;
		s->expr_facts = arena_alloc(&s->arena, (n + 1) *
					    sizeof(*s->expr_facts));
		s->n_expr_facts = expr_facts(s->expr, s->expr_facts, 0, n);
		s->vals = arena_alloc(&s->arena, (n + 1) * sizeof(*s->vals));
		for (size_t i = 0; i < n; i++)
			s->vals[i] = value_unknown();
	}
	arena_free(&old.arena);
	return true;
}

static bool prefix(const char *s, const char *p)
{
	return s && !strncmp(s, p, strlen(p));
}

/* Case-insensitive (ASCII) substring, on the shown form of hay. */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

static bool penalty_match(const struct model *m, const struct row_info *o,
			  const char *id)
{
	for (uint32_t i = 0; i < o->n_pen; i++)
		if (prefix(m->rules.v[o->rules[i]].id, id))
			return true;
	return false;
}

static bool term_holds(const struct select *s, const struct select_term *t,
		       const struct model *m, const struct model_row *r)
{
	const struct row_info *o = r->info;
	bool ok = m->have_rules && o->assessed;
	switch (t->kind) {
	case T_PATH:
		return ok && prefix(enum_name(&path_id_def, o->path), t->arg);
	case T_HEARING:
		return ok && o->hearing == (t->arg[0] == 'y');
	case T_RUNNING:
		return o->running;
	case T_RELIEF: {
		int st = enum_value(&relief_status_def, t->arg, strlen(t->arg));
		return ok && st >= 0 && o->n_status[st] > 0;
	}
	case T_PENALTY:
		return ok && penalty_match(m, o, t->arg);
	case T_TAG:
		return case_has_tag(r->c, t->arg);
	case T_TEXT:
		return contains(r->c->id, t->arg) ||
		       contains(model_name(r, s->redact), t->arg);
	}
	return false;
}

static bool shown(const struct select *s, const struct model *m,
		  const struct model_row *r)
{
	if (s->expr) {
		if (!m->have_rules || !r->info->assessed)
			return false;
		factpack_get(&m->facts, r->info->facts, s->expr_facts,
			     s->n_expr_facts, s->vals);
		return value_truth(expr_eval(s->expr, s->vals, NULL)) == 1;
	}
	for (int i = 0; i < s->n_terms; i++)
		if (!term_holds(s, &s->terms[i], m, r))
			return false;
	return true;
}

/* qsort has no context argument in C11: the comparison gets it from this
 * per-sort record, which lives on select_apply's stack only. */
struct sort_ctx {
	const struct select *s;
	const struct model *m;
};
struct sort_item {
	size_t row;
	const struct sort_ctx *ctx;
};

static int cmp_int(long a, long b)
{
	return (a > b) - (a < b);
}

static long until_key(const struct model_row *r)
{
	const struct row_info *o = r->info;
	if (o->headline < 0)
		return -2147483647L;
	return date_known(o->headline_until) ?
		(long)date_lo(o->headline_until) : 2147483647L;
}

static const char *headline_id(const struct model *m,
			       const struct model_row *r)
{
	return r->info->headline >= 0 ? m->rules.v[r->info->headline].id : "";
}

static int cmp_col(const struct sort_ctx *c, const struct model_row *a,
		   const struct model_row *b)
{
	bool rules = c->m->have_rules;
	switch (c->s->sort) {
	case COL_NAME:
		return strcmp(model_name(a, c->s->redact),
			      model_name(b, c->s->redact));
	case COL_PATH:
		return rules ? cmp_int(a->info->path, b->info->path) : 0;
	case COL_HEARING:
		return rules ? cmp_int(a->info->hearing, b->info->hearing) : 0;
	case COL_PENALTY:
		return strcmp(headline_id(c->m, a), headline_id(c->m, b));
	case COL_UNTIL:
		return cmp_int(until_key(a), until_key(b));
	case COL_RELIEF:
		return cmp_int(a->info->n_status[RSTAT_FORFEITED],
			       b->info->n_status[RSTAT_FORFEITED]);
	default:
		return strcmp(a->c->id, b->c->id);
	}
}

static int cmp_items(const void *x, const void *y)
{
	const struct sort_item *a = x, *b = y;
	const struct sort_ctx *c = a->ctx;
	int r = cmp_col(c, &c->m->rows[a->row], &c->m->rows[b->row]);
	if (c->s->reverse)
		r = -r;
	/* ties keep load order, so the sort is stable */
	return r ? r : cmp_int((long)a->row, (long)b->row);
}

/* s->order for the current sort, made again if out of date. */
static void sort_all(struct select *s, const struct model *m)
{
	if (s->order && s->order_generation == m->generation &&
	    s->n_order == m->n_rows && s->order_sort == s->sort &&
	    s->order_reverse == s->reverse && s->order_redact == s->redact)
		return;
	struct sort_ctx ctx = { s, m };
	struct sort_item *items = xmalloc((m->n_rows + 1) * sizeof(*items));
	for (size_t i = 0; i < m->n_rows; i++)
		items[i] = (struct sort_item){ i, &ctx };
	qsort(items, m->n_rows, sizeof(*items), cmp_items);
	free(s->order);
	s->order = xmalloc((m->n_rows + 1) * sizeof(*s->order));
	for (size_t i = 0; i < m->n_rows; i++)
		s->order[i] = items[i].row;
	free(items);
	s->n_order = m->n_rows;
	s->order_generation = m->generation;
	s->order_sort = s->sort;
	s->order_reverse = s->reverse;
	s->order_redact = s->redact;
}

void select_apply(struct select *s, const struct model *m)
{
	sort_all(s, m);
	free(s->idx);
	s->idx = xmalloc((m->n_rows + 1) * sizeof(*s->idx));
	size_t n = 0;
	s->n_hearing = 0;
	for (size_t i = 0; i < m->n_rows; i++) {
		const struct model_row *r = &m->rows[s->order[i]];
		if (shown(s, m, r)) {
			s->idx[n++] = s->order[i];
			s->n_hearing += r->info->hearing;
		}
	}
	s->n = n;
}

const char *select_describe(const struct select *s, char *buf, size_t n)
{
	snprintf(buf, n, "sort: %s%s", ui_column_names[s->sort],
		 s->reverse ? " (reversed)" : "");
	return buf;
}
