/* test_explain.c - the facts behind a criterion and the events behind a
 * penalty or a criterion (explain.h), on the worked example E06a: the
 * ten-year bar rests on the departure of 2010-05-04, its criteria show
 * the amounts they read, and the departure leads back to the bar. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "corpus.h"
#include "explain.h"
#include "load.h"
#include "rules.h"
#include "vocab.h"

static struct vocab vocab;
static struct rules rules;
static struct corpus corpus;
static struct assessment as;
static struct arena arena;

static int setup(void **state)
{
	struct diag_list d = { 0 };
	char *paths[] = { "testdata/cases/e06a-felipe-voluntary-return.yaml" };
	struct corpus_opts o = { .vocab = &vocab.ids };
	(void)state;
	int bad = vocab_load_default(&vocab, &d);
	bad += rules_load_default(&rules, &d);
	rules.vocab = &vocab;
	diag_free(&d);
	corpus_load(&corpus, paths, 1, &o);
	if (bad || corpus.n_cases != 1)
		return 1;
	arena_init(&arena, 0);
	assess_case(&rules, corpus.cases[0], date_ymd(2026, 11, 27),
		    date_ymd(2026, 11, 27), &as, &arena);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	corpus_free(&corpus);
	rules_free(&rules);
	vocab_free(&vocab);
	return 0;
}

static const struct penalty *penalty(const char *id)
{
	for (uint32_t i = 0; i < as.taken.n_pen; i++)
		if (!strcmp(as.taken.pen[i].rule->id, id))
			return &as.taken.pen[i];
	fail_msg("no %s", id);
	return NULL;
}

static uint32_t departure(void)
{
	const struct cw_case *c = as.c;
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == EV_DEPARTURE)
			return i;
	fail_msg("no departure");
	return 0;
}

/* The bar's criteria read the departure's unlawful presence, in days. */
static void test_criterion_amounts(void **state)
{
	(void)state;
	const struct penalty *p = penalty("bar_9B_10yr");
	bool seen = false;
	for (uint32_t k = 0; k < p->n_crit; k++) {
		struct explain_fact f[16];
		size_t n = explain_criterion(&rules, &as.taken, p, &p->crit[k],
					     f, 16);
		for (size_t i = 0; i < n; i++) {
			assert_non_null(f[i].name);
			if (strcmp(f[i].name, "departure.up_days"))
				continue;
			seen = true;
			assert_true(f[i].known);
			assert_false(f[i].param);
			assert_non_null(f[i].meaning);
			/* 1999-08-20 .. 2010-05-04, from 1997-04-01 on */
			assert_string_equal(f[i].value, "3910 days");
		}
	}
	assert_true(seen);
}

/* The bar rests on the departure, and the departure leads to the bar. */
static void test_penalty_and_event(void **state)
{
	(void)state;
	const struct penalty *p = penalty("bar_9B_10yr");
	uint32_t ev[8], dep = departure();
	assert_int_equal(explain_penalty_events(as.c, p, ev, 8), 1);
	assert_int_equal(ev[0], dep);
	struct explain_link l[64];
	size_t n = explain_event(&rules, &as.taken, as.c, dep, l, 64);
	bool bar = false;
	for (size_t i = 0; i < n; i++)
		bar |= l[i].pen == p && !l[i].crit;
	assert_true(bar);
	/* the entry starts nothing */
	n = explain_event(&rules, &as.taken, as.c, 0, l, 64);
	for (size_t i = 0; i < n; i++)
		assert_null(l[i].pen);
}

/* A relief criterion that reads a date of the case rests on its events:
 * continuous presence (from the entry) rests on the 1999 entry. */
static void test_criterion_events(void **state)
{
	(void)state;
	bool found = false;
	for (uint32_t i = 0; i < as.taken.n_rel && !found; i++) {
		const struct relief_eval *e = &as.taken.rel[i];
		for (uint32_t k = 0; k < e->n_crit && !found; k++) {
			uint32_t ev[16];
			size_t n = explain_criterion_events(&rules, &as.taken,
				NULL, &e->crit[k], as.c, ev, 16);
			for (size_t j = 0; j < n; j++)
				found |= ev[j] == 0;
		}
	}
	assert_true(found);
}

/* Forty applications on the day of the entry: each rests, as the entry
 * does, on the relief criteria that read that day (issue 12: the check
 * once looked at the first 32 events of the day only). */
static void test_busy_day(void **state)
{
	char text[8192];
	size_t n = (size_t)snprintf(text, sizeof(text),
		"format: casewalk/1\nid: BUSY\nperson: {name: Busy Day, "
		"born: 1978-02-14}\nevents:\n"
		"- {date: 1999-08-20, type: entry, manner: without_inspection}\n");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "- {date: "
			"1999-08-20, type: application, relief: asylum}\n");
	struct load_file res = { 0 };
	struct arena out, scratch, a;
	struct assessment b;
	(void)state;
	arena_init(&out, 0);
	arena_init(&scratch, 0);
	arena_init(&a, 0);
	load_buffer("busy.yaml", 0, text, n, NULL, &vocab.ids, &out, &scratch,
		    &res);
	assert_int_equal(res.n_cases, 1);
	const struct cw_case *c = res.cases[0];
	assert_int_equal(c->n_events, 41);
	assess_case(&rules, c, date_ymd(2026, 11, 27), date_ymd(2026, 11, 27),
		    &b, &a);
	struct explain_link first[64], last[64];
	size_t nf = explain_event(&rules, &b.taken, c, 0, first, 64);
	size_t nl = explain_event(&rules, &b.taken, c, 40, last, 64);
	size_t crit = 0;
	for (size_t i = 0; i < nf; i++)
		crit += first[i].crit != NULL;
	assert_true(crit > 0);
	assert_int_equal(nl, nf);
	for (size_t i = 0; i < nl; i++)
		assert_ptr_equal(last[i].crit, first[i].crit);
	load_file_free(&res);
	arena_free(&a);
	arena_free(&scratch);
	arena_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_criterion_amounts),
		cmocka_unit_test(test_penalty_and_event),
		cmocka_unit_test(test_criterion_events),
		cmocka_unit_test(test_busy_day),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
