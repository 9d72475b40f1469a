/* view.h - the explorer's views and the loop context they share.
 *
 * Every screen is a struct view pointing at a const struct view_ops,
 * defined at the bottom of its own file ui/view_<name>.c.  The loop in
 * ui.c owns everything: it turns a key into an action, offers it to the
 * top view's `request` first and then handles movement, searching and the
 * global views itself.  Handlers never draw; they return flags, and the
 * loop draws the top view (title line, body, status line) once per event
 * with a single doupdate.
 *
 * Screen layout: row 0 the title, rows 1 .. LINES-2 the view's lines, the
 * last row the status line (or the prompt, or a message).  Below
 * UI_MIN_COLS x UI_MIN_LINES only a one-line notice is drawn, and only
 * `back`, `quit` and resizes are acted on.
 */
#ifndef CW_UI_VIEW_H
#define CW_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actions.h"
#include "conf.h"
#include "doc.h"
#include "model.h"
#include "save.h"
#include "script.h"
#include "select.h"

/* Handler results, or-ed together; 0 means "not handled: try the generic
 * handling". */
enum {
	UI_HANDLED = 1,
	UI_REDRAW = 2,
	UI_RESIZE = 4,          /* rebuild every view for a new size */
	UI_QUIT = 8,
};

#define UI_MIN_COLS 40
#define UI_MIN_LINES 8
#define UI_MAX_VIEWS 16
#define UI_NO_ROW ((size_t)-1)

struct ui;
struct view;

struct view_ops {
	const char *name;
	bool cursor;            /* a selected line (lists), or scrolling only */
	/* (Re)builds the content for the current data and size; sets
	 * v->lines.  Called on opening, resizing and reloading. */
	void (*open)(struct view *v);
	/* Draws a fixed header line at screen row y (may be NULL: none). */
	void (*header)(struct view *v, int y);
	/* Draws content line `line` at screen row y. */
	void (*draw)(struct view *v, size_t line, int y, bool selected);
	/* Handles an action first; returns flags, or 0 to pass it on. */
	int (*request)(struct view *v, enum ui_action a);
	/* The text of a line as shown, for searching. */
	const char *(*text)(struct view *v, size_t line, char *buf, size_t n);
	/* Does a step of the view's work in the background (a few hundred
	 * cases) while v->working; clears it when done.  May be NULL. */
	void (*work)(struct view *v);
	void (*title)(struct view *v, char *buf, size_t n);
	void (*status)(struct view *v, char *buf, size_t n);
	void (*done)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct ui *ui;
	size_t lines;           /* content lines */
	size_t top, sel;        /* first line shown; selected line */
	size_t row;             /* the model row it is about, or UI_NO_ROW */
	bool working;           /* ops->work has more to do */
	void *priv;
};

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_FILTER, PROMPT_DATES,
		   PROMPT_WRITE, PROMPT_QUIT, PROMPT_MEMO };

struct prompt {
	int kind;
	char buf[1024];
	size_t len;
	bool full;                      /* a key did not fit in buf */
	bool selected;                  /* buf is the old text, shown
					   selected: typing replaces it */
	char before[1024];              /* the filter before f, for <Esc> */
	char err[512];                  /* why the text typed is not valid
					   (filter: as it is typed) */
	size_t saved_top, saved_sel;    /* restored by <Esc> */
	/* incremental search: found[k] is the first line from the saved
	 * place that matches the first k bytes of `searched` (-1: none,
	 * -2: not searched yet) */
	char searched[1024];
	long found[1025];
	size_t searched_lines;          /* the view's lines then (a resize
					   rewraps a doc: start again) */
};

/* An edit of a case file in progress (edit.c). */
struct edit {
	char *orig;             /* the case file */
	struct save_copy copy;  /* the private copy being edited; .path
				   NULL: no edit */
	char *before;           /* the original's text when copied */
	size_t before_len;
	unsigned line;
	struct diag_list diags; /* why the last try was refused */
	struct arena arena;
};

struct screen;   /* curses' SCREEN */

struct ui {
	struct app *app;
	struct screen *screen;
	FILE *null_in, *null_out;       /* the no-display mode's terminal */
	struct model model;
	struct conf conf;
	struct select sel;
	struct view stack[UI_MAX_VIEWS];
	int n_views;
	struct prompt prompt;
	char search[1024];      /* the last search, for n and N */
	long count;             /* a number typed before a key (g, G, %);
				   -1: none */
	char keyname[8][32];    /* ui_key's answers, in turn */
	int keyname_at;
	char msg[512];          /* shown on the status line until a key */
	int msg_role;
	bool redact, quiz;
	bool too_small;
	int cols, lines;
	int status_cols;        /* columns the view's status line may take */
	struct script *script;  /* the test harness, or NULL */
	struct edit edit;
	/* the edits an earlier session kept (view_kept.c), listed again
	 * whenever that view is built */
	struct save_kept *kept;
	size_t n_kept;
	char reselect[128];     /* case id to select again after a reload */
	bool reopen_case;       /* ... and to open again */
	int status;             /* exit status */
};

