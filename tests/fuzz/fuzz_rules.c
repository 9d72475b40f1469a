/* fuzz_rules.c - libFuzzer target for the rules-file reader
 * (rules_load_buffer) and, when a rules file loads, for the assessment of
 * fixed sample cases under those rules.
 *
 * Besides the sanitizers it checks, and traps when it fails:
 *   - every diagnostic is of the rules file, well formed, inside the text
 *     and safe for a terminal once printed (fuzz_util.h);
 *   - rules_load_buffer returns the number of errors it added;
 *   - a rules file that loads has rules of a known kind, each with an id,
 *     and an expression environment holding every derived fact;
 *   - assessing the sample cases (a voluntary return, a hearing with two
 *     convictions, an LPR with imprecise dates) at two dates gives paths,
 *     statuses and truths in range, penalties only from penalty rules in
 *     force, relief only from relief rules in force.
 * Whatever a rules file says (a clock of 100000 years, a start date far
 * outside the calendar, a penalty that names itself) casewalk must not
 * crash: a trainer edits this file by hand.
 *
 *   tests/fuzz.sh smoke fuzz_rules     (builds build-fuzz/fuzz_rules)
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "assess.h"
#include "facts.h"
#include "load.h"
#include "rules.h"
#include "vocab.h"
#include "fuzz_util.h"

#define RULES_NAME "fuzz-rules.yaml"

static const char samples[] =
	"format: casewalk/1\n"
	"id: S-VR\n"
	"person: {name: Felipe, born: 1978-02-14, nationality: MX}\n"
	"events:\n"
	"  - {date: 1999-08-20, type: entry, manner: without_inspection}\n"
	"  - {date: 2010-05-04, type: encounter, agency: ICE}\n"
	"  - {date: 2010-05-04, type: voluntary_return, advised: true}\n"
	"  - {date: 2010-05-04, type: departure, kind: voluntary_return,"
	" verified: true}\n"
	"  - {date: 2011-01, type: entry, manner: without_inspection}\n"
	"relatives:\n"
	"  - {relation: child, status: citizen, born: 2002-11-30,"
	" hardship: unknown}\n"
	"---\n"
	"format: casewalk/1\n"
	"id: S-IJ\n"
	"person: {name: Nadia, born: 1977-09-30, married: false}\n"
	"events:\n"
	"  - {date: 1998-01-15, type: entry, manner: without_inspection}\n"
	"  - {date: 2010-01-28, type: encounter, agency: ICE}\n"
	"  - {date: 2010-02-01, type: nta_served, time_place: true,"
	" filed: 2010-02-09}\n"
	"  - {date: 2010-04-06, type: hearing, kind: master, appeared: true}\n"
	"  - {date: 2010-04-06, type: application, relief: cancel_nonlpr}\n"
	"  - {date: 2011-05-02, type: decision, outcome: voluntary_departure,"
	" depart_by: 2011-08-30, stage: conclusion}\n"
	"offenses:\n"
	"  - {charge: dui, date: 2007-05-19, convicted: true,"
	" conviction_date: 2007-07-11, sentence_days: 4, max_days: 180,"
	" grade: misdemeanor}\n"
	"  - {charge: dui, date: 2009-11-21, convicted: true,"
	" conviction_date: 2010-01-14, sentence_days: 10, max_days: 365,"
	" grade: misdemeanor}\n"
	"relatives:\n"
	"  - {relation: child, status: citizen, born: 2001-02-12}\n"
	"---\n"
	"format: casewalk/1\n"
	"id: S-LPR\n"
	"person: {name: Hugo, born: 1980, lpr_since: 2003-06, "
	"lpr_via: admission}\n"
	"events:\n"
	"  - {date: 2003-06, type: entry, manner: admitted}\n"
	"  - {date: 2011-03-01, type: nta_served, time_place: true}\n"
	"  - {date: 2011-04-12, type: hearing, kind: master, appeared: true}\n"
	"  - {date: 2012, type: decision, outcome: removal_order}\n"
	"  - {date: 2012-06, type: departure, kind: removed}\n"
	"  - {date: 2013, type: entry, manner: without_inspection}\n"
	"  - {date: 2014-02-03, type: reinstatement}\n"
	"offenses:\n"
	"  - {charge: drug_possession, date: 2010-04, convicted: true,"
	" sentence_days: 120, grade: felony}\n";

struct fixture {
	struct vocab vb;
	struct arena arena, scratch;
	struct load_file cases;
};

static void setup(struct fixture *fx)
{
	struct diag_list d = {0};
	CHECK(vocab_load_default(&fx->vb, &d) == 0);
	diag_free(&d);
	arena_init(&fx->arena, 64 * 1024);
	arena_init(&fx->scratch, 64 * 1024);
	memset(&fx->cases, 0, sizeof(fx->cases));
	load_buffer("samples.yaml", 0, samples, sizeof(samples) - 1,
		    &ylimits_default, &fx->vb.ids, &fx->arena, &fx->scratch,
		    &fx->cases);
	/* the samples themselves must be valid */
	CHECK(fx->cases.diags.n == 0 && fx->cases.n_cases == 3);
}

