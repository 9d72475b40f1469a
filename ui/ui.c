/* ui.c - the explorer: terminal set-up and teardown, signals, the one
 * drawing loop, and the test harness's commands.
 *
 * The loop reads one event (a key, a resize, a script command, or a tick
 * while loading), hands it to a handler that returns flags, and then
 * draws the top view into stdscr and calls doupdate once.  Nothing else
 * draws.  Signal handlers only set a flag that the loop reads.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "app.h"
#include "draw.h"
#include "keys.h"
#include "quiz.h"
#include "text.h"
#include "view.h"

/* The only state outside the loop's context: a signal handler and an
 * atexit function can reach nothing else. */
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t curses_active;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* Leaves curses with the screen cleared first: a terminal without an
 * alternate screen (vt100, the Linux console) would otherwise keep the
 * client list on the shell's screen. */
static void leave_curses(void)
{
	if (!curses_active)
		return;
	curses_active = 0;
	clear();
	refresh();
	endwin();
}

/* Fatal paths that call exit() still leave a usable terminal. */
static void restore_at_exit(void)
{
	leave_curses();
}

/* Installed before curses starts, so that curses does not install its own
 * SIGINT/SIGTERM handlers (which call endwin from the handler). */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocked read returns and the loop looks */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* ---- terminal ---------------------------------------------------------- */

static int env_int(const char *name, int dflt, int lo, int hi)
{
	const char *s = getenv(name);
	int n = s && *s ? atoi(s) : 0;
	return n >= lo && n <= hi ? n : dflt;
}

/* Whether the current terminal can address the cursor, which every
 * screen needs. */
static bool can_draw(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (const char *)-1;
}

static int term_open(struct ui *ui)
{
	SCREEN *scr;
	if (ui->script) {
		/* no display: curses writes to /dev/null; the screen lives
		 * in memory and :dump reads it back */
		const char *term = getenv("TERM");
		ui->null_out = fopen("/dev/null", "w");
		ui->null_in = fopen("/dev/null", "r");
		if (!ui->null_out || !ui->null_in)
			return 2;
		scr = newterm(term && *term ? term : "xterm-256color",
			      ui->null_out, ui->null_in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fputs("casewalk: the explorer needs a terminal; for "
			      "scripts use 'casewalk check'\n", stderr);
			return 2;
		}
		scr = newterm(NULL, stdout, stdin);
	}
	const char *term = getenv("TERM");
	if (!scr) {
		fprintf(stderr, "casewalk: the terminal type '%s' is unknown "
			"(TERM); the explorer needs one it can draw on, such "
			"as xterm-256color\n", term && *term ? term : "");
		return 2;
	}
	set_term(scr);
	if (!can_draw()) {
		/* a terminal that cannot move the cursor (TERM=dumb) would
		 * show the screens as a stream of lines */
		endwin();
		delscreen(scr);
		fprintf(stderr, "casewalk: the terminal type '%s' cannot move "
			"the cursor (TERM); the explorer needs one that can, "
			"such as xterm-256color; for scripts use 'casewalk "
			"check'\n", term && *term ? term : "");
		return 2;
	}
	ui->screen = (struct screen *)scr;
	curses_active = 1;
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	const char *nc = getenv("NO_COLOR");
	draw_setup(ui->conf.style, !(nc && *nc));
	if (ui->script)
		resizeterm(env_int("LINES", 24, 1, 1000),
			   env_int("COLUMNS", 80, 1, 1000));
	return 0;
}

static void term_close(struct ui *ui)
{
	leave_curses();
	if (ui->screen)
		delscreen((SCREEN *)ui->screen);
	ui->screen = NULL;
	if (ui->null_out)
		fclose(ui->null_out);
	if (ui->null_in)
		fclose(ui->null_in);
	ui->null_in = ui->null_out = NULL;
}

/* Runs `sh -c script sh a b` with the terminal handed over: curses
 * leaves, ^C and ^\ belong to the child, ^Z stops us with it and fg
 * resumes us silent (curses' own handler would redraw our screen over
 * the child's; ours is drawn again when the child exits).  Returns the
 * child's exit status, -1 if it could not run or was killed. */
