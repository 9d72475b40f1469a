/* query.c - the list's summaries, the filter language, the sort and the
 * statistics both front ends use; see query.h.
 */
#include "query.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts.h"
#include "outbuf.h"
#include "redact.h"
#include "relief.h"
#include "sameperson.h"

#define CW_KEY_NAME(id, name, title) [id] = name,
#define CW_KEY_TITLE(id, name, title) [id] = title,
const char *const query_key_names[QK__COUNT] = { QUERY_KEYS(CW_KEY_NAME) };
const char *const query_key_titles[QK__COUNT] = { QUERY_KEYS(CW_KEY_TITLE) };
#undef CW_KEY_NAME
#undef CW_KEY_TITLE

/* ---- one case ------------------------------------------------------------ */

static uint16_t rule_ix(const struct rules *r, const struct rule *rl)
{
	return (uint16_t)(rl - r->v);
}

/* The first scheduled hearing on or after day `from` (events are in
 * date order). */
static void next_hearing(struct case_row *row, const struct cw_case *c,
			 daynum from)
{
	row->next_hearing = ASSESS_NO_DAY;
	row->next_hearing_minute = -1;
	for (uint32_t i = 0; c && i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_HEARING && e->scheduled == TRI_TRUE &&
		    date_known(e->date) && date_hi(e->date) >= from) {
			row->next_hearing = date_lo(e->date);
			row->next_hearing_minute = e->minute;
			return;
		}
	}
}

struct case_row *query_row(const struct query_ctx *q,
			   const struct assessment *a, struct arena *keep)
{
	const struct rules *r = q->rules;
	const struct outcome_side *s = &a->taken;
	struct case_row *row = arena_zalloc(keep, sizeof(*row));
	row->headline = -1;
	row->headline_running = -1;
	row->headline_until_lo = row->headline_until_hi = ASSESS_NO_DAY;
	row->no_waiver = row->with_waivers = ASSESS_NO_DAY;
	next_hearing(row, a->c, date_lo(q->as_of));
	if (!r)
		return row;
	row->assessed = true;
	row->path = s->path;
	row->hearing = s->hearing;
	row->bar_running = s->bar_running;
	const struct penalty *h = assess_headline(s);
	if (h) {
		row->headline = (int16_t)rule_ix(r, h->rule);
		row->headline_running = h->running;
		row->headline_permanent = h->permanent;
		row->headline_until_lo = h->until_lo;
		row->headline_until_hi = h->until_hi;
	}
	struct row_pen *pen = arena_alloc(keep, (s->n_pen + 1) * sizeof(*pen));
	for (uint32_t i = 0; i < s->n_pen; i++)
		pen[i] = (struct row_pen){ rule_ix(r, s->pen[i].rule),
					   s->pen[i].running, s->pen[i].possible };
	row->pen = pen;
	row->n_pen = (uint16_t)s->n_pen;
	struct row_rel *rel = arena_alloc(keep, (s->n_rel + 1) * sizeof(*rel));
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *e = &s->rel[i];
		rel[i] = (struct row_rel){ rule_ix(r, e->rule), e->status,
					   e->then.status, e->now.status,
					   e->now.certainty };
	}
	row->rel = rel;
	row->n_rel = (uint16_t)s->n_rel;
	row->no_waiver = s->wb.no_waiver;
	row->with_waivers = s->wb.with_waivers;
	if (q->alt) {
		row->have_alt = true;
		row->alt_path = a->alt.path;
		row->alt_no_waiver = a->alt.wb.no_waiver;
		row->alt_with_waivers = a->alt.wb.with_waivers;
	}
	if (q->facts)
		row->facts = factpack_pack(q->facts, s->facts, keep);
	return row;
}

void *query_row_of_case(void *ctx, const struct cw_case *c,
			struct arena *keep, struct arena *tmp)
{
	const struct query_ctx *q = ctx;
	struct assessment as;
	if (!q->rules) {
		memset(&as, 0, sizeof(as));
		as.c = c;
		return query_row(q, &as, keep);
	}
	assess_case_paths(q->rules, c, q->as_of, q->law_as_of, q->alt, &as,
			  tmp);
	as.c = c;
	return query_row(q, &as, keep);
}

/* ---- the loaded cases ---------------------------------------------------- */

void catalog_init(struct catalog *cat, const struct rules *r)
{
	memset(cat, 0, sizeof(*cat));
	cat->rules = r;
	if (r)
		factpack_init(&cat->facts, &r->env, facts_strings,
			      facts_n_strings);
}

/* A label's parts, each cut to 255 bytes at a character's start (names
 * longer than that are not shown whole anyway). */
static size_t part_len(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n <= 255)
		return n;
	n = 255;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static size_t make_label(struct catalog_row *r, char *at, bool write)
{
	char pseudonym[REDACT_BUFSZ];
	const char *parts[3] = { r->c->id, r->c->person.name,
				 redact_case_name(r->c, pseudonym,
						  sizeof(pseudonym)) };
	size_t len = 0;
	if (write)
		r->label = at;
	for (int k = 0; k < 3; k++) {
		size_t n = part_len(parts[k]);
		if (write) {
			if (k == 1)
				r->name_at = (uint16_t)len;
			if (k == 2)
				r->pseudonym_at = (uint16_t)len;
			if (n)
				memcpy(at + len, parts[k], n);
			at[len + n] = '\0';
		}
		len += n + 1;
	}
	return len;
}

