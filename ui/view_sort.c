/* view_sort.c - the sort menu (htop's F6): the keys the core sorts by
 * (query.h QUERY_KEYS), the current one marked.  Enter sorts the case list
 * by the selected key, ascending; o, descending. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "view.h"

/* What each key orders by, as the core's sort compares (query.c). */
static const char *const key_help[QK__COUNT] = {
	[QK_ID] = "the case id",
	[QK_NAME] = "the name as shown (the pseudonym when redacting)",
	[QK_PATH] = "the path the case took",
	[QK_HEARING] = "whether a judge heard the case (no first)",
	[QK_BAR] = "the headline re-entry bar, by its id",
	[QK_UNTIL] = "the bar's last day: no bar first, then by day, an end "
		     "not known, permanent last",
	[QK_RELIEF] = "how many forms of relief are open now",
	[QK_WAY_BACK] = "the earliest lawful return with waivers (none last)",
	[QK_FILE] = "the case file and line",
};

static void sort_open(struct view *v)
{
	const struct query_sort *s = &v->ui->sel.sort;
	if (!v->priv) {
		v->priv = (void *)1;    /* the cursor starts on the key in use */
		v->sel = s->n ? s->key[0] : 0;
	}
	v->lines = QK__COUNT;
}

static void sort_done(struct view *v)
{
	v->priv = NULL;
}

static void sort_header(struct view *v, int y)
{
	struct ui *ui = v->ui;
	char buf[256];
	draw_fill(y, 0, ui->cols, ROLE_HEADER, false);
	snprintf(buf, sizeof(buf), "Sort the case list by (%s: ascending; %s: "
		 "descending)", ui_key(ui, ACT_ENTER),
		 ui_key(ui, ACT_SORT_REVERSE));
	draw_text(y, 1, ui->cols - 1, ROLE_HEADER, false, buf);
}

static void sort_draw(struct view *v, size_t line, int y, bool selected)
{
	const struct query_sort *s = &v->ui->sel.sort;
	bool cur = s->n && s->key[0] == line;
	char mark[16];
	snprintf(mark, sizeof(mark), "%s", cur ? draw_sort_mark(s->desc[0]) : "");
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	draw_text(y, 2, 2, ROLE_HEADER, selected, mark);
	draw_text(y, 4, 10, cur ? ROLE_HEADER : ROLE_NORMAL, selected,
		  query_key_names[line]);
	draw_text(y, 15, 11, ROLE_DIM, selected, query_key_titles[line]);
	draw_text(y, 27, v->ui->cols - 28, ROLE_NORMAL, selected,
		  key_help[line]);
}

static int pick(struct view *v, bool desc)
{
	struct ui *ui = v->ui;
	int k = (int)v->sel;
	char err[256];
	if (!select_set_sort(&ui->sel, k, desc, err, sizeof(err))) {
		ui_message(ui, ROLE_WARNING, "%s", err);
		return UI_REDRAW;
	}
	select_apply(&ui->sel, &ui->model);
	ui_back(ui);
	ui->stack[0].sel = ui->stack[0].top = 0;
	ui_rebuild(ui);
	ui_message(ui, ROLE_MESSAGE, "sorted by %s, %s", query_key_names[k],
		   desc ? "descending" : "ascending");
	return UI_REDRAW;
}

static int sort_request(struct view *v, enum ui_action a)
{
	switch (a) {
	case ACT_ENTER: return pick(v, false);
	case ACT_SORT_REVERSE: return pick(v, true);
	case ACT_SORT: return ui_back(v->ui);
	default: return 0;
	}
}

static const char *sort_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	(void)v;
	snprintf(buf, n, "%s %s %s", query_key_names[line],
		 query_key_titles[line], key_help[line]);
	return buf;
}

static void sort_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "sort");
}

static void sort_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s sorts | %s descending | %s back | %s help",
		 ui_key(ui, ACT_ENTER), ui_key(ui, ACT_SORT_REVERSE),
		 ui_key(ui, ACT_BACK), ui_key(ui, ACT_HELP));
}

const struct view_ops view_sort_ops = {
	.name = "sort",
	.cursor = true,
	.open = sort_open,
	.header = sort_header,
	.draw = sort_draw,
	.request = sort_request,
	.text = sort_text,
	.title = sort_title,
	.status = sort_status,
	.done = sort_done,
};
