/* edit.c - the `e` key: edit a case file safely.
 *
 * The file is copied into the private directory (save.h: mode 0700, never
 * /tmp) and $EDITOR runs on the copy.  The result is checked with the case
 * loader; if it has errors they are shown (view_edit.c) and the user edits
 * again or leaves, in which case the text is kept as a .rej file, never
 * lost.  A valid result replaces the original atomically (save.h), unless
 * the original changed on disk meanwhile, and the corpus is reloaded.  This
 * is the only code in casewalk that writes a case file.
 */
#define _DEFAULT_SOURCE         /* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "draw.h"
#include "redact.h"
#include "save.h"
#include "view.h"

#define MAX_CASE_FILE (64u << 20)
#define SHOWN_SZ 1024           /* a path as a message shows it */

void edit_free(struct edit *e)
{
	free(e->orig);
	save_copy_free(&e->copy);
	free(e->before);
	diag_free(&e->diags);
	arena_free(&e->arena);
	memset(e, 0, sizeof(*e));
}

const char *edit_shown_path(const char *path, char *buf, size_t n)
{
	const char *home = getenv("HOME");
	size_t h = home ? strlen(home) : 0;
	if (h > 1 && !strncmp(path, home, h) && path[h] == '/') {
		snprintf(buf, n, "~%s", path + h);
		return buf;
	}
	return path;
}

const char *edit_shown_file(const struct ui *ui, const char *file,
			    char *buf, size_t n)
{
	if (!file)
		return "";
	if (!ui->redact)
		return file;
	const struct corpus *c = &ui->model.corpus;
	snprintf(buf, n, "the case file");
	if (ui->model.loading)          /* the corpus is the loader's */
		return buf;
	char **lab = redact_file_labels(c->files, c->n_files,
			(const struct cw_case *const *)c->cases, c->n_cases);
	for (size_t i = 0; i < c->n_files; i++)
		if (!strcmp(c->files[i], file)) {
			snprintf(buf, n, "%s", lab[i]);
			break;
		}
	free(lab);
	return buf;
}

/* err of save.h ("PATH: why"), which may name the case file file by its
 * path or its real path: redacted, by its label, as the messages name
 * it.  Rewrites err; returns it. */
static char *shown_err(const struct ui *ui, const char *file,
		       char err[SAVE_ERRSZ])
{
	if (!ui->redact || !file)
		return err;
	char label[SHOWN_SZ], *real = realpath(file, NULL);
	char *from[2] = { real ? real : (char *)file, (char *)file };
	char *to[2] = { label, label };
	edit_shown_file(ui, file, label, sizeof(label));
	char *msg = redact_paths(err, from, to, 2);
	snprintf(err, SAVE_ERRSZ, "%s", msg);
	free(msg);
	free(real);
	return err;
}

static void close_edit_view(struct ui *ui)
{
	if (ui_top(ui)->ops == &view_edit_ops)
		ui_back(ui);
	/* an edit restored from the kept edits: they have changed */
	if (ui_top(ui)->ops == &view_kept_ops)
		ui_rebuild(ui);
}

/* Keeps the user's text as .rej and ends the edit. */
static int keep_rejected(struct ui *ui, const char *why)
{
	char err[SAVE_ERRSZ], shown[SHOWN_SZ];
	char *rej = save_reject(&ui->edit.copy, err);
	if (rej)
		ui_message(ui, ROLE_ERROR, "%s; your text is kept in %s", why,
			   edit_shown_path(rej, shown, sizeof(shown)));
	else
		ui_message(ui, ROLE_ERROR, "%s; your text is still in %s (%s)",
			   why, edit_shown_path(ui->edit.copy.path, shown,
						sizeof(shown)), err);
	free(rej);
	close_edit_view(ui);
	edit_free(&ui->edit);
	return UI_REDRAW;
}

/* Checks text as loading it with the other files would (the size limit,
 * the loader, ids used twice): what is saved is what the reload keeps.
 * The diagnostics go to e->diags. */
static bool valid(struct ui *ui, const char *text, size_t len)
{
	struct edit *e = &ui->edit;
	struct corpus_opts opts = { .vocab = &ui->app->vocab.ids,
				     .as_of = ui->model.as_of };
	diag_free(&e->diags);
	arena_free(&e->arena);
	arena_init(&e->arena, 16 * 1024);
	size_t n = corpus_check_text(&ui->model.corpus, e->orig, text, len,
				     &opts, &e->arena, &e->diags);
	if (!n && !e->diags.n_errors)
		diag_add(&e->diags, &e->arena, e->orig, 0, 0, 0, DIAG_ERROR,
			 NULL, 0, "the file holds no case");
	return n > 0;
}

