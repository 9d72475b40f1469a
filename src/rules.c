/* rules.c - reading config/rules.yaml with the common YAML reader. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "facts.h"
#include "ytree.h"

struct rctx {
	struct yreader *y;
	struct rules *r;
};

static const char *str(struct rctx *x, const struct ynode *v)
{
	return ynode_strdup(x->y, v, &x->r->arena);
}

/* Compiles an expression held in scalar v; reports errors at the column
 * where they are (one-line scalars; block scalars at their start). */
static struct expr *compile(struct rctx *x, const struct ynode *v,
			    uint8_t want)
{
	struct expr_error err;
	if (v->kind != YN_SCALAR) {
		yreader_error(x->y, v, "expected an expression, found %s",
			      ynode_kind_name(v));
		return NULL;
	}
	struct expr *e = expr_compile(v->s, v->n, &x->r->env, &x->r->arena,
				      &err);
	if (!e) {
		uint32_t col = v->col + (v->plain ? 0 : 1);
		bool one_line = !memchr(v->s, '\n', v->n);
		yreader_error_at(x->y, v->line, one_line ? col + err.offset : v->col,
				 "in expression: %s", err.msg);
		return NULL;
	}
	uint8_t t = expr_type(e);
	if (want != VAL_UNKNOWN && t != VAL_UNKNOWN && t != want) {
		yreader_error(x->y, v, "expression must give %s",
			      want == VAL_BOOL ? "true or false" :
			      want == VAL_DATE ? "a date" : "a number");
		return NULL;
	}
	return e;
}

static bool read_date_node(struct rctx *x, const struct ynode *v,
			   struct date *d)
{
	const char *err;
	if (ynode_is_null(v))
		return true;
	if (v->kind != YN_SCALAR || !date_parse(v->s, v->n, d, &err) ||
	    d->prec != DATE_DAY) {
		yreader_error(x->y, v, "expected a date YYYY-MM-DD");
		return false;
	}
	return true;
}

static void read_in_force(struct rctx *x, const struct ynode *m,
			  struct rule *rl)
{
	if (m->kind != YN_MAP) {
		yreader_error(x->y, m, "in_force must be a mapping with from "
			      "and until");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "from"))
			read_date_node(x, v, &rl->in_force_from);
		else if (ynode_scalar_is(k, "until"))
			read_date_node(x, v, &rl->in_force_until);
		else
			yreader_error(x->y, k, "unknown key in in_force "
				      "(allowed: from, until)");
	}
}

/* A list of conditions: [{text, expr, cite}] */
static struct rule_cond *read_conds(struct rctx *x, const struct ynode *v,
				    uint32_t *n)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "expected a list of conditions");
		return NULL;
	}
	struct rule_cond *c = arena_zalloc(&x->r->arena,
					   (v->n + 1) * sizeof(*c));
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *m = v->kids[i];
		c[i].pos = (struct pos){ m->line, m->col };
		if (m->kind != YN_MAP) {
			yreader_error(x->y, m, "a condition is a mapping with "
				      "text and expr");
			continue;
		}
		for (uint32_t j = 0; j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *val = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "text"))
				c[i].text = str(x, val);
			else if (ynode_scalar_is(k, "cite"))
				c[i].cite = str(x, val);
			else if (ynode_scalar_is(k, "expr")) {
				c[i].src = str(x, val);
				c[i].expr = compile(x, val, VAL_BOOL);
			} else
				yreader_error(x->y, k, "unknown key in a condition "
					      "(allowed: text, expr, cite)");
		}
		if (!c[i].text || !c[i].expr)
			if (!c[i].text && c[i].src)
				yreader_error(x->y, m, "a condition needs text "
					      "(its plain-language sentence)");
		if (!c[i].src)
			yreader_error(x->y, m, "a condition needs expr");
	}
	*n = v->n;
	return c;
}

