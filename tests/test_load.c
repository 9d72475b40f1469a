/* test_load.c - the case loader and the corpus (case-format.md).
 *
 * Every file of testdata/bad/ must give the diagnostic EXPECTED.tsv names
 * at the line and column it names; the sample corpus must load clean; the
 * hard limits must turn hostile input into one clean error.
 */
#define _XOPEN_SOURCE 700       /* realpath */
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "date.h"
#include "load.h"
#include "vocab.h"

static struct vocab vocab;

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

/* Loads text as one file; returns the number of valid cases. */
static size_t load_text(const char *text, const struct ylimits *lim,
			struct load_file *res, struct arena *out)
{
	struct arena scratch;
	arena_init(out, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	memset(res, 0, sizeof(*res));
	load_buffer("mem.yaml", 0, text, strlen(text), lim ? lim : &ylimits_default,
		    &vocab.ids, out, &scratch, res);
	arena_free(&scratch);
	return res->n_cases;
}

static bool has_diag(const struct diag_list *d, uint32_t line, uint32_t col,
		     const char *phrase)
{
	for (size_t i = 0; i < d->n; i++)
		if ((!line || d->v[i].line == line) &&
		    (!col || d->v[i].col == col) && strstr(d->v[i].msg, phrase))
			return true;
	return false;
}

static void dump(const struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++)
		diag_print(stderr, &d->v[i]);
}

/* Every row of testdata/bad/EXPECTED.tsv, loading the whole directory
 * once (duplicate ids need both files). */
static void test_bad_files_expected_positions(void **state)
{
	(void)state;
	struct corpus c;
	char *paths[] = { "testdata/bad" };
	struct corpus_opts o = { .jobs = 2, .vocab = &vocab.ids };
	corpus_load(&c, paths, 1, &o);
	FILE *f = fopen("testdata/bad/EXPECTED.tsv", "r");
	assert_non_null(f);
	char line[512];
	int rows = 0;
	while (fgets(line, sizeof(line), f)) {
		char file[200], phrase[200];
		unsigned l, col;
		if (sscanf(line, "%199[^\t]\t%u\t%u\t%199[^\n]", file, &l, &col,
			   phrase) != 4)
			continue;
		char path[256];
		snprintf(path, sizeof(path), "testdata/bad/%s", file);
		bool found = false;
		for (size_t i = 0; i < c.diags.n && !found; i++) {
			const struct diag *d = &c.diags.v[i];
			found = !strcmp(d->file, path) && d->line == l &&
				(col == 0 || d->col == col) && strstr(d->msg, phrase);
		}
		if (!found)
			fail_msg("%s: no diagnostic at %u:%u containing '%s'",
				 path, l, col, phrase);
		rows++;
	}
	fclose(f);
	assert_true(rows >= 25);
	/* every bad file was rejected: no case from a file that only holds
	 * broken cases, and each file has an error */
	assert_int_equal(c.n_files_with_errors, c.n_files);
	corpus_free(&c);
}

static void test_sample_corpus_is_clean(void **state)
{
	(void)state;
	struct corpus c;
	char *paths[] = { "testdata/cases" };
	struct corpus_opts o = { .jobs = 2, .vocab = &vocab.ids };
	corpus_load(&c, paths, 1, &o);
	if (c.diags.n)
		dump(&c.diags);
	assert_int_equal(c.diags.n, 0);
	assert_true(c.n_cases >= 40);
	const struct cw_case *e = corpus_find(&c, "E06a");
	assert_non_null(e);
	assert_string_equal(e->person.name, "Felipe Ortega Ruiz");
	assert_string_equal(e->person.a_number, "A-098-765-432");
	assert_int_equal(e->n_events, 4);
	assert_int_equal(e->events[0].type, EV_ENTRY);
	assert_int_equal(e->events[0].manner, MANNER_WITHOUT_INSPECTION);
	assert_int_equal(e->events[2].type, EV_VOLUNTARY_RETURN);
	assert_int_equal(e->events[2].advised, TRI_TRUE);
	assert_int_equal(e->n_relatives, 1);
	assert_int_equal(e->relatives[0].status, RS_CITIZEN);
	assert_int_equal(e->relatives[0].hardship, HS_UNKNOWN);
	assert_true(case_has_tag(e, "worked-example"));
	assert_null(corpus_find(&c, "no-such-id"));
	/* events are in date order in every case */
	for (size_t i = 0; i < c.n_cases; i++)
		for (uint32_t k = 1; k < c.cases[i]->n_events; k++)
			assert_true(date_cmp(c.cases[i]->events[k - 1].date,
					     c.cases[i]->events[k].date) <= 0);
	corpus_free(&c);
}

static void test_jobs_do_not_change_the_result(void **state)
{
	(void)state;
	struct corpus a, b;
	char *paths[] = { "testdata/cases", "testdata/bad" };
	struct corpus_opts o1 = { .jobs = 1, .vocab = &vocab.ids };
	struct corpus_opts o2 = { .jobs = 2, .vocab = &vocab.ids };
	corpus_load(&a, paths, 2, &o1);
	corpus_load(&b, paths, 2, &o2);
	assert_int_equal(a.n_cases, b.n_cases);
	for (size_t i = 0; i < a.n_cases; i++)
		assert_string_equal(a.cases[i]->id, b.cases[i]->id);
	assert_int_equal(a.diags.n, b.diags.n);
	for (size_t i = 0; i < a.diags.n; i++) {
		assert_string_equal(a.diags.v[i].msg, b.diags.v[i].msg);
		assert_int_equal(a.diags.v[i].line, b.diags.v[i].line);
	}
	corpus_free(&a);
	corpus_free(&b);
}

static const char *const minimal =
	"format: casewalk/1\nid: M1\nperson: {name: A}\n"
	"events:\n  - {date: 2001-01-01, type: entry, manner: admitted}\n";

