/* view_stats.c - totals for the cases in the list (the current filter), as
 * horizontal bar charts (the core's counts: query_stats, the same as
 * `casewalk stats`), beside the official annual figures of
 * config/statistics.yaml: one chart per edition, never mixing editions,
 * each with its source, so that one "removals" total can be seen to hide
 * the returns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "load.h"
#include "text.h"
#include "view.h"

#define LABEL_W 24
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

/* max: the scale, shared by every chart of the same unit (the cases
 * shown; the people in every official edition), so that a longer bar is
 * always a larger number. */
static void chart(struct doc *d, const char *title, const struct bar *b,
		  size_t n, int64_t max)
{
	if (title)
		doc_linef(d, 0, ROLE_SECTION, "%s", title);
	if (!n)
		doc_linef(d, 1, ROLE_DIM, "none");
	for (size_t i = 0; i < n; i++)
		bar_line(d, &b[i], max);
	doc_add(d);
}

/* ---- the loaded cases -------------------------------------------------- */

/* The counts of the rows shown (the current filter), the core's
 * (query_stats: the same as `casewalk stats`); the way back needs the
 * path not taken, assessed when the view opens, a few hundred cases at a
 * time (stats_work). */
struct stats_view {
	struct doc doc;                 /* first: view_doc.c's helpers */
	struct query_stats main, alt;
	bool counted;
	size_t done, unread;            /* of the alternative pass */
	size_t *idx, n;                 /* the rows counted */
	/* what they were counted for: a change counts again */
	unsigned generation;
	char filter[1024];
	bool redact;
	struct arena tmp;
};

#define STATS_STEP 200

static void count_main(struct ui *ui, struct stats_view *sv)
{
	const struct rules *r = ui->model.have_rules ? &ui->model.rules : NULL;
	if (sv->counted) {
		query_stats_free(&sv->main);
		query_stats_free(&sv->alt);
	}
	query_stats_init(&sv->main, r);
	query_stats_init(&sv->alt, r);
	free(sv->idx);
	sv->n = ui->sel.n;
	sv->idx = xmalloc((sv->n + 1) * sizeof(*sv->idx));
	memcpy(sv->idx, ui->sel.idx, sv->n * sizeof(*sv->idx));
	for (size_t i = 0; i < sv->n; i++)
		query_stats_add(&sv->main, model_row(&ui->model, sv->idx[i]));
	sv->counted = true;
	sv->done = sv->unread = 0;
	sv->generation = ui->model.generation;
	snprintf(sv->filter, sizeof(sv->filter), "%s", ui->sel.filter);
	sv->redact = ui->redact;
}

static bool stale(const struct ui *ui, const struct stats_view *sv)
{
	return !sv->counted || sv->generation != ui->model.generation ||
	       strcmp(sv->filter, ui->sel.filter) || sv->redact != ui->redact;
}

/* One step of the second pass: each case read again and assessed on
 * both paths, as `casewalk stats` does (query_row_of_case, alt). */
static void stats_work(struct view *v)
{
	struct ui *ui = v->ui;
	struct stats_view *sv = v->priv;
	struct model *m = &ui->model;
	struct query_ctx q = { &m->rules, NULL, m->as_of, m->law_as_of, true };
	size_t end = sv->done + STATS_STEP < sv->n ? sv->done + STATS_STEP :
		sv->n;
	for (; sv->done < end; sv->done++) {
		const char *why;
		const struct cw_case *c = model_case(m, sv->idx[sv->done]);
		if (c->stub && !(c = load_case_again(c, &ylimits_default,
				&ui->app->vocab.ids, &sv->tmp, &why))) {
			sv->unread++;
			continue;
		}
		query_stats_add(&sv->alt, query_row_of_case(&q, c, &sv->tmp,
							    &sv->tmp));
		arena_reset(&sv->tmp);
	}
	if (sv->done == sv->n)
		v->working = false;
	v->ops->open(v);
}

static void by_path(const struct query_stats *s, struct doc *d)
{
	struct bar b[PATH__COUNT];
	size_t n = 0;
	for (int p = 0; p < PATH__COUNT; p++)
		if (s->by_path[p])
			b[n++] = (struct bar){ model_path_label(p),
					       (int64_t)s->by_path[p], false,
					       model_path_role(p) };
	chart(d, "CASES BY PATH", b, n, (int64_t)s->cases);
	struct bar h[2] = {
		{ "hearing", (int64_t)s->hearing_yes, false, ROLE_BAR },
		{ "no hearing", (int64_t)s->hearing_no, false, ROLE_NO_HEARING },
	};
	chart(d, "HEARING OR NONE", h, 2, (int64_t)s->cases);
}

