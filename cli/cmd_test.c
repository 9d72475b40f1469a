/* cmd_test.c - `casewalk test FILE...`: rules tests in the style of
 * OpenFisca's YAML tests.  Each test names a case file (relative to the
 * test file), options, and the expected path, penalties with dates, relief
 * statuses and facts; failures say what differed.  Ends with
 * "N passed, M failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "assess.h"
#include "facts.h"
#include "text.h"
#include "ytree.h"

struct tctx {
	struct app *app;
	struct yreader *y;
	const char *dir;
	int failed_checks;
	const char *name;
	const struct pd_outcome *pd;    /* the case's policy block */
};

#include <stdarg.h>

static void fail(struct tctx *t, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints text that may come from a test or rules file, made safe for a
 * terminal (text.h). */
static void say(const char *s)
{
	size_t len = strlen(s), cap = TEXT_SAFE_SIZE(len);
	char *out = xmalloc(cap);
	text_fit(s, len, -1, out, cap, NULL);
	fputs(out, stdout);
	free(out);
}

static void fail(struct tctx *t, const struct ynode *at, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (!t->failed_checks++) {
		snprintf(msg, sizeof(msg), "FAIL %s (%s:%u)", t->name,
			 t->y->file, at ? at->line : 0);
		say(msg);
		putchar('\n');
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fputs("     ", stdout);
	say(msg);
	putchar('\n');
}

static bool scalar(const struct ynode *n)
{
	return n && n->kind == YN_SCALAR;
}

/* A map whose keys are scalars and whose values pass `value`. */
static bool map_of(const struct ynode *m,
		   bool (*value)(const struct ynode *v))
{
	if (m->kind != YN_MAP)
		return false;
	for (uint32_t i = 0; i < m->n; i++)
		if (!scalar(m->kids[2 * i]) || !value(m->kids[2 * i + 1]))
			return false;
	return true;
}

static bool penalty_value(const struct ynode *v)
{
	return scalar(v) || map_of(v, scalar);
}

/* expect, and alternative inside it: checked before anything is compared,
 * so a malformed test fails cleanly instead of comparing nothing. */
static bool well_formed(const struct ynode *m, int depth)
{
	if (m->kind != YN_MAP)
		return false;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		bool ok = scalar(k);
		if (ok && ynode_scalar_is(k, "facts"))
			ok = map_of(v, scalar);
		else if (ok && (ynode_scalar_is(k, "penalties") ||
				ynode_scalar_is(k, "relief")))
			ok = map_of(v, penalty_value);
		else if (ok && (ynode_scalar_is(k, "way_back") ||
				ynode_scalar_is(k, "pd")))
			ok = map_of(v, scalar);
		else if (ok && ynode_scalar_is(k, "items"))
			ok = map_of(v, penalty_value);
		else if (ok && ynode_scalar_is(k, "alternative"))
			ok = depth == 0 && well_formed(v, 1);
		else
			ok = ok && scalar(v);
		if (!ok)
			return false;
	}
	return true;
}

/* "bar_9A_ii#2": the rule id and the instance (0: any). */
static void split_key(const char *key, char *id, size_t n, unsigned *inst)
{
	const char *hash = strchr(key, '#');
	size_t len = hash ? (size_t)(hash - key) : strlen(key);
	if (len >= n)
		len = n - 1;
	memcpy(id, key, len);
	id[len] = '\0';
	*inst = hash ? (unsigned)strtoul(hash + 1, NULL, 10) : 0;
}

static const char *tri_word(int t)
{
	return t == 1 ? "true" : t == 0 ? "false" : "unknown";
}

/* One field of a penalty as the test writes it; false for an unknown
 * field. */
static bool pen_field(const struct penalty *p, const char *f, struct date law,
		      char *got, size_t n)
{
	char b[ASSESS_RANGE_BUFSZ];
	if (!strcmp(f, "from"))
		snprintf(got, n, "%s", assess_range(p->from_lo, p->from_hi, b));
	else if (!strcmp(f, "until"))
		snprintf(got, n, "%s", assess_until(p, b));
	else if (!strcmp(f, "retroactive"))
		snprintf(got, n, "%s", p->retroactive ? p->retroactive : "none");
	else if (!strcmp(f, "contested"))
		snprintf(got, n, "%s", tri_word(p->retroactive ? p->contested : 0));
	else if (!strcmp(f, "years"))
		snprintf(got, n, "%d", p->years);
	else if (!strcmp(f, "running"))
		snprintf(got, n, "%s", tri_word(p->possible && p->running ? -1
						: p->running));
	else if (!strcmp(f, "possible"))
		snprintf(got, n, "%s", p->possible ? "true" : "false");
	else if (!strcmp(f, "borderline"))
		snprintf(got, n, "%s", p->borderline ? "true" : "false");
	else if (!strcmp(f, "kind"))
		snprintf(got, n, "%s", enum_name(&rule_kind_def, p->rule->kind));
	else if (!strcmp(f, "trigger"))
		snprintf(got, n, "%s", assess_range(p->trigger, p->trigger, b));
	else if (!strcmp(f, "waiver_mentions"))
		snprintf(got, n, "%s", rules_waiver(p->rule, law) ?
			 rules_waiver(p->rule, law) : "");
	else
		return false;
	return true;
}

/* Does p match every field of v?  With report, says which do not. */
static bool pen_matches(struct tctx *t, const struct penalty *p,
			const struct ynode *v, const char *key,
			struct date law, bool report)
{
	char got[1024];
	bool ok = true;
	for (uint32_t j = 0; v->kind == YN_MAP && j < v->n; j++) {
		const struct ynode *fk = v->kids[2 * j], *fv = v->kids[2 * j + 1];
		if (ynode_scalar_is(fk, "instances"))
			continue;
		if (!pen_field(p, fk->s, law, got, sizeof(got))) {
			if (report)
				fail(t, fk, "unknown penalty field %s", fk->s);
			ok = false;
			continue;
		}
		bool same = ynode_scalar_is(fk, "waiver_mentions") ?
			strstr(got, fv->s) != NULL : !strcmp(got, fv->s);
		if (!same) {
			if (report)
				fail(t, fv, "penalty %s %s: expected %s, got %s",
				     key, fk->s, fv->s, got);
			ok = false;
		}
	}
	return ok;
}

static void check_matches(struct tctx *t, const struct ynode *k,
			  const struct ynode *v, const char *id,
			  const struct penalty **match, unsigned n,
			  unsigned total, struct date law);

static void check_penalty(struct tctx *t, const struct outcome_side *s,
			  const struct ynode *k, const struct ynode *v,
			  struct date law)
{
	char id[128];
	unsigned inst;
	split_key(k->s, id, sizeof(id), &inst);
	const struct rule *rl = rules_find(&t->app->rules, id);
	if (!rl || !rule_kind_is_penalty(rl->kind)) {
		fail(t, k, "penalty %s: no such penalty rule", id);
		return;
	}
	const struct penalty **match = xmalloc((s->n_pen + 1) * sizeof(*match));
	unsigned n = 0, total = 0;
	for (uint32_t i = 0; i < s->n_pen; i++)
		if (!strcmp(s->pen[i].rule->id, id)) {
			total++;
			if (!inst || s->pen[i].instance == inst)
				match[n++] = &s->pen[i];
		}
	check_matches(t, k, v, id, match, n, total, law);
	free(match);
}

/* check_penalty's verdict on the n instances of rule id that match. */
static void check_matches(struct tctx *t, const struct ynode *k,
			  const struct ynode *v, const char *id,
			  const struct penalty **match, unsigned n,
			  unsigned total, struct date law)
{
	char got[64];
	if (ynode_scalar_is(v, "none") || ynode_scalar_is(v, "false")) {
		if (n)
			fail(t, k, "penalty %s: expected none, got %s from %s", k->s,
			     match[0]->possible ? "a possible one" : "one",
			     assess_range(match[0]->from_lo, match[0]->from_hi,
					  (char[ASSESS_RANGE_BUFSZ]){ 0 }));
		return;
	}
	for (uint32_t j = 0; v->kind == YN_MAP && j < v->n; j++)
		if (ynode_scalar_is(v->kids[2 * j], "instances")) {
			snprintf(got, sizeof(got), "%u", total);
			if (strcmp(got, v->kids[2 * j + 1]->s))
				fail(t, v->kids[2 * j + 1], "penalty %s: expected "
				     "%s instances, got %s", id,
				     v->kids[2 * j + 1]->s, got);
		}
	if (!n) {
		fail(t, k, "penalty %s: expected, not triggered", k->s);
		return;
	}
	/* a plain id passes when one of its instances matches every field */
	for (unsigned i = 0; i < n; i++)
		if (pen_matches(t, match[i], v, k->s, law, false))
			return;
	pen_matches(t, match[n - 1], v, k->s, law, true);
	if (n > 1)
		fail(t, k, "penalty %s: none of its %u instances matches", k->s, n);
}

static void check_penalties(struct tctx *t, const struct outcome_side *s,
			    const struct ynode *m, struct date law)
{
	for (uint32_t i = 0; i < m->n; i++)
		check_penalty(t, s, m->kids[2 * i], m->kids[2 * i + 1], law);
}

static const char *cert_word(int c)
{
	return c == CERT_ELIGIBLE ? "eligible" : c == CERT_POSSIBLE ? "possible"
						 : "none";
}

static void day_or_none(daynum d, char *got, size_t n)
{
	char b[ASSESS_RANGE_BUFSZ];
	snprintf(got, n, "%s", d == ASSESS_NO_DAY ? "none" :
		 assess_range(d, d, b));
}

/* The ids of r as a sorted, comma-separated set. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A set as text, sorted and joined with ", ".  A set whose text does not
 * fit got[sz] is written as its size and a hash of the whole text, so
 * that two long sets compare equal only when they are the same set, never
 * on a common prefix. */
static void set_text(const char **v, uint32_t n, char *got, size_t sz)
{
	const char **tmp = xmalloc((n + 1) * sizeof(*tmp));
	if (n)          /* v is NULL for an empty set */
		memcpy(tmp, v, n * sizeof(*tmp));
	qsort(tmp, n, sizeof(*tmp), cmp_str);
	size_t need = 1;
	for (uint32_t i = 0; i < n; i++)
		need += strlen(tmp[i]) + 2;
	char *all = xmalloc(need), *o = all;
	for (uint32_t i = 0; i < n; i++)
		o += sprintf(o, "%s%s", i ? ", " : "", tmp[i]);
	*o = '\0';
	if ((size_t)(o - all) < sz) {
		memcpy(got, all, (size_t)(o - all) + 1);
	} else if (sz) {
		uint64_t h = 1469598103934665603ull;
		for (const char *c = all; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ull;
		snprintf(got, sz, "(%u items, hash %016llx)", n,
			 (unsigned long long)h);
	}
	free(all);
	free(tmp);
}

/* The expected set as written ("b, a" or "a,b"), normalised. */
static void norm_set(const char *want, char *out, size_t sz)
{
	char *buf = xstrdup(want);
	const char **v = xmalloc((strlen(want) / 2 + 2) * sizeof(*v));
	uint32_t n = 0;
	for (char *tok = strtok(buf, ", "); tok; tok = strtok(NULL, ", "))
		v[n++] = tok;
	set_text(v, n, out, sz);
	free(v);
	free(buf);
}

/* One field of a relief as the test writes it; false for an unknown one. */
static bool relief_field(const struct relief_eval *r, const char *f,
			 char *got, size_t n)
{
	if (!strcmp(f, "status"))
		snprintf(got, n, "%s", relief_status_def.names[r->status]);
	else if (!strcmp(f, "then"))
		snprintf(got, n, "%s", then_status_def.names[r->then.status]);
	else if (!strcmp(f, "then_certainty"))
		snprintf(got, n, "%s", cert_word(r->then.certainty));
	else if (!strcmp(f, "now"))
		snprintf(got, n, "%s", now_status_def.names[r->now.status]);
	else if (!strcmp(f, "now_certainty"))
		snprintf(got, n, "%s", cert_word(r->now.certainty));
	else if (!strcmp(f, "requires"))
		set_text(r->now.req.id, r->now.req.n, got, n);
	else if (!strcmp(f, "earliest"))
		day_or_none(r->now.earliest, got, n);
	else if (!strcmp(f, "from"))
		day_or_none(r->now.from, got, n);
	else if (!strcmp(f, "met_on"))
		day_or_none(r->now.met_on, got, n);
	else if (!strcmp(f, "deadline"))
		day_or_none(r->now.deadline, got, n);
	else if (!strcmp(f, "motion"))
		snprintf(got, n, "%s", r->now.motion ? r->now.motion : "none");
	else
		return false;
	return true;
}

static void check_relief(struct tctx *t, const struct outcome_side *s,
			 const struct ynode *m)
{
	char got[1024], want[1024];
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		const struct relief_eval *r = NULL;
		const struct rule *rl = rules_find(&t->app->rules, k->s);
		if (!rl || rl->kind != KIND_RELIEF) {
			fail(t, k, "relief %s: no such relief rule", k->s);
			continue;
		}
		for (uint32_t j = 0; j < s->n_rel; j++)
			if (!strcmp(s->rel[j].rule->id, k->s))
				r = &s->rel[j];
		if (!r) {
			fail(t, k, "relief %s: not in force under this law", k->s);
			continue;
		}
		if (v->kind == YN_SCALAR) {
			relief_field(r, "status", got, sizeof(got));
			if (strcmp(got, v->s))
				fail(t, v, "relief %s: expected %s, got %s", k->s,
				     v->s, got);
			continue;
		}
		for (uint32_t j = 0; j < v->n; j++) {
			const struct ynode *fk = v->kids[2 * j], *fv = v->kids[2 * j + 1];
			if (!relief_field(r, fk->s, got, sizeof(got))) {
				fail(t, fk, "relief %s: unknown field %s", k->s, fk->s);
				continue;
			}
			snprintf(want, sizeof(want), "%s", fv->s);
			if (ynode_scalar_is(fk, "requires"))
				norm_set(fv->s, want, sizeof(want));
			if (strcmp(got, want))
				fail(t, fv, "relief %s %s: expected %s, got %s",
				     k->s, fk->s, want, got);
		}
	}
}

static bool way_back_field(const struct way_back *w, const char *f, char *got,
			   size_t n)
{
	if (!strcmp(f, "earliest_no_waiver"))
		day_or_none(w->no_waiver, got, n);
	else if (!strcmp(f, "earliest_with_waivers"))
		day_or_none(w->with_waivers, got, n);
	else if (!strcmp(f, "requires"))
		set_text(w->req.id, w->req.n, got, n);
	else if (!strcmp(f, "standing")) {
		const char **v = xmalloc((w->n_standing + 1) * sizeof(*v));
		uint32_t k = 0;
		for (uint32_t i = 0; i < w->n_standing; i++) {
			bool dup = false;
			for (uint32_t j = 0; j < k; j++)
				dup |= !strcmp(v[j], w->standing[i].pen->rule->id);
			if (!dup)
				v[k++] = w->standing[i].pen->rule->id;
		}
		set_text(v, k, got, n);
		free(v);
	} else if (!strcmp(f, "adjust_inside"))
		snprintf(got, n, "%s", w->adjust_inside ? "possible" : "no");
	else if (!strcmp(f, "i601a"))
		snprintf(got, n, "%s", tri_word(w->i601a));
	else if (!strcmp(f, "route"))
		snprintf(got, n, "%s", w->route ? w->route : "none");
	else
		return false;
	return true;
}

static void check_way_back(struct tctx *t, const struct outcome_side *s,
			   const struct ynode *m)
{
	char got[1024], want[1024];
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (!way_back_field(&s->wb, k->s, got, sizeof(got))) {
			fail(t, k, "way_back: unknown field %s", k->s);
			continue;
		}
		snprintf(want, sizeof(want), "%s", v->s);
		if (ynode_scalar_is(k, "requires") || ynode_scalar_is(k, "standing"))
			norm_set(v->s, want, sizeof(want));
		if (strcmp(got, want))
			fail(t, v, "way_back %s: expected %s, got %s", k->s,
			     want, got);
	}
}

