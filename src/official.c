/* official.c - reading config/statistics.yaml; see official.h. */
#include "official.h"

#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "ytree.h"

static const char *const measure_names[OFFICIAL__MEASURES] = {
	"removals", "returns",
};

const char *official_measure_name(int m)
{
	return m >= 0 && m < OFFICIAL__MEASURES ? measure_names[m] : "?";
}

static int measure_of(const struct ynode *k)
{
	for (int m = 0; m < OFFICIAL__MEASURES; m++)
		if (ynode_scalar_is(k, measure_names[m]))
			return m;
	return -1;
}

/* A non-negative decimal integer of at most 12 digits, or -1. */
static int64_t count_of(struct yreader *r, const struct ynode *v)
{
	if (v->kind != YN_SCALAR || !v->plain || v->n == 0 || v->n > 12 ||
	    strspn(v->s, "0123456789") != v->n) {
		yreader_error(r, v, "expected a whole number");
		return -1;
	}
	return strtoll(v->s, NULL, 10);
}

static void read_approx(struct yreader *r, const struct ynode *v,
			struct official_figure *f)
{
	if (v->kind != YN_SEQ) {
		yreader_error(r, v, "expected a list of measures");
		return;
	}
	for (uint32_t i = 0; i < v->n; i++) {
		int m = measure_of(v->kids[i]);
		if (m < 0)
			yreader_error(r, v->kids[i], "unknown measure; expected "
				      "removals or returns");
		else
			f->approx[m] = true;
	}
}

static void read_figure(struct yreader *r, const struct ynode *m,
			struct official_figure *f)
{
	memset(f, 0, sizeof(*f));
	f->line = m->line;
	for (int k = 0; k < OFFICIAL__MEASURES; k++)
		f->value[k] = -1;
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping (fy, removals, "
			      "returns, approx)");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		int ms = measure_of(k);
		if (ms >= 0)
			f->value[ms] = count_of(r, v);
		else if (ynode_scalar_is(k, "fy"))
			f->fy = (int)count_of(r, v);
		else if (ynode_scalar_is(k, "approx"))
			read_approx(r, v, f);
		else
			yreader_error(r, k, "unknown key in a figure");
	}
	if (f->fy < 1900 || f->fy > 2999)
		yreader_error(r, m, "missing or bad 'fy' (a fiscal year)");
	for (int k = 0; k < OFFICIAL__MEASURES; k++)
		if (f->approx[k] && f->value[k] < 0)
			yreader_error(r, m, "'approx' names %s, which this "
				      "figure does not give", measure_names[k]);
}

static int by_fy(const void *a, const void *b)
{
	const struct official_figure *x = a, *y = b;
	return (x->fy > y->fy) - (x->fy < y->fy);
}

/* One fiscal year twice in an edition would make its chart ambiguous. */
static void check_years(struct yreader *r, struct official_edition *e)
{
	qsort(e->v, e->n, sizeof(*e->v), by_fy);
	for (size_t i = 1; i < e->n; i++)
		if (e->v[i].fy == e->v[i - 1].fy)
			yreader_error_at(r, e->v[i].line, 1, "fiscal year %d "
					 "appears twice in edition '%s'",
					 e->v[i].fy, e->id ? e->id : "?");
}

static void read_figures(struct yreader *r, const struct ynode *v,
			 struct official_edition *e, struct arena *a)
{
	if (v->kind != YN_SEQ || v->n == 0) {
		yreader_error(r, v, "expected a non-empty list of figures");
		return;
	}
	if (e->v)
		yreader_error(r, v, "figures given twice in one edition");
	/* a second list replaces the first: never write past the new one */
	e->n = 0;
	e->v = arena_zalloc(a, v->n * sizeof(*e->v));
	for (uint32_t i = 0; i < v->n; i++)
		read_figure(r, v->kids[i], &e->v[e->n++]);
	check_years(r, e);
}

/* Table of an edition's string keys: the reader is data-driven. */
static const struct {
	const char *key;
	size_t off;
	bool required;
} edition_keys[] = {
	{ "id", offsetof(struct official_edition, id), true },
	{ "source", offsetof(struct official_edition, source), true },
	{ "title", offsetof(struct official_edition, title), true },
	{ "published", offsetof(struct official_edition, published), false },
	{ "note", offsetof(struct official_edition, note), false },
	{ "flag", offsetof(struct official_edition, flag), false },
	{ "caveat", offsetof(struct official_edition, caveat), false },
	{ "caveat_source", offsetof(struct official_edition, caveat_source),
	  false },
};
#define N_EDITION_KEYS (sizeof(edition_keys) / sizeof(edition_keys[0]))

