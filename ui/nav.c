/* nav.c - what every view shares: moving and paging, searching, the
 * prompts (search, filter, dates, write, quit), the global views,
 * reloading, redaction.  The loop calls nav_action for an action the top
 * view did not handle. */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "draw.h"
#include "keys.h"
#include "lawdate.h"
#include "view.h"

static int move_to(struct view *v, long target)
{
	long last = v->lines ? (long)v->lines - 1 : 0;
	if (target < 0)
		target = 0;
	if (target > last)
		target = last;
	if (v->ops->cursor)
		v->sel = (size_t)target;
	else
		v->top = (size_t)target;
	ui_clamp(v);
	return UI_REDRAW;
}

/* The number typed before the key, used up; dflt when none. */
static long take_count(struct ui *ui, long dflt)
{
	long n = ui->count;
	ui->count = -1;
	return n >= 0 ? n : dflt;
}

static int move_by(struct ui *ui, struct view *v, enum ui_action a)
{
	long h = ui_view_height(v), pos = (long)(v->ops->cursor ? v->sel :
						   v->top);
	long page = h > 1 ? h - 1 : 1, half = h > 1 ? h / 2 : 1;
	long lines = (long)v->lines;
	switch (a) {
	case ACT_MOVE_DOWN: return move_to(v, pos + take_count(ui, 1));
	case ACT_MOVE_UP: return move_to(v, pos - take_count(ui, 1));
	case ACT_PAGE_DOWN: return move_to(v, pos + page);
	case ACT_PAGE_UP: return move_to(v, pos - page);
	case ACT_HALF_DOWN: return move_to(v, pos + half);
	case ACT_HALF_UP: return move_to(v, pos - half);
	case ACT_MOVE_FIRST: return move_to(v, take_count(ui, 1) - 1);
	case ACT_PERCENT: {
		/* as less: N% is the line N percent of the way down */
		long pct = take_count(ui, 0);
		if (pct > 100)
			pct = 100;
		return move_to(v, lines ? (lines - 1) * pct / 100 : 0);
	}
	default: {
		long line = take_count(ui, -1);
		return move_to(v, line >= 0 ? line - 1 : lines);
	}
	}
}

/* ---- searching --------------------------------------------------------- */

static bool line_matches(struct view *v, size_t line, const char *pat)
{
	char buf[2048];
	size_t n = strlen(pat);
	if (!v->ops->text || !n)
		return false;
	/* ASCII case folding, as strncasecmp: test the first byte before
	 * calling it (a search of 100,000 rows runs this per row) */
	int lo = tolower((unsigned char)pat[0]), up = toupper(lo);
	for (const char *t = v->ops->text(v, line, buf, sizeof(buf)); *t; t++)
		if ((*t == lo || *t == up) && !strncasecmp(t, pat, n))
			return true;
	return false;
}

/* The first line matching pat among `count` lines from `from` in
 * direction dir (wrapping), or -1. */
static long scan(struct view *v, const char *pat, long from, int dir,
		 long count)
{
	long n = (long)v->lines;
	for (long i = 0; i < count && i < n; i++) {
		long line = ((from + dir * i) % n + n) % n;
		if (line_matches(v, (size_t)line, pat))
			return line;
	}
	return -1;
}

/* Finds pat from line `from` in direction dir (wrapping); moves there. */
static bool find(struct view *v, const char *pat, long from, int dir)
{
	long line = scan(v, pat, from, dir, (long)v->lines);
	if (line >= 0)
		move_to(v, line);
	return line >= 0;
}

static int find_step(struct ui *ui, int dir)
{
	struct view *v = ui_top(ui);
	if (!ui->search[0]) {
		ui_message(ui, ROLE_MESSAGE, "no search yet: press %s first",
			   ui_key(ui, ACT_SEARCH));
		return UI_REDRAW;
	}
	long pos = (long)(v->ops->cursor ? v->sel : v->top);
	if (!v->lines || !find(v, ui->search, pos + dir, dir))
		ui_message(ui, ROLE_MESSAGE, "not found: %s", ui->search);
	return UI_REDRAW;
}