/* items: {departure#1: {up_days: "180 (borderline)"}}: facts of one
 * event, src/'s or derived, by scope and position (1-based, in date
 * order). */
static void check_items(struct tctx *t, const struct outcome_side *s,
			const struct ynode *m)
{
	const struct rules *r = &t->app->rules;
	char got[96], scope[64];
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		unsigned n;
		split_key(k->s, scope, sizeof(scope), &n);
		int sc = -1;
		for (int j = 0; j < SC__COUNT; j++)
			if (!strcmp(scope_defs[j].name, scope))
				sc = j;
		if (sc < 0 || !n || v->kind != YN_MAP) {
			fail(t, k, "items: expected SCOPE#N with a mapping of "
			     "facts, got %s", k->s);
			continue;
		}
		const struct item_set *is = &s->fs.items[sc];
		if (n > is->n) {
			fail(t, k, "items %s: the case has %u", k->s, is->n);
			continue;
		}
		for (uint32_t j = 0; j < v->n; j++) {
			const struct ynode *fk = v->kids[2 * j], *fv = v->kids[2 * j + 1];
			char full[160];
			snprintf(full, sizeof(full), "%s.%s", scope, fk->s);
			int col = -1;
			for (uint16_t c = 0; c < r->scope[sc].width; c++)
				if (!strcmp(r->env.facts[r->scope[sc].slot[c]].name,
					    full))
					col = c;
			if (col < 0) {
				fail(t, fk, "unknown fact %s", full);
				continue;
			}
			facts_format(item_row(is, n - 1)[col], got, sizeof(got));
			if (strcmp(got, fv->s))
				fail(t, fv, "%s %s: expected %s, got %s", k->s,
				     fk->s, fv->s, got);
		}
	}
}

