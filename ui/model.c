/* model.c - background loading and per-case assessment; see model.h. */
#define _POSIX_C_SOURCE 200809L
#include "model.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "facts.h"

static void progress(void *ctx, size_t done, size_t total)
{
	struct model *m = ctx;
	atomic_store(&m->done, done);
	atomic_store(&m->total, total);
}

static void load_rules(struct model *m)
{
	int errors = m->app->rules_file ?
		rules_load_file(&m->rules, m->app->rules_file, &m->diags) :
		rules_load_default(&m->rules, &m->diags);
	m->have_rules = errors == 0;
	if (!m->have_rules)
		rules_free(&m->rules);
	else
		m->rules.vocab = &m->app->vocab;
}

static void summarise(const struct model *m, const struct outcome_side *s,
		      struct row_info *ri, struct arena *keep)
{
	const struct penalty *h = assess_headline(s);
	uint16_t *rules = arena_alloc(keep, (s->n_pen + s->n_rel + 1) *
				      sizeof(*rules));
	ri->assessed = true;
	ri->path = s->path;
	ri->hearing = s->hearing;
	ri->headline = h ? (int16_t)(h->rule - m->rules.v) : -1;
	ri->headline_running = h ? h->running : -1;
	ri->headline_until = h ? h->until : DATE_NONE_INIT;
	for (uint32_t i = 0; i < s->n_pen; i++) {
		if (s->pen[i].running == 1)
			ri->running = true;
		rules[ri->n_pen++] = (uint16_t)(s->pen[i].rule - m->rules.v);
	}
	for (uint32_t i = 0; i < s->n_rel; i++) {
		if (s->rel[i].status < RSTAT__COUNT)
			ri->n_status[s->rel[i].status]++;
		if (s->rel[i].status == RSTAT_FORFEITED)
			rules[ri->n_pen + ri->n_forfeited++] =
				(uint16_t)(s->rel[i].rule - m->rules.v);
	}
	ri->rules = rules;
	ri->facts = factpack_pack(&m->facts, s->facts, keep);
}

/* corpus_opts.each: runs on the loading threads, as each case is read,
 * while the case is whole.  Reads only what load_main set up before. */
