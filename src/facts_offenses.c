/* facts_offenses.c - each offense as an item: its classification (the
 * analyst's, else the vocabulary's), when it was committed, and what came
 * before it; which of them the law makes stop time or bar relief is
 * config/rules.yaml's (offense.stops_time and the derived facts beside it).
 */
#include "facts_int.h"

#include <stdlib.h>
#include <string.h>

void facts_offense_class(const struct vocab *vb, const struct offense *o,
			 int8_t cls[CLS__COUNT])
{
	const struct vocab_entry *v = vb && o->charge ?
		vocab_find(vb, o->charge) : NULL;
	for (int i = 0; i < CLS__COUNT; i++)
		cls[i] = o->cls[i] != TRI_UNSET ? o->cls[i] :
			 v ? v->cls[i] : TRI_UNSET;
	/* a crime of violence or theft is an aggravated felony only with a
	 * term of imprisonment of the vocabulary's length or more
	 * (101(a)(43)(F), (G)) */
	if (o->cls[CLS_AGGRAVATED_FELONY] == TRI_UNSET && v &&
	    v->af_if_sentence_days >= 0 &&
	    cls[CLS_AGGRAVATED_FELONY] == TRI_UNSET)
		cls[CLS_AGGRAVATED_FELONY] = o->sentence_days < 0 ? TRI_UNSET :
			o->sentence_days >= v->af_if_sentence_days;
}

/* Does the offense count as a conviction (101(a)(48)(A), Pickering)? */
static int counts(const struct offense *o)
{
	if (o->juvenile == TRI_TRUE || o->vacated == VAC_DEFECT)
		return 0;
	return o->convicted == TRI_UNSET ? -1 : o->convicted == TRI_TRUE;
}

static struct value days_of(int32_t n)
{
	return n < 0 ? value_unknown() : value_int(n);
}

/* Offenses in commission order (an unknown date last), stable. */
static int by_date(const void *pa, const void *pb)
{
	const struct offense *a = *(const struct offense *const *)pa;
	const struct offense *b = *(const struct offense *const *)pb;
	int c = date_cmp(a->date, b->date);
	return c ? c : (a < b ? -1 : a > b);
}

/* What has been committed so far, as the walk in commission order adds
 * each offense. */
struct so_far {
	int64_t cimt_lo, cimt_hi, conv_lo, conv_hi, sent_lo, sent_hi;
	const struct offense *prev;     /* the one before, by date */
};

static void one_offense(struct fx *x, const struct offense *o,
			struct so_far *s)
{
	int8_t cls[CLS__COUNT];
	facts_offense_class(x->r->vocab, o, cls);
	int k = counts(o);
	struct value *row = fx_item(x, SC_OFFENSE, o->pos.line);
	row[OFF_DATE] = fx_date(o->date);
	row[OFF_CONVICTION] = fx_tri(k);
	row[OFF_CONVICTION_DATE] = fx_date(o->conviction_date);
	row[OFF_CHARGE] = fx_str(o->charge);
	static const int map[][2] = {
		{ OFF_AF, CLS_AGGRAVATED_FELONY }, { OFF_CIMT, CLS_CIMT },
		{ OFF_CS, CLS_CONTROLLED_SUBSTANCE }, { OFF_MJ30, CLS_MARIJUANA_30G },
		{ OFF_DV, CLS_DOMESTIC_VIOLENCE }, { OFF_FIREARM, CLS_FIREARM },
		{ OFF_VIOLENT, CLS_VIOLENT }, { OFF_SEXUAL, CLS_SEXUAL_ABUSE },
		{ OFF_BURGLARY, CLS_BURGLARY }, { OFF_GANG, CLS_GANG_ELEMENT },
		{ OFF_TRAFFIC, CLS_MINOR_TRAFFIC }, { OFF_STATUS, CLS_STATUS_OFFENSE },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		row[map[i][0]] = fx_tri(cls[map[i][1]]);
	bool dui = o->charge && !strncmp(o->charge, "dui", 3);
	row[OFF_DUI] = value_bool(dui);
	bool traffic = o->charge && !strcmp(o->charge, "drug_trafficking");
	row[OFF_TRAFFICKING] = fx_tri(traffic ? 1 : fx_tri_and(
		cls[CLS_CONTROLLED_SUBSTANCE], cls[CLS_AGGRAVATED_FELONY]));
	row[OFF_MAX_DAYS] = days_of(o->max_days);
	row[OFF_SENTENCE_DAYS] = days_of(o->sentence_days);
	row[OFF_SUSPENDED_DAYS] = days_of(o->suspended_days);
	row[OFF_GRADE] = fx_str(o->grade >= 0 ? grade_def.names[o->grade] : "");
	struct date born = x->c->person.born;
	if (date_known(born) && date_known(o->date))
		row[OFF_AGE] = fx_years(date_lo(born), date_hi(born),
					date_lo(o->date), date_hi(o->date));
	/* what was committed up to and including this one */
	if (k != 0) {
		int cimt = cls[CLS_CIMT];
		s->cimt_hi += cimt != TRI_FALSE;
		s->cimt_lo += k == 1 && cimt == TRI_TRUE;
		s->conv_hi++;
		s->conv_lo += k == 1;
		int32_t sd = o->sentence_days > 0 ? o->sentence_days : 0;
		s->sent_hi += sd;
		s->sent_lo += k == 1 ? sd : 0;
	}
	row[OFF_CIMT_SEQ] = value_int_range(s->cimt_lo, s->cimt_hi);
	row[OFF_CONVICTIONS_THROUGH] = value_int_range(s->conv_lo, s->conv_hi);
	row[OFF_SENTENCE_THROUGH] = value_int_range(s->sent_lo, s->sent_hi);
	/* sorted by date: a separate incident unless the one before fell on
	 * the same day (unknown when either day is not known to the day) */
	const struct offense *p = s->prev;
	bool exact = date_known(o->date) && date_lo(o->date) == date_hi(o->date);
	bool pexact = p && date_known(p->date) &&
		      date_lo(p->date) == date_hi(p->date);
	row[OFF_SEPARATE] = !p ? value_bool(true) :
		exact && pexact ? value_bool(date_lo(p->date) != date_lo(o->date)) :
		date_known(o->date) && date_known(p->date) &&
		date_hi(p->date) < date_lo(o->date) ? value_bool(true) :
		value_unknown();
	s->prev = o;
}

void facts_offenses_derive(struct fx *x)
{
	const struct cw_case *c = x->c;
	const struct offense **v = arena_alloc(x->a, (c->n_offenses + 1) *
					       sizeof(*v));
	for (uint32_t i = 0; i < c->n_offenses; i++)
		v[i] = &c->offenses[i];
	qsort(v, c->n_offenses, sizeof(*v), by_date);
	struct so_far s = { 0 };
	for (uint32_t i = 0; i < c->n_offenses; i++)
		one_offense(x, v[i], &s);
	x->f[F_CONVICTIONS] = value_int_range(s.conv_lo, s.conv_hi);
	x->f[F_CIMT_COUNT] = value_int_range(s.cimt_lo, s.cimt_hi);
}