/* Each row's list of the rows that look like the same person. */
static void same_people(struct catalog *cat, const struct corpus *c)
{
	struct sameperson_pair *p;
	size_t n = sameperson_find((const struct cw_case *const *)c->cases,
				   c->n_cases, &p);
	redact_assign(c->cases, c->n_cases, p, n);
	size_t *at = xcalloc(cat->n_rows + 1, sizeof(*at));
	for (size_t i = 0; i < n; i++) {
		cat->rows[p[i].a].n_same++;
		cat->rows[p[i].b].n_same++;
	}
	for (size_t i = 0, off = 0; i < cat->n_rows; i++) {
		at[i] = off;
		off += cat->rows[i].n_same;
	}
	cat->same = xmalloc((2 * n + 1) * sizeof(*cat->same));
	for (size_t i = 0; i < cat->n_rows; i++)
		cat->rows[i].same = cat->same + at[i];
	/* pairs come sorted by a, then b: each row's list in row order */
	for (size_t i = 0; i < n; i++) {
		cat->same[at[p[i].a]++] = p[i].b;
		cat->same[at[p[i].b]++] = p[i].a;
	}
	free(at);
	free(p);
}

void catalog_build(struct catalog *cat, const struct corpus *c)
{
	static unsigned generations;
	cat->generation = ++generations;
	cat->n_rows = c->n_cases;
	cat->rows = xcalloc(cat->n_rows + 1, sizeof(*cat->rows));
	size_t need = 1;
	for (size_t i = 0; i < cat->n_rows; i++) {
		cat->rows[i].c = c->cases[i];
		cat->rows[i].row = c->cases[i]->user;
	}
	same_people(cat, c);    /* and the pseudonyms the labels carry */
	for (size_t i = 0; i < cat->n_rows; i++)
		need += make_label(&cat->rows[i], NULL, false);
	cat->labels = xmalloc(need);
	for (size_t i = 0, at = 0; i < cat->n_rows; i++)
		at += make_label(&cat->rows[i], cat->labels + at, true);
}

void catalog_free(struct catalog *cat)
{
	if (cat->rules)
		factpack_free(&cat->facts);
	free(cat->rows);
	free(cat->labels);
	free(cat->same);
	memset(cat, 0, sizeof(*cat));
}

const char *catalog_name(const struct catalog_row *r, bool redact)
{
	return r->label + (redact ? r->pseudonym_at : r->name_at);
}

/* ---- names and the nearest one --------------------------------------------- */

/* Levenshtein distance of a and b (each at most 63 bytes counted). */
static int distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	if (la > 63)
		la = 63;
	if (lb > 63)
		lb = 63;
	int prev[64], cur[64];
	for (int j = 0; j <= lb; j++)
		prev[j] = j;
	for (int i = 1; i <= la; i++) {
		cur[0] = i;
		for (int j = 1; j <= lb; j++) {
			int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) :
				 (del < ins ? del : ins);
		}
		memcpy(prev, cur, (size_t)(lb + 1) * sizeof(int));
	}
	return prev[lb];
}

/* The candidate nearest s, if near enough to be a likely typo (or s is a
 * prefix of it), else NULL. */
struct near {
	const char *best;
	int d;
	const char *s;
};

static void near_try(struct near *n, const char *cand)
{
	if (!cand)
		return;
	int d = distance(n->s, cand);
	if (strlen(n->s) >= 3 && !strncmp(cand, n->s, strlen(n->s)))
		d = 1;          /* a prefix of it */
	if (!n->best || d < n->d) {
		n->best = cand;
		n->d = d;
	}
}

static const char *near_result(const struct near *n)
{
	int len = (int)strlen(n->s);
	int max = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	return n->best && n->d <= max ? n->best : NULL;
}

static void did_you_mean(char *err, size_t errsz, const char *best)
{
	size_t used = strlen(err);
	if (best && used < errsz)
		snprintf(err + used, errsz - used, "; did you mean %s?", best);
}

/* ---- the filter ------------------------------------------------------------ */

enum term_kind { TK_PATH, TK_HEARING, TK_TAG, TK_TEXT, TK_BAR, TK_PENALTY,
		 TK_RELIEF, TK_RULE };

static const char *const term_keys[] = {
	[TK_PATH] = "path", [TK_HEARING] = "hearing", [TK_TAG] = "tag",
	[TK_TEXT] = "text", [TK_BAR] = "bar", [TK_PENALTY] = "penalty",
	[TK_RELIEF] = "relief",
};
#define N_TERM_KEYS 7

enum bar_what { BAR_RUNNING, BAR_ENDED, BAR_ANY, BAR_POSSIBLE, BAR_RULE };
enum status_kind { ST_LEGACY, ST_THEN, ST_NOW };
enum pen_mode { PM_ATTACHES, PM_POSSIBLE, PM_EITHER };

struct term {
	uint8_t kind;                   /* enum term_kind */
	uint8_t what;                   /* bar: enum bar_what; hearing: 1 yes;
					   penalty: enum pen_mode */
	uint8_t skind, status;          /* RULE=, relief=: which status */
	int path;                       /* path=: its id */
	int rule;                       /* bar=RULE, penalty=, RULE=: index */
	const char *arg;                /* tag=, text= */
	const char *src;                /* as written, for messages */
};

struct query_filter {
	const char *text;
	struct term *terms;
	uint32_t n_terms;
	struct expr *expr;              /* NULL: match everything */
	struct expr_env env;            /* the rules' facts, then one per term */
	size_t n_facts;                 /* the rules' */
	uint32_t *used;                 /* the rules' facts it names */
	size_t n_used;
};

static const char *rule_id_of(const struct rules *r, int i)
{
	return r && i >= 0 && (size_t)i < r->n ? r->v[i].id : "";
}

