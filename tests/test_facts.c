/* test_facts.c - each fact of facts_list.h, derived from small cases.
 *
 * Every expected value is worked out by hand from legal-reference.md
 * (conventions of section 0 and the rules of sections 1-4).  The last test
 * fails if any fact of the table was never checked here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "facts.h"
#include "load.h"
#include "vocab.h"

static struct vocab vocab;
static bool checked[512];
static struct value vals[512];

static int setup(void **state)
{
	struct diag_list d = { 0 };
	(void)state;
	int bad = vocab_load_default(&vocab, &d);
	diag_free(&d);
	return bad;
}

static int teardown(void **state)
{
	(void)state;
	vocab_free(&vocab);
	return 0;
}

/* Derives the facts of the case in `body` (events etc. after the header)
 * as of as_of under the law of law (NULL: as_of). */
static void derive(const char *body, const char *as_of, const char *law)
{
	char text[4096];
	struct arena out, scratch;
	struct load_file r = { 0 };
	const char *err;
	snprintf(text, sizeof(text), "format: casewalk/1\nid: T\n%s", body);
	arena_init(&out, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	load_buffer("t.yaml", 0, text, strlen(text), &ylimits_default,
		    &vocab.ids, &out, &scratch, &r);
	for (size_t i = 0; i < r.diags.n; i++)
		diag_print(stderr, &r.diags.v[i]);
	assert_int_equal(r.n_cases, 1);
	struct facts_ctx ctx = { .vocab = &vocab };
	assert_true(date_parse(as_of, strlen(as_of), &ctx.as_of, &err));
	law = law ? law : as_of;
	assert_true(date_parse(law, strlen(law), &ctx.law_as_of, &err));
	facts_derive(&ctx, r.cases[0], vals);
	load_file_free(&r);
	arena_free(&out);
	arena_free(&scratch);
}

#define expect(name, want) expect_fact(name, want, __LINE__)
static void expect_fact(const char *name, const char *want, int line)
{
	char got[96];
	int i = facts_index(name);
	if (i < 0)
		fail_msg("line %d: no fact %s", line, name);
	checked[i] = true;
	facts_format(vals[i], got, sizeof(got));
	if (strcmp(got, want))
		fail_msg("line %d: fact %s: expected '%s', got '%s'", line, name,
			 want, got);
}

/* E01/E02: an overstay; the departure day is not counted (date.up_end). */
static void test_overstay_up_days(void **state)
{
	(void)state;
	derive("person: {born: 1980-01-01}\nevents:\n"
	       "  - {date: 2009-01-05, type: entry, manner: admitted, status: B2, authorized_until: 2009-06-30}\n"
	       "  - {date: 2009-12-29, type: voluntary_return, advised: true}\n"
	       "  - {date: 2009-12-29, type: departure, kind: voluntary_return}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "181");
	expect("overstayed", "true");
	expect("overstay_start", "2009-07-01");
	expect("departed", "true");
	expect("last_departure_date", "2009-12-29");
	expect("last_departure_advance_parole", "false");
	expect("up_current_days", "0");
	expect("proceedings_before_departure", "false");
	expect("path", "voluntary_return");
	expect("hearing", "false");
	expect("cpp_broken_by_departure", "true");
	expect("cpp_break_date", "2009-12-29");
	expect("admitted_or_paroled", "true");
	expect("entered_without_inspection", "false");
	expect("as_of", "2026-11-27");
	expect("law_as_of", "2026-11-27");
	expect("decision_date", "2009-12-29");
	expect("episode_start", "2009-12-29");
}

/* date.borderline: 180 (departure day would make 181) and 365 with a
 * Feb 29 inside. */
static void test_borderline_counts(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2009-01-05, type: entry, manner: admitted, authorized_until: 2009-06-30}\n"
	       "  - {date: 2009-12-28, type: departure, kind: self}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "180 (borderline)");
	derive("person: {}\nevents:\n"
	       "  - {date: 2011-01-05, type: entry, manner: admitted, authorized_until: 2011-06-30}\n"
	       "  - {date: 2012-06-30, type: departure, kind: self}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "365 (borderline)");
}

/* E04: 9(B) counts from the 18th birthday, 9(C) from entry. */
static void test_minor_and_aggregate(void **state)
{
	(void)state;
	derive("person: {born: 1991-01-15}\nevents:\n"
	       "  - {date: 2003-05-10, type: entry, manner: without_inspection}\n"
	       "  - {date: 2009-07-10, type: departure, kind: voluntary_return}\n"
	       "  - {date: 2010-02-01, type: entry, manner: without_inspection}\n",
	       "2010-03-01", NULL);
	expect("up_last_stay_days", "176");
	expect("up9c_days", "2282");   /* 2,253 + 29 days to as_of */
	expect("unlawful_reentry", "true");
	expect("unlawful_reentry_date", "2010-02-01");
	expect("up9c_before_reentry_days", "2253");
	expect("ordered_before_reentry", "false");
	expect("up_current_days", "29");
	expect("first_entry_date", "2003-05-10");
	expect("last_arrival_date", "2010-02-01");
	expect("entered_without_inspection", "true");
	expect("age", "19");
	/* advised not in the record: the VR may or may not break presence;
	 * the 205-day absence breaks it anyway (240A(d)(2)) */
	expect("cpp_broken_by_departure", "unknown");
	expect("cpp_broken_by_absence", "true");
	expect("cpp_start", "2010-02-01");
}

/* A D/S admission accrues UP only after a finding (section 8). */
static void test_duration_of_status(void **state)
{
	(void)state;
	derive("person: {born: 1990-01-01}\nevents:\n"
	       "  - {date: 2008-08-20, type: entry, manner: admitted, status: F1, authorized_until: D/S}\n"
	       "  - {date: 2012-01-01, type: departure, kind: self}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "unknown");
	derive("person: {born: 1990-01-01}\nevents:\n"
	       "  - {date: 2008-08-20, type: entry, manner: admitted, status: F1, authorized_until: D/S}\n"
	       "  - {date: 2010-01-04, type: status_violation_found, by: USCIS}\n"
	       "  - {date: 2012-01-01, type: departure, kind: self}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "727");
}

/* E16: a pending asylum claim and the VD period are not UP; the asylum
 * deadline is one year from arrival. */
static void test_asylum_tolling_and_deadline(void **state)
{
	(void)state;
	derive("person: {born: 1980-01-01}\nclaims: {fear_of_return: true}\nevents:\n"
	       "  - {date: 2009-09-01, type: entry, manner: admitted, authorized_until: 2010-02-28}\n"
	       "  - {date: 2010-08-25, type: application, relief: asylum}\n"
	       "  - {date: 2010-10-15, type: nta_served, time_place: true, filed: 2010-10-20}\n"
	       "  - {date: 2011-05-10, type: hearing, kind: individual, appeared: true}\n"
	       "  - {date: 2011-05-10, type: decision, outcome: relief_denied, relief: asylum}\n"
	       "  - {date: 2011-05-10, type: decision, outcome: voluntary_departure, stage: conclusion, depart_by: 2011-07-09}\n"
	       "  - {date: 2011-06-20, type: departure, kind: voluntary_departure}\n",
	       "2026-11-27", NULL);
	expect("up_last_stay_days", "177");
	expect("asylum_deadline", "2010-09-01");
	expect("asylum_filed_date", "2010-08-25");
	expect("asylum_timely", "true");
	expect("fear_of_return", "true");
	expect("path", "vd_post_conclusion");
	expect("hearing", "true");
	expect("proceedings_before_departure", "true");
	expect("presence_before_nta_days", "409");
	expect("vd_granted", "true");
	expect("vd_grant_date", "2011-05-10");
	expect("vd_depart_by", "2011-07-09");
	expect("vd_departed_in_time", "true");
	expect("vd_nonvoluntary", "false");
	expect("vd_bond_posted", "unknown");
	expect("vd_ended_by_motion", "false");
	expect("applied_asylum", "true");
	expect("denied_asylum", "true");
	expect("granted_asylum", "false");
	expect("in_proceedings", "false");
}

/* E09: VD overstayed; the departure executes the alternate order. */
static void test_vd_breach_is_a_removal(void **state)
{
	(void)state;
	derive("person: {}\nclaims: {abuse_connected: false}\nevents:\n"
	       "  - {date: 2005-01-10, type: entry, manner: admitted, authorized_until: 2005-07-09}\n"
	       "  - {date: 2009-04-01, type: nta_served, time_place: true}\n"
	       "  - {date: 2010-02-01, type: decision, outcome: voluntary_departure, stage: conclusion, depart_by: 2010-04-02}\n"
	       "  - {date: 2012-06-15, type: departure, kind: self}\n",
	       "2026-11-27", NULL);
	expect("vd_departed_in_time", "false");
	expect("ordered_removed", "true");
	expect("removals", "1");
	expect("last_removal_date", "2012-06-15");
	expect("last_removal_arriving", "false");
	expect("abuse_connected", "false");
	expect("order_outstanding", "false");
	expect("arriving", "false");
}

/* E10: in absentia with oral warnings; reopen deadline rolls from a
 * Saturday to Monday (date.deadline). */
static void test_in_absentia(void **state)
{
	(void)state;
	derive("person: {born: 1984-06-30}\nevents:\n"
	       "  - {date: 2006-03-03, type: entry, manner: without_inspection}\n"
	       "  - {date: 2009-11-10, type: nta_served, time_place: true, filed: 2009-11-20, oral_notice: true}\n"
	       "  - {date: 2010-03-15, type: hearing, kind: individual, appeared: false, absence_reason: none}\n"
	       "  - {date: 2010-03-15, type: decision, outcome: in_absentia_order}\n"
	       "  - {date: 2011-07-01, type: departure, kind: self}\n",
	       "2010-06-01", NULL);
	expect("in_absentia", "true");
	expect("in_absentia_date", "2010-03-15");
	expect("oral_warning", "true");
	expect("absence_exceptional", "false");
	expect("missed_hearing_without_cause", "true");
	expect("departure_after_missed_hearing", "2011-07-01");
	expect("reopen_deadline", "2010-09-13");
	expect("path", "removal_in_absentia");
	expect("hearing", "false");
}

/* E11: two removals; re-entry after an order. */
static void test_removals_and_reentry_after_order(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2006-01-01, type: entry, manner: without_inspection}\n"
	       "  - {date: 2007-06-01, type: nta_served, time_place: true}\n"
	       "  - {date: 2008-02-01, type: decision, outcome: removal_order}\n"
	       "  - {date: 2008-02-21, type: departure, kind: removed}\n"
	       "  - {date: 2008-09-01, type: entry, manner: without_inspection}\n"
	       "  - {date: 2010-07-25, type: reinstatement}\n"
	       "  - {date: 2010-07-25, type: departure, kind: removed}\n",
	       "2026-11-27", NULL);
	expect("removals", "2");
	expect("ordered_before_reentry", "true");
	expect("unlawful_reentry_date", "2008-09-01");
	expect("up9c_before_reentry_days", "781");   /* 2006-01-01..2008-02-20 */
	expect("path", "reinstatement");
	expect("ordered_removed", "true");
}

/* E12: expedited removal at a port: an arriving removal. */
static void test_expedited_arriving(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2010-10-05, type: entry, manner: attempted}\n"
	       "  - {date: 2010-10-05, type: expedited_removal}\n"
	       "  - {date: 2010-10-05, type: departure, kind: removed}\n",
	       "2026-11-27", NULL);
	expect("last_removal_arriving", "true");
	expect("arriving", "true");
	expect("path", "expedited_removal");
}

