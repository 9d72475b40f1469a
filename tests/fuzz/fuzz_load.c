/* fuzz_load.c - libFuzzer target for the case loader (load_buffer), and for
 * the assessment of whatever it accepts.
 *
 * Each input is loaded as a case file twice: under ylimits_default with the
 * built-in offense vocabulary, and under small limits with no vocabulary
 * (so that depth, scalar, document, alias and error limits are all reached
 * by small inputs).  Besides the sanitizers (a crash, a leak, a hang) it
 * checks what load.h, ytree.h and diag.h promise, and traps when it fails:
 *   - every diagnostic is of this file, has a message, a position inside
 *     the text (or none) and its source line; printed by diag_print it is
 *     valid UTF-8 with no control, C1 or bidi character but the newlines;
 *   - no more errors than max_errors; a file without errors yields at least
 *     one case and drops none; a dropped case has an error;
 *   - every case loaded has a valid id, known dates, events of known types
 *     sorted by date then file order;
 *   - the first valid cases are assessed with the built-in rules (facts.c
 *     and assess.c see hostile but valid cases) and the results are in
 *     range; the brief assessment (`assess`, `stats`) agrees with the full
 *     one; the facts of both sides come back from factpack.h exactly; a
 *     case's stub keeps its id, name, place and tags.
 *
 *   tests/fuzz.sh smoke fuzz_load      (builds build-fuzz/fuzz_load)
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "assess.h"
#include "factpack.h"
#include "load.h"
#include "rules.h"
#include "vocab.h"
#include "fuzz_util.h"

#define FILE_NAME "fuzz.yaml"
#define MAX_ASSESS 4

static const struct ylimits small_limits = {
	.max_file_size = 1 << 20,
	.max_depth = 4,
	.max_scalar = 32,
	.max_docs = 3,
	.max_aliases = 1,
	.max_errors = 3,
};

static bool id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n < 1 || n > 64)
		return false;
	return strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		      "0123456789._-") == n;
}

static bool date_ok(struct date d)
{
	switch (d.prec) {
	case DATE_NONE: return true;
	case DATE_YEAR: return d.y >= 1000 && d.y <= 9999 && !d.m && !d.d;
	case DATE_MONTH: return d.y >= 1000 && d.y <= 9999 && d.m >= 1 &&
				d.m <= 12 && !d.d;
	case DATE_DAY: return d.y >= 1000 && d.y <= 9999 &&
			      date_valid_ymd(d.y, d.m, d.d);
	}
	return false;
}

static void check_case(const struct cw_case *c)
{
	CHECK(c->id && id_ok(c->id));
	CHECK(c->file && !strcmp(c->file, FILE_NAME));
	CHECK(date_ok(c->person.born) && date_ok(c->person.lpr_since) &&
	      date_ok(c->person.married_on));
	CHECK(c->n_employment == 0 || (c->employment && c->has_employment));
	for (uint32_t i = 0; i < c->n_employment; i++)
		CHECK(date_known(c->employment[i].from) &&
		      date_ok(c->employment[i].from) &&
		      date_ok(c->employment[i].to) &&
		      c->employment[i].authorized != TRI_UNSET);
	CHECK(date_ok(c->way_back.departure) &&
	      date_ok(c->claims.asylum_exception_date));
	CHECK(!c->person.nationality || strlen(c->person.nationality) == 2);
	CHECK(c->n_events == 0 || c->events);
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		CHECK(e->type >= 0 && e->type < EV__COUNT);
		CHECK(date_known(e->date) && date_ok(e->date));
		CHECK(date_ok(e->depart_by) && date_ok(e->filed) &&
		      date_ok(e->until) && date_ok(e->bond_posted) &&
		      date_ok(e->authorized_until) && date_ok(e->hearing_date) &&
		      date_ok(e->priority_date));
		CHECK(!(e->type == EV_HEARING && e->scheduled == TRI_TRUE) ||
		      (e->appeared == TRI_UNSET && e->absence_reason < 0));
		if (i) {
			const struct event *p = &c->events[i - 1];
			int k = date_cmp(p->date, e->date);
			CHECK(k < 0 || (k == 0 && p->order < e->order));
		}
	}
	for (uint32_t i = 0; i < c->n_offenses; i++)
		CHECK(c->offenses[i].charge != NULL);
	for (uint32_t i = 0; i < c->n_relatives; i++)
		CHECK(c->relatives[i].relation >= 0 &&
		      c->relatives[i].relation < RELN__COUNT);
	for (uint32_t i = 0; i < c->n_tags; i++)
		CHECK(c->tags[i] != NULL);
	for (uint32_t i = 0; i < c->n_xkeys; i++)
		CHECK(c->xkeys[i].key && c->xkeys[i].value &&
		      strlen(c->xkeys[i].value) < 256);
}

static void check_side(const struct outcome_side *s, const struct rules *r)
{
	CHECK(s->path < PATH__COUNT);
	CHECK(s->n_pen <= r->n && s->n_rel <= r->n);
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		CHECK(p->rule && rule_kind_is_penalty(p->rule->kind));
		CHECK(p->running >= -1 && p->running <= 1);
		CHECK(p->n_crit == p->rule->n_when);
		for (uint32_t k = 0; k < p->n_crit; k++)
			CHECK(p->crit[k].truth >= -1 && p->crit[k].truth <= 1);
		if (date_known(p->until) && date_known(p->from) && p->years >= 0)
			CHECK(date_lo(p->from) <= date_hi(p->until) + 1);
	}
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *e = &s->rel[i];
		CHECK(e->rule && e->rule->kind == KIND_RELIEF);
		CHECK(e->status < RSTAT__COUNT);
		for (uint32_t k = 0; k < e->n_crit; k++)
			CHECK(e->crit[k].truth >= -1 && e->crit[k].truth <= 1);
	}
	const struct penalty *h = assess_headline(s);
	CHECK(!h || (h >= s->pen && h < s->pen + s->n_pen));
}

static struct factpack fpack;

static bool same_value(struct value a, struct value b)
{
	return a.type == b.type && a.borderline == b.borderline &&
	       a.lo == b.lo && a.hi == b.hi && !a.s == !b.s &&
	       (!a.s || !strcmp(a.s, b.s));
}

static void check_packed(const struct outcome_side *s, struct arena *a)
{
	const void *rec = factpack_pack(&fpack, s->facts, a);
	for (size_t i = 0; i < fpack.n; i++)
		CHECK(same_value(factpack_value(&fpack, rec, i), s->facts[i]));
}

static void check_stub(const struct cw_case *c, struct arena *a)
{
	const struct cw_case *st = case_stub(c, a);
	CHECK(st->stub && !strcmp(st->id, c->id) && st->file == c->file);
	CHECK(st->pos.line == c->pos.line && st->doc_index == c->doc_index);
	CHECK(!st->person.name == !c->person.name);
	CHECK(!c->person.name || !strcmp(st->person.name, c->person.name));
	CHECK(st->n_tags == c->n_tags && st->n_events == 0);
	for (uint32_t k = 0; k < c->n_tags; k++)
		CHECK(case_has_tag(st, c->tags[k]));
}

/* assess_case_brief: the same verdicts as assess_case. */
static void check_brief(const struct assessment *full,
			const struct assessment *br)
{
	const struct outcome_side *f[2] = { &full->taken, &full->alt };
	const struct outcome_side *b[2] = { &br->taken, &br->alt };
	for (int k = 0; k < 2; k++) {
		CHECK(f[k]->path == b[k]->path && f[k]->hearing == b[k]->hearing);
		CHECK(f[k]->n_pen == b[k]->n_pen && f[k]->n_rel == b[k]->n_rel);
		for (uint32_t i = 0; i < f[k]->n_pen; i++)
			CHECK(f[k]->pen[i].rule == b[k]->pen[i].rule &&
			      f[k]->pen[i].running == b[k]->pen[i].running &&
			      date_cmp(f[k]->pen[i].until,
				       b[k]->pen[i].until) == 0);
		for (uint32_t i = 0; i < f[k]->n_rel; i++)
			CHECK(f[k]->rel[i].status == b[k]->rel[i].status);
	}
	CHECK(!br->event_effect && !br->offense_class);
}