/* Loads len bytes (NULs allowed) as one file. */
static size_t load_bytes(const char *buf, size_t len, struct load_file *res,
			 struct arena *out)
{
	struct arena scratch;
	arena_init(out, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	memset(res, 0, sizeof(*res));
	load_buffer("mem.yaml", 0, buf, len, &ylimits_default, &vocab.ids, out,
		    &scratch, res);
	arena_free(&scratch);
	return res->n_cases;
}

/* One code unit of `width` bytes at out + n; returns the new length. */
static size_t put_unit(char *out, size_t n, unsigned c, int width, bool big)
{
	for (int b = 0; b < width; b++)
		out[n++] = (char)(c >> (8 * (big ? width - 1 - b : b)));
	return n;
}

/* ASCII text in UTF-16 or UTF-32, either byte order, with or without a
 * byte order mark. */
static size_t encode(const char *text, int width, bool big, bool bom,
		     char *out)
{
	size_t n = bom ? put_unit(out, 0, 0xFEFF, width, big) : 0;
	for (const char *p = text; *p; p++)
		n = put_unit(out, n, (unsigned char)*p, width, big);
	return n;
}

/* UTF-16 and UTF-32 are refused at 1:1 without a source line (libyaml
 * reads UTF-16 with a BOM; the positions we give are in UTF-8); a UTF-8
 * BOM is accepted. */
static void test_foreign_encodings(void **state)
{
	(void)state;
	struct load_file res;
	struct arena out;
	char buf[1024], msg[64];
	for (int k = 0; k < 8; k++) {
		int width = k < 4 ? 2 : 4;
		size_t n = encode(minimal, width, k & 1, k & 2, buf);
		snprintf(msg, sizeof(msg), "UTF-%d is not supported; save the "
			 "file as UTF-8", width * 8);
		assert_int_equal(load_bytes(buf, n, &res, &out), 0);
		if (res.diags.n != 1 || !has_diag(&res.diags, 1, 1, msg)) {
			dump(&res.diags);
			fail_msg("UTF-%d, %s-endian, %s BOM: not refused at 1:1",
				 width * 8, k & 1 ? "big" : "little",
				 k & 2 ? "with a" : "no");
		}
		assert_null(res.diags.v[0].source);
		load_file_free(&res);
		arena_free(&out);
	}
	snprintf(buf, sizeof(buf), "\xEF\xBB\xBF%s", minimal);
	assert_int_equal(load_text(buf, NULL, &res, &out), 1);
	assert_int_equal(res.diags.n, 0);
	load_file_free(&res);
	arena_free(&out);
}

static void test_stream_one_bad_case_hides_nothing(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	char text[1024];
	snprintf(text, sizeof(text), "%s---\nformat: casewalk/1\nid: M2\n"
		 "person: {}\nevents: [{date: 2001-13-01, type: entry}]\n"
		 "---\n%s", minimal, minimal);
	/* the third document reuses M1: the loader keeps it (ids are
	 * checked across the corpus, not within a file's loader) */
	assert_int_equal(load_text(text, NULL, &r, &out), 2);
	assert_int_equal(r.n_docs, 3);
	assert_int_equal(r.n_bad_cases, 1);
	assert_true(has_diag(&r.diags, 10, 17, "month out of range"));
	load_file_free(&r);
	arena_free(&out);
}

static void test_all_problems_of_a_file_are_reported(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	const char *text =
		"format: casewalk/1\nid: bad id\nperson: {nmae: X, born: 2001-02-30}\n"
		"events:\n  - {date: 2001-01-01, type: entry, manner: swam}\n"
		"evnets: []\n";
	assert_int_equal(load_text(text, NULL, &r, &out), 0);
	assert_true(has_diag(&r.diags, 2, 5, "id must be"));
	assert_true(has_diag(&r.diags, 3, 10, "did you mean 'name'"));
	assert_true(has_diag(&r.diags, 3, 25, "day out of range"));
	assert_true(has_diag(&r.diags, 5, 45, "unknown manner 'swam'"));
	assert_true(has_diag(&r.diags, 6, 1, "unknown key 'evnets'"));
	assert_int_equal(r.diags.n_errors, 5);
	load_file_free(&r);
	arena_free(&out);
}

static void test_limits(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	struct ylimits lim = ylimits_default;
	char deep[200];
	/* nesting */
	lim.max_depth = 4;
	snprintf(deep, sizeof(deep), "x-a: [[[[[1]]]]]\n%s", minimal);
	assert_int_equal(load_text(deep, &lim, &r, &out), 0);
	assert_true(has_diag(&r.diags, 1, 9, "nesting deeper than 4"));
	load_file_free(&r);
	arena_free(&out);
	/* scalar length */
	lim = ylimits_default;
	lim.max_scalar = 8;
	assert_int_equal(load_text(minimal, &lim, &r, &out), 0);
	assert_true(has_diag(&r.diags, 0, 0, "longer than the limit"));
	load_file_free(&r);
	arena_free(&out);
	/* documents per stream */
	lim = ylimits_default;
	lim.max_docs = 1;
	char two[512];
	snprintf(two, sizeof(two), "%s---\n%s", minimal, minimal);
	assert_int_equal(load_text(two, &lim, &r, &out), 1);
	assert_true(has_diag(&r.diags, 6, 1, "more than 1 documents"));
	load_file_free(&r);
	arena_free(&out);
	/* aliases: refused beyond the limit, never expanded */
	lim = ylimits_default;
	lim.max_aliases = 2;
	assert_int_equal(load_text("x-a: &a [1]\nx-b: [*a, *a, *a]\n", &lim, &r,
				   &out), 0);
	assert_true(has_diag(&r.diags, 2, 15, "more than 2 aliases"));
	load_file_free(&r);
	arena_free(&out);
	/* errors per file */
	lim = ylimits_default;
	lim.max_errors = 3;
	assert_int_equal(load_text("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n", &lim, &r,
				   &out), 0);
	assert_true(has_diag(&r.diags, 0, 0, "too many errors (3)"));
	assert_true(r.diags.n <= 3);
	for (size_t i = 0; i < r.diags.n; i++)
		assert_non_null(r.diags.v[i].source);
	load_file_free(&r);
	arena_free(&out);
}

/* An error at the end of a file without its last newline is placed after
 * the last character, on a line that exists (with its source line). */
static void test_error_at_end_without_newline(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	assert_int_equal(load_text("format: casewalk/1\nid: \"abc", NULL, &r,
				   &out), 0);
	assert_true(has_diag(&r.diags, 2, 9, "unexpected end of stream"));
	assert_non_null(r.diags.v[0].source);
	load_file_free(&r);
	arena_free(&out);
}

static void test_empty_and_null_documents(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	assert_int_equal(load_text("", NULL, &r, &out), 0);
	assert_true(has_diag(&r.diags, 1, 1, "file holds no case"));
	load_file_free(&r);
	arena_free(&out);
	/* a bare --- between cases is skipped, not an error */
	char text[512];
	snprintf(text, sizeof(text), "---\n---\n%s", minimal);
	assert_int_equal(load_text(text, NULL, &r, &out), 1);
	assert_int_equal(r.diags.n, 0);
	load_file_free(&r);
	arena_free(&out);
}

static void test_xkeys_and_reduced_precision(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	const char *text =
		"format: casewalk/1\nid: X1\nx-office: {city: Fresno, n: [1, 2]}\n"
		"person: {born: 1975}\nevents:\n  - {date: 2001-06, type: entry}\n";
	assert_int_equal(load_text(text, NULL, &r, &out), 1);
	const struct cw_case *c = r.cases[0];
	assert_int_equal(c->n_xkeys, 1);
	assert_string_equal(c->xkeys[0].key, "x-office");
	assert_string_equal(c->xkeys[0].value, "{city: Fresno, n: [1, 2]}");
	assert_int_equal(c->person.born.prec, DATE_YEAR);
	assert_int_equal(c->events[0].date.prec, DATE_MONTH);
	load_file_free(&r);
	arena_free(&out);
}

/* ---- the 2026-12 revision ------------------------------------------------ */

/* The as-of date of the warning tests: the one the CLI goldens use. */
#define AS_OF date_ymd(2026, 11, 27)

/* Loads text as one file with as-of date as_of; returns the valid cases. */
static size_t load_as_of(const char *text, struct date as_of,
			 struct load_file *res, struct arena *out)
{
	struct arena scratch;
	struct load_opts o = { &ylimits_default, &vocab.ids, as_of, NULL };
	arena_init(out, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	memset(res, 0, sizeof(*res));
	load_buffer_opts("mem.yaml", 0, text, strlen(text), &o, out, &scratch,
			 res);
	arena_free(&scratch);
	return res->n_cases;
}

/* A warning (not an error) at line:col whose message is exactly msg. */
static void expect_warning(const struct diag_list *d, uint32_t line,
			   uint32_t col, const char *msg)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].line == line && d->v[i].col == col &&
		    !strcmp(d->v[i].msg, msg)) {
			assert_int_equal(d->v[i].severity, DIAG_WARNING);
			return;
		}
	dump(d);
	fail_msg("no warning at %u:%u: %s", line, col, msg);
}