/* A fact of the whole case: src/'s, a parameter, or a derived one. */
static void check_facts(struct tctx *t, const struct outcome_side *s,
			const struct ynode *m)
{
	const struct rules *r = &t->app->rules;
	char got[96];
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		int ix = -1;
		for (size_t f = 0; f < r->env.n_facts && ix < 0; f++)
			if (!strcmp(r->env.facts[f].name, k->s) &&
			    !strchr(k->s, '.'))
				ix = (int)f;
		if (ix < 0) {
			fail(t, k, "unknown fact %s", k->s);
			continue;
		}
		facts_format(s->facts[ix], got, sizeof(got));
		if (strcmp(got, v->s)) {
			fail(t, v, "fact %s: expected %s, got %s", k->s, v->s, got);
		}
	}
}

/* pd: {framework, result, category, level, encounter,
 * er_covered_at_encounter, er_exposure_now, er_by}: the policy block; a
 * framework matches by its id or an alias, "none" when none was in force. */
static bool pd_field(const struct pd_outcome *o, const char *f,
		     const char *want, char *got, size_t n)
{
	char b[DATE_BUFSZ];
	if (!strcmp(f, "framework")) {
		if (!o->frame) {
			snprintf(got, n, "none");
			return true;
		}
		snprintf(got, n, "%s", o->frame->id);
		for (uint32_t i = 0; i < o->frame->n_alias; i++)
			if (!strcmp(o->frame->alias[i], want))
				snprintf(got, n, "%s", want);
	} else if (!strcmp(f, "result")) {
		snprintf(got, n, "%s", pd_result_def.names[o->result]);
	} else if (!strcmp(f, "category")) {
		snprintf(got, n, "%s", o->cat ? o->cat->code : "none");
	} else if (!strcmp(f, "level")) {
		snprintf(got, n, "%s", o->level ? o->level : "none");
	} else if (!strcmp(f, "encounter")) {
		snprintf(got, n, "%s", o->encounter == PD_NO_ENCOUNTER ? "none" :
			 date_format(date_from_days(o->encounter), b));
	} else if (!strcmp(f, "er_covered_at_encounter")) {
		snprintf(got, n, "%s", tri_word(o->er_then));
	} else if (!strcmp(f, "er_exposure_now")) {
		snprintf(got, n, "%s", tri_word(o->er_now));
	} else if (!strcmp(f, "er_by")) {
		const struct policy *p = o->er_then_by;
		snprintf(got, n, "%s", p && o->er_then ? p->id : "none");
	} else {
		return false;
	}
	return true;
}

