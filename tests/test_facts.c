/* test_facts.c - the facts src/ derives (facts_list.h, items.h) and the
 * main derived facts of config/rules.yaml, from small inline cases.
 *
 * Every expected value is worked out by hand from legal-reference.md
 * (the conventions of section 0, the rules of sections 1-4); the comment
 * beside it says the arithmetic.  A fact that comes out wrong against the
 * reference is tested with the right value in a test_*
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
	arena_init(&case_arena, 64 * 1024);
	arena_init(&fact_arena, 64 * 1024);
	case_seen = xcalloc(rules.env.n_facts + 1, sizeof(*case_seen));
	for (int sc = 0; sc < SC__COUNT; sc++)
		item_seen[sc] = xcalloc(rules.scope[sc].width + 1u, sizeof(bool));
	return bad;
}

/* Frees the last case derived (setup leaves empty arenas to free). */
static void release(void)
{
	load_file_free(&loaded);
	arena_free(&case_arena);
	arena_free(&fact_arena);
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
	release();      /* the arenas stay usable, empty */
	snprintf(text, sizeof(text), "format: casewalk/1\nid: T\n%s", body);
	arena_init(&scratch, 64 * 1024);
	struct facts_ctx ctx = { &rules, day(as_of), day(law ? law : as_of),
				 NEED_ALL };
	struct load_opts o = { &ylimits_default, &vocab.ids, ctx.as_of, NULL };
	load_buffer_opts("t.yaml", 0, text, strlen(text), &o, &case_arena,
			 &scratch, &loaded);
	arena_free(&scratch);
	for (size_t i = 0; i < loaded.diags.n; i++)
		diag_print(stderr, &loaded.diags.v[i]);
	assert_int_equal(loaded.n_cases, 1);
	facts_derive(&ctx, loaded.cases[0], &fs, &fact_arena);
}

#define GOT 128

static int scope_index(const char *scope, int line)
{
	for (int sc = 0; sc < SC__COUNT; sc++)
		if (!strcmp(scope_defs[sc].name, scope))
			return sc;
	fail_msg("line %d: no scope %s", line, scope);
	return -1;
}

/* The text of case fact `name` (scope NULL: a name of rules.env without a
 * dot), or of fact `name` of item k (1-based) of `scope`; marks it. */
static const char *fact_text(const char *scope, uint32_t k, const char *name,
			     char *got, int line)
{
	for (size_t i = 0; !scope && !strchr(name, '.') &&
	     i < rules.env.n_facts; i++)
		if (!strcmp(rules.env.facts[i].name, name)) {
			case_seen[i] = true;
			facts_format(fs.v[i], got, GOT);
			return got;
		}
	if (!scope)
		fail_msg("line %d: no case fact %s", line, name);
	int sc = scope_index(scope, line);
	if (k < 1 || k > fs.items[sc].n)
		fail_msg("line %d: %s #%u: the case has %u", line, scope, k,
			 fs.items[sc].n);
	char full[2 * GOT];
	snprintf(full, sizeof(full), "%s.%s", scope, name);
	const struct scope_layout *l = &rules.scope[sc];
	for (uint16_t c = 0; c < l->width; c++)
		if (!strcmp(rules.env.facts[l->slot[c]].name, full)) {
			item_seen[sc][c] = true;
			facts_format(item_row(&fs.items[sc], k - 1)[c], got, GOT);
			return got;
		}
	fail_msg("line %d: no item fact %s", line, full);
	return NULL;
}

/* Asserts one fact of the case (scope NULL) or of item k of scope. */
static void compare(int line, const char *scope, uint32_t k, const char *name,
		    const char *want)
{
	char got[GOT], what[3 * GOT];
	if (!strcmp(fact_text(scope, k, name, got, line), want))
		return;
	if (scope)
		snprintf(what, sizeof(what), "%s #%u %s", scope, k, name);
	else
		snprintf(what, sizeof(what), "%s", name);
	fail_msg("line %d: %s: expected '%s', got '%s'", line, what, want, got);
}

/* The same for facts given as "name=value, name=value" (a value holds no
 * comma). */
static void check(int line, const char *scope, uint32_t k, const char *facts)
{
	char name[GOT], want[GOT];
	for (const char *p = facts; *p;) {
		const char *eq = strchr(p, '='), *end = strstr(p, ", ");
		if (!end)
			end = p + strlen(p);
		if (!eq || eq > end || eq - p >= GOT || end - eq > GOT)
			fail_msg("line %d: bad facts '%s'", line, facts);
		snprintf(name, sizeof(name), "%.*s", (int)(eq - p), p);
		snprintf(want, sizeof(want), "%.*s", (int)(end - eq - 1), eq + 1);
		p = *end ? end + 2 : end;
		compare(line, scope, k, name, want);
	}
}

#define expect(name, want) compare(__LINE__, NULL, 0, name, want)
#define expect_item(sc, k, name, want) compare(__LINE__, sc, k, name, want)
#define expect_case(facts) check(__LINE__, NULL, 0, facts)
#define expect_row(sc, k, facts) check(__LINE__, sc, k, facts)

#define expect_items(sc, n) expect_items_at(sc, n, __LINE__)
static void expect_items_at(const char *scope, uint32_t n, int line)
{
	uint32_t have = fs.items[scope_index(scope, line)].n;
	if (have != n)
		fail_msg("line %d: %u %s items, expected %u", line, have,
			 scope, n);
}

/* A test: cmocka's signature around a body that needs no state. */
#define TEST(name) static void name##_body(void); \
	static void name(void **state) { (void)state; name##_body(); } \
	static void name##_body(void)

/* ---- case text ------------------------------------------------------------- */

#define PERSON(attrs) "person: {" attrs "}\nevents:\n"
#define EV(fields) "  - {" fields "}\n"
#define EWI(d) EV("date: " d ", type: entry, manner: without_inspection")
#define ADMIT(d, until) \
	EV("date: " d ", type: entry, manner: admitted, status: B2, authorized_until: " until)
#define PAROLE(d, more) EV("date: " d ", type: entry, manner: paroled" more)
#define LEAVE(d, kind) EV("date: " d ", type: departure, kind: " kind)
#define NTA(d, more) EV("date: " d ", type: nta_served" more)
#define TP ", time_place: true"
#define DECIDE(d, more) EV("date: " d ", type: decision, outcome: " more)
#define HEARING(d, more) EV("date: " d ", type: hearing" more)
#define OFFENSES "offenses:\n"
#define OFFENSE(fields) "  - {" fields "}\n"

/* ---- unlawful presence per stay (section 0, up.*) --------------------------- */

/* E01, date.up_start_overstay and date.up_end: UP runs from the day after
 * "admit until" 2009-06-30 up to, not including, the departure day:
 * 2009-07-01..2009-12-28 = 31+31+30+31+30+28 = 181.  The VR's grant day is
 * the departure day, which is not counted anyway (up.authorized); with no
 * depart_by it has no grant row, and the person left under it.  Age 29 on
 * the decision date, the VR; no UP now: not in the U.S. */
TEST(test_up_overstay_departure_day_not_counted)
{
	derive("person: {born: 1980-01-01}\nevents:\n"
	       ADMIT("2009-01-05", "2009-06-30")
	       EV("date: 2009-12-29, type: voluntary_return, advised: true")
	       LEAVE("2009-12-29", "voluntary_return"), "2026-11-27", NULL);
	expect_row("departure", 1, "date=2009-12-29, kind=voluntary_return, "
		    "up_days=181, stay_start=2009-01-05, stay_manner=admitted, "
		    "stay_nonimmigrant=true, advised=true, removal=false, "
		    "removal_number=0, verified=unknown, "
		    "abandoned_residence=false, breaks_presence=true, "
		    "under_vd=true");
	expect_items("vd", 0);
	expect_row("stay", 1, "date=2009-01-05, end=2009-12-29, open=false, "
		    "manner=admitted, up_days=181, up9c_days=181, "
		    "overstayed=true, overstay_start=2009-07-01, "
		    "nonimmigrant=true");
	expect_case("up9c_days=181, in_us=false, departed=true, departures=1, "
		    "last_departure_date=2009-12-29, "
		    "current_stay_start=unknown, born=1980-01-01, "
		    "up_current_days=0, age=29");
}

/* date.borderline: 180 (the departure day would make 181), 364 (would make
 * 365), 365 with a Feb 29 inside for 9(B) and 365 for 9(C) (would make
 * 366); a plain 365 is not borderline for 9(B), nor 366 with a Feb 29.
 * up.authorized: the grant day of a voluntary return is authorized, also
 * without a depart_by: 180 before the VR of 2009-12-28, nothing after. */
TEST(test_borderline_marks)
{
#define OVERSTAY(until, left, vr) derive(PERSON("") ADMIT("2009-01-05", until) \
	vr LEAVE(left, "self"), "2026-11-27", NULL)
	OVERSTAY("2009-06-30", "2009-12-28", "");  /* 2009-07-01..12-27 = 180 */
	expect_item("departure", 1, "up_days", "180 (borderline)");
	OVERSTAY("2009-06-30", "2009-12-29",
		 EV("date: 2009-12-28, type: voluntary_return"));
	expect_item("departure", 1, "up_days", "180 (borderline)");
	OVERSTAY("2009-06-30", "2010-06-30", "");  /* ..2010-06-29 = 364 */
	expect_item("departure", 1, "up_days", "364 (borderline)");
	OVERSTAY("2009-06-30", "2010-07-01", "");  /* ..2010-06-30 = 365 */
	expect_item("departure", 1, "up_days", "365");
	expect_item("stay", 1, "up9c_days", "365 (borderline)");
	expect("up9c_days", "365 (borderline)");
	/* 2011-07-01..2012-06-29 = 365, holding 2012-02-29 */
	OVERSTAY("2011-06-30", "2012-06-30", "");
	expect_item("departure", 1, "up_days", "365 (borderline)");
	expect_item("stay", 1, "up_days", "365 (borderline)");
	/* ..2012-06-30 = 366 with a Feb 29: borderline for 9(C) only
	 * (date.more_than_one_year) */
	OVERSTAY("2011-06-30", "2012-07-01", "");
	expect_item("departure", 1, "up_days", "366");
	expect_item("stay", 1, "up9c_days", "366 (borderline)");
#undef OVERSTAY
}

/* date.up_start_ewi: UP from the entry, 1997-04-01 or the 18th birthday,
 * whichever is latest.  1997-04-01..1998-01-09 = 284; a stay that ended
 * before 1997-04-01 has none. */
