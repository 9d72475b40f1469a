/* draw.c - roles to curses attributes; sanitised text; see draw.h. */
#define _XOPEN_SOURCE 700
#include "draw.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

#define UI_ROLE_NAME(id, name) [id] = name,
const char *const ui_role_names[ROLE__COUNT] = { UI_ROLES(UI_ROLE_NAME) };

/* The looks in use, set once by draw_setup from the configuration: owned by
 * the drawing module because curses' colour pairs are process-wide too. */
static struct {
	attr_t attr[ROLE__COUNT];
	bool color;
	bool utf8;
	bool sel_colored;       /* the selection has colours of its own */
} looks;

void draw_setup(const struct ui_style style[ROLE__COUNT], bool use_color)
{
	const char *cs = nl_langinfo(CODESET);
	looks.utf8 = cs && !strcmp(cs, "UTF-8");
	looks.color = use_color && has_colors() && start_color() == OK;
	if (looks.color)
		use_default_colors();
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!looks.color) {
			looks.attr[r] = style[r].mono_attr;
			continue;
		}
		if (r == ROLE_SELECTED)
			looks.sel_colored = style[r].fg >= 0 || style[r].bg >= 0;
		short fg = style[r].fg < COLORS ? style[r].fg : -1;
		short bg = style[r].bg < COLORS ? style[r].bg : -1;
		init_pair((short)(r + 1), fg, bg);
		looks.attr[r] = style[r].color_attr | COLOR_PAIR(r + 1);
	}
}

bool draw_has_color(void)
{
	return looks.color;
}

static attr_t look(int role, bool selected)
{
	attr_t a = looks.attr[role >= 0 && role < ROLE__COUNT ? role : 0];
	if (selected) {
		/* without colours of its own, the selection keeps the role's
		 * colour and adds its attributes (reverse by default), so a
		 * red cell stays red; colour pairs are replaced, never or-ed */
		attr_t s = looks.attr[ROLE_SELECTED];
		if (looks.sel_colored)
			a = s;
		else
			a |= (s & ~(attr_t)A_COLOR) | A_REVERSE;
	}
	return a;
}

/* text_fit measures with utf8proc, but curses places characters by the C
 * library's wcwidth, and the two disagree on a few scripts (spacing
 * vowel signs, some emoji).  Where curses would need more columns than we
 * have, drop characters from the end and end with the ellipsis, so that
 * nothing spills into the next column or wraps at the screen's edge. */
static void clip_for_curses(char *out, int cols)
{
	wchar_t w[512];
	size_t n = mbstowcs(w, out, sizeof(w) / sizeof(*w) - 1);
	if (n == (size_t)-1 || n == sizeof(w) / sizeof(*w) - 1)
		return;
	int width = wcswidth(w, n);
	if (width >= 0 && width <= cols)
		return;
	while (n > 0) {
		int cw = 0;
		for (size_t i = 0; i < n; i++)
			cw += wcwidth(w[i]) > 0 ? wcwidth(w[i]) : 0;
		if (cw + 1 <= cols)
			break;
		n--;
	}
	w[n++] = 0x2026;
	w[n] = 0;
	if (wcstombs(out, w, (size_t)cols * 16 + 16) == (size_t)-1)
		out[0] = 0;
}

int draw_text(int y, int x, int cols, int role, bool selected, const char *s)
{
	if (cols <= 0 || !s)
		return 0;
	size_t len = strlen(s);
	char stackbuf[1024];
	size_t need = TEXT_SAFE_SIZE(len);
	/* never more bytes than the columns can show, whatever the input */
	if (need > (size_t)cols * 16 + 16)
		need = (size_t)cols * 16 + 16;
	char *out = need <= sizeof(stackbuf) ? stackbuf : malloc(need);
	if (!out)
		return 0;
	/* outside a UTF-8 locale curses draws each byte of a UTF-8
	 * character as a cell: write ASCII, a byte per column */
	int w = text_fit_cs(s, len, cols, out, need, NULL, looks.utf8 ?
			    TEXT_UTF8 : TEXT_ASCII);
	if (looks.utf8)
		clip_for_curses(out, cols);
	attrset(look(role, selected));
	mvaddstr(y, x, out);
	attrset(A_NORMAL);
	if (out != stackbuf)
		free(out);
	return w;
}

void draw_fill(int y, int x, int cols, int role, bool selected)
{
	if (cols <= 0)
		return;
	attrset(look(role, selected));
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

void draw_recolor(int y, int x, int n, int role)
{
	attr_t a = look(role, false);
	if (n > 0)
		mvchgat(y, x, n, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
}

const char *draw_ellipsis(void)
{
	return looks.utf8 ? "\xE2\x80\xA6" : "~";
}

const char *draw_sort_mark(bool descending)
{
	if (looks.utf8)
		return descending ? "\xE2\x96\xBC" : "\xE2\x96\xB2";
	return descending ? "v" : "^";
}

const char *draw_bar_cell(void)
{
	return looks.utf8 ? "\xE2\x96\x88" : "#";
}

void draw_bar(int y, int x, int n, int role)
{
	attrset(look(role, false));
	move(y, x);
	for (int i = 0; i < n; i++)
		addstr(draw_bar_cell());
	attrset(A_NORMAL);
}
