/* view_rules.c - the rules in force on the law date, for students: each
 * penalty and each relief with its citation, the dates it is in force,
 * its conditions in plain words and its way out; then every parameter
 * with its value under that law.  When the law date is not today, what
 * differs from today's law is marked, rule by rule and parameter by
 * parameter (lawdate.h: what `casewalk rules --changes` prints). */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "facts.h"
#include "lawdate.h"
#include "view.h"

struct rules_ctx {
	struct date law, today;
	const struct lawdate_change *ch;
	size_t n_ch;
};

static const struct lawdate_change *change_of(const struct rules_ctx *x,
					      const struct rule *r,
					      const struct param *p)
{
	for (size_t i = 0; i < x->n_ch; i++)
		if ((r && x->ch[i].rule == r) || (p && x->ch[i].param == p))
			return &x->ch[i];
	return NULL;
}

static void conds(struct doc *d, const char *label,
		  const struct rule_cond *c, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		doc_field(d, 3, i ? "      " : label, ROLE_NORMAL,
			  arena_printf(&d->arena, "%s%s%s%s", c[i].text,
				       c[i].cite ? " (" : "", c[i].cite ?
				       c[i].cite : "", c[i].cite ? ")" : ""));
}

/* What differs from today's law, marked: a * and the diff role. */
static void marked(struct doc *d, const char *text)
{
	size_t before = d->n;
	doc_wrap(d, 3, 0, ROLE_DIFF, text);
	if (d->n > before)
		doc_put(d, &d->v[before], 1, 1, ROLE_DIFF, "*");
}

static void rule_change(struct doc *d, const struct rules_ctx *x,
			const struct lawdate_change *c)
{
	char t[DATE_BUFSZ];
	date_format(x->today, t);
	if (c->what == LAWCH_RULE_IN)
		marked(d, arena_printf(&d->arena, "differs from today (%s): not "
			   "in force under today's law", t));
	else if (c->what == LAWCH_RULE_OUT)
		marked(d, arena_printf(&d->arena, "differs from today (%s): in "
			   "force under today's law", t));
	else if (c->what == LAWCH_WAIVER)
		marked(d, arena_printf(&d->arena, "differs from today (%s): the "
			   "way out today is: %s", t, c->before ? c->before :
			   "none"));
}

static void one_rule(struct doc *d, const struct rule *r,
		     const struct rules_ctx *x)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	bool in = rules_in_force(r, x->law);
	const struct lawdate_change *c = change_of(x, r, NULL);
	struct doc_line *l = doc_add(d);
	if (c)
		doc_put(d, l, 0, 1, ROLE_DIFF, "*");
	int w = doc_putf(d, l, 1, ROLE_HEADER, "%s", r->id);
	w += doc_putf(d, l, w + 3, ROLE_DIM, "%s",
		      enum_name(&rule_kind_def, r->kind));
	doc_put(d, l, w + 5, -1, in ? ROLE_MET : ROLE_UNMET,
		in ? "in force" : "not in force on that date");
	if (c)
		rule_change(d, x, c);
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

static void one_param(struct doc *d, const struct param *p,
		      const struct rules_ctx *x)
{
	char v[96];
	const struct param_era *era;
	const struct lawdate_change *c = change_of(x, NULL, p);
	struct value now = params_value(p, x->law, &era);
	if (now.type == VAL_UNKNOWN)
		snprintf(v, sizeof(v), "not set under that law");
	else
		facts_format(now, v, sizeof(v));
	struct doc_line *l = doc_add(d);
	if (c)
		doc_put(d, l, 0, 1, ROLE_DIFF, "*");
	int w = doc_putf(d, l, 1, ROLE_HEADER, "%s", p->id);
	doc_putf(d, l, w + 2, c ? ROLE_DIFF : ROLE_NORMAL, "= %s", v);
	doc_wrap(d, 3, 0, ROLE_NORMAL, p->title);
	doc_wrap(d, 3, 0, ROLE_SECTION, era && era->cite ? era->cite : p->cite);
	if (c) {
		char t[DATE_BUFSZ];
		marked(d, arena_printf(&d->arena, "differs from today (%s): "
			   "today %s", date_format(x->today, t), c->before ?
			   c->before : "not set"));
	}
}