static int run_child(const char *script, const char *a, const char *b)
{
	int status = -1;
	struct sigaction ign, dfl, old_int, old_quit, old_tstp;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGTSTP, &dfl, &old_tstp);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		/* the arguments are passed as arguments, never parsed */
		execl("/bin/sh", "sh", "-c", script, "sh", a, b, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int ui_run_editor(struct ui *ui, const char *file, unsigned line)
{
	char arg[32];
	(void)ui;
	snprintf(arg, sizeof(arg), "+%u", line ? line : 1);
	/* the shell splits $EDITOR ("code -w" works) */
	return run_child("exec ${EDITOR:-vi} \"$@\"", arg, file);
}

/* Where casewalk-law(7) is: the source tree's page when casewalk runs
 * from it (make run), else the installed one; NULL: neither is there,
 * and man looks the page up by name. */
static const char *law_page(void)
{
	static const char *const pages[] = {
		CASEWALK_SRCDIR "/man/casewalk-law.7",
		CASEWALK_MANDIR "/man7/casewalk-law.7",
	};
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		if (access(pages[i], R_OK) == 0)
			return pages[i];
	return NULL;
}

int ui_run_manual(struct ui *ui, const char *at, char *err, size_t n)
{
	char pat[64];
	size_t k = 0;
	(void)ui;
	/* an id goes into $MANPAGER: letters, digits, _ . - only */
	for (; at && at[k] && k + 1 < sizeof(pat); k++) {
		unsigned char c = (unsigned char)at[k];
		if (!(c == '_' || c == '.' || c == '-' || (c >= '0' && c <= '9') ||
		      ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			break;
		pat[k] = (char)c;
	}
	pat[k] = '\0';
	const char *page = law_page();
	/* less opens at the id's entry (a line of its own) unless the user
	 * chose a pager */
	int st = run_child(
		"if [ -z \"${MANPAGER-}\" ] && [ -z \"${PAGER-}\" ] && "
		"[ -n \"$2\" ] && command -v less >/dev/null 2>&1; then "
		"MANPAGER=\"less -p '^ *$2\\$'\"; export MANPAGER; fi; "
		"command -v man >/dev/null 2>&1 || exit 126; "
		"if [ -n \"$1\" ]; then exec man -l \"$1\"; fi; "
		"exec man casewalk-law", page ? page : "", pat);
	if (st == 0)
		return 0;
	if (st == 126)
		snprintf(err, n, "man is not installed: casewalk-law(7) is %s",
			 page ? page : "not installed either");
	else
		snprintf(err, n, "man could not show casewalk-law(7)%s%s",
			 page ? ": " : " (not installed)", page ? page : "");
	return -1;
}

/* ---- drawing ----------------------------------------------------------- */

const char *view_dates(const struct ui *ui, char *buf, size_t n)
{
	char a[DATE_BUFSZ], l[DATE_BUFSZ];
	date_format(ui->model.as_of, a);
	date_format(ui->model.law_as_of, l);
	snprintf(buf, n, "as of %s, law of %s", a, l);
	return buf;
}

/* The view's title on the left; on the right the dates every answer is
 * for, the modes, and the disclaimer when it fits. */
static void draw_title(struct ui *ui, struct view *v)
{
	char left[256], right[160], dates[64];
	v->ops->title(v, left, sizeof(left));
	view_dates(ui, dates, sizeof(dates));
	draw_fill(0, 0, ui->cols, ROLE_TITLE, false);
	int w = draw_text(0, 1, ui->cols - 1, ROLE_TITLE, false, left);
	for (int full = 1; full >= 0; full--) {
		snprintf(right, sizeof(right), "%s%s%s%s", ui->redact ?
			 "[redacted] " : "", ui->quiz ? "[quiz] " : "", dates,
			 full ? " | not legal advice" : "");
		int rw = text_width(right, strlen(right));
		if (w + rw + 3 <= ui->cols) {
			draw_text(0, ui->cols - rw - 1, rw, ROLE_TITLE, false,
				  right);
			break;
		}
	}
}

static const char *prompt_label(int kind)
{
	switch (kind) {
	case PROMPT_SEARCH: return "/";
	case PROMPT_FILTER: return "filter: ";
	case PROMPT_DATES: return "dates (WHEN, or AS-OF LAW, or law WHEN): ";
	case PROMPT_WRITE: return "write the list to (.csv, .json, else text): ";
	case PROMPT_MEMO: return "memo to file (.pdf, .md, else text): ";
	case PROMPT_QUIT: return "";
	default: return "";
	}
}

/* text wrapped on the lines that end just above row y, over what the view
 * drew there (at most 6 lines, half the view). */
static void draw_above(struct ui *ui, int y, int role, const char *text)
{
	struct doc tmp;
	const char *lines[6];
	size_t max = (size_t)(y - 1) / 2 < 6 ? (size_t)(y - 1) / 2 : 6;
	if (!max)
		return;
	doc_init(&tmp, ui->cols);
	size_t n = doc_split(&tmp, ui->cols - 1, text, lines, max);
	for (size_t i = 0; i < n; i++) {
		int row = y - (int)n + (int)i;
		draw_fill(row, 0, ui->cols, role, false);
		draw_text(row, 0, ui->cols, role, false, lines[i]);
	}
	doc_free(&tmp);
}

/* The prompt on the last line; what is wrong with the text typed on the
 * line above, as it is typed. */
static void draw_prompt(struct ui *ui, int y)
{
	const struct prompt *p = &ui->prompt;
	draw_fill(y, 0, ui->cols, ROLE_PROMPT, false);
	if (p->kind == PROMPT_QUIT) {
		draw_text(y, 0, ui->cols, ROLE_PROMPT, false, ui->edit.copy.path ?
			  "quit casewalk? an edit is pending (y quits, any other "
			  "key stays)" : "quit casewalk? a filter is set (y quits, "
			  "any other key stays)");
		return;
	}
	const char *label = prompt_label(p->kind);
	int x = draw_text(y, 0, ui->cols, ROLE_PROMPT, false, label);
	/* the old text selected: typing replaces it */
	x += draw_text(y, x, ui->cols - x, ROLE_PROMPT, p->selected, p->buf);
	draw_text(y, x, ui->cols - x, ROLE_PROMPT, false, "_");
	/* over the last lines of the view: the nearest name ("did you mean
	 * ...?") comes last and must show */
	if (p->err[0])
		draw_above(ui, y, ROLE_ERROR, p->err);
}

/* "line N of M", tig's place in a view. */
static void place(const struct view *v, char *buf, size_t n)
{
	buf[0] = '\0';
	if (v->lines > 1)
		snprintf(buf, n, "line %zu of %zu", (v->ops->cursor ? v->sel :
			 v->top) + 1, v->lines);
}

static void draw_status(struct ui *ui, struct view *v)
{
	int y = ui->lines - 1;
	char buf[512], where[64];
	if (ui->prompt.kind != PROMPT_NONE) {
		draw_prompt(ui, y);
		return;
	}
	draw_fill(y, 0, ui->cols, ROLE_STATUS, false);
	if (ui->msg[0]) {
		/* a long message ends on the status line, its start above */
		struct doc tmp;
		const char *lines[7];
		doc_init(&tmp, ui->cols);
		size_t n = doc_split(&tmp, ui->cols - 1, ui->msg, lines, 7);
		size_t above = n ? n - 1 : 0, room = (size_t)(y > 1 ? y - 1 : 0) / 2;
		if (above > room)
			above = room;
		for (size_t i = 0; i < above; i++) {
			int row = y - (int)above + (int)i;
			draw_fill(row, 0, ui->cols, ui->msg_role, false);
			draw_text(row, 0, ui->cols, ui->msg_role, false,
				  lines[n - 1 - above + i]);
		}
		draw_text(y, 0, ui->cols, ui->msg_role, false, n ? lines[n - 1] :
			  "");
		doc_free(&tmp);
		return;
	}
	buf[0] = 0;
	place(v, where, sizeof(where));
	int rw = text_width(where, strlen(where));
	/* the view's status knows the width it has (view_list: what gives
	 * way first) */
	ui->status_cols = ui->cols - (rw ? rw + 2 : 0);
	if (!model_ready(&ui->model))
		model_progress(&ui->model, buf, sizeof(buf));
	else if (v->ops->status)
		v->ops->status(v, buf, sizeof(buf));
	int w = draw_text(y, 0, ui->cols, ROLE_STATUS, false, buf);
	if (rw && w + rw + 2 <= ui->cols)
		draw_text(y, ui->cols - rw, rw, ROLE_STATUS, false, where);
}

/* The cells of row y as wide characters, one per column (a wide
 * character's second cell holds 0). */
static int row_cells(int y, int cols, wchar_t *out)
{
	for (int x = 0; x < cols; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = { 0 };
		attr_t attr;
		short pair;
		out[x] = L' ';
		if (mvin_wch(y, x, &cc) == ERR ||
		    getcchar(&cc, wc, &attr, &pair, NULL) == ERR)
			continue;
		out[x] = wc[0] ? wc[0] : L' ';
		if (wcwidth(wc[0]) == 2 && x + 1 < cols)
			out[++x] = 0;
	}
	return cols;
}

/* Highlights every match of pat (ASCII case folded, as the search
 * finds it) on the screen rows y0 .. y0 + n - 1. */
static void highlight(struct ui *ui, const char *pat, int y0, int n)
{
	wchar_t wp[256], cells[1024];
	size_t lp = mbstowcs(wp, pat, 255);
	if (!pat[0] || lp == (size_t)-1 || lp == 0 || ui->cols > 1024)
		return;
	for (int y = y0; y < y0 + n; y++) {
		int cols = row_cells(y, ui->cols, cells);
		for (int x = 0; x + (int)lp <= cols; x++) {
			size_t k = 0;
			while (k < lp && x + (int)k < cols &&
			       towlower((wint_t)cells[x + (int)k]) ==
			       towlower((wint_t)wp[k]))
				k++;
			if (k == lp) {
				draw_recolor(y, x, (int)lp, ROLE_MATCH);
				x += (int)lp - 1;
			}
		}
	}
}

static void draw_screen(struct ui *ui)
{
	erase();
	if (ui->too_small) {
		char buf[96];
		snprintf(buf, sizeof(buf), "too small: need %dx%d; q quits",
			 UI_MIN_COLS, UI_MIN_LINES);
		draw_text(0, 0, ui->cols, ROLE_NORMAL, false, buf);
		wnoutrefresh(stdscr);
		return;
	}
	struct view *v = ui_top(ui);
	int y0 = 1;
	draw_title(ui, v);
	if (v->ops->header)
		v->ops->header(v, y0++);
	for (int y = 0; y < ui_view_height(v); y++) {
		size_t line = v->top + (size_t)y;
		bool sel = v->ops->cursor && line == v->sel;
		if (line >= v->lines)
			break;
		v->ops->draw(v, line, y0 + y, sel);
		/* the selection is also a mark, for monochrome terminals
		 * and for the screen dumps of the tests */
		if (sel)
			draw_text(y0 + y, 0, 1, ROLE_NORMAL, true, ">");
	}
	highlight(ui, ui->prompt.kind == PROMPT_SEARCH ? ui->prompt.buf :
		  ui->search, y0, ui_view_height(v));
	draw_status(ui, v);
	wnoutrefresh(stdscr);
}

static void relayout(struct ui *ui)
{
	getmaxyx(stdscr, ui->lines, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->lines < UI_MIN_LINES;
	if (!ui->too_small)
		ui_rebuild(ui);
}

/* ---- the test harness -------------------------------------------------- */

/* Appends the UTF-8 form of the characters in cell cc to buf. */
static size_t cell_text(const cchar_t *cc, char *buf, size_t n)
{
	wchar_t wc[CCHARW_MAX + 1] = { 0 };
	attr_t attr;
	short pair;
	size_t len = 0;
	mbstate_t st;
	if (getcchar(cc, wc, &attr, &pair, NULL) == ERR)
		return 0;
	memset(&st, 0, sizeof(st));
	for (int i = 0; i < CCHARW_MAX && wc[i] && len + MB_LEN_MAX < n; i++) {
		size_t k = wcrtomb(buf + len, wc[i], &st);
		if (k == (size_t)-1)
			buf[len++] = '?';
		else
			len += k;
	}
	return len;
}

static int dump_screen(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	size_t cap = (size_t)COLS * (CCHARW_MAX * MB_LEN_MAX + 1) + 2;
	char *line = xmalloc(cap);
	for (int y = 0; y < LINES; y++) {
		size_t len = 0;
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = { 0 };
			attr_t attr;
			short pair;
			if (mvin_wch(y, x, &cc) == ERR)
				continue;
			len += cell_text(&cc, line + len, cap - len);
			/* curses repeats a wide character in the cell it
			 * covers; it placed it by wcwidth, so skip by that */
			if (getcchar(&cc, wc, &attr, &pair, NULL) != ERR &&
			    wcwidth(wc[0]) == 2)
				x++;
		}
		while (len && line[len - 1] == ' ')
			len--;
		fprintf(f, "%.*s\n", (int)len, line);
	}
	free(line);
	return fclose(f) ? -1 : 0;
}

static int script_command(struct ui *ui, const char *cmd)
{
	int cols, rows;
	char path[512];
	if (sscanf(cmd, "dump %511s", path) == 1) {
		if (dump_screen(path))
			fprintf(stderr, "casewalk: script: cannot write %s\n",
				path);
		return UI_HANDLED;
	}
	if (sscanf(cmd, "resize %d %d", &cols, &rows) == 2 && cols > 0 &&
	    rows > 0 && cols <= 1000 && rows <= 1000) {
		resizeterm(rows, cols);
		return UI_RESIZE;
	}
	if (sscanf(cmd, "clock %511s", path) == 1) {
		/* for `make bench`: keystroke latency without the load */
		struct timespec t;
		FILE *f = fopen(path, "a");
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (!f || fprintf(f, "%lld.%09ld\n", (long long)t.tv_sec,
				  t.tv_nsec) < 0 || fclose(f))
			fprintf(stderr, "casewalk: script: cannot write %s\n",
				path);
		return UI_HANDLED;
	}
	if (!strcmp(cmd, "wait-load")) {
		if (model_wait(&ui->model))
			nav_loaded(ui);
		return UI_REDRAW;
	}
	if (!strcmp(cmd, "quit"))
		return UI_QUIT;
	fprintf(stderr, "casewalk: %s:%u: unknown command ':%s'\n",
		ui->script->name, ui->script->lineno, cmd);
	ui->status = 2;
	return UI_QUIT;
}

/* ---- events ------------------------------------------------------------ */

enum ev_kind { EV_TICK, EV_KEY, EV_RESIZE, EV_CMD, EV_QUIT };

struct ui_event {
	int kind;
	int key;
	const char *cmd;
};

static void next_event(struct ui *ui, struct ui_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	if (got_signal) {
		ev->kind = EV_QUIT;
		ui->status = 128 + got_signal;
		return;
	}
	if (ui->script) {
		struct script_event se;
		script_next(ui->script, &se);
		ev->kind = se.kind == SCRIPT_KEY ? EV_KEY :
			se.kind == SCRIPT_CMD ? EV_CMD : EV_QUIT;
		ev->key = se.key;
		ev->cmd = se.cmd;
		if (se.kind == SCRIPT_ERROR) {
			fprintf(stderr, "casewalk: %s\n", se.error);
			ui->status = 2;
		}
		return;
	}
	wint_t wc;
	/* wake up now and then: to draw progress, and to see signals;
	 * at once while a view has work to do */
	timeout(ui_top(ui)->working ? 0 : ui->model.loading ? 100 : 1000);
	int r = get_wch(&wc);
	if (r == ERR)
		return;
	if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
		ev->kind = EV_RESIZE;
		return;
	}
	ev->kind = EV_KEY;
	ev->key = keys_from_curses((int)wc, r == KEY_CODE_YES);
}

/* A digit that no key binds starts or continues a count (less: 50%,
 * 10G). */
static bool count_key(struct ui *ui, int key)
{
	if (key < '0' || key > '9' || (key == '0' && ui->count < 0))
		return false;
	long n = (ui->count < 0 ? 0 : ui->count) * 10 + (key - '0');
	ui->count = n > 9999999 ? 9999999 : n;
	ui_message(ui, ROLE_MESSAGE, "%ld", ui->count);
	return true;
}

static int handle_key(struct ui *ui, int key)
{
	ui->msg[0] = 0;
	if (ui->prompt.kind != PROMPT_NONE)
		return nav_prompt_key(ui, key);
	enum ui_action a = keymap_lookup(&ui->conf.keys, key);
	if (ui->too_small)
		return a == ACT_QUIT || a == ACT_BACK ? UI_QUIT : UI_HANDLED;
	if (a == ACT_NONE && count_key(ui, key))
		return UI_REDRAW;
	if (a == ACT_NONE) {
		char name[32];
		ui->count = -1;
		/* mutt's words */
		ui_message(ui, ROLE_MESSAGE, "Key is not bound: %s.  Press %s "
			   "for help.", keys_name(key, name, sizeof(name)),
			   ui_key(ui, ACT_HELP));
		return UI_REDRAW;
	}
	if (a != ACT_MOVE_FIRST && a != ACT_MOVE_LAST && a != ACT_PERCENT &&
	    a != ACT_MOVE_DOWN && a != ACT_MOVE_UP)
		ui->count = -1;
	struct view *v = ui_top(ui);
	int flags = v->ops->request ? v->ops->request(v, a) : 0;
	return flags ? flags : nav_action(ui, a);
}

static int handle(struct ui *ui, const struct ui_event *ev)
{
	switch (ev->kind) {
	case EV_KEY:
		return handle_key(ui, ev->key);
	case EV_RESIZE:
		return UI_RESIZE;
	case EV_CMD:
		return script_command(ui, ev->cmd);
	case EV_QUIT:
		return UI_QUIT;
	default:
		/* a tick: only the progress line may have changed */
		return ui->model.loading || ui_top(ui)->working ? UI_REDRAW : 0;
	}
}

/* A step of the top view's work (the S view's second pass), between
 * events; a script waits for all of it, so that its screens do not
 * depend on the machine's speed. */
static int work(struct ui *ui)
{
	struct view *v = ui_top(ui);
	if (ui->too_small || !v->working || !v->ops->work)
		return 0;
	do
		v->ops->work(v);
	while (ui->script && v->working);
	return UI_REDRAW;
}

static void run(struct ui *ui)
{
	int flags = UI_RESIZE;
	while (!(flags & UI_QUIT)) {
		if (model_poll(&ui->model)) {
			nav_loaded(ui);
			flags |= UI_REDRAW;
		}
		if (flags & UI_RESIZE)
			relayout(ui);
		flags |= work(ui);
		if (flags & (UI_REDRAW | UI_RESIZE | UI_HANDLED))
			draw_screen(ui);
		doupdate();
		struct ui_event ev;
		next_event(ui, &ev);
		flags = handle(ui, &ev);
	}
}

/* ---- set-up ------------------------------------------------------------ */

static int init(struct ui *ui, struct app *app, struct script *script)
{
	const char *path = getenv("CASEWALK_SCRIPT");
	memset(ui, 0, sizeof(*ui));
	ui->app = app;
	ui->redact = app->redact;
	ui->quiz = app->quiz;
	ui->count = -1;
	select_init(&ui->sel);
	ui->sel.redact = ui->redact;
	if (ui->quiz)
		ui->sel.sort.n = 0;     /* the quiz order (quiz.h) */
	if (conf_load(&ui->conf, app->config_file))
		return 2;
	if (path && *path) {
		if (!script_open(script, path)) {
			fprintf(stderr, "casewalk: CASEWALK_SCRIPT: %s: %s\n",
				path, strerror(errno));
			return 2;
		}
		ui->script = script;
	}
	catch_signals();
	atexit(restore_at_exit);
	/* out of memory, on any thread: the terminal first, then the
	 * message, where the user can read it */
	xalloc_on_fatal(restore_at_exit);
	return term_open(ui);
}

static void done(struct ui *ui)
{
	while (ui->n_views > 0) {
		struct view *v = &ui->stack[--ui->n_views];
		if (v->ops->done)
			v->ops->done(v);
	}
	term_close(ui);
	edit_free(&ui->edit);
	save_kept_free(ui->kept, ui->n_kept);
	model_free(&ui->model);
	select_free(&ui->sel);
	conf_free(&ui->conf);
	if (ui->script)
		script_close(ui->script);
}

int ui_main(struct app *app)
{
	struct ui ui;
	struct script script;
	int st = init(&ui, app, &script);
	if (st) {
		done(&ui);
		return st;
	}
	model_start(&ui.model, app, app->as_of, app->law_as_of);
	ui_open(&ui, &view_list_ops, UI_NO_ROW);
	/* what an earlier session kept, or left when it was killed */
	view_kept_offer(&ui);
	run(&ui);
	/* however we leave, an edit still open is kept, and said where
	 * once the screen is gone */
	char left[1536];
	edit_leave(&ui, left, sizeof(left));
	st = ui.status;
	done(&ui);
	if (left[0])
		fprintf(stderr, "casewalk: %s\n", left);
	return st;
}

/* ---- services for the views -------------------------------------------- */

struct view *ui_top(struct ui *ui)
{
	return &ui->stack[ui->n_views - 1];
}

int ui_open(struct ui *ui, const struct view_ops *ops, size_t row)
{
	if (ui->n_views == UI_MAX_VIEWS)
		return UI_HANDLED;
	struct view *v = &ui->stack[ui->n_views++];
	memset(v, 0, sizeof(*v));
	v->ops = ops;
	v->ui = ui;
	v->row = row;
	if (!ui->too_small && ui->cols)
		ops->open(v);
	return UI_REDRAW;
}

int ui_back(struct ui *ui)
{
	if (ui->n_views <= 1)
		return UI_QUIT;
	struct view *v = &ui->stack[--ui->n_views];
	if (v->ops->done)
		v->ops->done(v);
	return UI_REDRAW;
}

void ui_rebuild(struct ui *ui)
{
	if (ui->too_small || !ui->cols)
		return;
	for (int i = 0; i < ui->n_views; i++) {
		ui->stack[i].ops->open(&ui->stack[i]);
		ui_clamp(&ui->stack[i]);
	}
}

void ui_message(struct ui *ui, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof(ui->msg), fmt, ap);
	va_end(ap);
	ui->msg_role = role;
}

int ui_body_lines(const struct ui *ui)
{
	return ui->lines > 2 ? ui->lines - 2 : 0;
}

int ui_view_height(const struct view *v)
{
	int h = ui_body_lines(v->ui) - (v->ops->header ? 1 : 0);
	return h > 0 ? h : 0;
}

void ui_clamp(struct view *v)
{
	size_t h = (size_t)ui_view_height(v);
	if (!h)
		return;
	if (v->sel >= v->lines)
		v->sel = v->lines ? v->lines - 1 : 0;
	if (!v->ops->cursor) {
		/* a page scrolls: its top stays where a full page fits */
		size_t max = v->lines > h ? v->lines - h : 0;
		if (v->top > max)
			v->top = max;
		v->sel = v->top;
		return;
	}
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + h)
		v->top = v->sel - h + 1;
}

