/* rules.c - reading config/rules.yaml with the common YAML reader: the
 * parameters, holidays and paths (rules_law.c reads those), the derived
 * facts, the rules; and the table of every name an expression may use. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "facts.h"
#include "rules_int.h"
#include "ytree.h"

#define CW_ENUM_NAME(id, name) name,
static const char *const rule_kind_names[] = { RULE_KINDS(CW_ENUM_NAME) };
const struct enum_def rule_kind_def = { "kind", rule_kind_names, KIND__COUNT };
static const char *const forum_names[] = { FORUMS(CW_ENUM_NAME) };
const struct enum_def forum_def = { "forum", forum_names, FORUM__COUNT };
#undef CW_ENUM_NAME

const char *rctx_str(struct rctx *x, const struct ynode *v)
{
	return ynode_strdup(x->y, v, &x->r->arena);
}

/* Each key of mapping m once: a second one is an error, as in case files. */
bool rctx_map(struct rctx *x, const struct ynode *m, const char *what)
{
	if (m->kind != YN_MAP) {
		yreader_error(x->y, m, "%s must be a mapping, found %s", what,
			      ynode_kind_name(m));
		return false;
	}
	for (uint32_t i = 1; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		for (uint32_t j = 0; j < i && k->kind == YN_SCALAR; j++) {
			const struct ynode *o = m->kids[2 * j];
			if (o->kind == YN_SCALAR && o->n == k->n &&
			    !memcmp(o->s, k->s, k->n)) {
				yreader_error(x->y, k, "duplicate key '%.40s' in %s",
					      k->s, what);
				break;
			}
		}
	}
	return true;
}

bool rctx_date(struct rctx *x, const struct ynode *v, struct date *d)
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

bool rctx_bool(struct rctx *x, const struct ynode *v, bool *b)
{
	if (ynode_scalar_is(v, "true"))
		return *b = true, true;
	if (ynode_scalar_is(v, "false"))
		return *b = false, true;
	yreader_error(x->y, v, "expected true or false");
	return false;
}

void rctx_in_force(struct rctx *x, const struct ynode *m, struct date *from,
		   struct date *until)
{
	if (!rctx_map(x, m, "in_force"))
		return;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "from"))
			rctx_date(x, v, from);
		else if (ynode_scalar_is(k, "until"))
			rctx_date(x, v, until);
		else
			yreader_error(x->y, k, "unknown key in in_force "
				      "(allowed: from, until)");
	}
	if (date_known(*from) && date_known(*until) &&
	    date_lo(*until) < date_lo(*from))
		yreader_error(x->y, m, "in_force: until is before from");
}

/* ---- expressions and the names they may use --------------------------- */

/* Compiles the expression held in scalar v, seeing the facts defined so
 * far; reports errors at the column where they are. */
struct expr *rctx_compile(struct rctx *x, const struct ynode *v, uint8_t want)
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

/* The phase an expression can be evaluated in (the latest of the facts
 * it names), and a check that it names items of `scope` only (-1: none). */
int rctx_phase(struct rctx *x, const struct expr *e, int scope,
	       const struct ynode *at, const char *what)
{
	/* every fact it names, however many (a trainer's rules file can
	 * name more than any fixed table would hold) */
	size_t max = x->r->env.n_facts;
	uint32_t *idx = xmalloc((max + 1) * sizeof(*idx));
	size_t n = expr_facts(e, idx, 0, max);
	int phase = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t s = idx[i];
		if (x->slot_scope[s] >= 0 && x->slot_scope[s] != scope) {
			if (scope < 0)
				yreader_error(x->y, at, "%s names %s, a fact of "
					      "one %s: say for_each: %s, or "
					      "aggregate it in a derived fact",
					      what, x->r->env.facts[s].name,
					      scope_defs[x->slot_scope[s]].name,
					      scope_defs[x->slot_scope[s]].name);
			else
				yreader_error(x->y, at, "%s names %s, but it is "
					      "about each %s", what,
					      x->r->env.facts[s].name,
					      scope_defs[scope].name);
		}
		if (x->r->phase[s] > phase)
			phase = x->r->phase[s];
	}
	free(idx);
	return phase;
}

/* Adds a name to the facts expressions may use; returns its slot. */
uint32_t rctx_add_fact(struct rctx *x, const char *name, uint8_t type,
		       int scope, int phase)
{
	struct rules *r = x->r;
	uint32_t s = (uint32_t)r->env.n_facts++;
	struct expr_fact *f = (struct expr_fact *)r->env.facts;
	f[s] = (struct expr_fact){ name, type };
	r->phase[s] = (uint8_t)phase;
	x->slot_scope[s] = (int8_t)scope;
	return s;
}

bool rctx_name_taken(const struct rctx *x, const char *name)
{
	for (size_t i = 0; i < x->r->env.n_facts; i++)
		if (!strcmp(x->r->env.facts[i].name, name))
			return true;
	return false;
}