static void *row_of_case(void *ctx, const struct cw_case *c,
			 struct arena *keep, struct arena *tmp)
{
	const struct model *m = ctx;
	struct row_info *ri = arena_zalloc(keep, sizeof(*ri));
	char buf[REDACT_BUFSZ];
	ri->pseudonym = arena_strdup(keep, redact_pseudonym(c->id, buf,
							    sizeof(buf)));
	ri->headline = -1;
	ri->headline_running = -1;
	ri->headline_until = DATE_NONE_INIT;
	if (m->have_rules) {
		struct assessment as;
		assess_case_taken(&m->rules, c, m->app->as_of,
				  m->app->law_as_of, &as, tmp);
		summarise(m, &as.taken, ri, keep);
	}
	return ri;
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

static size_t label_size(const struct cw_case *c, const struct row_info *ri)
{
	return part_len(c->id) + part_len(c->person.name) +
	       part_len(ri->pseudonym) + 3;
}

static size_t make_label(struct model_row *r, char *at)
{
	const char *parts[3] = { r->c->id, r->c->person.name,
				 r->info->pseudonym };
	size_t len = 0;
	r->label = at;
	for (int k = 0; k < 3; k++) {
		size_t n = part_len(parts[k]);
		if (k == 1)
			r->name_at = (uint16_t)len;
		if (k == 2)
			r->pseudonym_at = (uint16_t)len;
		if (n)
			memcpy(at + len, parts[k], n);
		at[len + n] = '\0';
		len += n + 1;
	}
	return len;
}

static void *load_main(void *arg)
{
	struct model *m = arg;
	atomic_store(&m->phase, MODEL_RULES);
	load_rules(m);
	if (m->have_rules)
		factpack_init(&m->facts, &m->rules.env, facts_strings,
			      facts_n_strings);
	atomic_store(&m->phase, MODEL_FILES);
	struct corpus_opts o = { .progress = progress, .progress_ctx = m,
				 .each = row_of_case, .each_ctx = m,
				 .stubs = true };
	m->have_corpus = app_load(m->app, &m->corpus, &o);
	m->vocab_failed = !m->have_corpus;
	m->n_rows = m->have_corpus ? m->corpus.n_cases : 0;
	m->rows = xcalloc(m->n_rows + 1, sizeof(*m->rows));
	size_t need = 1;
	for (size_t i = 0; i < m->n_rows; i++) {
		const struct cw_case *c = m->corpus.cases[i];
		const struct row_info *ri = c->user;
		m->rows[i].c = c;
		m->rows[i].info = ri;
		need += label_size(c, ri);
	}
	m->labels = xmalloc(need);
	for (size_t i = 0, at = 0; i < m->n_rows; i++)
		at += make_label(&m->rows[i], m->labels + at);
	official_load_default(&m->official, &m->diags);
	atomic_store(&m->phase, MODEL_DONE);
	atomic_store(&m->finished, true);
	return NULL;
}

void model_start(struct model *m, struct app *app)
{
	sigset_t all, old;
	static unsigned generations;
	memset(m, 0, sizeof(*m));
	m->generation = ++generations;
	m->app = app;
	m->detail_row = SIZE_MAX;
	atomic_init(&m->phase, MODEL_RULES);
	atomic_init(&m->done, 0);
	atomic_init(&m->total, 0);
	atomic_init(&m->finished, false);
	/* the loader and the threads it starts inherit this mask: signals
	 * go to the drawing thread, whose loop notices them */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (pthread_create(&m->thread, NULL, load_main, m) == 0)
		m->loading = true;
	else
		load_main(m);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

bool model_poll(struct model *m)
{
	if (!m->loading || !atomic_load(&m->finished))
		return false;
	pthread_join(m->thread, NULL);
	m->loading = false;
	return true;
}

bool model_wait(struct model *m)
{
	if (!m->loading)
		return false;
	pthread_join(m->thread, NULL);
	m->loading = false;
	return true;
}

bool model_ready(const struct model *m)
{
	return !m->loading && atomic_load(&m->phase) == MODEL_DONE;
}

const char *model_progress(const struct model *m, char *buf, size_t n)
{
	size_t done = atomic_load(&m->done), total = atomic_load(&m->total);
	switch (atomic_load(&m->phase)) {
	case MODEL_FILES:
		if (total)
			snprintf(buf, n, "Loading case files: %zu of %zu",
				 done, total);
		else
			snprintf(buf, n, "Loading case files...");
		break;
	case MODEL_RULES:
		snprintf(buf, n, "Loading rules...");
		break;
	default:
		snprintf(buf, n, "Ready");
	}
	return buf;
}

const struct assessment *model_detail(struct model *m, size_t i)
{
	if (m->detail_row == i)
		return m->detail_why ? NULL : &m->detail;
	if (m->detail_arena.head)
		arena_reset(&m->detail_arena);
	else
		arena_init(&m->detail_arena, 64 * 1024);
	m->detail_row = i;
	m->detail_why = NULL;
	const struct cw_case *c = m->rows[i].c;
	if (c->stub) {
		c = load_case_again(c, &ylimits_default, &m->app->vocab.ids,
				    &m->detail_arena, &m->detail_why);
		if (!c)
			return NULL;
	}
	if (m->have_rules) {
		assess_case(&m->rules, c, m->app->as_of, m->app->law_as_of,
			    &m->detail, &m->detail_arena);
	} else {
		memset(&m->detail, 0, sizeof(m->detail));
		m->detail.c = c;
		m->detail.as_of = m->app->as_of;
		m->detail.law_as_of = m->app->law_as_of;
	}
	return &m->detail;
}

void model_free(struct model *m)
{
	model_wait(m);
	arena_free(&m->detail_arena);
	if (m->have_corpus || m->corpus.files)
		corpus_free(&m->corpus);
	if (m->have_rules)
		rules_free(&m->rules);
	factpack_free(&m->facts);
	official_free(&m->official);
	diag_free(&m->diags);
	free(m->rows);
	free(m->labels);
	memset(m, 0, sizeof(*m));
}

const char *model_name(const struct model_row *r, bool redact)
{
	return r->label + (redact ? r->pseudonym_at : r->name_at);
}

static const struct {
	const char *label;
	int role;
} path_looks[PATH__COUNT] = {
	[PATH_VOLUNTARY_RETURN] = { "vol. return", ROLE_PATH_NO_ORDER },
	[PATH_WITHDRAWAL_AT_PORT] = { "withdrawal", ROLE_PATH_NO_ORDER },
	[PATH_VD_PRE] = { "VD (early)", ROLE_PATH_NO_ORDER },
	[PATH_VD_POST] = { "VD (at end)", ROLE_PATH_NO_ORDER },
	[PATH_REMOVAL_CONTESTED] = { "removal order", ROLE_PATH_ORDER },
	[PATH_IN_ABSENTIA] = { "in absentia", ROLE_PATH_ORDER },
	[PATH_STIPULATED] = { "stipulated", ROLE_PATH_ORDER },
	[PATH_EXPEDITED] = { "expedited", ROLE_PATH_ORDER },
	[PATH_REINSTATEMENT] = { "reinstatement", ROLE_PATH_ORDER },
	[PATH_ADMIN_238B] = { "238(b) order", ROLE_PATH_ORDER },
	[PATH_RELIEF_GRANTED] = { "relief granted", ROLE_PATH_RELIEF },
	[PATH_TERMINATED] = { "terminated", ROLE_PATH_RELIEF },
	[PATH_ADMIN_CLOSED] = { "admin. closed", ROLE_PATH_OPEN },
	[PATH_PENDING] = { "pending", ROLE_PATH_OPEN },
	[PATH_NO_PROCEEDINGS] = { "no proceedings", ROLE_NORMAL },
};

const char *model_path_label(int path)
{
	return path >= 0 && path < PATH__COUNT ? path_looks[path].label : "?";
}

int model_path_role(int path)
{
	return path >= 0 && path < PATH__COUNT ? path_looks[path].role :
		ROLE_NORMAL;
}
