/* view_compare.c - the path taken and the path not taken, side by side.
 *
 * For a voluntary return the other side is a contested hearing ending in a
 * removal order (what a hearing could have offered, and what an order would
 * have cost); for a court path it is a voluntary return on the day of the
 * first encounter.  It leads with the two earliest lawful returns and the
 * bars standing on one path and not the other (issue 13); then what
 * differs, as the core lists it (assessment.diff: by rule and field, never
 * by the text shown); then the penalties and relief by rule, a line marked
 * when a difference names its rule. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "facts.h"
#include "view.h"

struct cols {
	int lx, rx, w;          /* left and right column, their width */
};

static struct cols columns(const struct doc *d, int label)
{
	int w = (d->width - label - 5) / 2;
	return (struct cols){ 2 + label, 2 + label + w + 2, w };
}

/* A label and two texts side by side, wrapped each in its column; `*`
 * and the diff role when differ. */
static void row(struct doc *d, const struct cols *c, const char *label,
		const char *l, const char *r, bool differ, int role)
{
	const char *a[32], *b[32], *t[8];
	size_t na = doc_split(d, c->w, l, a, 32);
	size_t nb = doc_split(d, c->w, r, b, 32);
	size_t nt = label ? doc_split(d, c->lx - 3, label, t, 8) : 0;
	int rl = differ ? ROLE_DIFF : role;
	for (size_t i = 0; i < na || i < nb || i < nt; i++) {
		struct doc_line *ln = doc_add(d);
		/* a mark as well as a colour: it shows in monochrome */
		if (differ && !i)
			doc_put(d, ln, 0, 1, ROLE_DIFF, "*");
		if (i < nt)
			doc_put(d, ln, 2, c->lx - 3, ROLE_DIM, t[i]);
		if (i < na)
			doc_put(d, ln, c->lx, c->w, rl, a[i]);
		if (i < nb)
			doc_put(d, ln, c->rx, c->w, rl, b[i]);
	}
}

/* Whether the core lists a difference of what (rule, field; NULL: any). */
static bool differs(const struct assessment *a, const char *what,
		    const char *rule, const char *field)
{
	for (uint32_t i = 0; i < a->n_diff; i++) {
		const struct difference *x = &a->diff[i];
		if (!strcmp(x->what, what) && (!rule || (x->rule &&
		    !strcmp(x->rule, rule))) && (!field || !strcmp(x->field,
								   field)))
			return true;
	}
	return false;
}

static const char *ids(const struct requires *r, char *buf, size_t n)
{
	size_t len = 0;
	snprintf(buf, n, "-");
	for (uint32_t i = 0; i < r->n && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					i ? ", " : "", r->id[i]);
	return buf;
}

static void side_head(struct doc *d, const struct assessment *a)
{
	const struct outcome_side *t = &a->taken, *o = &a->alt;
	struct cols c = columns(d, 0);
	char l[128], r[128];
	row(d, &c, NULL, "PATH TAKEN", "PATH NOT TAKEN (what if)", false,
	    ROLE_HEADER);
	snprintf(l, sizeof(l), "%s (%s)", model_path_label(t->path),
		 enum_name(&path_id_def, t->path));
	snprintf(r, sizeof(r), "%s (%s)", model_path_label(o->path),
		 enum_name(&path_id_def, o->path));
	row(d, &c, NULL, l, r, false, ROLE_NORMAL);
	row(d, &c, NULL, t->hearing ? "hearing: yes" : "hearing: NO",
	    o->hearing ? "hearing: yes" : "hearing: NO",
	    differs(a, "hearing", NULL, NULL), ROLE_NORMAL);
}