/* E07: stop-time eras for an NTA without time and place. */
static void test_stop_time_eras(void **state)
{
	(void)state;
	const char *c = "person: {born: 1970-01-01}\nevents:\n"
		"  - {date: 2001-02-10, type: entry, manner: without_inspection}\n"
		"  - {date: 2010-06-01, type: nta_served, time_place: false}\n"
		"  - {date: 2010-09-14, type: hearing_notice, time_place: true}\n";
	derive(c, "2012-01-01", NULL);              /* Camarillo */
	expect("stop_time_date", "2010-06-01");
	expect("stop_time_by", "nta");
	expect("cpp_years", "9");
	expect("cpp_end", "2010-06-01");
	derive(c, "2020-01-01", NULL);              /* Mendoza-Hernandez */
	expect("stop_time_date", "2010-09-14");
	expect("stop_time_by", "hearing_notice");
	derive(c, "2021-06-01", NULL);              /* Niz-Chavez */
	expect("stop_time_by", "none");
	expect("stop_time_date", "unknown");
	expect("cpp_years", "20");
	expect("in_proceedings", "true");
	expect("decision_date", "2021-06-01");
	/* unknown time_place under Niz-Chavez: a range */
	derive("person: {}\nevents:\n"
	       "  - {date: 2001-02-10, type: entry, manner: without_inspection}\n"
	       "  - {date: 2010-06-01, type: nta_served}\n", "2021-06-01", NULL);
	expect("cpp_years", "9..20");
	expect("cpp_days", "3398..7416");
}