static void read_clock(struct rctx *x, const struct ynode *m, struct rule *rl)
{
	if (m->kind != YN_MAP) {
		yreader_error(x->y, m, "clock must be a mapping");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "from"))
			rl->clock_from = compile(x, v, VAL_DATE);
		else if (ynode_scalar_is(k, "years"))
			rl->clock_years = compile(x, v, VAL_INT);
		else if (ynode_scalar_is(k, "permanent"))
			rl->clock_permanent = compile(x, v, VAL_BOOL);
		else if (ynode_scalar_is(k, "convention")) {
			if (ynode_scalar_is(v, "bar_end"))
				rl->convention = CLOCK_BAR_END;
			else if (ynode_scalar_is(v, "period_end"))
				rl->convention = CLOCK_PERIOD_END;
			else if (ynode_scalar_is(v, "none"))
				rl->convention = CLOCK_NONE;
			else
				yreader_error(x->y, v, "convention must be "
					      "bar_end, period_end or none");
		} else
			yreader_error(x->y, k, "unknown key in clock (allowed: "
				      "from, years, permanent, convention)");
	}
	if (!rl->clock_from)
		yreader_error(x->y, m, "clock needs from");
}

static void read_forfeited(struct rctx *x, const struct ynode *v,
			   struct rule *rl)
{
	uint32_t n = 0;
	struct rule_cond *c = read_conds(x, v, &n);
	if (c && n == 1) {
		rl->forfeited = c[0].expr;
		rl->forfeited_text = c[0].text;
	} else if (c) {
		yreader_error(x->y, v, "forfeited takes one condition");
	}
}

/* waiver: a string, or a list of {in_force: {from, until}, text} */
static void read_waiver(struct rctx *x, const struct ynode *v, struct rule *rl)
{
	if (v->kind == YN_SCALAR) {
		rl->waiver = arena_zalloc(&x->r->arena, sizeof(*rl->waiver));
		rl->waiver->text = str(x, v);
		rl->n_waiver = 1;
		return;
	}
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "waiver must be a string or a list of "
			      "{in_force, text}");
		return;
	}
	rl->waiver = arena_zalloc(&x->r->arena, (v->n + 1) * sizeof(*rl->waiver));
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *m = v->kids[i];
		struct rule era = { 0 };
		for (uint32_t j = 0; m->kind == YN_MAP && j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *val = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "text"))
				rl->waiver[i].text = str(x, val);
			else if (ynode_scalar_is(k, "in_force"))
				read_in_force(x, val, &era);
			else
				yreader_error(x->y, k, "unknown key in a waiver "
					      "(allowed: in_force, text)");
		}
		if (!rl->waiver[i].text)
			yreader_error(x->y, m, "a waiver needs text");
		rl->waiver[i].from = era.in_force_from;
		rl->waiver[i].until = era.in_force_until;
	}
	rl->n_waiver = v->n;
}

static void read_rule_key(struct rctx *x, const struct ynode *k,
			  const struct ynode *v, struct rule *rl)
{
	if (ynode_scalar_is(k, "id"))
		rl->id = str(x, v);
	else if (ynode_scalar_is(k, "kind")) {
		if (ynode_scalar_is(v, "penalty"))
			rl->kind = RULE_PENALTY;
		else if (ynode_scalar_is(v, "relief"))
			rl->kind = RULE_RELIEF;
		else
			yreader_error(x->y, v, "kind must be penalty or relief");
	} else if (ynode_scalar_is(k, "title"))
		rl->title = str(x, v);
	else if (ynode_scalar_is(k, "cite"))
		rl->cite = str(x, v);
	else if (ynode_scalar_is(k, "waiver"))
		read_waiver(x, v, rl);
	else if (ynode_scalar_is(k, "note"))
		rl->note = str(x, v);
	else if (ynode_scalar_is(k, "in_force"))
		read_in_force(x, v, rl);
	else if (ynode_scalar_is(k, "when"))
		rl->when = read_conds(x, v, &rl->n_when);
	else if (ynode_scalar_is(k, "bars"))
		rl->bars = read_conds(x, v, &rl->n_bars);
	else if (ynode_scalar_is(k, "clock"))
		read_clock(x, v, rl);
	else if (ynode_scalar_is(k, "granted"))
		rl->granted = compile(x, v, VAL_BOOL);
	else if (ynode_scalar_is(k, "forfeited"))
		read_forfeited(x, v, rl);
	else if (ynode_scalar_is(k, "forum")) {
		if (ynode_scalar_is(v, "ij_only"))
			rl->forum = FORUM_IJ_ONLY;
		else if (ynode_scalar_is(v, "uscis"))
			rl->forum = FORUM_USCIS;
		else if (ynode_scalar_is(v, "both"))
			rl->forum = FORUM_BOTH;
		else
			yreader_error(x->y, v, "forum must be ij_only, uscis or "
				      "both");
	} else
		yreader_error(x->y, k, "unknown key '%.40s' in a rule",
			      k->kind == YN_SCALAR ? k->s : "?");
}

