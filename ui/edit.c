/* edit.c - the `e` key: edit a case file safely.
 *
 * The file is copied to a private temporary file (mode 0600) and $EDITOR
 * runs on the copy.  The result is checked with the case loader; if it has
 * errors they are shown (view_edit.c) and the user edits again or
 * discards, in which case the text is kept as a .rej file, never lost.  A
 * valid result replaces the original atomically (save.h), unless the
 * original changed on disk meanwhile, and the corpus is reloaded.  This is
 * the only code in casewalk that writes a case file.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "load.h"
#include "save.h"
#include "view.h"

#define MAX_CASE_FILE (64u << 20)

void edit_free(struct edit *e)
{
	free(e->orig);
	free(e->tmp);
	free(e->before);
	diag_free(&e->diags);
	arena_free(&e->arena);
	memset(e, 0, sizeof(*e));
}

static void close_edit_view(struct ui *ui)
{
	if (ui_top(ui)->ops == &view_edit_ops)
		ui_back(ui);
}

/* Keeps the user's text as .rej and ends the edit. */
static int keep_rejected(struct ui *ui, const char *why)
{
	char err[SAVE_ERRSZ];
	char *rej = save_reject(ui->edit.tmp, err);
	if (rej)
		ui_message(ui, ROLE_ERROR, "%s; your text is kept in %s", why,
			   rej);
	else
		ui_message(ui, ROLE_ERROR, "%s; your text is still in %s (%s)",
			   why, ui->edit.tmp, err);
	free(rej);
	close_edit_view(ui);
	edit_free(&ui->edit);
	return UI_REDRAW;
}

/* Checks text with the loader; the diagnostics go to e->diags. */
static bool valid(struct ui *ui, const char *text, size_t len)
{
	struct edit *e = &ui->edit;
	struct load_file res;
	struct arena scratch;
	memset(&res, 0, sizeof(res));
	diag_free(&e->diags);
	arena_free(&e->arena);
	arena_init(&e->arena, 16 * 1024);
	arena_init(&scratch, 64 * 1024);
	struct load_opts o = { &ylimits_default, &ui->app->vocab.ids,
			       ui->app->as_of };
	load_buffer_opts(e->orig, 0, text, len, &o, &e->arena, &scratch, &res);
	bool ok = res.diags.n_errors == 0 && res.n_cases > 0;
	if (ok || res.diags.n)
		diag_move(&e->diags, &res.diags);
	else
		diag_add(&e->diags, &e->arena, e->orig, 0, 0, 0, DIAG_ERROR,
			 NULL, 0, "the file holds no case");
	load_file_free(&res);
	arena_free(&scratch);
	return ok;
}

static int save(struct ui *ui, const char *text, size_t len)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ], *now;
	size_t now_len;
	if (save_read(e->orig, MAX_CASE_FILE, &now, &now_len, err))
		return keep_rejected(ui, err);
	bool changed = now_len != e->before_len ||
		       memcmp(now, e->before, now_len);
	free(now);
	if (changed)
		return keep_rejected(ui, "the file changed on disk meanwhile");
	if (save_atomic(e->orig, text, len, err))
		return keep_rejected(ui, err);
	unlink(e->tmp);
	close_edit_view(ui);
	ui_reload(ui);
	ui_message(ui, ROLE_MESSAGE, "saved %s", e->orig);
	edit_free(e);
	return UI_REDRAW;
}

/* Runs the editor on the copy and acts on the result. */
static int run(struct ui *ui)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ], *text;
	size_t len;
	int st = ui_run_editor(ui, e->tmp, e->line);
	if (save_read(e->tmp, MAX_CASE_FILE, &text, &len, err))
		return keep_rejected(ui, err);
	if (len == e->before_len && !memcmp(text, e->before, len) &&
	    !e->diags.n) {
		free(text);
		unlink(e->tmp);
		ui_message(ui, st ? ROLE_ERROR : ROLE_MESSAGE, st ?
			   "the editor failed (is $EDITOR right?); nothing "
			   "changed" : "no changes");
		edit_free(e);
		return UI_REDRAW;
	}
	int flags;
	if (st != 0)
		flags = keep_rejected(ui, "the editor failed");
	else if (valid(ui, text, len))
		flags = save(ui, text, len);
	else if (ui_top(ui)->ops == &view_edit_ops)
		ui_rebuild(ui), flags = UI_REDRAW;
	else
		flags = ui_open(ui, &view_edit_ops, UI_NO_ROW);
	free(text);
	return flags;
}

int edit_start(struct ui *ui, const char *file, unsigned line)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ];
	edit_free(e);
	e->orig = xstrdup(file);
	e->line = line;
	arena_init(&e->arena, 1024);
	if (save_read(file, MAX_CASE_FILE, &e->before, &e->before_len, err) ||
	    save_private_copy(file, NULL, &e->tmp, err)) {
		ui_message(ui, ROLE_ERROR, "cannot edit: %s", err);
		edit_free(e);
		return UI_REDRAW;
	}
	return run(ui);
}

int edit_again(struct ui *ui)
{
	struct edit *e = &ui->edit;
	if (!e->tmp)
		return UI_HANDLED;
	for (size_t i = 0; i < e->diags.n; i++)
		if (e->diags.v[i].severity == DIAG_ERROR && e->diags.v[i].line) {
			e->line = e->diags.v[i].line;
			break;
		}
	return run(ui);
}

int edit_discard(struct ui *ui)
{
	if (!ui->edit.tmp) {
		close_edit_view(ui);
		return UI_REDRAW;
	}
	return keep_rejected(ui, "not saved");
}