static int save(struct ui *ui, const char *text, size_t len)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ], shown[SHOWN_SZ], *now;
	size_t now_len;
	if (save_read(e->orig, MAX_CASE_FILE, &now, &now_len, err))
		return keep_rejected(ui, shown_err(ui, e->orig, err));
	bool changed = now_len != e->before_len ||
		       memcmp(now, e->before, now_len);
	free(now);
	if (changed)
		return keep_rejected(ui, "the file changed on disk meanwhile");
	if (save_atomic(e->orig, text, len, err))
		return keep_rejected(ui, shown_err(ui, e->orig, err));
	save_copy_remove(&e->copy);
	close_edit_view(ui);
	/* named before the reload: the corpus is then the loader's */
	const char *name = edit_shown_file(ui, e->orig, shown, sizeof(shown));
	ui_reload(ui);
	ui_message(ui, ROLE_MESSAGE, "saved %s", name);
	edit_free(e);
	return UI_REDRAW;
}

/* Runs the editor on the copy and acts on the result. */
static int run(struct ui *ui)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ], shown[SHOWN_SZ], *text;
	size_t len;
	int st = ui_run_editor(ui, e->copy.path, e->line);
	if (access(e->copy.path, F_OK) && errno == ENOENT) {
		/* nothing left to keep: name no file that is not there */
		save_copy_remove(&e->copy);
		ui_message(ui, ROLE_ERROR, "the editor removed the copy: "
			   "nothing saved, nothing kept; %s is as it was",
			   edit_shown_file(ui, e->orig, shown, sizeof(shown)));
		close_edit_view(ui);
		edit_free(e);
		return UI_REDRAW;
	}
	if (save_read(e->copy.path, MAX_CASE_FILE, &text, &len, err))
		return keep_rejected(ui, err);
	if (len == e->before_len && !memcmp(text, e->before, len) &&
	    !e->diags.n) {
		free(text);
		save_copy_remove(&e->copy);
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
	char err[SAVE_ERRSZ], *dir = NULL;
	edit_free(e);
	e->orig = xstrdup(file);
	e->line = line;
	arena_init(&e->arena, 1024);
	/* refused before the editor runs, so that no work is wasted */
	if (save_replaceable(file, err) ||
	    !(dir = save_private_dir(true, err)) ||
	    save_read(file, MAX_CASE_FILE, &e->before, &e->before_len, err) ||
	    save_private_copy(file, dir, MAX_CASE_FILE, &e->copy, err)) {
		ui_message(ui, ROLE_ERROR, "cannot edit: %s",
			   shown_err(ui, file, err));
		free(dir);
		edit_free(e);
		return UI_REDRAW;
	}
	free(dir);
	return run(ui);
}

int edit_again(struct ui *ui)
{
	struct edit *e = &ui->edit;
	if (!e->copy.path)
		return UI_HANDLED;
	for (size_t i = 0; i < e->diags.n; i++)
		if (e->diags.v[i].severity == DIAG_ERROR && e->diags.v[i].line) {
			e->line = e->diags.v[i].line;
			break;
		}
	return run(ui);
}

int edit_restore(struct ui *ui, const struct save_kept *k)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ];
	if (!model_ready(&ui->model)) {
		/* it is checked against the other files: they must be in */
		ui_message(ui, ROLE_MESSAGE, "still loading: restore it once "
			   "the cases are loaded");
		return UI_REDRAW;
	}
	edit_free(e);
	if (!k->orig) {
		ui_message(ui, ROLE_ERROR, "cannot restore: the case file it is "
			   "an edit of is unknown (%s shows its text)",
			   ui_key(ui, ACT_ENTER));
		return UI_REDRAW;
	}
	e->orig = xstrdup(k->orig);
	e->line = 1;
	arena_init(&e->arena, 1024);
	if (save_replaceable(e->orig, err) ||
	    save_read(e->orig, MAX_CASE_FILE, &e->before, &e->before_len,
		      err) ||
	    save_kept_restore(k, &e->copy, err)) {
		ui_message(ui, ROLE_ERROR, "cannot restore: %s",
			   shown_err(ui, e->orig, err));
		edit_free(e);
		return UI_REDRAW;
	}
	return run(ui);
}

void edit_leave(struct ui *ui, char *msg, size_t n)
{
	struct edit *e = &ui->edit;
	char err[SAVE_ERRSZ], shown[SHOWN_SZ], file[SHOWN_SZ];
	msg[0] = 0;
	if (!e->copy.path)
		return;
	char *rej = save_reject(&e->copy, err);
	if (rej)
		snprintf(msg, n, "your edit of %s was not saved; your text is "
			 "kept in %s", edit_shown_file(ui, e->orig, file,
			 sizeof(file)), edit_shown_path(rej, shown,
							sizeof(shown)));
	else
		snprintf(msg, n, "your edit of %s was not saved; your text is "
			 "still in %s (%s)", edit_shown_file(ui, e->orig, file,
			 sizeof(file)), edit_shown_path(e->copy.path, shown,
							sizeof(shown)), err);
	free(rej);
	edit_free(e);
}

int edit_discard(struct ui *ui)
{
	if (!ui->edit.copy.path) {
		close_edit_view(ui);
		return UI_REDRAW;
	}
	return keep_rejected(ui, "not saved");
}