/* text (a case whose person and events follow) loads, valid, with exactly
 * n warnings and no error. */
static const struct cw_case *load_warned(const char *body, size_t n,
					 struct load_file *r, struct arena *out)
{
	char text[2048];
	snprintf(text, sizeof(text), "format: casewalk/1\nid: W\n%s", body);
	if (load_as_of(text, AS_OF, r, out) != 1 || r->diags.n != n)
		dump(&r->diags);
	assert_int_equal(r->n_cases, 1);
	assert_int_equal(r->diags.n_errors, 0);
	assert_int_equal(r->diags.n_warnings, n);
	assert_int_equal(r->diags.n, n);
	return r->cases[0];
}

static const struct event *nth_event(const struct cw_case *c, int type,
				     int nth)
{
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == type && nth-- == 0)
			return &c->events[i];
	fail_msg("no event of type %s number %d",
		 enum_name(&event_type_def, type), nth);
	return NULL;
}

static void assert_date(struct date d, const char *want)
{
	char b[DATE_BUFSZ];
	assert_string_equal(date_format(d, b), want);
}

static void check_new_person_and_events(const struct cw_case *c)
{
	assert_date(c->person.married_on, "2015-06-20");
	const struct event *e = nth_event(c, EV_ENTRY, 0);
	assert_string_equal(e->visa_status, "J1");
	assert_int_equal(e->at_port, TRI_TRUE);
	assert_int_equal(e->j1_gme, TRI_TRUE);
	assert_int_equal(e->j1_212e, TRI_TRUE);
	assert_int_equal(e->j1_212e_met, TRI_FALSE);
	assert_date(e->program_end, "2011-06");
	assert_string_equal(nth_event(c, EV_ENTRY, 1)->visa_status,
			    "advance_parole");
	e = nth_event(c, EV_PETITION, 0);
	assert_int_equal(e->basis, PB_VAWA);
	assert_date(e->decided, "2011-01-10");
	assert_int_equal(e->petitioner, PET_EMPLOYER);
	assert_int_equal(e->approvable, TRI_TRUE);
	assert_date(e->priority_date, "2010-02");
	e = nth_event(c, EV_STATUS_ENDED, 0);
	assert_string_equal(e->ended, "parole");
	assert_int_equal(e->reason, END_TERMINATED);
	e = nth_event(c, EV_ENCOUNTER, 0);
	assert_int_equal(e->near_border, TRI_TRUE);
	assert_int_equal(e->between_ports, TRI_FALSE);
	assert_int_equal(e->at_port, TRI_TRUE);
	assert_int_equal(e->detained, TRI_TRUE);
	assert_date(nth_event(c, EV_NTA_SERVED, 0)->hearing_date, "2027-02-01");
	assert_date(nth_event(c, EV_HEARING_NOTICE, 0)->hearing_date,
		    "2012-06-01");
	e = nth_event(c, EV_HEARING, 1);
	assert_int_equal(e->scheduled, TRI_TRUE);
	assert_int_equal(e->appeared, TRI_UNSET);
	assert_int_equal(e->minute, 9 * 60 + 30);
	assert_string_equal(e->court, "San Francisco, 630 Sansome St.");
	assert_int_equal(nth_event(c, EV_HEARING, 0)->scheduled, TRI_UNSET);
	assert_int_equal(nth_event(c, EV_HEARING, 0)->minute, -1);
	assert_null(nth_event(c, EV_HEARING, 0)->court);
}