/* Every fact of src/: the case's, then each scope's items'. */
static void base_env(struct rctx *x, size_t extra)
{
	struct rules *r = x->r;
	size_t items = 0;
	for (int sc = 0; sc < SC__COUNT; sc++)
		items += scope_defs[sc].n_facts;
	size_t cap = facts_count + items + extra + 1;
	r->env.facts = arena_zalloc(&r->arena, cap * sizeof(struct expr_fact));
	r->phase = arena_zalloc(&r->arena, cap);
	x->slot_scope = arena_zalloc(&r->arena, cap);
	x->cap = cap;
	r->env.n_facts = 0;
	for (size_t i = 0; i < facts_count; i++)
		rctx_add_fact(x, facts_table[i].name, facts_table[i].type, -1,
			      facts_table[i].late);
	for (int sc = 0; sc < SC__COUNT; sc++) {
		const struct scope_def *d = &scope_defs[sc];
		struct scope_layout *l = &r->scope[sc];
		l->slot = arena_zalloc(&r->arena, (d->n_facts + extra + 1) *
				       sizeof(*l->slot));
		for (uint16_t k = 0; k < d->n_facts; k++) {
			char *name = arena_printf(&r->arena, "%s.%s", d->name,
						  d->facts[k].name);
			l->slot[l->width++] = rctx_add_fact(x, name,
					d->facts[k].type, sc, 0);
		}
	}
}

/* ---- derived facts ------------------------------------------------------- */

static int scope_of_name(const char *id, size_t *prefix)
{
	const char *dot = strchr(id, '.');
	if (!dot)
		return -1;
	*prefix = (size_t)(dot - id);
	for (int sc = 0; sc < SC__COUNT; sc++)
		if (strlen(scope_defs[sc].name) == *prefix &&
		    !memcmp(scope_defs[sc].name, id, *prefix))
			return sc;
	return -2;
}

static int scope_named(const struct ynode *v)
{
	for (int sc = 0; sc < SC__COUNT; sc++)
		if (ynode_scalar_is(v, scope_defs[sc].name))
			return sc;
	return -1;
}

static void scope_error(struct rctx *x, const struct ynode *v)
{
	char list[256];
	size_t used = 0;
	list[0] = '\0';
	for (int sc = 0; sc < SC__COUNT; sc++)
		used += (size_t)snprintf(list + used, sizeof(list) - used,
					 "%s%s", sc ? ", " : "",
					 scope_defs[sc].name);
	yreader_error(x->y, v, "unknown scope (allowed: %s)", list);
}

static const struct {
	const char *key;
	uint8_t agg;
} agg_keys[] = {
	{ "expr", AGG_NONE }, { "any", AGG_ANY }, { "all", AGG_ALL },
	{ "count", AGG_COUNT }, { "min", AGG_MIN }, { "max", AGG_MAX },
	{ "sum", AGG_SUM },
};

static void derive_key(struct rctx *x, struct derive *d,
		       const struct ynode *k, const struct ynode *v,
		       const struct ynode **body)
{
	if (ynode_scalar_is(k, "id"))
		d->id = rctx_str(x, v);
	else if (ynode_scalar_is(k, "text"))
		d->text = rctx_str(x, v);
	else if (ynode_scalar_is(k, "cite"))
		d->cite = rctx_str(x, v);
	else if (ynode_scalar_is(k, "each")) {
		d->each = (int8_t)scope_named(v);
		if (d->each < 0)
			scope_error(x, v);
	} else if (ynode_scalar_is(k, "where"))
		body[1] = v;
	else {
		for (size_t i = 0; i < sizeof(agg_keys) / sizeof(agg_keys[0]); i++)
			if (ynode_scalar_is(k, agg_keys[i].key)) {
				if (body[0])
					yreader_error(x->y, k, "a derived fact has one "
						      "of expr, any, all, count, min, max, "
						      "sum");
				body[0] = v;
				d->agg = agg_keys[i].agg;
				return;
			}
		yreader_error(x->y, k, "unknown key '%.40s' in a derived fact "
			      "(allowed: id, text, cite, expr, each, any, all, "
			      "count, min, max, sum, where)",
			      k->kind == YN_SCALAR ? k->s : "?");
	}
}

static uint8_t derive_type(const struct derive *d)
{
	switch (d->agg) {
	case AGG_ANY: case AGG_ALL: return VAL_BOOL;
	case AGG_COUNT: return VAL_INT;
	}
	return expr_type(d->expr);
}

/* Compiles a derived fact against the facts defined before it. */
static void compile_derive(struct rctx *x, struct derive *d,
			   const struct ynode *m, const struct ynode **body)
{
	int own = d->agg != AGG_NONE ? d->each : d->scope;
	if (d->agg != AGG_NONE && d->scope >= 0)
		yreader_error(x->y, m, "a derived fact of one %s is an expr, "
			      "not an aggregate", scope_defs[d->scope].name);
	if (d->agg != AGG_NONE && d->each < 0)
		yreader_error(x->y, m, "an aggregate needs each: SCOPE");
	if (d->agg == AGG_NONE && d->each >= 0)
		yreader_error(x->y, m, "each: goes with any, all, count, min "
			      "or max");
	if (body[1] && d->agg != AGG_MIN && d->agg != AGG_MAX &&
	    d->agg != AGG_COUNT && d->agg != AGG_SUM)
		yreader_error(x->y, body[1], "where: goes with count, min, max "
			      "or sum");
	uint8_t want = d->agg == AGG_ANY || d->agg == AGG_ALL ||
		       d->agg == AGG_COUNT ? VAL_BOOL : VAL_UNKNOWN;
	d->expr = rctx_compile(x, body[0], want);
	if (body[1])
		d->where = rctx_compile(x, body[1], VAL_BOOL);
	if (!d->expr)
		return;
	int ph = rctx_phase(x, d->expr, own, body[0], "the derived fact");
	if (d->where) {
		int p2 = rctx_phase(x, d->where, own, body[1], "where");
		ph = p2 > ph ? p2 : ph;
	}
	d->phase = (uint8_t)ph;
	d->type = derive_type(d);
	if ((d->agg == AGG_MIN || d->agg == AGG_MAX) && d->type != VAL_INT &&
	    d->type != VAL_DATE)
		yreader_error(x->y, body[0], "min and max take numbers or dates");
	if (d->agg == AGG_SUM && d->type != VAL_INT)
		yreader_error(x->y, body[0], "sum takes numbers");
	if (d->type == VAL_UNKNOWN)
		yreader_error(x->y, body[0], "a derived fact must have one type: "
			      "true/false, a number, a date or a text");
}