/* ---- the prompts ------------------------------------------------------- */

/* Opens a prompt holding text; selected: shown selected, so that typing
 * replaces it and an arrow keeps it. */
static int prompt_start(struct ui *ui, int kind, const char *text,
			bool selected)
{
	struct view *v = ui_top(ui);
	struct prompt *p = &ui->prompt;
	p->kind = kind;
	snprintf(p->buf, sizeof(p->buf), "%s", text);
	p->len = strlen(p->buf);
	p->selected = selected && p->len;
	p->full = false;
	p->err[0] = '\0';
	snprintf(p->before, sizeof(p->before), "%s", text);
	p->saved_top = v->top;
	p->saved_sel = v->sel;
	p->searched[0] = '\0';
	p->searched_lines = 0;
	for (size_t k = 0; k < sizeof(p->found) / sizeof(p->found[0]); k++)
		p->found[k] = -2;
	return UI_REDRAW;
}

/* Where the search for p->buf lands, reusing the searches for its
 * prefixes: a line that matches "abc" matches "ab", so the first match of
 * "abc" is no earlier than the first match of "ab", and there is none
 * when "ab" had none.  Each letter typed then looks at the lines from the
 * last match on, and a Backspace looks at none. */
static long search_memo(struct view *v, struct prompt *p, long start)
{
	size_t same = 0, n = (size_t)v->lines;
	if (p->searched_lines != n)
		p->searched[0] = '\0';
	p->searched_lines = n;
	while (same < p->len && p->searched[same] &&
	       p->searched[same] == p->buf[same])
		same++;
	for (size_t k = same + 1; k < sizeof(p->found) / sizeof(*p->found); k++)
		p->found[k] = -2;
	memcpy(p->searched, p->buf, p->len + 1);
	p->found[0] = start;            /* the empty pattern: where we are */
	size_t k = p->len;
	while (p->found[k] == -2)
		k--;
	for (; k < p->len; k++) {
		long from = p->found[k];
		char pat[sizeof(p->buf)];
		if (from < 0) {
			p->found[k + 1] = -1;
			continue;
		}
		/* the lines from `from` on, up to the start again */
		size_t off = ((size_t)from + n - (size_t)start) % n;
		long count = (long)(n - off);
		memcpy(pat, p->buf, k + 1);
		pat[k + 1] = '\0';
		p->found[k + 1] = scan(v, pat, from, 1, count);
	}
	return p->found[p->len];
}

/* The filter as typed: applied when it compiles, the core's message
 * (what is allowed, the nearest name) when it does not; the list keeps
 * the last filter that did. */
static void filter_typed(struct ui *ui)
{
	struct prompt *p = &ui->prompt;
	if (!select_set_filter(&ui->sel, &ui->model, p->buf, p->err,
			       sizeof(p->err)))
		return;
	p->err[0] = '\0';
	select_apply(&ui->sel, &ui->model);
	ui->stack[0].sel = ui->stack[0].top = 0;
	ui_rebuild(ui);
}

static void prompt_changed(struct ui *ui)
{
	struct view *v = ui_top(ui);
	struct prompt *p = &ui->prompt;
	if (p->kind == PROMPT_FILTER) {
		filter_typed(ui);
		return;
	}
	p->err[0] = '\0';
	if (p->kind != PROMPT_SEARCH)
		return;
	/* incremental: each keystroke searches again from where / was
	 * pressed, so deleting a letter can move back */
	v->top = p->saved_top;
	v->sel = p->saved_sel;
	if (p->len && v->lines) {
		long line = search_memo(v, p, (long)(v->ops->cursor ? v->sel :
						      v->top));
		if (line >= 0)
			move_to(v, line);
	}
}

