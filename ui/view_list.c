/* view_list.c - the home view: one row per case, filtered and sorted, as
 * the core summarises it (query.h: struct case_row), the same rows as
 * `casewalk list`.
 *
 * Columns (config `columns:`) are laid out for the width at hand: each
 * starts at the width its contents need; when they do not fit, they give
 * way in order of use (the way back first, then the hearing, then the
 * path, the bar and the relief shrink; the id is cut in the middle only
 * once the name is down to 18 columns), and spare columns go to the
 * relief and the name.  The sorted column's title carries a mark.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "listout.h"
#include "text.h"
#include "view.h"

struct list {
	int x[COL__COUNT], w[COL__COUNT];
	bool on[COL__COUNT];
	/* an empty list: what to do about it, wrapped */
	struct doc empty;
	const char *lines[8];
	size_t n_lines;
	/* the widest id, bar and last day of every case, made once a load
	 * (not at each keystroke of a filter) */
	int widest[COL__COUNT];
	unsigned widest_generation;
};

#define NAME_KEEP 18    /* the name keeps this much before the id is cut */
#define RELIEF_KEEP 12  /* and the relief this much before the id is cut
			   to 8 */

static const struct {
	int min, max;
} col_size[COL__COUNT] = {
	[COL_ID] = { 6, 24 }, [COL_NAME] = { 10, 30 }, [COL_PATH] = { 11, 14 },
	[COL_HEARING] = { 3, 3 }, [COL_PENALTY] = { 11, 16 },
	[COL_UNTIL] = { 10, 24 }, [COL_RUNNING] = { 3, 3 },
	[COL_RELIEF] = { 8, 120 }, [COL_WAY_BACK] = { 10, 10 },
};

/* The widest of a column's cells among all the cases (ids, bar ids, last
 * days), within its limits. */
static int content_width(const struct ui *ui, int c)
{
	int w = col_size[c].min;
	char buf[64];
	for (size_t i = 0; i < model_rows(&ui->model) && w < col_size[c].max;
	     i++) {
		const struct case_row *r = model_row(&ui->model, i);
		char idb[32];
		const char *s = c == COL_ID ? ui_case_id(ui, i, idb, sizeof(idb)) :
			c == COL_UNTIL ? query_until_text(r, buf, sizeof(buf)) :
			r->headline >= 0 ? ui->model.rules.v[r->headline].id : "";
		int cw = text_width(s, strlen(s));
		if (cw > w)
			w = cw > col_size[c].max ? col_size[c].max : cw;
	}
	return w;
}

static void widest(const struct ui *ui, struct list *l)
{
	if (l->widest_generation == ui->model.generation)
		return;
	l->widest[COL_ID] = content_width(ui, COL_ID);
	l->widest[COL_PENALTY] = content_width(ui, COL_PENALTY);
	l->widest[COL_UNTIL] = content_width(ui, COL_UNTIL);
	l->widest_generation = ui->model.generation;
}

static bool sorted_by(const struct ui *ui, int c)
{
	return ui->sel.sort.n && ui_column_keys[c] >= 0 &&
	       ui->sel.sort.key[0] == ui_column_keys[c];
}

/* A column's first width: what its cells need, its title (with the sort
 * mark) at least. */
static int natural(const struct ui *ui, const struct list *l, int c)
{
	int w = c == COL_ID || c == COL_PENALTY || c == COL_UNTIL ?
		l->widest[c] : c == COL_NAME ? NAME_KEEP :
		c == COL_RELIEF ? RELIEF_KEEP : col_size[c].max;
	int t = (int)strlen(ui_column_titles[c]) + (sorted_by(ui, c) ? 1 : 0);
	return w > t ? w : t;
}

static int total_width(const struct list *l)
{
	int t = -1;
	for (int c = 0; c < COL__COUNT; c++)
		if (l->on[c])
			t += l->w[c] + 1;
	return t;
}

/* Shrinks column c toward its minimum while the row is too wide. */
static void shrink(struct list *l, int c, int to, int width)
{
	int over = total_width(l) - width;
	if (!l->on[c] || over <= 0 || l->w[c] <= to)
		return;
	l->w[c] = l->w[c] - over < to ? to : l->w[c] - over;
}

