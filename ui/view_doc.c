/* view_doc.c - what the views built on a doc (doc.h) share. */
#include <stdlib.h>

#include "view.h"

struct doc *view_doc_reset(struct view *v)
{
	if (!v->priv) {
		v->priv = xmalloc(sizeof(struct doc));
		doc_init(v->priv, v->ui->cols);
	} else {
		doc_reset(v->priv, v->ui->cols);
	}
	return v->priv;
}

void view_doc_draw(struct view *v, size_t line, int y, bool selected)
{
	doc_draw(v->priv, line, y, selected);
}

const char *view_doc_text(struct view *v, size_t line, char *buf, size_t n)
{
	return doc_text(v->priv, line, buf, n);
}

void view_doc_done(struct view *v)
{
	if (v->priv) {
		doc_free(v->priv);
		free(v->priv);
	}
	v->priv = NULL;
}

const struct assessment *view_detail(struct view *v, struct doc *d)
{
	struct model *m = &v->ui->model;
	const struct assessment *a = model_detail(m, v->row);
	if (a)
		return a;
	doc_add(d);
	doc_linef(d, 2, ROLE_UNMET, "This case cannot be shown: %s.",
		  m->detail_why ? m->detail_why : "it cannot be read");
	doc_linef(d, 2, ROLE_NORMAL, "Its file has changed since the cases "
		  "were loaded; press %s to load them again.",
		  ui_key(v->ui, ACT_RELOAD));
	return NULL;
}

const char *view_date(struct date d, char buf[DATE_BUFSZ])
{
	return date_format(d, buf);
}

const char *view_day(daynum d, const char *none, char buf[DATE_BUFSZ])
{
	if (d == ASSESS_NO_DAY)
		return none;
	return date_format(date_from_days(d), buf);
}