static void read_rule(struct rctx *x, const struct ynode *m, struct rule *rl)
{
	memset(rl, 0, sizeof(*rl));
	rl->kind = 255;
	rl->convention = CLOCK_NONE;
	rl->forum = FORUM_BOTH;
	rl->pos = (struct pos){ m->line, m->col };
	if (m->kind != YN_MAP) {
		yreader_error(x->y, m, "a rule is a mapping");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++)
		read_rule_key(x, m->kids[2 * i], m->kids[2 * i + 1], rl);
	const char *miss = !rl->id ? "id" : !rl->title ? "title" :
		!rl->cite ? "cite" : rl->kind == 255 ? "kind" : NULL;
	if (miss)
		yreader_error(x->y, m, "a rule needs %s", miss);
	if (rl->kind == RULE_PENALTY && !rl->clock_from)
		yreader_error(x->y, m, "a penalty needs a clock");
}

/* The facts an expression may name: every derived fact, plus
 * running_<id> for each penalty id (set as penalties are evaluated). */
static void build_env(struct rules *r, const struct ynode *list)
{
	size_t extra = 0;
	for (uint32_t i = 0; list && i < list->n; i++)
		extra++;
	struct expr_fact *f = arena_zalloc(&r->arena,
					   (facts_count + extra + 1) * sizeof(*f));
	for (size_t i = 0; i < facts_count; i++)
		f[i] = (struct expr_fact){ facts_table[i].name,
					   facts_table[i].type };
	size_t n = facts_count;
	for (uint32_t i = 0; list && i < list->n; i++) {
		const struct ynode *m = list->kids[i], *id = NULL, *kind = NULL;
		for (uint32_t j = 0; m->kind == YN_MAP && j < m->n; j++) {
			if (ynode_scalar_is(m->kids[2 * j], "id"))
				id = m->kids[2 * j + 1];
			if (ynode_scalar_is(m->kids[2 * j], "kind"))
				kind = m->kids[2 * j + 1];
		}
		if (!id || id->kind != YN_SCALAR || !kind ||
		    !ynode_scalar_is(kind, "penalty"))
			continue;
		char *name = arena_printf(&r->arena, "running_%s", id->s);
		bool dup = false;
		for (size_t k = facts_count; k < n; k++)
			dup |= !strcmp(f[k].name, name);
		if (!dup)
			f[n++] = (struct expr_fact){ name, VAL_BOOL };
	}
	r->env.facts = f;
	r->env.n_facts = n;
}

/* Each penalty's running_<id> fact, found once rather than per case. */
static void link_running(struct rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct rule *rl = &r->v[i];
		rl->running_fact = -1;
		if (rl->kind != RULE_PENALTY || !rl->id)
			continue;
		for (size_t k = facts_count; k < r->env.n_facts; k++) {
			const char *nm = r->env.facts[k].name;
			if (!strncmp(nm, "running_", 8) && !strcmp(nm + 8, rl->id)) {
				rl->running_fact = (int)k;
				break;
			}
		}
	}
}