static void read_derive(struct rctx *x, const struct ynode *m, struct derive *d)
{
	const struct ynode *body[2] = { NULL, NULL };
	memset(d, 0, sizeof(*d));
	d->scope = d->each = -1;
	d->pos = (struct pos){ m->line, m->col };
	if (!rctx_map(x, m, "a derived fact"))
		return;
	for (uint32_t i = 0; i < m->n; i++)
		derive_key(x, d, m->kids[2 * i], m->kids[2 * i + 1], body);
	if (!d->id || !d->text || !body[0]) {
		yreader_error(x->y, m, "a derived fact needs %s", !d->id ? "id" :
			      !d->text ? "text (its plain-language sentence)" :
			      "expr (or any, all, count, min, max)");
		return;
	}
	size_t prefix;
	d->scope = (int8_t)scope_of_name(d->id, &prefix);
	if (d->scope == -2) {
		yreader_error(x->y, m, "derived fact '%.60s': unknown scope "
			      "before the dot", d->id);
		return;
	}
	if (rctx_name_taken(x, d->id)) {
		yreader_error(x->y, m, "derived fact '%.60s' is already a fact",
			      d->id);
		return;
	}
	compile_derive(x, d, m, body);
	if (!d->expr || d->type == VAL_UNKNOWN)
		return;
	d->slot = rctx_add_fact(x, d->id, d->type, d->scope, d->phase);
	if (d->scope >= 0) {
		struct scope_layout *l = &x->r->scope[d->scope];
		d->column = l->width;
		l->slot[l->width++] = d->slot;
	}
}

static void read_derives(struct rctx *x, const struct ynode *list)
{
	struct rules *r = x->r;
	if (!list)
		return;
	if (list->kind != YN_SEQ) {
		yreader_error(x->y, list, "derive must be a list of derived facts");
		return;
	}
	r->derives = arena_zalloc(&r->arena, (list->n + 1) * sizeof(*r->derives));
	for (uint32_t i = 0; i < list->n; i++) {
		read_derive(x, list->kids[i], &r->derives[r->n_derives]);
		if (r->derives[r->n_derives].expr &&
		    r->derives[r->n_derives].type != VAL_UNKNOWN)
			r->n_derives++;
	}
}

/* The derived facts src/ reads back (ENGINE_HOOKS). */
static void link_hooks(struct rctx *x, const struct ynode *root)
{
	static const struct { int scope; const char *name; uint8_t type; }
	hooks[H__COUNT] = {
#define HOOK_ROW(id, scope, name, type) [id] = { scope, name, type },
		ENGINE_HOOKS(HOOK_ROW)
#undef HOOK_ROW
	};
	for (int h = 0; h < H__COUNT; h++) {
		const struct derive *d = NULL;
		for (size_t i = 0; i < x->r->n_derives && !d; i++)
			if (!strcmp(x->r->derives[i].id, hooks[h].name))
				d = &x->r->derives[i];
		if (!d) {
			yreader_error(x->y, root, "the rules define no derived "
				      "fact %s, which casewalk reads while "
				      "deriving the facts", hooks[h].name);
			continue;
		}
		if (d->type != hooks[h].type || d->phase != 0)
			yreader_error_at(x->y, d->pos.line, d->pos.col,
				"%s must give %s from facts that are not late",
				hooks[h].name, hooks[h].type == VAL_BOOL ?
				"true or false" : "a date");
		x->r->hook_column[h] = d->column;
	}
}

/* ---- rules ------------------------------------------------------------- */

/* A list of conditions: [{text, expr, cite}] */
/* The key of a condition beside text, expr and cite: penalty (a bar that
 * is a penalty's running instances), inside, met_on. */
static bool cond_key(struct rctx *x, struct rule_cond *c, const struct ynode *k,
		     const struct ynode *val, const struct ynode **pen)
{
	if (ynode_scalar_is(k, "penalty")) {
		*pen = val;
		c->src = rctx_str(x, val);
	} else if (ynode_scalar_is(k, "inside")) {
		rctx_bool(x, val, &c->inside);
	} else if (ynode_scalar_is(k, "proceedings")) {
		rctx_bool(x, val, &c->proceedings);
	} else if (ynode_scalar_is(k, "met_on")) {
		c->met_on = rctx_compile(x, val, VAL_DATE);
		if (c->met_on)
			rctx_phase(x, c->met_on, -1, val, "met_on");
	} else if (ynode_scalar_is(k, "waiver")) {
		for (size_t i = 0; i < x->r->n && val->kind == YN_SCALAR; i++)
			if (x->r->v[i].id && !strcmp(x->r->v[i].id, val->s) &&
			    x->r->v[i].kind == KIND_RELIEF)
				c->waiver = &x->r->v[i];
		if (!c->waiver)
			yreader_error(x->y, val, "waiver: no relief rule "
				      "'%.40s'", val->kind == YN_SCALAR ?
				      val->s : "?");
	} else {
		return false;
	}
	return true;
}

