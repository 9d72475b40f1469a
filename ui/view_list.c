/* view_list.c - the home view: one row per case, filtered and sorted.
 *
 * Columns (config `columns:`) are laid out for the width at hand: each has
 * a minimum and a maximum; when they do not fit, the least needed are left
 * out (relief first, the id never), and spare columns go to the name, the
 * penalty and the relief, in that order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"
#include "view.h"

struct list {
	int x[COL__COUNT], w[COL__COUNT];
	bool on[COL__COUNT];
};

static const struct {
	int min, max;
} col_size[COL__COUNT] = {
	[COL_ID] = { 4, 16 }, [COL_NAME] = { 8, 30 }, [COL_PATH] = { 14, 14 },
	[COL_HEARING] = { 3, 3 }, [COL_PENALTY] = { 10, 24 },
	[COL_UNTIL] = { 10, 10 }, [COL_RELIEF] = { 11, 36 },
};

static const int drop_order[] = { COL_RELIEF, COL_PENALTY, COL_NAME,
				  COL_HEARING, COL_UNTIL, COL_PATH };
static const int grow_order[] = { COL_NAME, COL_PENALTY, COL_RELIEF };

/* The id column is as wide as the widest id shown, within its limits. */
static int id_width(const struct ui *ui)
{
	int w = col_size[COL_ID].min;
	for (size_t i = 0; i < ui->sel.n && w < col_size[COL_ID].max; i++) {
		const char *id = ui->model.rows[ui->sel.idx[i]].c->id;
		int iw = text_width(id, strlen(id));
		if (iw > w)
			w = iw > col_size[COL_ID].max ? col_size[COL_ID].max : iw;
	}
	return w;
}

static int total_width(const struct list *l)
{
	int t = -1;
	for (int c = 0; c < COL__COUNT; c++)
		if (l->on[c])
			t += l->w[c] + 1;
	return t;
}

static void layout(struct view *v, struct list *l)
{
	const struct conf *cf = &v->ui->conf;
	int width = v->ui->cols - 1, x = 1;
	memset(l, 0, sizeof(*l));
	for (int i = 0; i < cf->n_columns; i++) {
		int c = cf->columns[i];
		l->on[c] = true;
		l->w[c] = c == COL_ID ? id_width(v->ui) : col_size[c].min;
	}
	for (size_t i = 0; i < sizeof(drop_order) / sizeof(*drop_order) &&
	     total_width(l) > width; i++)
		l->on[drop_order[i]] = false;
	for (size_t i = 0; i < sizeof(grow_order) / sizeof(*grow_order); i++) {
		int c = grow_order[i], spare = width - total_width(l);
		if (l->on[c] && spare > 0 && c != COL_ID) {
			int grow = col_size[c].max - l->w[c];
			l->w[c] += grow < spare ? grow : spare;
		}
	}
	for (int i = 0; i < cf->n_columns; i++) {
		int c = cf->columns[i];
		if (l->on[c]) {
			l->x[c] = x;
			x += l->w[c] + 1;
		}
	}
}

static void list_open(struct view *v)
{
	struct ui *ui = v->ui;
	if (!v->priv)
		v->priv = xcalloc(1, sizeof(struct list));
	layout(v, v->priv);
	v->lines = model_ready(&ui->model) ? ui->sel.n : 0;
}

static void list_done(struct view *v)
{
	free(v->priv);
	v->priv = NULL;
}

/* "2 forfeited, 1 possible" when it fits, else the most telling count. */
static void relief_text(const struct model_row *r, int w, char *buf,
			size_t n)
{
	static const int shown[] = { RSTAT_GRANTED, RSTAT_FORFEITED,
				     RSTAT_POSSIBLE, RSTAT_ELIGIBLE };
	size_t len = 0;
	int kinds = 0, first = -1;
	buf[0] = 0;
	for (size_t i = 0; i < sizeof(shown) / sizeof(*shown); i++) {
		int s = shown[i];
		if (!r->info->n_status[s])
			continue;
		if (first < 0)
			first = s;
		kinds++;
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0,
					"%s%d %s", len ? ", " : "",
					r->info->n_status[s],
					enum_name(&relief_status_def, s));
	}
	if (first >= 0 && (int)len > w) {
		/* the most telling count, "+" when there are others and it
		 * fits */
		int k = snprintf(buf, n, "%d %s", r->info->n_status[first],
				 enum_name(&relief_status_def, first));
		if (kinds > 1 && k < w)
			snprintf(buf + k, n - (size_t)k, "+");
	}
	else if (first < 0)
		snprintf(buf, n, "-");
}

