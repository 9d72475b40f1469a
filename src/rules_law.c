/* rules_law.c - the parts of a rules file that are the law's own data:
 * the dated parameters, the legal holidays, and how each path stands for
 * relief.  See casewalk-rules(5), Parameters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "rules_int.h"

/* ---- parameters ------------------------------------------------------ */

static const char *type_word(uint8_t t)
{
	switch (t) {
	case VAL_BOOL: return "bool";
	case VAL_INT: return "int";
	case VAL_DATE: return "date";
	case VAL_STR: return "text";
	}
	return "?";
}

/* A parameter's value: true/false, a whole number, a date, or text (as
 * `type` says, or as the value looks). */
static bool param_value(struct rctx *x, const struct ynode *v, uint8_t want,
			struct value *out)
{
	const char *err;
	struct date d;
	if (v->kind != YN_SCALAR || ynode_is_null(v)) {
		yreader_error(x->y, v, "a parameter's value is one scalar");
		return false;
	}
	bool is_bool = v->plain && (ynode_scalar_is(v, "true") ||
				    ynode_scalar_is(v, "false"));
	bool is_int = v->plain && v->n && v->n < 10 &&
		      strspn(v->s, "0123456789") == v->n;
	bool is_date = v->plain && date_parse(v->s, v->n, &d, &err) &&
		       d.prec == DATE_DAY;
	uint8_t t = want ? want : is_bool ? VAL_BOOL : is_int ? VAL_INT :
		    is_date ? VAL_DATE : VAL_STR;
	if ((t == VAL_BOOL && !is_bool) || (t == VAL_INT && !is_int) ||
	    (t == VAL_DATE && !is_date)) {
		yreader_error(x->y, v, "expected a value of type %s",
			      type_word(t));
		return false;
	}
	switch (t) {
	case VAL_BOOL: *out = value_bool(ynode_scalar_is(v, "true")); break;
	case VAL_INT: *out = value_int(atoi(v->s)); break;
	case VAL_DATE: *out = value_date(date_days(d)); break;
	default: *out = value_str(rctx_str(x, v));
	}
	return true;
}

static int era_cmp(const void *pa, const void *pb)
{
	const struct param_era *a = pa, *b = pb;
	daynum x = date_known(a->from) ? date_lo(a->from) : INT32_MIN;
	daynum y = date_known(b->from) ? date_lo(b->from) : INT32_MIN;
	return (x > y) - (x < y);
}

/* The eras, sorted, must cover every date once: no gap, no overlap. */
static void check_eras(struct rctx *x, const struct param *p)
{
	qsort(p->era, p->n_era, sizeof(*p->era), era_cmp);
	daynum next = INT32_MIN;        /* first day not yet covered */
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	for (uint32_t i = 0; i < p->n_era; i++) {
		const struct param_era *e = &p->era[i];
		daynum from = date_known(e->from) ? date_lo(e->from) : INT32_MIN;
		if (from > next) {
			yreader_error_at(x->y, p->pos.line, p->pos.col,
				"parameter %s has no value before %s", p->id,
				date_format(e->from, a));
			return;
		}
		if (from < next) {
			/* an era open to the end and another after it: the
			 * later one's start is a day both cover */
			yreader_error_at(x->y, p->pos.line, p->pos.col,
				"parameter %s has two values on %s", p->id,
				next == INT32_MAX || !date_known(e->from) ?
				(date_known(e->from) ? date_format(e->from, a) :
				 "every day") :
				date_format(date_from_days(next - 1), a));
			return;
		}
		next = date_known(e->until) ? date_lo(e->until) + 1 : INT32_MAX;
	}
	if (next != INT32_MAX)
		yreader_error_at(x->y, p->pos.line, p->pos.col,
			"parameter %s has no value after %s", p->id,
			date_format(date_from_days(next - 1), b));
}

static void read_era(struct rctx *x, const struct ynode *m, struct param *p,
		     struct param_era *e)
{
	const struct ynode *val = NULL;
	*e = (struct param_era){ DATE_NONE_INIT, DATE_NONE_INIT,
				 value_unknown(), NULL, NULL };
	if (!rctx_map(x, m, "a parameter's value"))
		return;
	for (uint32_t j = 0; j < m->n; j++) {
		const struct ynode *k = m->kids[2 * j], *v = m->kids[2 * j + 1];
		if (ynode_scalar_is(k, "from"))
			rctx_date(x, v, &e->from);
		else if (ynode_scalar_is(k, "until"))
			rctx_date(x, v, &e->until);
		else if (ynode_scalar_is(k, "value"))
			val = v;
		else if (ynode_scalar_is(k, "cite"))
			e->cite = rctx_str(x, v);
		else if (ynode_scalar_is(k, "note"))
			e->note = rctx_str(x, v);
		else
			yreader_error(x->y, k, "unknown key in a parameter's "
				      "value (allowed: from, until, value, "
				      "cite, note)");
	}
	if (!val) {
		yreader_error(x->y, m, "a parameter's value needs value");
		return;
	}
	if (param_value(x, val, p->type, &e->v) && !p->type)
		p->type = e->v.type;
}

