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
		if (s->stub) {
			stubs++;
			assert_int_equal(s->n_events, 0);
			assert_null(s->person.a_number);
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
	load_file_at(fd, "m.yaml", "shown/as.yaml", 0, &ylimits_default,
		     &vocab.ids, &out, &scratch, &text, &res);
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
		cmocka_unit_test(test_listing_order_dotfiles_links_fifos),
		cmocka_unit_test(test_duplicate_ids_keep_both_out),
		cmocka_unit_test(test_check_text_against_the_corpus),
		cmocka_unit_test(test_stubs_and_each),
		cmocka_unit_test(test_load_case_again_after_a_change),
		cmocka_unit_test(test_open_from_directory),
	};
	return cmocka_run_group_tests_name("load", tests, setup, teardown);
}
