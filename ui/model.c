/* model.c - background loading into the core's catalog; see model.h. */
#define _POSIX_C_SOURCE 200809L
#include "model.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "load.h"
#include "quiz.h"

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

static void *load_main(void *arg)
{
	struct model *m = arg;
	atomic_store(&m->phase, MODEL_RULES);
	load_rules(m);
	const struct rules *r = m->have_rules ? &m->rules : NULL;
	catalog_init(&m->cat, r);
	m->q = (struct query_ctx){ r, r ? &m->cat.facts : NULL, m->as_of,
				   m->law_as_of, false };
	atomic_store(&m->phase, MODEL_FILES);
	struct corpus_opts o = { .progress = progress, .progress_ctx = m,
				 .each = query_row_of_case, .each_ctx = &m->q,
				 .stubs = true, .cancel = &m->cancel };
	m->have_corpus = app_load(m->app, &m->corpus, &o);
	m->vocab_failed = !m->have_corpus;
	/* cancelled: nobody will look (model_free), and cases read after
	 * the cancel have no summary */
	if (m->have_corpus && !atomic_load(&m->cancel))
		catalog_build(&m->cat, &m->corpus);
	m->revealed = xcalloc(m->cat.n_rows + 1, sizeof(*m->revealed));
	if (m->app->quiz) {
		m->quiz_order = xcalloc(m->cat.n_rows + 1, sizeof(size_t));
		m->quiz_no = xcalloc(m->cat.n_rows + 1, sizeof(size_t));
		quiz_order(&m->cat, m->app->quiz_seed, m->quiz_order,
			   m->quiz_no);
	}
	official_load_default(&m->official, &m->diags);
	atomic_store(&m->phase, MODEL_DONE);
	atomic_store(&m->finished, true);
	return NULL;
}

void model_start(struct model *m, struct app *app, struct date as_of,
		 struct date law_as_of)
{
	sigset_t all, old;
	static unsigned generations;
	memset(m, 0, sizeof(*m));
	m->generation = ++generations;
	m->app = app;
	m->as_of = as_of;
	m->law_as_of = law_as_of;
	m->detail_row = SIZE_MAX;
	atomic_init(&m->phase, MODEL_RULES);
	atomic_init(&m->done, 0);
	atomic_init(&m->total, 0);
	atomic_init(&m->finished, false);
	atomic_init(&m->cancel, false);
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
	const struct cw_case *c = model_case(m, i);
	if (c->stub) {
		c = load_case_again(c, &ylimits_default, &m->app->vocab.ids,
				    &m->detail_arena, &m->detail_why);
		if (!c)
			return NULL;
	}
	if (m->have_rules) {
		assess_case(&m->rules, c, m->as_of, m->law_as_of, &m->detail,
			    &m->detail_arena);
	} else {
		memset(&m->detail, 0, sizeof(m->detail));
		m->detail.c = c;
		m->detail.as_of = m->as_of;
		m->detail.law_as_of = m->law_as_of;
	}
	return &m->detail;
}

void model_free(struct model *m)
{
	atomic_store(&m->cancel, true);
	model_wait(m);
	arena_free(&m->detail_arena);
	if (m->have_corpus || m->corpus.files)
		corpus_free(&m->corpus);
	catalog_free(&m->cat);
	if (m->have_rules)
		rules_free(&m->rules);
	official_free(&m->official);
	diag_free(&m->diags);
	free(m->revealed);
	free(m->quiz_order);
	free(m->quiz_no);
	memset(m, 0, sizeof(*m));
}

const char *model_name(const struct model *m, size_t i, bool redact)
{
	return catalog_name(&m->cat.rows[i], redact);
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
