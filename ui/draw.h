/* draw.h - colours by role, and the only way text reaches the screen.
 *
 * Every string drawn goes through draw_text, which passes it through
 * text_fit (text.h): nothing from a case file reaches the terminal raw, and
 * widths are counted in columns, never bytes.  Colours are chosen by role,
 * not by view; config/casewalk.conf maps roles to colours (`colors:`) and,
 * for monochrome terminals and NO_COLOR, to attributes (`mono:`).
 */
#ifndef CW_UI_DRAW_H
#define CW_UI_DRAW_H

#include <stdbool.h>

#define UI_ROLES(X) \
	X(ROLE_NORMAL, "normal") \
	X(ROLE_TITLE, "title") \
	X(ROLE_STATUS, "status") \
	X(ROLE_HEADER, "header") \
	X(ROLE_SELECTED, "selected") \
	X(ROLE_SECTION, "section") \
	X(ROLE_DIM, "dim") \
	X(ROLE_PATH_ORDER, "path-order") \
	X(ROLE_PATH_NO_ORDER, "path-no-order") \
	X(ROLE_PATH_RELIEF, "path-relief") \
	X(ROLE_PATH_OPEN, "path-open") \
	X(ROLE_NO_HEARING, "no-hearing") \
	X(ROLE_RUNNING, "running") \
	X(ROLE_MET, "met") \
	X(ROLE_UNMET, "unmet") \
	X(ROLE_UNKNOWN, "unknown") \
	X(ROLE_DIFF, "diff") \
	X(ROLE_ERROR, "error") \
	X(ROLE_WARNING, "warning") \
	X(ROLE_BAR, "bar") \
	X(ROLE_BAR_ALT, "bar-alt") \
	X(ROLE_PROMPT, "prompt") \
	X(ROLE_MESSAGE, "message") \
	X(ROLE_MATCH, "match")

#define UI_ROLE_ENUM(id, name) id,
enum ui_role { UI_ROLES(UI_ROLE_ENUM) ROLE__COUNT };

extern const char *const ui_role_names[ROLE__COUNT];

/* A role's look: colours (-1: the terminal's default) and attributes, for
 * colour terminals and for monochrome ones. */
struct ui_style {
	short fg, bg;
	unsigned color_attr, mono_attr;
};

/* Sets up colour pairs; colour is off when the terminal has none or when
 * NO_COLOR is set.  Call after initscr. */
void draw_setup(const struct ui_style style[ROLE__COUNT], bool use_color);
bool draw_has_color(void);

/* Draws s (any bytes) at y, x in at most cols columns with role's look
 * (reversed when selected).  Returns the columns used. */
int draw_text(int y, int x, int cols, int role, bool selected, const char *s);
/* Fills cols columns at y, x with blanks in role's look. */
void draw_fill(int y, int x, int cols, int role, bool selected);
/* Gives the n cells at y, x role's look, keeping their text (a search
 * match). */
void draw_recolor(int y, int x, int n, int role);
/* A horizontal bar of n cells. */
void draw_bar(int y, int x, int n, int role);
/* The mark of a cut: U+2026 in a UTF-8 locale, else '~' (text.h). */
const char *draw_ellipsis(void);
/* The sorted column's mark: up or down triangles, else ^ and v. */
const char *draw_sort_mark(bool descending);
/* The bar cell: a full block in a UTF-8 locale, else '#'. */
const char *draw_bar_cell(void);

#endif