static void check_new_events_2(const struct cw_case *c)
{
	const struct event *e = nth_event(c, EV_MOTION, 0);
	assert_int_equal(e->basis, MB_NO_NOTICE);
	assert_date(e->decided, "2012-09-15");
	assert_int_equal(e->filed_with, TRIB_IJ);
	e = nth_event(c, EV_MISREPRESENTATION, 0);
	assert_int_equal(e->kind, MR_FALSE_CLAIM);
	assert_int_equal(e->purpose, MP_EMPLOYMENT);
	assert_int_equal(e->willful, TRI_FALSE);
	assert_int_equal(e->material, TRI_TRUE);
	assert_int_equal(e->retracted_timely, TRI_TRUE);
	assert_int_equal(e->exception_usc_parents, TRI_TRUE);
	e = nth_event(c, EV_APPLICATION, 0);
	assert_int_equal(e->relief, REL_WAIVER_I601A);
	assert_int_equal(e->timely, TRI_TRUE);
	assert_int_equal(e->nonfrivolous, TRI_FALSE);
	e = nth_event(c, EV_DECISION, 1);
	assert_int_equal(e->relief, REL_CONSENT_I212);
	assert_int_equal(e->conditional, TRI_TRUE);
	assert_int_equal(nth_event(c, EV_DECISION, 0)->conditional, TRI_UNSET);
	e = nth_event(c, EV_DEPARTURE, 0);
	assert_int_equal(e->kind, DK_CBP_HOME);
	assert_int_equal(e->abandoned_residence, TRI_TRUE);
	assert_string_equal(e->country, "GT");
}

static void check_new_records(const struct cw_case *c)
{
	const struct offense *o = &c->offenses[0];
	assert_int_equal(o->suspended_days, 300);
	assert_int_equal(o->cls[CLS_SEXUAL_ABUSE], TRI_FALSE);
	assert_int_equal(o->cls[CLS_BURGLARY], TRI_TRUE);
	assert_int_equal(o->cls[CLS_GANG_ELEMENT], TRI_FALSE);
	assert_int_equal(o->cls[CLS_MINOR_TRAFFIC], TRI_FALSE);
	assert_int_equal(o->cls[CLS_STATUS_OFFENSE], TRI_TRUE);
	assert_int_equal(o->cls[CLS_CIMT], TRI_UNSET);
	assert_int_equal(c->relatives[0].relation, RELN_SIBLING);
	assert_int_equal(c->relatives[0].petitioner, TRI_TRUE);
	assert_int_equal(c->relatives[1].petitioner, TRI_FALSE);
	const struct claims *cl = &c->claims;
	assert_int_equal(cl->vawa_self_petitioner, TRI_TRUE);
	assert_int_equal(cl->abuse_connection_overstay, TRI_TRUE);
	assert_int_equal(cl->abuse_central_vd, TRI_FALSE);
	assert_int_equal(cl->abuse_connection_reentry, TRI_TRUE);
	assert_int_equal(cl->trafficking_central_reason, TRI_FALSE);
	assert_int_equal(cl->asylum_exception, AE_EXTRAORDINARY);
	assert_date(cl->asylum_exception_date, "2013-09");
	assert_int_equal(cl->marriage_fraud_found, TRI_FALSE);
	assert_true(c->has_employment);
	assert_int_equal(c->n_employment, 2);
	assert_date(c->employment[0].from, "2009-01-01");
	assert_date(c->employment[0].to, "2010-12-31");
	assert_int_equal(c->employment[0].authorized, TRI_FALSE);
	assert_string_equal(c->employment[0].note, "kitchen, cash");
	assert_int_equal(c->employment[0].pos.line, 69);
	assert_date(c->employment[1].from, "2016-04");
	assert_false(date_known(c->employment[1].to));
	assert_int_equal(c->employment[1].authorized, TRI_TRUE);
	assert_null(c->employment[1].note);
	assert_int_equal(c->way_back.category, WB_FAMILY_PREFERENCE);
	assert_date(c->way_back.departure, "2027-03-01");
	assert_int_equal(c->way_back.petitioner, RELN_SIBLING);
}

/* tests/data/all-new-keys.yaml holds every new key: it loads without a
 * problem (its scheduled hearing and hearing_date after the as-of date
 * draw no warning) and each field holds the file's value. */
static void test_every_new_key_loads(void **state)
{
	(void)state;
	struct load_file res = { 0 };
	struct arena out, scratch;
	struct outbuf text = { NULL, 0, 0 };
	struct load_opts o = { &ylimits_default, &vocab.ids, AS_OF, NULL };
	arena_init(&out, 0);
	arena_init(&scratch, 0);
	load_file_at(AT_FDCWD, "tests/data/all-new-keys.yaml",
		     "tests/data/all-new-keys.yaml", 0, &o, &out, &scratch,
		     &text, &res);
	if (res.diags.n)
		dump(&res.diags);
	assert_int_equal(res.diags.n, 0);
	assert_int_equal(res.n_cases, 1);
	const struct cw_case *c = res.cases[0];
	assert_int_equal(c->n_events, 17);
	check_new_person_and_events(c);
	check_new_events_2(c);
	check_new_records(c);
	load_file_free(&res);
	ob_free(&text);
	arena_free(&out);
	arena_free(&scratch);
}

/* employment absent, null and empty: only a sequence says "recorded". */
static void test_employment_presence(void **state)
{
	(void)state;
	static const char *const bodies[] = { "", "employment:\n",
					      "employment: []\n" };
	static const bool present[] = { false, false, true };
	for (int i = 0; i < 3; i++) {
		struct load_file r;
		struct arena out;
		char text[512];
		snprintf(text, sizeof(text), "%s%s", minimal, bodies[i]);
		assert_int_equal(load_as_of(text, AS_OF, &r, &out), 1);
		assert_int_equal(r.cases[0]->has_employment, present[i]);
		assert_int_equal(r.cases[0]->n_employment, 0);
		load_file_free(&r);
		arena_free(&out);
	}
}

/* The person's dates: each warning at the later of its two values in the
 * file, the case still loaded. */