static int submit_dates(struct ui *ui)
{
	struct prompt *p = &ui->prompt;
	struct date as_of = ui->model.as_of, law = ui->model.law_as_of;
	if (!lawdate_parse_pair(ui->model.have_rules ? &ui->model.rules : NULL,
				p->buf, date_today(), &as_of, &law, p->err,
				sizeof(p->err)))
		return UI_REDRAW;       /* the prompt stays, with why */
	p->kind = PROMPT_NONE;
	return ui_set_dates(ui, as_of, law);
}

static int prompt_submit(struct ui *ui)
{
	struct prompt *p = &ui->prompt;
	switch (p->kind) {
	case PROMPT_SEARCH:
		p->kind = PROMPT_NONE;
		snprintf(ui->search, sizeof(ui->search), "%s", p->buf);
		if (p->len && !line_matches(ui_top(ui), ui_top(ui)->sel, p->buf))
			ui_message(ui, ROLE_MESSAGE, "not found: %s", p->buf);
		return UI_REDRAW;
	case PROMPT_FILTER:
		if (p->err[0])
			return UI_REDRAW;       /* fix it, or Esc */
		p->kind = PROMPT_NONE;
		return UI_REDRAW;
	case PROMPT_DATES:
		return submit_dates(ui);
	case PROMPT_WRITE:
		if (!p->len)
			return UI_REDRAW;
		p->kind = PROMPT_NONE;
		return view_list_write(ui, p->buf);
	case PROMPT_MEMO:
		p->kind = PROMPT_NONE;
		return memo_submit(ui, p->buf);
	default:
		p->kind = PROMPT_NONE;
		return UI_REDRAW;
	}
}

static int prompt_cancel(struct ui *ui)
{
	struct prompt *p = &ui->prompt;
	char err[256];
	int kind = p->kind;
	p->kind = PROMPT_NONE;
	if (kind == PROMPT_FILTER) {
		/* the filter before f, which compiled then */
		if (strcmp(ui->sel.filter, p->before) &&
		    select_set_filter(&ui->sel, &ui->model, p->before, err,
				      sizeof(err))) {
			select_apply(&ui->sel, &ui->model);
			ui_rebuild(ui);
		}
		ui->stack[0].top = p->saved_top;
		ui->stack[0].sel = p->saved_sel;
		ui_clamp(&ui->stack[0]);
		return UI_REDRAW;
	}
	ui_top(ui)->top = p->saved_top;
	ui_top(ui)->sel = p->saved_sel;
	return UI_REDRAW;
}

static void prompt_append(struct prompt *p, int key)
{
	char enc[8];
	int n = key < 0x80 ? 1 : key < 0x800 ? 2 : key < 0x10000 ? 3 : 4;
	if (n == 1)
		enc[0] = (char)key;
	else if (n == 2)
		enc[0] = (char)(0xC0 | (key >> 6));
	else if (n == 3)
		enc[0] = (char)(0xE0 | (key >> 12));
	else
		enc[0] = (char)(0xF0 | (key >> 18));
	for (int i = 1; i < n; i++)
		enc[i] = (char)(0x80 | ((key >> (6 * (n - 1 - i))) & 0x3F));
	if (p->len + (size_t)n < sizeof(p->buf)) {
		memcpy(p->buf + p->len, enc, (size_t)n);
		p->len += (size_t)n;
		p->buf[p->len] = 0;
	} else {
		p->full = true;
	}
}

static int quit_key(struct ui *ui, int key)
{
	ui->prompt.kind = PROMPT_NONE;
	if (key == 'y' || key == 'Y')
		return UI_QUIT;
	ui_message(ui, ROLE_MESSAGE, "not quitting");
	return UI_REDRAW;
}

static bool is_arrow(int key)
{
	return key == UI_KEY_FN(KEY_LEFT) || key == UI_KEY_FN(KEY_RIGHT) ||
	       key == UI_KEY_FN(KEY_HOME) || key == UI_KEY_FN(KEY_END);
}