/* Index of the rule named id: want 0 a penalty, 1 a relief, 2 a rule of
 * kind bar, -1 any; or -1. */
static int find_rule(const struct rules *r, const char *id, size_t n,
		     int want)
{
	for (size_t i = 0; r && i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		if (!rl->id || strlen(rl->id) != n || strncmp(rl->id, id, n))
			continue;
		bool pen = rule_kind_is_penalty(rl->kind);
		if (want < 0 || (want == 0 && pen) || (want == 1 && !pen) ||
		    (want == 2 && rl->kind == KIND_BAR))
			return (int)i;
	}
	return -1;
}

static void suggest_rule(const struct rules *r, const char *id, int want,
			 char *err, size_t errsz)
{
	struct near n = { NULL, 0, id };
	for (size_t i = 0; r && i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		bool pen = rule_kind_is_penalty(rl->kind);
		if ((want == 0 && !pen) || (want == 1 && pen) ||
		    (want == 2 && rl->kind != KIND_BAR))
			continue;
		near_try(&n, rl->id);
	}
	did_you_mean(err, errsz, near_result(&n));
}

/* "possible", "then:forfeited", "now:available" */
static bool parse_status(const char *v, struct term *t, char *err,
			 size_t errsz)
{
	const struct enum_def *def = &relief_status_def;
	t->skind = ST_LEGACY;
	if (!strncmp(v, "then:", 5)) {
		def = &then_status_def;
		t->skind = ST_THEN;
		v += 5;
	} else if (!strncmp(v, "now:", 4)) {
		def = &now_status_def;
		t->skind = ST_NOW;
		v += 4;
	}
	int st = enum_value(def, v, strlen(v));
	if (st >= 0) {
		t->status = (uint8_t)st;
		return true;
	}
	struct near n = { NULL, 0, v };
	size_t used = 0;
	used += (size_t)snprintf(err, errsz, "filter: unknown %s '%s' (allowed:",
				 t->skind == ST_THEN ? "status then" :
				 t->skind == ST_NOW ? "status now" : "status", v);
	for (int i = 0; i < def->count; i++) {
		near_try(&n, def->names[i]);
		if (used < errsz)
			used += (size_t)snprintf(err + used, errsz - used, " %s",
						 def->names[i]);
	}
	if (used < errsz)
		snprintf(err + used, errsz - used, "%s",
			 t->skind == ST_LEGACY ? "; or then:STATUS, now:STATUS)"
					       : ")");
	did_you_mean(err, errsz, near_result(&n));
	return false;
}

static bool term_path(const char *v, struct term *t, char *err, size_t errsz)
{
	int found = -1, count = 0;
	size_t n = strlen(v);
	for (int p = 0; p < PATH__COUNT; p++) {
		const char *name = path_id_def.names[p];
		if (!strcmp(name, v)) {
			t->path = p;
			return true;
		}
		if (n && !strncmp(name, v, n)) {
			found = p;
			count++;
		}
	}
	if (count == 1) {
		t->path = found;
		return true;
	}
	struct near nr = { NULL, 0, v };
	size_t used = (size_t)snprintf(err, errsz, count ?
		"filter: path=%s could be" : "filter: unknown path '%s' (allowed:",
		v);
	for (int p = 0; p < PATH__COUNT; p++) {
		const char *name = path_id_def.names[p];
		near_try(&nr, name);
		if ((!count || !strncmp(name, v, n)) && used < errsz)
			used += (size_t)snprintf(err + used, errsz - used, " %s",
						 name);
	}
	if (!count && used < errsz)
		snprintf(err + used, errsz - used, ")");
	if (!count)
		did_you_mean(err, errsz, near_result(&nr));
	return false;
}