static void check_pd(struct tctx *t, const struct ynode *m)
{
	char got[256];
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (!t->pd || !pd_field(t->pd, k->s, v->s, got, sizeof(got))) {
			fail(t, k, "pd: unknown field %s (framework, result, "
			     "category, level, encounter, "
			     "er_covered_at_encounter, er_exposure_now, er_by)",
			     k->s);
			continue;
		}
		if (strcmp(got, v->s))
			fail(t, v, "pd %s: expected %s, got %s", k->s, v->s, got);
	}
}

static void check_side(struct tctx *t, const struct outcome_side *s,
		       const struct ynode *m, struct date law)
{
	for (uint32_t i = 0; m->kind == YN_MAP && i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "path")) {
			const char *got = path_id_def.names[s->path];
			if (strcmp(got, v->s))
				fail(t, v, "path: expected %s, got %s", v->s, got);
		} else if (ynode_scalar_is(k, "hearing")) {
			const char *got = s->hearing ? "true" : "false";
			if (strcmp(got, v->s))
				fail(t, v, "hearing: expected %s, got %s", v->s, got);
		} else if (ynode_scalar_is(k, "bar_running")) {
			const char *got = tri_word(s->bar_running);
			if (strcmp(got, v->s))
				fail(t, v, "bar_running: expected %s, got %s", v->s,
				     got);
		} else if (ynode_scalar_is(k, "facts") && v->kind == YN_MAP) {
			check_facts(t, s, v);
		} else if (ynode_scalar_is(k, "items") && v->kind == YN_MAP) {
			check_items(t, s, v);
		} else if (ynode_scalar_is(k, "way_back") && v->kind == YN_MAP) {
			check_way_back(t, s, v);
		} else if (ynode_scalar_is(k, "pd") && v->kind == YN_MAP) {
			check_pd(t, v);
		} else if (ynode_scalar_is(k, "penalties") && v->kind == YN_MAP) {
			check_penalties(t, s, v, law);
		} else if (ynode_scalar_is(k, "relief") && v->kind == YN_MAP) {
			check_relief(t, s, v);
		} else if (!ynode_scalar_is(k, "alternative")) {
			fail(t, k, "unknown expectation %s", k->s);
		}
	}
}