/* `penalty: ID` stands for running_ID, and links the condition to the
 * rule (its instances' ends and routes). */
static void penalty_cond(struct rctx *x, struct rule_cond *c,
			 const struct ynode *v)
{
	const struct rule *rl = NULL;
	for (size_t i = 0; i < x->r->n && v->kind == YN_SCALAR; i++)
		if (x->r->v[i].id && !strcmp(x->r->v[i].id, v->s) &&
		    rule_kind_is_penalty(x->r->v[i].kind))
			rl = &x->r->v[i];
	if (!rl) {
		yreader_error(x->y, v, "penalty: no penalty rule '%.40s'",
			      v->kind == YN_SCALAR ? v->s : "?");
		return;
	}
	char buf[160];
	snprintf(buf, sizeof(buf), "running_%s", rl->id);
	struct expr_error err;
	c->expr = expr_compile(buf, strlen(buf), &x->r->env, &x->r->arena, &err);
	c->penalty = rl;
}

static struct rule_cond *read_conds(struct rctx *x, const struct ynode *v,
				    uint32_t *n, int scope, int max_phase)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "expected a list of conditions");
		*n = 0;         /* a list read before under the same key goes */
		return NULL;
	}
	struct rule_cond *c = arena_zalloc(&x->r->arena,
					   (v->n + 1) * sizeof(*c));
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *m = v->kids[i];
		const struct ynode *ex = NULL;
		c[i].pos = (struct pos){ m->line, m->col };
		if (!rctx_map(x, m, "a condition"))
			continue;
		const struct ynode *pen = NULL;
		for (uint32_t j = 0; j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *val = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "text"))
				c[i].text = rctx_str(x, val);
			else if (ynode_scalar_is(k, "cite"))
				c[i].cite = rctx_str(x, val);
			else if (ynode_scalar_is(k, "expr")) {
				c[i].src = rctx_str(x, val);
				c[i].expr = rctx_compile(x, val, VAL_BOOL);
				ex = val;
			} else if (!cond_key(x, &c[i], k, val, &pen))
				yreader_error(x->y, k, "unknown key in a condition "
					      "(allowed: text, expr, cite, "
					      "penalty, inside, proceedings, "
					      "met_on, waiver)");
		}
		if (pen) {
			/* with expr too, the expr says when the bar holds and
			 * the penalty's instances give its end and routes */
			struct expr *own = c[i].expr;
			penalty_cond(x, &c[i], pen);
			if (own)
				c[i].expr = own;
		}
		if (!c[i].text && c[i].src)
			yreader_error(x->y, m, "a condition needs text "
				      "(its plain-language sentence)");
		if (!c[i].src)
			yreader_error(x->y, m, "a condition needs expr (or "
				      "penalty)");
		if (c[i].expr && rctx_phase(x, c[i].expr, scope, ex,
					    "the condition") > max_phase)
			yreader_error(x->y, ex, "a penalty's condition may not "
				      "name running_ facts, or facts derived "
				      "from them");
	}
	*n = v->n;
	return c;
}

static struct expr *clock_expr(struct rctx *x, const struct ynode *v,
			       uint8_t want, int scope)
{
	struct expr *e = rctx_compile(x, v, want);
	if (e && rctx_phase(x, e, scope, v, "the clock") > 1)
		yreader_error(x->y, v, "a clock may not name running_ facts");
	return e;
}

static void read_clock(struct rctx *x, const struct ynode *m, struct rule *rl)
{
	if (!rctx_map(x, m, "clock"))
		return;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "from"))
			rl->clock_from = clock_expr(x, v, VAL_DATE, rl->scope);
		else if (ynode_scalar_is(k, "years"))
			rl->clock_years = clock_expr(x, v, VAL_INT, rl->scope);
		else if (ynode_scalar_is(k, "permanent"))
			rl->clock_permanent = clock_expr(x, v, VAL_BOOL, rl->scope);
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

/* waiver: a string, or a list of {in_force: {from, until}, text} */
static void read_waiver(struct rctx *x, const struct ynode *v, struct rule *rl)
{
	if (v->kind == YN_SCALAR) {
		rl->waiver = arena_zalloc(&x->r->arena, sizeof(*rl->waiver));
		rl->waiver->text = rctx_str(x, v);
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
		struct era_text *w = &rl->waiver[i];
		*w = (struct era_text){ DATE_NONE_INIT, DATE_NONE_INIT, NULL };
		if (!rctx_map(x, m, "a waiver"))
			continue;
		for (uint32_t j = 0; j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *val = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "text"))
				w->text = rctx_str(x, val);
			else if (ynode_scalar_is(k, "in_force"))
				rctx_in_force(x, val, &w->from, &w->until);
			else
				yreader_error(x->y, k, "unknown key in a waiver "
					      "(allowed: in_force, text)");
		}
		if (!w->text)
			yreader_error(x->y, m, "a waiver needs text");
	}
	rl->n_waiver = v->n;
}

