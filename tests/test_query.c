/* test_query.c - the query layer (src/query.h): the filter language's
 * terms, errors and suggestions, the sort keys, and the summaries a
 * catalog is built from, on three small inline cases. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "query.h"
#include "vocab.h"

static struct vocab vocab;
static struct rules rules;
static struct corpus_like {
	struct cw_case *cases[8];
	size_t n;
} loaded;
static struct arena arena;
static struct catalog cat;

/* Three people as of 2026-12-01:
 *   VR1  EWI 2005, a voluntary return 2016 (the 10-year 9(B) bar ended
 *        2026-03-01; IJ-only relief forfeited then)
 *   ORD1 EWI 2010, a removal order after a hearing 2018, removed: the
 *        9(A)(ii) and 9(B) bars run to 2028
 *   PEN1 EWI 2009, a notice to appear 2024, pending, tag "clinic" */
static const char *const texts[] = {
	"format: casewalk/1\nid: VR1\nperson: {name: \"Vera Ruiz\", born: 1980-01-01}\n"
	"events:\n  - {date: 2005-04-01, type: entry, manner: without_inspection}\n"
	"  - {date: 2016-03-01, type: encounter, agency: CBP}\n"
	"  - {date: 2016-03-01, type: voluntary_return, advised: true}\n"
	"  - {date: 2016-03-01, type: departure, kind: voluntary_return, verified: true}\n",
	"format: casewalk/1\nid: ORD1\nperson: {name: \"Omar Diaz\", born: 1985-02-02}\n"
	"events:\n  - {date: 2010-05-05, type: entry, manner: without_inspection}\n"
	"  - {date: 2017-01-09, type: nta_served, time_place: true, filed: 2017-01-12}\n"
	"  - {date: 2018-06-04, type: hearing, kind: individual, appeared: true}\n"
	"  - {date: 2018-06-04, type: decision, outcome: removal_order}\n"
	"  - {date: 2018-07-02, type: departure, kind: removed}\n",
	"format: casewalk/1\nid: PEN1\nperson: {name: \"Paula Nunez\", born: 1990-03-03}\n"
	"tags: [clinic]\n"
	"events:\n  - {date: 2009-09-09, type: entry, manner: without_inspection}\n"
	"  - {date: 2024-02-05, type: nta_served, time_place: true, filed: 2024-02-09}\n",
};

static int setup(void **state)
{
	(void)state;
	struct diag_list d = { 0 };
	if (vocab_load_default(&vocab, &d) + rules_load_default(&rules, &d))
		return -1;
	rules.vocab = &vocab;
	diag_free(&d);
	arena_init(&arena, 1 << 16);
	catalog_init(&cat, &rules);
	struct query_ctx q = { &rules, &cat.facts, date_ymd(2026, 12, 1),
			       date_ymd(2026, 12, 1), false };
	struct corpus c = { 0 };
	c.cases = loaded.cases;
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		struct load_file res = { 0 };
		struct arena scratch;
		struct load_opts o = { &ylimits_default, &vocab.ids, q.as_of, NULL };
		arena_init(&scratch, 1 << 16);
		load_buffer_opts("q.yaml", 0, texts[i], strlen(texts[i]), &o,
				 &arena, &scratch, &res);
		if (res.n_cases != 1)
			return -1;
		struct cw_case *cs = res.cases[0];
		cs->user = query_row_of_case(&q, cs, &arena, &scratch);
		loaded.cases[loaded.n++] = cs;
		arena_free(&scratch);
		diag_free(&res.diags);
	}
	c.n_cases = loaded.n;
	catalog_build(&cat, &c);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	arena_free(&arena);
	rules_free(&rules);
	vocab_free(&vocab);
	return 0;
}

/* The ids text matches, in load order, as "A B"; or the error. */
static const char *matches(const char *text, char *buf, size_t n)
{
	char err[512];
	struct arena a;
	arena_init(&a, 4096);
	struct query_filter *f = query_filter_compile(&rules, text, &a, err,
						      sizeof(err));
	if (!f) {
		snprintf(buf, n, "error: %s", err);
	} else {
		size_t used = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < cat.n_rows; i++)
			if (query_filter_match(f, &cat, i, false))
				used += (size_t)snprintf(buf + used, n - used, "%s%s",
					used ? " " : "", cat.rows[i].c->id);
	}
	arena_free(&a);
	return buf;
}

#define EXPECT(text, want) do { char b_[1024]; \
		assert_string_equal(matches(text, b_, sizeof(b_)), want); \
	} while (0)
#define EXPECT_ERROR(text, part) do { char b_[1024]; \
		const char *g_ = matches(text, b_, sizeof(b_)); \
		if (!strstr(g_, part)) fail_msg("%s: %s", text, g_); \
	} while (0)