/* Cases per rule of counts v, for the rules want picks. */
static void by_rule(const struct query_stats *s, struct doc *d,
		    const char *title, const size_t *v,
		    bool (*want)(const struct rule *), int role)
{
	const struct rules *r = s->rules;
	struct bar *b = xcalloc(r->n + 1, sizeof(*b));
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		if (want(&r->v[i]) && v[i])
			b[n++] = (struct bar){ r->v[i].id, (int64_t)v[i], false,
					       role };
	chart(d, title, b, n, (int64_t)s->cases);
	free(b);
}

static bool is_penalty(const struct rule *rl)
{
	return rule_kind_is_penalty(rl->kind);
}

static bool is_bar(const struct rule *rl)
{
	return rl->kind == KIND_BAR;
}

/* Each relief's cases by status now (section 9.3). */
static void relief_now(const struct query_stats *s, struct doc *d)
{
	const struct rules *r = s->rules;
	doc_linef(d, 0, ROLE_SECTION, "RELIEF NOW (cases by status on the "
		  "as-of date)");
	for (size_t k = 0; k < r->n; k++) {
		char buf[512];
		size_t len = 0;
		if (r->v[k].kind != KIND_RELIEF)
			continue;
		len += (size_t)snprintf(buf, sizeof(buf), "%s:", r->v[k].id);
		for (int st = 0; st < NOW__COUNT && len < sizeof(buf); st++)
			if (s->relief_now[k * NOW__COUNT + (size_t)st])
				len += (size_t)snprintf(buf + len, sizeof(buf) -
					len, " %s %zu", now_status_def.names[st],
					s->relief_now[k * NOW__COUNT + (size_t)st]);
		doc_wrap(d, 1, 0, ROLE_NORMAL, buf);
	}
	doc_add(d);
}

static void way_back(const struct stats_view *sv, struct doc *d)
{
	const struct query_stats *s = &sv->alt;
	doc_linef(d, 0, ROLE_SECTION, "THE WAY BACK, PATH TAKEN AGAINST THE PATH "
		  "NOT TAKEN");
	if (sv->done < sv->n) {
		doc_linef(d, 1, ROLE_DIM, "assessing the path not taken: %zu of "
			  "%zu cases...", sv->done, sv->n);
		doc_add(d);
		return;
	}
	doc_wrap(d, 1, 0, ROLE_NORMAL, arena_printf(&d->arena, "%zu cases; no "
		 "waiver: %zu later (%lld days in all), %zu earlier; no date on "
		 "the path taken %zu, on the other %zu", s->alt_cases,
		 s->later_no_waiver, (long long)s->days_no_waiver,
		 s->earlier_no_waiver, s->none_taken, s->none_not_taken));
	doc_wrap(d, 1, 0, ROLE_NORMAL, arena_printf(&d->arena, "with waivers: "
		 "%zu later (%lld days in all), %zu earlier",
		 s->later_with_waivers, (long long)s->days_with_waivers,
		 s->earlier_with_waivers));
	if (sv->unread)
		doc_wrap(d, 1, 0, ROLE_WARNING, arena_printf(&d->arena, "%zu "
			 "case%s could not be read again (r loads the files "
			 "again)", sv->unread, sv->unread == 1 ? "" : "s"));
	doc_add(d);
}

/* The editions' counting caveats (statistics.yaml), each with where it
 * is said: the point an audience needs first. */
static void caveats(struct ui *ui, struct doc *d)
{
	const struct official *o = &ui->model.official;
	for (size_t i = 0; i < o->n; i++) {
		const struct official_edition *e = &o->v[i];
		if (!e->caveat)
			continue;
		doc_wrap(d, 0, 0, ROLE_WARNING, arena_printf(&d->arena,
			 "%s: %s", e->title, e->caveat));
		if (e->caveat_source)
			doc_wrap(d, 1, 0, ROLE_DIM, arena_printf(&d->arena,
				 "source: %s", e->caveat_source));
	}
}

/* How DHS would count the cases shown, beside the one headline total. */
static void dhs_count(const struct query_stats *s, struct doc *d)
{
	doc_wrap(d, 0, 0, ROLE_HEADER, arena_printf(&d->arena, "As DHS would "
		 "count them: %zu removal%s (under an order), %zu return%s (no "
		 "order); one \"removals\" headline would say %zu",
		 s->dhs_removals, s->dhs_removals == 1 ? "" : "s",
		 s->dhs_returns, s->dhs_returns == 1 ? "" : "s",
		 s->dhs_removals + s->dhs_returns));
}

