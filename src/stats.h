/* stats.h - totals over assessed cases: by path, hearing, penalty, relief.
 * What `casewalk stats` prints and the explorer's stats view draws. */
#ifndef CW_STATS_H
#define CW_STATS_H

#include <stddef.h>

#include "assess.h"
#include "rules.h"

#define STATS_MAX_RULES 64

struct stats {
	size_t cases, errors;
	size_t by_path[PATH__COUNT];
	size_t hearing_yes, hearing_no;
	const struct rules *rules;
	size_t penalty[STATS_MAX_RULES];        /* by rule index */
	size_t relief[STATS_MAX_RULES][RSTAT__COUNT];
};

void stats_init(struct stats *s, const struct rules *r);
void stats_add(struct stats *s, const struct assessment *a);
/* Adds the totals of part to s (same rules). */
void stats_merge(struct stats *s, const struct stats *part);

#endif
