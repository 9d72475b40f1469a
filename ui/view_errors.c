/* view_errors.c - every problem found: in the case files, the rules, the
 * statistics and the configuration.  Enter edits the file at the line: a
 * case file through the safe edit flow (edit.c), anything else directly
 * in $EDITOR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

struct errors {
	const struct diag **v;
	size_t n;
};

static void collect(struct errors *e, const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		e->v[e->n++] = &l->v[i];
}

static void errors_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct errors *e = v->priv;
	if (!e)
		e = v->priv = xcalloc(1, sizeof(*e));
	free(e->v);
	e->n = 0;
	e->v = xcalloc(ui->model.corpus.diags.n + ui->model.diags.n +
		       ui->conf.diags.n + 1, sizeof(*e->v));
	collect(e, &ui->conf.diags);
	collect(e, &ui->model.diags);
	collect(e, &ui->model.corpus.diags);
	v->lines = e->n ? e->n : 1;
}

static void errors_done(struct view *v)
{
	struct errors *e = v->priv;
	if (e)
		free(e->v);
	free(e);
	v->priv = NULL;
}

/* In redaction mode a file is named by its load order: case file names
 * often carry the person's name. */
static const char *file_name(struct view *v, const struct diag *d,
			     char *buf, size_t n)
{
	if (!v->ui->redact)
		return d->file;
	snprintf(buf, n, "(file %u)", d->file_index + 1);
	return buf;
}

static const char *line_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	struct errors *e = v->priv;
	char f[32];
	if (!e->n)
		return "No problems found.";
	const struct diag *d = e->v[line];
	const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
	/* as diag_print writes it: a whole-file problem has no position */
	if (d->line)
		snprintf(buf, n, "%s:%u:%u: %s: %s", file_name(v, d, f,
			 sizeof(f)), d->line, d->col, sev, d->msg);
	else
		snprintf(buf, n, "%s: %s: %s", file_name(v, d, f, sizeof(f)),
			 sev, d->msg);
	return buf;
}

static void errors_draw(struct view *v, size_t line, int y, bool selected)
{
	struct errors *e = v->priv;
	char buf[1024];
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	if (!e->n) {
		draw_text(y, 1, v->ui->cols - 1, ROLE_MET, selected,
			  "No problems found.");
		return;
	}
	draw_text(y, 1, v->ui->cols - 1, e->v[line]->severity == DIAG_ERROR ?
		  ROLE_ERROR : ROLE_WARNING, selected,
		  line_text(v, line, buf, sizeof(buf)));
}

static bool is_case_file(struct ui *ui, const char *file)
{
	for (size_t i = 0; i < ui->model.corpus.n_files; i++)
		if (!strcmp(ui->model.corpus.files[i], file))
			return true;
	return false;
}

static int errors_request(struct view *v, enum ui_action a)
{
	struct errors *e = v->priv;
	struct ui *ui = v->ui;
	if (a != ACT_ENTER || !e->n)
		return 0;
	const struct diag *d = e->v[v->sel];
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
	struct errors *e = v->priv;
	const struct diag *d = e && e->n ? e->v[v->sel] : NULL;
	if (d && d->source && *d->source && !v->ui->redact)
		snprintf(buf, n, "%u| %s", d->line, d->source);
	else if (d)
		snprintf(buf, n, "%s", d->msg);
	else
		snprintf(buf, n, "Enter edits the file at the line | q back");
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