/* The view on top. */
struct view *ui_top(struct ui *ui);
/* Opens a view on top of the others; row: what it is about. */
int ui_open(struct ui *ui, const struct view_ops *ops, size_t row);
/* Closes the top view; quits when it was the last. */
int ui_back(struct ui *ui);
/* Rebuilds every open view (after data or redaction changed). */
void ui_rebuild(struct ui *ui);
/* Reloads the case files (views about cases are closed). */
int ui_reload(struct ui *ui);
/* A one-line message on the status line until the next key. */
void ui_message(struct ui *ui, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Rows between the title and the status line. */
int ui_body_lines(const struct ui *ui);
/* Rows available to v's content (the body less its header). */
int ui_view_height(const struct view *v);
/* Keeps v->sel visible and within v->lines. */
void ui_clamp(struct view *v);
/* The row the current view is about: its own, or the list's selection. */
size_t ui_current_row(struct ui *ui);
/* The first key bound to action a, as a sentence names it ("c",
 * "Enter", "C-d"), or "" when none is: for the hints on the status lines,
 * which follow the keymap in force.  The answer lasts eight calls. */
const char *ui_key(struct ui *ui, enum ui_action a);
/* Assesses every case again as of as_of under the law of law_as_of (the
 * files are read again; views about cases are closed). */
int ui_set_dates(struct ui *ui, struct date as_of, struct date law_as_of);
/* Runs $EDITOR (or vi) on file at line, with the terminal handed over;
 * returns the editor's exit status (-1 if it could not run). */
int ui_run_editor(struct ui *ui, const char *file, unsigned line);
/* Shows casewalk-law(7) with man, opened at the id `at` (a rule or a
 * parameter; NULL: the top) when the pager is less and the user chose
 * none.  0, or -1 with why in err. */
int ui_run_manual(struct ui *ui, const char *at, char *err, size_t n);

/* nav.c: what the loop does with an action the view left alone, and with
 * keys typed at a prompt. */
int nav_action(struct ui *ui, enum ui_action a);
int nav_prompt_key(struct ui *ui, int key);
/* Called when a load has finished: the list and every view rebuilt. */
void nav_loaded(struct ui *ui);

/* edit.c: the `e` flow (copy, edit, validate, save or keep). */
int edit_start(struct ui *ui, const char *file, unsigned line);
int edit_again(struct ui *ui);
int edit_discard(struct ui *ui);
/* On the way out (Q, a signal, q on a screen too small): an edit still
 * open is kept as a rejected edit, and msg says where (for stderr, once
 * the terminal is restored); "" when there was none. */
void edit_leave(struct ui *ui, char *msg, size_t n);
/* Takes up a kept edit again (view_kept.c): the editor runs on its text,
 * which is then checked and saved over its case file, or refused. */
int edit_restore(struct ui *ui, const struct save_kept *k);

/* view_kept.c: at start, the kept edits of the private directory, if
 * any, in a view of their own over the list, with a message. */
void view_kept_offer(struct ui *ui);
void edit_free(struct edit *e);
/* path for a message: $HOME written as ~ (buf holds it, or path is
 * returned). */
const char *edit_shown_path(const char *path, char *buf, size_t n);
/* A case file for a message: its path, or when redacting its label
 * (redact_file_labels: "case E06a"), as the errors name it. */
const char *edit_shown_file(const struct ui *ui, const char *file,
			    char *buf, size_t n);

/* view_deadlines.c, the m key: the prompt's first text (a file name
 * with the case id), or -1 after a message; then the memo of the
 * current case written to path (memo.h), its result a message. */
int memo_prompt(struct ui *ui, char *name, size_t n);
int memo_submit(struct ui *ui, const char *path);

/* Quiz mode: whether row's outcome may be shown. */
bool ui_outcome_shown(const struct ui *ui, size_t row);
/* Quiz mode: the selection told the quiz order and whether an outcome
 * is still hidden (after a load or a reveal). */
void ui_quiz_update(struct ui *ui);
/* Row's id as shown: "Case 3" in quiz mode (quiz.h), else its own. */
const char *ui_case_id(const struct ui *ui, size_t row, char *buf, size_t n);

/* The views. */
extern const struct view_ops view_list_ops, view_case_ops, view_compare_ops,
	view_stats_ops, view_errors_ops, view_rules_ops, view_help_ops,
	view_edit_ops, view_kept_ops, view_kept_text_ops, view_sort_ops,
	view_deadlines_ops, view_quiz_ops;

/* view_list.c: `w`, the list as shown written to file (listout.h). */
int view_list_write(struct ui *ui, const char *file);

/* Shared by the views built on a doc (doc.h): v->priv is a struct doc. */
void view_doc_draw(struct view *v, size_t line, int y, bool selected);
const char *view_doc_text(struct view *v, size_t line, char *buf, size_t n);
void view_doc_done(struct view *v);
/* Returns v's doc, created or emptied for the current width. */
struct doc *view_doc_reset(struct view *v);
/* The case of v->row read again in full with its assessment
 * (model_detail); when its file no longer holds it, NULL, after writing
 * why into d. */
const struct assessment *view_detail(struct view *v, struct doc *d);
/* Formats a date or "" (a convenience for the views). */
const char *view_date(struct date d, char buf[DATE_BUFSZ]);
/* A day number as a date, or `none` for ASSESS_NO_DAY. */
const char *view_day(daynum d, const char *none, char buf[DATE_BUFSZ]);
/* "as of 2026-11-27, law of 2026-11-27": the dates every header shows. */
const char *view_dates(const struct ui *ui, char *buf, size_t n);

#endif
