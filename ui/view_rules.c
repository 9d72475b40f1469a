/* view_rules.c - the rules in force, for students: each penalty and each
 * relief with its citation, the dates it is in force, its conditions in
 * plain words, and its way out. */
#include <stdio.h>

#include "draw.h"
#include "view.h"

static void conds(struct doc *d, const char *label,
		  const struct rule_cond *c, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		doc_field(d, 3, i ? "      " : label, ROLE_NORMAL,
			  arena_printf(&d->arena, "%s%s%s%s", c[i].text,
				       c[i].cite ? " (" : "", c[i].cite ?
				       c[i].cite : "", c[i].cite ? ")" : ""));
}

static void one_rule(struct doc *d, const struct rule *r, struct date law)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	bool in = rules_in_force(r, law);
	struct doc_line *l = doc_add(d);
	int w = doc_putf(d, l, 1, ROLE_HEADER, "%s", r->id);
	w += doc_putf(d, l, w + 3, ROLE_DIM, "%s",
		      enum_name(&rule_kind_def, r->kind));
	doc_put(d, l, w + 5, -1, in ? ROLE_MET : ROLE_UNMET,
		in ? "in force" : "not in force on that date");
	doc_wrap(d, 3, 0, ROLE_NORMAL, r->title);
	doc_wrap(d, 3, 0, ROLE_SECTION, r->cite);
	doc_linef(d, 3, ROLE_DIM, "in force from %s until %s",
		  date_known(r->in_force_from) ? view_date(r->in_force_from, a) :
		  "always", date_known(r->in_force_until) ?
		  view_date(r->in_force_until, b) : "now");
	conds(d, rule_kind_is_penalty(r->kind) ? "when   " : "needs  ", r->when,
	      r->n_when);
	conds(d, "barred ", r->bars, r->n_bars);
	for (uint32_t i = 0; i < r->n_waiver; i++) {
		const struct era_text *e = &r->waiver[i];
		if (r->n_waiver > 1)
			doc_linef(d, 3, ROLE_DIM, "way out from %s until %s:",
				  date_known(e->from) ? view_date(e->from, a) :
				  "always", date_known(e->until) ?
				  view_date(e->until, b) : "now");
		doc_field(d, 3, "way out", ROLE_NORMAL, e->text);
	}
	if (r->note)
		doc_wrap(d, 3, 0, ROLE_DIM, r->note);
	doc_add(d);
}

static void rules_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	const struct model *m = &v->ui->model;
	char a[DATE_BUFSZ];
	if (!m->have_rules) {
		doc_linef(d, 1, ROLE_ERROR, "The rules did not load: E shows "
			  "why.");
		v->lines = d->n;
		return;
	}
	doc_linef(d, 1, ROLE_DIM, "%zu rules from %s; law as of %s", m->rules.n,
		  m->rules.name ? m->rules.name : "the built-in rules",
		  view_date(v->ui->app->law_as_of, a));
	doc_add(d);
	for (size_t i = 0; i < m->rules.n; i++)
		one_rule(d, &m->rules.v[i], v->ui->app->law_as_of);
	doc_linef(d, 1, ROLE_DIM, "%s", CASEWALK_DISCLAIMER);
	v->lines = d->n;
}

static void rules_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "rules");
}

static void rules_status(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "/ searches | q back | ? help");
}

const struct view_ops view_rules_ops = {
	.name = "rules",
	.cursor = false,
	.open = rules_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = rules_title,
	.status = rules_status,
	.done = view_doc_done,
};