/* E08: stop-time at commission of a drug offense (Barton); residence. */
static void test_offense_stop_time_and_lpr(void **state)
{
	(void)state;
	derive("person: {lpr_since: 2003-06-01, lpr_via: admission}\nevents:\n"
	       "  - {date: 2003-06-01, type: entry, manner: admitted, status: immigrant}\n"
	       "  - {date: 2011-03-01, type: nta_served, time_place: true}\n"
	       "offenses:\n"
	       "  - {charge: drug_possession, date: 2010-04-20, convicted: true, conviction_date: 2011-01-10, sentence_days: 90}\n",
	       "2011-06-01", NULL);
	expect("stop_time_date", "2010-04-20");
	expect("stop_time_by", "offense");
	expect("residence_years", "6");
	expect("lpr", "true");
	expect("lpr_admitted_at_port", "true");
	expect("lpr_years", "8");
	expect("controlled_substance", "true");
	expect("only_marijuana_30g", "false");
	expect("criminal_inadmissible", "true");
	expect("offense_bars_cancellation", "true");
	expect("aggravated_felony", "false");
	expect("up_current_days", "0");
}

/* E15: one petty theft CIMT, max 1 year: petty, no stop-time, but
 * Cortez Canales bars cancellation. */
static void test_petty_offense_and_cortez_canales(void **state)
{
	(void)state;
#define CASE_FMT "person: {}\nevents:\n" \
		"  - {date: 1999-04-01, type: entry, manner: without_inspection}\n" \
		"  - {date: 2010-09-01, type: nta_served, time_place: true}\n" \
		"offenses:\n" \
		"  - {charge: theft, date: 2008-06-10, convicted: true, sentence_days: 10, max_days: %s}\n"
	char body[512];
	snprintf(body, sizeof(body), CASE_FMT, "365");
	derive(body, "2010-12-01", NULL);
	expect("petty_offense_exception", "true");
	expect("cimt_count", "1");
	expect("criminal_inadmissible", "false");
	expect("offense_bars_cancellation", "true");
	expect("stop_time_by", "nta");
	expect("convictions", "1");
	snprintf(body, sizeof(body), CASE_FMT, "180");
	derive(body, "2010-12-01", NULL);
	expect("offense_bars_cancellation", "false");
}

