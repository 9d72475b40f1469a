/* model.c - background loading and per-case assessment; see model.h. */
#define _POSIX_C_SOURCE 200809L
#include "model.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"

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

static void summarise(struct model_row *r)
{
	const struct outcome_side *s = &r->as.taken;
	r->headline = assess_headline(s);
	for (uint32_t i = 0; i < s->n_pen; i++)
		if (s->pen[i].running == 1)
			r->running = true;
	for (uint32_t i = 0; i < s->n_rel; i++)
		if (s->rel[i].status < RSTAT__COUNT)
			r->n_status[s->rel[i].status]++;
}

/* Assessment is the slow part of loading a large corpus; assess_case is
 * thread-safe given distinct arenas, so the rows are shared out among
 * workers, each with its own arena. */
struct assess_job {
	struct model *m;
	atomic_size_t next;
	atomic_size_t hearing;
};

struct assess_worker {
	struct assess_job *job;
	struct arena *arena;
};

static void *assess_rows(void *arg)
{
	struct assess_worker *w = arg;
	struct model *m = w->job->m;
	struct app *app = m->app;
	size_t i;
	while ((i = atomic_fetch_add(&w->job->next, 1)) < m->n_rows) {
		struct model_row *r = &m->rows[i];
		assess_case_taken(&m->rules, r->c, app->as_of,
				  app->law_as_of, &r->as, w->arena);
		summarise(r);
		if (r->as.taken.hearing)
			atomic_fetch_add(&w->job->hearing, 1);
		atomic_fetch_add(&m->done, 1);
	}
	return NULL;
}

static void assess_all(struct model *m)
{
	struct assess_job job = { .m = m };
	int n = m->app->jobs > 0 ? m->app->jobs : corpus_default_jobs();
	if ((size_t)n > m->n_rows / 256 + 1)
		n = (int)(m->n_rows / 256 + 1);
	atomic_init(&job.next, 0);
	atomic_init(&job.hearing, 0);
	atomic_store(&m->done, 0);
	atomic_store(&m->total, m->n_rows);
	atomic_store(&m->phase, MODEL_ASSESS);
	m->arenas = xcalloc((size_t)n, sizeof(*m->arenas));
	m->n_arenas = n;
	struct assess_worker *w = xcalloc((size_t)n, sizeof(*w));
	pthread_t *tid = xcalloc((size_t)n, sizeof(*tid));
	int started = 1;
	for (int k = 0; k < n; k++) {
		arena_init(&m->arenas[k], 256 * 1024);
		w[k] = (struct assess_worker){ &job, &m->arenas[k] };
	}
	for (int k = 1; k < n; k++)
		if (pthread_create(&tid[k], NULL, assess_rows, &w[k]) == 0)
			started++;
		else
			break;
	assess_rows(&w[0]);
	for (int k = 1; k < started; k++)
		pthread_join(tid[k], NULL);
	m->n_hearing = atomic_load(&job.hearing);
	free(tid);
	free(w);
}

static void *load_main(void *arg)
{
	struct model *m = arg;
	atomic_store(&m->phase, MODEL_FILES);
	struct corpus_opts o = { .progress = progress, .progress_ctx = m };
	m->have_corpus = app_load(m->app, &m->corpus, &o);
	m->vocab_failed = !m->have_corpus;
	m->n_rows = m->have_corpus ? m->corpus.n_cases : 0;
	m->rows = xcalloc(m->n_rows + 1, sizeof(*m->rows));
	for (size_t i = 0; i < m->n_rows; i++) {
		m->rows[i].c = m->corpus.cases[i];
		redact_pseudonym(m->rows[i].c->id, m->rows[i].pseudonym,
				 sizeof(m->rows[i].pseudonym));
	}
	atomic_store(&m->phase, MODEL_RULES);
	load_rules(m);
	if (m->have_rules)
		assess_all(m);
	official_load_default(&m->official, &m->diags);
	atomic_store(&m->phase, MODEL_DONE);
	atomic_store(&m->finished, true);
	return NULL;
}

void model_start(struct model *m, struct app *app)
{
	sigset_t all, old;
	memset(m, 0, sizeof(*m));
	m->app = app;
	m->detail_row = SIZE_MAX;
	atomic_init(&m->phase, MODEL_FILES);
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
	case MODEL_ASSESS:
		snprintf(buf, n, "Assessing cases: %zu of %zu", done, total);
		break;
	default:
		snprintf(buf, n, "Ready");
	}
	return buf;
}

const struct assessment *model_detail(struct model *m, size_t i)
{
	if (m->detail_row != i) {
		if (m->detail_arena.head)
			arena_reset(&m->detail_arena);
		else
			arena_init(&m->detail_arena, 64 * 1024);
		assess_case(&m->rules, m->rows[i].c, m->app->as_of,
			    m->app->law_as_of, &m->detail, &m->detail_arena);
		m->detail_row = i;
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
	official_free(&m->official);
	diag_free(&m->diags);
	for (int k = 0; k < m->n_arenas; k++)
		arena_free(&m->arenas[k]);
	free(m->arenas);
	free(m->rows);
	memset(m, 0, sizeof(*m));
}

const char *model_name(const struct model_row *r, bool redact)
{
	if (redact)
		return r->pseudonym;
	return r->c->person.name ? r->c->person.name : "";
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
