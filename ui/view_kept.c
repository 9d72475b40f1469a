/* view_kept.c - the edits an earlier session left in the private
 * directory (save.h): rejected edits, and the copies of a casewalk killed
 * while editing.  Offered at start when there are any.  e restores one
 * (the editor runs on its text, which is then checked and saved over its
 * case file, or refused again), Enter opens its text read-only
 * (view_kept_text.c), d twice deletes it. */
#define _POSIX_C_SOURCE 200809L     /* localtime_r */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "view.h"

struct kept_view {
	size_t armed;           /* the line d was pressed on once */
};

/* ui->kept, read again from the directory: another casewalk may have
 * kept or taken up an edit since. */
static void relist(struct ui *ui)
{
	char err[SAVE_ERRSZ];
	char *dir = save_private_dir(false, err);
	save_kept_free(ui->kept, ui->n_kept);
	ui->kept = NULL;
	ui->n_kept = dir ? save_kept_list(dir, &ui->kept) : 0;
	free(dir);
}

static void kept_open(struct view *v)
{
	struct kept_view *kv = v->priv;
	if (!kv) {
		kv = v->priv = xcalloc(1, sizeof(*kv));
		kv->armed = SIZE_MAX;
	}
	relist(v->ui);
	v->lines = v->ui->n_kept ? v->ui->n_kept : 1;
}

static void kept_done(struct view *v)
{
	free(v->priv);
	v->priv = NULL;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static const char *kept_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	struct ui *ui = v->ui;
	char when[32], shown[1024];
	struct tm tm;
	if (!ui->n_kept)
		return "No kept edits.";
	const struct save_kept *k = &ui->kept[line];
	if (!localtime_r(&k->mtime.tv_sec, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm))
		snprintf(when, sizeof(when), "?");
	/* a case file's name may be a client's */
	const char *orig = !k->orig ? "(its case file is unknown)" :
		ui->redact ? "(hidden)" :
		edit_shown_path(k->orig, shown, sizeof(shown));
	snprintf(buf, n, "%-9s %-16s  %s", k->rejected ? "rejected" :
		 "unsaved", when, orig);
	return buf;
}

static void kept_header(struct view *v, int y)
{
	draw_fill(y, 0, v->ui->cols, ROLE_HEADER, false);
	draw_text(y, 1, v->ui->cols - 1, ROLE_HEADER, false,
		  "KIND      LAST WRITTEN      AN EDIT OF");
}

static void kept_draw(struct view *v, size_t line, int y, bool selected)
{
	char buf[1200];
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	draw_text(y, 1, v->ui->cols - 1, v->ui->n_kept ? ROLE_NORMAL :
		  ROLE_MET, selected, kept_text(v, line, buf, sizeof(buf)));
}

static int delete(struct view *v)
{
	struct kept_view *kv = v->priv;
	struct ui *ui = v->ui;
	char err[SAVE_ERRSZ];
	if (kv->armed != v->sel) {
		kv->armed = v->sel;
		ui_message(ui, ROLE_WARNING, "d again deletes this edit's text "
			   "for good");
		return UI_REDRAW;
	}
	kv->armed = SIZE_MAX;
	char *name = xstrdup(base_name(ui->kept[v->sel].text));
	if (save_kept_delete(&ui->kept[v->sel], err))
		ui_message(ui, ROLE_ERROR, "not deleted: %s", err);
	else
		ui_message(ui, ROLE_MESSAGE, "deleted %s", name);
	free(name);
	kept_open(v);
	ui_clamp(v);
	if (!ui->n_kept)
		ui_back(ui);
	return UI_REDRAW;
}

static int kept_request(struct view *v, enum ui_action a)
{
	struct kept_view *kv = v->priv;
	struct ui *ui = v->ui;
	if (a != ACT_DELETE)
		kv->armed = SIZE_MAX;
	if (!ui->n_kept)
		return 0;
	switch (a) {
	case ACT_EDIT: {
		int flags = edit_restore(ui, &ui->kept[v->sel]);
		/* the list as it is now, the edit saved, refused or kept */
		if (ui_top(ui) == v) {
			kept_open(v);
			ui_clamp(v);
		}
		return flags | UI_REDRAW;
	}
	case ACT_ENTER:
		return ui_open(ui, &view_kept_text_ops, UI_NO_ROW);
	case ACT_DELETE:
		return delete(v);
	default:
		return 0;
	}
}

static void kept_title(struct view *v, char *buf, size_t n)
{
	snprintf(buf, n, "kept edits  %zu", v->ui->n_kept);
}

static void kept_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s restore | %s open (read-only) | %s delete | "
		 "%s back", ui_key(ui, ACT_EDIT), ui_key(ui, ACT_ENTER),
		 ui_key(ui, ACT_DELETE), ui_key(ui, ACT_BACK));
}

void view_kept_offer(struct ui *ui)
{
	char what[128];
	size_t r = 0;
	relist(ui);
	if (!ui->n_kept)
		return;
	for (size_t i = 0; i < ui->n_kept; i++)
		r += ui->kept[i].rejected;
	size_t u = ui->n_kept - r;
	if (!u)
		snprintf(what, sizeof(what), "%zu rejected edit%s", r,
			 r == 1 ? "" : "s");
	else if (!r)
		snprintf(what, sizeof(what), "%zu unsaved edit%s (a casewalk "
			 "was killed while editing)", u, u == 1 ? "" : "s");
	else
		snprintf(what, sizeof(what), "%zu rejected and %zu unsaved "
			 "edit%s", r, u, u == 1 ? "" : "s");
	ui_open(ui, &view_kept_ops, UI_NO_ROW);
	ui_message(ui, ROLE_WARNING, "%s kept: restore (%s), open (%s), or "
		   "delete (%s)", what, ui_key(ui, ACT_EDIT),
		   ui_key(ui, ACT_ENTER), ui_key(ui, ACT_DELETE));
}

const struct view_ops view_kept_ops = {
	.name = "kept",
	.cursor = true,
	.open = kept_open,
	.header = kept_header,
	.draw = kept_draw,
	.request = kept_request,
	.text = kept_text,
	.title = kept_title,
	.status = kept_status,
	.done = kept_done,
};