/* One term KEY=VALUE (or `running`) into t; false with a message. */
static bool parse_term(const struct rules *r, const char *key,
		       const char *v, struct term *t, char *err, size_t errsz)
{
	memset(t, 0, sizeof(*t));
	t->rule = -1;
	int k = -1;
	for (int i = 0; i < N_TERM_KEYS; i++)
		if (!strcmp(term_keys[i], key))
			k = i;
	if (k < 0) {
		int rl = find_rule(r, key, strlen(key), 1);
		if (rl < 0) {
			struct near n = { NULL, 0, key };
			for (int i = 0; i < N_TERM_KEYS; i++)
				near_try(&n, term_keys[i]);
			for (size_t i = 0; r && i < r->n; i++)
				if (!rule_kind_is_penalty(r->v[i].kind))
					near_try(&n, r->v[i].id);
			snprintf(err, errsz, "filter: unknown term '%s=' (terms: "
				 "path= hearing= tag= text= bar= penalty= "
				 "relief=, RULE=STATUS for a relief rule, or an "
				 "expression over facts)", key);
			did_you_mean(err, errsz, near_result(&n));
			return false;
		}
		t->kind = TK_RULE;
		t->rule = rl;
		return parse_status(v, t, err, errsz);
	}
	t->kind = (uint8_t)k;
	switch (k) {
	case TK_PATH:
		return term_path(v, t, err, errsz);
	case TK_HEARING:
		if (!strcmp(v, "yes") || !strcmp(v, "no")) {
			t->what = v[0] == 'y';
			return true;
		}
		snprintf(err, errsz, "filter: hearing=%s: yes or no", v);
		return false;
	case TK_TAG:
	case TK_TEXT:
		if (!*v) {
			snprintf(err, errsz, "filter: %s= needs a value", key);
			return false;
		}
		t->arg = v;
		return true;
	case TK_BAR: {
		static const char *const w[] = { "running", "ended", "any",
						 "possible" };
		for (int i = 0; i < 4; i++)
			if (!strcmp(v, w[i])) {
				t->what = (uint8_t)i;
				return true;
			}
		t->what = BAR_RULE;
		t->rule = find_rule(r, v, strlen(v), 2);
		if (t->rule >= 0)
			return true;
		snprintf(err, errsz, "filter: bar=%s: running, ended, any, "
			 "possible, or the id of a re-entry bar (a rule of kind "
			 "bar)", v);
		struct near n = { NULL, 0, v };
		for (int i = 0; i < 4; i++)
			near_try(&n, w[i]);
		for (size_t i = 0; r && i < r->n; i++)
			if (r->v[i].kind == KIND_BAR)
				near_try(&n, r->v[i].id);
		did_you_mean(err, errsz, near_result(&n));
		return false;
	}
	case TK_PENALTY: {
		const char *colon = strchr(v, ':');
		size_t n = colon ? (size_t)(colon - v) : strlen(v);
		t->what = PM_ATTACHES;
		if (colon && !strcmp(colon, ":possible"))
			t->what = PM_POSSIBLE;
		else if (colon && !strcmp(colon, ":any"))
			t->what = PM_EITHER;
		else if (colon) {
			snprintf(err, errsz, "filter: penalty=%s: RULE, "
				 "RULE:possible or RULE:any", v);
			return false;
		}
		t->rule = find_rule(r, v, n, 0);
		if (t->rule >= 0)
			return true;
		char id[96];
		snprintf(id, sizeof(id), "%.*s", (int)n, v);
		snprintf(err, errsz, "filter: penalty=%s: no penalty rule '%s'",
			 v, id);
		suggest_rule(r, id, 0, err, errsz);
		return false;
	}
	case TK_RELIEF: {
		if (parse_status(v, t, err, errsz))
			return true;
		/* relief=cancel: the name of a relief, not a status */
		struct near nr = { NULL, 0, v };
		size_t vl = strlen(v);
		const char *pre = NULL;
		int n_pre = 0;
		for (size_t i = 0; r && i < r->n; i++) {
			const char *id = r->v[i].id;
			if (rule_kind_is_penalty(r->v[i].kind) || !id)
				continue;
			near_try(&nr, id);
			if (vl && !strncmp(id, v, vl)) {
				pre = id;
				n_pre++;
			}
		}
		const char *best = n_pre == 1 ? pre : near_result(&nr);
		size_t used = strlen(err);
		if (best && used < errsz)
			snprintf(err + used, errsz - used,
				 "; '%s' names a relief: did you mean "
				 "%s=possible (or %s=now:available)?", v, best,
				 best);
		return false;
	}
	}
	return false;
}

static int rel_status(const struct row_rel *x, uint8_t kind)
{
	return kind == ST_THEN ? x->then : kind == ST_NOW ? x->now : x->status;
}

static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

static bool term_holds(const struct term *t, const struct rules *r,
		       const struct cw_case *c, const struct case_row *o,
		       const char *name)
{
	bool ok = r && o->assessed;
	switch (t->kind) {
	case TK_PATH:
		return ok && o->path == t->path;
	case TK_HEARING:
		return ok && o->hearing == (t->what == 1);
	case TK_TAG:
		return case_has_tag(c, t->arg);
	case TK_TEXT:
		return contains(c->id, t->arg) || contains(name, t->arg);
	case TK_BAR: {
		if (!ok)
			return false;
		if (t->what == BAR_RUNNING)
			return o->bar_running == 1;
		bool any = false, possible = false, rule = false;
		for (uint16_t i = 0; i < o->n_pen; i++) {
			const struct row_pen *p = &o->pen[i];
			if (r->v[p->rule].kind != KIND_BAR)
				continue;
			if (p->possible)
				possible = true;
			else
				any = true;
			if (!p->possible && p->rule == t->rule)
				rule = true;
		}
		switch (t->what) {
		case BAR_ENDED: return any && o->bar_running == 0;
		case BAR_ANY: return any;
		case BAR_POSSIBLE: return possible;
		default: return rule;
		}
	}
	case TK_PENALTY:
		for (uint16_t i = 0; ok && i < o->n_pen; i++) {
			const struct row_pen *p = &o->pen[i];
			if (p->rule != t->rule)
				continue;
			if (t->what == PM_EITHER ||
			    (t->what == PM_POSSIBLE) == p->possible)
				return true;
		}
		return false;
	case TK_RELIEF:
	case TK_RULE:
		for (uint16_t i = 0; ok && i < o->n_rel; i++) {
			const struct row_rel *x = &o->rel[i];
			if (t->kind == TK_RULE && x->rule != t->rule)
				continue;
			if (rel_status(x, t->skind) == t->status)
				return true;
		}
		return false;
	}
	return false;
}

/* Is the '=' at s[i] a term's (not ==, <=, >=, !=)? */
static bool term_eq(const char *s, size_t i)
{
	if (i && strchr("=<>!", s[i - 1]))
		return false;
	return s[i + 1] != '=';
}

static bool word_char(char ch)
{
	return ch && !strchr(" \t()", ch);
}

/* The filter text with each term replaced by a fact name of its own,
 * "__t0" ..., into out; the terms into f.  Returns false with a
 * message. */
