/* view_kept_text.c - the text of a kept edit (view_kept.c), read-only,
 * with line numbers.  Hidden while names are hidden (R): it is a case
 * file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

#define MAX_TEXT (64u << 20)

/* The doc first: the doc views' helpers take v->priv as one. */
struct kept_text {
	struct doc doc;
	char *path;
};

static void add_lines(struct doc *d, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	unsigned n = 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct doc_line *dl = doc_add(d);
		doc_put(d, dl, 0, 6, ROLE_DIM, arena_printf(&d->arena, "%5u",
							      n++));
		doc_put(d, dl, 7, -1, ROLE_NORMAL, arena_strndup(&d->arena, p,
								 l));
		p += l + (nl != NULL);
	}
}

static void text_open(struct view *v)
{
	struct kept_text *t = v->priv;
	char err[SAVE_ERRSZ], *buf;
	size_t len;
	if (!t) {
		/* opened from the kept edits, on the one selected there */
		struct ui *ui = v->ui;
		const struct view *below = &ui->stack[ui->n_views - 2];
		t = v->priv = xcalloc(1, sizeof(*t));
		doc_init(&t->doc, ui->cols);
		t->path = xstrdup(below->ops == &view_kept_ops &&
				  below->sel < ui->n_kept ?
				  ui->kept[below->sel].text : "");
	} else {
		doc_reset(&t->doc, v->ui->cols);
	}
	if (v->ui->redact)
		doc_wrap(&t->doc, 1, 0, ROLE_NORMAL, "The text is hidden while "
			 "names are hidden (R shows them).");
	else if (save_read(t->path, MAX_TEXT, &buf, &len, err))
		doc_wrap(&t->doc, 1, 0, ROLE_ERROR, err);
	else {
		add_lines(&t->doc, buf, len);
		free(buf);
	}
	if (!t->doc.n)
		doc_add(&t->doc);
	v->lines = t->doc.n;
}

static void text_done(struct view *v)
{
	struct kept_text *t = v->priv;
	if (t) {
		doc_free(&t->doc);
		free(t->path);
	}
	free(t);
	v->priv = NULL;
}

static void text_title(struct view *v, char *buf, size_t n)
{
	struct kept_text *t = v->priv;
	const char *slash = t ? strrchr(t->path, '/') : NULL;
	snprintf(buf, n, "%s (read-only)", slash ? slash + 1 : "kept edit");
}

static void text_status(struct view *v, char *buf, size_t n)
{
	snprintf(buf, n, "%s back | %s search", ui_key(v->ui, ACT_BACK),
		 ui_key(v->ui, ACT_SEARCH));
}

const struct view_ops view_kept_text_ops = {
	.name = "kept-text",
	.cursor = false,
	.open = text_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = text_title,
	.status = text_status,
	.done = text_done,
};
