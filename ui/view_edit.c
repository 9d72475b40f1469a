/* view_edit.c - why an edit was refused, and what to do next: edit again
 * (e or Enter) or leave (q), the text then kept as a rejected edit in the
 * private directory (save.h), which the next start offers again. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "view.h"

static void edit_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	struct edit *e = &v->ui->edit;
	char dir[1024], shown[1024];
	doc_wrap(d, 1, 0, ROLE_ERROR, arena_printf(&d->arena, "Your edit of "
		 "%s was not saved: it has %zu error%s.",
		 edit_shown_file(v->ui, e->orig, shown, sizeof(shown)),
		 e->diags.n_errors, e->diags.n_errors == 1 ? "" : "s"));
	snprintf(dir, sizeof(dir), "%s", e->copy.path ? e->copy.path : "");
	if (strrchr(dir, '/'))
		*strrchr(dir, '/') = 0;
	doc_wrap(d, 1, 0, ROLE_NORMAL, arena_printf(&d->arena, "%s or %s: "
		 "edit again, at the first error.  %s: leave it; your text is "
		 "then kept as a rejected edit in %s, and the next start "
		 "offers it again.", ui_key(v->ui, ACT_EDIT),
		 ui_key(v->ui, ACT_ENTER), ui_key(v->ui, ACT_BACK),
		 edit_shown_path(dir, shown, sizeof(shown))));
	doc_add(d);
	for (size_t i = 0; i < e->diags.n; i++) {
		const struct diag *g = &e->diags.v[i];
		int role = g->severity == DIAG_ERROR ? ROLE_ERROR :
			ROLE_WARNING;
		if (g->line)
			doc_wrap(d, 1, 0, role, arena_printf(&d->arena, "line "
				 "%u, column %u: %s", g->line, g->col, g->msg));
		else            /* the whole file: no position */
			doc_wrap(d, 1, 0, role, g->msg);
		/* the source line may be the name's: not when redacting,
		 * as in the errors view */
		if (g->source && !v->ui->redact)
			doc_linef(d, 5, ROLE_DIM, "%s", g->source);
	}
	v->lines = d->n;
}

static int edit_request(struct view *v, enum ui_action a)
{
	switch (a) {
	case ACT_EDIT: case ACT_ENTER:
		return edit_again(v->ui);
	case ACT_BACK:
		/* leaving never loses the text: it becomes the .rej file */
		return edit_discard(v->ui);
	case ACT_QUIT:
		/* kept on the way out, and said where after the screen */
		return UI_QUIT;
	default:
		return 0;
	}
}

static void edit_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "edit refused");
}

static void edit_status(struct view *v, char *buf, size_t n)
{
	snprintf(buf, n, "%s edit again | %s leave (your text is kept)",
		 ui_key(v->ui, ACT_EDIT), ui_key(v->ui, ACT_BACK));
}

const struct view_ops view_edit_ops = {
	.name = "edit",
	.cursor = false,
	.open = edit_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.request = edit_request,
	.title = edit_title,
	.status = edit_status,
	.done = view_doc_done,
};
