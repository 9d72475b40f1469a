/* view_deadlines.c - every deadline of the cases in the list (the
 * current filter), in date order: what `casewalk deadlines` prints
 * (deadlines.h), one line each; Enter opens the case.  Each case is read
 * again from its file (the list keeps a stub), once per file.  Also the
 * `m` key: the review memo (memo.h) of the current case, into a file the
 * prompt names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadlines.h"
#include "draw.h"
#include "load.h"
#include "memo.h"
#include "text.h"
#include "view.h"

/* The id and name columns, narrower on a narrow screen. */
#define ID_W(ui) ((ui)->cols >= 100 ? 14 : 12)
#define NAME_W(ui) ((ui)->cols >= 120 ? 24 : (ui)->cols >= 100 ? 20 : 14)

/* More would take long to read again: the view asks for a filter. */
#define DL_MAX_CASES 5000

struct dl_entry {
	size_t row;
	struct deadline d;
};

struct dl_view {
	struct arena arena;             /* the cases read again, the notes */
	struct dl_entry *v;
	size_t n, cap;
	size_t cases, hidden;           /* hidden: quiz mode */
	bool too_many;
};

/* A listed row and its file, to read each file once. */
struct row_file {
	const char *file;
	size_t row;
};

static int by_file(const void *x, const void *y)
{
	const struct row_file *a = x, *b = y;
	int c = strcmp(a->file, b->file);
	return c ? c : (a->row > b->row) - (a->row < b->row);
}

static int by_day(const void *x, const void *y)
{
	const struct dl_entry *a = x, *b = y;
	if (a->d.day != b->d.day)
		return a->d.day < b->d.day ? -1 : 1;
	return (a->row > b->row) - (a->row < b->row);
}

static void push(struct dl_view *dv, size_t row, const struct deadline *d)
{
	if (dv->n == dv->cap) {
		dv->cap = dv->cap ? 2 * dv->cap : 64;
		dv->v = xrealloc(dv->v, dv->cap * sizeof(*dv->v));
	}
	dv->v[dv->n++] = (struct dl_entry){ row, *d };
}

/* The deadlines of rows[0..n), all of one file. */
static void one_file(struct view *v, const struct row_file *rows, size_t n)
{
	struct model *m = &v->ui->model;
	struct dl_view *dv = v->priv;
	struct load_file res = { 0 };
	struct outbuf text = { NULL, 0, 0 };
	struct arena scratch;
	arena_init(&scratch, 64 * 1024);
	load_file(rows[0].file, 0, &ylimits_default,
		  &m->app->vocab.ids, &dv->arena, &scratch, &text, &res);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < res.n_cases; k++) {
			const struct cw_case *c = res.cases[k];
			if (strcmp(c->id, m->cat.rows[rows[i].row].c->id))
				continue;
			struct assessment as;
			struct deadline_list l = { 0 };
			/* as the command line: relief now (its motion
			 * deadlines) needs the full path taken */
			assess_case_paths(&m->rules, c, m->as_of,
					  m->law_as_of, false, &as, &scratch);
			as.c = c;
			deadlines_of(&m->rules, &as, &l, &dv->arena);
			for (size_t j = 0; j < l.n; j++)
				push(dv, rows[i].row, &l.v[j]);
			arena_reset(&scratch);
			break;
		}
	load_file_free(&res);
	ob_free(&text);
	arena_free(&scratch);
}

static void dl_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct dl_view *dv = v->priv;
	if (!dv) {
		dv = v->priv = xcalloc(1, sizeof(*dv));
		arena_init(&dv->arena, 64 * 1024);
	}
	arena_reset(&dv->arena);
	dv->n = dv->cases = dv->hidden = 0;
	dv->too_many = ui->sel.n > DL_MAX_CASES;
	if (dv->too_many || !ui->model.have_rules) {
		v->lines = 1;
		return;
	}
	struct row_file *rows = xmalloc((ui->sel.n + 1) * sizeof(*rows));
	size_t n = 0;
	for (size_t i = 0; i < ui->sel.n; i++) {
		size_t r = ui->sel.idx[i];
		if (ui_outcome_shown(ui, r))
			rows[n++] = (struct row_file){ ui->model.cat.rows[r].c->file, r };
		else
			dv->hidden++;
	}
	qsort(rows, n, sizeof(*rows), by_file);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(rows[j].file, rows[i].file); j++)
			;
		one_file(v, rows + i, j - i);
	}
	dv->cases = n;
	free(rows);
	qsort(dv->v, dv->n, sizeof(*dv->v), by_day);
	v->lines = dv->n ? dv->n : 1;
}

static const char *line_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	struct dl_view *dv = v->priv;
	struct ui *ui = v->ui;
	char day[ASSESS_RANGE_BUFSZ];
	if (!ui->model.have_rules)
		return "No deadlines: the rules did not load (E shows why).";
	if (dv->too_many) {
		snprintf(buf, n, "%zu cases listed: filter the list (f) to %d or "
			 "fewer to see their deadlines.", ui->sel.n, DL_MAX_CASES);
		return buf;
	}
	if (!dv->n)
		return "No deadlines in the listed cases.";
	const struct dl_entry *e = &dv->v[line];
	const struct deadline *d = &e->d;
	char id[TEXT_SAFE_SIZE(64)], nm[TEXT_SAFE_SIZE(64)];
	const char *name = model_name(&ui->model, e->row, ui->redact);
	/* the court is free text of the file (deadlines_redact) */
	const char *court = ui->redact ? NULL : d->court;
	int idw = ID_W(ui), namew = NAME_W(ui);
	/* columns, not bytes: a name is cut with an ellipsis (text.h) */
	char idb[32];
	const char *cid = ui_case_id(ui, e->row, idb, sizeof(idb));
	int iw = text_fit(cid, strlen(cid), idw, id, sizeof(id), NULL);
	int nw = text_fit(name, strlen(name), namew, nm, sizeof(nm), NULL);
	snprintf(buf, n, "%-10s %6ld  %s%*s %s%*s  %-18s %s%s%s%s",
		 deadline_date_text(d, day), deadline_days_left(d, ui->model.as_of),
		 id, idw - iw, "", nm, namew - nw, "", deadline_kind_names[d->kind],
		 d->possible ? "(possible) " : "", d->rule ? d->rule : "",
		 court ? "  " : "", court ? court : "");
	return buf;
}