/* Aggravated felony from the sentence (101(a)(43)(F)); 5-year PSC; drug
 * trafficking; juvenile and vacated do not count. */
static void test_aggravated_felony_rules(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2000-01-01, type: entry, manner: without_inspection}\n"
	       "offenses:\n"
	       "  - {charge: domestic_violence, date: 2005-01-01, convicted: true, sentence_days: 365}\n"
	       "  - {charge: drug_trafficking, date: 2006-01-01, convicted: true, sentence_days: 1500}\n"
	       "  - {charge: theft, date: 2004-01-01, convicted: true, juvenile: true, sentence_days: 400}\n"
	       "  - {charge: theft, date: 2003-01-01, convicted: true, vacated: defect, sentence_days: 400}\n",
	       "2026-11-27", NULL);
	expect("aggravated_felony", "true");
	expect("af_sentence_5yr", "true");
	expect("drug_trafficking_af", "true");
	expect("convictions", "2");
	expect("gmc", "false");
	expect("offenses_over_15_years", "true");
	/* a crime of violence with no sentence on file: unknown, not false */
	derive("person: {}\nevents:\n"
	       "  - {date: 2000-01-01, type: entry, manner: without_inspection}\n"
	       "offenses:\n  - {charge: domestic_violence, date: 2005-01-01, convicted: true}\n",
	       "2026-11-27", NULL);
	expect("aggravated_felony", "unknown");
	expect("gmc", "unknown");
}