/* route: a list of {id, text, when, earliest, abroad_only} */
static void read_routes(struct rctx *x, const struct ynode *v, struct rule *rl)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "route must be a list of {id, text, "
			      "when, earliest, abroad_only}");
		return;
	}
	rl->route = arena_zalloc(&x->r->arena, (v->n + 1) * sizeof(*rl->route));
	rl->n_route = 0;        /* a list given twice: the second one */
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *m = v->kids[i];
		struct rule_route *w = &rl->route[rl->n_route];
		if (!rctx_map(x, m, "a route"))
			continue;
		for (uint32_t j = 0; j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *val = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "id"))
				w->id = rctx_str(x, val);
			else if (ynode_scalar_is(k, "text"))
				w->text = rctx_str(x, val);
			else if (ynode_scalar_is(k, "when"))
				w->when = clock_expr(x, val, VAL_BOOL, -1);
			else if (ynode_scalar_is(k, "earliest"))
				w->earliest = clock_expr(x, val, VAL_DATE, -1);
			else if (ynode_scalar_is(k, "abroad_only"))
				rctx_bool(x, val, &w->abroad_only);
			else
				yreader_error(x->y, k, "unknown key in a route "
					      "(allowed: id, text, when, earliest, "
					      "abroad_only)");
		}
		if (!w->id)
			yreader_error(x->y, m, "a route needs id");
		else
			rl->n_route++;
	}
}

static void read_enum_key(struct rctx *x, const struct ynode *v,
			  const struct enum_def *e, int8_t *out)
{
	int k = v->kind == YN_SCALAR ? enum_value(e, v->s, v->n) : -1;
	if (k >= 0) {
		*out = (int8_t)k;
		return;
	}
	char list[256];
	size_t used = 0;
	list[0] = '\0';
	for (int i = 0; i < e->count; i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used,
					 "%s%s", i ? ", " : "", e->names[i]);
	yreader_error(x->y, v, "%s must be one of %s", e->what, list);
}

/* The keys read before the others: what the rule is and what it is
 * about, which the expressions' checks need. */
static void read_rule_head(struct rctx *x, const struct ynode *m,
			   struct rule *rl)
{
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "kind")) {
			if (ynode_scalar_is(v, "penalty"))
				yreader_error(x->y, v, "kind: say which kind of "
					      "consequence (bar, relief_bar, "
					      "presence, document, criminal, "
					      "money), or relief");
			else
				read_enum_key(x, v, &rule_kind_def, &rl->kind);
		} else if (ynode_scalar_is(k, "for_each")) {
			rl->scope = (int8_t)scope_named(v);
			if (rl->scope < 0)
				scope_error(x, v);
		}
	}
}

/* retroactive: {name: "Delcarmen-Lara", when: EXPR, contested: EXPR} */
static void read_retroactive(struct rctx *x, const struct ynode *v,
			     struct rule *rl)
{
	if (!rctx_map(x, v, "retroactive"))
		return;
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *k = v->kids[2 * i], *w = v->kids[2 * i + 1];
		if (ynode_scalar_is(k, "name"))
			rl->retro_name = rctx_str(x, w);
		else if (ynode_scalar_is(k, "when"))
			rl->retro_when = rctx_compile(x, w, VAL_BOOL);
		else if (ynode_scalar_is(k, "contested"))
			rl->retro_contested = rctx_compile(x, w, VAL_BOOL);
		else
			yreader_error(x->y, k, "unknown key in retroactive "
				      "(allowed: name, when, contested)");
	}
	if (!rl->retro_name || !rl->retro_when)
		yreader_error(x->y, v, "retroactive needs name and when");
}

static void read_rule_key(struct rctx *x, const struct ynode *k,
			  const struct ynode *v, struct rule *rl)
{
	bool pen = rule_kind_is_penalty(rl->kind);
	int max_phase = pen ? 1 : 2;
	if (ynode_scalar_is(k, "id"))
		rl->id = rctx_str(x, v);
	else if (ynode_scalar_is(k, "kind") || ynode_scalar_is(k, "for_each"))
		;       /* read first */
	else if (ynode_scalar_is(k, "instances")) {
		if (ynode_scalar_is(v, "first"))
			rl->instances = INSTANCES_FIRST;
		else if (!ynode_scalar_is(v, "all"))
			yreader_error(x->y, v, "instances must be all or first");
	} else if (ynode_scalar_is(k, "title"))
		rl->title = rctx_str(x, v);
	else if (ynode_scalar_is(k, "cite"))
		rl->cite = rctx_str(x, v);
	else if (ynode_scalar_is(k, "waiver"))
		read_waiver(x, v, rl);
	else if (ynode_scalar_is(k, "money"))
		rl->money = rctx_str(x, v);
	else if (ynode_scalar_is(k, "note"))
		rl->note = rctx_str(x, v);
	else if (ynode_scalar_is(k, "in_force"))
		rctx_in_force(x, v, &rl->in_force_from, &rl->in_force_until);
	else if (ynode_scalar_is(k, "when"))
		rl->when = read_conds(x, v, &rl->n_when, rl->scope, max_phase);
	else if (ynode_scalar_is(k, "bars"))
		rl->bars = read_conds(x, v, &rl->n_bars, rl->scope, max_phase);
	else if (ynode_scalar_is(k, "clock"))
		read_clock(x, v, rl);
	else if (ynode_scalar_is(k, "granted")) {
		rl->granted = rctx_compile(x, v, VAL_BOOL);
		if (rl->granted)
			rctx_phase(x, rl->granted, -1, v, "granted");
	} else if (ynode_scalar_is(k, "forum")) {
		int8_t f = FORUM_BOTH;
		read_enum_key(x, v, &forum_def, &f);
		rl->forum = (uint8_t)f;
	} else if (ynode_scalar_is(k, "from_abroad"))
		rctx_bool(x, v, &rl->from_abroad);
	else if (ynode_scalar_is(k, "admission"))
		rctx_bool(x, v, &rl->admission);
	else if (ynode_scalar_is(k, "abroad")) {
		if (ynode_scalar_is(v, "immigrant_visa"))
			rl->abroad_visa = true;
		else if (!ynode_scalar_is(v, "none"))
			yreader_error(x->y, v, "abroad must be immigrant_visa or "
				      "none");
	} else if (ynode_scalar_is(k, "motion"))
		rl->motion = rctx_str(x, v);
	else if (ynode_scalar_is(k, "lost"))
		rl->lost = read_conds(x, v, &rl->n_lost, rl->scope, max_phase);
	else if (ynode_scalar_is(k, "route"))
		read_routes(x, v, rl);
	else if (pen && ynode_scalar_is(k, "retroactive"))
		read_retroactive(x, v, rl);
	else
		yreader_error(x->y, k, "unknown key '%.40s' in a rule",
			      k->kind == YN_SCALAR ? k->s : "?");
}