static bool opt_date(struct tctx *t, const struct ynode *v, struct date *d)
{
	const char *err;
	if (v->kind == YN_SCALAR && date_parse(v->s, v->n, d, &err))
		return true;
	fail(t, v, "bad date %s", v->kind == YN_SCALAR ? v->s : "?");
	return false;
}

/* Runs one test; returns true when it passed. */
static bool run_test(struct tctx *t, const struct ynode *m)
{
	const struct ynode *file = NULL, *inl = NULL, *id = NULL, *expect = NULL;
	struct date as_of = t->app->as_of, law = DATE_NONE_INIT;
	t->failed_checks = 0;
	t->name = "(unnamed)";
	for (uint32_t i = 0; m->kind == YN_MAP && i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "name") && scalar(v))
			t->name = v->s;
		else if (ynode_scalar_is(k, "case"))
			file = v;
		else if (ynode_scalar_is(k, "inline"))
			inl = v;        /* the case file's text, as a block */
		else if (ynode_scalar_is(k, "id"))
			id = v;
		else if (ynode_scalar_is(k, "as_of"))
			opt_date(t, v, &as_of);
		else if (ynode_scalar_is(k, "law_as_of"))
			opt_date(t, v, &law);
		else if (ynode_scalar_is(k, "expect"))
			expect = v;
		else if (!ynode_scalar_is(k, "note"))
			fail(t, k, "unknown key '%s' in a test (allowed: name, "
			     "case, inline, id, as_of, law_as_of, expect, note)",
			     k->kind == YN_SCALAR ? k->s : "?");
	}
	if (!(file ? file->kind == YN_SCALAR && !inl
		   : inl && inl->kind == YN_SCALAR) || !expect) {
		fail(t, m, "a test needs expect and either case (a file) or "
		     "inline (the case's YAML as a block)");
		return false;
	}
	if (!well_formed(expect, 0) || (id && !scalar(id))) {
		fail(t, expect, "malformed test: expect maps names to values "
		     "(penalties to none or to a mapping of fields), and id "
		     "is a string");
		return false;
	}
	char path[4096];
	struct arena out, scratch;
	struct load_file res = { 0 };
	arena_init(&out, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	if (file) {
		if (file->s[0] == '/')
			snprintf(path, sizeof(path), "%s", file->s);
		else
			snprintf(path, sizeof(path), "%s/%s", t->dir, file->s);
		struct outbuf text = { NULL, 0, 0 };
		load_file(path, 0, &ylimits_default, &t->app->vocab.ids, &out,
			  &scratch, &text, &res);
		ob_free(&text);
	} else {
		/* positions in messages count from the block's first line */
		snprintf(path, sizeof(path), "%s:%u (inline)", t->y->file,
			 inl->line);
		load_buffer(path, 0, inl->s, inl->n, &ylimits_default,
			    &t->app->vocab.ids, &out, &scratch, &res);
		file = inl;
	}
	const struct cw_case *c = NULL;
	for (size_t i = 0; i < res.n_cases; i++)
		if (!id || !strcmp(res.cases[i]->id, id->s))
			c = c ? c : res.cases[i];
	if (!c) {
		fail(t, file, "no valid case in %s%s", path,
		     res.diags.n ? " (it has errors:)" : "");
		for (size_t i = 0; i < res.diags.n; i++)
			diag_print(stdout, &res.diags.v[i]);
	} else {
		struct assessment a;
		assess_case(&t->app->rules, c, as_of,
			    date_known(law) ? law : as_of, &a, &scratch);
		t->pd = &a.pd;
		check_side(t, &a.taken, expect, a.law_as_of);
		for (uint32_t i = 0; i < expect->n; i++)
			if (ynode_scalar_is(expect->kids[2 * i], "alternative"))
				check_side(t, &a.alt, expect->kids[2 * i + 1],
					   a.law_as_of);
		t->pd = NULL;
	}
	load_file_free(&res);
	arena_free(&out);
	arena_free(&scratch);
	return t->failed_checks == 0;
}