/* Castillo-Perez counts DUIs in the ten years before the decision. */
static void test_dui_count(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 1998-01-15, type: entry, manner: without_inspection}\n"
	       "  - {date: 2010-02-01, type: nta_served, time_place: true}\n"
	       "offenses:\n"
	       "  - {charge: dui, date: 2007-05-19, convicted: true}\n"
	       "  - {charge: dui, date: 2009-03-02, convicted: true}\n",
	       "2016-06-01", NULL);
	expect("dui_count_gmc", "2");
	expect("offenses_over_15_years", "false");
	derive("person: {}\nevents:\n"
	       "  - {date: 1998-01-15, type: entry, manner: without_inspection}\n"
	       "offenses:\n  - {charge: marijuana_possession_30g, date: 2007-05-19, convicted: true}\n",
	       "2018-01-01", NULL);
	expect("only_marijuana_30g", "true");
	expect("dui_count_gmc", "0");
}

/* Isidro-Zamorano: a child is under 21 and unmarried on the decision
 * date; hardship only counts for qualifying relatives. */
static void test_relatives(void **state)
{
	(void)state;
	const char *c = "person: {married: true}\n"
		"claims: {abused_by: spouse, crime_victim: true, trafficking_victim: false,"
		" unaccompanied_child: false, good_moral_character: true}\n"
		"relatives:\n"
		"  - {relation: child, status: citizen, born: 2002-11-30, hardship: exceptional}\n"
		"  - {relation: spouse, status: lpr, hardship: extreme}\n"
		"events:\n  - {date: 1999-08-20, type: entry, manner: without_inspection}\n";
	derive(c, "2010-05-04", NULL);
	expect("qualifying_relative", "true");
	expect("hardship_exceptional", "true");
	expect("qualifying_relative_9bv", "true");
	expect("hardship_extreme_9bv", "true");
	expect("immediate_relative", "false");
	expect("vawa_qualifying_abuser", "true");
	expect("married", "true");
	expect("crime_victim", "true");
	expect("trafficking_victim", "false");
	expect("unaccompanied_child", "false");
	expect("gmc", "true");
	expect("age", "unknown");       /* no birth date on file */
	expect("first_entry_date", "1999-08-20");
	expect("last_arrival_date", "1999-08-20");
	derive(c, "2026-11-27", NULL);  /* the son is 23 now */
	expect("hardship_exceptional", "false");
	expect("qualifying_relative", "true");  /* the LPR spouse */
	/* a USC spouse makes an immediate relative */
	derive("person: {married: false}\nrelatives:\n  - {relation: spouse, status: citizen}\n"
	       "events:\n  - {date: 2006-05-01, type: entry, manner: admitted}\n",
	       "2026-11-27", NULL);
	expect("immediate_relative", "true");
	expect("married", "false");
	expect("vawa_qualifying_abuser", "false");
	expect("qualifying_relative_9bv", "true");
	expect("hardship_extreme_9bv", "unknown");
}

/* Registry, 245(i), 240A(c) and the episode facts. */
static void test_entries_and_petitions(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 1970-05-01, type: entry, manner: admitted, status: crewman}\n"
	       "  - {date: 2001-04-27, type: petition, form: labor_certification, category: preference}\n"
	       "  - {date: 2012-03-01, type: encounter, agency: ICE}\n"
	       "  - {date: 2012-03-01, type: nta_served, time_place: true}\n"
	       "  - {date: 2012-03-02, type: application, relief: registry}\n"
	       "  - {date: 2013-01-10, type: decision, outcome: relief_granted, relief: registry, by: USCIS}\n",
	       "2026-11-27", NULL);
	expect("entered_before_1972", "true");
	expect("petition_by_2001_04_30", "true");
	expect("present_2000_12_21", "true");
	expect("crewman", "true");
	expect("j1", "false");
	expect("granted_registry", "true");
	expect("applied_registry", "true");
	expect("prior_cancellation", "false");
	expect("path", "relief_granted");
	expect("episode_start", "2012-03-01");
	expect("cpp_broken_by_absence", "false");
	expect("cpp_vawa_years", "42");
}