/* The text and role of one cell. */
static const char *cell(struct view *v, const struct model_row *r, int c,
			int w, int *role, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	const struct row_info *o = r->info;
	const struct rule *p = o->headline >= 0 ?
		&ui->model.rules.v[o->headline] : NULL;
	*role = ROLE_NORMAL;
	if (c == COL_ID)
		return r->c->id;
	if (c == COL_NAME)
		return model_name(r, ui->redact);
	if (!ui->model.have_rules)
		return "";
	if (!ui_outcome_shown(ui, (size_t)(r - ui->model.rows)))
		return "?";
	switch (c) {
	case COL_PATH:
		*role = model_path_role(o->path);
		return model_path_label(o->path);
	case COL_HEARING:
		*role = o->hearing ? ROLE_NORMAL : ROLE_NO_HEARING;
		return o->hearing ? "yes" : "no";
	case COL_PENALTY:
		*role = p && o->running ? ROLE_RUNNING : ROLE_NORMAL;
		return p ? p->id : "-";
	case COL_UNTIL:
		*role = p && o->headline_running == 1 ? ROLE_RUNNING :
			ROLE_NORMAL;
		if (!p)
			return "";
		return date_known(o->headline_until) ?
			date_format(o->headline_until, buf) : "permanent";
	default:
		relief_text(r, w, buf, n);
		return buf;
	}
}

static void list_draw(struct view *v, size_t line, int y, bool selected)
{
	struct list *l = v->priv;
	const struct model_row *r = &v->ui->model.rows[v->ui->sel.idx[line]];
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	for (int c = 0; c < COL__COUNT; c++) {
		char buf[128];
		int role;
		if (!l->on[c])
			continue;
		const char *s = cell(v, r, c, l->w[c], &role, buf, sizeof(buf));
		draw_text(y, l->x[c], l->w[c], role, selected, s);
	}
}

static void list_header(struct view *v, int y)
{
	struct list *l = v->priv;
	struct ui *ui = v->ui;
	draw_fill(y, 0, ui->cols, ROLE_HEADER, false);
	if (!model_ready(&ui->model)) {
		char buf[128];
		draw_text(y, 1, ui->cols - 1, ROLE_HEADER, false,
			  model_progress(&ui->model, buf, sizeof(buf)));
		return;
	}
	for (int c = 0; c < COL__COUNT; c++)
		if (l->on[c])
			draw_text(y, l->x[c], l->w[c], ROLE_HEADER, false,
				  ui_column_titles[c]);
}

static int list_request(struct view *v, enum ui_action a)
{
	if (a != ACT_ENTER)
		return 0;
	if (v->sel >= v->lines)
		return UI_HANDLED;
	return ui_open(v->ui, &view_case_ops, v->ui->sel.idx[v->sel]);
}

static const char *list_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	const struct model_row *r = &v->ui->model.rows[v->ui->sel.idx[line]];
	const char *name = model_name(r, v->ui->redact);
	size_t a = (size_t)r->name_at - 1, b = strlen(name);
	if (!n)
		return "";
	/* by hand: a search runs this for every row */
	if (a > n - 1)
		a = n - 1;
	memcpy(buf, r->label, a);       /* the id */
	if (a + 1 < n) {
		buf[a++] = ' ';
		if (b > n - 1 - a)
			b = n - 1 - a;
		memcpy(buf + a, name, b);
		a += b;
	}
	buf[a] = '\0';
	return buf;
}

static void list_title(struct view *v, char *buf, size_t n)
{
	struct app *app = v->ui->app;
	/* file names often carry the person's name */
	if (v->ui->redact || !app->n_paths)
		snprintf(buf, n, "casewalk %s  case list", CASEWALK_VERSION);
	else
		snprintf(buf, n, "casewalk %s  %s%s", CASEWALK_VERSION,
			 app->paths[0], app->n_paths > 1 ? " ..." : "");
}

static void list_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	const struct model *m = &ui->model;
	size_t hearing = ui->sel.n_hearing;
	char sort[64];
	int len = ui->sel.n == m->n_rows ?
		snprintf(buf, n, "%zu cases", m->n_rows) :
		snprintf(buf, n, "%zu of %zu cases", ui->sel.n, m->n_rows);
	if (m->have_rules && !ui->quiz)
		len += snprintf(buf + len, n - (size_t)len, " | hearing %zu, "
				"none %zu", hearing, ui->sel.n - hearing);
	len += snprintf(buf + len, n - (size_t)len, " | %zu file%s with "
			"errors", m->corpus.n_files_with_errors,
			m->corpus.n_files_with_errors == 1 ? "" : "s");
	if (ui->sel.filter[0])
		len += snprintf(buf + len, n - (size_t)len, " | filter: %s",
				ui->sel.filter);
	snprintf(buf + len, n - (size_t)len, " | %s | ? help",
		 select_describe(&ui->sel, sort, sizeof(sort)));
}

const struct view_ops view_list_ops = {
	.name = "list",
	.cursor = true,
	.open = list_open,
	.header = list_header,
	.draw = list_draw,
	.request = list_request,
	.text = list_text,
	.title = list_title,
	.status = list_status,
	.done = list_done,
};
