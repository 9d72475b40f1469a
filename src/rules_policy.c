/* rules_policy.c - the policies of a rules file: enforcement-priority
 * frameworks and expedited-removal designations, each in force for the
 * encounters of its dates (legal-reference.md sections 5 and 1; policy,
 * not law).  See casewalk-rules(5), POLICIES.
 */
#include <stdio.h>
#include <string.h>

#include "rules_int.h"

#define CW_ENUM_NAME(id, name) name,
static const char *const policy_kind_names[] = { POLICY_KINDS(CW_ENUM_NAME) };
static const char *const pd_result_names[] = { PD_RESULTS(CW_ENUM_NAME) };
#undef CW_ENUM_NAME
const struct enum_def policy_kind_def = { "policy kind", policy_kind_names,
					  POL__COUNT };
const struct enum_def pd_result_def = { "priority result", pd_result_names,
					PD__COUNT };

bool policy_in_force(const struct policy *p, struct date day)
{
	for (uint32_t i = 0; i < p->n_win; i++)
		if (rules_in_era(p->win[i].from, p->win[i].until, day))
			return true;
	return false;
}

static void read_windows(struct rctx *x, const struct ynode *v,
			 struct policy *p)
{
	if (v->kind != YN_SEQ || !v->n) {
		yreader_error(x->y, v, "windows: a list of {from, until} (the "
			      "encounter dates it covers)");
		return;
	}
	p->win = arena_zalloc(&x->r->arena, v->n * sizeof(*p->win));
	p->n_win = v->n;
	for (uint32_t i = 0; i < v->n; i++)
		rctx_in_force(x, v->kids[i], &p->win[i].from, &p->win[i].until);
}

static uint8_t read_result(struct rctx *x, const struct ynode *v,
			   const char *allowed, uint32_t mask)
{
	int r = v->kind == YN_SCALAR ? enum_value(&pd_result_def, v->s, v->n)
				     : -1;
	if (r < 0 || !(mask & (1u << r))) {
		yreader_error(x->y, v, "expected %s", allowed);
		return PD_NO_FRAMEWORK;
	}
	return (uint8_t)r;
}

static struct policy_cat *read_cats(struct rctx *x, const struct ynode *v,
				    uint32_t *n, bool level);

static void read_cat(struct rctx *x, const struct ynode *m,
		     struct policy_cat *c, bool level)
{
	c->pos = (struct pos){ m->line, m->col };
	c->result = PD_PRIORITY;
	if (!rctx_map(x, m, level ? "a level" : "a category"))
		return;
	for (uint32_t j = 0; j < m->n; j++) {
		const struct ynode *k = m->kids[2 * j], *v = m->kids[2 * j + 1];
		if (ynode_scalar_is(k, "code"))
			c->code = rctx_str(x, v);
		else if (ynode_scalar_is(k, "text"))
			c->text = rctx_str(x, v);
		else if (ynode_scalar_is(k, "expr"))
			c->expr = rctx_compile(x, v, VAL_BOOL);
		else if (!level && ynode_scalar_is(k, "result"))
			c->result = read_result(x, v, "priority or judgment",
				(1u << PD_PRIORITY) | (1u << PD_JUDGMENT));
		else if (!level && ynode_scalar_is(k, "levels"))
			c->levels = read_cats(x, v, &c->n_levels, true);
		else
			yreader_error(x->y, k, level ?
				      "unknown key in a level (allowed: code, "
				      "text, expr)" :
				      "unknown key in a category (allowed: "
				      "code, text, expr, result, levels)");
	}
	if (!c->code || !c->text)
		yreader_error(x->y, m, "a %s needs code and text",
			      level ? "level" : "category");
}

static struct policy_cat *read_cats(struct rctx *x, const struct ynode *v,
				    uint32_t *n, bool level)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "expected a list of %s",
			      level ? "levels" : "categories");
		return NULL;
	}
	struct policy_cat *c = arena_zalloc(&x->r->arena,
					    (v->n + 1) * sizeof(*c));
	for (uint32_t i = 0; i < v->n; i++)
		read_cat(x, v->kids[i], &c[i], level);
	*n = v->n;
	return c;
}

static void read_factors(struct rctx *x, const struct ynode *v,
			 struct policy *p)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "expected a list of factors");
		return;
	}
	p->factor = arena_zalloc(&x->r->arena, (v->n + 1) * sizeof(*p->factor));
	p->n_factor = v->n;
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *m = v->kids[i];
		struct policy_factor *f = &p->factor[i];
		if (!rctx_map(x, m, "a factor"))
			continue;
		for (uint32_t j = 0; j < m->n; j++) {
			const struct ynode *k = m->kids[2 * j];
			const struct ynode *w = m->kids[2 * j + 1];
			if (ynode_scalar_is(k, "text"))
				f->text = rctx_str(x, w);
			else if (ynode_scalar_is(k, "expr"))
				f->expr = rctx_compile(x, w, VAL_BOOL);
			else if (ynode_scalar_is(k, "favorable"))
				rctx_bool(x, w, &f->favorable);
			else
				yreader_error(x->y, k, "unknown key in a factor "
					      "(allowed: text, expr, favorable)");
		}
		if (!f->text || !f->expr)
			yreader_error(x->y, m, "a factor needs text and expr");
	}
}