static bool rewrite(const struct rules *r, const char *text,
		    struct query_filter *f, struct arena *a, char **out,
		    char *err, size_t errsz)
{
	size_t len = strlen(text);
	/* each term takes at most its own length plus a few digits */
	char *o = arena_alloc(a, 8 * len + 16);
	size_t n = 0, cap_terms = len / 2 + 2, last_term_end = SIZE_MAX;
	f->terms = arena_alloc(a, cap_terms * sizeof(*f->terms));
	f->n_terms = 0;
	for (size_t i = 0; i < len;) {
		if (text[i] == '"' || text[i] == '\'') {
			char q = text[i];
			size_t j = i + 1;
			while (j < len && text[j] != q)
				j++;
			j = j < len ? j + 1 : j;
			memcpy(o + n, text + i, j - i);
			n += j - i;
			i = j;
			continue;
		}
		if (!word_char(text[i]) || (i && word_char(text[i - 1]))) {
			o[n++] = text[i++];
			continue;
		}
		size_t j = i;
		while (j < len && word_char(text[j]) && text[j] != '"' &&
		       text[j] != '\'')
			j++;
		/* a word: a term if it holds a term's '=' */
		size_t eq = i;
		while (eq < j && !(text[eq] == '=' && term_eq(text, eq)))
			eq++;
		bool running = j - i == 7 && !strncmp(text + i, "running", 7) &&
			       !(r && find_rule(r, "running", 7, -1) >= 0);
		if (eq == j && !running) {
			memcpy(o + n, text + i, j - i);
			n += j - i;
			i = j;
			continue;
		}
		char *key = arena_strndup(a, text + i, running ? 3 : eq - i);
		char *val = arena_strndup(a, running ? "running" :
					  text + eq + 1, running ? 7 :
					  j - eq - 1);
		if (running)
			strcpy(key, "bar");
		if (!parse_term(r, key, val, &f->terms[f->n_terms], err, errsz))
			return false;
		/* two terms side by side (the explorer's old way): both */
		size_t back = n;
		while (back && o[back - 1] == ' ')
			back--;
		if (f->n_terms && last_term_end == back)
			n += (size_t)sprintf(o + n, " and ");
		f->terms[f->n_terms].src = arena_strndup(a, text + i, j - i);
		n += (size_t)sprintf(o + n, "__t%u", f->n_terms++);
		last_term_end = n;
		i = j;
	}
	o[n] = '\0';
	*out = o;
	return true;
}

/* The expression's message with each term's stand-in ("__t1") written as
 * the user wrote the term, so that no internal name reaches the user. */
static void terms_as_written(const struct query_filter *f, const char *msg,
			     char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = msg; *p && used + 1 < n;) {
		unsigned k;
		int len = 0;
		if (!strncmp(p, "__t", 3) && sscanf(p, "__t%u%n", &k, &len) == 1 &&
		    k < f->n_terms && f->terms[k].src) {
			used += (size_t)snprintf(out + used, n - used, "%s",
						 f->terms[k].src);
			p += len;
			continue;
		}
		out[used++] = *p++;
		out[used] = '\0';
	}
	if (used >= n)
		out[n - 1] = '\0';
}

/* "unknown fact 'x'": the nearest fact name. */
static void suggest_fact(const struct query_filter *f, const char *msg,
			 char *err, size_t errsz)
{
	const char *q = strstr(msg, "unknown fact '");
	if (!q)
		return;
	q += strlen("unknown fact '");
	char name[96];
	size_t k = 0;
	while (q[k] && q[k] != '\'' && k + 1 < sizeof(name)) {
		name[k] = q[k];
		k++;
	}
	name[k] = '\0';
	struct near n = { NULL, 0, name };
	for (size_t i = 0; i < f->n_facts; i++)
		near_try(&n, f->env.facts[i].name);
	for (int i = 0; i < N_TERM_KEYS; i++)
		near_try(&n, term_keys[i]);
	const char *best = near_result(&n);
	if (best) {
		size_t used = strlen(err);
		bool term = false;
		for (int i = 0; i < N_TERM_KEYS; i++)
			term |= !strcmp(best, term_keys[i]);
		if (used < errsz)
			snprintf(err + used, errsz - used, "; did you mean %s%s?",
				 best, term ? "=..." : "");
	}
}

struct query_filter *query_filter_compile(const struct rules *r,
					  const char *text, struct arena *a,
					  char *err, size_t errsz)
{
	struct query_filter *f = arena_zalloc(a, sizeof(*f));
	f->text = arena_strdup(a, text);
	err[0] = '\0';
	size_t sp = strspn(text, " \t");
	if (!text[sp])
		return f;               /* everything */
	char *src;
	if (!rewrite(r, text, f, a, &src, err, errsz))
		return NULL;
	f->n_facts = r ? r->env.n_facts : 0;
	struct expr_fact *facts = arena_alloc(a, (f->n_facts + f->n_terms + 1) *
					      sizeof(*facts));
	if (f->n_facts)
		memcpy(facts, r->env.facts, f->n_facts * sizeof(*facts));
	for (uint32_t i = 0; i < f->n_terms; i++) {
		char *name = arena_alloc(a, 16);
		snprintf(name, 16, "__t%u", i);
		facts[f->n_facts + i] = (struct expr_fact){ name, VAL_BOOL };
	}
	f->env.facts = facts;
	f->env.n_facts = f->n_facts + f->n_terms;
	struct expr_error e;
	f->expr = expr_compile(src, strlen(src), &f->env, a, &e);
	if (!f->expr) {
		if (!r && f->n_terms == 0)
			snprintf(err, errsz, "filter: '%s' is not a term, and "
				 "without rules there are no facts to test",
				 text);
		else {
			char msg[sizeof(e.msg) + 256];
			terms_as_written(f, e.msg, msg, sizeof(msg));
			snprintf(err, errsz, "filter: %s (terms: path= hearing= "
				 "tag= text= bar= penalty= relief= RULE=STATUS, "
				 "joined with and, or, not)", msg);
		}
		suggest_fact(f, e.msg, err, errsz);
		return NULL;
	}
	if (expr_type(f->expr) != VAL_BOOL && expr_type(f->expr) != VAL_UNKNOWN) {
		snprintf(err, errsz, "filter: '%s' is not a condition (true or "
			 "false for each case)", text);
		return NULL;
	}
	f->used = arena_alloc(a, (f->n_facts + 1) * sizeof(*f->used));
	uint32_t *all = arena_alloc(a, (f->env.n_facts + 1) * sizeof(*all));
	size_t m = expr_facts(f->expr, all, 0, f->env.n_facts);
	for (size_t i = 0; i < m; i++)
		if (all[i] < f->n_facts)
			f->used[f->n_used++] = all[i];
	return f;
}

