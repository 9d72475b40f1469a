/* select.h - which cases the list shows, in which order: the core's
 * compiled filter and sort (query.h) and the rows they select, shared by
 * the list view, the stats view ("the current filter") and `w`.  The
 * filter language is the core's (casewalk(1) FILTERS); this module only
 * holds what was compiled and the rows it picked.
 */
#ifndef CW_UI_SELECT_H
#define CW_UI_SELECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "query.h"

/* The list's columns: X(id, config name, title, sort key or -1).  The
 * config's `columns:` names them. */
#define UI_COLUMNS(X) \
	X(COL_ID, "id", "ID", QK_ID) \
	X(COL_NAME, "name", "NAME", QK_NAME) \
	X(COL_PATH, "path", "PATH", QK_PATH) \
	X(COL_HEARING, "hearing", "HRG", QK_HEARING) \
	X(COL_PENALTY, "penalty", "BAR", QK_BAR) \
	X(COL_UNTIL, "until", "LAST DAY", QK_UNTIL) \
	X(COL_RUNNING, "running", "RUN", -1) \
	X(COL_RELIEF, "relief", "RELIEF NOW", QK_RELIEF) \
	X(COL_WAY_BACK, "way_back", "WAY BACK", QK_WAY_BACK)

#define UI_COLUMN_ENUM(id, name, title, key) id,
enum ui_column { UI_COLUMNS(UI_COLUMN_ENUM) COL__COUNT };

extern const char *const ui_column_names[COL__COUNT];
extern const char *const ui_column_titles[COL__COUNT];
extern const int ui_column_keys[COL__COUNT];

struct select {
	char filter[1024];              /* as applied; "" = everything */
	struct query_filter *f;         /* compiled, in arena */
	struct arena arena;
	struct query_sort sort;
	bool redact;                    /* names as shown */
	/* quiz mode: the order with no sort key (NULL: load order), and
	 * whether an outcome is still hidden (sorts and filters on what
	 * the quiz hides are then refused) */
	const size_t *quiz_order;
	bool quiz_hidden;
	size_t *idx;                    /* rows shown, in order */
	size_t n;
	size_t n_hearing;               /* of those, heard by a judge */
	/* every row in sort order, made again only when the sort, the
	 * names (redact) or the model change: filtering then keeps the
	 * order without sorting */
	size_t *order;
	size_t n_order;
	struct query_sort order_sort;
	bool order_redact;
	unsigned order_generation;      /* model.generation; 0: none */
};

void select_init(struct select *s);
void select_free(struct select *s);
/* Compiles text as the filter.  Returns false (and keeps the old one)
 * with the core's message in err (what is allowed, the nearest name). */
bool select_set_filter(struct select *s, const struct model *m,
		       const char *text, char *err, size_t errsz);
/* Sorts by key k (enum query_key), descending or not; false, with a
 * message in err, when the quiz hides what k sorts by. */
bool select_set_sort(struct select *s, int k, bool desc, char *err,
		     size_t errsz);
/* Whether a sort on key k would show what the quiz hides. */
bool select_sort_hidden(const struct select *s, int k);
/* Recomputes idx for m (after loading, filtering, sorting, redacting). */
void select_apply(struct select *s, const struct model *m);
/* "sort: until, descending", for the status line. */
const char *select_describe(const struct select *s, char *buf, size_t n);

#endif
