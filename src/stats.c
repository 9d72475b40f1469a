/* stats.c - totals over assessments; see stats.h. */
#include "stats.h"

#include <string.h>

void stats_init(struct stats *s, const struct rules *r)
{
	memset(s, 0, sizeof(*s));
	s->rules = r;
}

static size_t rule_index(const struct stats *s, const struct rule *rl)
{
	return (size_t)(rl - s->rules->v);
}

void stats_add(struct stats *s, const struct assessment *a)
{
	const struct outcome_side *t = &a->taken;
	s->cases++;
	s->by_path[t->path]++;
	if (t->hearing)
		s->hearing_yes++;
	else
		s->hearing_no++;
	for (uint32_t i = 0; i < t->n_pen; i++) {
		size_t k = rule_index(s, t->pen[i].rule);
		if (k < STATS_MAX_RULES && !t->pen[i].possible)
			s->penalty[k]++;
	}
	for (uint32_t i = 0; i < t->n_rel; i++) {
		size_t k = rule_index(s, t->rel[i].rule);
		if (k < STATS_MAX_RULES)
			s->relief[k][t->rel[i].status]++;
	}
}

void stats_merge(struct stats *s, const struct stats *part)
{
	s->cases += part->cases;
	s->errors += part->errors;
	s->hearing_yes += part->hearing_yes;
	s->hearing_no += part->hearing_no;
	for (int p = 0; p < PATH__COUNT; p++)
		s->by_path[p] += part->by_path[p];
	for (int k = 0; k < STATS_MAX_RULES; k++) {
		s->penalty[k] += part->penalty[k];
		for (int st = 0; st < RSTAT__COUNT; st++)
			s->relief[k][st] += part->relief[k][st];
	}
}