static void test_terms(void **state)
{
	(void)state;
	EXPECT("", "VR1 ORD1 PEN1");
	EXPECT("path=voluntary_return", "VR1");
	EXPECT("path=pend", "PEN1");                    /* a unique prefix */
	EXPECT("hearing=yes", "ORD1");
	EXPECT("hearing=no", "VR1 PEN1");
	EXPECT("tag=clinic", "PEN1");
	EXPECT("text=omar", "ORD1");                    /* the name, any case */
	EXPECT("text=PEN", "PEN1");                     /* the id */
}

/* Section 2a: a bar is running only for a rule of kind bar in force on
 * the as-of date; VR1's 9(B) bar ended 2026-03-01, while its continuous
 * presence break (kind presence) never ends. */
static void test_bars(void **state)
{
	(void)state;
	EXPECT("bar=running", "ORD1");
	EXPECT("running", "ORD1");
	EXPECT("bar=ended", "VR1");
	EXPECT("bar=any", "VR1 ORD1");
	EXPECT("bar=bar_9A_ii", "ORD1");
	EXPECT("penalty=cpp_break_departure", "VR1 ORD1");
	EXPECT("penalty=bar_9B_10yr:any", "VR1 ORD1");
	EXPECT("not bar=any", "PEN1");
}

static void test_relief(void **state)
{
	(void)state;
	EXPECT("cancel_nonlpr=forfeited", "VR1");
	EXPECT("cancel_nonlpr=then:forfeited", "VR1");
	EXPECT("cancel_nonlpr=now:available", "PEN1");
	EXPECT("relief=then:forfeited", "VR1");
	EXPECT("voluntary_departure=now:lost", "VR1 ORD1");
}

static void test_expressions_and_logic(void **state)
{
	(void)state;
	EXPECT("bar=running or tag=clinic", "ORD1 PEN1");
	EXPECT("(path=pending or hearing=yes) and not tag=clinic", "ORD1");
	EXPECT("departures >= 1 and not hearing=yes", "VR1");
	EXPECT("current_stay_manner == \"without_inspection\"", "PEN1");
	/* a term's '=' is not a comparison's */
	EXPECT("departures == 1 and path=removal_order_contested", "ORD1");
	/* terms side by side, as the explorer's filter used to take them:
	 * both must hold */
	EXPECT("path=voluntary_return hearing=no", "VR1");
	EXPECT("hearing=no tag=clinic", "PEN1");
}

static void test_errors_suggest(void **state)
{
	(void)state;
	EXPECT_ERROR("cancel=possible", "did you mean cancel_nonlpr?");
	EXPECT_ERROR("relief=posible", "did you mean possible?");
	EXPECT_ERROR("relief=now:avaliable", "did you mean available?");
	EXPECT_ERROR("bar=runing", "did you mean running?");
	EXPECT_ERROR("bar=bar_9B_10", "did you mean bar_9B_10yr?");
	EXPECT_ERROR("penalty=crime1326", "did you mean crime_1326?");
	EXPECT("path=vol", "VR1");                      /* a unique prefix */
	EXPECT_ERROR("path=xyz", "unknown path 'xyz' (allowed:");
	EXPECT_ERROR("path=voluntary_retrun", "did you mean voluntary_return?");
	EXPECT_ERROR("path=v", "could be");             /* ambiguous prefix */
	EXPECT_ERROR("hearing=maybe", "yes or no");
	EXPECT_ERROR("departurs >= 1", "did you mean departures?");
	EXPECT_ERROR("hearin=yes", "did you mean hearing?");
	EXPECT_ERROR("departures + 1", "not a condition");
	/* an error names the term as written, never an internal name */
	EXPECT_ERROR("hearing=no + 3", "cannot add");
	{
		char b[1024];
		matches("(hearing=no", b, sizeof(b));
		assert_null(strstr(b, "__t"));
	}
}

static void test_sort(void **state)
{
	(void)state;
	char err[256];
	struct query_sort s;
	size_t idx[8];
	assert_true(query_sort_parse("-until,id", &s, err, sizeof(err)));
	assert_int_equal(query_select(&cat, NULL, &s, false, idx), 3);
	/* ORD1's bar ends 2028, VR1's ended 2026, PEN1 has none */
	assert_string_equal(cat.rows[idx[0]].c->id, "ORD1");
	assert_string_equal(cat.rows[idx[1]].c->id, "VR1");
	assert_string_equal(cat.rows[idx[2]].c->id, "PEN1");
	assert_false(query_sort_parse("untill", &s, err, sizeof(err)));
	assert_non_null(strstr(err, "did you mean until?"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_relief),
		cmocka_unit_test(test_expressions_and_logic),
		cmocka_unit_test(test_errors_suggest),
		cmocka_unit_test(test_sort),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
