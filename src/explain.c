/* explain.c - the facts behind a criterion and the events behind a
 * penalty or a criterion; see explain.h. */
#include "explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

/* The item column of scope sc that holds slot, or -1. */
static int item_col(const struct rules *r, int sc, uint32_t slot)
{
	const struct scope_layout *l = &r->scope[sc];
	for (uint16_t k = 0; k < l->width; k++)
		if (l->slot[k] == slot)
			return k;
	return -1;
}

/* The value of slot on side s, from the item of penalty p when the slot
 * is one of its scope's. */
static struct value slot_value(const struct rules *r,
			       const struct outcome_side *s,
			       const struct penalty *p, uint32_t slot)
{
	if (p && p->scope >= 0 && p->scope < SC__COUNT) {
		const struct item_set *is = &s->fs.items[p->scope];
		int col = item_col(r, p->scope, slot);
		if (col >= 0 && p->item < is->n && col < is->width)
			return item_row(is, p->item)[col];
	}
	return s->facts ? s->facts[slot] : value_unknown();
}

static const struct param *param_of(const struct rules *r, uint32_t slot)
{
	for (size_t i = 0; i < r->n_params; i++)
		if (r->params[i].slot == slot)
			return &r->params[i];
	return NULL;
}

static const struct derive *derive_of(const struct rules *r, uint32_t slot)
{
	for (size_t i = 0; i < r->n_derives; i++)
		if (r->derives[i].slot == slot)
			return &r->derives[i];
	return NULL;
}

/* The one-line meaning of a fact name: the facts table, an item's table,
 * a parameter's title, a derived fact's text. */
static const char *meaning_of(const struct rules *r, uint32_t slot)
{
	const char *name = r->env.facts[slot].name;
	const struct param *p = param_of(r, slot);
	const struct derive *d = p ? NULL : derive_of(r, slot);
	if (p)
		return p->title;
	if (d)
		return d->text;
	int k = facts_index(name);
	if (k >= 0)
		return facts_table[k].meaning;
	const char *dot = strchr(name, '.');
	for (int sc = 0; dot && sc < SC__COUNT; sc++) {
		const struct scope_def *sd = &scope_defs[sc];
		if (strlen(sd->name) != (size_t)(dot - name) ||
		    strncmp(sd->name, name, (size_t)(dot - name)))
			continue;
		for (uint16_t f = 0; f < sd->n_facts; f++)
			if (!strcmp(sd->facts[f].name, dot + 1))
				return sd->facts[f].meaning;
	}
	if (!strncmp(name, "running_", 8))
		return "that penalty is in force on the as-of date";
	return NULL;
}

/* "412 days", "9 years", else the value as rules tests write it. */
static void value_text(const char *name, struct value v, char *buf, size_t n)
{
	size_t len = strlen(name);
	bool days = len > 5 && !strcmp(name + len - 5, "_days");
	bool years = len > 6 && !strcmp(name + len - 6, "_years");
	if (v.type == VAL_UNKNOWN) {
		snprintf(buf, n, "not known");
		return;
	}
	facts_format(v, buf, n);
	if (v.type == VAL_INT && (days || years) && strlen(buf) + 8 < n)
		strcat(buf, days ? (v.lo == 1 && v.hi == 1 ? " day" : " days") :
		       (v.lo == 1 && v.hi == 1 ? " year" : " years"));
}

size_t explain_criterion(const struct rules *r, const struct outcome_side *s,
			 const struct penalty *p, const struct criterion *c,
			 struct explain_fact *out, size_t max)
{
	uint32_t *idx = xmalloc((r->env.n_facts + 1) * sizeof(*idx));
	size_t n = c->cond && c->cond->expr ?
		expr_facts(c->cond->expr, idx, 0, r->env.n_facts) : 0;
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		struct explain_fact *f = &out[k++];
		struct value v = slot_value(r, s, p, idx[i]);
		f->name = r->env.facts[idx[i]].name;
		f->meaning = meaning_of(r, idx[i]);
		f->known = v.type != VAL_UNKNOWN;
		f->param = param_of(r, idx[i]) != NULL;
		value_text(f->name, v, f->value, sizeof(f->value));
	}
	free(idx);
	return n;
}

/* ---- events ------------------------------------------------------------- */

static size_t add_event(uint32_t *ev, size_t n, size_t max, uint32_t i)
{
	for (size_t k = 0; k < n; k++)
		if (ev[k] == i)
			return n;
	if (n < max)
		ev[n++] = i;
	return n;
}