int nav_prompt_key(struct ui *ui, int key)
{
	struct prompt *p = &ui->prompt;
	if (p->kind == PROMPT_QUIT)
		return quit_key(ui, key);
	if (key == '\n')
		return prompt_submit(ui);
	if (key == UI_KEY_ESC)
		return prompt_cancel(ui);
	if (is_arrow(key)) {
		p->selected = false;    /* keep the old text, to edit it */
		return UI_REDRAW;
	}
	bool typed = key >= 0x20 && key != 0x7F && !(key & UI_KEY_FN_FLAG);
	if (p->selected && (typed || key == UI_KEY_BACKSPACE)) {
		p->len = 0;             /* typing replaces the selection */
		p->buf[0] = 0;
		p->selected = false;
		if (!typed) {
			prompt_changed(ui);
			return UI_REDRAW;
		}
	}
	if (key == UI_KEY_BACKSPACE) {
		while (p->len && ((unsigned char)p->buf[p->len - 1] & 0xC0) ==
		       0x80)
			p->len--;
		if (p->len)
			p->len--;
		p->buf[p->len] = 0;
	} else if (key == 21) {         /* ^U: start again */
		p->len = 0;
		p->buf[0] = 0;
		p->selected = false;
	} else if (typed) {
		prompt_append(p, key);
	} else {
		return UI_HANDLED;
	}
	prompt_changed(ui);
	if (p->full) {
		/* said, not dropped unseen */
		snprintf(p->err, sizeof(p->err), "the prompt holds %zu bytes: "
			 "the last key was not taken", sizeof(p->buf) - 1);
		p->full = false;
	}
	return UI_REDRAW;
}

/* ---- loading ----------------------------------------------------------- */

static void reselect(struct ui *ui)
{
	struct view *list = &ui->stack[0];
	for (size_t i = 0; ui->reselect[0] && i < ui->sel.n; i++)
		if (!strcmp(model_case(&ui->model, ui->sel.idx[i])->id,
			    ui->reselect)) {
			list->sel = i;
			ui_clamp(list);
			if (ui->reopen_case)
				ui_open(ui, &view_case_ops, ui->sel.idx[i]);
			break;
		}
	ui->reselect[0] = 0;
	ui->reopen_case = false;
}

void nav_loaded(struct ui *ui)
{
	struct model *m = &ui->model;
	char err[512];
	ui_quiz_update(ui);
	/* the filter again, for rules that may have changed */
	if (!select_set_filter(&ui->sel, m, ui->sel.filter, err, sizeof(err)))
		select_set_filter(&ui->sel, m, "", err, sizeof(err));
	select_apply(&ui->sel, m);
	ui_rebuild(ui);
	reselect(ui);
	size_t n = m->corpus.diags.n_errors + m->diags.n_errors +
		   ui->conf.diags.n_errors;
	if (m->vocab_failed)
		ui_message(ui, ROLE_ERROR, "the offense vocabulary did not load");
	else if (!m->have_rules)
		ui_message(ui, ROLE_ERROR, "the rules did not load: no "
			   "assessment (%s shows why)", ui_key(ui, ACT_ERRORS));
	else if (n)
		ui_message(ui, ROLE_WARNING, "%zu problem%s found: %s shows "
			   "them", n, n == 1 ? "" : "s", ui_key(ui, ACT_ERRORS));
}

/* Loads the files again, the dates as given; the view about a case
 * (or the list's selection) is taken up again. */
static int restart(struct ui *ui, struct date as_of, struct date law)
{
	size_t row = ui_current_row(ui);
	if (!model_ready(&ui->model))
		return UI_HANDLED;
	if (row != UI_NO_ROW) {
		snprintf(ui->reselect, sizeof(ui->reselect), "%s",
			 model_case(&ui->model, row)->id);
		ui->reopen_case = ui_top(ui)->ops != &view_list_ops;
	}
	/* every other view borrows from the model: close them first */
	while (ui->n_views > 1)
		ui_back(ui);
	model_free(&ui->model);
	model_start(&ui->model, ui->app, as_of, law);
	select_apply(&ui->sel, &ui->model);
	ui->stack[0].sel = ui->stack[0].top = 0;
	ui_rebuild(ui);
	return UI_REDRAW;
}

