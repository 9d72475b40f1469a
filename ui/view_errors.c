/* view_errors.c - every problem found: in the case files, the rules, the
 * statistics and the configuration, each wrapped to the width (a long
 * diagnostic is read whole, never cut).  Enter edits the file at the
 * line: a case file through the safe edit flow (edit.c), anything else
 * directly in $EDITOR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "redact.h"
#include "view.h"

struct errors {
	const struct diag **v;
	size_t n;
	struct doc doc;         /* the diagnostics wrapped */
	size_t *of;             /* of[line]: its diagnostic */
	size_t n_of, cap_of;
};

static void collect(struct errors *e, const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		e->v[e->n++] = &l->v[i];
}

/* In redaction mode a case file is named by its label (redact.h: "case
 * E06a", "file 3"), in the position and in the message (a duplicate id
 * names the other file), as the command line names it: case file names
 * often carry the person's name.  Another file (the configuration) by its
 * load order.  lab: the corpus files' labels, or NULL. */
static const char *file_name(struct view *v, const struct diag *d,
			     char *const *lab, char *buf, size_t n)
{
	const struct corpus *c = &v->ui->model.corpus;
	if (!v->ui->redact)
		return d->file;
	if (lab && d->file_index < c->n_files &&
	    !strcmp(c->files[d->file_index], d->file))
		return lab[d->file_index];
	snprintf(buf, n, "(file %u)", d->file_index + 1);
	return buf;
}

static const char *diag_text(struct view *v, const struct diag *d,
			     char *const *lab, char *buf, size_t n)
{
	const struct corpus *c = &v->ui->model.corpus;
	char f[32];
	const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
	const char *file = file_name(v, d, lab, f, sizeof(f));
	char *msg = lab ? redact_paths(d->msg, c->files, lab, c->n_files)
			: NULL;
	/* as diag_print writes it: a whole-file problem has no position */
	if (d->line)
		snprintf(buf, n, "%s:%u:%u: %s: %s", file, d->line, d->col,
			 sev, msg ? msg : d->msg);
	else
		snprintf(buf, n, "%s: %s: %s", file, sev, msg ? msg : d->msg);
	free(msg);
	return buf;
}

static void wrap_all(struct view *v, struct errors *e)
{
	const struct corpus *c = &v->ui->model.corpus;
	char **lab = v->ui->redact ? redact_file_labels(c->files, c->n_files,
			(const struct cw_case *const *)c->cases, c->n_cases)
			: NULL;
	doc_reset(&e->doc, v->ui->cols);
	e->n_of = 0;
	for (size_t i = 0; i < e->n; i++) {
		char buf[2048];
		size_t before = e->doc.n;
		doc_wrap(&e->doc, 1, 0, e->v[i]->severity == DIAG_ERROR ?
			 ROLE_ERROR : ROLE_WARNING, diag_text(v, e->v[i], lab,
							      buf, sizeof(buf)));
		for (size_t k = before; k < e->doc.n; k++) {
			if (e->n_of == e->cap_of) {
				e->cap_of = e->cap_of ? e->cap_of * 2 : 64;
				e->of = xrealloc(e->of, e->cap_of *
						 sizeof(*e->of));
			}
			e->of[e->n_of++] = i;
		}
	}
	free(lab);
}

static void errors_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct errors *e = v->priv;
	if (!e) {
		e = v->priv = xcalloc(1, sizeof(*e));
		doc_init(&e->doc, ui->cols);
	}
	free(e->v);
	e->n = 0;
	e->v = xcalloc(ui->model.corpus.diags.n + ui->model.diags.n +
		       ui->conf.diags.n + 1, sizeof(*e->v));
	collect(e, &ui->conf.diags);
	collect(e, &ui->model.diags);
	collect(e, &ui->model.corpus.diags);
	wrap_all(v, e);
	v->lines = e->n ? e->doc.n : 1;
}

static void errors_done(struct view *v)
{
	struct errors *e = v->priv;
	if (e) {
		free(e->v);
		free(e->of);
		doc_free(&e->doc);
	}
	free(e);
	v->priv = NULL;
}