static void cases_part(struct ui *ui, const struct stats_view *sv,
		       struct doc *d)
{
	const struct query_stats *s = &sv->main;
	if (ui->quiz) {
		doc_linef(d, 0, ROLE_DIM, "Case totals are hidden in quiz mode.");
		caveats(ui, d);
		doc_add(d);
		return;
	}
	doc_linef(d, 0, ROLE_HEADER, "%zu case%s shown%s%s", s->cases,
		  s->cases == 1 ? "" : "s", ui->sel.filter[0] ?
		  " | filter: " : "", ui->sel.filter);
	if (ui->model.have_rules)
		dhs_count(s, d);
	caveats(ui, d);
	doc_add(d);
	if (!ui->model.have_rules) {
		doc_linef(d, 0, ROLE_ERROR, "No assessment: the rules did not "
			  "load.");
		return;
	}
	by_path(s, d);
	doc_linef(d, 0, ROLE_SECTION, "A RE-ENTRY BAR IN FORCE TODAY: %zu "
		  "case%s", s->cases_bar_running, s->cases_bar_running == 1 ?
		  "" : "s");
	by_rule(s, d, NULL, s->bar_running, is_bar, ROLE_RUNNING);
	by_rule(s, d, "PENALTIES RUNNING ON THE AS-OF DATE (cases)",
		s->penalty_running, is_penalty, ROLE_RUNNING);
	by_rule(s, d, "PENALTIES EVER ATTACHED (cases, running or not)",
		s->penalty, is_penalty, ROLE_BAR);
	by_rule(s, d, "PENALTIES THAT ONLY POSSIBLY ATTACH (cases)",
		s->penalty_possible, is_penalty, ROLE_UNKNOWN);
	relief_now(s, d);
	way_back(sv, d);
}

/* ---- the official figures ---------------------------------------------- */

static void edition(struct doc *d, const struct official_edition *e,
		    int64_t max)
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
	chart(d, NULL, b, n, max);
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
	int64_t max = 0;
	for (size_t i = 0; i < o->n; i++)
		if (official_max(&o->v[i]) > max)
			max = official_max(&o->v[i]);
	doc_wrap(d, 0, 0, ROLE_DIM, "DHS removals are departures under an "
		 "order; returns are departures without one.  Each chart is "
		 "one edition, all on one scale; ~ marks a rounded figure.");
	doc_add(d);
	for (size_t i = 0; i < o->n; i++)
		edition(d, &o->v[i], max);
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
	struct ui *ui = v->ui;
	struct stats_view *sv = v->priv;
	if (!sv) {
		sv = v->priv = xcalloc(1, sizeof(*sv));
		doc_init(&sv->doc, ui->cols);
		arena_init(&sv->tmp, 64 * 1024);
	}
	if (stale(ui, sv) && model_ready(&ui->model)) {
		count_main(ui, sv);
		v->working = ui->model.have_rules && !ui->quiz;
	}
	struct doc *d = view_doc_reset(v);
	struct doc left, right;
	bool wide = d->width >= 110;
	int lw = wide ? (d->width - 3) / 2 : d->width - 2;
	doc_init(&left, lw);
	doc_init(&right, wide ? d->width - lw - 4 : lw);
	cases_part(ui, sv, &left);
	official_part(ui, &right);
	merge(d, &left, 1, 0);
	merge(d, &right, wide ? lw + 3 : 1, wide ? 0 : d->n);
	doc_free(&left);
	doc_free(&right);
	v->lines = d->n;
}

static void stats_done(struct view *v)
{
	struct stats_view *sv = v->priv;
	if (sv) {
		if (sv->counted) {
			query_stats_free(&sv->main);
			query_stats_free(&sv->alt);
		}
		free(sv->idx);
		arena_free(&sv->tmp);
	}
	view_doc_done(v);
}

static void stats_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "statistics");
}

static void stats_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s filters the cases counted | %s back | %s help",
		 ui_key(ui, ACT_FILTER), ui_key(ui, ACT_BACK),
		 ui_key(ui, ACT_HELP));
}

const struct view_ops view_stats_ops = {
	.name = "stats",
	.cursor = false,
	.open = stats_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.work = stats_work,
	.title = stats_title,
	.status = stats_status,
	.done = stats_done,
};