size_t ui_current_row(struct ui *ui)
{
	struct view *v = ui_top(ui);
	if (v->row != UI_NO_ROW)
		return v->row;
	if (v->ops == &view_list_ops && v->sel < ui->sel.n)
		return ui->sel.idx[v->sel];
	return UI_NO_ROW;
}

const char *ui_key(struct ui *ui, enum ui_action a)
{
	char *buf = ui->keyname[ui->keyname_at++ % 8];
	const struct keymap *m = &ui->conf.keys;
	buf[0] = '\0';
	for (int i = 0; i < m->n; i++) {
		if (m->v[i].act != a)
			continue;
		keys_name(m->v[i].key, buf, sizeof(ui->keyname[0]));
		/* in a sentence a named key reads as its name: Enter, Tab */
		size_t len = strlen(buf);
		if (len > 2 && buf[0] == '<' && buf[len - 1] == '>') {
			memmove(buf, buf + 1, len - 2);
			buf[len - 2] = '\0';
			if (!strcmp(buf, "lt"))
				strcpy(buf, "<");
		}
		return buf;
	}
	return buf;
}

void ui_quiz_update(struct ui *ui)
{
	struct model *m = &ui->model;
	ui->sel.quiz_order = ui->quiz ? m->quiz_order : NULL;
	ui->sel.quiz_hidden = false;
	for (size_t i = 0; ui->quiz && i < model_rows(m); i++)
		if (!m->revealed[i])
			ui->sel.quiz_hidden = true;
}

const char *ui_case_id(const struct ui *ui, size_t row, char *buf, size_t n)
{
	if (ui->quiz && ui->model.quiz_no && row < model_rows(&ui->model))
		return quiz_label(ui->model.quiz_no[row], buf, n);
	return model_case(&ui->model, row)->id;
}

bool ui_outcome_shown(const struct ui *ui, size_t row)
{
	return !ui->quiz || (row < model_rows(&ui->model) &&
			     ui->model.revealed[row]);
}