/* The diagnostic of the selected line. */
static const struct diag *selected(struct view *v)
{
	struct errors *e = v->priv;
	return e && e->n && v->sel < e->n_of ? e->v[e->of[v->sel]] : NULL;
}

static const char *line_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	struct errors *e = v->priv;
	if (!e->n)
		return "No problems found.";
	return doc_text(&e->doc, line, buf, n);
}

static void errors_draw(struct view *v, size_t line, int y, bool selected_)
{
	struct errors *e = v->priv;
	if (!e->n) {
		draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected_);
		draw_text(y, 1, v->ui->cols - 1, ROLE_MET, selected_,
			  "No problems found.");
		return;
	}
	/* every line of the selected diagnostic is highlighted */
	doc_draw(&e->doc, line, y, v->sel < e->n_of &&
		 e->of[line] == e->of[v->sel]);
}

static bool is_case_file(struct ui *ui, const char *file)
{
	for (size_t i = 0; i < ui->model.corpus.n_files; i++)
		if (!strcmp(ui->model.corpus.files[i], file))
			return true;
	return false;
}

/* j and k move a diagnostic at a time: to the first line of the next or
 * the previous one. */
static int step(struct view *v, int dir)
{
	struct errors *e = v->priv;
	size_t cur = e->of[v->sel], line = v->sel;
	if (dir > 0) {
		while (line < e->n_of && e->of[line] == cur)
			line++;
		if (line == e->n_of)
			return UI_HANDLED;
	} else {
		if (cur == 0)
			return UI_HANDLED;
		while (line > 0 && e->of[line] >= cur)
			line--;
		while (line > 0 && e->of[line - 1] == e->of[line])
			line--;
	}
	v->sel = line;
	ui_clamp(v);
	return UI_REDRAW;
}

static int errors_request(struct view *v, enum ui_action a)
{
	struct ui *ui = v->ui;
	const struct diag *d = selected(v);
	if (d && (a == ACT_MOVE_DOWN || a == ACT_MOVE_UP) && ui->count < 0)
		return step(v, a == ACT_MOVE_DOWN ? 1 : -1);
	if (a != ACT_ENTER || !d)
		return 0;
	if (is_case_file(ui, d->file))
		return edit_start(ui, d->file, d->line);
	if (strstr(d->file, "(built in)")) {
		ui_message(ui, ROLE_MESSAGE, "a built-in file cannot be edited");
		return UI_REDRAW;
	}
	if (ui_run_editor(ui, d->file, d->line) != 0)
		ui_message(ui, ROLE_ERROR, "the editor failed ($EDITOR)");
	else if (d->file == ui->conf.user_file ||
		 (ui->conf.user_file && !strcmp(d->file, ui->conf.user_file)))
		ui_message(ui, ROLE_MESSAGE, "the configuration is read at "
			   "start: restart casewalk to use it");
	else
		return ui_reload(ui);
	return UI_REDRAW;
}

static void errors_title(struct view *v, char *buf, size_t n)
{
	struct errors *e = v->priv;
	snprintf(buf, n, "errors  %zu problem%s", e ? e->n : 0,
		 e && e->n == 1 ? "" : "s");
}

static void errors_status(struct view *v, char *buf, size_t n)
{
	const struct diag *d = selected(v);
	if (d && d->source && *d->source && !v->ui->redact)
		snprintf(buf, n, "%u| %s", d->line, d->source);
	else if (d)
		snprintf(buf, n, "%s edits the file at the line | %s back",
			 ui_key(v->ui, ACT_ENTER), ui_key(v->ui, ACT_BACK));
	else
		snprintf(buf, n, "%s back", ui_key(v->ui, ACT_BACK));
}

const struct view_ops view_errors_ops = {
	.name = "errors",
	.cursor = true,
	.open = errors_open,
	.draw = errors_draw,
	.request = errors_request,
	.text = line_text,
	.title = errors_title,
	.status = errors_status,
	.done = errors_done,
};
