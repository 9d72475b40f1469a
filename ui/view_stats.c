/* view_stats.c - totals for the cases in the list (the current filter), as
 * horizontal bar charts, beside the official annual figures of
 * config/statistics.yaml: one chart per edition, never mixing editions,
 * each with its source, so that one "removals" total can be seen to hide
 * the returns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"
#include "view.h"

#define LABEL_W 22
#define NUM_W 9

struct bar {
	const char *label;
	int64_t value;
	bool approx;
	int role;
};

/* 1234567 -> "1,234,567"; "~" marks a rounded figure. */
static const char *thousands(int64_t v, bool approx, char *buf, size_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%lld", (long long)v);
	size_t o = 0;
	if (approx && o + 1 < n)
		buf[o++] = '~';
	for (int i = 0; i < len && o + 2 < n; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = 0;
	return buf;
}

static void bar_line(struct doc *d, const struct bar *b, int64_t max)
{
	char num[32], cells[512] = "";
	int room = d->width - LABEL_W - NUM_W - 3;
	int n = max > 0 && room > 0 ? (int)(b->value * room / max) : 0;
	const char *cell = draw_bar_cell();
	if (b->value > 0 && n == 0)
		n = 1;      /* a non-zero count is never invisible */
	for (int i = 0; i < n && strlen(cells) + 4 < sizeof(cells); i++)
		strcat(cells, cell);
	struct doc_line *l = doc_add(d);
	doc_put(d, l, 1, LABEL_W - 1, ROLE_NORMAL, b->label);
	doc_put(d, l, LABEL_W + 1, NUM_W, ROLE_NORMAL,
		thousands(b->value, b->approx, num, sizeof(num)));
	if (n)
		doc_put(d, l, LABEL_W + NUM_W + 2, -1, b->role, cells);
}

static void chart(struct doc *d, const char *title, const struct bar *b,
		  size_t n)
{
	int64_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (b[i].value > max)
			max = b[i].value;
	if (title)
		doc_linef(d, 0, ROLE_SECTION, "%s", title);
	if (!n)
		doc_linef(d, 1, ROLE_DIM, "none");
	for (size_t i = 0; i < n; i++)
		bar_line(d, &b[i], max);
	doc_add(d);
}

/* ---- the loaded cases -------------------------------------------------- */

static void by_path(struct ui *ui, struct doc *d)
{
	struct bar b[PATH__COUNT];
	size_t count[PATH__COUNT] = { 0 }, n = 0, hearing = 0;
	for (size_t i = 0; i < ui->sel.n; i++) {
		const struct row_info *o = ui->model.rows[ui->sel.idx[i]].info;
		if (o->path < PATH__COUNT)
			count[o->path]++;
		hearing += o->hearing;
	}
	for (int p = 0; p < PATH__COUNT; p++)
		if (count[p])
			b[n++] = (struct bar){ model_path_label(p),
					       (int64_t)count[p], false,
					       model_path_role(p) };
	chart(d, "CASES BY PATH", b, n);
	struct bar h[2] = {
		{ "hearing", (int64_t)hearing, false, ROLE_BAR },
		{ "no hearing", (int64_t)(ui->sel.n - hearing), false,
		  ROLE_NO_HEARING },
	};
	chart(d, "HEARING OR NONE", h, 2);
}

/* Cases per penalty rule, or per relief rule forfeited. */
static void by_rule(struct ui *ui, struct doc *d, bool penalties)
{
	const struct rules *r = &ui->model.rules;
	size_t *count = xcalloc(r->n + 1, sizeof(*count)), n = 0;
	struct bar *b = xcalloc(r->n + 1, sizeof(*b));
	for (size_t i = 0; i < ui->sel.n; i++) {
		const struct row_info *o = ui->model.rows[ui->sel.idx[i]].info;
		for (uint32_t k = 0; penalties && k < o->n_pen; k++)
			count[o->rules[k]]++;
		for (uint32_t k = 0; !penalties && k < o->n_forfeited; k++)
			count[o->rules[o->n_pen + k]]++;
	}
	for (size_t i = 0; i < r->n; i++)
		if (count[i])
			b[n++] = (struct bar){ r->v[i].id, (int64_t)count[i],
					       false, penalties ? ROLE_RUNNING :
					       ROLE_UNMET };
	chart(d, penalties ? "CASES WITH EACH PENALTY" :
	      "CASES THAT FORFEITED EACH RELIEF", b, n);
	free(b);
	free(count);
}

static void cases_part(struct ui *ui, struct doc *d)
{
	if (ui->quiz) {
		doc_linef(d, 0, ROLE_DIM, "Case totals are hidden in quiz mode.");
		doc_add(d);
		return;
	}
	doc_linef(d, 0, ROLE_HEADER, "%zu case%s shown%s%s", ui->sel.n,
		  ui->sel.n == 1 ? "" : "s", ui->sel.filter[0] ?
		  " | filter: " : "", ui->sel.filter);
	doc_add(d);
	if (!ui->model.have_rules) {
		doc_linef(d, 0, ROLE_ERROR, "No assessment: the rules did not "
			  "load.");
		return;
	}
	by_path(ui, d);
	by_rule(ui, d, true);
	by_rule(ui, d, false);
}

/* ---- the official figures ---------------------------------------------- */

static void edition(struct doc *d, const struct official_edition *e)
{
	struct bar *b = xcalloc(e->n * OFFICIAL__MEASURES + 1, sizeof(*b));
	char (*labels)[32] = xcalloc(e->n * OFFICIAL__MEASURES + 1, 32);
	size_t n = 0;
	for (size_t i = 0; i < e->n; i++)
		for (int m = 0; m < OFFICIAL__MEASURES; m++) {
			if (e->v[i].value[m] < 0)
				continue;
			snprintf(labels[n], 32, "FY%d %s", e->v[i].fy,
				 official_measure_name(m));
			b[n] = (struct bar){ labels[n], e->v[i].value[m],
					     e->v[i].approx[m], m ==
					     OFFICIAL_REMOVALS ? ROLE_BAR :
					     ROLE_BAR_ALT };
			n++;
		}
	doc_wrap(d, 0, 0, ROLE_SECTION, e->title);
	doc_wrap(d, 1, 0, ROLE_DIM, e->published ? arena_printf(&d->arena,
		 "%s, %s", e->source, e->published) : e->source);
	chart(d, NULL, b, n);
	d->n--;                 /* the chart's blank line comes last */
	if (e->note)
		doc_wrap(d, 1, 0, ROLE_DIM, e->note);
	if (e->flag)
		doc_wrap(d, 1, 0, ROLE_WARNING, arena_printf(&d->arena,
			 "unverified: %s", e->flag));
	doc_add(d);
	free(labels);
	free(b);
}

static void official_part(struct ui *ui, struct doc *d)
{
	const struct official *o = &ui->model.official;
	doc_linef(d, 0, ROLE_HEADER, "OFFICIAL FIGURES, BY EDITION");
	doc_wrap(d, 0, 0, ROLE_DIM, "DHS removals are departures under an "
		 "order; returns are departures without one.  Each chart is "
		 "one edition; ~ marks a rounded figure.");
	doc_add(d);
	for (size_t i = 0; i < o->n; i++)
		edition(d, &o->v[i]);
}

/* ---- layout ------------------------------------------------------------ */

/* Copies src's lines into d at column x, line by line from d's line at. */
static void merge(struct doc *d, const struct doc *src, int x, size_t at)
{
	for (size_t i = 0; i < src->n; i++) {
		while (d->n <= at + i)
			doc_add(d);
		const struct doc_line *s = &src->v[i];
		for (int k = 0; k < s->n; k++)
			doc_put(d, &d->v[at + i], s->seg[k].x + x, s->seg[k].w,
				s->seg[k].role, s->seg[k].text);
	}
}

static void stats_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	struct doc left, right;
	bool wide = d->width >= 110;
	int lw = wide ? (d->width - 3) / 2 : d->width - 2;
	doc_init(&left, lw);
	doc_init(&right, wide ? d->width - lw - 4 : lw);
	cases_part(v->ui, &left);
	official_part(v->ui, &right);
	merge(d, &left, 1, 0);
	merge(d, &right, wide ? lw + 3 : 1, wide ? 0 : d->n);
	doc_free(&left);
	doc_free(&right);
	v->lines = d->n;
}

static void stats_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "statistics");
}

static void stats_status(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "f filters the cases counted | q back | ? help");
}

const struct view_ops view_stats_ops = {
	.name = "stats",
	.cursor = false,
	.open = stats_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = stats_title,
	.status = stats_status,
	.done = view_doc_done,
};