static void read_param_keys(struct rctx *x, const struct ynode *m,
			    struct param *p, const struct ynode **one,
			    const struct ynode **list)
{
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "id"))
			p->id = rctx_str(x, v);
		else if (ynode_scalar_is(k, "title"))
			p->title = rctx_str(x, v);
		else if (ynode_scalar_is(k, "cite"))
			p->cite = rctx_str(x, v);
		else if (ynode_scalar_is(k, "note"))
			p->note = rctx_str(x, v);
		else if (ynode_scalar_is(k, "value"))
			*one = v;
		else if (ynode_scalar_is(k, "values"))
			*list = v;
		else if (ynode_scalar_is(k, "type")) {
			static const uint8_t t[] = { VAL_BOOL, VAL_INT,
						     VAL_DATE, VAL_STR };
			for (int j = 0; j < 4; j++)
				if (ynode_scalar_is(v, type_word(t[j])))
					p->type = t[j];
			if (!p->type)
				yreader_error(x->y, v, "type must be bool, int, "
					      "date or text");
		} else
			yreader_error(x->y, k, "unknown key '%.40s' in a "
				      "parameter (allowed: id, title, cite, "
				      "note, type, value, values)",
				      k->kind == YN_SCALAR ? k->s : "?");
	}
}

static void read_param(struct rctx *x, const struct ynode *m, struct param *p)
{
	const struct ynode *one = NULL, *list = NULL;
	memset(p, 0, sizeof(*p));
	p->pos = (struct pos){ m->line, m->col };
	if (!rctx_map(x, m, "a parameter"))
		return;
	read_param_keys(x, m, p, &one, &list);
	if (!p->id || !p->title || !p->cite) {
		yreader_error(x->y, m, "a parameter needs %s", !p->id ? "id" :
			      !p->title ? "title" : "cite");
		return;
	}
	if (!one == !list) {
		yreader_error(x->y, m, "a parameter has value or values");
		return;
	}
	if (one) {
		p->era = arena_zalloc(&x->r->arena, sizeof(*p->era));
		p->n_era = 1;
		p->era[0] = (struct param_era){ DATE_NONE_INIT, DATE_NONE_INIT,
						value_unknown(), NULL, NULL };
		param_value(x, one, p->type, &p->era[0].v);
		if (!p->type)
			p->type = p->era[0].v.type;
		return;
	}
	if (list->kind != YN_SEQ || !list->n) {
		yreader_error(x->y, list, "values must be a list of {from, "
			      "until, value, cite}");
		return;
	}
	p->era = arena_zalloc(&x->r->arena, (list->n + 1) * sizeof(*p->era));
	for (uint32_t i = 0; i < list->n; i++)
		read_era(x, list->kids[i], p, &p->era[p->n_era++]);
	check_eras(x, p);
}

static void link_engine_params(struct rctx *x, const struct ynode *root)
{
	static const struct { const char *id; uint8_t type; } want[P__COUNT] = {
#define PARAM_ROW(id, name, type) [id] = { name, type },
		ENGINE_PARAMS(PARAM_ROW)
#undef PARAM_ROW
	};
	for (int i = 0; i < P__COUNT; i++) {
		const struct param *p = rules_param(x->r, want[i].id);
		if (!p) {
			yreader_error(x->y, root, "the rules define no parameter "
				      "%s, which casewalk reads while deriving "
				      "the facts", want[i].id);
			x->r->engine_param[i] = 0;
			continue;
		}
		if (p->type != want[i].type)
			yreader_error_at(x->y, p->pos.line, p->pos.col,
				"parameter %s must be of type %s", p->id,
				type_word(want[i].type));
		x->r->engine_param[i] = p->slot;
	}
}