/* The headline of the comparison: when the person could come back. */
static void way_back(struct doc *d, const struct assessment *a)
{
	const struct way_back *t = &a->taken.wb, *o = &a->alt.wb;
	struct cols c = columns(d, 16);
	char l[512], r[512];
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "THE WAY BACK: the earliest lawful return");
	row(d, &c, "no waiver", view_day(t->no_waiver, "none", l),
	    view_day(o->no_waiver, "none", r),
	    differs(a, "way_back", NULL, "earliest_no_waiver"), ROLE_HEADER);
	row(d, &c, "with waivers", view_day(t->with_waivers, "none", l),
	    view_day(o->with_waivers, "none", r),
	    differs(a, "way_back", NULL, "earliest_with_waivers"), ROLE_HEADER);
	row(d, &c, "needs", ids(&t->req, l, sizeof(l)), ids(&o->req, r,
	    sizeof(r)), strcmp(l, r) != 0, ROLE_NORMAL);
	row(d, &c, "route", t->route ? t->route : "-", o->route ? o->route : "-",
	    false, ROLE_NORMAL);
	row(d, &c, "adjust inside", t->adjust_inside == 1 ? "possible" : "no",
	    o->adjust_inside == 1 ? "possible" : "no",
	    t->adjust_inside != o->adjust_inside, ROLE_NORMAL);
}

static const struct standing *standing_of(const struct way_back *w,
					  const struct rule *rl)
{
	for (uint32_t i = 0; i < w->n_standing; i++)
		if (w->standing[i].pen->rule == rl)
			return &w->standing[i];
	return NULL;
}

static void one_side_only(struct doc *d, const struct way_back *w,
			  const struct way_back *other, const char *where,
			  size_t *n)
{
	for (uint32_t i = 0; i < w->n_standing; i++) {
		const struct standing *s = &w->standing[i];
		char u[ASSESS_RANGE_BUFSZ], b[DATE_BUFSZ];
		if (standing_of(other, s->pen->rule))
			continue;
		struct doc_line *l = doc_add(d);
		doc_put(d, l, 0, 1, ROLE_DIFF, "*");
		doc_putf(d, l, 2, ROLE_DIFF, "%s: %s, last day %s, clear from "
			 "%s, way out %s", where, s->pen->rule->id,
			 assess_until(s->pen, u), view_day(s->clear_from,
			 "never without a way out", b), s->route ? s->route :
			 "none");
		(*n)++;
	}
}

static void standing_diff(struct doc *d, const struct assessment *a)
{
	size_t n = 0;
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "BARS STANDING ON ONE PATH ONLY");
	one_side_only(d, &a->taken.wb, &a->alt.wb, "path taken only", &n);
	one_side_only(d, &a->alt.wb, &a->taken.wb, "path not taken only", &n);
	if (!n)
		doc_linef(d, 2, ROLE_DIM, "none: the same bars stand on both");
}

static const char *value_text(struct value v, char *buf, size_t n)
{
	if (v.type == VAL_UNKNOWN)
		snprintf(buf, n, "none");
	else
		facts_format(v, buf, n);
	return buf;
}

static void differences(struct doc *d, const struct assessment *a)
{
	struct cols c = columns(d, d->width >= 110 ? 40 : 24);
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "WHAT DIFFERS (%u, by rule and field)",
		  a->n_diff);
	for (uint32_t i = 0; i < a->n_diff; i++) {
		const struct difference *x = &a->diff[i];
		char label[160], l[96], r[96];
		snprintf(label, sizeof(label), "%s %s%s%s", x->what,
			 x->rule ? x->rule : "", x->rule ? " " : "", x->field);
		row(d, &c, label, value_text(x->taken, l, sizeof(l)),
		    value_text(x->not_taken, r, sizeof(r)), true, ROLE_NORMAL);
	}
	if (!a->n_diff)
		doc_linef(d, 2, ROLE_DIM, "nothing: both paths come to the same");
}

/* A rule's instances on one side: the latest last day. */
static const char *pen_text(const struct outcome_side *s,
			    const struct rule *rl, char *buf, size_t n)
{
	const struct penalty *best = NULL;
	int count = 0;
	char u[ASSESS_RANGE_BUFSZ], many[32];
	for (uint32_t i = 0; i < s->n_pen; i++)
		if (s->pen[i].rule == rl) {
			count++;
			if (!best || s->pen[i].until_lo > best->until_lo)
				best = &s->pen[i];
		}
	if (!best)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s%s, last day %s%s", best->possible ?
			 "possibly " : "", count > 1 ?
			 (snprintf(many, sizeof(many), "%d instances", count),
			  many) :
			 "attaches", assess_until(best, u),
			 best->running == 1 ? ", runs" : "");
	return buf;
}