static void give_way(struct list *l, int width)
{
	static const int drop_first[] = { COL_WAY_BACK, COL_HEARING };
	for (size_t i = 0; i < 2 && total_width(l) > width; i++)
		l->on[drop_first[i]] = false;
	shrink(l, COL_PATH, col_size[COL_PATH].min, width);
	shrink(l, COL_PENALTY, col_size[COL_PENALTY].min, width);
	shrink(l, COL_UNTIL, col_size[COL_UNTIL].min, width);
	shrink(l, COL_ID, 8, width);
	shrink(l, COL_RELIEF, col_size[COL_RELIEF].min, width);
	shrink(l, COL_ID, col_size[COL_ID].min, width);
	shrink(l, COL_NAME, col_size[COL_NAME].min, width);
	static const int drop_last[] = { COL_RUNNING, COL_RELIEF, COL_UNTIL,
					 COL_PENALTY, COL_PATH, COL_NAME };
	for (size_t i = 0; i < 6 && total_width(l) > width; i++)
		l->on[drop_last[i]] = false;
}

static void layout(struct view *v, struct list *l)
{
	const struct conf *cf = &v->ui->conf;
	int width = v->ui->cols - 1, x = 1;
	bool rules = v->ui->model.have_rules;
	memset(l->x, 0, sizeof(l->x));
	memset(l->w, 0, sizeof(l->w));
	memset(l->on, 0, sizeof(l->on));
	if (model_ready(&v->ui->model))
		widest(v->ui, l);
	for (int i = 0; i < cf->n_columns; i++) {
		int c = cf->columns[i];
		/* without rules there is no assessment to show */
		l->on[c] = rules || c == COL_ID || c == COL_NAME;
		l->w[c] = natural(v->ui, l, c);
	}
	int id = l->w[COL_ID];
	give_way(l, width);
	/* what columns that gave way leave: the name's 18 columns first,
	 * then the id whole, then the relief and the name, each to 30,
	 * then the relief as wide as it goes */
	static const struct { int col, max; } grow[] = {
		{ COL_NAME, NAME_KEEP }, { COL_ID, 0 }, { COL_RELIEF, 30 },
		{ COL_NAME, 30 }, { COL_RELIEF, 120 },
	};
	for (size_t i = 0; i < sizeof(grow) / sizeof(*grow); i++) {
		int c = grow[i].col, spare = width - total_width(l);
		int max = c == COL_ID ? id : grow[i].max;
		if (l->on[c] && spare > 0 && l->w[c] < max) {
			int g = max - l->w[c];
			l->w[c] += g < spare ? g : spare;
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

static void empty_text(struct ui *ui, char *buf, size_t n)
{
	if (model_rows(&ui->model) == 0 && !ui->model.corpus.diags.n_errors)
		snprintf(buf, n, "No case files were found in %s%s.  Open others "
			 "with: casewalk FOLDER (case files end in .yaml or "
			 ".yml).", ui->redact ? "the folder" : ui->app->n_paths ?
			 ui->app->paths[0] : "the folder", ui->app->n_paths > 1 ?
			 " and the others given" : "");
	else if (model_rows(&ui->model) == 0)
		snprintf(buf, n, "No case could be loaded: %s lists the "
			 "problems.", ui_key(ui, ACT_ERRORS));
	else
		snprintf(buf, n, "No case matches the filter %s (%s changes it).",
			 ui->sel.filter, ui_key(ui, ACT_FILTER));
}

static void list_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct list *l = v->priv;
	if (!l) {
		l = v->priv = xcalloc(1, sizeof(struct list));
		doc_init(&l->empty, ui->cols);
	}
	layout(v, l);
	l->n_lines = 0;
	if (model_ready(&ui->model) && !ui->sel.n) {
		char buf[1200];
		empty_text(ui, buf, sizeof(buf));
		doc_reset(&l->empty, ui->cols);
		l->n_lines = doc_split(&l->empty, ui->cols - 2, buf, l->lines, 8);
	}
	/* an empty list still has lines: what to do about it */
	v->lines = !model_ready(&ui->model) ? 0 : ui->sel.n ? ui->sel.n :
		l->n_lines;
}

static void list_done(struct view *v)
{
	struct list *l = v->priv;
	if (l)
		doc_free(&l->empty);
	free(l);
	v->priv = NULL;
}

/* s in w columns, cut in the middle with a visible mark when it is
 * longer: "APPEAL-2…-0318".  The ends of an id tell ids apart. */
static const char *cut_middle(const char *s, int w, char *out, size_t n)
{
	size_t len = strlen(s);
	if (text_width(s, len) <= w || w < 3) {
		snprintf(out, n, "%s", s);
		return out;
	}
	int left = (w - 1) / 2, right = w - 1 - left;
	size_t a = 0, b = len;
	while (a < len && text_width(s, a + 1) <= left)
		a++;
	while (a < len && (s[a] & 0xC0) == 0x80)
		a--;
	while (b > a && text_width(s + b - 1, len - b + 1) <= right)
		b--;
	while (b < len && (s[b] & 0xC0) == 0x80)
		b++;
	snprintf(out, n, "%.*s%s%s", (int)a, s, draw_ellipsis(), s + b);
	return out;
}

static const char *running_text(int8_t r, int *role)
{
	*role = r == 1 ? ROLE_RUNNING : r < 0 ? ROLE_UNKNOWN : ROLE_NORMAL;
	return r == 1 ? "yes" : r == 0 ? "no" : "?";
}

/* The text and role of one cell. */
static const char *cell(struct view *v, size_t row, int c, int w, int *role,
			char *buf, size_t n)
{
	struct ui *ui = v->ui;
	const struct case_row *o = model_row(&ui->model, row);
	const struct rule *p = o->headline >= 0 ?
		&ui->model.rules.v[o->headline] : NULL;
	char b[DATE_BUFSZ];
	*role = ROLE_NORMAL;
	if (c == COL_ID)
	{
		char idb[32];
		return cut_middle(ui_case_id(ui, row, idb, sizeof(idb)), w, buf,
				  n);
	}
	if (c == COL_NAME)
		return model_name(&ui->model, row, ui->redact);
	if (!ui->model.have_rules || !o->assessed)
		return "";
	if (!ui_outcome_shown(ui, row))
		return "?";
	/* the red mark means exactly: a bar runs on the as-of date */
	int bar_role = o->bar_running == 1 ? ROLE_RUNNING : ROLE_NORMAL;
	switch (c) {
	case COL_PATH:
		*role = model_path_role(o->path);
		return model_path_label(o->path);
	case COL_HEARING:
		*role = o->hearing ? ROLE_NORMAL : ROLE_NO_HEARING;
		return o->hearing ? "yes" : "no";
	case COL_PENALTY:
		*role = bar_role;
		return p ? p->id : "-";
	case COL_UNTIL:
		*role = bar_role;
		return query_until_text(o, buf, n);
	case COL_RUNNING:
		if (!p && o->bar_running == 0)
			return "";
		return running_text(o->bar_running, role);
	case COL_WAY_BACK:
		snprintf(buf, n, "%s", view_day(o->with_waivers, "none", b));
		return buf;
	default:
		query_relief_open_marked(&ui->model.cat, o, buf, n);
		return buf[0] ? buf : "-";
	}
}

static void list_draw(struct view *v, size_t line, int y, bool selected)
{
	struct list *l = v->priv;
	if (!v->ui->sel.n) {
		if (line < l->n_lines)
			draw_text(y, 1, v->ui->cols - 1, ROLE_DIM, false,
				  l->lines[line]);
		return;
	}
	size_t row = v->ui->sel.idx[line];
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	for (int c = 0; c < COL__COUNT; c++) {
		char buf[1024];
		int role;
		if (!l->on[c])
			continue;
		const char *s = cell(v, row, c, l->w[c], &role, buf, sizeof(buf));
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
	for (int c = 0; c < COL__COUNT; c++) {
		char t[64];
		if (!l->on[c])
			continue;
		snprintf(t, sizeof(t), "%s%s", ui_column_titles[c],
			 !sorted_by(ui, c) ? "" : ui->sel.sort.desc[0] ?
			 draw_sort_mark(true) : draw_sort_mark(false));
		draw_text(y, l->x[c], l->w[c], ROLE_HEADER, false, t);
	}
}

static int list_request(struct view *v, enum ui_action a)
{
	if (a != ACT_ENTER)
		return 0;
	if (v->sel >= v->ui->sel.n)
		return UI_HANDLED;
	return ui_open(v->ui, &view_case_ops, v->ui->sel.idx[v->sel]);
}

static const char *list_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	if (!n || line >= v->ui->sel.n)
		return "";
	const struct catalog_row *r = &v->ui->model.cat.rows[v->ui->sel.idx[line]];
	const char *name = catalog_name(r, v->ui->redact);
	char idb[32];
	const char *id = v->ui->quiz ? ui_case_id(v->ui, v->ui->sel.idx[line],
		idb, sizeof(idb)) : r->label;
	size_t a = v->ui->quiz ? strlen(id) : (size_t)r->name_at - 1,
	       b = strlen(name);
	/* by hand: a search runs this for every row */
	if (a > n - 1)
		a = n - 1;
	memcpy(buf, id, a);             /* the id */
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

/* Appends part when it fits in cols (or when it must be there, cut). */
static size_t put_part(char *buf, size_t n, size_t len, int cols,
		       const char *part, bool must)
{
	int w = text_width(buf, len), pw = text_width(part, strlen(part));
	if (len >= n || (!must && w + pw + 3 > cols))
		return len;
	return len + (size_t)snprintf(buf + len, n - len, "%s%s",
				      len ? " | " : "", part);
}

/* What the status line keeps: the count, the filter and `? help`; the
 * rest gives way when the line is short. */
static void list_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	const struct model *m = &ui->model;
	char count[64], filter[1100], help[40], part[128];
	int cols = ui->status_cols > 0 ? ui->status_cols : ui->cols;
	snprintf(count, sizeof(count), ui->sel.n == model_rows(m) ?
		 "%zu cases" : "%zu of %zu cases", ui->sel.n, model_rows(m));
	snprintf(help, sizeof(help), "%s help", ui_key(ui, ACT_HELP));
	snprintf(filter, sizeof(filter), "filter: %s", ui->sel.filter);
	bool filtered = ui->sel.filter[strspn(ui->sel.filter, " ")] != 0;
	int need = text_width(count, strlen(count)) +
		   text_width(help, strlen(help)) + 3;
	if (filtered && text_width(filter, strlen(filter)) > cols - need - 3) {
		/* keep the start of a long filter, and the help */
		char cut[1100];
		text_fit(filter, strlen(filter), cols - need - 3 > 10 ?
			 cols - need - 3 : 10, cut, sizeof(cut), NULL);
		snprintf(filter, sizeof(filter), "%s", cut);
	}
	size_t len = put_part(buf, n, 0, cols, count, true);
	if (filtered)
		len = put_part(buf, n, len, cols, filter, true);
	/* the optional parts, each when the help still fits after it */
	int room = cols - text_width(help, strlen(help)) - 3;
	if (m->have_rules && !ui->quiz) {
		snprintf(part, sizeof(part), "hearing %zu, none %zu",
			 ui->sel.n_hearing, ui->sel.n - ui->sel.n_hearing);
		len = put_part(buf, n, len, room, part, false);
	}
	select_describe(&ui->sel, part, sizeof(part));
	len = put_part(buf, n, len, room, part, false);
	if (m->corpus.n_files_with_errors) {
		snprintf(part, sizeof(part), "%zu file%s with errors",
			 m->corpus.n_files_with_errors,
			 m->corpus.n_files_with_errors == 1 ? "" : "s");
		len = put_part(buf, n, len, room, part, false);
	}
	snprintf(part, sizeof(part), "%s writes", ui_key(ui, ACT_WRITE));
	len = put_part(buf, n, len, room, part, false);
	put_part(buf, n, len, cols, help, true);
}

/* ---- w: the list as shown, to a file ------------------------------------ */

/* ~/ as $HOME/ */
static const char *expand(const char *name, char *buf, size_t n)
{
	const char *home = getenv("HOME");
	if (name[0] == '~' && name[1] == '/' && home && *home) {
		snprintf(buf, n, "%s%s", home, name + 1);
		return buf;
	}
	return name;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

static const char *const format_names[] = {
	[LISTOUT_TEXT] = "text", [LISTOUT_JSON] = "NDJSON", [LISTOUT_CSV] = "CSV",
};

int view_list_write(struct ui *ui, const char *name)
{
	char path[4096];
	const char *file = expand(name, path, sizeof(path));
	if (ui->quiz) {
		ui_message(ui, ROLE_MESSAGE, "not in quiz mode: the list would "
			   "show every outcome");
		return UI_REDRAW;
	}
	/* never over a file, which may be a case file: a new one only,
	 * readable by its owner alone (it names people) */
	int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		ui_message(ui, ROLE_ERROR, errno == EEXIST ? "%s exists: "
			   "casewalk writes only a new file; give another name" :
			   "cannot write %s: %s", name, strerror(errno));
		return UI_REDRAW;
	}
	enum listout_format f = listout_format_of(file);
	struct outbuf ob = { NULL, 0, 0 };
	listout_head(&ob, f, ui->model.as_of, ui->model.law_as_of);
	for (size_t i = 0; i < ui->sel.n; i++)
		listout_row(&ob, f, &ui->model.cat,
			    &ui->model.cat.rows[ui->sel.idx[i]], ui->redact);
	listout_tail(&ob, f, ui->sel.n, model_rows(&ui->model), ui->sel.filter);
	bool ok = write_all(fd, ob.p ? ob.p : "", ob.len);
	int err = errno;
	ok = close(fd) == 0 && ok;
	ob_free(&ob);
	if (!ok) {
		unlink(file);
		ui_message(ui, ROLE_ERROR, "cannot write %s: %s; nothing kept",
			   name, strerror(err));
		return UI_REDRAW;
	}
	ui_message(ui, ROLE_MESSAGE, "wrote %zu row%s to %s (%s%s)", ui->sel.n,
		   ui->sel.n == 1 ? "" : "s", name, format_names[f],
		   ui->redact ? ", names redacted" : "");
	return UI_REDRAW;
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
