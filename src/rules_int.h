/* rules_int.h - what rules.c and rules_law.c share while reading a rules
 * file.  Not for the rest of casewalk: see rules.h. */
#ifndef CW_RULES_INT_H
#define CW_RULES_INT_H

#include "rules.h"
#include "ytree.h"

struct rctx {
	struct yreader *y;
	struct rules *r;
	int8_t *slot_scope;     /* per fact slot: its item scope, or -1 */
	size_t cap;             /* slots allocated */
};

const char *rctx_str(struct rctx *x, const struct ynode *v);
bool rctx_map(struct rctx *x, const struct ynode *m, const char *what);
bool rctx_date(struct rctx *x, const struct ynode *v, struct date *d);
bool rctx_bool(struct rctx *x, const struct ynode *v, bool *b);
void rctx_in_force(struct rctx *x, const struct ynode *m, struct date *from,
		   struct date *until);
struct expr *rctx_compile(struct rctx *x, const struct ynode *v, uint8_t want);
int rctx_phase(struct rctx *x, const struct expr *e, int scope,
	       const struct ynode *at, const char *what);
uint32_t rctx_add_fact(struct rctx *x, const char *name, uint8_t type,
		       int scope, int phase);
bool rctx_name_taken(const struct rctx *x, const char *name);
bool rules_in_era(struct date from, struct date until, struct date law);

/* rules_law.c */
void rules_read_params(struct rctx *x, const struct ynode *list,
		       const struct ynode *root);
/* After the parameters are read: params_fill's spans. */
void params_index(struct rules *r);
void rules_read_holidays(struct rctx *x, const struct ynode *m,
			 const struct ynode *root);
void rules_read_paths(struct rctx *x, const struct ynode *m,
		      const struct ynode *root);

/* rules_policy.c: after the rules (a policy may name running_ facts) */
void rules_read_policies(struct rctx *x, const struct ynode *list);

#endif
