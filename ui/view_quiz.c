/* view_quiz.c - the quiz walk (W in quiz mode): the listed cases one at
 * a time, in the list's order, each asked three questions from a short
 * list of choices: was there a hearing before a judge, which re-entry
 * bars attach, which relief was lost.  v reveals the case (and marks each
 * answer right or wrong), Tab goes on to the next; a case scores a point
 * per question answered exactly.  The running score is on the title line,
 * and the total when the last case is done.  The answers are the core's
 * (query.h: the case's row), as the list shows them once revealed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

#define QUIZ_QUESTIONS 3        /* hearing, bars, relief lost */

struct quiz_walk {
	size_t *rows, n, at;            /* the cases walked; the current */
	int *choice;                    /* per line: 0 no, 1 yes; line 0,
					   hearing: 0 unanswered, 1 yes, 2 no */
	int *rule;                      /* per line from 1: its rule */
	size_t n_lines, n_bars;
	bool revealed, over;
	size_t score, asked, cases_done;
};

static bool truth(const struct ui *ui, const struct quiz_walk *q, size_t line)
{
	const struct case_row *o = model_row(&ui->model, q->rows[q->at]);
	if (line == 0)
		return o->hearing;
	int k = q->rule[line];
	if (line <= q->n_bars) {
		for (uint16_t i = 0; i < o->n_pen; i++)
			if (o->pen[i].rule == k && !o->pen[i].possible)
				return true;
		return false;
	}
	for (uint16_t i = 0; i < o->n_rel; i++)
		if (o->rel[i].rule == k && o->rel[i].now == NOW_LOST)
			return true;
	return false;
}

static bool answered_right(const struct ui *ui, const struct quiz_walk *q,
			   size_t line)
{
	if (line == 0)
		return q->choice[0] && (q->choice[0] == 1) == truth(ui, q, 0);
	return (q->choice[line] == 1) == truth(ui, q, line);
}

/* The case's points: hearing; every bar; every relief, each exact. */
static size_t points(const struct ui *ui, const struct quiz_walk *q)
{
	bool bars = true, relief = true;
	for (size_t l = 1; l < q->n_lines; l++)
		if (!answered_right(ui, q, l))
			*(l <= q->n_bars ? &bars : &relief) = false;
	return (size_t)answered_right(ui, q, 0) + bars + relief;
}

static void start_case(struct view *v)
{
	struct quiz_walk *q = v->priv;
	memset(q->choice, 0, q->n_lines * sizeof(*q->choice));
	q->revealed = false;
	v->row = q->rows[q->at];
	v->sel = v->top = 0;
}

static void quiz_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct quiz_walk *q = v->priv;
	if (!q) {
		const struct rules *r = &ui->model.rules;
		q = v->priv = xcalloc(1, sizeof(*q));
		q->n = ui->sel.n;
		q->rows = xmalloc((q->n + 1) * sizeof(*q->rows));
		memcpy(q->rows, ui->sel.idx, q->n * sizeof(*q->rows));
		q->rule = xcalloc(r->n + 2, sizeof(*q->rule));
		q->choice = xcalloc(r->n + 2, sizeof(*q->choice));
		q->n_lines = 1;
		for (int pass = 0; pass < 2; pass++)
			for (size_t k = 0; k < r->n; k++)
				if (r->v[k].kind == (pass ? KIND_RELIEF :
						     KIND_BAR))
					q->rule[q->n_lines++] = (int)k;
		for (size_t l = 1; l < q->n_lines; l++)
			q->n_bars += r->v[q->rule[l]].kind == KIND_BAR;
		q->over = q->n == 0;
		if (!q->over)
			start_case(v);
	}
	v->lines = q->over ? 1 : q->n_lines;
}

static void quiz_header(struct view *v, int y)
{
	struct ui *ui = v->ui;
	struct quiz_walk *q = v->priv;
	char buf[512], idb[32];
	draw_fill(y, 0, ui->cols, ROLE_HEADER, false);
	if (q->over)
		snprintf(buf, sizeof(buf), "The walk is over");
	else
		snprintf(buf, sizeof(buf), "%s (%zu of %zu)  %s: which is "
			 "true of this case? (%s toggles)", ui_case_id(ui,
			 v->row, idb, sizeof(idb)), q->at + 1, q->n,
			 model_name(&ui->model, v->row, ui->redact),
			 ui_key(ui, ACT_ENTER));
	draw_text(y, 1, ui->cols - 1, ROLE_HEADER, false, buf);
}

