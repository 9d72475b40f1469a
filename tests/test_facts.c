/* test_facts.c - the facts src/ derives (facts_list.h, items.h) and the
 * main derived facts of config/rules.yaml, from small inline cases.
 *
 * Every expected value is worked out by hand from legal-reference.md
 * (the conventions of section 0, the rules of sections 1-4); the comment
 * beside it says the arithmetic.  A fact that comes out wrong against the
 * reference is tested with the right value in a test_known_wrong_*
 * function, which skips itself while the fact is wrong.  The last test
 * fails if some case fact of facts_table or item fact of scope_defs was
 * never asserted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "load.h"
#include "rules.h"
#include "vocab.h"

/* ---- the harness ----------------------------------------------------------- */

static struct vocab vocab;
static struct rules rules;
static struct fact_set fs;
static struct arena case_arena, fact_arena;
static struct load_file loaded;
static bool derived_once;
static bool *case_seen;                 /* per slot of rules.env */
static bool *item_seen[SC__COUNT];      /* per column of a scope's row */

static int setup(void **state)
{
	struct diag_list d = { 0 };
	(void)state;
	int bad = vocab_load_default(&vocab, &d) + rules_load_default(&rules, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, &d.v[i]);
	diag_free(&d);
	rules.vocab = &vocab;
	case_seen = xcalloc(rules.env.n_facts + 1, sizeof(*case_seen));
	for (int sc = 0; sc < SC__COUNT; sc++)
		item_seen[sc] = xcalloc(rules.scope[sc].width + 1u, sizeof(bool));
	return bad;
}

static void release(void)
{
	if (!derived_once)
		return;
	load_file_free(&loaded);
	arena_free(&case_arena);
	arena_free(&fact_arena);
	derived_once = false;
}

static int teardown(void **state)
{
	(void)state;
	release();
	for (int sc = 0; sc < SC__COUNT; sc++)
		free(item_seen[sc]);
	free(case_seen);
	rules_free(&rules);
	vocab_free(&vocab);
	return 0;
}

static struct date day(const char *s)
{
	struct date d;
	const char *err;
	assert_true(date_parse(s, strlen(s), &d, &err));
	return d;
}

/* Derives the facts of the case `body` (everything after format and id)
 * as of as_of, under the law of law (NULL: as_of). */