int ui_reload(struct ui *ui)
{
	return restart(ui, ui->model.as_of, ui->model.law_as_of);
}

int ui_set_dates(struct ui *ui, struct date as_of, struct date law_as_of)
{
	return restart(ui, as_of, law_as_of);
}

/* ---- global actions ---------------------------------------------------- */

/* Opens ops, or goes back when it is already on top (a toggle). */
static int toggle(struct ui *ui, const struct view_ops *ops, size_t row)
{
	if (ui_top(ui)->ops == ops)
		return ui_back(ui);
	return ui_open(ui, ops, row);
}

static int need_case(struct ui *ui, const struct view_ops *ops)
{
	size_t row = ui_current_row(ui);
	if (row == UI_NO_ROW) {
		ui_message(ui, ROLE_MESSAGE, "select a case first");
		return UI_REDRAW;
	}
	if (ops == &view_compare_ops && !ui->model.have_rules) {
		ui_message(ui, ROLE_ERROR, "no assessment: the rules did not "
			   "load");
		return UI_REDRAW;
	}
	if (!ops)
		return edit_start(ui, model_case(&ui->model, row)->file,
				  model_case(&ui->model, row)->pos.line);
	return toggle(ui, ops, row);
}

static int set_redact(struct ui *ui)
{
	ui->redact = !ui->redact;
	ui->sel.redact = ui->redact;
	select_apply(&ui->sel, &ui->model);
	ui_rebuild(ui);
	ui_message(ui, ROLE_MESSAGE, ui->redact ? "names, A-numbers and notes "
		   "hidden" : "names, A-numbers and notes shown");
	return UI_REDRAW;
}

static int reveal(struct ui *ui)
{
	size_t row = ui_current_row(ui);
	if (!ui->quiz) {
		ui_message(ui, ROLE_MESSAGE, "not in quiz mode (casewalk "
			   "--quiz)");
		return UI_REDRAW;
	}
	if (row != UI_NO_ROW)
		ui->model.revealed[row] = true;
	ui_quiz_update(ui);
	ui_rebuild(ui);
	return UI_REDRAW;
}

static int quiz_walk(struct ui *ui)
{
	if (!ui->quiz) {
		ui_message(ui, ROLE_MESSAGE, "not in quiz mode (casewalk "
			   "--quiz)");
		return UI_REDRAW;
	}
	if (!model_ready(&ui->model) || !ui->model.have_rules || !ui->sel.n) {
		ui_message(ui, ROLE_MESSAGE, "no assessed cases to walk");
		return UI_REDRAW;
	}
	return ui_open(ui, &view_quiz_ops, UI_NO_ROW);
}

static int sort_reverse(struct ui *ui)
{
	struct query_sort *s = &ui->sel.sort;
	char err[256];
	if (select_sort_hidden(&ui->sel, s->n ? s->key[0] : QK_ID)) {
		ui_message(ui, ROLE_WARNING, "hidden in the quiz: sort by name "
			   "only until every case is revealed (v)");
		return UI_REDRAW;
	}
	if (!s->n)
		select_set_sort(&ui->sel, QK_ID, true, err, sizeof(err));
	else
		s->desc[0] = !s->desc[0];
	select_apply(&ui->sel, &ui->model);
	ui_rebuild(ui);
	return UI_REDRAW;
}

static int memo_start(struct ui *ui)
{
	char name[256];
	if (memo_prompt(ui, name, sizeof(name)))
		return UI_REDRAW;
	return prompt_start(ui, PROMPT_MEMO, name, true);
}


static int dates_prompt(struct ui *ui)
{
	char a[DATE_BUFSZ], l[DATE_BUFSZ], text[64];
	date_format(ui->model.as_of, a);
	date_format(ui->model.law_as_of, l);
	if (strcmp(a, l))
		snprintf(text, sizeof(text), "%s %s", a, l);
	else
		snprintf(text, sizeof(text), "%s", a);
	return prompt_start(ui, PROMPT_DATES, text, true);
}