static void dl_draw(struct view *v, size_t line, int y, bool selected)
{
	struct dl_view *dv = v->priv;
	char buf[1024];
	int role = ROLE_NORMAL;
	if (dv->n) {
		long left = deadline_days_left(&dv->v[line].d, v->ui->model.as_of);
		role = left < 0 ? ROLE_DIM : left <= 30 ? ROLE_RUNNING :
			ROLE_NORMAL;
	}
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	draw_text(y, 1, v->ui->cols - 1, role, selected,
		  line_text(v, line, buf, sizeof(buf)));
}

static void dl_header(struct view *v, int y)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%-10s %6s  %-*s %-*s  %-18s %s", "DATE",
		 "DAYS", ID_W(v->ui), "ID", NAME_W(v->ui), "NAME", "KIND", "RULE");
	draw_fill(y, 0, v->ui->cols, ROLE_HEADER, false);
	draw_text(y, 1, v->ui->cols - 1, ROLE_HEADER, false, buf);
}

static int dl_request(struct view *v, enum ui_action a)
{
	struct dl_view *dv = v->priv;
	if (a != ACT_ENTER || !dv->n)
		return 0;
	return ui_open(v->ui, &view_case_ops, dv->v[v->sel].row);
}

static void dl_title(struct view *v, char *buf, size_t n)
{
	struct dl_view *dv = v->priv;
	snprintf(buf, n, "deadlines  %zu in %zu case%s%s", dv ? dv->n : 0,
		 dv ? dv->cases : 0, dv && dv->cases == 1 ? "" : "s",
		 dv && dv->hidden ? " (the rest hidden: quiz)" : "");
}

static void dl_status(struct view *v, char *buf, size_t n)
{
	struct dl_view *dv = v->priv;
	const struct deadline *d = dv && dv->n ? &dv->v[v->sel].d : NULL;
	if (d)
		snprintf(buf, n, "%s%s%s%s%s%s", d->rule ? d->rule : "",
			 d->cite ? " [" : "", d->cite ? d->cite : "",
			 d->cite ? "]" : "", d->note ? "; " : "",
			 d->note ? d->note : "");
	else
		snprintf(buf, n, "DAYS from the as-of date | Enter opens the case "
			 "| q back");
}

static void dl_done(struct view *v)
{
	struct dl_view *dv = v->priv;
	if (dv) {
		free(dv->v);
		arena_free(&dv->arena);
	}
	free(dv);
	v->priv = NULL;
}

const struct view_ops view_deadlines_ops = {
	.name = "deadlines",
	.cursor = true,
	.open = dl_open,
	.header = dl_header,
	.draw = dl_draw,
	.request = dl_request,
	.text = line_text,
	.title = dl_title,
	.status = dl_status,
	.done = dl_done,
};

/* ---- m: the memo ------------------------------------------------------------ */

int memo_prompt(struct ui *ui, char *name, size_t n)
{
	size_t row = ui_current_row(ui);
	if (row == UI_NO_ROW) {
		ui_message(ui, ROLE_MESSAGE, "select a case first");
		return -1;
	}
	if (!ui_outcome_shown(ui, row)) {
		/* the memo, and its name with the case id, give it away */
		ui_message(ui, ROLE_WARNING, "hidden in the quiz: reveal the "
			   "case with %s first", ui_key(ui, ACT_REVEAL));
		return -1;
	}
	if (!ui->model.have_rules) {
		ui_message(ui, ROLE_ERROR, "no assessment: the rules did not "
			   "load");
		return -1;
	}
	/* a name with the case id, not the person's: file names are seen */
	snprintf(name, n, "%s-memo.txt", ui->model.cat.rows[row].c->id);
	return 0;
}

int memo_submit(struct ui *ui, const char *path)
{
	size_t row = ui_current_row(ui);
	char err[MEMO_ERRSZ], shown[512];
	if (!*path) {
		ui_message(ui, ROLE_MESSAGE, "no memo written: no file named");
		return UI_REDRAW;
	}
	const struct assessment *a = row == UI_NO_ROW ? NULL :
		model_detail(&ui->model, row);
	if (!a) {
		ui_message(ui, ROLE_ERROR, "no memo: %s", ui->model.detail_why ?
			   ui->model.detail_why : "no case");
		return UI_REDRAW;
	}
	int fmt = memo_format_of_path(path);
	if (memo_save(&ui->model.rules, a, fmt, ui->redact, path, err))
		ui_message(ui, ROLE_ERROR, "no memo written: %s", err);
	else
		ui_message(ui, ROLE_MESSAGE, "%smemo written to %s",
			   ui->redact ? "redacted " : "",
			   edit_shown_path(path, shown, sizeof(shown)));
	return UI_REDRAW;
}