static void test_warnings_person(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	const struct cw_case *c = load_warned(
		"person:\n  lpr_since: 1999-12-31\n  born: 2000-01-01\n"
		"  married_on: 2011-12-31\n"
		"events:\n  - {date: 1999-06, type: entry}\n", 3, &r, &out);
	expect_warning(&r.diags, 5, 9, "lpr_since before the birth date: "
		       "lpr_since 1999-12-31, born 2000-01-01");
	expect_warning(&r.diags, 6, 15, "married_on before the 12th birthday: "
		       "married_on 2011-12-31, born 2000-01-01");
	expect_warning(&r.diags, 8, 12, "birth date after an event: born "
		       "2000-01-01, entry on 1999-06");
	assert_int_equal(c->n_events, 1);
	assert_date(c->person.born, "2000-01-01");
	load_file_free(&r);
	arena_free(&out);
	/* a birth after the as-of date; married on the 12th birthday is
	 * not warned */
	load_warned("person: {born: 2026-11-28, married_on: 2038-11-28}\n"
		    "events: []\n", 1, &r, &out);
	expect_warning(&r.diags, 3, 16, "birth date in the future: born "
		       "2026-11-28, after the as-of date 2026-11-27");
	load_file_free(&r);
	arena_free(&out);
}

/* Events after the as-of date warn, but for a scheduled hearing and a
 * notice's hearing_date; a decided before the motion's or petition's
 * date; a status found violated or ended before the first entry. */
static void test_warnings_events(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	load_warned("person: {}\nevents:\n"
		    "  - {date: 2005-03-01, type: status_ended, status: parole}\n"
		    "  - {date: 2005-04-01, type: entry, manner: paroled}\n"
		    "  - {date: 2004-12, type: status_violation_found}\n"
		    "  - {date: 2010-05-05, type: motion, decided: 2010-05-04}\n"
		    "  - {date: 2010-05-05, type: petition, decided: 2010-05}\n"
		    "  - {date: 2020-01-01, type: nta_served, hearing_date: 2027-01-01}\n"
		    "  - {date: 2027-01-01, type: hearing, scheduled: true}\n"
		    "  - {date: 2026-11-27, type: hearing}\n"
		    "  - {date: 2026-11-28, type: hearing}\n"
		    "  - {date: 2026-12, type: hearing, scheduled: false}\n"
		    "  - {date: 2026, type: departure}\n", 5, &r, &out);
	/* the entry is later in the file than the status_ended */
	expect_warning(&r.diags, 6, 12, "status_ended before the first entry: "
		       "status_ended on 2005-03-01, first entry on 2005-04-01");
	expect_warning(&r.diags, 7, 12, "status_violation_found before the "
		       "first entry: status_violation_found on 2004-12, first "
		       "entry on 2005-04-01");
	expect_warning(&r.diags, 8, 47, "decided before the date of the motion: "
		       "decided 2010-05-04, motion on 2010-05-05");
	expect_warning(&r.diags, 13, 12, "event after the as-of date (left out "
		       "of the evaluation): hearing on 2026-11-28, as of "
		       "2026-11-27");
	expect_warning(&r.diags, 14, 12, "event after the as-of date (left out "
		       "of the evaluation): hearing on 2026-12, as of "
		       "2026-11-27");
	/* not warned: the petition's decided 2010-05 (it may be 2010-05-05
	 * or later), the notice's hearing_date and the scheduled hearing
	 * after the as-of date, a hearing on it, a departure of 2026 (it
	 * may be before it) */
	load_file_free(&r);
	arena_free(&out);
}

/* Relatives of impossible age and an offense convicted before it was
 * committed, each compared by interval (a month or year of which some day
 * is plausible is not warned). */
static void test_warnings_relatives_offenses(void **state)
{
	(void)state;
	struct load_file r;
	struct arena out;
	const struct cw_case *c = load_warned("person:\n  born: 1980-06-15\n"
		"events: []\nrelatives:\n"
		"  - {relation: child, born: 1979}\n"
		"  - {relation: child, born: 1992-06}\n"
		"  - {relation: child, born: 1992-05}\n"
		"  - {relation: child, born: 1992-06-15}\n"
		"  - {relation: parent, born: 1981}\n"
		"  - {relation: parent, born: 1969}\n"
		"  - {relation: parent, born: 1968}\n"
		"  - {relation: spouse, status_since: 1978, born: 1979-01-01}\n"
		"offenses:\n"
		"  - {charge: theft, date: 2012-03-04, conviction_date: 2012-03}\n"
		"  - {charge: theft, conviction_date: 2012-02, date: 2012-03-04}\n",
		6, &r, &out);
	expect_warning(&r.diags, 7, 29, "child born before the parent: the "
		       "child born 1979, the person born 1980-06-15");
	expect_warning(&r.diags, 9, 29, "parent under 12 at the birth: the "
		       "child born 1992-05, the person born 1980-06-15");
	expect_warning(&r.diags, 11, 30, "child born before the parent: the "
		       "parent born 1981, the person born 1980-06-15");
	expect_warning(&r.diags, 12, 30, "parent under 12 at the birth: the "
		       "parent born 1969, the person born 1980-06-15");
	expect_warning(&r.diags, 14, 50, "status_since before the relative's "
		       "birth date: status_since 1978, born 1979-01-01");
	expect_warning(&r.diags, 17, 53, "conviction_date before the offense "
		       "date: conviction_date 2012-02, date 2012-03-04");
	assert_int_equal(c->n_relatives, 8);
	assert_int_equal(c->n_offenses, 2);
	load_file_free(&r);
	arena_free(&out);
}

/* The interval rule both ways, on one pair: an entry in a month wholly
 * before the birth warns, one in the month of the birth does not; so for
 * a person born in a year the entry of that year does not. */