static void read_rule(struct rctx *x, const struct ynode *m, struct rule *rl)
{
	memset(rl, 0, sizeof(*rl));
	rl->kind = -1;
	rl->scope = -1;
	rl->convention = CLOCK_NONE;
	rl->forum = FORUM_BOTH;
	rl->from_abroad = true;
	rl->running_fact = -1;
	rl->relief_id = -1;
	rl->pos = (struct pos){ m->line, m->col };
	if (!rctx_map(x, m, "a rule"))
		return;
	read_rule_head(x, m, rl);
	for (uint32_t i = 0; i < m->n; i++)
		read_rule_key(x, m->kids[2 * i], m->kids[2 * i + 1], rl);
	const char *miss = !rl->id ? "id" : !rl->title ? "title" :
		!rl->cite ? "cite" : rl->kind < 0 ? "kind" : NULL;
	if (miss)
		yreader_error(x->y, m, "a rule needs %s", miss);
	bool pen = rule_kind_is_penalty(rl->kind);
	if (pen && !rl->clock_from)
		yreader_error(x->y, m, "a penalty needs a clock");
	if (!pen && rl->kind >= 0 && rl->scope >= 0)
		yreader_error(x->y, m, "relief applies to the whole case: "
			      "for_each is for penalties");
	if (!pen && rl->kind >= 0 && rl->clock_from)
		yreader_error(x->y, m, "relief has no clock");
	if (rl->id && !pen)
		rl->relief_id = (int8_t)enum_value(&relief_def, rl->id,
						   strlen(rl->id));
	for (uint32_t i = 0; i < rl->n_when; i++)
		if (rl->when[i].waiver) {
			rl->crit_waiver = true;
			if (pen || rl->when[i].waiver == rl)
				yreader_error_at(x->y, rl->when[i].pos.line,
					rl->when[i].pos.col, "waiver: a condition "
					"of a relief, naming another relief");
		}
	for (uint32_t i = 0; i < rl->n_bars; i++)
		if (rl->bars[i].waiver)
			yreader_error_at(x->y, rl->bars[i].pos.line,
				rl->bars[i].pos.col, "waiver: goes with a "
				"condition under when, not a bar");
	for (uint32_t i = 0; i < rl->n_lost; i++)
		if (rl->lost[i].waiver)
			yreader_error_at(x->y, rl->lost[i].pos.line,
				rl->lost[i].pos.col, "waiver: goes with a "
				"condition under when, not lost");
}

/* running_<id> for each penalty: true while an instance of it runs. */
static void add_running(struct rctx *x)
{
	struct rules *r = x->r;
	r->first_running = r->env.n_facts;
	for (size_t i = 0; i < r->n; i++) {
		struct rule *rl = &r->v[i];
		if (!rule_kind_is_penalty(rl->kind) || !rl->id)
			continue;
		char *name = arena_printf(&r->arena, "running_%s", rl->id);
		int found = -1;
		for (size_t k = r->first_running; k < r->env.n_facts; k++)
			if (!strcmp(r->env.facts[k].name, name))
				found = (int)k;
		rl->running_fact = found >= 0 ? found :
			(int)rctx_add_fact(x, name, VAL_BOOL, -1, 2);
	}
}

/* Rules (penalties and relief) are compiled after every derived fact and
 * the running_ facts are known: relief may name them. */