static void run_file(struct app *app, const char *file, int *pass, int *failn)
{
	char *buf, *dir;
	size_t len;
	const char *why;
	if (yfile_read(file, ylimits_default.max_file_size, &buf, &len, &why)) {
		fputs("FAIL ", stdout);
		say(file);
		printf(": cannot read: %s\n", why);
		(*failn)++;
		return;
	}
	dir = xstrdup(file);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	if (slash)
		*slash = '\0';
	else if (dir)
		strcpy(dir, ".");
	struct arena scratch, out;
	struct diag_list d = { 0 };
	struct yreader y;
	arena_init(&scratch, 64 * 1024);
	arena_init(&out, 4096);
	yreader_init(&y, file, 0, buf, len, &ylimits_default, &scratch, &out, &d);
	struct tctx t = { app, &y, dir ? dir : ".", 0, NULL, NULL };
	struct ynode *root = yreader_next(&y);
	const struct ynode *tests = NULL;
	bool format = false;
	for (uint32_t i = 0; root && root->kind == YN_MAP && i < root->n; i++) {
		if (ynode_scalar_is(root->kids[2 * i], "tests"))
			tests = root->kids[2 * i + 1];
		if (ynode_scalar_is(root->kids[2 * i], "format"))
			format = ynode_scalar_is(root->kids[2 * i + 1],
						 "casewalk-test/1");
	}
	if (!format) {
		fputs("FAIL ", stdout);
		say(file);
		puts(": expected 'format: casewalk-test/1'");
		(*failn)++;
		tests = NULL;
	} else
	if (!tests || tests->kind != YN_SEQ) {
		for (size_t i = 0; i < d.n; i++)
			diag_print(stdout, &d.v[i]);
		fputs("FAIL ", stdout);
		say(file);
		puts(": expected a mapping with a list 'tests'");
		(*failn)++;
	}
	for (uint32_t i = 0; tests && tests->kind == YN_SEQ && i < tests->n; i++) {
		if (run_test(&t, tests->kids[i]))
			(*pass)++;
		else
			(*failn)++;
	}
	yreader_done(&y);
	diag_free(&d);
	arena_free(&scratch);
	arena_free(&out);
	free(dir);
	free(buf);
}

int cmd_test(struct app *app)
{
	int pass = 0, failn = 0;
	if (!app->n_paths) {
		fputs("casewalk test: no FILE given\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	for (size_t i = 0; i < app->n_paths; i++)
		run_file(app, app->paths[i], &pass, &failn);
	printf("%d passed, %d failed\n", pass, failn);
	return failn ? 1 : 0;
}