static void read_root(struct rctx *x, const struct ynode *root)
{
	const struct ynode *list = NULL;
	bool format = false;
	if (root->kind != YN_MAP) {
		yreader_error(x->y, root, "expected a mapping with format and "
			      "rules");
		build_env(x->r, NULL);
		return;
	}
	for (uint32_t i = 0; i < root->n; i++) {
		const struct ynode *k = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (ynode_scalar_is(k, "format")) {
			format = true;
			if (!ynode_scalar_is(v, "casewalk-rules/1"))
				yreader_error(x->y, v, "format must be "
					      "'casewalk-rules/1'");
		} else if (ynode_scalar_is(k, "rules") && v->kind == YN_SEQ) {
			list = v;
		} else {
			yreader_error(x->y, k, "unknown key (allowed: format, "
				      "rules as a list)");
		}
	}
	build_env(x->r, list);
	if (!format)
		yreader_error(x->y, root, "missing required key 'format' "
			      "(casewalk-rules/1)");
	if (!list) {
		yreader_error(x->y, root, "no rules list");
		return;
	}
	x->r->v = arena_zalloc(&x->r->arena, (list->n + 1) * sizeof(struct rule));
	for (uint32_t i = 0; i < list->n; i++)
		read_rule(x, list->kids[i], &x->r->v[x->r->n++]);
}

int rules_load_buffer(struct rules *r, const char *name, const char *buf,
		      size_t len, struct diag_list *diags)
{
	struct yreader y;
	struct arena scratch;
	size_t before = diags->n_errors;
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena, 64 * 1024);
	arena_init(&scratch, 64 * 1024);
	r->name = arena_strdup(&r->arena, name);
	struct rctx x = { &y, r };
	yreader_init(&y, r->name, 0, buf, len, &ylimits_default, &scratch,
		     &r->arena, diags);
	struct ynode *root = yreader_next(&y);
	if (root)
		read_root(&x, root);
	else if (!y.doc_error && !diags->n_errors)
		yreader_error_at(&y, 1, 1, "the rules file holds no rules");
	if (!r->env.facts)
		build_env(r, NULL);
	link_running(r);
	yreader_done(&y);
	arena_free(&scratch);
	return (int)(diags->n_errors - before);
}

int rules_load_file(struct rules *r, const char *path,
		    struct diag_list *diags)
{
	char *buf;
	size_t len;
	const char *why;
	if (yfile_read(path, ylimits_default.max_file_size, &buf, &len, &why)) {
		memset(r, 0, sizeof(*r));
		arena_init(&r->arena, 1024);
		diag_addf(diags, &r->arena, arena_strdup(&r->arena, path), 0, 0,
			  0, DIAG_ERROR, NULL, 0, "cannot read: %s", why);
		return 1;
	}
	int n = rules_load_buffer(r, path, buf, len, diags);
	free(buf);
	return n;
}

int rules_load_default(struct rules *r, struct diag_list *diags)
{
	return rules_load_buffer(r, "config/rules.yaml (built in)",
				 embedded_rules_yaml, embedded_rules_yaml_len,
				 diags);
}

void rules_free(struct rules *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

static bool in_era(struct date from, struct date until, struct date law)
{
	if (date_known(from) && date_lo(law) < date_lo(from))
		return false;
	if (date_known(until) && date_lo(law) > date_lo(until))
		return false;
	return true;
}

bool rules_in_force(const struct rule *rule, struct date law)
{
	return in_era(rule->in_force_from, rule->in_force_until, law);
}

const char *rules_waiver(const struct rule *rule, struct date law)
{
	for (uint32_t i = 0; i < rule->n_waiver; i++)
		if (in_era(rule->waiver[i].from, rule->waiver[i].until, law))
			return rule->waiver[i].text;
	return NULL;
}

const struct rule *rules_find(const struct rules *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id && !strcmp(r->v[i].id, id))
			return &r->v[i];
	return NULL;
}