const char *query_filter_text(const struct query_filter *f)
{
	return f ? f->text : "";
}

bool query_filter_quiz_safe(const struct query_filter *f)
{
	if (!f || !f->expr)
		return true;
	if (f->n_used)
		return false;
	for (uint32_t i = 0; i < f->n_terms; i++)
		if (f->terms[i].kind != TK_TAG)
			return false;
	return true;
}

/* f on one case: its facts from `facts` (all of them) or from the packed
 * record `pack`. */
static bool match(const struct query_filter *f, const struct rules *r,
		  const struct factpack *fp, const struct cw_case *c,
		  const struct case_row *row, const char *name,
		  const struct value *facts)
{
	if (!f || !f->expr)
		return true;
	struct value small[256];
	size_t n = f->env.n_facts;
	struct value *v = n <= 256 ? small : xmalloc(n * sizeof(*v));
	for (size_t k = 0; k < f->n_used; k++)
		v[f->used[k]] = facts && row->assessed ? facts[f->used[k]] :
			value_unknown();
	if (!facts && f->n_used && r && row->assessed && row->facts)
		factpack_get(fp, row->facts, f->used, f->n_used, v);
	for (uint32_t k = 0; k < f->n_terms; k++)
		v[f->n_facts + k] = value_bool(term_holds(&f->terms[k], r, c,
							  row, name));
	bool ok = value_truth(expr_eval(f->expr, v, NULL)) == 1;
	if (v != small)
		free(v);
	return ok;
}

bool query_filter_match(const struct query_filter *f,
			const struct catalog *cat, size_t i, bool redact)
{
	const struct catalog_row *cr = &cat->rows[i];
	return match(f, cat->rules, &cat->facts, cr->c, cr->row,
		     catalog_name(cr, redact), NULL);
}

bool query_filter_case(const struct query_filter *f, const struct rules *r,
		       const struct assessment *a, const struct case_row *row,
		       const char *name)
{
	return match(f, r, NULL, a->c, row, name ? name : "", a->taken.facts);
}

/* ---- the sort -------------------------------------------------------------- */

bool query_sort_parse(const char *text, struct query_sort *s, char *err,
		      size_t errsz)
{
	memset(s, 0, sizeof(*s));
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, ",");
		bool desc = *p == '-';
		const char *w = p + desc;
		size_t wn = n - desc;
		int k = -1;
		for (int i = 0; i < QK__COUNT; i++)
			if (strlen(query_key_names[i]) == wn &&
			    !strncmp(query_key_names[i], w, wn))
				k = i;
		if (k < 0 || s->n == QUERY_SORT_KEYS) {
			char word[64];
			snprintf(word, sizeof(word), "%.*s", (int)wn, w);
			if (k >= 0) {
				snprintf(err, errsz, "sort: at most %d keys",
					 QUERY_SORT_KEYS);
				return false;
			}
			size_t used = (size_t)snprintf(err, errsz, "sort: unknown "
						       "key '%s' (keys:", word);
			struct near nr = { NULL, 0, word };
			for (int i = 0; i < QK__COUNT; i++) {
				near_try(&nr, query_key_names[i]);
				if (used < errsz)
					used += (size_t)snprintf(err + used,
						errsz - used, " %s",
						query_key_names[i]);
			}
			if (used < errsz)
				snprintf(err + used, errsz - used, "; -KEY "
					 "reverses)");
			did_you_mean(err, errsz, near_result(&nr));
			return false;
		}
		s->key[s->n] = (uint8_t)k;
		s->desc[s->n++] = desc;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

static int cmp_l(long long a, long long b)
{
	return (a > b) - (a < b);
}

/* The headline bar's last day as a key: no bar first, then by day, an
 * unknown end after every date, a permanent bar last. */
static long long until_key(const struct case_row *o)
{
	if (o->headline < 0)
		return -1;
	if (o->headline_permanent == 1)
		return 3LL << 40;
	if (o->headline_until_lo == ASSESS_NO_DAY)
		return 2LL << 40;
	return o->headline_until_lo;
}

static long long day_key(daynum d)
{
	return d == ASSESS_NO_DAY ? 1LL << 40 : d;
}

static int open_count(const struct case_row *o)
{
	int n = 0;
	for (uint16_t i = 0; i < o->n_rel; i++)
		n += query_relief_is_open(&o->rel[i]);
	return n;
}

struct sort_ctx {
	const struct catalog *cat;
	const struct query_sort *s;
	bool redact;
};