static void penalties(struct doc *d, const struct rules *r,
		      const struct assessment *a)
{
	struct cols c = columns(d, 22);
	size_t rows = 0;
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "PENALTIES");
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		char l[160], rt[160];
		if (!rule_kind_is_penalty(rl->kind))
			continue;
		pen_text(&a->taken, rl, l, sizeof(l));
		pen_text(&a->alt, rl, rt, sizeof(rt));
		if (!strcmp(l, "-") && !strcmp(rt, "-"))
			continue;
		row(d, &c, rl->id, l, rt, differs(a, "penalty", rl->id, NULL),
		    ROLE_NORMAL);
		rows++;
	}
	if (!rows)
		doc_linef(d, 2, ROLE_DIM, "none on either path");
}

static const struct relief_eval *find_rel(const struct outcome_side *s,
					  const struct rule *r)
{
	for (uint32_t i = 0; i < s->n_rel; i++)
		if (s->rel[i].rule == r)
			return &s->rel[i];
	return NULL;
}

static const char *rel_text(const struct relief_eval *e, char *buf, size_t n)
{
	if (!e)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "now %s%s; then %s",
			 now_status_def.names[e->now.status],
			 e->now.certainty == CERT_POSSIBLE ? "?" : "",
			 then_status_def.names[e->then.status]);
	return buf;
}

static void relief(struct doc *d, const struct assessment *a)
{
	const struct outcome_side *t = &a->taken, *o = &a->alt;
	struct cols c = columns(d, 22);
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "RELIEF (now; then)");
	for (uint32_t i = 0; i < t->n_rel; i++) {
		const struct relief_eval *x = &t->rel[i];
		char l[160], r[160];
		row(d, &c, x->rule->id, rel_text(x, l, sizeof(l)),
		    rel_text(find_rel(o, x->rule), r, sizeof(r)),
		    differs(a, "relief", x->rule->id, NULL), ROLE_NORMAL);
	}
	for (uint32_t i = 0; i < o->n_rel; i++)
		if (!find_rel(t, o->rel[i].rule)) {
			char r[160];
			row(d, &c, o->rel[i].rule->id, "-", rel_text(&o->rel[i],
			    r, sizeof(r)), true, ROLE_NORMAL);
		}
}

static void compare_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	if (!ui_outcome_shown(v->ui, v->row)) {
		doc_linef(d, 2, ROLE_UNKNOWN, "Hidden (quiz): press %s to reveal "
			  "this case's outcome first.", ui_key(v->ui, ACT_REVEAL));
		v->lines = d->n;
		return;
	}
	const struct assessment *a = view_detail(v, d);
	if (!a) {
		v->lines = d->n;
		return;
	}
	side_head(d, a);
	way_back(d, a);
	standing_diff(d, a);
	differences(d, a);
	penalties(d, &v->ui->model.rules, a);
	relief(d, a);
	doc_add(d);
	doc_wrap(d, 1, 0, ROLE_DIM, arena_printf(&d->arena, "* and highlighting "
		 "mark what differs.  %s", CASEWALK_DISCLAIMER));
	v->lines = d->n;
}

static void compare_title(struct view *v, char *buf, size_t n)
{
	char idb[32];
	snprintf(buf, n, "compare %s  %s",
		 ui_case_id(v->ui, v->row, idb, sizeof(idb)),
		 model_name(&v->ui->model, v->row, v->ui->redact));
}

static void compare_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "taken vs not taken | %s searches | %s back | %s help",
		 ui_key(ui, ACT_SEARCH), ui_key(ui, ACT_BACK),
		 ui_key(ui, ACT_HELP));
}

const struct view_ops view_compare_ops = {
	.name = "compare",
	.cursor = false,
	.open = compare_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = compare_title,
	.status = compare_status,
	.done = view_doc_done,
};