static void load_once(const uint8_t *data, size_t size,
		      const struct ylimits *lim, const struct vocab *vb,
		      const struct rules *rules)
{
	struct arena out, scratch;
	struct load_file res;
	/* two eras of the law: before and after most rules changed; the
	 * loader's warnings compare with the same date */
	struct date as_of = size & 1 ? date_ymd(2026, 11, 27)
				     : date_ymd(2010, 6, 1);
	struct load_opts lo = { lim, vb ? &vb->ids : NULL, as_of, NULL };
	memset(&res, 0, sizeof(res));
	arena_init(&out, 16 * 1024);
	arena_init(&scratch, 16 * 1024);
	load_buffer_opts(FILE_NAME, 7, (const char *)data, size, &lo, &out,
			 &scratch, &res);
	fz_check_diags(&res.diags, FILE_NAME, (const char *)data, size);
	for (size_t i = 0; i < res.diags.n; i++)
		CHECK(res.diags.v[i].file_index == 7);
	CHECK(res.diags.n_errors <= lim->max_errors);
	CHECK(res.n_cases <= res.n_docs && res.n_docs <= lim->max_docs);
	if (res.diags.n_errors == 0)
		CHECK(res.n_cases >= 1 && res.n_bad_cases == 0);
	if (res.n_bad_cases)
		CHECK(res.diags.n_errors > 0);
	for (size_t i = 0; i < res.n_cases; i++)
		check_case(res.cases[i]);
	if (rules) {
		struct arena a;
		arena_init(&a, 64 * 1024);
		for (size_t i = 0; i < res.n_cases && i < MAX_ASSESS; i++) {
			struct assessment as;
			assess_case(rules, res.cases[i], as_of, as_of, &as, &a);
			CHECK(as.c == res.cases[i]);
			check_side(&as.taken, rules);
			check_side(&as.alt, rules);
			for (uint32_t k = 0; k < res.cases[i]->n_events; k++)
				CHECK(as.event_effect[k] != NULL);
			struct assessment br;
			assess_case_brief(rules, res.cases[i], as_of, as_of,
					  &br, &a);
			check_brief(&as, &br);
			check_packed(&as.taken, &a);
			check_packed(&as.alt, &a);
			check_stub(res.cases[i], &a);
			arena_reset(&a);
		}
		arena_free(&a);
	}
	load_file_free(&res);
	arena_free(&scratch);
	arena_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vocab vb;
	static struct rules rules;
	static bool ready;
	if (!ready) {
		struct diag_list d = {0};
		CHECK(vocab_load_default(&vb, &d) == 0);
		CHECK(rules_load_default(&rules, &d) == 0);
		rules.vocab = &vb;
		diag_free(&d);
		static const char *const strs[] = { "nta", "none" };
		factpack_init(&fpack, &rules.env, strs, 2);
		ready = true;
	}
	load_once(data, size, &ylimits_default, &vb, &rules);
	load_once(data, size, &small_limits, NULL, NULL);
	return 0;
}