static int cmp_key(const struct sort_ctx *c, int key,
		   const struct catalog_row *a, const struct catalog_row *b)
{
	const struct case_row *x = a->row, *y = b->row;
	switch (key) {
	case QK_NAME:
		return strcmp(catalog_name(a, c->redact),
			      catalog_name(b, c->redact));
	case QK_PATH:
		return cmp_l(x->path, y->path);
	case QK_HEARING:
		return cmp_l(x->hearing, y->hearing);
	case QK_BAR:
		return strcmp(rule_id_of(c->cat->rules, x->headline),
			      rule_id_of(c->cat->rules, y->headline));
	case QK_UNTIL:
		return cmp_l(until_key(x), until_key(y));
	case QK_RELIEF:
		return cmp_l(open_count(x), open_count(y));
	case QK_WAY_BACK:
		return cmp_l(day_key(x->with_waivers), day_key(y->with_waivers));
	case QK_FILE: {
		int r = strcmp(a->c->file ? a->c->file : "",
			       b->c->file ? b->c->file : "");
		return r ? r : cmp_l(a->c->pos.line, b->c->pos.line);
	}
	default:
		return strcmp(a->c->id, b->c->id);
	}
}

/* qsort has no context argument in C11: each item carries it. */
struct sort_item {
	size_t row;
	const struct sort_ctx *ctx;
};

static int cmp_items(const void *p, const void *q)
{
	const struct sort_item *a = p, *b = q;
	const struct sort_ctx *c = a->ctx;
	const struct catalog_row *x = &c->cat->rows[a->row];
	const struct catalog_row *y = &c->cat->rows[b->row];
	for (int k = 0; k < c->s->n; k++) {
		int r = cmp_key(c, c->s->key[k], x, y);
		if (r)
			return c->s->desc[k] ? -r : r;
	}
	return cmp_l((long long)a->row, (long long)b->row);
}

void query_sort_rows(const struct catalog *cat, const struct query_sort *s,
		     bool redact, size_t *idx, size_t n)
{
	if (!s || !s->n || n < 2)
		return;
	struct sort_ctx ctx = { cat, s, redact };
	struct sort_item *items = xmalloc(n * sizeof(*items));
	for (size_t i = 0; i < n; i++)
		items[i] = (struct sort_item){ idx[i], &ctx };
	qsort(items, n, sizeof(*items), cmp_items);
	for (size_t i = 0; i < n; i++)
		idx[i] = items[i].row;
	free(items);
}

size_t query_select(const struct catalog *cat, const struct query_filter *f,
		    const struct query_sort *s, bool redact, size_t *idx)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->n_rows; i++)
		if (query_filter_match(f, cat, i, redact))
			idx[n++] = i;
	query_sort_rows(cat, s, redact, idx, n);
	return n;
}

/* ---- what a row shows ------------------------------------------------------ */

bool query_relief_is_open(const struct row_rel *x)
{
	return x->now == NOW_AVAILABLE || x->now == NOW_DEFENSIVE ||
	       x->now == NOW_VIA_MOTION;
}

/* marked: a '?' after an open relief whose certainty is possible */
static const char *join_rel(const struct catalog *cat,
			    const struct case_row *r, bool forfeited,
			    bool marked, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (uint16_t i = 0; cat->rules && i < r->n_rel; i++) {
		const struct row_rel *x = &r->rel[i];
		bool in = forfeited ? x->then == THEN_FORFEITED :
			query_relief_is_open(x);
		if (!in || used >= n)
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%s%s",
					 used ? ", " : "",
					 cat->rules->v[x->rule].id,
					 marked && x->certainty == CERT_POSSIBLE ?
					 "?" : "");
	}
	return buf;
}

const char *query_relief_open(const struct catalog *cat,
			      const struct case_row *r, char *buf, size_t n)
{
	return join_rel(cat, r, false, false, buf, n);
}

const char *query_relief_open_marked(const struct catalog *cat,
				     const struct case_row *r, char *buf,
				     size_t n)
{
	return join_rel(cat, r, false, true, buf, n);
}

const char *query_relief_forfeited(const struct catalog *cat,
				   const struct case_row *r, char *buf,
				   size_t n)
{
	return join_rel(cat, r, true, false, buf, n);
}

const char *query_until_text(const struct case_row *r, char *buf, size_t n)
{
	char b[ASSESS_RANGE_BUFSZ];
	if (r->headline < 0)
		snprintf(buf, n, "%s", "");
	else if (r->headline_permanent == 1)
		snprintf(buf, n, "permanent");
	else if (r->headline_until_lo == ASSESS_NO_DAY)
		snprintf(buf, n, "unknown");
	else
		snprintf(buf, n, "%s%s", assess_range(r->headline_until_lo,
						       r->headline_until_hi, b),
			 r->headline_permanent < 0 ? " or permanent" : "");
	return buf;
}

/* ---- statistics ------------------------------------------------------------ */

enum query_dhs query_dhs_kind(int path)
{
	switch (path) {
	case PATH_REMOVAL_CONTESTED: case PATH_IN_ABSENTIA:
	case PATH_STIPULATED: case PATH_EXPEDITED: case PATH_REINSTATEMENT:
	case PATH_ADMIN_238B:
		return DHS_REMOVAL;
	case PATH_VOLUNTARY_RETURN: case PATH_WITHDRAWAL_AT_PORT:
	case PATH_VD_PRE: case PATH_VD_POST:
		return DHS_RETURN;
	default:
		return DHS_NEITHER;
	}
}

void query_stats_init(struct query_stats *s, const struct rules *r)
{
	memset(s, 0, sizeof(*s));
	s->rules = r;
	size_t n = r ? r->n : 0;
	s->penalty = xcalloc(n + 1, sizeof(*s->penalty));
	s->penalty_possible = xcalloc(n + 1, sizeof(*s->penalty_possible));
	s->bar_running = xcalloc(n + 1, sizeof(*s->bar_running));
	s->penalty_running = xcalloc(n + 1, sizeof(*s->penalty_running));
	s->relief = xcalloc(n * RSTAT__COUNT + 1, sizeof(*s->relief));
	s->relief_now = xcalloc(n * NOW__COUNT + 1, sizeof(*s->relief_now));
	s->relief_then = xcalloc(n * THEN__COUNT + 1, sizeof(*s->relief_then));
}