static int list_only(struct ui *ui, int kind)
{
	if (ui_top(ui)->ops != &view_list_ops) {
		ui_message(ui, ROLE_MESSAGE, "%s works on the case list (%s "
			   "goes back to it)", kind == PROMPT_WRITE ?
			   ui_key(ui, ACT_WRITE) : ui_key(ui, ACT_SORT),
			   ui_key(ui, ACT_BACK));
		return UI_REDRAW;
	}
	if (kind == PROMPT_WRITE)
		return prompt_start(ui, PROMPT_WRITE, "", false);
	return ui_open(ui, &view_sort_ops, UI_NO_ROW);
}

static int data_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case ACT_MEMO: return memo_start(ui);
	case ACT_DEADLINES: return toggle(ui, &view_deadlines_ops, UI_NO_ROW);
	case ACT_COMPARE: return need_case(ui, &view_compare_ops);
	case ACT_EDIT: return need_case(ui, NULL);
	case ACT_STATS: return toggle(ui, &view_stats_ops, UI_NO_ROW);
	case ACT_ERRORS: return toggle(ui, &view_errors_ops, UI_NO_ROW);
	case ACT_RULES: return toggle(ui, &view_rules_ops, UI_NO_ROW);
	case ACT_FILTER:
		return prompt_start(ui, PROMPT_FILTER, ui->sel.filter, true);
	case ACT_SORT: return list_only(ui, 0);
	case ACT_WRITE: return list_only(ui, PROMPT_WRITE);
	case ACT_SORT_REVERSE: return sort_reverse(ui);
	case ACT_DATES: return dates_prompt(ui);
	case ACT_RELOAD: return ui_reload(ui);
	case ACT_REVEAL: return reveal(ui);
	case ACT_QUIZ_WALK: return quiz_walk(ui);
	default:
		ui_message(ui, ROLE_MESSAGE, "%s does nothing here",
			   ui_actions[a].name);
		return UI_REDRAW;
	}
}

/* q on the last view: at once, unless a filter is set or an edit is
 * pending (mutt asks too); Q never asks. */
static int back(struct ui *ui)
{
	if (ui->n_views > 1)
		return ui_back(ui);
	if (ui->edit.copy.path || ui->sel.filter[strspn(ui->sel.filter, " ")])
		return prompt_start(ui, PROMPT_QUIT, "", false);
	return UI_QUIT;
}

int nav_action(struct ui *ui, enum ui_action a)
{
	struct view *v = ui_top(ui);
	switch (a) {
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN:
	case ACT_PAGE_UP: case ACT_MOVE_FIRST: case ACT_MOVE_LAST:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_PERCENT:
		return move_by(ui, v, a);
	case ACT_BACK: return back(ui);
	case ACT_QUIT: return UI_QUIT;
	case ACT_HELP: return toggle(ui, &view_help_ops, UI_NO_ROW);
	case ACT_SEARCH: return prompt_start(ui, PROMPT_SEARCH, "", false);
	case ACT_FIND_NEXT: return find_step(ui, 1);
	case ACT_FIND_PREV: return find_step(ui, -1);
	case ACT_REDACT: return set_redact(ui);
	case ACT_ENTER: return UI_HANDLED;
	case ACT_NEXT_ITEM: case ACT_PREV_ITEM: case ACT_ORIGIN:
		ui_message(ui, ROLE_MESSAGE, "%s works in a case (%s opens "
			   "one)", ui_actions[a].name, ui_key(ui, ACT_ENTER));
		return UI_REDRAW;
	default: break;
	}
	if (!model_ready(&ui->model)) {
		ui_message(ui, ROLE_MESSAGE, "still loading...");
		return UI_REDRAW;
	}
	return data_action(ui, a);
}
