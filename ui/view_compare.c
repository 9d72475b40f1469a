/* view_compare.c - the path taken and the path not taken, side by side.
 *
 * For a voluntary return the other side is a contested hearing ending in a
 * removal order (what a hearing could have offered, and what an order would
 * have cost); for a court path it is a voluntary return on the day of the
 * first encounter.  Penalties and relief are lined up by rule, and every
 * line where the two sides differ is highlighted. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "view.h"

struct cols {
	int lx, rx, w;          /* left and right column, their width */
};

static struct cols columns(const struct doc *d)
{
	int w = (d->width - 5) / 2;
	return (struct cols){ 2, 2 + w + 2, w };
}

/* Two texts side by side, wrapped each in its column. */
static void pair(struct doc *d, const struct cols *c, const char *l,
		 int lrole, const char *r, int rrole)
{
	const char *a[32], *b[32];
	size_t na = doc_split(d, c->w, l, a, 32);
	size_t nb = doc_split(d, c->w, r, b, 32);
	for (size_t i = 0; i < na || i < nb; i++) {
		struct doc_line *ln = doc_add(d);
		/* a mark as well as a colour: it shows in monochrome */
		if (lrole == ROLE_DIFF || rrole == ROLE_DIFF)
			doc_put(d, ln, 0, 1, ROLE_DIFF, i ? "" : "*");
		if (i < na)
			doc_put(d, ln, c->lx, c->w, lrole, a[i]);
		if (i < nb)
			doc_put(d, ln, c->rx, c->w, rrole, b[i]);
	}
}

static void pen_text(const struct penalty *p, char *buf, size_t n)
{
	char b[DATE_BUFSZ];
	if (!p) {
		snprintf(buf, n, "-");
		return;
	}
	snprintf(buf, n, "%s: %s", p->rule->id, !date_known(p->until) ?
		 (p->years < 0 ? "permanent" : "no end date") :
		 date_format(p->until, b));
}

static const struct penalty *find_pen(const struct outcome_side *s,
				      const struct rule *r)
{
	for (uint32_t i = 0; i < s->n_pen; i++)
		if (s->pen[i].rule == r)
			return &s->pen[i];
	return NULL;
}

static const struct relief_eval *find_rel(const struct outcome_side *s,
				     const struct rule *r)
{
	for (uint32_t i = 0; i < s->n_rel; i++)
		if (s->rel[i].rule == r)
			return &s->rel[i];
	return NULL;
}

static void pen_row(struct doc *d, const struct cols *c,
		    const struct penalty *a, const struct penalty *b)
{
	char l[160], r[160];
	pen_text(a, l, sizeof(l));
	pen_text(b, r, sizeof(r));
	bool same = !strcmp(l, r);
	pair(d, c, l, same ? ROLE_NORMAL : ROLE_DIFF, r,
	     same ? ROLE_NORMAL : ROLE_DIFF);
}

static void penalties(struct doc *d, const struct cols *c,
		      const struct outcome_side *t, const struct outcome_side *o)
{
	size_t rows = 0;
	doc_linef(d, 1, ROLE_SECTION, "PENALTIES");
	for (uint32_t i = 0; i < t->n_pen; i++, rows++)
		pen_row(d, c, &t->pen[i], find_pen(o, t->pen[i].rule));
	for (uint32_t i = 0; i < o->n_pen; i++)
		if (!find_pen(t, o->pen[i].rule)) {
			pen_row(d, c, NULL, &o->pen[i]);
			rows++;
		}
	if (!rows)
		pair(d, c, "none", ROLE_DIM, "none", ROLE_DIM);
}

static const char *rel_status(const struct relief_eval *r)
{
	return r ? enum_name(&relief_status_def, r->status) : "-";
}

static void relief(struct doc *d, const struct cols *c,
		   const struct outcome_side *t, const struct outcome_side *o)
{
	doc_linef(d, 1, ROLE_SECTION, "RELIEF");
	for (uint32_t i = 0; i < t->n_rel; i++) {
		const struct relief_eval *a = &t->rel[i], *b = find_rel(o, a->rule);
		char l[160], r[160];
		snprintf(l, sizeof(l), "%s: %s", a->rule->id, rel_status(a));
		snprintf(r, sizeof(r), "%s: %s", a->rule->id, rel_status(b));
		int role = b && b->status == a->status ? ROLE_NORMAL : ROLE_DIFF;
		pair(d, c, l, role, r, role);
	}
	for (uint32_t i = 0; i < o->n_rel; i++)
		if (!find_rel(t, o->rel[i].rule)) {
			char r[160];
			snprintf(r, sizeof(r), "%s: %s", o->rel[i].rule->id,
				 rel_status(&o->rel[i]));
			pair(d, c, "-", ROLE_DIFF, r, ROLE_DIFF);
		}
}

static void side_head(struct doc *d, const struct cols *c,
		      const struct outcome_side *t, const struct outcome_side *o)
{
	char l[128], r[128];
	pair(d, c, "PATH TAKEN", ROLE_HEADER, "PATH NOT TAKEN (what if)",
	     ROLE_HEADER);
	snprintf(l, sizeof(l), "%s (%s)", model_path_label(t->path),
		 enum_name(&path_id_def, t->path));
	snprintf(r, sizeof(r), "%s (%s)", model_path_label(o->path),
		 enum_name(&path_id_def, o->path));
	pair(d, c, l, model_path_role(t->path), r, model_path_role(o->path));
	pair(d, c, t->hearing ? "hearing: yes" : "hearing: NO",
	     t->hearing == o->hearing ? ROLE_NORMAL : ROLE_DIFF,
	     o->hearing ? "hearing: yes" : "hearing: NO",
	     t->hearing == o->hearing ? ROLE_NORMAL : ROLE_DIFF);
}

static void compare_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	struct cols c = columns(d);
	if (!ui_outcome_shown(v->ui, v->row)) {
		doc_linef(d, 2, ROLE_UNKNOWN, "Hidden (quiz): press v to reveal "
			  "this case's outcome first.");
		v->lines = d->n;
		return;
	}
	const struct assessment *a = view_detail(v, d);
	if (!a) {
		v->lines = d->n;
		return;
	}
	side_head(d, &c, &a->taken, &a->alt);
	doc_add(d);
	penalties(d, &c, &a->taken, &a->alt);
	doc_add(d);
	relief(d, &c, &a->taken, &a->alt);
	doc_add(d);
	doc_linef(d, 1, ROLE_DIM, "* and highlighting mark what differs.  %s",
		  CASEWALK_DISCLAIMER);
	v->lines = d->n;
}

static void compare_title(struct view *v, char *buf, size_t n)
{
	const struct model_row *r = &v->ui->model.rows[v->row];
	snprintf(buf, n, "compare %s  %s", r->c->id,
		 model_name(r, v->ui->redact));
}

static void compare_status(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "taken vs not taken | q back | ? help");
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