static const char *line_text(struct view *v, size_t line, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	struct quiz_walk *q = v->priv;
	if (q->over) {
		snprintf(buf, n, "Total: %zu of %zu points over %zu case%s (%d "
			 "questions a case: hearing, bars, relief lost)",
			 q->score, q->asked, q->cases_done,
			 q->cases_done == 1 ? "" : "s", QUIZ_QUESTIONS);
		return buf;
	}
	/* the verdict before the rule's title, which a narrow screen cuts */
	char verdict[64] = "";
	if (q->revealed)
		snprintf(verdict, sizeof(verdict), "%s%s",
			 answered_right(ui, q, line) ? "right" : "WRONG",
			 line == 0 ? (truth(ui, q, 0) ? ": a hearing" :
			 ": no hearing") : !answered_right(ui, q, line) ?
			 (truth(ui, q, line) ? ": it is" : ": it is not") : "");
	if (line == 0) {
		snprintf(buf, n, "Hearing before a judge?   %-14s  %s",
			 q->choice[0] == 1 ? "yes" : q->choice[0] == 2 ? "no" :
			 "(not answered)", verdict);
		return buf;
	}
	const struct rule *r = &ui->model.rules.v[q->rule[line]];
	snprintf(buf, n, "[%s] %s %-20s %-16s %s", q->choice[line] ? "x" : " ",
		 line <= q->n_bars ? "bar " : "lost", r->id, verdict,
		 r->title ? r->title : "");
	return buf;
}

static void quiz_draw(struct view *v, size_t line, int y, bool selected)
{
	struct quiz_walk *q = v->priv;
	char buf[512];
	int role = ROLE_NORMAL;
	line_text(v, line, buf, sizeof(buf));
	if (!q->over && q->revealed)
		role = answered_right(v->ui, q, line) ? ROLE_MET : ROLE_UNMET;
	draw_fill(y, 0, v->ui->cols, ROLE_NORMAL, selected);
	draw_text(y, 1, v->ui->cols - 2, role, selected, buf);
}

static int toggle(struct view *v)
{
	struct quiz_walk *q = v->priv;
	if (q->over || q->revealed)
		return UI_HANDLED;
	q->choice[v->sel] = v->sel == 0 ? (q->choice[0] + 1) % 3 :
		!q->choice[v->sel];
	return UI_REDRAW;
}

static int reveal(struct view *v)
{
	struct ui *ui = v->ui;
	struct quiz_walk *q = v->priv;
	if (q->over || q->revealed)
		return UI_HANDLED;
	size_t p = points(ui, q);
	q->revealed = true;
	q->score += p;
	q->asked += QUIZ_QUESTIONS;
	q->cases_done++;
	ui->model.revealed[v->row] = true;
	ui_quiz_update(ui);
	ui_message(ui, ROLE_MESSAGE, "%zu of %d right on this case; score %zu "
		   "of %zu (%s: next case)", p, QUIZ_QUESTIONS, q->score,
		   q->asked, ui_key(ui, ACT_NEXT_ITEM));
	return UI_REDRAW;
}

static int next_case(struct view *v)
{
	struct quiz_walk *q = v->priv;
	if (q->over)
		return UI_HANDLED;
	if (!q->revealed)
		reveal(v);
	if (++q->at >= q->n) {
		q->over = true;
		v->sel = v->top = 0;
		v->lines = 1;
		ui_message(v->ui, ROLE_MESSAGE, "the walk is over: %zu of %zu",
			   q->score, q->asked);
	} else {
		start_case(v);
	}
	return UI_REDRAW;
}

static int quiz_request(struct view *v, enum ui_action a)
{
	switch (a) {
	case ACT_ENTER: return toggle(v);
	case ACT_REVEAL: return reveal(v);
	case ACT_NEXT_ITEM: return next_case(v);
	case ACT_QUIZ_WALK: return ui_back(v->ui);
	default: return 0;
	}
}

static void quiz_title(struct view *v, char *buf, size_t n)
{
	struct quiz_walk *q = v->priv;
	snprintf(buf, n, "quiz walk  score %zu of %zu", q->score, q->asked);
}

static void quiz_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s toggles | %s reveals | %s next case | %s back",
		 ui_key(ui, ACT_ENTER), ui_key(ui, ACT_REVEAL),
		 ui_key(ui, ACT_NEXT_ITEM), ui_key(ui, ACT_BACK));
}

static void quiz_done(struct view *v)
{
	struct quiz_walk *q = v->priv;
	if (q) {
		free(q->rows);
		free(q->rule);
		free(q->choice);
		free(q);
	}
	v->priv = NULL;
}

const struct view_ops view_quiz_ops = {
	.name = "quiz",
	.cursor = true,
	.open = quiz_open,
	.header = quiz_header,
	.draw = quiz_draw,
	.request = quiz_request,
	.text = line_text,
	.title = quiz_title,
	.status = quiz_status,
	.done = quiz_done,
};