void rules_read_params(struct rctx *x, const struct ynode *list,
		       const struct ynode *root)
{
	struct rules *r = x->r;
	if (list && list->kind != YN_SEQ)
		yreader_error(x->y, list, "parameters must be a list");
	size_t n = list && list->kind == YN_SEQ ? list->n : 0;
	r->params = arena_zalloc(&r->arena, (n + 1) * sizeof(*r->params));
	for (size_t i = 0; i < n; i++) {
		struct param *p = &r->params[r->n_params];
		read_param(x, list->kids[i], p);
		if (!p->id || !p->type || !p->n_era)
			continue;
		if (rctx_name_taken(x, p->id)) {
			yreader_error_at(x->y, p->pos.line, p->pos.col,
				"parameter '%.60s' is already a fact or a "
				"parameter", p->id);
			continue;
		}
		if (strchr(p->id, '.')) {
			yreader_error_at(x->y, p->pos.line, p->pos.col,
				"a parameter's id has no dot");
			continue;
		}
		p->slot = rctx_add_fact(x, p->id, p->type, -1, 0);
		r->n_params++;
	}
	link_engine_params(x, root);
}

const struct param *rules_param(const struct rules *r, const char *id)
{
	for (size_t i = 0; i < r->n_params; i++)
		if (!strcmp(r->params[i].id, id))
			return &r->params[i];
	return NULL;
}

struct value params_value(const struct param *p, struct date law,
			  const struct param_era **era)
{
	for (uint32_t i = 0; i < p->n_era; i++)
		if (rules_in_era(p->era[i].from, p->era[i].until, law)) {
			if (era)
				*era = &p->era[i];
			return p->era[i].v;
		}
	if (era)
		*era = NULL;
	return value_unknown();
}

void params_fill(const struct rules *r, struct date law, struct value *facts)
{
	if (!r->param_span) {
		for (size_t i = 0; i < r->n_params; i++)
			facts[r->params[i].slot] = params_value(&r->params[i],
								law, NULL);
		return;
	}
	/* the span holding law: the number of cuts on or before it */
	daynum d = date_lo(law);
	size_t a = 0, b = r->n_param_cut;
	while (a < b) {
		size_t m = (a + b) / 2;
		if (r->param_cut[m] <= d)
			a = m + 1;
		else
			b = m;
	}
	const struct value *v = r->param_span + a * r->n_params;
	for (size_t i = 0; i < r->n_params; i++)
		facts[r->params[i].slot] = v[i];
}

static int day_cmp(const void *pa, const void *pb)
{
	daynum a = *(const daynum *)pa, b = *(const daynum *)pb;
	return (a > b) - (a < b);
}

/* The spans of params_fill: the days an era begins, and the days after
 * one ends, sorted and each once. */
void params_index(struct rules *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_params; i++)
		n += 2 * r->params[i].n_era;
	daynum *cut = arena_alloc(&r->arena, (n + 1) * sizeof(*cut));
	n = 0;
	for (size_t i = 0; i < r->n_params; i++)
		for (uint32_t k = 0; k < r->params[i].n_era; k++) {
			const struct param_era *e = &r->params[i].era[k];
			if (date_known(e->from))
				cut[n++] = date_lo(e->from);
			if (date_known(e->until))
				cut[n++] = date_lo(e->until) + 1;
		}
	if (n)
		qsort(cut, n, sizeof(*cut), day_cmp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || cut[m - 1] != cut[i])
			cut[m++] = cut[i];
	struct value *span = arena_alloc(&r->arena, (m + 1) * (r->n_params + 1) *
					 sizeof(*span));
	for (size_t k = 0; k <= m; k++) {
		/* a day of span k: its first, or for span 0 the day before
		 * the first cut */
		daynum day = k ? cut[k - 1] : m ? cut[0] - 1 : 0;
		struct date law = date_from_days(day);
		for (size_t i = 0; i < r->n_params; i++)
			span[k * r->n_params + i] = params_value(&r->params[i],
								 law, NULL);
	}
	r->param_cut = cut;
	r->n_param_cut = m;
	r->param_span = span;
}

/* ---- holidays -------------------------------------------------------- */

static const char *const weekdays[] = { "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday" };

static int small_int(struct rctx *x, const struct ynode *v, int lo, int hi)
{
	int n = v->kind == YN_SCALAR && v->n && v->n < 6 &&
		strspn(v->s, "0123456789-") == v->n ? atoi(v->s) : lo - 1;
	if (n < lo || n > hi) {
		yreader_error(x->y, v, "expected a number from %d to %d", lo, hi);
		return lo;
	}
	return n;
}