TEST(test_up_ewi_from_1997_04_01)
{
	derive(PERSON("") EWI("1990-02-01") LEAVE("1994-05-01", "self")
	       EWI("1995-06-01") LEAVE("1998-01-10", "self"), "2026-11-27",
	       NULL);
	expect_row("stay", 1, "up_days=0, up9c_days=0");
	expect_row("stay", 2, "up_days=284, up9c_days=284, "
		    "overstay_start=unknown, nonimmigrant=false");
	expect_item("departure", 2, "up_days", "284");
	expect("up9c_days", "284");
	expect_item("stay", 2, "overstayed", "false");  /* not admitted */
}

/* E04, up.minor and date.up_9c: born 1991-01-15, so 9(B) counts from
 * 2009-01-15: ..2009-07-09 = 176; 9(C) ignores age: 2003-05-10..2009-07-09
 * = 2,253.  Back EWI 2010-02-01: 2010-02-01..as_of 2010-03-01 = 29; in
 * all 2,253 + 29 = 2,282.  The open stay ends the day after as_of; no
 * voluntary_return event records an advisal; age 19 on as_of. */
TEST(test_up_from_18th_birthday)
{
	derive(PERSON("born: 1991-01-15") EWI("2003-05-10")
	       LEAVE("2009-07-10", "voluntary_return") EWI("2010-02-01"),
	       "2010-03-01", NULL);
	expect_item("departure", 1, "up_days", "176");
	expect_item("stay", 1, "up9c_days", "2253");
	expect_row("stay", 2, "up_days=29, open=true");
	expect_row("entry", 2, "up9c_before=2253, after_departure=true");
	expect_item("entry", 1, "after_departure", "false");
	expect_item("stay", 2, "end", "2010-03-02");
	expect_row("departure", 1, "advised=false, under_vd=false");
	expect_case("up_current_days=29, in_us=true, "
		    "current_stay_start=2010-02-01, "
		    "current_stay_manner=without_inspection, "
		    "current_stay_status=, up9c_days=2282, age=19");
}

/* date.up_start_ds: D/S and no finding gives 0 (firm); a USCIS finding on
 * 2010-01-04 starts UP the next day: 2010-01-05..2011-12-31 = 726; an
 * admission with no authorized_until at all gives unknown. */
