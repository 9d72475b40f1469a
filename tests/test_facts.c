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

/* A fact known to come out wrong: reported, and the test skips itself at
 * known_wrong_end() while any is. */
static int n_wrong;

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
		n_wrong++;
	}
}

static void known_wrong_end(void)
{
	int n = n_wrong;
	n_wrong = 0;
	if (n)
		skip();
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

/* up.authorized: the grant day of a voluntary return is authorized stay,
 * also without a depart_by: 2009-07-01..2009-12-27 = 180 before the VR of
 * 2009-12-28; the departure on 12-29 adds nothing, and the count is
 * borderline (date.borderline: counting the grant day would make 181). */
static void test_up_vr_grant_day_is_authorized(void **state)
{
	(void)state;
	derive(PERSON("") ADMIT("2009-01-05", "2009-06-30")
	       EV("date: 2009-12-28, type: voluntary_return, advised: true")
	       LEAVE("2009-12-29", "voluntary_return"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "180 (borderline)");
}

/* E22, up.authorized and date.vd_deadline: EWI 2014-09-20, VD granted
 * 2023-03-07 (the grant day authorized): UP 2014-09-20..2023-03-06 =
 * 3,090.  depart_by Saturday 2023-05-06 rolls to Monday 2023-05-08, the
 * day he left: in time under the law from 2025-04-22 (vd_roll_firm);
 * before it, saved only by the roll: unknown and borderline. */
static void test_vd_deadline_rolls_from_saturday(void **state)
{
	(void)state;
	const char *c = PERSON("") EWI("2014-09-20")
		NTA("2019-02-11", ", time_place: true, filed: 2019-02-20")
		DECIDE("2023-03-07", "voluntary_departure, stage: conclusion, depart_by: 2023-05-06, bond_posted: 2023-03-10")
		LEAVE("2023-05-08", "voluntary_departure");
	derive(c, "2026-12-01", NULL);
	expect_item("departure", 1, "up_days", "3090");
	expect_item("departure", 1, "under_vd", "true");
	expect_item("departure", 1, "removal", "false");
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("vd", 1, "date", "2023-03-07");
	expect_item("vd", 1, "by", "IJ");
	expect_item("vd", 1, "stage", "conclusion");
	expect_item("vd", 1, "depart_by", "2023-05-06");
	expect_item("vd", 1, "deadline", "2023-05-08");
	expect_item("vd", 1, "rolled", "true");
	expect_item("vd", 1, "departed", "true");
	expect_item("vd", 1, "departure_date", "2023-05-08");
	expect_item("vd", 1, "left_in_time", "true");
	expect_item("vd", 1, "nonvoluntary", "false");
	expect_item("vd", 1, "bond_posted", "true");
	expect_item("vd", 1, "ended_by_motion", "false");
	expect_item("vd", 1, "stay_ewi", "true");
	expect_item("vd", 1, "before_episode", "false");
	expect_items("order", 0);       /* the alternate order never took effect */
	expect("path", "vd_post_conclusion");
	derive(c, "2026-12-01", "2023-05-08");
	expect("vd_roll_firm", "false");
	expect_item("vd", 1, "left_in_time", "unknown (borderline)");
	expect_item("departure", 1, "removal", "unknown (borderline)");
}

/* date.business_day: depart_by Saturday 2010-07-03; Sunday 07-04 is
 * Independence Day, observed Monday 07-05 (5 U.S.C. 6103(b)): the deadline
 * is Tuesday 2010-07-06.  Leaving on the recorded day is in time under
 * either law; leaving on 07-07 is late, and the alternate order takes
 * effect the day after the deadline (2010-07-07) and is executed. */
static void test_vd_deadline_rolls_over_holiday(void **state)
{
	(void)state;
#define VD_2010 PERSON("") EWI("2004-01-01") NTA("2009-01-05", ", time_place: true") \
	DECIDE("2010-05-04", "voluntary_departure, stage: conclusion, depart_by: 2010-07-03")
	derive(VD_2010 LEAVE("2010-07-03", "voluntary_departure"), "2012-01-01", NULL);
	expect_item("vd", 1, "deadline", "2010-07-06");
	expect_item("vd", 1, "left_in_time", "true");
	expect_item("vd", 1, "bond_posted", "unknown");
	derive(VD_2010 LEAVE("2010-07-07", "self"), "2012-01-01", NULL);
	expect_item("vd", 1, "left_in_time", "false");
	expect_item("vd", 1, "departed", "true");
	expect_item("order", 1, "kind", "vd_alternate");
	expect_item("order", 1, "date", "2010-07-07");
	expect_item("order", 1, "executed", "true");
	expect_item("departure", 1, "removal", "true");
	expect_item("departure", 1, "under_vd", "false");
	/* not gone by as_of 2010-07-06: still in time; on 07-07: not */
	derive(VD_2010, "2010-07-06", NULL);
	expect_item("vd", 1, "departed", "false");
	expect_item("vd", 1, "departure_date", "unknown");
	expect_item("vd", 1, "left_in_time", "true");
	derive(VD_2010, "2010-07-07", NULL);
	expect_item("vd", 1, "left_in_time", "false");
	expect("order_outstanding", "true");
#undef VD_2010
}

/* E16, up.asylum_pending: admitted until 2010-02-28, asylum filed
 * 2010-08-25 and pending until its denial 2011-05-10, VD period after it:
 * 9(B) UP = 2010-03-01..2010-08-24 = 177.  The 9(C) count keeps the
 * pending period: 2010-03-01..2011-05-09 = 435.  Unauthorized work during
 * the pendency (employment 2010-09..12) keeps it in the 9(B) count too:
 * 435. */
static void test_up_asylum_pending(void **state)
{
	(void)state;
#define E16_EVENTS ADMIT("2009-09-01", "2010-02-28") \
	EV("date: 2010-08-25, type: application, relief: asylum") \
	NTA("2010-10-15", ", time_place: true, filed: 2010-10-20") \
	HEARING("2011-05-10", ", kind: individual, appeared: true") \
	DECIDE("2011-05-10", "relief_denied, relief: asylum") \
	DECIDE("2011-05-10", "voluntary_departure, stage: conclusion, depart_by: 2011-07-09") \
	LEAVE("2011-06-20", "voluntary_departure")
	derive("person: {born: 1980-01-01}\nclaims: {fear_of_return: true}\n"
	       "events:\n" E16_EVENTS, "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "177");
	expect_item("stay", 1, "up9c_days", "435");
	expect("asylum_deadline", "2010-09-01");        /* a Wednesday */
	expect("asylum_filed_date", "2010-08-25");
	expect("asylum_timely", "true");
	expect("presence_before_nta_days", "409");      /* 2009-09-01..2010-10-14 */
	expect("path", "vd_post_conclusion");
	expect("hearing", "true");
	expect("t_dec", "2011-05-10");
	expect("decision_date", "2011-05-10");
	expect("episode_start", "2010-10-15");
	expect("applied_asylum", "true");
	expect("denied_asylum", "true");
	expect("granted_asylum", "false");
	expect("fear_of_return", "true");
	derive("person: {born: 1980-01-01}\nemployment:\n"
	       "  - {from: 2010-09-01, to: 2010-12-31, authorized: false}\n"
	       "events:\n" E16_EVENTS, "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "435");
	expect("unauthorized_work", "true");
#undef E16_EVENTS
}

/* E20, up.authorized: B-2 until 2014-08-31, I-485 filed 2016-01-15 and
 * pending throughout: UP 2014-09-01..2016-01-14 = 501; the advance-parole
 * trip does not end the application, so the stay after the parole has no
 * UP though its parole has no date.  The trip is a departure for 9(B)
 * only outside 2012-04-17..2026-08-12 (departure.counts_for_9b). */
static void test_up_adjustment_pending_across_advance_parole(void **state)
{
	(void)state;
	const char *c = PERSON("married: true") ADMIT("2014-03-01", "2014-08-31")
		EV("date: 2016-01-15, type: petition, form: I-130, category: immediate_relative, outcome: pending")
		EV("date: 2016-01-15, type: application, relief: adjust_245a")
		LEAVE("2019-05-10", "advance_parole")
		PAROLE("2019-05-28", ", status: advance_parole");
	derive(c, "2026-12-01", "2026-08-12");
	expect_item("departure", 1, "up_days", "501");
	expect_item("departure", 1, "kind", "advance_parole");
	expect_item("departure", 1, "counts_for_9b", "false");
	expect_item("stay", 2, "up_days", "0");
	expect_item("entry", 2, "status", "advance_parole");
	expect("in_us", "true");
	expect("current_stay_manner", "paroled");
	expect("current_stay_status", "advance_parole");
	expect("up_current_days", "0");
	derive(c, "2026-12-01", NULL);
	expect_item("departure", 1, "counts_for_9b", "true");
}

/* up.authorized (TPS) and up.family_unity: EWI 2005-01-01, a status
 * 2008-01-01 until 2010-12-31, departure 2012-01-01.  TPS leaves out both
 * counts: 2005-01-01..2007-12-31 (1,095) + 2011 (365) = 1,460.  Family
 * Unity leaves out only 9(B): 9(C) is 2005-01-01..2011-12-31 = 2,556.  A
 * status_ended of TPS on 2009-06-30 ends it the next day: 1,095 + 914
 * (2009-07-01..2011-12-31) = 2,009. */
static void test_up_status_periods(void **state)
{
	(void)state;
#define GRANTED(st) EV("date: 2008-01-01, type: status_granted, status: " st ", until: 2010-12-31")
	derive(PERSON("") EWI("2005-01-01") GRANTED("tps")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "1460");
	expect_item("stay", 1, "up9c_days", "1460");
	derive(PERSON("") EWI("2005-01-01") GRANTED("family_unity")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("stay", 1, "up_days", "1460");
	expect_item("stay", 1, "up9c_days", "2556");
	derive(PERSON("") EWI("2005-01-01") GRANTED("tps")
	       EV("date: 2009-06-30, type: status_ended, status: tps, reason: terminated")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("stay", 1, "up_days", "2009");
#undef GRANTED
}

/* ---- departures and orders (section 1 departure.*, section 2b) ---------------- */

/* 8 U.S.C. 1101(g): leaving while an order is outstanding is a removal.
 * A judge's order of 2008-02-01 that could be appealed is final 30 days
 * on, 2008-03-02 (2008 is a leap year); the self-departure of 2008-06-01
 * executes it.  UP 2006-01-01..2008-05-31 = 882. */
static void test_departure_under_outstanding_order_is_removal(void **state)
{
	(void)state;
	derive(PERSON("") EWI("2006-01-01")
	       NTA("2007-06-01", ", time_place: true, filed: 2007-06-05")
	       HEARING("2008-02-01", ", kind: individual, appeared: true")
	       DECIDE("2008-02-01", "removal_order") LEAVE("2008-06-01", "self"),
	       "2026-11-27", NULL);
	expect_item("departure", 1, "removal", "true");
	expect_item("departure", 1, "removal_number", "1");
	expect_item("departure", 1, "order_from_arrival", "false");
	expect_item("departure", 1, "order_reinstated", "false");
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("departure", 1, "up_days", "882");
	expect_item("departure", 1, "breaks_presence", "true");
	expect_item("order", 1, "date", "2008-02-01");
	expect_item("order", 1, "kind", "removal_order");
	expect_item("order", 1, "in_absentia", "false");
	expect_item("order", 1, "rescinded", "false");
	expect_item("order", 1, "oral_notice", "false");
	expect_item("order", 1, "absence_reason", "");
	expect_item("order", 1, "executed", "true");
	expect_item("order", 1, "arriving", "false");
	expect_item("order", 1, "final_date", "2008-03-02");
	expect_item("hearing", 1, "kind", "individual");
	expect_item("hearing", 1, "missed", "false");
	expect_item("hearing", 1, "departure_after", "2008-06-01");
	expect("ordered_removed", "true");
	expect("order_outstanding", "false");
	expect("removals", "1");
	expect("last_removal_date", "2008-06-01");
	expect("final_order_date", "2008-03-02");
	expect("in_absentia", "false");
	expect("in_absentia_date", "unknown");
	expect("reopen_deadline", "unknown");
	expect("path", "removal_order_contested");
	expect("hearing", "true");
	expect("t_dec", "2008-02-01");
	expect("decision_date", "2008-02-01");
	expect("residence_unbroken", "false");      /* left under an order */
	/* the BIA dismisses the appeal on 2008-07-15: final that day */
	derive(PERSON("") EWI("2006-01-01") NTA("2007-06-01", ", time_place: true")
	       DECIDE("2008-02-01", "removal_order")
	       EV("date: 2008-07-15, type: appeal, to: BIA, stage: decided, outcome: dismissed"),
	       "2026-11-27", NULL);
	expect_item("order", 1, "final_date", "2008-07-15");
	expect("order_outstanding", "true");
}

/* E11 and section 2b: a second removal, under a reinstated order.  Before
 * the EWI of 2008-09-01: UP 2006-01-01..2008-02-20 = 781 (9(C) count), an
 * order and a removal. */
static void test_second_removal_under_reinstated_order(void **state)
{
	(void)state;
	derive(PERSON("") EWI("2006-01-01") NTA("2007-06-01", ", time_place: true")
	       DECIDE("2008-02-01", "removal_order")
	       LEAVE("2008-02-21", "removed") EWI("2008-09-01")
	       EV("date: 2010-07-25, type: reinstatement")
	       LEAVE("2010-07-25", "removed"), "2026-11-27", NULL);
	expect_item("departure", 2, "removal", "true");
	expect_item("departure", 2, "removal_number", "2");
	expect_item("departure", 2, "order_reinstated", "true");
	expect_item("order", 2, "kind", "reinstatement");
	expect_item("order", 2, "executed", "true");
	expect_item("entry", 2, "unlawful", "true");
	expect_item("entry", 2, "ordered_before", "true");
	expect_item("entry", 2, "removed_before", "true");
	expect_item("entry", 2, "consent_before", "false");
	expect_item("entry", 2, "up9c_before", "781");
	expect_item("entry", 1, "ordered_before", "false");
	expect_item("entry", 1, "removed_before", "false");
	expect("removals", "2");
	expect("last_removal_date", "2010-07-25");
	expect("path", "reinstatement");
	expect("reinstatement_exposure", "true");
	/* consent to reapply granted after the removal, before the entry */
	derive(PERSON("") EWI("2006-01-01") EV("date: 2008-02-01, type: expedited_removal")
	       LEAVE("2008-02-02", "removed")
	       DECIDE("2011-01-10", "relief_granted, relief: consent_i212, by: USCIS")
	       EV("date: 2012-05-01, type: entry, manner: admitted, status: B2, authorized_until: 2012-10-31"),
	       "2012-06-01", NULL);
	expect_item("entry", 2, "consent_before", "true");
	expect_item("entry", 2, "unlawful", "false");
	expect_item("entry", 2, "removed_before", "true");
	expect_item("departure", 1, "order_from_arrival", "true");
	expect("reinstatement_exposure", "false");
}

/* E12: an expedited removal order at a port is an arriving alien's order
 * (bar_9A_i); an attempted entry opens no stay. */
static void test_expedited_removal_at_port(void **state)
{
	(void)state;
	derive(PERSON("") EV("date: 2010-10-05, type: entry, manner: attempted")
	       EV("date: 2010-10-05, type: expedited_removal")
	       LEAVE("2010-10-05", "removed"), "2026-11-27", NULL);
	expect_item("entry", 1, "manner", "attempted");
	expect_item("entry", 1, "unlawful", "true");
	expect_items("stay", 0);
	expect_item("departure", 1, "order_from_arrival", "true");
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("departure", 1, "up_days", "0");
	expect_item("departure", 1, "stay_start", "unknown");
	expect_item("order", 1, "kind", "expedited_removal");
	expect_item("order", 1, "arriving", "true");
	expect("path", "expedited_removal");
	expect("first_entry_date", "unknown");      /* attempted only */
	/* proceedings begun on arrival (nta arriving), an in absentia order */
	derive(PERSON("") PAROLE("2012-01-10", ", authorized_until: 2012-04-09")
	       NTA("2012-01-10", ", time_place: true, arriving: true")
	       HEARING("2012-06-01", ", kind: master, appeared: false, absence_reason: none")
	       DECIDE("2012-06-01", "in_absentia_order") LEAVE("2013-02-01", "self"),
	       "2026-11-27", NULL);
	expect_item("nta", 1, "arriving", "true");
	expect_item("order", 1, "arriving", "true");
	expect_item("departure", 1, "order_from_arrival", "true");
	expect_item("departure", 1, "removal", "true");
}

/* E38(c): EWI 2021-06-01; NTA filed 2024-02-20; a CBP Home departure
 * 2025-11-03 while the proceedings were pending (UP 2021-06-01..2025-11-02
 * = 1,616); absent 2026-03-02, an in absentia order after the departure.
 * Reopen deadline: 2026-03-02 + 180 = Saturday 2026-08-29, rolled to
 * Monday 2026-08-31 (date.deadline). */
#define E38C PERSON("") EWI("2021-06-01") \
	NTA("2024-02-05", ", time_place: true, filed: 2024-02-20") \
	LEAVE("2025-11-03", "cbp_home") \
	HEARING("2026-03-02", ", kind: master, appeared: false, absence_reason: none") \
	DECIDE("2026-03-02", "in_absentia_order")
static void test_departure_before_later_in_absentia_order(void **state)
{
	(void)state;
	derive(E38C, "2026-06-01", NULL);
	expect_item("departure", 1, "kind", "cbp_home");
	expect_item("departure", 1, "up_days", "1616");
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("hearing", 1, "missed", "true");
	expect_item("hearing", 1, "absence_reason", "none");
	expect_item("hearing", 1, "without_cause", "true");
	expect_item("hearing", 1, "departure_after", "unknown");
	expect_item("hearing", 1, "order_rescinded", "false");
	/* the NTA set the hearing missed, and says nothing of oral warnings */
	expect_item("order", 1, "oral_notice", "unknown");
	expect_item("order", 1, "in_absentia", "true");
	expect_item("order", 1, "executed", "false");
	expect_item("order", 1, "final_date", "2026-03-02");
	expect("in_absentia", "true");
	expect("in_absentia_date", "2026-03-02");
	expect("reopen_deadline", "2026-08-31");
	expect("order_outstanding", "true");
	expect("path", "removal_in_absentia");
	expect("removals", "0");
}

/* 3-year clause: proceedings commence when the NTA is filed (8 CFR
 * 1239.1(a)); served and not known to be filed: unknown; filed after the
 * departure: not commenced. */
static void test_proceedings_commenced(void **state)
{
	(void)state;
	derive(PERSON("") EWI("2008-01-01") NTA("2010-01-04", ", time_place: true")
	       LEAVE("2010-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "unknown");
	derive(PERSON("") EWI("2008-01-01")
	       NTA("2010-01-04", ", time_place: true, filed: 2010-03-01")
	       LEAVE("2010-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "false");
	expect_item("nta", 1, "filed", "2010-03-01");
	/* an NTA of an earlier stay does not reach the next one */
	derive(PERSON("") EWI("2008-01-01")
	       NTA("2010-01-04", ", time_place: true, filed: 2010-01-05")
	       LEAVE("2010-02-01", "self") EWI("2010-05-01")
	       LEAVE("2011-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("departure", 2, "proceedings_commenced", "false");
}

/* A permanent resident's trip (departure.lpr), a withdrawal at a port, a
 * departure that abandons the residence (registry), a verified one. */
static void test_departure_lpr_withdrawal_abandonment(void **state)
{
	(void)state;
	derive(PERSON("lpr_since: 2003-06-01, lpr_via: admission")
	       EV("date: 2003-06-01, type: entry, manner: admitted, status: immigrant")
	       EV("date: 2008-01-01, type: departure, kind: self, verified: true")
	       EV("date: 2008-02-01, type: entry, manner: admitted, status: immigrant"),
	       "2026-11-27", NULL);
	expect_item("departure", 1, "lpr", "true");
	expect_item("departure", 1, "verified", "true");
	expect_item("departure", 1, "stay_nonimmigrant", "false");
	expect_item("stay", 1, "up_days", "0");     /* an LPR's stay */
	expect("residence_unbroken", "true");
	derive(PERSON("") EV("date: 2012-03-03, type: entry, manner: attempted")
	       EV("date: 2012-03-03, type: withdrawal_at_port")
	       LEAVE("2012-03-03", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "withdrawal", "true");
	expect_item("departure", 1, "breaks_presence", "true");
	expect_item("departure", 1, "stay_manner", "unknown");
	expect("path", "withdrawal_at_port");
	expect("t_dec", "2012-03-03");
	derive(PERSON("") EWI("1969-11-20")
	       EV("date: 1985-01-05, type: departure, kind: self, abandoned_residence: true")
	       EWI("1985-08-20"), "2015-01-01", NULL);
	expect_item("departure", 1, "abandoned_residence", "true");
	expect("residence_unbroken", "false");
}

/* ---- facts known to come out wrong (each skips itself while it does) -------- */

/* date.period_end and 240B(d): the alternate order takes effect the day
 * after the (rolled) deadline, 2010-07-07 (E22: "alternate order effective
 * 2023-05-09" for a 2023-05-08 deadline).  On as_of 2010-07-06, the
 * deadline itself, no order stands yet. */
static void test_known_wrong_vd_alternate_order_on_deadline_day(void **state)
{
	(void)state;
	derive(PERSON("") EWI("2004-01-01") NTA("2009-01-05", ", time_place: true")
	       DECIDE("2010-05-04", "voluntary_departure, stage: conclusion, depart_by: 2010-07-03"),
	       "2010-07-06", NULL);
	wrong("ordered_removed", "false");
	wrong("order_outstanding", "false");
	wrong("final_order_date", "unknown");
	known_wrong_end();
}

/* E38(c) and bar_9A_ii: a departure before an order entered later in
 * absentia in the proceedings pending when the person left is possibly a
 * removal (departure.removal unknown); the episode those proceedings make
 * began with their NTA, 2024-02-05. */
static void test_known_wrong_departure_before_in_absentia_order(void **state)
{
	(void)state;
	derive(E38C, "2026-06-01", NULL);
	wrong("episode_start", "2024-02-05");
	wrong_item("departure", 1, "removal", "unknown");
	known_wrong_end();
}

/* date.more_than_one_year: 366 days of aggregate UP whose year holds a
 * Feb 29 are borderline (367 would be firm).  2011-07-01..2012-06-30 =
 * 366 with 2012-02-29: stay.up9c_days says so; the case's aggregate and
 * the count before the next entry (which bar_9C_permanent reads) should
 * too. */
static void test_known_wrong_9c_366_with_feb29(void **state)
{
	(void)state;
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-07-01", "self"), "2026-11-27", NULL);
	expect_item("stay", 1, "up9c_days", "366 (borderline)");
	wrong("up9c_days", "366 (borderline)");
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-07-01", "self") EWI("2013-01-10"), "2013-01-10", NULL);
	wrong_item("entry", 2, "up9c_before", "366 (borderline)");
	known_wrong_end();
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
		cmocka_unit_test(test_up_vr_grant_day_is_authorized),
		cmocka_unit_test(test_vd_deadline_rolls_from_saturday),
		cmocka_unit_test(test_vd_deadline_rolls_over_holiday),
		cmocka_unit_test(test_up_asylum_pending),
		cmocka_unit_test(test_up_adjustment_pending_across_advance_parole),
		cmocka_unit_test(test_up_status_periods),
		cmocka_unit_test(test_departure_under_outstanding_order_is_removal),
		cmocka_unit_test(test_second_removal_under_reinstated_order),
		cmocka_unit_test(test_expedited_removal_at_port),
		cmocka_unit_test(test_departure_before_later_in_absentia_order),
		cmocka_unit_test(test_proceedings_commenced),
		cmocka_unit_test(test_departure_lpr_withdrawal_abandonment),
		cmocka_unit_test(test_known_wrong_vd_alternate_order_on_deadline_day),
		cmocka_unit_test(test_known_wrong_departure_before_in_absentia_order),
		cmocka_unit_test(test_known_wrong_9c_366_with_feb29),
	};
	return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