static void derive(const char *body, const char *as_of, const char *law)
{
	char text[8192];
	struct arena scratch;
	release();
	snprintf(text, sizeof(text), "format: casewalk/1\nid: T\n%s", body);
	arena_init(&case_arena, 64 * 1024);
	arena_init(&fact_arena, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	memset(&loaded, 0, sizeof(loaded));
	struct facts_ctx ctx = { &rules, day(as_of), day(law ? law : as_of) };
	struct load_opts o = { &ylimits_default, &vocab.ids, ctx.as_of };
	load_buffer_opts("t.yaml", 0, text, strlen(text), &o, &case_arena,
			 &scratch, &loaded);
	arena_free(&scratch);
	derived_once = true;
	for (size_t i = 0; i < loaded.diags.n; i++)
		diag_print(stderr, &loaded.diags.v[i]);
	assert_int_equal(loaded.n_cases, 1);
	facts_derive(&ctx, loaded.cases[0], &fs, &fact_arena);
}

/* The text of case fact `name` (a name of rules.env without a dot). */
static const char *case_text(const char *name, char *got, size_t n, int line)
{
	for (size_t i = 0; i < rules.env.n_facts; i++)
		if (!strcmp(rules.env.facts[i].name, name) && !strchr(name, '.')) {
			case_seen[i] = true;
			facts_format(fs.v[i], got, n);
			return got;
		}
	fail_msg("line %d: no case fact %s", line, name);
	return NULL;
}

/* The text of fact `name` of item k (1-based) of scope `scope`. */
static const char *item_text(const char *scope, uint32_t k, const char *name,
			     char *got, size_t n, int line)
{
	char full[128];
	snprintf(full, sizeof(full), "%s.%s", scope, name);
	for (int sc = 0; sc < SC__COUNT; sc++) {
		if (strcmp(scope_defs[sc].name, scope))
			continue;
		if (k < 1 || k > fs.items[sc].n)
			fail_msg("line %d: %s #%u: the case has %u", line, scope,
				 k, fs.items[sc].n);
		const struct scope_layout *l = &rules.scope[sc];
		for (uint16_t c = 0; c < l->width; c++)
			if (!strcmp(rules.env.facts[l->slot[c]].name, full)) {
				item_seen[sc][c] = true;
				facts_format(item_row(&fs.items[sc], k - 1)[c], got, n);
				return got;
			}
	}
	fail_msg("line %d: no item fact %s", line, full);
	return NULL;
}

#define expect(name, want) expect_fact(name, want, __LINE__)
static void expect_fact(const char *name, const char *want, int line)
{
	char got[128];
	if (strcmp(case_text(name, got, sizeof(got), line), want))
		fail_msg("line %d: %s: expected '%s', got '%s'", line, name,
			 want, got);
}

#define expect_item(sc, k, name, want) \
	expect_item_at(sc, k, name, want, __LINE__)
static void expect_item_at(const char *scope, uint32_t k, const char *name,
			   const char *want, int line)
{
	char got[128];
	if (strcmp(item_text(scope, k, name, got, sizeof(got), line), want))
		fail_msg("line %d: %s #%u %s: expected '%s', got '%s'", line,
			 scope, k, name, want, got);
}

#define expect_items(sc, n) expect_items_at(sc, n, __LINE__)
static void expect_items_at(const char *scope, uint32_t n, int line)
{
	for (int sc = 0; sc < SC__COUNT; sc++)
		if (!strcmp(scope_defs[sc].name, scope)) {
			if (fs.items[sc].n != n)
				fail_msg("line %d: %u %s items, expected %u", line,
					 fs.items[sc].n, scope, n);
			return;
		}
	fail_msg("line %d: no scope %s", line, scope);
}

/* A fact known to come out wrong: the test skips itself while it does. */
#define wrong(name, want) wrong_at(NULL, 0, name, want, __LINE__)
#define wrong_item(sc, k, name, want) wrong_at(sc, k, name, want, __LINE__)
static void wrong_at(const char *scope, uint32_t k, const char *name,
		     const char *want, int line)
{
	char got[128];
	const char *g = scope ? item_text(scope, k, name, got, sizeof(got), line)
			      : case_text(name, got, sizeof(got), line);
	if (strcmp(g, want)) {
		print_message("line %d: known wrong: %s%s%s: expected '%s', "
			      "got '%s'\n", line, scope ? scope : "",
			      scope ? "." : "", name, want, g);
		skip();
	}
}

/* ---- case text ------------------------------------------------------------- */

#define PERSON(attrs) "person: {" attrs "}\nevents:\n"
#define EV(fields) "  - {" fields "}\n"
#define EWI(d) EV("date: " d ", type: entry, manner: without_inspection")
#define ADMIT(d, until) \
	EV("date: " d ", type: entry, manner: admitted, status: B2, authorized_until: " until)
#define PAROLE(d, more) EV("date: " d ", type: entry, manner: paroled" more)
#define LEAVE(d, kind) EV("date: " d ", type: departure, kind: " kind)
#define NTA(d, more) EV("date: " d ", type: nta_served" more)
#define DECIDE(d, more) EV("date: " d ", type: decision, outcome: " more)
#define HEARING(d, more) EV("date: " d ", type: hearing" more)
#define OFFENSES "offenses:\n"
#define OFFENSE(fields) "  - {" fields "}\n"

/* ---- unlawful presence per stay (section 0, up.*) --------------------------- */

/* E01, date.up_start_overstay and date.up_end: UP runs from the day after
 * "admit until" 2009-06-30 up to, not including, the departure day:
 * 2009-07-01..2009-12-28 = 31+31+30+31+30+28 = 181.  The VR's grant day is
 * the departure day, which is not counted anyway (up.authorized). */
static void test_up_overstay_departure_day_not_counted(void **state)
{
	(void)state;
	derive("person: {born: 1980-01-01}\nevents:\n"
	       ADMIT("2009-01-05", "2009-06-30")
	       EV("date: 2009-12-29, type: voluntary_return, advised: true")
	       LEAVE("2009-12-29", "voluntary_return"), "2026-11-27", NULL);
	expect_item("departure", 1, "date", "2009-12-29");
	expect_item("departure", 1, "kind", "voluntary_return");
	expect_item("departure", 1, "up_days", "181");
	expect_item("departure", 1, "stay_start", "2009-01-05");
	expect_item("departure", 1, "stay_manner", "admitted");
	expect_item("departure", 1, "stay_nonimmigrant", "true");
	expect_item("departure", 1, "advised", "true");
	expect_item("departure", 1, "under_vd", "true");  /* no deadline set */
	expect_item("departure", 1, "removal", "false");
	expect_item("departure", 1, "removal_number", "0");
	expect_item("departure", 1, "verified", "unknown");
	expect_item("departure", 1, "abandoned_residence", "false");
	expect_item("departure", 1, "breaks_presence", "true");
	expect_items("vd", 0);          /* a VR without depart_by: no grant row */
	expect_item("stay", 1, "date", "2009-01-05");
	expect_item("stay", 1, "end", "2009-12-29");
	expect_item("stay", 1, "open", "false");
	expect_item("stay", 1, "manner", "admitted");
	expect_item("stay", 1, "up_days", "181");
	expect_item("stay", 1, "up9c_days", "181");
	expect_item("stay", 1, "overstayed", "true");
	expect_item("stay", 1, "overstay_start", "2009-07-01");
	expect_item("stay", 1, "nonimmigrant", "true");
	expect("up_current_days", "0");         /* not in the U.S. */
	expect("up9c_days", "181");
	expect("in_us", "false");
	expect("departed", "true");
	expect("departures", "1");
	expect("last_departure_date", "2009-12-29");
	expect("current_stay_start", "unknown");
	expect("age", "29");            /* 1980-01-01 to the VR 2009-12-29 */
	expect("born", "1980-01-01");
}

/* date.borderline: 180 (the departure day would make 181), 364 (would make
 * 365), 365 with a Feb 29 inside for 9(B) and 365 for 9(C) (would make
 * 366); a plain 365 is not borderline for 9(B). */
static void test_borderline_marks(void **state)
{
	(void)state;
	/* 2009-07-01..2009-12-27 = 181 - 1 = 180 */
	derive(PERSON("") ADMIT("2009-01-05", "2009-06-30")
	       LEAVE("2009-12-28", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "180 (borderline)");
	/* 2009-07-01..2010-06-29 = 364 */
	derive(PERSON("") ADMIT("2009-01-05", "2009-06-30")
	       LEAVE("2010-06-30", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "364 (borderline)");
	/* 2009-07-01..2010-06-30 = 365, no Feb 29: firm for 9(B); one short
	 * of 366 for 9(C) */
	derive(PERSON("") ADMIT("2009-01-05", "2009-06-30")
	       LEAVE("2010-07-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "365");
	expect_item("stay", 1, "up9c_days", "365 (borderline)");
	expect("up9c_days", "365 (borderline)");
	/* 2011-07-01..2012-06-29 = 365, holding 2012-02-29 */
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-06-30", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "365 (borderline)");
	expect_item("stay", 1, "up_days", "365 (borderline)");
	/* 2011-07-01..2012-06-30 = 366 with a Feb 29: borderline for 9(C)
	 * (date.more_than_one_year), firm for 9(B) */
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-07-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "366");
	expect_item("stay", 1, "up9c_days", "366 (borderline)");
}

/* date.up_start_ewi: UP from the entry, 1997-04-01 or the 18th birthday,
 * whichever is latest.  1997-04-01..1998-01-09 = 284; a stay that ended
 * before 1997-04-01 has none. */
static void test_up_ewi_from_1997_04_01(void **state)
{
	(void)state;
	derive(PERSON("") EWI("1990-02-01") LEAVE("1994-05-01", "self")
	       EWI("1995-06-01") LEAVE("1998-01-10", "self"),
	       "2026-11-27", NULL);
	expect_item("stay", 1, "up_days", "0");
	expect_item("stay", 1, "up9c_days", "0");
	expect_item("stay", 2, "up_days", "284");
	expect_item("stay", 2, "up9c_days", "284");
	expect_item("stay", 2, "overstayed", "false");   /* not admitted */
	expect_item("stay", 2, "overstay_start", "unknown");
	expect_item("stay", 2, "nonimmigrant", "false");
	expect_item("departure", 2, "up_days", "284");
	expect("up9c_days", "284");
}

/* E04, up.minor and date.up_9c: born 1991-01-15, so 9(B) counts from
 * 2009-01-15: ..2009-07-09 = 176; 9(C) ignores age: 2003-05-10..2009-07-09
 * = 2,253.  Back EWI 2010-02-01: 2010-02-01..as_of 2010-03-01 = 29. */
static void test_up_from_18th_birthday(void **state)
{
	(void)state;
	derive(PERSON("born: 1991-01-15") EWI("2003-05-10")
	       LEAVE("2009-07-10", "voluntary_return") EWI("2010-02-01"),
	       "2010-03-01", NULL);
	expect_item("departure", 1, "up_days", "176");
	expect_item("stay", 1, "up9c_days", "2253");
	expect_item("stay", 2, "up_days", "29");
	expect_item("stay", 2, "end", "2010-03-02");     /* the day after as_of */
	expect_item("stay", 2, "open", "true");
	expect_item("entry", 2, "up9c_before", "2253");
	expect_item("entry", 2, "after_departure", "true");
	expect_item("entry", 1, "after_departure", "false");
	/* no voluntary_return event records an advisal */
	expect_item("departure", 1, "advised", "false");
	expect_item("departure", 1, "under_vd", "false");
	expect("up_current_days", "29");
	expect("up9c_days", "2282");            /* 2,253 + 29 */
	expect("in_us", "true");
	expect("current_stay_start", "2010-02-01");
	expect("current_stay_manner", "without_inspection");
	expect("current_stay_status", "");
	expect("age", "19");                    /* on as_of: no decision */
}

/* date.up_start_ds: D/S and no finding gives 0 (firm); a USCIS finding on
 * 2010-01-04 starts UP the next day: 2010-01-05..2011-12-31 = 726; an
 * admission with no authorized_until at all gives unknown. */
static void test_up_duration_of_status(void **state)
{
	(void)state;
#define F1 EV("date: 2008-08-20, type: entry, manner: admitted, status: F1, authorized_until: D/S")
	derive(PERSON("born: 1990-01-01") F1 LEAVE("2012-01-01", "self"),
	       "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "0");
	expect_item("stay", 1, "overstayed", "false");
	derive(PERSON("born: 1990-01-01") F1
	       EV("date: 2010-01-04, type: status_violation_found, by: USCIS")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "726");
	expect_item("stay", 1, "overstay_start", "2010-01-05");
#undef F1
	derive(PERSON("") EV("date: 2008-08-20, type: entry, manner: admitted")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "unknown");
	expect_item("stay", 1, "up9c_days", "unknown");
	expect("up9c_days", "unknown");
}

/* A stay whose start of UP is unknown (no authorized_until) but whose
 * every day is authorized (TPS 2008-08-20..2015-12-31) has none. */
static void test_up_unknown_start_fully_authorized(void **state)
{
	(void)state;
	derive(PERSON("") EV("date: 2008-08-20, type: entry, manner: admitted")
	       EV("date: 2008-08-20, type: status_granted, status: tps, until: 2015-12-31")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "0");
	expect_item("stay", 1, "up9c_days", "0");
}

/* date.up_start_parole: authorized through authorized_until (UP from
 * 2015-10-01..2016-01-09 = 101) or an earlier status_ended (2015-06-15:
 * UP from 2015-06-16, = 208); neither on file: unknown; a parolee who
 * leaves before the date: 0. */
static void test_up_parole(void **state)
{
	(void)state;
	derive(PERSON("") PAROLE("2015-03-01", ", authorized_until: 2015-09-30")
	       LEAVE("2016-01-10", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "101");
	expect_item("departure", 1, "stay_manner", "paroled");
	expect_item("departure", 1, "stay_nonimmigrant", "false");
	expect_item("stay", 1, "overstayed", "true");
	expect_item("stay", 1, "overstay_start", "2015-10-01");
	expect_item("stay", 1, "nonimmigrant", "false");
	expect_item("entry", 1, "manner", "paroled");
	expect_item("entry", 1, "unlawful", "false");
	derive(PERSON("") PAROLE("2015-03-01", ", authorized_until: 2015-09-30")
	       EV("date: 2015-06-15, type: status_ended, status: parole, reason: terminated")
	       LEAVE("2016-01-10", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "208");
	expect_item("stay", 1, "overstay_start", "2015-06-16");
	derive(PERSON("") PAROLE("2015-03-01", "") LEAVE("2016-01-10", "self"),
	       "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "unknown");
	derive(PERSON("") PAROLE("2015-03-01", ", authorized_until: 2015-09-30")
	       LEAVE("2015-09-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "0");
	expect_item("stay", 1, "overstayed", "false");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_up_overstay_departure_day_not_counted),
		cmocka_unit_test(test_borderline_marks),
		cmocka_unit_test(test_up_ewi_from_1997_04_01),
		cmocka_unit_test(test_up_from_18th_birthday),
		cmocka_unit_test(test_up_duration_of_status),
		cmocka_unit_test(test_up_unknown_start_fully_authorized),
		cmocka_unit_test(test_up_parole),
	};
	return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
