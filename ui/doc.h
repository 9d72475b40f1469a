/* doc.h - a page of styled lines, for the views that show text rather than
 * rows: case, compare, stats, rules, help, and the edit result.
 *
 * A view builds its doc for the current width in its `open` operation and
 * rebuilds it on resize.  Text is stored as given (case-file bytes
 * included) and sanitised when drawn; doc_wrap sanitises first and then
 * breaks lines at spaces, measuring with the text helper only.
 */
#ifndef CW_UI_DOC_H
#define CW_UI_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define DOC_SEGS 8

struct doc_seg {
	int x;                  /* column */
	int w;                  /* column budget; -1: to the right edge */
	int role;
	const char *text;
};

struct doc_line {
	struct doc_seg seg[DOC_SEGS];
	int n;
	int fill_role;          /* role of the blank rest of the line */
	const void *ref;        /* what the line is about, for the view */
};

struct doc {
	struct doc_line *v;
	size_t n, cap;
	int width;
	struct arena arena;
};

void doc_init(struct doc *d, int width);
/* Empties d for a new width (keeps its memory). */
void doc_reset(struct doc *d, int width);
void doc_free(struct doc *d);

/* A new empty line. */
struct doc_line *doc_add(struct doc *d);
/* Appends a segment to line l at column x; text is copied.  w: budget in
 * columns (-1: up to the right edge). */
void doc_put(struct doc *d, struct doc_line *l, int x, int w, int role,
	     const char *text);
/* Appends a formatted segment; returns the columns it takes. */
int doc_putf(struct doc *d, struct doc_line *l, int x, int role,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A new line holding one formatted segment at x. */
struct doc_line *doc_linef(struct doc *d, int x, int role, const char *fmt,
			   ...) __attribute__((format(printf, 4, 5)));
/* Adds text wrapped between columns x and x + w (w <= 0: to the right
 * edge), one line per row; line breaks in text are kept.  Continuation
 * lines start at column x too.  Returns the number of lines added. */
size_t doc_wrap(struct doc *d, int x, int w, int role, const char *text);
/* "label value": the value wrapped with a hanging indent after the
 * label (drawn dim); returns the number of lines added. */
size_t doc_field(struct doc *d, int x, const char *label, int role,
		 const char *value);
/* Wraps text into up to max lines of w columns; returns how many, each a
 * string copied into d's arena. */
size_t doc_split(struct doc *d, int w, const char *text, const char **out,
		 size_t max);

/* Draws line i of d at screen row y. */
void doc_draw(const struct doc *d, size_t i, int y, bool selected);
/* The sanitised text of line i, segments joined by spaces, for search. */
const char *doc_text(const struct doc *d, size_t i, char *buf, size_t n);

#endif