static void read_holiday(struct rctx *x, const struct ynode *m,
			 struct holiday *h)
{
	memset(h, 0, sizeof(*h));
	h->weekday = -1;
	h->to = 9999;
	if (!rctx_map(x, m, "a holiday"))
		return;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "name"))
			h->name = rctx_str(x, v);
		else if (ynode_scalar_is(k, "month"))
			h->month = (int8_t)small_int(x, v, 1, 12);
		else if (ynode_scalar_is(k, "day"))
			h->day = (int8_t)small_int(x, v, 1, 31);
		else if (ynode_scalar_is(k, "nth"))
			h->nth = ynode_scalar_is(v, "last") ? -1 :
				(int8_t)small_int(x, v, 1, 5);
		else if (ynode_scalar_is(k, "weekday")) {
			for (int d = 0; d < 7; d++)
				if (ynode_scalar_is(v, weekdays[d]))
					h->weekday = (int8_t)d;
			if (h->weekday < 0)
				yreader_error(x->y, v, "weekday must be monday .. "
					      "sunday");
		} else if (ynode_scalar_is(k, "from"))
			h->from = (int16_t)small_int(x, v, 1000, 9999);
		else if (ynode_scalar_is(k, "until"))
			h->to = (int16_t)small_int(x, v, 1000, 9999);
		else
			yreader_error(x->y, k, "unknown key in a holiday (allowed: "
				      "name, month, day, weekday, nth, from, until)");
	}
	if (!h->name || !h->month || (!h->day == (h->weekday < 0)) ||
	    (h->weekday >= 0 && !h->nth))
		yreader_error(x->y, m, "a holiday needs name, month, and a day "
			      "or a weekday with nth");
}

static void holidays_index(struct holidays *hs, struct arena *a);

void rules_read_holidays(struct rctx *x, const struct ynode *m,
			 const struct ynode *root)
{
	struct holidays *hs = &x->r->holidays;
	if (!m) {
		yreader_error(x->y, root, "the rules define no holidays "
			      "(5 U.S.C. 6103: deadlines roll over them)");
		return;
	}
	if (!rctx_map(x, m, "holidays"))
		return;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(k, "cite")) {
			hs->cite = rctx_str(x, v);
		} else if (ynode_scalar_is(k, "days") && v->kind == YN_SEQ) {
			hs->v = arena_zalloc(&x->r->arena, (v->n + 1) *
					     sizeof(*hs->v));
			for (uint32_t j = 0; j < v->n; j++)
				read_holiday(x, v->kids[j], &hs->v[hs->n++]);
		} else if (ynode_scalar_is(k, "closures") && v->kind == YN_SEQ) {
			hs->closures = arena_zalloc(&x->r->arena, (v->n + 1) *
						    sizeof(*hs->closures));
			for (uint32_t j = 0; j < v->n; j++) {
				struct date d = DATE_NONE_INIT;
				if (rctx_date(x, v->kids[j], &d) && date_known(d))
					hs->closures[hs->n_closures++] = date_lo(d);
			}
		} else {
			yreader_error(x->y, k, "unknown key in holidays (allowed: "
				      "cite, days as a list, closures as a list)");
		}
	}
	if (!hs->cite)
		yreader_error(x->y, m, "holidays need cite");
	holidays_index(hs, &x->r->arena);
}

static daynum nth_weekday(int y, int m, int nth, int wday)
{
	if (nth < 0) {
		daynum last = date_days(date_ymd(y, m, date_days_in_month(y, m)));
		return last - (date_weekday(last) - wday + 7) % 7;
	}
	daynum first = date_days(date_ymd(y, m, 1));
	return first + (wday - date_weekday(first) + 7) % 7 + 7 * (nth - 1);
}

/* Day n is holiday h of year y, or the day a fixed holiday on a weekend
 * is observed (Saturday -> Friday, Sunday -> Monday; 5 U.S.C. 6103(b)). */
static bool holiday_matches(const struct holiday *h, int y, daynum n)
{
	if (y < h->from || y > h->to || h->month < 1 || h->month > 12 ||
	    h->weekday > 6 || (h->weekday >= 0 && (h->nth == 0 || h->nth > 5 ||
						     h->nth < -1)))
		return false;
	if (!date_valid_ymd(y, h->month, 1))
		return false;
	if (h->weekday >= 0)
		return n == nth_weekday(y, h->month, h->nth, h->weekday);
	if (!date_valid_ymd(y, h->month, h->day))
		return false;
	daynum day = date_days(date_ymd(y, h->month, h->day));
	int wd = date_weekday(day);
	daynum observed = wd == 5 ? day - 1 : wd == 6 ? day + 1 : day;
	return n == day || n == observed;
}

static bool holiday_scan(const struct holidays *hs, daynum n)
{
	int y = date_from_days(n).y;
	for (size_t i = 0; i < hs->n; i++)
		/* y + 1: a Saturday Jan 1 is observed on Dec 31 before it */
		if (holiday_matches(&hs->v[i], y, n) ||
		    holiday_matches(&hs->v[i], y + 1, n))
			return true;
	for (size_t i = 0; i < hs->n_closures; i++)
		if (hs->closures[i] == n)
			return true;
	return false;
}