static void test_warnings_reduced_precision(void **state)
{
	(void)state;
	static const struct {
		const char *born, *entry;
		size_t n;
	} t[] = {
		{ "2000-03-15", "2000-02", 1 }, { "2000-03-15", "2000-03", 0 },
		{ "2000", "2000-01-01", 0 }, { "2000", "1999-12", 1 },
		{ "2000-03", "2000-03-01", 0 }, { "2000-03", "2000-02-29", 1 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct load_file r;
		struct arena out;
		char body[256], msg[128];
		snprintf(body, sizeof(body), "person: {born: %s}\nevents:\n"
			 "  - {date: %s, type: entry}\n", t[i].born, t[i].entry);
		load_warned(body, t[i].n, &r, &out);
		snprintf(msg, sizeof(msg), "birth date after an event: born %s, "
			 "entry on %s", t[i].born, t[i].entry);
		if (t[i].n)
			expect_warning(&r.diags, 5, 12, msg);
		load_file_free(&r);
		arena_free(&out);
	}
}

/* corpus_opts.as_of reaches the loader; DATE_NONE is today
 * ($CASEWALK_TODAY); warnings keep the case and make no file bad. */
static void test_as_of_reaches_the_loader(void **state)
{
	(void)state;
	char dir[] = "/tmp/casewalk-asof.XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/f.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("format: casewalk/1\nid: F1\nperson: {}\nevents:\n"
	      "  - {date: 2026-11-28, type: encounter}\n", f);
	fclose(f);
	char *paths[] = { path };
	static const struct { const char *as_of; size_t n; } t[] = {
		{ "2026-11-27", 1 }, { "2026-11-28", 0 }, { NULL, 1 },
	};
	assert_int_equal(setenv("CASEWALK_TODAY", "2026-11-27", 1), 0);
	for (size_t i = 0; i < 3; i++) {
		struct corpus c;
		struct corpus_opts o = { .jobs = 2, .vocab = &vocab.ids };
		const char *err;
		if (t[i].as_of)
			assert_true(date_parse(t[i].as_of, 10, &o.as_of, &err));
		corpus_load(&c, paths, 1, &o);
		assert_int_equal(c.n_cases, 1);
		assert_int_equal(c.diags.n_errors, 0);
		assert_int_equal(c.diags.n_warnings, t[i].n);
		assert_int_equal(c.n_files_with_errors, 0);
		assert_int_equal(c.n_bad_cases, 0);
		if (t[i].n)
			assert_true(has_diag(&c.diags, 5, 12, "event after the "
					     "as-of date"));
		corpus_free(&c);
	}
	unsetenv("CASEWALK_TODAY");
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A file's new text checked as loading it with the rest would check it
 * (the explorer's edits): the size limit, the loader, ids used twice in
 * the text or by another file; its own ids are its own. */
static void test_check_text_against_the_corpus(void **state)
{
	(void)state;
	struct corpus c;
	char *paths[] = { "testdata/cases/e01-ana-180-days.yaml",
			  "testdata/cases/e02-bruno-181-days.yaml" };
	const char *file = paths[0];
	struct corpus_opts o = { .jobs = 1, .vocab = &vocab.ids };
	struct diag_list d = { 0 };
	struct arena out;
	char text[1024];
	corpus_load(&c, paths, 2, &o);
	arena_init(&out, 4096);
	assert_int_equal(c.n_cases, 2);
	/* its own id, and a new one */
	snprintf(text, sizeof(text), "format: casewalk/1\nid: E01\n%s",
		 strstr(minimal, "person:"));
	assert_int_equal(corpus_check_text(&c, file, text, strlen(text), &o,
					   &out, &d), 1);
	assert_int_equal(d.n, 0);
	/* ... under another name of the same file */
	char *real = realpath(file, NULL);
	assert_non_null(real);
	assert_int_equal(corpus_check_text(&c, real, text, strlen(text), &o,
					   &out, &d), 1);
	assert_int_equal(d.n, 0);
	free(real);
	/* another file's id */
	snprintf(text, sizeof(text), "format: casewalk/1\nid: E02\n%s",
		 strstr(minimal, "person:"));
	assert_int_equal(corpus_check_text(&c, file, text, strlen(text), &o,
					   &out, &d), 0);
	assert_true(has_diag(&d, 2, 5, "duplicate id 'E02' (also at "
			     "testdata/cases/e02-bruno-181-days.yaml:"));
	assert_non_null(d.v[0].source);
	assert_string_equal(d.v[0].source, "id: E02");
	diag_free(&d);
	/* one id twice in the text: both places, each naming the other */
	snprintf(text, sizeof(text), "%s---\n%s", minimal, minimal);
	assert_int_equal(corpus_check_text(&c, file, text, strlen(text), &o,
					   &out, &d), 0);
	assert_int_equal(d.n_errors, 2);
	assert_true(has_diag(&d, 2, 5, "duplicate id 'M1' (also at "
			     "testdata/cases/e01-ana-180-days.yaml:8:5)"));
	assert_true(has_diag(&d, 8, 5, "duplicate id 'M1' (also at "
			     "testdata/cases/e01-ana-180-days.yaml:2:5)"));
	diag_free(&d);
	/* a text with no valid case: the loader's errors */
	snprintf(text, sizeof(text), "format: casewalk/1\nid: [E01]\n%s",
		 strstr(minimal, "person:"));
	assert_int_equal(corpus_check_text(&c, file, text, strlen(text), &o,
					   &out, &d), 0);
	assert_true(d.n_errors >= 1);
	diag_free(&d);
	/* over the size limit: refused before reading, as a file is */
	struct ylimits small = ylimits_default;
	small.max_file_size = 1u << 20;
	o.limits = &small;
	char *big = malloc((1u << 20) + 64);
	assert_non_null(big);
	memset(big, '#', (1u << 20) + 64);
	memcpy(big, minimal, strlen(minimal));
	assert_int_equal(corpus_check_text(&c, file, big, (1u << 20) + 64, &o,
					   &out, &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "file is larger than the limit of 1 MiB");
	free(big);
	diag_free(&d);
	arena_free(&out);
	corpus_free(&c);
}

/* A scratch directory tree for the listing tests. */
static char tmpdir[64];

static void touch(const char *rel, const char *text)
{
	char p[256];
	snprintf(p, sizeof(p), "%s/%s", tmpdir, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_listing_order_dotfiles_links_fifos(void **state)
{
	(void)state;
	char p[256], q[256];
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/cw-test-load-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	snprintf(p, sizeof(p), "%s/sub", tmpdir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/.hidden", tmpdir);
	assert_int_equal(mkdir(p, 0700), 0);
	touch("b.yaml", minimal);
	touch("a.yml", minimal);
	touch(".dot.yaml", minimal);
	touch("notes.txt", "not a case");
	touch("sub/c.yaml", minimal);
	touch(".hidden/d.yaml", minimal);
	/* a directory link to its own parent: a loop if followed */
	snprintf(p, sizeof(p), "%s/sub/loop", tmpdir);
	assert_int_equal(symlink("..", p), 0);
	/* a FIFO named like a case: must not block */
	snprintf(q, sizeof(q), "%s/fifo.yaml", tmpdir);
	assert_int_equal(mkfifo(q, 0600), 0);
	struct diag_list d = { 0 };
	struct arena a;
	size_t n;
	arena_init(&a, 4096);
	char *paths[] = { tmpdir };
	char **files = corpus_list_files(paths, 1, &n, &d, &a);
	/* listing does not stat: the FIFO is listed by its name and refused
	 * when it is opened (below); dot-files, dot-directories, other
	 * names and the link loop are not */
	assert_int_equal(n, 4);
	snprintf(p, sizeof(p), "%s/a.yml", tmpdir);
	assert_string_equal(files[0], p);
	snprintf(p, sizeof(p), "%s/b.yaml", tmpdir);
	assert_string_equal(files[1], p);
	assert_string_equal(files[2], q);
	snprintf(p, sizeof(p), "%s/sub/c.yaml", tmpdir);
	assert_string_equal(files[3], p);
	assert_int_equal(d.n, 0);
	free(files);
	diag_free(&d);
	arena_free(&a);
	/* the directory loads: three cases, the FIFO refused without
	 * blocking */
	struct corpus all;
	corpus_load(&all, paths, 1, NULL);
	assert_int_equal(all.n_files, 4);
	assert_true(has_diag(&all.diags, 0, 0, "not a regular file"));
	corpus_free(&all);
	/* given directly, the FIFO is refused, not opened for a blocking read */
	struct corpus c;
	char *fifo[] = { q };
	corpus_load(&c, fifo, 1, NULL);
	assert_int_equal(c.n_cases, 0);
	assert_true(has_diag(&c.diags, 0, 0, "not a regular file"));
	corpus_free(&c);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
}

static void test_duplicate_ids_keep_both_out(void **state)
{
	(void)state;
	struct corpus c;
	char *paths[] = { "testdata/bad/28-dup-id-a.yaml",
			  "testdata/bad/29-dup-id-b.yaml",
			  "testdata/cases/e01-ana-180-days.yaml" };
	corpus_load(&c, paths, 3, NULL);
	assert_int_equal(c.n_cases, 1);
	assert_null(corpus_find(&c, "DUP1"));
	assert_non_null(corpus_find(&c, "E01"));
	assert_int_equal(c.diags.n_errors, 2);
	assert_true(has_diag(&c.diags, 3, 5, "also at testdata/bad/29-dup-id-b.yaml:3:5"));
	assert_true(has_diag(&c.diags, 3, 5, "also at testdata/bad/28-dup-id-a.yaml:3:5"));
	corpus_free(&c);
}

/* corpus_opts.each: what it keeps of each case, in `keep`. */
struct seen {
	uint32_t n_events;
	char id[32];
};

static atomic_size_t dirty_tmp;

/* Runs on the loading threads: no cmocka assertion here. */
static void *note_case(void *ctx, const struct cw_case *c, struct arena *keep,
		       struct arena *tmp)
{
	atomic_size_t *calls = ctx;
	atomic_fetch_add(calls, 1);
	/* tmp is the hook's own and empty at each call */
	if (tmp->total)
		atomic_fetch_add(&dirty_tmp, 1);
	arena_alloc(tmp, 100);
	struct seen *s = arena_zalloc(keep, sizeof(*s));
	s->n_events = c->n_events;
	snprintf(s->id, sizeof(s->id), "%s", c->id);
	return s;
}

/* With stubs, every case of a clean file keeps its id, file, positions,
 * name and tags only; files with problems keep theirs whole; the result
 * is otherwise the same as a full load, and load_case_again gives back
 * each case in full. */
static void test_stubs_and_each(void **state)
{
	(void)state;
	struct corpus full, st;
	char *paths[] = { "testdata/cases", "testdata/bad" };
	atomic_size_t calls;
	atomic_init(&calls, 0);
	struct corpus_opts o1 = { .jobs = 2, .vocab = &vocab.ids };
	struct corpus_opts o2 = { .jobs = 2, .vocab = &vocab.ids,
				  .stubs = true, .each = note_case,
				  .each_ctx = &calls };
	corpus_load(&full, paths, 2, &o1);
	corpus_load(&st, paths, 2, &o2);
	assert_int_equal(full.n_cases, st.n_cases);
	/* every valid case was seen, the duplicates dropped later too */
	assert_true(atomic_load(&calls) >= st.n_cases);
	assert_int_equal(atomic_load(&dirty_tmp), 0);
	size_t stubs = 0, whole = 0;
	struct arena a;
	arena_init(&a, 0);
	for (size_t i = 0; i < full.n_cases; i++) {
		const struct cw_case *f = full.cases[i], *s = st.cases[i];
		const struct seen *seen = s->user;
		assert_non_null(seen);
		assert_string_equal(seen->id, f->id);
		assert_int_equal(seen->n_events, f->n_events);
		assert_null(f->user);
		assert_string_equal(s->id, f->id);
		assert_string_equal(s->file, f->file);
		assert_int_equal(s->pos.line, f->pos.line);
		assert_int_equal(s->id_pos.col, f->id_pos.col);
		assert_int_equal(s->doc_index, f->doc_index);
		if (f->person.name)
			assert_string_equal(s->person.name, f->person.name);
		else
			assert_null(s->person.name);
		assert_int_equal(s->n_tags, f->n_tags);
		for (uint32_t k = 0; k < f->n_tags; k++)
			assert_true(case_has_tag(s, f->tags[k]));
		/* and what the same-person check compares (sameperson.h) */
		if (f->person.a_number)
			assert_string_equal(s->person.a_number, f->person.a_number);
		else
			assert_null(s->person.a_number);
		assert_int_equal(date_lo(s->person.born), date_lo(f->person.born));
		assert_int_equal(s->person.a_number_pos.line,
				 f->person.a_number_pos.line);
		assert_int_equal(s->n_same_person_as, f->n_same_person_as);
		for (uint32_t k = 0; k < f->n_same_person_as; k++)
			assert_string_equal(s->same_person_as[k],
					    f->same_person_as[k]);
		if (s->stub) {
			stubs++;
			assert_int_equal(s->n_events, 0);
			assert_int_equal(s->n_offenses, 0);
		} else {
			whole++;        /* a file with a problem */
			assert_int_equal(s->n_events, f->n_events);
		}
		const char *why = NULL;
		struct cw_case *again = load_case_again(s, &ylimits_default,
							&vocab.ids, &a, &why);
		assert_non_null(again);
		assert_false(again->stub);
		assert_ptr_equal(again->user, s->user);
		assert_int_equal(again->n_events, f->n_events);
		assert_int_equal(again->n_offenses, f->n_offenses);
		for (uint32_t k = 0; k < f->n_events; k++)
			assert_int_equal(again->events[k].type, f->events[k].type);
		arena_reset(&a);
	}
	assert_true(stubs >= 40);
	assert_true(whole >= 1);        /* the valid cases of bad streams */
	assert_int_equal(full.diags.n, st.diags.n);
	for (size_t i = 0; i < full.diags.n; i++) {
		assert_string_equal(full.diags.v[i].msg, st.diags.v[i].msg);
		assert_string_equal(full.diags.v[i].file, st.diags.v[i].file);
		assert_int_equal(full.diags.v[i].line, st.diags.v[i].line);
	}
	assert_non_null(corpus_find(&st, "E06a"));
	corpus_free(&full);
	corpus_free(&st);
	arena_free(&a);
}

/* A case whose file changed: load_case_again says why it cannot. */
static void test_load_case_again_after_a_change(void **state)
{
	(void)state;
	char dir[] = "/tmp/casewalk-again.XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/m.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(minimal, f);
	fclose(f);
	struct corpus c;
	char *paths[] = { dir };
	struct corpus_opts o = { .stubs = true, .vocab = &vocab.ids };
	corpus_load(&c, paths, 1, &o);
	assert_int_equal(c.n_cases, 1);
	assert_true(c.cases[0]->stub);
	struct arena a;
	arena_init(&a, 0);
	const char *why = NULL;
	assert_non_null(load_case_again(c.cases[0], &ylimits_default,
					&vocab.ids, &a, &why));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("format: casewalk/1\nid: M2\n", f);
	fclose(f);
	assert_null(load_case_again(c.cases[0], &ylimits_default, &vocab.ids,
				    &a, &why));
	assert_non_null(why);
	assert_int_equal(unlink(path), 0);
	why = NULL;
	assert_null(load_case_again(c.cases[0], &ylimits_default, &vocab.ids,
				    &a, &why));
	assert_non_null(why);
	assert_int_equal(rmdir(dir), 0);
	arena_free(&a);
	corpus_free(&c);
}

/* Files are opened from their directory (corpus.c keeps it open): a bare
 * name, an absolute path, a path into a subdirectory, and the root of the
 * file system's name form all load, and messages keep the path given. */
static void test_open_from_directory(void **state)
{
	(void)state;
	char dir[] = "/tmp/casewalk-dirfd.XXXXXX", path[96], cwd[4096];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/sub/m.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(minimal, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/bad.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("format: casewalk/1\nid: [\n", f);
	fclose(f);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	char *paths[] = { "sub/m.yaml", "bad.yaml", path, dir };
	struct corpus c;
	struct corpus_opts o = { .vocab = &vocab.ids, .jobs = 2 };
	corpus_load(&c, paths, 4, &o);
	/* sub/m.yaml and dir/sub/m.yaml: the same id twice */
	assert_int_equal(c.n_files, 5);
	assert_true(has_diag(&c.diags, 2, 5, "duplicate id 'M1'"));
	bool rel = false, abs_bad = false;
	for (size_t i = 0; i < c.diags.n; i++) {
		rel |= !strcmp(c.diags.v[i].file, "bad.yaml");
		abs_bad |= !strcmp(c.diags.v[i].file, path);
	}
	assert_true(rel && abs_bad);
	corpus_free(&c);
	/* a name that is only a file name: the current directory */
	struct load_file res = { 0 };
	struct arena out, scratch;
	struct outbuf text = { NULL, 0, 0 };
	arena_init(&out, 0);
	arena_init(&scratch, 0);
	int fd = open("sub", O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	struct load_opts lo = { &ylimits_default, &vocab.ids, DATE_NONE_INIT, NULL };
	load_file_at(fd, "m.yaml", "shown/as.yaml", 0, &lo, &out, &scratch,
		     &text, &res);
	close(fd);
	assert_int_equal(res.n_cases, 1);
	assert_string_equal(res.cases[0]->file, "shown/as.yaml");
	load_file_free(&res);
	ob_free(&text);
	arena_free(&out);
	arena_free(&scratch);
	assert_int_equal(chdir(cwd), 0);
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_files_expected_positions),
		cmocka_unit_test(test_sample_corpus_is_clean),
		cmocka_unit_test(test_jobs_do_not_change_the_result),
		cmocka_unit_test(test_foreign_encodings),
		cmocka_unit_test(test_stream_one_bad_case_hides_nothing),
		cmocka_unit_test(test_all_problems_of_a_file_are_reported),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_error_at_end_without_newline),
		cmocka_unit_test(test_empty_and_null_documents),
		cmocka_unit_test(test_xkeys_and_reduced_precision),
		cmocka_unit_test(test_every_new_key_loads),
		cmocka_unit_test(test_employment_presence),
		cmocka_unit_test(test_warnings_person),
		cmocka_unit_test(test_warnings_events),
		cmocka_unit_test(test_warnings_relatives_offenses),
		cmocka_unit_test(test_warnings_reduced_precision),
		cmocka_unit_test(test_as_of_reaches_the_loader),
		cmocka_unit_test(test_listing_order_dotfiles_links_fifos),
		cmocka_unit_test(test_duplicate_ids_keep_both_out),
		cmocka_unit_test(test_check_text_against_the_corpus),
		cmocka_unit_test(test_stubs_and_each),
		cmocka_unit_test(test_load_case_again_after_a_change),
		cmocka_unit_test(test_open_from_directory),
	};
	return cmocka_run_group_tests_name("load", tests, setup, teardown);
}