/* 240A(d)(2): one absence over 90 days breaks presence. */
static void test_absence_breaks_presence(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2000-01-01, type: entry, manner: without_inspection}\n"
	       "  - {date: 2005-01-01, type: departure, kind: self}\n"
	       "  - {date: 2005-06-01, type: entry, manner: without_inspection}\n",
	       "2016-01-01", NULL);
	expect("cpp_broken_by_absence", "true");
	expect("cpp_start", "2005-06-01");
	expect("cpp_years", "10");
	expect("unlawful_reentry", "true");
	/* a short absence after a VR with no advisal on file: presence may
	 * or may not have been broken, so its start is a range */
	derive("person: {}\nevents:\n"
	       "  - {date: 2000-01-01, type: entry, manner: without_inspection}\n"
	       "  - {date: 2005-01-01, type: voluntary_return}\n"
	       "  - {date: 2005-01-01, type: departure, kind: voluntary_return}\n"
	       "  - {date: 2005-01-20, type: entry, manner: without_inspection}\n"
	       "  - {date: 2015-06-01, type: nta_served, time_place: true}\n",
	       "2016-01-01", NULL);
	expect("cpp_broken_by_departure", "unknown");
	expect("cpp_start", "2000-01-01..2005-01-20");
	expect("cpp_years", "10..15");
}

/* J-1, advance parole, pre-conclusion VD with a late motion. */
static void test_j1_advance_parole_and_motion(void **state)
{
	(void)state;
	derive("person: {}\nevents:\n"
	       "  - {date: 2005-01-01, type: entry, manner: admitted, status: J-1, authorized_until: 2006-01-01}\n"
	       "  - {date: 2007-05-01, type: nta_served, time_place: true}\n"
	       "  - {date: 2008-01-10, type: decision, outcome: voluntary_departure, stage: pre_hearing, depart_by: 2008-05-01, bond_posted: 2008-01-12}\n"
	       "  - {date: 2008-03-01, type: motion, kind: reopen, outcome: pending}\n"
	       "  - {date: 2008-04-30, type: departure, kind: advance_parole}\n",
	       "2026-11-27", NULL);
	expect("j1", "true");
	expect("last_departure_advance_parole", "true");
	expect("vd_ended_by_motion", "true");
	expect("vd_bond_posted", "true");
	expect("path", "vd_pre_conclusion");
}

/* Every fact of the table was checked by some test above (the relief
 * families applied_/granted_/denied_ are checked as one). */
static void test_every_fact_is_covered(void **state)
{
	(void)state;
	int missing = 0;
	for (size_t i = 0; i < facts_count; i++) {
		const char *n = facts_table[i].name;
		if (checked[i] || !strncmp(n, "applied_", 8) ||
		    !strncmp(n, "granted_", 8) || !strncmp(n, "denied_", 7))
			continue;
		fprintf(stderr, "fact never checked: %s\n", n);
		missing++;
	}
	assert_int_equal(missing, 0);
	/* names are unique and every fact says what it means */
	for (size_t i = 0; i < facts_count; i++) {
		assert_true(facts_table[i].meaning && facts_table[i].meaning[0]);
		assert_int_equal(facts_index(facts_table[i].name), (int)i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overstay_up_days),
		cmocka_unit_test(test_borderline_counts),
		cmocka_unit_test(test_minor_and_aggregate),
		cmocka_unit_test(test_duration_of_status),
		cmocka_unit_test(test_asylum_tolling_and_deadline),
		cmocka_unit_test(test_vd_breach_is_a_removal),
		cmocka_unit_test(test_in_absentia),
		cmocka_unit_test(test_removals_and_reentry_after_order),
		cmocka_unit_test(test_expedited_arriving),
		cmocka_unit_test(test_stop_time_eras),
		cmocka_unit_test(test_offense_stop_time_and_lpr),
		cmocka_unit_test(test_petty_offense_and_cortez_canales),
		cmocka_unit_test(test_aggravated_felony_rules),
		cmocka_unit_test(test_dui_count),
		cmocka_unit_test(test_relatives),
		cmocka_unit_test(test_entries_and_petitions),
		cmocka_unit_test(test_absence_breaks_presence),
		cmocka_unit_test(test_j1_advance_parole_and_motion),
		cmocka_unit_test(test_every_fact_is_covered),
	};
	return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