static void check_side(const struct outcome_side *s, const struct rules *r,
		       struct date law)
{
	CHECK(s->path < PATH__COUNT);
	CHECK(s->n_pen <= r->n && s->n_rel <= r->n);
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		CHECK(p->rule >= r->v && p->rule < r->v + r->n);
		CHECK(rule_kind_is_penalty(p->rule->kind));
		CHECK(rules_in_force(p->rule, law));
		CHECK(p->running >= -1 && p->running <= 1);
		CHECK(p->n_crit == p->rule->n_when);
		for (uint32_t k = 0; k < p->n_crit; k++)
			CHECK(p->crit[k].truth >= -1 && p->crit[k].truth <= 1);
		char buf[DATE_BUFSZ];
		date_format(p->from, buf);
		date_format(p->until, buf);
	}
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *e = &s->rel[i];
		CHECK(e->rule >= r->v && e->rule < r->v + r->n);
		CHECK(e->rule->kind == KIND_RELIEF);
		CHECK(rules_in_force(e->rule, law));
		CHECK(e->status < RSTAT__COUNT);
		CHECK(e->n_crit == e->rule->n_bars + e->rule->n_when);
		for (uint32_t k = 0; k < e->n_crit; k++)
			CHECK(e->crit[k].truth >= -1 && e->crit[k].truth <= 1);
	}
	const struct penalty *h = assess_headline(s);
	CHECK(!h || (h >= s->pen && h < s->pen + s->n_pen));
}

static void check_rules(const struct rules *r)
{
	CHECK(r->env.n_facts >= facts_count);
	for (size_t i = 0; i < facts_count; i++)
		CHECK(!strcmp(r->env.facts[i].name, facts_table[i].name));
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		CHECK(rule_kind_is_penalty(rl->kind) || rl->kind == KIND_RELIEF);
		CHECK(rl->id && rl->title && rl->cite);
		CHECK(rules_find(r, rl->id) != NULL);
		for (uint32_t k = 0; k < rl->n_when; k++)
			CHECK(rl->when[k].expr && rl->when[k].src);
		if (rule_kind_is_penalty(rl->kind))
			CHECK(rl->clock_from != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fixture fx;
	static bool ready;
	if (!ready) {
		setup(&fx);
		ready = true;
	}
	struct rules r;
	struct diag_list d = {0};
	int bad = rules_load_buffer(&r, RULES_NAME, (const char *)data, size,
				    &d);
	CHECK(bad >= 0 && (size_t)bad == d.n_errors);
	fz_check_diags(&d, RULES_NAME, (const char *)data, size);
	if (bad == 0) {
		check_rules(&r);
		r.vocab = &fx.vb;
		struct arena a;
		arena_init(&a, 64 * 1024);
		static const struct date when[2][2] = {
			{{2026, 11, 27, DATE_DAY}, {2026, 11, 27, DATE_DAY}},
			{{2011, 6, 1, DATE_DAY}, {1996, 1, 1, DATE_DAY}},
		};
		for (size_t i = 0; i < fx.cases.n_cases; i++)
			for (int w = 0; w < 2; w++) {
				struct assessment as;
				assess_case(&r, fx.cases.cases[i], when[w][0],
					    when[w][1], &as, &a);
				check_side(&as.taken, &r, when[w][1]);
				check_side(&as.alt, &r, when[w][1]);
				arena_reset(&a);
			}
		arena_free(&a);
	}
	rules_free(&r);
	diag_free(&d);
	return 0;
}