TEST(test_up_duration_of_status)
{
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
TEST(test_up_unknown_start_fully_authorized)
{
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
TEST(test_up_parole)
{
	derive(PERSON("") PAROLE("2015-03-01", ", authorized_until: 2015-09-30")
	       LEAVE("2016-01-10", "self"), "2026-11-27", NULL);
	expect_row("departure", 1, "up_days=101, stay_manner=paroled, "
		    "stay_nonimmigrant=false");
	expect_row("stay", 1, "overstayed=true, overstay_start=2015-10-01, "
		    "nonimmigrant=false");
	expect_row("entry", 1, "manner=paroled, unlawful=false");
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

/* E22, up.authorized and date.vd_deadline: EWI 2014-09-20, VD granted
 * 2023-03-07 (the grant day authorized): UP 2014-09-20..2023-03-06 =
 * 3,090.  depart_by Saturday 2023-05-06 rolls to Monday 2023-05-08, the
 * day he left: in time under the law from 2025-04-22 (vd_roll_firm);
 * before it, saved only by the roll: unknown and borderline. */
TEST(test_vd_deadline_rolls_from_saturday)
{
	const char *c = PERSON("") EWI("2014-09-20")
		NTA("2019-02-11", TP ", filed: 2019-02-20")
		DECIDE("2023-03-07", "voluntary_departure, stage: conclusion, depart_by: 2023-05-06, bond_posted: 2023-03-10")
		LEAVE("2023-05-08", "voluntary_departure");
	derive(c, "2026-12-01", NULL);
	expect_row("departure", 1, "up_days=3090, under_vd=true, "
		    "removal=false, proceedings_commenced=true");
	expect_row("vd", 1, "date=2023-03-07, by=IJ, stage=conclusion, "
		    "depart_by=2023-05-06, deadline=2023-05-08, rolled=true, "
		    "departed=true, departure_date=2023-05-08, "
		    "left_in_time=true, nonvoluntary=false, bond_posted=true, "
		    "ended_by_motion=false, stay_ewi=true, "
		    "before_episode=false");
	expect_items("order", 0);  /* the alternate order never took effect */
	expect("path", "vd_post_conclusion");
	derive(c, "2026-12-01", "2023-05-08");
	expect_item("vd", 1, "left_in_time", "unknown (borderline)");
	expect_item("departure", 1, "removal", "unknown (borderline)");
	expect("vd_roll_firm", "false");
}

/* date.business_day: depart_by Saturday 2010-07-03; Sunday 07-04 is
 * Independence Day, observed Monday 07-05 (5 U.S.C. 6103(b)): the deadline
 * is Tuesday 2010-07-06.  Leaving on the recorded day is in time;
 * leaving on 07-07 is late, and the alternate order takes effect the day
 * after the deadline (2010-07-07) and is executed. */
TEST(test_vd_deadline_rolls_over_holiday)
{
#define VD_2010 PERSON("") EWI("2004-01-01") NTA("2009-01-05", TP) \
	DECIDE("2010-05-04", "voluntary_departure, stage: conclusion, depart_by: 2010-07-03")
	derive(VD_2010 LEAVE("2010-07-03", "voluntary_departure"), "2012-01-01", NULL);
	expect_row("vd", 1, "deadline=2010-07-06, left_in_time=true, "
		    "bond_posted=unknown");
	derive(VD_2010 LEAVE("2010-07-07", "self"), "2012-01-01", NULL);
	expect_row("vd", 1, "left_in_time=false, departed=true");
	expect_row("order", 1, "kind=vd_alternate, date=2010-07-07, "
		    "executed=true");
	expect_row("departure", 1, "removal=true, under_vd=false");
	/* not gone by as_of 2010-07-06: still in time; on 07-07: not */
	derive(VD_2010, "2010-07-06", NULL);
	expect_row("vd", 1, "departed=false, departure_date=unknown, "
		    "left_in_time=true");
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
TEST(test_up_asylum_pending)
{
#define E16_EVENTS ADMIT("2009-09-01", "2010-02-28") \
	EV("date: 2010-08-25, type: application, relief: asylum") \
	NTA("2010-10-15", TP ", filed: 2010-10-20") \
	HEARING("2011-05-10", ", kind: individual, appeared: true") \
	DECIDE("2011-05-10", "relief_denied, relief: asylum") \
	DECIDE("2011-05-10", "voluntary_departure, stage: conclusion, depart_by: 2011-07-09") \
	LEAVE("2011-06-20", "voluntary_departure")
	derive("person: {born: 1980-01-01}\nclaims: {fear_of_return: true}\n"
	       "events:\n" E16_EVENTS, "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "177");
	expect_item("stay", 1, "up9c_days", "435");
	expect_case("asylum_filed_date=2010-08-25, asylum_timely=true, "
		    "path=vd_post_conclusion, hearing=true, t_dec=2011-05-10, "
		    "decision_date=2011-05-10, episode_start=2010-10-15, "
		    "applied_asylum=true, denied_asylum=true, "
		    "granted_asylum=false, fear_of_return=true");
	expect("asylum_deadline", "2010-09-01");  /* a Wednesday */
	/* 2009-09-01..2010-10-14 */
	expect("presence_before_nta_days", "409");
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
TEST(test_up_adjustment_pending_across_advance_parole)
{
	const char *c = PERSON("married: true") ADMIT("2014-03-01", "2014-08-31")
		EV("date: 2016-01-15, type: petition, form: I-130, category: immediate_relative, outcome: pending")
		EV("date: 2016-01-15, type: application, relief: adjust_245a")
		LEAVE("2019-05-10", "advance_parole")
		PAROLE("2019-05-28", ", status: advance_parole");
	derive(c, "2026-12-01", "2026-08-12");
	expect_row("departure", 1, "up_days=501, kind=advance_parole, "
		    "counts_for_9b=false");
	expect_item("stay", 2, "up_days", "0");
	expect_item("entry", 2, "status", "advance_parole");
	expect_case("in_us=true, current_stay_manner=paroled, "
		    "current_stay_status=advance_parole, up_current_days=0");
	derive(c, "2026-12-01", NULL);
	expect_item("departure", 1, "counts_for_9b", "true");
}

/* up.authorized (TPS) and up.family_unity: EWI 2005-01-01, a status
 * 2008-01-01 until 2010-12-31, departure 2012-01-01.  TPS leaves out both
 * counts: 2005-01-01..2007-12-31 (1,095) + 2011 (365) = 1,460.  Family
 * Unity leaves out only 9(B): 9(C) is 2005-01-01..2011-12-31 = 2,556.  A
 * status_ended of TPS on 2009-06-30 ends it the next day: 1,095 + 914
 * (2009-07-01..2011-12-31) = 2,009. */
TEST(test_up_status_periods)
{
#define GRANTED(st) EV("date: 2008-01-01, type: status_granted, status: " st ", until: 2010-12-31")
	derive(PERSON("") EWI("2005-01-01") GRANTED("tps")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "up_days", "1460");
	expect_item("stay", 1, "up9c_days", "1460");
	derive(PERSON("") EWI("2005-01-01") GRANTED("family_unity")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_row("stay", 1, "up_days=1460, up9c_days=2556");
	derive(PERSON("") EWI("2005-01-01") GRANTED("tps")
	       EV("date: 2009-06-30, type: status_ended, status: tps, reason: terminated")
	       LEAVE("2012-01-01", "self"), "2026-11-27", NULL);
	expect_item("stay", 1, "up_days", "2009");
#undef GRANTED
}

/* up.tolling (agency policy): a timely extension request keeps the stay
 * authorized while pending; after its denial on 2010-12-01 UP starts the
 * next day: 2010-12-02..2011-02-28 = 89, in both counts.  Filed after
 * the I-94 ran out (2010-07-15), it tolls nothing: 2010-07-01.. = 243. */
TEST(test_up_tolled_by_extension_request)
{
#define EXT(filed) PERSON("") ADMIT("2010-01-01", "2010-06-30") \
	EV("date: " filed ", type: application, relief: extension_of_status") \
	DECIDE("2010-12-01", "relief_denied, relief: extension_of_status, by: USCIS") \
	LEAVE("2011-03-01", "self")
	derive(EXT("2010-06-15"), "2026-11-27", NULL);
	expect_row("stay", 1, "up_days=89, up9c_days=89");
	derive(EXT("2010-07-15"), "2026-11-27", NULL);
	expect_item("stay", 1, "up_days", "243");
#undef EXT
}

/* ---- departures and orders (section 1 departure.*, section 2b) ---------------- */

/* 8 U.S.C. 1101(g): leaving while an order is outstanding is a removal.
 * A judge's order of 2008-02-01 that could be appealed is final 30 days
 * on, 2008-03-02 (2008 is a leap year); the self-departure of 2008-06-01
 * executes it.  UP 2006-01-01..2008-05-31 = 882. */
TEST(test_departure_under_outstanding_order_is_removal)
{
	derive(PERSON("") EWI("2006-01-01")
	       NTA("2007-06-01", TP ", filed: 2007-06-05")
	       HEARING("2008-02-01", ", kind: individual, appeared: true")
	       DECIDE("2008-02-01", "removal_order")
	       LEAVE("2008-06-01", "self"), "2026-11-27", NULL);
	expect_row("departure", 1, "removal=true, removal_number=1, "
		    "order_from_arrival=false, order_reinstated=false, "
		    "proceedings_commenced=true, up_days=882, "
		    "breaks_presence=true");
	expect_row("order", 1, "date=2008-02-01, kind=removal_order, "
		    "in_absentia=false, rescinded=false, oral_notice=false, "
		    "absence_reason=, executed=true, arriving=false, "
		    "final_date=2008-03-02");
	expect_row("hearing", 1, "kind=individual, missed=false, "
		    "departure_after=2008-06-01");
	expect_case("ordered_removed=true, order_outstanding=false, "
		    "removals=1, last_removal_date=2008-06-01, "
		    "final_order_date=2008-03-02, in_absentia=false, "
		    "in_absentia_date=unknown, reopen_deadline=unknown, "
		    "path=removal_order_contested, hearing=true, "
		    "t_dec=2008-02-01, decision_date=2008-02-01");
	expect("residence_unbroken", "false");  /* left under an order */
	/* the BIA dismisses the appeal on 2008-07-15: final that day */
	derive(PERSON("") EWI("2006-01-01") NTA("2007-06-01", TP)
	       DECIDE("2008-02-01", "removal_order")
	       EV("date: 2008-07-15, type: appeal, to: BIA, stage: decided, outcome: dismissed"),
	       "2026-11-27", NULL);
	expect_item("order", 1, "final_date", "2008-07-15");
	expect("order_outstanding", "true");
}

/* E11 and section 2b: a second removal, under a reinstated order.  Before
 * the EWI of 2008-09-01: UP 2006-01-01..2008-02-20 = 781 (9(C) count), an
 * order and a removal. */
TEST(test_second_removal_under_reinstated_order)
{
	derive(PERSON("") EWI("2006-01-01") NTA("2007-06-01", TP)
	       DECIDE("2008-02-01", "removal_order")
	       LEAVE("2008-02-21", "removed") EWI("2008-09-01")
	       EV("date: 2010-07-25, type: reinstatement")
	       LEAVE("2010-07-25", "removed"), "2026-11-27", NULL);
	expect_row("departure", 2, "removal=true, removal_number=2, "
		    "order_reinstated=true");
	expect_row("order", 2, "kind=reinstatement, executed=true");
	expect_row("entry", 2, "unlawful=true, ordered_before=true, "
		    "removed_before=true, consent_before=false, "
		    "up9c_before=781");
	expect_row("entry", 1, "ordered_before=false, removed_before=false");
	expect_case("removals=2, last_removal_date=2010-07-25, "
		    "path=reinstatement, reinstatement_exposure=true");
	/* consent to reapply granted after the removal, before the entry */
	derive(PERSON("") EWI("2006-01-01") EV("date: 2008-02-01, type: expedited_removal")
	       LEAVE("2008-02-02", "removed")
	       DECIDE("2011-01-10", "relief_granted, relief: consent_i212, by: USCIS")
	       EV("date: 2012-05-01, type: entry, manner: admitted, status: B2, authorized_until: 2012-10-31"),
	       "2012-06-01", NULL);
	expect_row("entry", 2, "consent_before=true, unlawful=false, "
		    "removed_before=true");
	expect_item("departure", 1, "order_from_arrival", "true");
	expect("reinstatement_exposure", "false");
}

/* E12: an expedited removal order at a port is an arriving alien's order
 * (bar_9A_i); an attempted entry opens no stay. */
TEST(test_expedited_removal_at_port)
{
	derive(PERSON("") EV("date: 2010-10-05, type: entry, manner: attempted")
	       EV("date: 2010-10-05, type: expedited_removal")
	       LEAVE("2010-10-05", "removed"), "2026-11-27", NULL);
	expect_row("entry", 1, "manner=attempted, unlawful=true");
	expect_items("stay", 0);
	expect_row("departure", 1, "order_from_arrival=true, "
		    "proceedings_commenced=true, up_days=0, "
		    "stay_start=unknown");
	expect_row("order", 1, "kind=expedited_removal, arriving=true");
	expect("path", "expedited_removal");
	expect("first_entry_date", "unknown");  /* attempted only */
	/* proceedings begun on arrival (nta arriving), an in absentia order */
	derive(PERSON("") PAROLE("2012-01-10", ", authorized_until: 2012-04-09")
	       NTA("2012-01-10", TP ", arriving: true")
	       HEARING("2012-06-01", ", kind: master, appeared: false, absence_reason: none")
	       DECIDE("2012-06-01", "in_absentia_order")
	       LEAVE("2013-02-01", "self"), "2026-11-27", NULL);
	expect_item("nta", 1, "arriving", "true");
	expect_item("order", 1, "arriving", "true");
	expect_row("departure", 1, "order_from_arrival=true, removal=true");
}

/* E38(c): EWI 2021-06-01; NTA filed 2024-02-20; a CBP Home departure
 * 2025-11-03 while the proceedings were pending (UP 2021-06-01..2025-11-02
 * = 1,616); absent 2026-03-02, an in absentia order after the departure.
 * Reopen deadline: 2026-03-02 + 180 = Saturday 2026-08-29, rolled to
 * Monday 2026-08-31 (date.deadline). */
#define E38C PERSON("") EWI("2021-06-01") \
	NTA("2024-02-05", TP ", filed: 2024-02-20") \
	LEAVE("2025-11-03", "cbp_home") \
	HEARING("2026-03-02", ", kind: master, appeared: false, absence_reason: none") \
	DECIDE("2026-03-02", "in_absentia_order")
TEST(test_departure_before_later_in_absentia_order)
{
	derive(E38C, "2026-06-01", NULL);
	expect_row("departure", 1, "kind=cbp_home, up_days=1616, "
		    "proceedings_commenced=true");
	expect_row("hearing", 1, "missed=true, absence_reason=none, "
		    "without_cause=true, departure_after=unknown, "
		    "order_rescinded=false");
	/* the NTA set the hearing missed, and says nothing of oral warnings */
	expect_row("order", 1, "oral_notice=unknown, in_absentia=true, "
		    "executed=false, final_date=2026-03-02");
	expect_case("in_absentia=true, in_absentia_date=2026-03-02, "
		    "reopen_deadline=2026-08-31, order_outstanding=true, "
		    "path=removal_in_absentia, removals=0");
}

/* 3-year clause: proceedings commence when the NTA is filed (8 CFR
 * 1239.1(a)); served and not known to be filed: unknown; filed after the
 * departure: not commenced. */
TEST(test_proceedings_commenced)
{
	derive(PERSON("") EWI("2008-01-01") NTA("2010-01-04", TP)
	       LEAVE("2010-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "unknown");
	derive(PERSON("") EWI("2008-01-01")
	       NTA("2010-01-04", TP ", filed: 2010-03-01")
	       LEAVE("2010-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "false");
	expect_item("nta", 1, "filed", "2010-03-01");
	/* an NTA of an earlier stay does not reach the next one */
	derive(PERSON("") EWI("2008-01-01")
	       NTA("2010-01-04", TP ", filed: 2010-01-05")
	       LEAVE("2010-02-01", "self") EWI("2010-05-01")
	       LEAVE("2011-02-01", "self"), "2026-11-27", NULL);
	expect_item("departure", 1, "proceedings_commenced", "true");
	expect_item("departure", 2, "proceedings_commenced", "false");
}

/* A permanent resident's trip (departure.lpr), a withdrawal at a port, a
 * departure that abandons the residence (registry), a verified one. */
TEST(test_departure_lpr_withdrawal_abandonment)
{
	derive(PERSON("lpr_since: 2003-06-01, lpr_via: admission")
	       EV("date: 2003-06-01, type: entry, manner: admitted, status: immigrant")
	       EV("date: 2008-01-01, type: departure, kind: self, verified: true")
	       EV("date: 2008-02-01, type: entry, manner: admitted, status: immigrant"),
	       "2026-11-27", NULL);
	expect_row("departure", 1, "lpr=true, verified=true, "
		    "stay_nonimmigrant=false");
	expect("residence_unbroken", "true");
	expect_item("stay", 1, "up_days", "0");  /* an LPR's stay */
	derive(PERSON("") EV("date: 2012-03-03, type: entry, manner: attempted")
	       EV("date: 2012-03-03, type: withdrawal_at_port")
	       LEAVE("2012-03-03", "self"), "2026-11-27", NULL);
	expect_row("departure", 1, "withdrawal=true, breaks_presence=true, "
		    "stay_manner=unknown");
	expect_case("path=withdrawal_at_port, t_dec=2012-03-03");
	derive(PERSON("") EWI("1969-11-20")
	       EV("date: 1985-01-05, type: departure, kind: self, abandoned_residence: true")
	       EWI("1985-08-20"), "2015-01-01", NULL);
	expect_item("departure", 1, "abandoned_residence", "true");
	expect("residence_unbroken", "false");
}

/* E27 and section 1 relief_granted: a grant of withholding sits on an
 * order (kind protection_grant) and the trip of 2019-04-02 executes it.
 * 9(B): 2012-12-01..2013-08-19 = 262 (asylum pending from 2013-08-20 to
 * its denial, then protection: authorized); 9(C) keeps the pendency:
 * 2012-12-01..2014-09-09 = 648.  Deadline: 2012-06-01 + 1 year = Saturday
 * 2013-06-01, rolled to Monday 2013-06-03: the filing of 2013-08-20 is
 * late. */
TEST(test_order_protection_grant)
{
	derive(PERSON("") ADMIT("2012-06-01", "2012-11-30")
	       EV("date: 2013-08-20, type: application, relief: asylum")
	       NTA("2013-10-01", TP ", filed: 2013-10-08")
	       HEARING("2014-09-10", ", kind: individual, appeared: true")
	       DECIDE("2014-09-10", "relief_denied, relief: asylum")
	       DECIDE("2014-09-10", "relief_granted, relief: withholding")
	       LEAVE("2019-04-02", "self"), "2026-11-27", NULL);
	expect_row("order", 1, "kind=protection_grant, date=2014-09-10, "
		    "executed=true");
	expect_row("departure", 1, "removal=true, up_days=262");
	expect_item("stay", 1, "up9c_days", "648");
	expect_case("asylum_deadline=2013-06-03, asylum_timely=false, "
		    "path=relief_granted, granted_withholding=true, "
		    "ordered_removed=true");
}

/* Order kinds: stipulated (240(d)), administrative (238(b)), each final on
 * its date; E13's drug-trafficking aggravated felony. */
TEST(test_order_kinds_stipulated_and_238b)
{
	derive(PERSON("") EWI("2005-01-01") NTA("2005-06-01", TP)
	       DECIDE("2005-09-01", "stipulated_removal")
	       LEAVE("2005-09-20", "removed"), "2026-11-27", NULL);
	expect_row("order", 1, "kind=stipulated_removal, "
		    "final_date=2005-09-01");
	expect_case("path=stipulated_removal, t_dec=2005-09-01");
	derive(PERSON("") ADMIT("2005-01-01", "2005-06-30")
	       EV("date: 2010-12-01, type: admin_removal")
	       LEAVE("2011-01-10", "removed") OFFENSES
	       OFFENSE("charge: drug_trafficking, date: 2009-05-01, convicted: true, conviction_date: 2009-11-02, sentence_days: 1095"),
	       "2026-11-27", NULL);
	expect_row("order", 1, "kind=admin_removal, final_date=2010-12-01");
	expect_case("path=admin_removal_238b, t_dec=2010-12-01, "
		    "decision_date=2010-12-01, drug_trafficking_af=true, "
		    "af_sentence_days=1095");
}

/* E24 and in_absentia_relief_bar: the oral warning must come with the
 * notice that set the hearing missed (the mailed notice of 2013-11-20
 * with hearing_date 2014-06-02), not with the NTA of the master hearing.
 * Day 180 after 2014-06-02 is Saturday 2014-11-29: reopen by Monday
 * 2014-12-01. */
TEST(test_oral_notice_of_the_hearing_missed)
{
#define E24(oral) PERSON("") ADMIT("2011-03-01", "2011-08-31") \
	NTA("2012-09-03", TP ", oral_notice: true") \
	HEARING("2013-01-14", ", kind: master, appeared: true") \
	EV("date: 2013-11-20, type: hearing_notice, time_place: true, oral_notice: " oral ", hearing_date: 2014-06-02") \
	HEARING("2014-06-02", ", kind: individual, appeared: false, absence_reason: none") \
	DECIDE("2014-06-02", "in_absentia_order") \
	EV("date: 2018-03-01, type: encounter, agency: ICE")
	derive(E24("false"), "2018-08-01", NULL);
	expect_row("order", 1, "oral_notice=false, absence_reason=none, "
		    "final_date=2014-06-02, executed=false");
	expect_row("hearing", 1, "missed=false, absence_reason=, "
		    "without_cause=false");
	expect_item("hearing", 2, "missed", "true");
	expect_row("nta", 1, "oral_notice=true, time_place=true, "
		    "later_notice_date=2013-11-20");
	expect_row("encounter", 1, "date=2018-03-01, agency=ICE, "
		    "after_in_absentia_order=true, "
		    "present_without_admission=false, detained=unknown, "
		    "near_border=unknown, between_ports=false, at_port=false");
	expect_case("reopen_deadline=2014-12-01, in_absentia_date=2014-06-02, "
		    "path=removal_in_absentia, t_dec=2014-06-02");
	expect("hearing", "false");  /* the master hearing decided nothing */
	/* 2011-09-01..as_of 2018-08-01 = 2,527 (the order adds nothing) */
	expect("up_current_days", "2527");
	derive(E24("true"), "2018-08-01", NULL);
	expect_item("order", 1, "oral_notice", "true");
#undef E24
	/* no notice on file set the individual hearing: unknown */
	derive(PERSON("") ADMIT("2011-03-01", "2011-08-31")
	       NTA("2012-09-03", TP ", oral_notice: true")
	       HEARING("2013-01-14", ", kind: master, appeared: true")
	       HEARING("2014-06-02", ", kind: individual, appeared: false")
	       DECIDE("2014-06-02", "in_absentia_order"), "2018-08-01", NULL);
	expect_row("order", 1, "oral_notice=unknown, absence_reason=unknown");
	expect_row("hearing", 2, "absence_reason=unknown, "
		    "without_cause=unknown");
}

/* E23 and section 1 removal_in_absentia: a granted motion to reopen
 * (no_notice) rescinds the in absentia order; the episode is pending; the
 * hearing set for 2027-02-16 is an announcement. */
#define E23 PERSON("") EWI("2016-02-01") \
	NTA("2018-03-05", ", time_place: false, filed: 2018-03-12") \
	EV("date: 2018-06-10, type: hearing_notice, time_place: true, oral_notice: false, hearing_date: 2019-01-15") \
	HEARING("2019-01-15", ", kind: master, appeared: false, absence_reason: no_notice") \
	DECIDE("2019-01-15", "in_absentia_order") \
	EV("date: 2019-04-01, type: motion, kind: reopen, basis: no_notice, outcome: granted, decided: 2019-06-20") \
	HEARING("2027-02-16", ", kind: individual, scheduled: true")
TEST(test_order_rescinded_by_granted_motion)
{
	derive(E23, "2026-12-01", NULL);
	expect_row("order", 1, "kind=in_absentia_order, rescinded=true, "
		    "absence_reason=no_notice");
	expect_row("hearing", 1, "missed=true, without_cause=false, "
		    "order_rescinded=true, scheduled=false");
	expect_row("hearing", 2, "date=2027-02-16, scheduled=true, "
		    "missed=false");
	expect_row("nta", 1, "date=2018-03-05, time_place=false, "
		    "arriving=false, oral_notice=unknown, "
		    "later_notice_date=2018-06-10");
	expect_case("ordered_removed=false, in_absentia=false, path=pending, "
		    "in_proceedings=true, decision_date=2026-12-01, "
		    "t_dec=2026-12-01, episode_start=2018-03-05");
	/* 2016-02-01..as_of 2026-12-01 = 3,957 */
	expect("up_current_days", "3957");
	/* a judge's termination vacates an order too */
	derive(PERSON("") EWI("2010-01-01") NTA("2011-01-03", TP)
	       DECIDE("2012-01-10", "removal_order")
	       DECIDE("2012-05-01", "terminated"), "2013-01-01", NULL);
	expect_item("order", 1, "rescinded", "true");
	expect_case("ordered_removed=false, path=terminated, "
		    "in_proceedings=false");
}

/* E34 and E38: encounters (the facts of the 1814 and 1815 fees) and
 * misrepresentations, whose willful and material default to true
 * (bar_6C_i), retraction and the citizen-parents exception to false. */
TEST(test_encounters_and_misrepresentations)
{
	derive(PERSON("") EWI("2009-04-10")
	       EV("date: 2012-03-05, type: misrepresentation, kind: false_claim_citizenship, purpose: employment")
	       EV("date: 2013-01-08, type: misrepresentation, kind: fraud, willful: false, material: false, retracted_timely: true, exception_usc_parents: true")
	       EV("date: 2021-05-10, type: encounter, agency: CBP, between_ports: true, near_border: true, at_port: false, detained: true"),
	       "2021-06-01", NULL);
	expect_row("misrepresentation", 1, "date=2012-03-05, "
		    "kind=false_claim_citizenship, purpose=employment, "
		    "willful=true, material=true, retracted_timely=false, "
		    "exception_usc_parents=false");
	expect_row("misrepresentation", 2, "kind=fraud, purpose=, "
		    "willful=false, material=false, retracted_timely=true, "
		    "exception_usc_parents=true");
	expect_row("encounter", 1, "agency=CBP, between_ports=true, "
		    "near_border=true, detained=true, "
		    "present_without_admission=true, "
		    "after_in_absentia_order=false");
	expect("episode_start", "2021-05-10");
	expect("path", "no_proceedings");  /* an encounter decides nothing */
}

/* Petitions: approvable when filed (245(i)) as the file says, else true
 * if approved, else unknown; E30's grandfathering by a labor
 * certification of 1997-12-01 (on or before 1998-01-14: no presence on
 * 2000-12-21 needed, and he was abroad 2000-11-30..2001-03-09).  UP now:
 * 2001-12-11..2026-11-30 = 9,121. */
TEST(test_petitions_and_245i)
{
#define WEN(lc) PERSON("") \
	EV("date: 1997-04-10, type: entry, manner: admitted, status: H2B, authorized_until: 2000-12-10") \
	EV("date: " lc ", type: petition, form: labor_certification, category: preference, basis: employment, outcome: approved, decided: 1998-06-01, petitioner: employer") \
	EV("date: 1999-05-05, type: petition, form: I-140, outcome: approved, approvable_when_filed: false") \
	LEAVE("2000-11-30", "self") \
	EV("date: 2001-03-10, type: entry, manner: admitted, status: H2B, authorized_until: 2001-12-10") \
	EV("date: 2001-04-27, type: petition, form: I-130, category: immediate_relative")
	derive(WEN("1997-12-01"), "2026-11-30", NULL);
	expect_row("petition", 1, "date=1997-12-01, form=labor_certification, "
		    "category=preference, basis=employment, outcome=approved, "
		    "approvable=true, decided=1998-06-01, petitioner=employer");
	expect_item("petition", 2, "approvable", "false");
	expect_row("petition", 3, "approvable=unknown, outcome=");
	expect_case("s245i_grandfathered=true, s245i_early_filing=true, "
		    "present_on_s245i_date=false, up_current_days=9121");
	expect("immediate_relative", "true");  /* the I-130's category */
	derive(WEN("1998-02-02"), "2026-11-30", NULL);
	expect("s245i_early_filing", "false");
#undef WEN
}

/* ---- offenses (section 4) ------------------------------------------------------ */

/* off.conviction and the vocabulary: a juvenile adjudication is not a
 * conviction (its classification still stands: theft with 400 days is an
 * aggravated felony by af_if_sentence_days 365); an analyst's
 * classification overrides the vocabulary; a conviction not on file makes
 * the running counts ranges.  Born 1985-03-10: 18 on 2003-05-01, 20 on
 * 2006-01-01. */
TEST(test_offense_classification_and_counts)
{
	derive(PERSON("born: 1985-03-10") EWI("2000-01-01") OFFENSES
	       OFFENSE("charge: theft, date: 2003-05-01, convicted: true, juvenile: true, sentence_days: 400")
	       OFFENSE("charge: drug_trafficking, date: 2006-01-01, convicted: true, conviction_date: 2006-08-01, sentence_days: 1500, max_days: 3650, suspended_days: 500, grade: felony")
	       OFFENSE("charge: dui, date: 2008-02-02, convicted: true, classification: {cimt: true}")
	       OFFENSE("charge: burglary, date: 2009-01-01, sentence_days: 200, classification: {burglary: true, gang_element: false, sexual_abuse: false, minor_traffic: false, status_offense: false}"),
	       "2012-01-01", NULL);
	expect_row("offense", 1, "date=2003-05-01, conviction=false, age=18, "
		    "cimt=true, aggravated_felony=true, cimt_seq=0, "
		    "convictions_through=0, sentence_days_through=0");
	expect_row("offense", 2, "charge=drug_trafficking, conviction=true, "
		    "conviction_date=2006-08-01, aggravated_felony=true, "
		    "cimt=true, controlled_substance=true, "
		    "marijuana_30g=false, domestic_violence=false, "
		    "violent=false, firearm=unknown, sexual_abuse=false, "
		    "burglary=false, gang_element=false, "
		    "minor_traffic=false, status_offense=false, dui=false, "
		    "trafficking=true, max_days=3650, sentence_days=1500, "
		    "suspended_days=500, grade=felony, age=20, cimt_seq=1, "
		    "convictions_through=1, sentence_days_through=1500, "
		    "separate_incident=true");
	expect_row("offense", 3, "cimt=true, dui=true, sentence_days=unknown, "
		    "grade=, cimt_seq=2, convictions_through=2, "
		    "sentence_days_through=1500");
	/* convicted not on file: 2..3; 200 days is no AF under (G) */
	expect_row("offense", 4, "conviction=unknown, aggravated_felony=false, "
		    "burglary=true, gang_element=false, sexual_abuse=false, "
		    "minor_traffic=false, status_offense=false, cimt=unknown, "
		    "cimt_seq=2..3, convictions_through=2..3, "
		    "sentence_days_through=1500..1700");
	expect_case("convictions=2..3, cimt_count=2..3, "
		    "aggravated_felony=true, drug_trafficking_af=true, "
		    "controlled_substance=true, af_sentence_days=1500, "
		    "criminal_inadmissible=true");
	/* vacated for a legal defect (Pickering): no conviction */
	derive(PERSON("") EWI("2000-01-01") OFFENSES
	       OFFENSE("charge: theft, date: 2004-01-01, convicted: true, vacated: defect"),
	       "2012-01-01", NULL);
	expect_item("offense", 1, "conviction", "false");
	expect_case("convictions=0, cimt_count=0, aggravated_felony=false");
}

/* pd.johnson_2014 P2(a) counts misdemeanors "arising out of separate
 * incidents": offenses sorted by the day committed; one on the same day as
 * the one before is not separate; a month-precision day that may be the
 * same is unknown. */
TEST(test_separate_incidents)
{
	derive(PERSON("") EWI("2000-01-01") OFFENSES
	       OFFENSE("charge: theft, date: 2010-01-10, convicted: true, grade: misdemeanor")
	       OFFENSE("charge: theft, date: 2010-01-10, convicted: true, grade: misdemeanor")
	       OFFENSE("charge: traffic, date: 2011-03, convicted: true, grade: misdemeanor")
	       OFFENSE("charge: theft, date: 2011-03-15, convicted: true, grade: misdemeanor"),
	       "2012-01-01", NULL);
	expect_item("offense", 1, "separate_incident", "true");
	expect_item("offense", 2, "separate_incident", "false");
	expect_item("offense", 3, "separate_incident", "true");
	expect_item("offense", 4, "separate_incident", "unknown");
	expect_item("offense", 3, "minor_traffic", "true");
	/* the first theft; the second is the same incident; the traffic
	 * offense is minor; the last may share March 2011 with it */
	expect("misdemeanor_incidents", "1..2");
}

/* E15, off.petty_offense and off.cancel_bar_trap: one petty theft (max
 * 365, 10 days imposed) is within the petty-offense exception, so it does
 * not stop time, but a maximum of a year or more bars non-LPR
 * cancellation (Cortez Canales); a maximum of 180 does not (Pedroza).
 * Time stops at the compliant NTA: 1999-04-01..2010-09-01 = 11 years,
 * 4,171 days; VAWA presence runs on to as_of 2010-12-01 (11 years). */
TEST(test_petty_offense_cortez_canales_pedroza)
{
#define E15(max) PERSON("") EWI("1999-04-01") NTA("2010-09-01", TP) \
	OFFENSES OFFENSE("charge: theft, date: 2008-06-10, convicted: true, sentence_days: 10, max_days: " max)
	derive(E15("365"), "2010-12-01", NULL);
	expect_row("offense", 1, "petty_exception=true, referred_212a2=false, "
		    "stops_time=false");
	expect_item("nta", 1, "stops_time", "true");
	expect_case("criminal_inadmissible=false, "
		    "cancellation_offense_bar=true, cimt_count=1, "
		    "convictions=1, stop_time_by=nta, "
		    "stop_time_date=2010-09-01, cpp_start=1999-04-01, "
		    "cpp_end=2010-09-01, cpp_years=11, cpp_days=4171, "
		    "cpp_vawa_years=11");
	derive(E15("180"), "2010-12-01", NULL);
	expect("cancellation_offense_bar", "false");
#undef E15
}

/* E08, stop_time and Barton: a drug possession stops time at its
 * commission, 2010-04-20, for an LPR too: residence 2003-06-01..2010-04-20
 * = 6 years (6 y 10 m 19 d); VAWA presence stops there as well; LPR since
 * 2003-06-01, 8 whole years on as_of 2011-06-01; lawful residence before
 * the NTA of 2011-03-01: 7 years, so no 212(h) LPR bar. */
TEST(test_offense_stops_time_barton)
{
	derive(PERSON("lpr_since: 2003-06-01, lpr_via: admission")
	       EV("date: 2003-06-01, type: entry, manner: admitted, status: immigrant")
	       NTA("2011-03-01", TP) OFFENSES
	       OFFENSE("charge: drug_possession, date: 2010-04-20, convicted: true, conviction_date: 2011-01-10, sentence_days: 90"),
	       "2011-06-01", NULL);
	expect_row("offense", 1, "stops_time=true, referred_212a2=true");
	expect_case("stop_time_date=2010-04-20, stop_time_by=offense, "
		    "residence_years=6, cpp_end=2010-04-20, cpp_vawa_years=6, "
		    "lpr=true, lpr_since=2003-06-01, "
		    "lpr_admitted_at_port=true, lpr_years=8, "
		    "lawful_residence_years_at_nta=7, lpr_bar_212h=false, "
		    "criminal_inadmissible=true, "
		    "cancellation_offense_bar=true, other_drug_offense=true");
}

/* E25, off.firearm and Campos-Torres: a firearms offense does not stop
 * time (not referred to in 212(a)(2)) but bars cancellation; time stops
 * at the compliant NTA 2019-05-06: residence 2011-08-20.. = 7 years
 * (7 y 8 m 16 d). */
TEST(test_firearm_offense_does_not_stop_time)
{
	derive(PERSON("lpr_since: 2011-08-20, lpr_via: admission")
	       EV("date: 2011-08-20, type: entry, manner: admitted, status: immigrant")
	       NTA("2019-05-06", TP ", filed: 2019-05-10") OFFENSES
	       OFFENSE("charge: firearm_possession, date: 2015-04-04, convicted: true, conviction_date: 2015-09-01, grade: misdemeanor"),
	       "2019-12-01", NULL);
	expect_row("offense", 1, "firearm=true, cimt=false, stops_time=false");
	expect_case("stop_time_by=nta, stop_time_date=2019-05-06, "
		    "residence_years=7, cancellation_offense_bar=true, "
		    "criminal_inadmissible=false, lpr_years=8");
}

/* E28, waiver_212h: a married son of 26 is a qualifying son or daughter
 * of any age (212(h)(1)(B)), though not a child.  (A) admitted at a port
 * 2006-02-15: lawful residence before the NTA of 2011-03-01 = 5 years
 * < 7: the LPR bar applies in every era; the theft (max 730, not petty)
 * stops time 2009-01-20: residence 2 years.  (B) adjusted 2006-02-15
 * after a B-2 overstay: barred under Koljenovic (2011), not under J-H-J-
 * (2016). */
TEST(test_lpr_bar_212h_by_era)
{
#define JEAN(entry, via) PERSON("lpr_since: 2006-02-15, lpr_via: " via) entry \
	NTA("2011-03-01", TP) \
	"relatives:\n  - {relation: child, status: citizen, born: 1984-07-07, married: true}\n" \
	OFFENSES OFFENSE("charge: theft, date: 2009-01-20, convicted: true, conviction_date: 2009-05-10, max_days: 730, sentence_days: 240")
	derive(JEAN(EV("date: 2006-02-15, type: entry, manner: admitted, status: immigrant"), "admission"),
	       "2011-06-01", "2016-01-01");
	expect_case("qualifying_relative_212h=true, qualifying_relative=false, "
		    "qualifying_relative_9bv=false, "
		    "lawful_residence_years_at_nta=5, residence_years=2, "
		    "stop_time_date=2009-01-20, lpr_bar_212h=true");
	const char *b = JEAN(ADMIT("2005-06-01", "2005-11-30"), "adjustment");
	derive(b, "2011-06-01", NULL);
	expect_case("lpr_admitted_at_port=false, lpr_bar_212h=true, "
		    "lawful_residence_years_at_nta=5");
	derive(b, "2016-01-01", NULL);
	expect("lpr_bar_212h", "false");
#undef JEAN
}

/* off.dui_simple and Castillo-Perez: DUI convictions in the ten years
 * before the decision (as_of 2016-06-01: after 2006-06-01); the one of
 * 2005 is outside; the presumption is the law from 2019-10-25.  One 30 g
 * marijuana possession is not "another" drug offense (212(h)) but is
 * referred to in 212(a)(2): it stops time (off.referred_212a2).  A DUI of
 * 2007 is more than 15 years before 2026-01-01. */
TEST(test_dui_count_and_marijuana)
{
	derive(PERSON("") EWI("1998-01-15") NTA("2010-02-01", TP) OFFENSES
	       OFFENSE("charge: dui, date: 2005-01-01, convicted: true")
	       OFFENSE("charge: dui, date: 2007-05-19, convicted: true")
	       OFFENSE("charge: dui, date: 2009-03-02, convicted: true")
	       OFFENSE("charge: marijuana_possession_30g, date: 2009-08-01, convicted: true"),
	       "2016-06-01", NULL);
	expect_row("offense", 4, "marijuana_30g=true, stops_time=true");
	expect_case("dui_count_gmc=2, other_drug_offense=false, "
		    "offenses_over_15_years=false, dui_gmc_presumption=false, "
		    "stop_time_date=2009-08-01, stop_time_by=offense");
	derive(PERSON("") EWI("1998-01-15") OFFENSES
	       OFFENSE("charge: dui, date: 2007-05-19, convicted: true"),
	       "2026-01-01", NULL);
	expect_case("dui_count_gmc=0, offenses_over_15_years=true, "
		    "dui_gmc_presumption=true");
}

/* ---- continuous physical presence and stop-time (section 3) -------------------- */

/* date.cpp_window and date.absence: days abroad are the days strictly
 * between departure and return; one absence of more than 90 (2005-01-01
 * to 2005-04-03: 91 days) starts a new period on the return; 90 does not.
 * As of 2016-01-01: 2005-04-03.. = 10 years, 3,925 days; from 2000-01-01
 * = 16 years, 5,844 days. */
TEST(test_cpp_single_absence_over_90_days)
{
	derive(PERSON("") EWI("2000-01-01") LEAVE("2005-01-01", "self")
	       EWI("2005-04-03"), "2016-01-01", NULL);
	expect_item("departure", 1, "breaks_presence", "false");
	expect_case("cpp_start=2005-04-03, cpp_end=2016-01-01, cpp_years=10, "
		    "cpp_days=3925, as_of=2016-01-01, law_as_of=2016-01-01");
	derive(PERSON("") EWI("2000-01-01") LEAVE("2005-01-01", "self")
	       EWI("2005-04-02"), "2016-01-01", NULL);
	expect_case("cpp_start=2000-01-01, cpp_years=16, cpp_days=5844");
}

/* date.cpp_window: only days abroad inside [cpp_end - 10 years, cpp_end)
 * count: the 49 days of 2003 do not; the 60 days from 2005-12-02 to
 * 2006-01-30 straddle the window's start 2006-01-01 and count 30; the 29
 * days of 2014 count: 59.  The VAWA window (3 years, from 2013-01-01)
 * holds only the 29. */
TEST(test_cpp_window_absences)
{
	derive(PERSON("") EWI("1995-01-01") LEAVE("2003-01-10", "self")
	       EWI("2003-03-01") LEAVE("2005-12-01", "self") EWI("2006-01-31")
	       LEAVE("2014-06-01", "self") EWI("2014-07-01"), "2016-01-01",
	       NULL);
	expect_case("cpp_start=1995-01-01, cpp_years=21, "
		    "cpp_window_absence_days=59, "
		    "cpp_vawa_window_absence_days=29, cpp_vawa_years=21");
}

/* E26: the 166-day trip of 1999 moves the start to the return
 * 1999-11-15; the window 2002-04-02..2012-04-01 holds only the 20 days of
 * 2004-05: CPP 12 years (12 y 4 m 18 d).  Born 1975: 9(B) UP of stay 1
 * 1998-03-01..1999-05-31 = 457, of stay 2 1999-11-15..2004-12-19 = 1,862;
 * the 9(C) count before the 1999 entry is 457.  An NTA served before the
 * break (1999-05-03) does not stop the new period (Cisneros-Gonzalez). */
TEST(test_cpp_long_absence_outside_window)
{
#define E26(nta) PERSON("born: 1975-06-01") EWI("1998-03-01") nta \
	LEAVE("1999-06-01", "self") EWI("1999-11-15") \
	LEAVE("2004-12-20", "self") EWI("2005-01-10") \
	NTA("2012-04-02", TP)
	derive(E26(""), "2012-06-01", NULL);
	expect_item("departure", 1, "up_days", "457");
	expect_item("departure", 2, "up_days", "1862");
	expect_item("entry", 2, "up9c_before", "457");
	expect_case("cpp_start=1999-11-15, cpp_end=2012-04-02, cpp_years=12, "
		    "cpp_window_absence_days=20");
	derive(E26(NTA("1999-05-03", TP)), "2012-06-01", NULL);
	expect_case("cpp_start=1999-11-15, stop_time_date=2012-04-02");
#undef E26
}

/* cpp_break_departure (Romalez-Alcaide, Castrejon-Colino): a voluntary
 * return with the advisal and waiver on file breaks presence, so the 19
 * days abroad do not matter: the period starts on the return 2005-01-20
 * and the NTA of 2015-06-01 ends it: 10 years; with no advisal recorded,
 * the start is a range, 10..15 years. */
TEST(test_cpp_formal_departure)
{
#define VR(adv) PERSON("") EWI("2000-01-01") \
	EV("date: 2005-01-01, type: voluntary_return" adv) \
	LEAVE("2005-01-01", "voluntary_return") EWI("2005-01-20") \
	NTA("2015-06-01", TP)
	derive(VR(", advised: true"), "2016-01-01", NULL);
	expect_item("departure", 1, "breaks_presence", "true");
	expect_case("cpp_start=2005-01-20, cpp_years=10");
	derive(VR(""), "2016-01-01", NULL);
	expect_row("departure", 1, "advised=unknown, breaks_presence=unknown");
	expect_case("cpp_start=2000-01-01..2005-01-20, cpp_years=10..15");
#undef VR
}

/* E07 and stop_time's eras for a notice without time and place, followed
 * by a hearing notice of 2010-09-14, all as of 2021-06-01: Camarillo
 * (law 2012): the NTA stops time, 2001-02-10..2010-06-01 = 9 years, 3,398
 * days; Pereira (law 2018-08): nothing; Mendoza-Hernandez (law 2020): the
 * hearing notice, 3,503 days; Niz-Chavez (law 2021): nothing, 20 years,
 * 7,416 days.  time_place not on file under Niz-Chavez: a range. */
TEST(test_stop_time_eras_defective_nta)
{
	const char *c = PERSON("born: 1970-01-01") EWI("2001-02-10")
		NTA("2010-06-01", ", time_place: false")
		EV("date: 2010-09-14, type: hearing_notice, time_place: true");
	derive(c, "2021-06-01", "2012-01-01");
	expect_row("nta", 1, "stops_time=true, stop_date=2010-06-01");
	expect_case("stop_time_date=2010-06-01, stop_time_by=nta, cpp_years=9, "
		    "cpp_days=3398, cpp_end=2010-06-01");
	derive(c, "2021-06-01", "2018-08-01");
	expect_item("nta", 1, "stops_time", "false");
	expect_case("stop_time_by=none, stop_time_date=unknown");
	derive(c, "2021-06-01", "2020-01-01");
	expect_row("nta", 1, "stops_time=true, stop_date=2010-09-14");
	expect_case("stop_time_date=2010-09-14, stop_time_by=hearing_notice, "
		    "cpp_days=3503");
	derive(c, "2021-06-01", NULL);
	expect_item("nta", 1, "stops_time", "false");
	expect_case("stop_time_by=none, cpp_years=20, cpp_days=7416, "
		    "cpp_end=2021-06-01, in_proceedings=true");
	derive(PERSON("") EWI("2001-02-10") NTA("2010-06-01", ""), "2021-06-01", NULL);
	expect_item("nta", 1, "stops_time", "unknown");
	expect_case("cpp_years=9..20, cpp_days=3398..7416, "
		    "cpp_end=2010-06-01..2021-06-01");
}

/* ---- the person, relatives, claims (sections 2, 3) ------------------------------ */

/* Isidro-Zamorano: a child is unmarried and under 21 on the decision date
 * (pending: as_of).  The USC son born 1990-06-01 is a qualifying child on
 * 2011-05-31, not on 2011-06-01; from then the person is the parent of a
 * USC son of 21 or more, an immediate relative.  A son of any age stays a
 * 212(h) relative. */
TEST(test_qualifying_relative_child_turning_21)
{
	const char *c = "person: {born: 1965-01-01, married: true, married_on: 1988-05-05}\n"
		"relatives:\n  - {relation: child, status: citizen, born: 1990-06-01, married: false, hardship: exceptional}\n"
		"events:\n" EWI("1999-08-20") NTA("2010-05-04", TP);
	derive(c, "2011-05-31", NULL);
	expect_case("qualifying_relative=true, hardship_exceptional=true, "
		    "immediate_relative=false, qualifying_relative_212h=true, "
		    "hardship_extreme_212h=true, married=true, "
		    "married_on=1988-05-05, age=46");
	derive(c, "2011-06-01", NULL);
	expect_case("qualifying_relative=false, hardship_exceptional=false, "
		    "immediate_relative=true, qualifying_relative_212h=true");
}

/* 212(a)(9)(B)(v) and the 2013 I-601A rule: spouse or parent; a USC
 * parent without hardship; VAWA: the abusive spouse is an LPR.  A USC
 * spouse makes an immediate relative.  exc.9B_vawa and case-format
 * claims: without the key, an I-360 VAWA self-petition makes a
 * self-petitioner when approved, unknown when pending, not when denied. */
TEST(test_spouse_parent_and_vawa_self_petition)
{
	derive("person: {born: 1975-01-01}\nclaims: {abused_by: spouse}\nrelatives:\n"
	       "  - {relation: spouse, status: lpr, hardship: extreme}\n"
	       "  - {relation: parent, status: citizen, hardship: none}\n"
	       "events:\n" EWI("1999-08-20"), "2011-06-01", NULL);
	expect_case("qualifying_relative=true, hardship_exceptional=false, "
		    "qualifying_relative_9bv=true, hardship_extreme_9bv=true, "
		    "usc_spouse_or_parent=true, hardship_extreme_usc=false, "
		    "immediate_relative=false, vawa_qualifying_abuser=true, "
		    "abused_by=spouse, vawa_self_petitioner=unknown");
	derive("person: {}\nrelatives:\n  - {relation: spouse, status: citizen}\n"
	       "events:\n" ADMIT("2006-05-01", "2006-10-31"), "2011-06-01", NULL);
	expect_case("immediate_relative=true, usc_spouse_or_parent=true, "
		    "hardship_extreme_usc=unknown, "
		    "vawa_qualifying_abuser=false");
#define I360(outcome) "person: {}\nclaims: {abused_by: spouse}\nevents:\n" \
	ADMIT("2012-05-05", "2012-11-04") \
	EV("date: 2014-06-02, type: petition, form: I-360, basis: vawa, outcome: " outcome)
	derive(I360("approved"), "2016-09-01", NULL);
	expect("vawa_self_petitioner", "true");
	derive(I360("pending"), "2016-09-01", NULL);
	expect("vawa_self_petitioner", "unknown");
	derive(I360("denied"), "2016-09-01", NULL);
	expect("vawa_self_petitioner", "false");
#undef I360
}

/* case-format claims, employment and way_back: a claim not made is
 * unknown, except the ones the format defaults (trafficking_central_reason
 * and marriage_fraud_found false); a specific abuse key overrides
 * abuse_connected; an adult at every entry was not an unaccompanied child;
 * the way back assumes an immediate relative leaving on as_of. */
TEST(test_claims_employment_way_back_defaults)
{
	derive(PERSON("born: 1980-01-01") ADMIT("2001-01-01", "2001-06-30"),
	       "2010-01-01", NULL);
	expect_case("fear_of_return=unknown, crime_victim=unknown, "
		    "trafficking_victim=unknown, unaccompanied_child=false, "
		    "gmc_finding=unknown, abused_by=, "
		    "vawa_self_petitioner=false, vawa_qualifying_abuser=false, "
		    "abuse_connection_overstay=unknown, "
		    "abuse_central_vd=unknown, "
		    "abuse_connection_reentry=unknown, "
		    "trafficking_central_reason=false, asylum_exception=, "
		    "marriage_fraud_found=false, unauthorized_work=false, "
		    "prior_cancellation=false, "
		    "way_back_category=immediate_relative, "
		    "way_back_departure=2010-01-01, married=unknown, "
		    "married_on=unknown, lpr=false, lpr_since=unknown, "
		    "lpr_admitted_at_port=false, lpr_years=0, "
		    "sijs_filed_date=unknown, "
		    "entered_without_inspection=false, "
		    "admitted_or_paroled=true, last_arrival_date=2001-01-01, "
		    "first_entry_date=2001-01-01");
	derive("person: {}\nclaims: {fear_of_return: true, crime_victim: true,"
	       " trafficking_victim: false, unaccompanied_child: true,"
	       " good_moral_character: true, abuse_connected: true,"
	       " abuse_connection_overstay: false, trafficking_central_reason: true,"
	       " asylum_exception: changed_circumstances, marriage_fraud_found: true}\n"
	       "employment:\n  - {from: 2005-01-01, authorized: true}\n"
	       "way_back: {category: employment, departure: 2027-03-01}\n"
	       "events:\n" EWI("2003-02-01"), "2010-01-01", NULL);
	expect_case("crime_victim=true, trafficking_victim=false, "
		    "unaccompanied_child=true, gmc_finding=true, gmc=true, "
		    "abuse_connection_overstay=false, abuse_central_vd=true, "
		    "abuse_connection_reentry=true, "
		    "trafficking_central_reason=true, "
		    "asylum_exception=changed_circumstances, "
		    "marriage_fraud_found=true, unauthorized_work=false, "
		    "way_back_category=employment, "
		    "way_back_departure=2027-03-01, "
		    "entered_without_inspection=true, "
		    "admitted_or_paroled=false");
}

/* 240A(c)(6): cancellation granted in an earlier episode (before the
 * departure of 2005 that separates it from the NTA of 2012); the grant
 * made an LPR (section 1 relief_granted), so lpr_since is its day. */
TEST(test_prior_cancellation)
{
	derive(PERSON("") EWI("1990-01-01") NTA("2000-01-03", TP)
	       DECIDE("2001-05-01", "relief_granted, relief: cancel_nonlpr")
	       LEAVE("2005-01-01", "self")
	       EV("date: 2005-02-01, type: entry, manner: admitted, status: immigrant")
	       NTA("2012-01-03", TP), "2012-06-01", NULL);
	expect_case("prior_cancellation=true, granted_cancel_nonlpr=true, "
		    "applied_cancel_nonlpr=false, episode_start=2012-01-03, "
		    "lpr_since=2001-05-01, last_arrival_date=2005-02-01");
}

/* sijs and TVPRA 235(d)(6) (E31): born 2004-07-20, the I-360 filed
 * 2025-06-02 at 20: under 21 at filing (law from 2008-12-23); under the
 * earlier law the age on as_of 2026-12-01 (22) counts.  An old-format
 * application for sijs is the filing too. */
TEST(test_sijs_age_at_filing)
{
	const char *c = "person: {born: 2004-07-20}\nclaims: {unaccompanied_child: true}\n"
		"events:\n" EWI("2019-05-03")
		EV("date: 2025-06-02, type: petition, form: I-360, basis: sijs, outcome: approved, decided: 2026-03-10");
	derive(c, "2026-12-01", NULL);
	expect_case("sijs_filed_date=2025-06-02, sijs_age_ok=true, "
		    "sijs_petition_approved=true");
	derive(c, "2026-12-01", "2008-01-01");
	expect("sijs_age_ok", "false");
	derive("person: {born: 2004-07-20}\nevents:\n" EWI("2019-05-03")
	       EV("date: 2024-01-10, type: application, relief: sijs"), "2026-12-01", NULL);
	expect_case("sijs_filed_date=2024-01-10, applied_sijs=true");
}

/* ---- entries, grants, paths, the asylum deadline -------------------------------- */

/* 240A(c)(1)-(3): a crewman's entry after 1964-06-30; a J-1 subject to
 * 212(e), neither fulfilled nor waived.  Pre-conclusion VD granted at the
 * master hearing (a judge deciding with the person present: a hearing);
 * a motion filed in the period ends it (8 CFR 1240.26(b)(3)(iii)) and the
 * alternate order governs from the filing, so the later trip is a
 * removal. */
TEST(test_entries_crewman_j1_and_vd_ended_by_motion)
{
	derive(PERSON("") EV("date: 1970-05-01, type: entry, manner: admitted, status: crewman")
	       PAROLE("2015-03-01", ", at_port: true"), "2026-11-27", NULL);
	expect_row("entry", 1, "date=1970-05-01, status=crewman, crewman=true, "
		    "j1=false, j1_gme=false, j1_212e=false, "
		    "j1_212e_met=unknown, at_port=unknown");
	expect_item("entry", 2, "at_port", "true");
	expect_case("crewman_bar=true, crewman_entry=true, j1_bar=false");
	derive(PERSON("")
	       EV("date: 2006-01-01, type: entry, manner: admitted, status: J-1, authorized_until: 2007-01-01, j1_gme: false, j1_212e: true, j1_212e_met: false")
	       NTA("2009-05-01", TP ", filed: 2009-05-02")
	       HEARING("2010-01-11", ", kind: master, appeared: true")
	       DECIDE("2010-01-11", "voluntary_departure, stage: pre_hearing, depart_by: 2010-05-10, bond_posted: 2010-01-13")
	       EV("date: 2010-03-01, type: motion, kind: reopen, outcome: pending")
	       LEAVE("2010-04-30", "self"), "2026-11-27", NULL);
	expect_row("entry", 1, "j1=true, j1_gme=false, j1_212e=true, "
		    "j1_212e_met=false");
	expect_row("vd", 1, "stage=pre_hearing, ended_by_motion=true, "
		    "bond_posted=true, rolled=false");
	expect_row("order", 1, "kind=vd_alternate, date=2010-03-01");
	expect_item("departure", 1, "removal", "true");
	expect_case("j1_bar=true, j1_212e_unmet=true, crewman_bar=false, "
		    "path=vd_pre_conclusion, hearing=true, t_dec=2010-01-11, "
		    "decision_date=2010-01-11");
}

/* Matter of Zmijewska: a late departure through no fault of the person's
 * own does not bring the alternate order into effect.  A DHS voluntary
 * return of an earlier stay, begun without inspection, granted before the
 * current episode (240B(c), prior_vd_after_6a: unknown for DHS). */
TEST(test_vd_nonvoluntary_and_earlier_dhs_return)
{
	derive(PERSON("") EWI("2004-01-01") NTA("2009-01-05", TP)
	       DECIDE("2010-05-04", "voluntary_departure, stage: conclusion, depart_by: 2010-07-02")
	       EV("date: 2010-07-20, type: departure, kind: self, nonvoluntary: true"),
	       "2012-01-01", NULL);
	expect_row("vd", 1, "departed=true, left_in_time=false, "
		    "nonvoluntary=true");
	expect_item("departure", 1, "removal", "false");
	expect("ordered_removed", "false");
	derive(PERSON("") EWI("2005-01-01")
	       EV("date: 2006-03-01, type: voluntary_return, advised: true, depart_by: 2006-03-10")
	       LEAVE("2006-03-05", "voluntary_return") EWI("2006-06-01")
	       NTA("2010-01-04", TP), "2011-01-01", NULL);
	expect_row("vd", 1, "by=DHS, stage=voluntary_return, "
		    "deadline=2006-03-10, before_episode=true, stay_ewi=true, "
		    "bond_posted=true, left_in_time=true");
	expect_case("prior_vd_after_6a=unknown, path=pending, "
		    "episode_start=2010-01-04, cpp_start=2006-06-01");
}

/* Paths (case-format "How the path is derived"): administrative closure
 * keeps proceedings open (decision_date as_of, t_dec the closure); a
 * hearing whose attendance is not on file leaves "hearing" unknown; a
 * USCIS grant (registry) ends the episode without a hearing. */
TEST(test_paths_closure_and_grant)
{
	derive(PERSON("") EWI("2005-01-01") NTA("2010-01-04", TP)
	       HEARING("2011-02-01", ", kind: master")
	       DECIDE("2012-03-01", "administratively_closed"), "2014-01-01", NULL);
	expect_case("path=admin_closed, in_proceedings=true, "
		    "decision_date=2014-01-01, t_dec=2012-03-01, "
		    "hearing=unknown");
	derive(PERSON("") EV("date: 1970-05-01, type: entry, manner: admitted, status: B2")
	       EV("date: 2012-03-01, type: encounter, agency: ICE")
	       NTA("2012-03-01", TP)
	       EV("date: 2012-03-02, type: application, relief: registry")
	       DECIDE("2013-01-10", "relief_granted, relief: registry, by: USCIS"),
	       "2026-11-27", NULL);
	expect_case("path=relief_granted, hearing=false, "
		    "decision_date=2013-01-10, t_dec=2013-01-10, "
		    "episode_start=2012-03-01, granted_registry=true, "
		    "applied_registry=true, denied_registry=false");
}

/* date.asylum_deadline and date.deadline: E35's 1995 arrival gives
 * 1998-04-01 (a Wednesday; filed 1998-03-30: timely; 9(B) UP
 * 1997-04-01..1998-03-29 = 363, none while pending); 1998-04-02 is late.
 * Arrival 1999-01-01: Saturday 2000-01-01, rolled to Monday 2000-01-03
 * only under the law from 2001-01-05.  An arrival on 2012-02-29: Feb 28
 * (a Thursday).  An arrival in 2012-06: the range 2013-06-03 (Saturday
 * 06-01 rolled)..2013-07-01 (Sunday 06-30 rolled). */
TEST(test_asylum_deadline)
{
#define E35(filed) PERSON("") ADMIT("1995-08-14", "1996-02-13") \
	EV("date: " filed ", type: application, relief: asylum")
	derive(E35("1998-03-30"), "1998-06-01", NULL);
	expect_case("asylum_deadline=1998-04-01, asylum_filed_date=1998-03-30, "
		    "asylum_timely=true, up_current_days=363");
	derive(E35("1998-04-02"), "1998-06-01", NULL);
	expect("asylum_timely", "false");
#undef E35
	derive(PERSON("") EWI("1999-01-01"), "2000-06-01", NULL);
	expect_case("asylum_deadline=2000-01-01, asylum_timely=false");
	derive(PERSON("") EWI("1999-01-01"), "2000-06-01", "2026-01-01");
	expect("asylum_deadline", "2000-01-03");
	derive(PERSON("") EWI("2012-02-29"), "2013-01-01", NULL);
	expect("asylum_deadline", "2013-02-28");
	derive(PERSON("") EWI("2012-06"), "2013-06-15", NULL);
	expect_case("asylum_deadline=2013-06-03..2013-07-01, "
		    "asylum_timely=unknown, "
		    "last_arrival_date=2012-06-01..2012-06-30");
}

/* ---- facts once wrong (the orders' days, 9(C) borderline, grants, appeals) --- */

/* date.period_end and 240B(d): the alternate order takes effect the day
 * after the (rolled) deadline, 2010-07-07 (E22: "alternate order effective
 * 2023-05-09" for a 2023-05-08 deadline).  On as_of 2010-07-06, the
 * deadline itself, no order stands yet. */
TEST(test_vd_alternate_order_on_deadline_day)
{
	derive(PERSON("") EWI("2004-01-01") NTA("2009-01-05", TP)
	       DECIDE("2010-05-04", "voluntary_departure, stage: conclusion, depart_by: 2010-07-03"),
	       "2010-07-06", NULL);
	expect_case("ordered_removed=false");
	expect_case("order_outstanding=false");
	expect_case("final_order_date=unknown");
}

/* E38(c) and bar_9A_ii: a departure before an order entered later in
 * absentia in the proceedings pending when the person left is possibly a
 * removal (departure.removal unknown); the episode those proceedings make
 * began with their NTA, 2024-02-05. */
TEST(test_departure_before_in_absentia_order)
{
	derive(E38C, "2026-06-01", NULL);
	expect_case("episode_start=2024-02-05");
	expect_row("departure", 1, "removal=unknown");
}

/* date.more_than_one_year: 366 days of aggregate UP whose year holds a
 * Feb 29 are borderline (367 would be firm).  2011-07-01..2012-06-30 =
 * 366 with 2012-02-29: stay.up9c_days says so; the case's aggregate and
 * the count before the next entry (which bar_9C_permanent reads) should
 * too. */
TEST(test_9c_366_with_feb29)
{
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-07-01", "self"), "2026-11-27", NULL);
	expect_item("stay", 1, "up9c_days", "366 (borderline)");
	expect_case("up9c_days=366 (borderline)");
	derive(PERSON("") ADMIT("2011-01-05", "2011-06-30")
	       LEAVE("2012-07-01", "self") EWI("2013-01-10"), "2013-01-10", NULL);
	expect_row("entry", 2, "up9c_before=366 (borderline)");
}

/* Section 1 relief_granted ("cancellation/asylum/adjustment: no order,
 * status granted"), up.authorized ("asylee or refugee status") and E17
 * (adjusting "without leaving => no (9)(B) bar ever"): a grant ends UP.
 * Adjustment granted 2010-09-01 after an overstay from 2006-11-01: an LPR
 * since then, UP 2006-11-01..2010-01-31 = 1,188 (none while pending or
 * after).  Cancellation granted 2011-06-01: an LPR, UP 1999-01-01..
 * 2011-05-31 = 4,534.  Asylum granted 2011-06-01 after an EWI of
 * 2010-01-01 and a filing 2010-06-01: 9(B) 2010-01-01..05-31 = 151, 9(C)
 * (the pendency counts) 2010-01-01..2011-05-31 = 516. */
TEST(test_status_from_a_grant)
{
	derive(PERSON("") ADMIT("2006-05-01", "2006-10-31")
	       EV("date: 2010-02-01, type: application, relief: adjust_245a")
	       DECIDE("2010-09-01", "relief_granted, relief: adjust_245a, by: USCIS"),
	       "2012-01-01", NULL);
	expect_case("lpr=true, lpr_since=2010-09-01, up_current_days=1188");
	derive(PERSON("") EWI("1999-01-01") NTA("2010-01-04", TP)
	       DECIDE("2011-06-01", "relief_granted, relief: cancel_nonlpr"),
	       "2013-01-01", NULL);
	expect_case("lpr=true, up_current_days=4534");
	derive(PERSON("") EWI("2010-01-01")
	       EV("date: 2010-06-01, type: application, relief: asylum")
	       DECIDE("2011-06-01", "relief_granted, relief: asylum, by: USCIS"),
	       "2013-01-01", NULL);
	expect_case("up_current_days=151, up9c_days=516");
}

/* up.asylum_pending: pending "from filing to the final administrative
 * decision": the judge's denial of 2011-05-10 was appealed and the BIA
 * dismissed the appeal on 2012-03-01.  9(B) UP as of 2012-06-01: 177
 * before the filing (E16) + 2012-03-02..2012-06-01 (92) = 269. */
TEST(test_asylum_pending_through_appeal)
{
	derive(PERSON("") ADMIT("2009-09-01", "2010-02-28")
	       EV("date: 2010-08-25, type: application, relief: asylum")
	       NTA("2010-10-15", TP)
	       DECIDE("2011-05-10", "relief_denied, relief: asylum")
	       DECIDE("2011-05-10", "removal_order")
	       EV("date: 2011-06-01, type: appeal, to: BIA, stage: filed, outcome: pending")
	       EV("date: 2012-03-01, type: appeal, to: BIA, stage: decided, outcome: dismissed"),
	       "2012-06-01", NULL);
	expect("final_order_date", "2012-03-01");
	expect_case("up_current_days=269");
}

/* case-format "How the path is derived" ("a decision by the BIA on appeal
 * replaces the judge's"; "a motion granted reopens the episode ... an
 * in-absentia order rescinded that way has no consequence"), section 1
 * pending and bar_6B ("the engine extends this to any granted motion"):
 * a BIA remand (2012-03-01) vacates the order and leaves the proceedings
 * pending before the judge (decision_date: as_of); a granted motion to
 * reconsider rescinds the in absentia order as a motion to reopen does. */
TEST(test_reopened_by_remand_or_reconsideration)
{
	derive(PERSON("") EWI("2005-01-01") NTA("2010-10-15", TP)
	       DECIDE("2011-05-10", "removal_order")
	       EV("date: 2012-03-01, type: appeal, to: BIA, stage: decided, outcome: remanded"),
	       "2012-06-01", NULL);
	expect_item("order", 1, "rescinded", "true");
	expect_case("path=pending, in_proceedings=true, decision_date=2012-06-01");
	derive(PERSON("") EWI("2005-01-01") NTA("2010-10-15", TP)
	       HEARING("2011-05-10", ", kind: master, appeared: false, absence_reason: none")
	       DECIDE("2011-05-10", "in_absentia_order")
	       EV("date: 2011-07-01, type: motion, kind: reconsider, outcome: granted"),
	       "2012-06-01", NULL);
	expect("path", "pending");
	expect_row("order", 1, "rescinded=true");
	expect_row("hearing", 1, "order_rescinded=true");
	expect_case("in_absentia=false, ordered_removed=false");
}

/* ---- coverage ---------------------------------------------------------------- */

static bool relief_family(const char *n)
{
	return !strncmp(n, "applied_", 8) || !strncmp(n, "granted_", 8) ||
	       !strncmp(n, "denied_", 7);
}

/* Every case fact of facts_table and every item fact of scope_defs was
 * asserted by some test above (the applied_/granted_/denied_ families of
 * the reliefs, one table row each, are asserted through a few of them). */
TEST(test_every_fact_is_asserted)
{
	int missing = 0;
	bool relief = false;
	for (size_t i = 0; i < facts_count; i++) {
		const char *n = facts_table[i].name;
		if (relief_family(n)) {
			relief |= case_seen[i];
			continue;
		}
		if (!case_seen[i]) {
			fprintf(stderr, "case fact never asserted: %s\n", n);
			missing++;
		}
	}
	if (!relief)
		fprintf(stderr, "no applied_/granted_/denied_ fact asserted\n");
	for (int sc = 0; sc < SC__COUNT; sc++)
		for (uint16_t c = 0; c < scope_defs[sc].n_facts; c++)
			if (!item_seen[sc][c]) {
				fprintf(stderr, "item fact never asserted: %s.%s\n",
					scope_defs[sc].name,
					scope_defs[sc].facts[c].name);
				missing++;
			}
	assert_int_equal(missing + !relief, 0);
	/* slots: src/'s case facts first, in table order; then each scope */
	for (size_t i = 0; i < facts_count; i++)
		assert_string_equal(rules.env.facts[i].name, facts_table[i].name);
}

/* Every test, in order; the coverage test last. */
#define TESTS(X) \
	X(test_up_overstay_departure_day_not_counted) X(test_borderline_marks) \
	X(test_up_ewi_from_1997_04_01) X(test_up_from_18th_birthday) \
	X(test_up_duration_of_status) \
	X(test_up_unknown_start_fully_authorized) X(test_up_parole) \
	X(test_vd_deadline_rolls_from_saturday) \
	X(test_vd_deadline_rolls_over_holiday) X(test_up_asylum_pending) \
	X(test_up_adjustment_pending_across_advance_parole) \
	X(test_up_status_periods) X(test_up_tolled_by_extension_request) \
	X(test_departure_under_outstanding_order_is_removal) \
	X(test_second_removal_under_reinstated_order) \
	X(test_expedited_removal_at_port) \
	X(test_departure_before_later_in_absentia_order) \
	X(test_proceedings_commenced) \
	X(test_departure_lpr_withdrawal_abandonment) \
	X(test_order_protection_grant) X(test_order_kinds_stipulated_and_238b) \
	X(test_oral_notice_of_the_hearing_missed) \
	X(test_order_rescinded_by_granted_motion) \
	X(test_encounters_and_misrepresentations) X(test_petitions_and_245i) \
	X(test_offense_classification_and_counts) \
	X(test_separate_incidents) \
	X(test_petty_offense_cortez_canales_pedroza) \
	X(test_offense_stops_time_barton) \
	X(test_firearm_offense_does_not_stop_time) X(test_lpr_bar_212h_by_era) \
	X(test_dui_count_and_marijuana) \
	X(test_cpp_single_absence_over_90_days) X(test_cpp_window_absences) \
	X(test_cpp_long_absence_outside_window) X(test_cpp_formal_departure) \
	X(test_stop_time_eras_defective_nta) \
	X(test_qualifying_relative_child_turning_21) \
	X(test_spouse_parent_and_vawa_self_petition) \
	X(test_claims_employment_way_back_defaults) X(test_prior_cancellation) \
	X(test_sijs_age_at_filing) \
	X(test_entries_crewman_j1_and_vd_ended_by_motion) \
	X(test_vd_nonvoluntary_and_earlier_dhs_return) \
	X(test_paths_closure_and_grant) X(test_asylum_deadline) \
	X(test_vd_alternate_order_on_deadline_day) \
	X(test_departure_before_in_absentia_order) \
	X(test_9c_366_with_feb29) \
	X(test_status_from_a_grant) \
	X(test_asylum_pending_through_appeal) \
	X(test_reopened_by_remand_or_reconsideration) \
	X(test_every_fact_is_asserted)

#define AS_CMOCKA(t) cmocka_unit_test(t),
int main(void)
{
	const struct CMUnitTest tests[] = { TESTS(AS_CMOCKA) };
	return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