static void read_rules(struct rctx *x, const struct ynode *list)
{
	struct rules *r = x->r;
	r->v = arena_zalloc(&r->arena, (list->n + 1) * sizeof(struct rule));
	/* ids and kinds first, for running_ */
	for (uint32_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->kids[i];
		struct rule *rl = &r->v[i];
		rl->kind = -1;
		for (uint32_t j = 0; m->kind == YN_MAP && j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *v = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "id") && v->kind == YN_SCALAR)
				rl->id = rctx_str(x, v);
			if (ynode_scalar_is(k, "kind") && v->kind == YN_SCALAR) {
				int kd = enum_value(&rule_kind_def, v->s, v->n);
				rl->kind = (int8_t)kd;
			}
		}
	}
	r->n = list->n;
	add_running(x);
	for (uint32_t i = 0; i < list->n; i++) {
		int run = r->v[i].running_fact;
		read_rule(x, list->kids[i], &r->v[i]);
		r->v[i].running_fact = run;
	}
	for (size_t i = 0; i < r->n; i++)
		for (uint32_t k = 0; k < r->v[i].n_when; k++) {
			const struct rule_cond *c = &r->v[i].when[k];
			if (c->waiver && c->waiver->crit_waiver)
				yreader_error_at(x->y, c->pos.line, c->pos.col,
					"waiver: '%s' names a waiver itself "
					"(one level only)", c->waiver->id);
		}
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < i; j++)
			if (r->v[i].id && r->v[j].id &&
			    !strcmp(r->v[i].id, r->v[j].id) &&
			    !(date_known(r->v[j].in_force_until) ||
			      date_known(r->v[i].in_force_until)))
				yreader_error_at(x->y, r->v[i].pos.line,
					r->v[i].pos.col, "rule '%s' is defined "
					"twice (eras need in_force)", r->v[i].id);
}

/* ---- the file ------------------------------------------------------------- */

struct root_keys {
	const struct ynode *params, *holidays, *paths, *derive, *rules,
			   *policies;
};

static void read_root_keys(struct rctx *x, const struct ynode *root,
			   struct root_keys *k)
{
	bool format = false;
	rctx_map(x, root, "the rules file");
	for (uint32_t i = 0; i < root->n; i++) {
		const struct ynode *key = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (ynode_scalar_is(key, "format")) {
			format = true;
			if (!ynode_scalar_is(v, "casewalk-rules/2"))
				yreader_error(x->y, v, "format must be "
					      "'casewalk-rules/2'");
		} else if (ynode_scalar_is(key, "parameters"))
			k->params = v;
		else if (ynode_scalar_is(key, "holidays"))
			k->holidays = v;
		else if (ynode_scalar_is(key, "paths"))
			k->paths = v;
		else if (ynode_scalar_is(key, "derive"))
			k->derive = v;
		else if (ynode_scalar_is(key, "rules"))
			k->rules = v;
		else if (ynode_scalar_is(key, "policies"))
			k->policies = v;
		else
			yreader_error(x->y, key, "unknown key (allowed: format, "
				      "parameters, holidays, paths, derive, rules, "
				      "policies)");
	}
	if (!format)
		yreader_error(x->y, root, "missing required key 'format' "
			      "(casewalk-rules/2)");
}

/* The columns of scope sc's item row that the expressions e[0..n) read:
 * an item is loaded column by column, only where it is looked at. */
static uint16_t *columns(struct rules *r, int sc, const struct expr *const *e,
			 size_t n, uint16_t *count)
{
	const struct scope_layout *l = &r->scope[sc];
	size_t max = r->env.n_facts;
	uint32_t *idx = arena_alloc(&r->arena, (max + 1) * sizeof(*idx));
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (e[i])
			m = expr_facts(e[i], idx, m, max);
	uint16_t *cols = arena_alloc(&r->arena, (l->width + 1) * sizeof(*cols));
	uint16_t c = 0;
	for (uint16_t k = 0; k < l->width; k++)
		for (size_t i = 0; i < m; i++)
			if (idx[i] == l->slot[k]) {
				cols[c++] = k;
				break;
			}
	*count = c;
	return cols;
}

static void item_columns(struct rules *r)
{
	for (size_t i = 0; i < r->n_derives; i++) {
		struct derive *d = &r->derives[i];
		int sc = d->scope >= 0 ? d->scope : d->each;
		if (sc < 0 || sc >= SC__COUNT)
			continue;
		const struct expr *e[2] = { d->expr, d->where };
		d->cols = columns(r, sc, e, 2, &d->n_cols);
	}
	for (size_t i = 0; i < r->n; i++) {
		struct rule *rl = &r->v[i];
		if (rl->scope < 0 || rl->scope >= SC__COUNT)
			continue;
		size_t n = rl->n_when + 5;
		const struct expr **e = arena_alloc(&r->arena, n * sizeof(*e));
		for (uint32_t k = 0; k < rl->n_when; k++)
			e[k] = rl->when[k].expr;
		e[rl->n_when] = rl->clock_from;
		e[rl->n_when + 1] = rl->clock_years;
		e[rl->n_when + 2] = rl->clock_permanent;
		e[rl->n_when + 3] = rl->retro_when;
		e[rl->n_when + 4] = rl->retro_contested;
		rl->cols = columns(r, rl->scope, e, n, &rl->n_cols);
	}
}

/* Marks, with bit, the derived facts that the expressions e[0..n) name,
 * by slot (the closure is taken afterwards). */
static void mark_slots(struct rules *r, uint8_t *slot_need, uint8_t bit,
		       const struct expr *const *e, size_t n, uint32_t *buf)
{
	for (size_t i = 0; i < n; i++) {
		if (!e[i])
			continue;
		size_t m = expr_facts(e[i], buf, 0, r->env.n_facts);
		for (size_t k = 0; k < m; k++)
			slot_need[buf[k]] |= bit;
	}
}

static void mark_conds(struct rules *r, uint8_t *need, uint8_t bit,
		       const struct rule_cond *c, uint32_t n, uint32_t *buf)
{
	for (uint32_t i = 0; i < n; i++) {
		const struct expr *e[2] = { c[i].expr, c[i].met_on };
		mark_slots(r, need, bit, e, 2, buf);
	}
}