void query_stats_free(struct query_stats *s)
{
	free(s->penalty);
	free(s->penalty_possible);
	free(s->penalty_running);
	free(s->bar_running);
	free(s->relief);
	free(s->relief_now);
	free(s->relief_then);
	memset(s, 0, sizeof(*s));
}

/* Each rule once a case: a case with two instances of a bar counts once
 * for it. */
static bool seen_before(const struct case_row *r, uint16_t i,
			bool (*same)(const struct row_pen *, const struct row_pen *))
{
	for (uint16_t k = 0; k < i; k++)
		if (same(&r->pen[k], &r->pen[i]))
			return true;
	return false;
}

static bool same_sure(const struct row_pen *a, const struct row_pen *b)
{
	return a->rule == b->rule && !a->possible && !b->possible;
}

static bool same_rule(const struct row_pen *a, const struct row_pen *b)
{
	return a->rule == b->rule;
}

static bool same_running(const struct row_pen *a, const struct row_pen *b)
{
	return a->rule == b->rule && a->running == 1 && !a->possible;
}

void query_stats_add(struct query_stats *s, const struct case_row *r)
{
	const struct rules *rl = s->rules;
	s->cases++;
	if (!r->assessed || !rl)
		return;
	s->by_path[r->path]++;
	s->dhs_removals += query_dhs_kind(r->path) == DHS_REMOVAL;
	s->dhs_returns += query_dhs_kind(r->path) == DHS_RETURN;
	if (r->hearing)
		s->hearing_yes++;
	else
		s->hearing_no++;
	s->cases_bar_running += r->bar_running == 1;
	for (uint16_t i = 0; i < r->n_pen; i++) {
		const struct row_pen *p = &r->pen[i];
		if (!p->possible && !seen_before(r, i, same_sure))
			s->penalty[p->rule]++;
		/* possibly only: no sure instance of the rule in the case */
		bool sure = false;
		for (uint16_t k = 0; k < r->n_pen; k++)
			sure |= r->pen[k].rule == p->rule && !r->pen[k].possible;
		if (p->possible && !sure && !seen_before(r, i, same_rule))
			s->penalty_possible[p->rule]++;
		if (p->running == 1 && !p->possible &&
		    !seen_before(r, i, same_running))
			s->penalty_running[p->rule]++;
		if (p->running == 1 && !p->possible &&
		    rl->v[p->rule].kind == KIND_BAR &&
		    !seen_before(r, i, same_running))
			s->bar_running[p->rule]++;
	}
	for (uint16_t i = 0; i < r->n_rel; i++) {
		const struct row_rel *x = &r->rel[i];
		s->relief[x->rule * RSTAT__COUNT + x->status]++;
		s->relief_now[x->rule * NOW__COUNT + x->now]++;
		s->relief_then[x->rule * THEN__COUNT + x->then]++;
	}
	if (!r->have_alt)
		return;
	s->alt_cases++;
	daynum t = r->no_waiver, n = r->alt_no_waiver;
	s->none_taken += t == ASSESS_NO_DAY;
	s->none_not_taken += n == ASSESS_NO_DAY;
	if (t != ASSESS_NO_DAY && n != ASSESS_NO_DAY) {
		s->later_no_waiver += t > n;
		s->earlier_no_waiver += t < n;
		s->days_no_waiver += (int64_t)t - n;
	}
	t = r->with_waivers;
	n = r->alt_with_waivers;
	if (t != ASSESS_NO_DAY && n != ASSESS_NO_DAY) {
		s->later_with_waivers += t > n;
		s->earlier_with_waivers += t < n;
		s->days_with_waivers += (int64_t)t - n;
	}
}

void query_stats_merge(struct query_stats *s, const struct query_stats *p)
{
	size_t n = s->rules ? s->rules->n : 0;
	s->cases += p->cases;
	s->hearing_yes += p->hearing_yes;
	s->hearing_no += p->hearing_no;
	s->cases_bar_running += p->cases_bar_running;
	s->dhs_removals += p->dhs_removals;
	s->dhs_returns += p->dhs_returns;
	for (int i = 0; i < PATH__COUNT; i++)
		s->by_path[i] += p->by_path[i];
	for (size_t i = 0; i < n; i++) {
		s->penalty[i] += p->penalty[i];
		s->penalty_possible[i] += p->penalty_possible[i];
		s->bar_running[i] += p->bar_running[i];
		s->penalty_running[i] += p->penalty_running[i];
	}
	for (size_t i = 0; i < n * RSTAT__COUNT; i++)
		s->relief[i] += p->relief[i];
	for (size_t i = 0; i < n * NOW__COUNT; i++)
		s->relief_now[i] += p->relief_now[i];
	for (size_t i = 0; i < n * THEN__COUNT; i++)
		s->relief_then[i] += p->relief_then[i];
	s->alt_cases += p->alt_cases;
	s->later_no_waiver += p->later_no_waiver;
	s->later_with_waivers += p->later_with_waivers;
	s->earlier_no_waiver += p->earlier_no_waiver;
	s->earlier_with_waivers += p->earlier_with_waivers;
	s->days_no_waiver += p->days_no_waiver;
	s->days_with_waivers += p->days_with_waivers;
	s->none_taken += p->none_taken;
	s->none_not_taken += p->none_not_taken;
}
