/* select.h - which cases the list shows, in which order: the filter and
 * the sort, shared by the list view and the stats view ("the current
 * filter").
 *
 * Filter text is a space-separated list of terms, all of which must hold:
 *   path=ID        the path id (or a prefix of it), e.g. path=voluntary
 *   hearing=yes|no
 *   running        a penalty still in force on the as-of date
 *   relief=STATUS  some relief has STATUS (granted, forfeited, possible...)
 *   penalty=ID     some penalty with this rule id (or prefix)
 *   tag=TAG        the case carries TAG
 *   text=WORD      WORD in the id or the shown name
 * Anything else is read as one expression of the rules language over the
 * facts of the path taken (casewalk-rules(5)), e.g.
 *   up_last_stay_days >= 365 and not hearing
 * and a case is shown when it is true.
 */
#ifndef CW_UI_SELECT_H
#define CW_UI_SELECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "expr.h"
#include "model.h"

#define UI_COLUMNS(X) \
	X(COL_ID, "id", "ID") \
	X(COL_NAME, "name", "NAME") \
	X(COL_PATH, "path", "PATH") \
	X(COL_HEARING, "hearing", "HRG") \
	X(COL_PENALTY, "penalty", "PENALTY") \
	X(COL_UNTIL, "until", "LAST DAY") \
	X(COL_RELIEF, "relief", "RELIEF")

#define UI_COLUMN_ENUM(id, name, title) id,
enum ui_column { UI_COLUMNS(UI_COLUMN_ENUM) COL__COUNT };

extern const char *const ui_column_names[COL__COUNT];
extern const char *const ui_column_titles[COL__COUNT];

enum { SEL_TERMS_MAX = 16 };

struct select_term {
	int kind;
	char *arg;
};

struct select {
	char filter[256];               /* as typed; "" = everything */
	struct select_term terms[SEL_TERMS_MAX];
	int n_terms;
	struct expr *expr;              /* a typed expression, or NULL */
	uint32_t *expr_facts;           /* the facts it names (expr_facts) */
	size_t n_expr_facts;
	struct value *vals;             /* a row's facts, those filled in */
	struct arena arena;
	int sort;                       /* enum ui_column */
	bool reverse;
	bool redact;                    /* names as shown */
	size_t *idx;                    /* rows shown, in order */
	size_t n;
	size_t n_hearing;               /* of those, heard by a judge */
	/* every row in sort order, made again only when the sort, the
	 * names (redact) or the model change: filtering then keeps the
	 * order without sorting */
	size_t *order;
	size_t n_order;
	int order_sort;
	bool order_reverse, order_redact;
	unsigned order_generation;      /* model.generation; 0: none */
};

void select_init(struct select *s);
void select_free(struct select *s);
/* Sets the filter.  Returns false (and leaves the old one) with a message
 * in err when text is neither terms nor an expression. */
bool select_set_filter(struct select *s, const struct model *m,
		       const char *text, char *err, size_t errsz);
/* Recomputes idx for m (after loading, filtering, sorting, redacting). */
void select_apply(struct select *s, const struct model *m);
/* "sort: id" and so on, for the status line. */
const char *select_describe(const struct select *s, char *buf, size_t n);

#endif