bool holidays_is_holiday(const struct holidays *hs, daynum n)
{
	if (hs->index && n >= hs->index_first && n <= hs->index_last) {
		daynum k = n - hs->index_first;
		return hs->index[k >> 3] & (1u << (k & 7));
	}
	return holiday_scan(hs, n);
}

/* The years deadlines fall in, in practice: the index answers them with
 * one bit; a day outside is found by the scan. */
enum { INDEX_FIRST_YEAR = 1950, INDEX_LAST_YEAR = 2100 };

static void holidays_index(struct holidays *hs, struct arena *a)
{
	daynum first = date_days(date_ymd(INDEX_FIRST_YEAR, 1, 1));
	daynum last = date_days(date_ymd(INDEX_LAST_YEAR, 12, 31));
	uint8_t *bits = arena_zalloc(a, (size_t)(last - first) / 8 + 1);
#define SET(n) do { daynum k_ = (n) - first; \
		if ((n) >= first && (n) <= last) \
			bits[k_ >> 3] |= (uint8_t)(1u << (k_ & 7)); } while (0)
	/* each holiday's day of each year, and the day it is observed on
	 * (as holiday_matches reads it) */
	for (int y = INDEX_FIRST_YEAR - 1; y <= INDEX_LAST_YEAR + 1; y++)
		for (size_t i = 0; i < hs->n; i++) {
			const struct holiday *h = &hs->v[i];
			if (y < h->from || y > h->to || h->month < 1 ||
			    h->month > 12)
				continue;       /* (a bad one is an error) */
			if (h->weekday > 6 || (h->weekday >= 0 &&
			    (h->nth == 0 || h->nth > 5 || h->nth < -1)))
				continue;
			if (h->weekday >= 0) {
				SET(nth_weekday(y, h->month, h->nth, h->weekday));
				continue;
			}
			if (!date_valid_ymd(y, h->month, h->day))
				continue;
			daynum day = date_days(date_ymd(y, h->month, h->day));
			int wd = date_weekday(day);
			SET(day);
			SET(wd == 5 ? day - 1 : wd == 6 ? day + 1 : day);
		}
	for (size_t i = 0; i < hs->n_closures; i++)
		SET(hs->closures[i]);
#undef SET
	hs->index = bits;
	hs->index_first = first;
	hs->index_last = last;
}

daynum holidays_next_business_day(const struct holidays *hs, daynum n)
{
	/* a week of holidays in a row does not exist: bounded */
	for (int i = 0; i < DATE_MAX_YEAR_DAYS && (date_weekday(n) >= 5 ||
				    holidays_is_holiday(hs, n)); i++)
		n++;
	return n;
}

/* ---- paths --------------------------------------------------------------- */

void rules_read_paths(struct rctx *x, const struct ynode *m,
		      const struct ynode *root)
{
	struct path_info *p = x->r->paths;
	if (!m || !rctx_map(x, m ? m : root, "paths")) {
		if (!m)
			yreader_error(x->y, root, "the rules define no paths "
				      "(which paths give a hearing)");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		int id = k->kind == YN_SCALAR ? enum_value(&path_id_def, k->s,
							   k->n) : -1;
		if (id < 0) {
			yreader_error(x->y, k, "unknown path '%.40s'",
				      k->kind == YN_SCALAR ? k->s : "?");
			continue;
		}
		if (!rctx_map(x, v, "a path"))
			continue;
		p[id].known = true;
		for (uint32_t j = 0; j < v->n; j++) {
			const struct ynode *pk = v->kids[2 * j];
			const struct ynode *pv = v->kids[2 * j + 1];
			if (ynode_scalar_is(pk, "judge"))
				rctx_bool(x, pv, &p[id].judge);
			else if (ynode_scalar_is(pk, "screening"))
				rctx_bool(x, pv, &p[id].screening);
			else if (ynode_scalar_is(pk, "ended"))
				rctx_bool(x, pv, &p[id].ended);
			else if (ynode_scalar_is(pk, "cite"))
				p[id].cite = rctx_str(x, pv);
			else
				yreader_error(x->y, pk, "unknown key in a path "
					      "(allowed: judge, screening, ended, "
					      "cite)");
		}
	}
	for (int id = 0; id < PATH__COUNT; id++)
		if (!p[id].known)
			yreader_error(x->y, m, "paths: %s is missing",
				      path_id_def.names[id]);
}