static void rules_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	const struct model *m = &v->ui->model;
	char a[DATE_BUFSZ], t[DATE_BUFSZ];
	if (!m->have_rules) {
		doc_linef(d, 1, ROLE_ERROR, "The rules did not load: %s shows "
			  "why.", ui_key(v->ui, ACT_ERRORS));
		v->lines = d->n;
		return;
	}
	struct rules_ctx x = { m->law_as_of, date_today(), NULL, 0 };
	struct lawdate_change *ch;
	/* from today's law to the law shown: `before` is today's */
	x.n_ch = lawdate_changes(&m->rules, x.today, x.law, &ch, &d->arena);
	x.ch = ch;
	doc_linef(d, 1, ROLE_DIM, "%zu rules from %s; law as of %s", m->rules.n,
		  m->rules.name ? m->rules.name : "the built-in rules",
		  view_date(x.law, a));
	if (date_days(x.law) != date_days(x.today))
		doc_wrap(d, 1, 0, x.n_ch ? ROLE_DIFF : ROLE_DIM, arena_printf(
			 &d->arena, "Compared with today's law (%s): %zu "
			 "difference%s, marked * (casewalk rules --changes %s "
			 "%s).  %s changes the date.", view_date(x.today, t),
			 x.n_ch, x.n_ch == 1 ? "" : "s", t, a,
			 ui_key(v->ui, ACT_DATES)));
	doc_add(d);
	for (size_t i = 0; i < m->rules.n; i++)
		one_rule(d, &m->rules.v[i], &x);
	doc_linef(d, 1, ROLE_SECTION, "PARAMETERS under the law of %s", a);
	for (size_t i = 0; i < m->rules.n_params; i++)
		one_param(d, &m->rules.params[i], &x);
	doc_add(d);
	doc_linef(d, 1, ROLE_DIM, "%s", CASEWALK_DISCLAIMER);
	v->lines = d->n;
}

/* The rule or parameter whose entry is at the top of the screen (or
 * above it): its header line's first word is the id, after the * that
 * marks a difference. */
static const char *id_at_top(struct view *v, char *buf, size_t n)
{
	const struct rules *rs = &v->ui->model.rules;
	for (size_t l = v->top + 1; l-- > 0 && l < v->lines;) {
		const char *t = view_doc_text(v, l, buf, n);
		if (t[0] == '*' && t[1] == ' ')
			t += 2;
		size_t k = strcspn(t, " ");
		for (size_t i = 0; i < rs->n; i++)
			if (strlen(rs->v[i].id) == k &&
			    !strncmp(rs->v[i].id, t, k))
				return rs->v[i].id;
		for (size_t i = 0; i < rs->n_params; i++)
			if (strlen(rs->params[i].id) == k &&
			    !strncmp(rs->params[i].id, t, k))
				return rs->params[i].id;
	}
	return NULL;
}

/* L again: casewalk-law(7), the plain-words reference, at the entry on
 * top. */
static int rules_request(struct view *v, enum ui_action a)
{
	char buf[256], err[256];
	if (a != ACT_RULES)
		return 0;
	if (v->ui->script) {
		ui_message(v->ui, ROLE_MESSAGE, "casewalk-law(7) opens in a "
			   "terminal: man casewalk-law");
		return UI_REDRAW;
	}
	const char *id = id_at_top(v, buf, sizeof(buf));
	if (ui_run_manual(v->ui, id, err, sizeof(err)))
		ui_message(v->ui, ROLE_ERROR, "%s", err);
	return UI_REDRAW;
}

static void rules_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "rules");
}

static void rules_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s casewalk-law(7) | %s searches | %s law date | "
		 "%s back | %s help", ui_key(ui, ACT_RULES),
		 ui_key(ui, ACT_SEARCH), ui_key(ui, ACT_DATES),
		 ui_key(ui, ACT_BACK), ui_key(ui, ACT_HELP));
}

const struct view_ops view_rules_ops = {
	.name = "rules",
	.cursor = false,
	.open = rules_open,
	.draw = view_doc_draw,
	.request = rules_request,
	.text = view_doc_text,
	.title = rules_title,
	.status = rules_status,
	.done = view_doc_done,
};