/* derive.need and rule.policy_reads: who reads each derived fact, through
 * the derived facts that read it (a derived fact names only earlier ones,
 * so one pass from the last to the first closes it). */
static void derive_needs(struct rules *r)
{
	size_t nf = r->env.n_facts;
	uint8_t *need = xcalloc(nf + 1, 1);
	uint32_t *buf = xmalloc((nf + 1) * sizeof(*buf));
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		const struct expr *e[6] = { rl->clock_from, rl->clock_years,
			rl->clock_permanent, rl->granted, rl->retro_when,
			rl->retro_contested };
		mark_slots(r, need, NEED_RULES, e, 6, buf);
		mark_conds(r, need, NEED_RULES, rl->when, rl->n_when, buf);
		mark_conds(r, need, NEED_RULES, rl->bars, rl->n_bars, buf);
		mark_conds(r, need, NEED_RULES, rl->lost, rl->n_lost, buf);
		for (uint32_t k = 0; k < rl->n_route; k++) {
			const struct expr *w[2] = { rl->route[k].when,
						    rl->route[k].earliest };
			mark_slots(r, need, NEED_RULES, w, 2, buf);
		}
	}
	for (size_t i = 0; i < r->n_policies; i++) {
		const struct policy *p = &r->policies[i];
		const struct expr *e[1] = { p->covers };
		mark_slots(r, need, NEED_POLICY, e, 1, buf);
		for (uint32_t k = 0; k < p->n_cat; k++) {
			const struct expr *c[1] = { p->cat[k].expr };
			mark_slots(r, need, NEED_POLICY, c, 1, buf);
			for (uint32_t l = 0; l < p->cat[k].n_levels; l++) {
				const struct expr *v[1] = { p->cat[k].levels[l].expr };
				mark_slots(r, need, NEED_POLICY, v, 1, buf);
			}
		}
		for (uint32_t k = 0; k < p->n_factor; k++) {
			const struct expr *f[1] = { p->factor[k].expr };
			mark_slots(r, need, NEED_POLICY, f, 1, buf);
		}
	}
	/* the engine's hooks are read while deriving, on every side */
	static const char *const hooks[H__COUNT] = {
#define HOOK_NAME(id, scope, name, type) [id] = name,
		ENGINE_HOOKS(HOOK_NAME)
#undef HOOK_NAME
	};
	for (size_t i = 0; i < r->n_derives; i++)
		for (int h = 0; h < H__COUNT; h++)
			if (!strcmp(r->derives[i].id, hooks[h]))
				need[r->derives[i].slot] |= NEED_RULES | NEED_POLICY;
	for (size_t i = r->n_derives; i-- > 0;) {
		struct derive *d = &r->derives[i];
		d->need = need[d->slot];
		if (!d->need)
			continue;
		const struct expr *e[2] = { d->expr, d->where };
		mark_slots(r, need, d->need, e, 2, buf);
	}
	for (size_t i = 0; i < r->n; i++) {
		struct rule *rl = &r->v[i];
		rl->policy_reads = rl->running_fact >= 0 &&
			(need[rl->running_fact] & NEED_POLICY);
	}
	free(buf);
	free(need);
}

static size_t seq_len(const struct ynode *v)
{
	return v && v->kind == YN_SEQ ? v->n : 0;
}

static void read_root(struct rctx *x, const struct ynode *root)
{
	struct root_keys k = { 0 };
	if (root->kind != YN_MAP) {
		yreader_error(x->y, root, "expected a mapping with format, "
			      "parameters, holidays, paths, derive and rules");
		base_env(x, 0);
		return;
	}
	read_root_keys(x, root, &k);
	base_env(x, seq_len(k.params) + seq_len(k.derive) + seq_len(k.rules));
	rules_read_params(x, k.params, root);
	params_index(x->r);
	rules_read_holidays(x, k.holidays, root);
	rules_read_paths(x, k.paths, root);
	read_derives(x, k.derive);
	link_hooks(x, root);
	if (!k.rules || k.rules->kind != YN_SEQ) {
		yreader_error(x->y, k.rules ? k.rules : root, "no rules list");
		return;
	}
	read_rules(x, k.rules);
	rules_read_policies(x, k.policies);
	item_columns(x->r);
	derive_needs(x->r);
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
	struct rctx x = { &y, r, NULL, 0 };
	yreader_init(&y, r->name, 0, buf, len, &ylimits_default, &scratch,
		     &r->arena, diags);
	struct ynode *root = yreader_next(&y);
	if (root)
		read_root(&x, root);
	else if (!y.doc_error && !diags->n_errors)
		yreader_error_at(&y, 1, 1, "the rules file holds no rules");
	if (!r->env.facts)
		base_env(&x, 0);
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
		struct rctx x = { NULL, r, NULL, 0 };
		base_env(&x, 0);
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

bool rules_in_era(struct date from, struct date until, struct date law)
{
	if (date_known(from) && date_lo(law) < date_lo(from))
		return false;
	if (date_known(until) && date_lo(law) > date_lo(until))
		return false;
	return true;
}

bool rules_in_force(const struct rule *rule, struct date law)
{
	return rules_in_era(rule->in_force_from, rule->in_force_until, law);
}

const char *rules_waiver(const struct rule *rule, struct date law)
{
	for (uint32_t i = 0; i < rule->n_waiver; i++)
		if (rules_in_era(rule->waiver[i].from, rule->waiver[i].until, law))
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