static void read_aliases(struct rctx *x, const struct ynode *v,
			 struct policy *p)
{
	if (v->kind != YN_SEQ) {
		yreader_error(x->y, v, "aliases: a list of ids");
		return;
	}
	p->alias = arena_zalloc(&x->r->arena, (v->n + 1) * sizeof(*p->alias));
	for (uint32_t i = 0; i < v->n; i++)
		if (v->kids[i]->kind == YN_SCALAR)
			p->alias[p->n_alias++] = rctx_str(x, v->kids[i]);
		else
			yreader_error(x->y, v->kids[i], "an alias is an id");
}

static void policy_key(struct rctx *x, const struct ynode *k,
		       const struct ynode *v, struct policy *p)
{
	if (ynode_scalar_is(k, "id"))
		p->id = rctx_str(x, v);
	else if (ynode_scalar_is(k, "kind")) {
		int kd = v->kind == YN_SCALAR ?
			enum_value(&policy_kind_def, v->s, v->n) : -1;
		if (kd < 0)
			yreader_error(x->y, v, "kind: priorities or "
				      "expedited_removal");
		else
			p->kind = (uint8_t)kd;
	} else if (ynode_scalar_is(k, "title"))
		p->title = rctx_str(x, v);
	else if (ynode_scalar_is(k, "cite"))
		p->cite = rctx_str(x, v);
	else if (ynode_scalar_is(k, "note"))
		p->note = rctx_str(x, v);
	else if (ynode_scalar_is(k, "aliases"))
		read_aliases(x, v, p);
	else if (ynode_scalar_is(k, "windows"))
		read_windows(x, v, p);
	else if (ynode_scalar_is(k, "categories"))
		p->cat = read_cats(x, v, &p->n_cat, false);
	else if (ynode_scalar_is(k, "otherwise"))
		p->otherwise = read_result(x, v, "not_priority, not_listed or "
			"no_framework", (1u << PD_NOT_PRIORITY) |
			(1u << PD_NOT_LISTED) | (1u << PD_NO_FRAMEWORK));
	else if (ynode_scalar_is(k, "companion"))
		rctx_bool(x, v, &p->companion);
	else if (ynode_scalar_is(k, "factors"))
		read_factors(x, v, p);
	else if (ynode_scalar_is(k, "covers"))
		p->covers = rctx_compile(x, v, VAL_BOOL);
	else if (ynode_scalar_is(k, "excludes"))
		rctx_bool(x, v, &p->excludes);
	else
		yreader_error(x->y, k, "unknown key in a policy (allowed: id, "
			      "kind, title, cite, note, aliases, windows, "
			      "categories, otherwise, companion, factors, "
			      "covers, excludes)");
}

static void check_policy(struct rctx *x, const struct ynode *m,
			 const struct policy *p)
{
	const char *miss = !p->id ? "id" : !p->title ? "title" :
		!p->cite ? "cite" : !p->win ? "windows" : NULL;
	if (miss) {
		yreader_error(x->y, m, "a policy needs %s", miss);
		return;
	}
	bool er = p->kind == POL_EXPEDITED;
	if (er && !p->covers)
		yreader_error(x->y, m, "an expedited-removal designation needs "
			      "covers (whom it reaches)");
	if (er && (p->cat || p->factor || p->companion))
		yreader_error(x->y, m, "a designation has covers, not "
			      "categories or factors");
	if (!er && (p->covers || p->excludes))
		yreader_error(x->y, m, "covers and excludes go with kind "
			      "expedited_removal");
	if (!er && p->companion && p->cat)
		yreader_error(x->y, m, "a companion lists factors; it has no "
			      "categories");
}

void rules_read_policies(struct rctx *x, const struct ynode *list)
{
	struct rules *r = x->r;
	if (!list)
		return;         /* no policies: every result is no_framework */
	if (list->kind != YN_SEQ) {
		yreader_error(x->y, list, "policies: a list");
		return;
	}
	r->policies = arena_zalloc(&r->arena, (list->n + 1) *
				   sizeof(*r->policies));
	for (uint32_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->kids[i];
		struct policy *p = &r->policies[r->n_policies];
		p->pos = (struct pos){ m->line, m->col };
		p->otherwise = PD_NOT_PRIORITY;
		if (!rctx_map(x, m, "a policy"))
			continue;
		for (uint32_t j = 0; j < m->n; j++)
			policy_key(x, m->kids[2 * j], m->kids[2 * j + 1], p);
		check_policy(x, m, p);
		for (size_t k = 0; p->id && k < r->n_policies; k++)
			if (!strcmp(r->policies[k].id, p->id))
				yreader_error(x->y, m, "policy '%s' is defined "
					      "twice", p->id);
		if (p->id)
			r->n_policies++;
	}
}