static size_t events_at_line(const struct cw_case *c, uint32_t line,
			     uint32_t *ev, size_t n, size_t max)
{
	for (uint32_t i = 0; line && i < c->n_events; i++)
		if (c->events[i].pos.line == line)
			n = add_event(ev, n, max, i);
	return n;
}

size_t explain_penalty_events(const struct cw_case *c,
			      const struct penalty *p, uint32_t *ev,
			      size_t max)
{
	return events_at_line(c, p->trigger_line, ev, 0, max);
}

/* Whether the date value v is a day of the case's own (not a parameter,
 * not the dates the evaluation is made on). */
static bool case_date(const struct rules *r, uint32_t slot, struct value v)
{
	const char *name = r->env.facts[slot].name;
	return v.type == VAL_DATE && !param_of(r, slot) &&
	       strcmp(name, "as_of") && strcmp(name, "law_as_of");
}

/* The events on the day (or within the range) of v. */
static size_t events_on(const struct cw_case *c, struct value v, uint32_t *ev,
			size_t n, size_t max)
{
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (date_known(e->date) && date_lo(e->date) <= v.hi &&
		    v.lo <= date_hi(e->date))
			n = add_event(ev, n, max, i);
	}
	return n;
}

/* The facts e reads and, one level down, those the derived facts among
 * them read. */
static size_t facts_read(const struct rules *r, const struct expr *e,
			 uint32_t *idx, size_t max)
{
	size_t n = e ? expr_facts(e, idx, 0, max) : 0, direct = n;
	for (size_t i = 0; i < direct; i++) {
		const struct derive *d = derive_of(r, idx[i]);
		if (d && d->scope < 0 && d->agg == AGG_NONE && d->expr)
			n = expr_facts(d->expr, idx, n, max);
	}
	return n;
}

size_t explain_criterion_events(const struct rules *r,
				const struct outcome_side *s,
				const struct penalty *p,
				const struct criterion *k,
				const struct cw_case *c, uint32_t *ev,
				size_t max)
{
	uint32_t *idx = xmalloc((r->env.n_facts + 1) * sizeof(*idx));
	size_t nf = k->cond ? facts_read(r, k->cond->expr, idx,
					 r->env.n_facts) : 0, n = 0;
	if (p)
		n = events_at_line(c, p->trigger_line, ev, n, max);
	for (size_t i = 0; i < nf; i++) {
		struct value v = slot_value(r, s, p, idx[i]);
		if (case_date(r, idx[i], v))
			n = events_on(c, v, ev, n, max);
	}
	free(idx);
	return n;
}

/* Whether criterion k rests on event i: asked of event i itself, so an
 * event after the first few of a busy day is found too. */
static bool rests_on(const struct rules *r, const struct outcome_side *s,
		     const struct criterion *k, const struct cw_case *c,
		     uint32_t i)
{
	if (!k->cond || i >= c->n_events || !date_known(c->events[i].date))
		return false;
	daynum lo = date_lo(c->events[i].date), hi = date_hi(c->events[i].date);
	uint32_t *idx = xmalloc((r->env.n_facts + 1) * sizeof(*idx));
	size_t nf = facts_read(r, k->cond->expr, idx, r->env.n_facts);
	bool found = false;
	for (size_t f = 0; f < nf && !found; f++) {
		struct value v = slot_value(r, s, NULL, idx[f]);
		found = case_date(r, idx[f], v) && lo <= v.hi && v.lo <= hi;
	}
	free(idx);
	return found;
}

size_t explain_event(const struct rules *r, const struct outcome_side *s,
		     const struct cw_case *c, uint32_t i,
		     struct explain_link *out, size_t max)
{
	size_t n = 0;
	uint32_t line = i < c->n_events ? c->events[i].pos.line : 0;
	for (uint32_t k = 0; k < s->n_pen && n < max; k++)
		if (line && s->pen[k].trigger_line == line)
			out[n++] = (struct explain_link){ &s->pen[k], NULL, NULL };
	for (uint32_t k = 0; k < s->n_rel; k++) {
		const struct relief_eval *e = &s->rel[k];
		for (uint32_t j = 0; j < e->n_crit && n < max; j++)
			if (rests_on(r, s, &e->crit[j], c, i))
				out[n++] = (struct explain_link){ NULL, e,
								  &e->crit[j] };
	}
	return n;
}