static bool read_edition_key(struct yreader *r, const struct ynode *k,
			     const struct ynode *v, struct official_edition *e,
			     struct arena *a)
{
	for (size_t j = 0; j < N_EDITION_KEYS; j++)
		if (ynode_scalar_is(k, edition_keys[j].key)) {
			*(const char **)((char *)e + edition_keys[j].off) =
				ynode_strdup(r, v, a);
			return true;
		}
	return false;
}

static void read_edition(struct yreader *r, const struct ynode *m,
			 struct official_edition *e, struct arena *a)
{
	memset(e, 0, sizeof(*e));
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping for an edition");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (read_edition_key(r, k, v, e, a))
			continue;
		if (ynode_scalar_is(k, "figures"))
			read_figures(r, v, e, a);
		else
			yreader_error(r, k, "unknown key in an edition");
	}
	for (size_t j = 0; j < N_EDITION_KEYS; j++)
		if (edition_keys[j].required &&
		    !*(const char **)((char *)e + edition_keys[j].off))
			yreader_error(r, m, "missing required key '%s' in an "
				      "edition", edition_keys[j].key);
	if (!e->v)
		yreader_error(r, m, "missing required key 'figures'");
}

static void read_editions(struct yreader *r, const struct ynode *v,
			  struct official *o)
{
	if (v->kind != YN_SEQ) {
		yreader_error(r, v, "expected a list of editions");
		return;
	}
	o->v = arena_zalloc(&o->arena, (v->n + 1) * sizeof(*o->v));
	for (uint32_t i = 0; i < v->n; i++) {
		unsigned before = r->errors;
		read_edition(r, v->kids[i], &o->v[o->n], &o->arena);
		if (r->errors == before)
			o->n++;
	}
}

static void read_root(struct yreader *r, const struct ynode *root,
		      struct official *o)
{
	const struct ynode *eds = NULL;
	if (root->kind != YN_MAP) {
		yreader_error(r, root, "expected a mapping");
		return;
	}
	for (uint32_t i = 0; i < root->n; i++) {
		const struct ynode *k = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (yformat_key(r, k, v, "casewalk-statistics/1")) {
			continue;
		} else if (ynode_scalar_is(k, "editions")) {
			eds = v;
		} else {
			yreader_error(r, k, "unknown key");
		}
	}
	if (!eds)
		yreader_error(r, root, "missing required key 'editions'");
	else
		read_editions(r, eds, o);
}

int official_load_buffer(struct official *o, const char *name,
			 const char *buf, size_t len, struct diag_list *diags)
{
	struct yreader r;
	struct arena scratch;
	size_t before = diags->n_errors;
	memset(o, 0, sizeof(*o));
	arena_init(&o->arena, 8 * 1024);
	arena_init(&scratch, 32 * 1024);
	yreader_init(&r, name, 0, buf, len, &ylimits_default, &scratch,
		     &o->arena, diags);
	r.dup_keys = true;      /* a key given twice: an error */
	struct ynode *root = yreader_next(&r);
	if (root)
		read_root(&r, root, o);
	else if (!r.doc_error)
		yreader_error_at(&r, 0, 0, "no statistics in the file");
	yreader_done(&r);
	arena_free(&scratch);
	return (int)(diags->n_errors - before);
}

int official_load_file(struct official *o, const char *path,
		       struct diag_list *diags)
{
	char *buf;
	size_t len;
	const char *why;
	memset(o, 0, sizeof(*o));
	if (yfile_read(path, ylimits_default.max_file_size, &buf, &len, &why)) {
		arena_init(&o->arena, 1024);
		diag_addf(diags, &o->arena, arena_strdup(&o->arena, path), 0,
			  0, 0, DIAG_ERROR, NULL, 0, "cannot read: %s", why);
		return 1;
	}
	int n = official_load_buffer(o, path, buf, len, diags);
	free(buf);
	return n;
}

int official_load_default(struct official *o, struct diag_list *diags)
{
	return official_load_buffer(o, "config/statistics.yaml (built in)",
				    embedded_statistics_yaml,
				    embedded_statistics_yaml_len, diags);
}

void official_free(struct official *o)
{
	arena_free(&o->arena);
	memset(o, 0, sizeof(*o));
}

int64_t official_max(const struct official_edition *e)
{
	int64_t max = 0;
	for (size_t i = 0; i < e->n; i++)
		for (int m = 0; m < OFFICIAL__MEASURES; m++)
			if (e->v[i].value[m] > max)
				max = e->v[i].value[m];
	return max;
}
