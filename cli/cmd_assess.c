/* cmd_assess.c - `assess`, `stats` and `rules`: what the explorer shows,
 * as text for people, NDJSON or CSV for scripts (cli.md). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "assess.h"
#include "facts.h"
#include "json.h"
#include "redact.h"
#include "query.h"
#include "csv.h"
#include "pipeline.h"
#include "text.h"
#include "textout.h"

/* ---- JSON ---------------------------------------------------------------
 *
 * 13 KiB a case, most of it the same from case to case: fact names, rule
 * titles, citations, criteria and waivers (the law date is one per run)
 * are escaped once per run (struct pre) and copied from there.
 */

struct pre_str {
	size_t at, n;           /* a piece of pre.text */
};

struct pre_rule {
	struct pre_str head;    /* {"rule":..,"title":..,"cite":..,"kind":.. */
	struct pre_str waiver;  /* the waiver in force, escaped, or null */
	struct pre_str money;   /* ,"money":"..." or nothing */
	struct pre_str kind;    /* ,"kind":"bar" */
	struct pre_str *crit;   /* bars then conditions, escaped */
	struct pre_str *crit_obj;       /* each as {"text":..,"cite":..,
					   "facts":[..],"bar":..,"state": */
};

struct pre {
	struct outbuf text;     /* every piece, back to back */
	struct pre_rule *rule;  /* indexed like rules->v */
	uint32_t *slot;         /* the facts printed: src/'s, then the rules'
				   derived facts of the whole case */
	size_t n_fact;
	struct pre_str *fact;   /* "name": of slot[i], with a
				   comma before all but the first */
};

/* The piece of p's text from `at` to its end. */
static struct pre_str pre_mark(const struct pre *p, size_t at)
{
	return (struct pre_str){ at, p->text.len - at };
}

static void pre_put(struct outbuf *ob, const struct pre *p, struct pre_str ps)
{
	ob_put(ob, p->text.p + ps.at, ps.n);
}

static void pre_escape(struct outbuf *t, const char *s)
{
	if (s)
		json_escape(t, s);
	else
		ob_puts(t, "null");
}

static void pre_build(struct pre *p, const struct rules *r, struct date law)
{
	struct outbuf *t = &p->text;
	*t = (struct outbuf){ NULL, 0, 0 };
	p->rule = xcalloc(r->n + 1, sizeof(*p->rule));
	p->slot = xcalloc(facts_count + r->n_derives + 1, sizeof(*p->slot));
	p->n_fact = 0;
	for (size_t i = 0; i < facts_count; i++)
		p->slot[p->n_fact++] = (uint32_t)i;
	for (size_t i = 0; i < r->n_derives; i++)
		if (r->derives[i].scope < 0)
			p->slot[p->n_fact++] = r->derives[i].slot;
	p->fact = xcalloc(p->n_fact + 1, sizeof(*p->fact));
	/* the facts of one criterion: all of them, however many */
	uint32_t *idx = xmalloc((r->env.n_facts + 1) * sizeof(*idx));
	for (size_t i = 0; i < p->n_fact; i++) {
		size_t at = t->len;
		if (i)
			ob_putc(t, ',');
		json_escape(t, r->env.facts[p->slot[i]].name);
		ob_putc(t, ':');
		p->fact[i] = pre_mark(p, at);
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		struct pre_rule *pr = &p->rule[i];
		size_t at = t->len;
		ob_puts(t, "{\"rule\":");
		pre_escape(t, rl->id);
		ob_puts(t, ",\"title\":");
		pre_escape(t, rl->title);
		ob_puts(t, ",\"cite\":");
		pre_escape(t, rl->cite);
		pr->head = pre_mark(p, at);
		at = t->len;
		ob_puts(t, ",\"kind\":");
		pre_escape(t, enum_name(&rule_kind_def, rl->kind));
		pr->kind = pre_mark(p, at);
		at = t->len;
		if (rl->money) {
			ob_puts(t, ",\"money\":");
			json_escape(t, rl->money);
		}
		pr->money = pre_mark(p, at);
		at = t->len;
		pre_escape(t, rules_waiver(rl, law));
		pr->waiver = pre_mark(p, at);
		uint32_t n = rl->n_bars + rl->n_when;
		pr->crit = xcalloc(n + 1, sizeof(*pr->crit));
		pr->crit_obj = xcalloc(n + 1, sizeof(*pr->crit_obj));
		for (uint32_t k = 0; k < n; k++) {
			const struct rule_cond *c = k < rl->n_bars ?
				&rl->bars[k] : &rl->when[k - rl->n_bars];
			at = t->len;
			pre_escape(t, c->text);
			pr->crit[k] = pre_mark(p, at);
			at = t->len;
			ob_puts(t, "{\"text\":");
			pre_escape(t, c->text);
			ob_puts(t, ",\"cite\":");
			pre_escape(t, c->cite ? c->cite : rl->cite);
			ob_puts(t, ",\"facts\":[");
			size_t nf = c->expr ? expr_facts(c->expr, idx, 0,
							 r->env.n_facts) : 0;
			for (size_t f = 0; f < nf; f++) {
				if (f)
					ob_putc(t, ',');
				json_escape(t, r->env.facts[idx[f]].name);
			}
			ob_puts(t, k < rl->n_bars ? "],\"bar\":true,\"state\":" :
				"],\"bar\":false,\"state\":");
			pr->crit_obj[k] = pre_mark(p, at);
		}
	}
	free(idx);
}

static void pre_free(struct pre *p, const struct rules *r)
{
	for (size_t i = 0; p->rule && i < r->n; i++) {
		free(p->rule[i].crit);
		free(p->rule[i].crit_obj);
	}
	free(p->rule);
	free(p->fact);
	free(p->slot);
	ob_free(&p->text);
}

/* d as JSON text: a string, whose digits need no escaping, or null.
 * Returns its length. */
static size_t date_json(struct date d, char b[DATE_BUFSZ + 2])
{
	if (!date_known(d)) {
		memcpy(b, "null", 4);
		return 4;
	}
	b[0] = '"';
	size_t n = strlen(date_format(d, b + 1));
	b[n + 1] = '"';
	return n + 2;
}

static void put_date(struct json *j, const char *key, struct date d)
{
	char b[DATE_BUFSZ + 2];
	json_pre(j, key, b, date_json(d, b));
}

/* The same straight into the buffer. */
static void put_date_raw(struct outbuf *ob, struct date d)
{
	char b[DATE_BUFSZ + 2];
	ob_put(ob, b, date_json(d, b));
}

static void put_day(struct outbuf *ob, int64_t days)
{
	put_date_raw(ob, date_from_days((daynum)days));
}

static void put_day_or_null(struct outbuf *ob, daynum d)
{
	if (d == ASSESS_NO_DAY)
		ob_put(ob, "null", 4);
	else
		put_day(ob, d);
}

/* ,"KEY":"2018-05" (date.precision's text: a day, a month, a year, or
 * LO..HI) and, when that is not one day, ,"KEY_range":[lo,hi]; null for
 * no day (a permanent penalty's last day). */
static void put_range(struct outbuf *ob, const char *key, daynum lo,
		      daynum hi)
{
	char b[ASSESS_RANGE_BUFSZ];
	ob_put(ob, ",\"", 2);
	ob_puts(ob, key);
	ob_put(ob, "\":", 2);
	if (lo == ASSESS_NO_DAY) {
		ob_put(ob, "null", 4);
		return;
	}
	if (lo == hi) {
		put_day(ob, lo);
		return;
	}
	ob_putc(ob, '"');
	ob_puts(ob, assess_range(lo, hi, b));
	ob_putc(ob, '"');
	ob_put(ob, ",\"", 2);
	ob_puts(ob, key);
	ob_put(ob, "_range\":[", 9);
	put_day(ob, lo);
	ob_putc(ob, ',');
	put_day(ob, hi);
	ob_putc(ob, ']');
}

/* One fact's value.  Ranges (from an imprecise date) are [lo, hi]. */
static void put_value(struct outbuf *ob, struct value v)
{
	switch (v.type) {
	case VAL_BOOL:
		if (v.lo)
			ob_put(ob, "true", 4);
		else
			ob_put(ob, "false", 5);
		break;
	case VAL_STR:
		json_escape(ob, v.s);
		break;
	case VAL_INT:
	case VAL_DATE:
		if (v.lo != v.hi)
			ob_putc(ob, '[');
		if (v.type == VAL_INT)
			ob_put_int(ob, v.lo);
		else
			put_day(ob, v.lo);
		if (v.lo != v.hi) {
			ob_putc(ob, ',');
			if (v.type == VAL_INT)
				ob_put_int(ob, v.hi);
			else
				put_day(ob, v.hi);
			ob_putc(ob, ']');
		}
		break;
	default:
		ob_put(ob, "null", 4);
	}
}

/* The facts object, written straight into the buffer: 136 members a
 * case, each a key made before and a value. */
static void put_tri(struct outbuf *ob, int t);

/* ... with the two expedited-removal facts of section 1 after them (the
 * policies judge them, after the facts: pd block). */
static void put_facts(struct json *j, const struct pre *pre,
		      const struct value *facts, const struct pd_outcome *pd,
		      bool redact)
{
	int born = facts_index("born");
	json_prekey(j, JSON_KEY("facts"));
	json_obj(j, NULL);
	for (size_t i = 0; i < pre->n_fact; i++) {
		struct value v = facts[pre->slot[i]];
		pre_put(j->ob, pre, pre->fact[i]);
		/* redacted, the birth date is its year, as a file that
		 * gives only the year would print it */
		if (redact && (int)pre->slot[i] == born && v.type == VAL_DATE) {
			int y = date_from_days((daynum)v.lo).y;
			v.lo = date_lo(date_ymd(y, 1, 1));
			v.hi = date_lo(date_ymd(y, 12, 31));
		}
		put_value(j->ob, v);
	}
	ob_puts(j->ob, pre->n_fact ? ",\"er_covered_at_encounter\":"
				  : "\"er_covered_at_encounter\":");
	put_tri(j->ob, pd->er_then);
	ob_puts(j->ob, ",\"er_exposure_now\":");
	put_tri(j->ob, pd->er_now);
	json_filled(j);
	json_end_obj(j);
}

#define LIT(s) s, sizeof(s) - 1

/* The criteria of e that are unmet (unknown: -1) as a JSON array's
 * members: a bar is unmet when it holds. */
static void put_crit(struct outbuf *ob, const struct pre *pre,
		     const struct pre_rule *pr, const struct relief_eval *e,
		     int want)
{
	bool first = true;
	for (uint32_t k = 0; k < e->n_crit; k++) {
		int t = e->crit[k].truth;
		if (want >= 0 && k < e->rule->n_bars)
			t = t < 0 ? t : !t;
		if (t != want)
			continue;
		if (!first)
			ob_putc(ob, ',');
		first = false;
		pre_put(ob, pre, pr->crit[k]);
	}
}

/* ---- relief then and now, the way back, policy (cli.md revision 2) ----- */

static void put_str_or_null(struct outbuf *ob, const char *str)
{
	if (str)
		json_escape(ob, str);
	else
		ob_put(ob, LIT("null"));
}

static void put_certainty(struct outbuf *ob, uint8_t c)
{
	ob_put(ob, LIT(",\"certainty\":"));
	if (c == CERT_ELIGIBLE)
		ob_put(ob, LIT("\"eligible\""));
	else if (c == CERT_POSSIBLE)
		ob_put(ob, LIT("\"possible\""));
	else
		ob_put(ob, LIT("null"));
}

static void put_ids(struct outbuf *ob, const char *const *id, uint32_t n)
{
	ob_putc(ob, '[');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			ob_putc(ob, ',');
		json_escape(ob, id[i]);
	}
	ob_putc(ob, ']');
}

/* "a, b, c" (criterion.missing: fact names, which need no escaping:
 * [a-z_0-9.] and capitals) as ["a","b","c"]. */
static void put_list(struct outbuf *ob, const char *list)
{
	ob_putc(ob, '[');
	if (list && *list) {
		ob_putc(ob, '"');
		for (const char *p = list; *p;) {
			size_t n = strcspn(p, ", ");
			ob_put(ob, p, n);
			p += n;
			if (*p) {
				ob_put(ob, "\",\"", 3);
				p += strspn(p, ", ");
			}
		}
		ob_putc(ob, '"');
	}
	ob_putc(ob, ']');
}

static void put_then(struct outbuf *ob, const struct relief_then *t)
{
	ob_put(ob, LIT(",\"then\":{\"status\":"));
	json_escape(ob, then_status_def.names[t->status]);
	put_certainty(ob, t->certainty);
	ob_put(ob, LIT(",\"date\":"));
	put_day_or_null(ob, t->date ? t->date : ASSESS_NO_DAY);
	ob_put(ob, LIT(",\"reason\":"));
	put_str_or_null(ob, t->reason);
	ob_putc(ob, '}');
}

static void put_now(struct outbuf *ob, const struct relief_now *n)
{
	ob_put(ob, LIT(",\"now\":{\"status\":"));
	json_escape(ob, now_status_def.names[n->status]);
	put_certainty(ob, n->certainty);
	ob_put(ob, LIT(",\"reason\":"));
	put_str_or_null(ob, n->reason);
	ob_put(ob, LIT(",\"requires\":"));
	put_ids(ob, n->req.id, n->req.n);
	ob_put(ob, LIT(",\"earliest\":"));
	put_day_or_null(ob, n->status == NOW_FROM_ABROAD ? n->earliest
							: ASSESS_NO_DAY);
	ob_put(ob, LIT(",\"motion\":"));
	put_str_or_null(ob, n->motion);
	ob_put(ob, LIT(",\"deadline\":"));
	put_day_or_null(ob, n->deadline);
	ob_put(ob, LIT(",\"from\":"));
	put_day_or_null(ob, n->from);
	ob_put(ob, LIT(",\"met_on\":"));
	put_day_or_null(ob, n->met_on);
	ob_put(ob, LIT(",\"missing\":"));
	put_list(ob, n->missing);
	if (n->retroactive) {
		ob_put(ob, LIT(",\"retroactive\":"));
		json_escape(ob, n->retroactive);
	}
	ob_putc(ob, '}');
}

/* Every criterion (the bars, then the conditions) with its state: a bar
 * is met when it does not hold; a condition a waiver meets says which. */
static void put_criteria(struct outbuf *ob, const struct pre *pre,
			 const struct pre_rule *pr, const struct relief_eval *e)
{
	ob_put(ob, LIT(",\"criteria\":["));
	for (uint32_t k = 0; k < e->n_crit; k++) {
		const struct criterion *c = &e->crit[k];
		int t = c->truth;
		if (k < e->rule->n_bars && t >= 0)
			t = !t;
		if (k)
			ob_putc(ob, ',');
		pre_put(ob, pre, pr->crit_obj[k]);
		ob_puts(ob, t == 1 ? "\"met\"" : t == 0 ? "\"unmet\"" :
			"\"unknown\"");
		if (c->waiver && c->cond->waiver) {
			ob_put(ob, LIT(",\"waiver\":"));
			json_escape(ob, c->cond->waiver->id);
		}
		if (c->missing) {
			ob_put(ob, LIT(",\"missing\":"));
			put_list(ob, c->missing);
		}
		ob_putc(ob, '}');
	}
	ob_putc(ob, ']');
}

static void put_tri(struct outbuf *ob, int t);

/* A side's penalties and relief, straight into the buffer: each a dozen
 * members, 28 objects a case. */
static void put_side(struct json *j, const struct pre *pre,
		     const struct rules *r, const struct outcome_side *s)
{
	static const char *const status[RSTAT__COUNT] = {
#define STATUS_MEMBER(id, name) [id] = ",\"status\":\"" name "\",\"unmet\":[",
		RELIEF_STATUSES(STATUS_MEMBER)
#undef STATUS_MEMBER
	};
	struct outbuf *ob = j->ob;
	json_prekey(j, JSON_KEY("penalties"));
	json_arr(j, NULL);
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		const struct pre_rule *pr = &pre->rule[p->rule - r->v];
		if (i)
			ob_putc(ob, ',');
		pre_put(ob, pre, pr->head);
		pre_put(ob, pre, pr->kind);
		ob_put(ob, LIT(",\"instance\":"));
		ob_put_int(ob, p->instance);
		ob_put(ob, LIT(",\"trigger\":"));
		put_day_or_null(ob, p->trigger);
		ob_put(ob, LIT(",\"trigger_line\":"));
		if (p->trigger_line)
			ob_put_int(ob, p->trigger_line);
		else
			ob_put(ob, LIT("null"));
		put_range(ob, "from", p->from_lo, p->from_hi);
		put_range(ob, "until", p->until_lo, p->until_hi);
		ob_put(ob, LIT(",\"permanent\":"));
		put_tri(ob, p->permanent);
		ob_put(ob, LIT(",\"years\":"));
		if (p->years >= 0)
			ob_put_int(ob, p->years);
		else
			ob_put(ob, LIT("null"));
		if (p->running < 0 || p->possible)
			ob_put(ob, LIT(",\"running\":null"));
		else if (p->running == 1)
			ob_put(ob, LIT(",\"running\":true"));
		else
			ob_put(ob, LIT(",\"running\":false"));
		ob_put(ob, LIT(",\"waiver\":"));
		pre_put(ob, pre, pr->waiver);
		pre_put(ob, pre, pr->money);
		if (p->retroactive) {
			ob_put(ob, LIT(",\"retroactive\":"));
			json_escape(ob, p->retroactive);
			ob_put(ob, LIT(",\"contested\":"));
			put_tri(ob, p->contested);
		}
		if (p->possible)
			ob_put(ob, LIT(",\"possible\":true"));
		if (p->borderline)
			ob_put(ob, LIT(",\"borderline\":true"));
		ob_putc(ob, '}');
	}
	if (s->n_pen)
		json_filled(j);
	json_end_arr(j);
	json_prekey(j, JSON_KEY("relief"));
	json_arr(j, NULL);
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *e = &s->rel[i];
		const struct pre_rule *pr = &pre->rule[e->rule - r->v];
		if (i)
			ob_putc(ob, ',');
		pre_put(ob, pre, pr->head);
		ob_puts(ob, status[e->status < RSTAT__COUNT ? e->status : 0]);
		put_crit(ob, pre, pr, e, 0);
		ob_put(ob, LIT("],\"unknown\":["));
		put_crit(ob, pre, pr, e, -1);
		ob_putc(ob, ']');
		put_then(ob, &e->then);
		put_now(ob, &e->now);
		put_criteria(ob, pre, pr, e);
		ob_putc(ob, '}');
	}
	if (s->n_rel)
		json_filled(j);
	json_end_arr(j);
}

static void put_tri(struct outbuf *ob, int t)
{
	if (t < 0)
		ob_put(ob, LIT("null"));
	else if (t)
		ob_put(ob, LIT("true"));
	else
		ob_put(ob, LIT("false"));
}

static bool standing_has(const struct way_back *w, const struct rule *rl)
{
	for (uint32_t i = 0; i < w->n_standing; i++)
		if (w->standing[i].pen->rule == rl)
			return true;
	return false;
}

/* taken - not_taken in days, or null when either is none. */
static void put_shift(struct outbuf *ob, const char *key, daynum t, daynum n)
{
	ob_printf(ob, ",\"%s\":{\"taken\":", key);
	put_day_or_null(ob, t);
	ob_put(ob, LIT(",\"not_taken\":"));
	put_day_or_null(ob, n);
	ob_put(ob, LIT(",\"days\":"));
	if (t == ASSESS_NO_DAY || n == ASSESS_NO_DAY)
		ob_put(ob, LIT("null"));
	else
		ob_put_int(ob, (int64_t)t - n);
	ob_putc(ob, '}');
}

/* Section 10.4 delta, inside the alternative: the bars standing on one
 * path and not the other, and how far each date moves. */
static void put_delta(struct outbuf *ob, const struct way_back *t,
		      const struct way_back *n)
{
	ob_put(ob, LIT(",\"delta\":{\"only_taken\":["));
	bool first = true;
	for (uint32_t i = 0; i < t->n_standing; i++) {
		const struct rule *rl = t->standing[i].pen->rule;
		if (standing_has(n, rl))
			continue;
		bool dup = false;
		for (uint32_t k = 0; k < i; k++)
			dup |= t->standing[k].pen->rule == rl;
		if (dup)
			continue;
		if (!first)
			ob_putc(ob, ',');
		first = false;
		json_escape(ob, rl->id);
	}
	ob_put(ob, LIT("],\"only_not_taken\":["));
	first = true;
	for (uint32_t i = 0; i < n->n_standing; i++) {
		const struct rule *rl = n->standing[i].pen->rule;
		if (standing_has(t, rl))
			continue;
		bool dup = false;
		for (uint32_t k = 0; k < i; k++)
			dup |= n->standing[k].pen->rule == rl;
		if (dup)
			continue;
		if (!first)
			ob_putc(ob, ',');
		first = false;
		json_escape(ob, rl->id);
	}
	ob_putc(ob, ']');
	put_shift(ob, "earliest_no_waiver", t->no_waiver, n->no_waiver);
	put_shift(ob, "earliest_with_waivers", t->with_waivers, n->with_waivers);
	ob_putc(ob, '}');
}

/* ,"way_back":{...} (section 10; cli.md revision 2); other: the path
 * taken's, when this is the alternative (for delta). */
static void put_way_back(struct outbuf *ob, const struct way_back *w,
			 const struct way_back *other)
{
	char b[ASSESS_RANGE_BUFSZ];
	ob_put(ob, LIT(",\"way_back\":{\"standing\":["));
	for (uint32_t i = 0; i < w->n_standing; i++) {
		const struct standing *st = &w->standing[i];
		if (i)
			ob_putc(ob, ',');
		ob_put(ob, LIT("{\"rule\":"));
		json_escape(ob, st->pen->rule->id);
		ob_put(ob, LIT(",\"instance\":"));
		ob_put_int(ob, st->pen->instance);
		ob_put(ob, LIT(",\"permanent\":"));
		put_tri(ob, st->pen->permanent);
		ob_put(ob, LIT(",\"until\":"));
		if (st->pen->until_lo == ASSESS_NO_DAY)
			ob_put(ob, LIT("null"));
		else
			ob_printf(ob, "\"%s\"", assess_range(st->pen->until_lo,
						    st->pen->until_hi, b));
		ob_put(ob, LIT(",\"route\":"));
		put_str_or_null(ob, st->route);
		ob_put(ob, LIT(",\"route_from\":"));
		put_day_or_null(ob, st->route ? st->route_from : ASSESS_NO_DAY);
		ob_put(ob, LIT(",\"clear_from\":"));
		put_day_or_null(ob, st->clear_from);
		ob_putc(ob, '}');
	}
	ob_put(ob, LIT("],\"other_grounds\":["));
	bool first = true;
	if (w->criminal) {
		first = false;
		ob_put(ob, LIT("{\"ground\":\"212(a)(2)\",\"route\":"));
		put_str_or_null(ob, strcmp(w->criminal, "waiver_212h") ? NULL :
				w->criminal);
		ob_put(ob, LIT(",\"reason\":"));
		json_escape(ob, w->criminal);
		ob_put(ob, LIT(",\"clear_from\":"));
		put_day_or_null(ob, w->criminal_from);
		ob_putc(ob, '}');
	}
	if (w->visa_222g) {
		if (!first)
			ob_putc(ob, ',');
		ob_put(ob, LIT("{\"ground\":\"222(g)\",\"route\":null,"
			       "\"reason\":\"a new visa from the country of "
			       "nationality\",\"clear_from\":null}"));
	}
	ob_put(ob, LIT("],\"earliest_no_waiver\":"));
	put_day_or_null(ob, w->no_waiver);
	ob_put(ob, LIT(",\"earliest_with_waivers\":"));
	put_day_or_null(ob, w->with_waivers);
	ob_put(ob, LIT(",\"certainty\":"));
	ob_puts(ob, w->maybe ? "\"possible\"" : "\"eligible\"");
	ob_put(ob, LIT(",\"requires\":"));
	put_ids(ob, w->req.id, w->req.n);
	ob_put(ob, LIT(",\"route\":"));
	put_str_or_null(ob, w->route);
	ob_put(ob, LIT(",\"adjust_inside\":{\"status\":"));
	ob_puts(ob, w->adjust_inside == 1 ? "\"possible\"" : "\"no\"");
	ob_put(ob, LIT(",\"requires\":"));
	put_ids(ob, w->adjust_req.id, w->adjust_req.n);
	ob_put(ob, LIT(",\"reasons\":["));
	if (w->adjust_inside != 1 && w->adjust_reason)
		json_escape(ob, w->adjust_reason);
	ob_put(ob, LIT("]},\"i601a\":{\"eligible\":"));
	put_tri(ob, w->i601a);
	ob_put(ob, LIT(",\"reasons\":["));
	if (w->i601a != 1 && w->i601a_reason)
		json_escape(ob, w->i601a_reason);
	ob_put(ob, LIT("]}"));
	if (other)
		put_delta(ob, other, w);
	ob_putc(ob, '}');
}

static void put_cat(struct outbuf *ob, const struct policy_cat *c)
{
	ob_put(ob, LIT("{\"code\":"));
	json_escape(ob, c->code);
	ob_put(ob, LIT(",\"text\":"));
	json_escape(ob, c->text);
	ob_putc(ob, '}');
}

/* ,"pd":{...}: legal-reference.md section 5, policy and not law. */
static void put_pd(struct outbuf *ob, const struct pd_outcome *o)
{
	const struct policy *f = o->frame;
	ob_put(ob, LIT(",\"pd\":{\"policy_not_law\":true,\"encounter\":"));
	put_day_or_null(ob, o->encounter == PD_NO_ENCOUNTER ? ASSESS_NO_DAY
							   : o->encounter);
	ob_put(ob, LIT(",\"encounter_line\":"));
	if (o->encounter_line)
		ob_put_int(ob, o->encounter_line);
	else
		ob_put(ob, LIT("null"));
	ob_put(ob, LIT(",\"framework\":"));
	put_str_or_null(ob, f ? f->id : NULL);
	ob_put(ob, LIT(",\"title\":"));
	put_str_or_null(ob, f ? f->title : NULL);
	ob_put(ob, LIT(",\"cite\":"));
	put_str_or_null(ob, f ? f->cite : NULL);
	ob_put(ob, LIT(",\"result\":"));
	json_escape(ob, pd_result_def.names[o->result]);
	ob_put(ob, LIT(",\"category\":"));
	if (o->cat)
		put_cat(ob, o->cat);
	else
		ob_put(ob, LIT("null"));
	ob_put(ob, LIT(",\"level\":"));
	put_str_or_null(ob, o->level);
	ob_put(ob, LIT(",\"reason\":"));
	put_str_or_null(ob, o->reason);
	ob_put(ob, LIT(",\"open\":["));
	for (uint32_t i = 0; i < o->n_open; i++) {
		if (i)
			ob_putc(ob, ',');
		put_cat(ob, o->open[i]);
	}
	ob_put(ob, LIT("],\"not_assessed\":["));
	for (uint32_t i = 0; i < o->n_unassessed; i++) {
		if (i)
			ob_putc(ob, ',');
		put_cat(ob, o->unassessed[i]);
	}
	ob_put(ob, LIT("],\"factors_from\":"));
	put_str_or_null(ob, o->companion ? o->companion->id : NULL);
	ob_put(ob, LIT(",\"factors\":["));
	for (uint32_t i = 0; i < o->n_factors; i++) {
		if (i)
			ob_putc(ob, ',');
		ob_put(ob, LIT("{\"text\":"));
		json_escape(ob, o->factors[i]->text);
		ob_put(ob, LIT(",\"favorable\":"));
		put_tri(ob, o->factors[i]->favorable);
		ob_putc(ob, '}');
	}
	ob_put(ob, LIT("],\"er_covered_at_encounter\":"));
	put_tri(ob, o->er_then);
	ob_put(ob, LIT(",\"er_designation\":"));
	put_str_or_null(ob, o->er_then && o->er_then_by ? o->er_then_by->id
							 : NULL);
	ob_put(ob, LIT(",\"er_exposure_now\":"));
	put_tri(ob, o->er_now);
	ob_put(ob, LIT(",\"er_now_designation\":"));
	put_str_or_null(ob, o->er_now && o->er_now_by ? o->er_now_by->id
						       : NULL);
	ob_putc(ob, '}');
}

static void put_differences(struct outbuf *ob, const struct assessment *a)
{
	ob_put(ob, LIT(",\"differences\":["));
	for (uint32_t i = 0; i < a->n_diff; i++) {
		const struct difference *d = &a->diff[i];
		if (i)
			ob_putc(ob, ',');
		ob_put(ob, LIT("{\"what\":"));
		json_escape(ob, d->what);
		ob_put(ob, LIT(",\"rule\":"));
		put_str_or_null(ob, d->rule);
		ob_put(ob, LIT(",\"field\":"));
		json_escape(ob, d->field);
		ob_put(ob, LIT(",\"taken\":"));
		put_value(ob, d->taken);
		ob_put(ob, LIT(",\"not_taken\":"));
		put_value(ob, d->not_taken);
		ob_putc(ob, '}');
	}
	ob_putc(ob, ']');
}

static void put_bar_running(struct json *j, int8_t b)
{
	json_prekey(j, JSON_KEY("bar_running"));
	if (b < 0)
		json_null(j, NULL);
	else
		json_bool(j, NULL, b == 1);
}

static void put_json(struct outbuf *ob, const struct pre *pre,
		     const struct rules *r, const struct assessment *a,
		     bool redact)
{
	struct json j;
	json_init_buf(&j, ob);
	json_obj(&j, NULL);
	json_prekey(&j, JSON_KEY("id"));
	json_str(&j, NULL, a->c->id);
	/* file names often carry the person's name */
	json_prekey(&j, JSON_KEY("file"));
	if (redact)
		json_null(&j, NULL);
	else
		json_str(&j, NULL, a->c->file);
	json_prekey(&j, JSON_KEY("line"));
	json_int(&j, NULL, a->c->pos.line);
	json_prekey(&j, JSON_KEY("path"));
	json_str(&j, NULL, path_id_def.names[a->taken.path]);
	json_prekey(&j, JSON_KEY("hearing"));
	json_bool(&j, NULL, a->taken.hearing);
	json_prekey(&j, JSON_KEY("as_of"));
	put_date(&j, NULL, a->as_of);
	json_prekey(&j, JSON_KEY("law_as_of"));
	put_date(&j, NULL, a->law_as_of);
	put_bar_running(&j, a->taken.bar_running);
	put_facts(&j, pre, a->taken.facts, &a->pd, redact);
	put_side(&j, pre, r, &a->taken);
	put_way_back(ob, &a->taken.wb, NULL);
	put_pd(ob, &a->pd);
	put_differences(ob, a);
	json_filled(&j);
	json_prekey(&j, JSON_KEY("alternative"));
	json_obj(&j, NULL);
	json_prekey(&j, JSON_KEY("path"));
	json_str(&j, NULL, path_id_def.names[a->alt.path]);
	json_prekey(&j, JSON_KEY("hearing"));
	json_bool(&j, NULL, a->alt.hearing);
	put_bar_running(&j, a->alt.bar_running);
	put_side(&j, pre, r, &a->alt);
	put_way_back(ob, &a->alt.wb, &a->taken.wb);
	json_end_obj(&j);
	json_end_obj(&j);
	ob_putc(ob, '\n');
}

/* ---- text and CSV ------------------------------------------------------- */

/* "2018-05", "2017-02-01..2017-03-01", or "(unknown)" for a clock that
 * could not be set. */
static const char *range_or_unknown(daynum lo, daynum hi,
				    char b[ASSESS_RANGE_BUFSZ])
{
	if (lo == ASSESS_NO_DAY)
		return "(unknown)";
	return assess_range(lo, hi, b);
}

/* A day as text, "none" for none. */
static const char *day_text(daynum d, char b[ASSESS_RANGE_BUFSZ])
{
	if (d == ASSESS_NO_DAY)
		return "none";
	return assess_range(d, d, b);
}

static void text_side(struct outbuf *ob, const struct outcome_side *s,
		      const char *ind)
{
	char a[ASSESS_RANGE_BUFSZ], b[ASSESS_RANGE_BUFSZ], id[96];
	for (uint32_t i = 0; i < s->n_pen; i++) {
		const struct penalty *p = &s->pen[i];
		snprintf(id, sizeof(id), "%s#%u", p->rule->id, p->instance);
		text_obprintf(ob, "%s  penalty %-24s %s%s from %s until %s%s  [%s]\n",
			ind, id, p->possible ? "(possible) " : "",
			p->running == 1 ? "running" : p->running == 0 ? "ended" : "?",
			range_or_unknown(p->from_lo, p->from_hi, a),
			p->permanent == 1 ? "(no end)" :
			p->until_lo == ASSESS_NO_DAY ? "(unknown)" :
			assess_until(p, b),
			p->borderline ? " (borderline: on or about)" : "",
			p->rule->cite);
		if (p->retroactive)
			text_obprintf(ob, "%s          retroactive: %s applied to an "
				"earlier event%s\n", ind, p->retroactive,
				p->contested == 1 ? " (contested)" : "");
	}
	for (uint32_t i = 0; i < s->n_rel; i++) {
		const struct relief_eval *r = &s->rel[i];
		const struct relief_now *n = &r->now;
		char st[40];
		snprintf(st, sizeof(st), "%s%s", now_status_def.names[n->status],
			 n->certainty == CERT_POSSIBLE ? " (possible)" : "");
		text_obprintf(ob, "%s  relief  %-24s now %-25s then %-11s",
			ind, r->rule->id, st,
			then_status_def.names[r->then.status]);
		if (n->req.n) {
			ob_puts(ob, "  requires ");
			for (uint32_t k = 0; k < n->req.n; k++)
				text_obprintf(ob, "%s%s", k ? "+" : "", n->req.id[k]);
		}
		if (n->status == NOW_AFTER_BAR || n->from != ASSESS_NO_DAY)
			ob_printf(ob, "  from %s", day_text(n->from, a));
		if (n->status == NOW_FROM_ABROAD)
			ob_printf(ob, "  earliest %s", day_text(n->earliest, a));
		if (n->motion)
			text_obprintf(ob, "  %s motion%s%s", n->motion,
				n->deadline != ASSESS_NO_DAY ? " by " : "",
				n->deadline != ASSESS_NO_DAY ?
				day_text(n->deadline, b) : "");
		if (n->missing)
			text_obprintf(ob, "  unknown: %s", n->missing);
		text_obprintf(ob, "  (%s)\n", n->reason ? n->reason : "");
	}
	const struct way_back *w = &s->wb;
	text_obprintf(ob, "%s  way back: no waiver %s, with waivers %s%s (%s)",
		ind, day_text(w->no_waiver, a), day_text(w->with_waivers, b),
		w->maybe ? " (possible)" : "",
		w->route ? w->route : "consular");
	if (w->req.n) {
		ob_puts(ob, ", requires ");
		for (uint32_t k = 0; k < w->req.n; k++)
			text_obprintf(ob, "%s%s", k ? "+" : "", w->req.id[k]);
	}
	ob_putc(ob, '\n');
	for (uint32_t i = 0; i < w->n_standing; i++) {
		const struct standing *st = &w->standing[i];
		text_obprintf(ob, "%s    standing %s#%u until %s, route %s\n", ind,
			st->pen->rule->id, st->pen->instance,
			st->pen->permanent == 1 ? "(no end)" :
			assess_until(st->pen, a),
			st->route ? st->route : "none");
	}
	text_obprintf(ob, "%s    adjustment inside: %s%s%s; I-601A: %s%s%s\n", ind,
		w->adjust_inside == 1 ? "possible" : "no",
		w->adjust_inside != 1 && w->adjust_reason ? ", " : "",
		w->adjust_inside != 1 && w->adjust_reason ? w->adjust_reason : "",
		w->i601a == 1 ? "yes" : w->i601a == 0 ? "no" : "unknown",
		w->i601a != 1 && w->i601a_reason ? ", " : "",
		w->i601a != 1 && w->i601a_reason ? w->i601a_reason : "");
}

static void text_pd(struct outbuf *ob, const struct pd_outcome *o)
{
	char d[DATE_BUFSZ];
	if (o->encounter == PD_NO_ENCOUNTER) {
		ob_puts(ob, "  priorities (policy, not law): no encounter on file\n");
	} else if (!o->frame) {
		/* not "no framework, no_framework": the result says it again */
		text_obprintf(ob, "  priorities (policy, not law) on the encounter "
			"of %s: no framework in force\n",
			date_format(date_from_days(o->encounter), d));
	} else {
		text_obprintf(ob, "  priorities (policy, not law) on the encounter "
			"of %s: %s, %s%s%s%s%s\n",
			date_format(date_from_days(o->encounter), d),
			o->frame->id, pd_result_def.names[o->result],
			o->cat ? " " : "", o->cat ? o->cat->code : "",
			o->level ? " " : "", o->level ? o->level : "");
	}
	text_obprintf(ob, "  expedited removal: at the encounter %s, now %s\n",
		o->er_then == 1 ? "yes" : o->er_then == 0 ? "no" : "unknown",
		o->er_now == 1 ? "yes" : o->er_now == 0 ? "no" : "unknown");
}

static void put_text(struct outbuf *ob, const struct app *app,
		     const struct assessment *a)
{
	char buf[REDACT_BUFSZ];
	const char *name = a->c->person.name ? a->c->person.name : "(no name)";
	if (app->redact)
		name = redact_case_name(a->c, buf, sizeof(buf));
	text_safe(ob, a->c->id);
	ob_puts(ob, "  ");
	text_safe(ob, name);
	ob_printf(ob, "\n  path %s, %s\n", path_id_def.names[a->taken.path],
		  a->taken.hearing ? "hearing before a judge" : "no hearing");
	text_side(ob, &a->taken, "");
	ob_printf(ob, "  path not taken: %s, %s\n", path_id_def.names[a->alt.path],
		  a->alt.hearing ? "hearing before a judge" : "no hearing");
	text_side(ob, &a->alt, "  ");
	text_pd(ob, &a->pd);
	ob_putc(ob, '\n');
}

/* The name a filter's text= reads: as shown (masked with --redact). */
static const char *shown_name(const struct app *app, const struct cw_case *c,
			      char buf[REDACT_BUFSZ])
{
	if (app->redact)
		return redact_case_name(c, buf, REDACT_BUFSZ);
	return c->person.name ? c->person.name : "";
}

/* Rule ids joined by ';'. */
static void csv_ids(struct outbuf *ob, const char *const *id, uint32_t n)
{
	struct outbuf t = { NULL, 0, 0 };
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			ob_putc(&t, ';');
		ob_puts(&t, id[i]);
	}
	ob_putc(&t, '\0');
	csv_cell(ob, t.p);
	ob_free(&t);
}

/* The columns of cli.md (id .. relief_forfeited), then name, line, the
 * headline bar, whether a bar runs, the relief open now and the two
 * dates of the way back.  Every list is whole: no cell is cut. */
static void put_csv(struct outbuf *ob, const struct app *app,
		    const struct assessment *a, struct arena *ar)
{
	const struct outcome_side *t = &a->taken;
	char d[ASSESS_RANGE_BUFSZ], buf[REDACT_BUFSZ];
	const char **ids = arena_alloc(ar, (t->n_pen + t->n_rel + 1) *
				       sizeof(*ids));
	uint32_t n = 0;
	csv_cell(ob, a->c->id);
	CSV_SEP(ob);
	csv_cell(ob, app->redact ? "" : a->c->file);
	CSV_SEP(ob);
	csv_raw(ob, path_id_def.names[t->path]);
	CSV_SEP(ob);
	csv_raw(ob, t->hearing ? "true" : "false");
	CSV_SEP(ob);
	for (uint32_t i = 0; i < t->n_pen; i++)
		ids[n++] = t->pen[i].rule->id;
	csv_ids(ob, ids, n);
	CSV_SEP(ob);
	const struct penalty *h = assess_headline(t);
	csv_cell(ob, !h ? "" : assess_until(h, d));
	for (int pass = 0; pass < 2; pass++) {
		n = 0;
		for (uint32_t i = 0; i < t->n_rel; i++) {
			uint8_t st = t->rel[i].status;
			if (pass ? st == RSTAT_FORFEITED :
			    st == RSTAT_POSSIBLE || st == RSTAT_ELIGIBLE)
				ids[n++] = t->rel[i].rule->id;
		}
		CSV_SEP(ob);
		csv_ids(ob, ids, n);
	}
	CSV_SEP(ob);
	csv_cell(ob, shown_name(app, a->c, buf));
	ob_printf(ob, ",%u,", a->c->pos.line);
	csv_cell(ob, h ? h->rule->id : "");
	CSV_SEP(ob);
	csv_raw(ob, t->bar_running < 0 ? "" : t->bar_running ? "true" : "false");
	CSV_SEP(ob);
	n = 0;
	for (uint32_t i = 0; i < t->n_rel; i++) {
		uint8_t now = t->rel[i].now.status;
		if (now == NOW_AVAILABLE || now == NOW_DEFENSIVE ||
		    now == NOW_VIA_MOTION)
			ids[n++] = t->rel[i].rule->id;
	}
	csv_ids(ob, ids, n);
	CSV_SEP(ob);
	csv_raw(ob, t->wb.no_waiver == ASSESS_NO_DAY ? "" :
		assess_range(t->wb.no_waiver, t->wb.no_waiver, d));
	CSV_SEP(ob);
	csv_raw(ob, t->wb.with_waivers == ASSESS_NO_DAY ? "" :
		assess_range(t->wb.with_waivers, t->wb.with_waivers, d));
	CSV_END(ob);
}

/* Loads rules and corpus; prints diagnostics of bad files on stderr. */
static int load_all(struct app *app, struct corpus *c)
{
	if (!app_load_rules(app))
		return 2;
	if (!app_load(app, c, NULL))
		return 2;
	app_print_diags(app, stderr, c);
	return c->diags.n_errors ? 1 : 0;
}

struct assess_job {
	const struct app *app;
	const struct corpus *c;
	struct pre pre;         /* --json only */
	const struct query_filter *filter;      /* NULL: every case */
};

/* The filter on an assessed case. */
static bool wanted(const struct app *app, const struct query_filter *f,
		   const struct assessment *as, struct arena *a)
{
	if (!f || !*query_filter_text(f))
		return true;
	struct query_ctx q = { &app->rules, NULL, app->as_of, app->law_as_of,
			       true };
	char buf[REDACT_BUFSZ];
	const struct case_row *row = query_row(&q, as, a);
	return query_filter_case(f, &app->rules, as, row,
				 shown_name(app, as->c, buf));
}

static void assess_batch(void *ctx, size_t batch, size_t lo, size_t hi,
			 struct arena *a, struct outbuf *out)
{
	const struct assess_job *j = ctx;
	const struct app *app = j->app;
	(void)batch;
	for (size_t i = lo; i < hi; i++) {
		struct assessment as;
		assess_case_brief(&app->rules, j->c->cases[i], app->as_of,
			    app->law_as_of, &as, a);
		if (!wanted(app, j->filter, &as, a)) {
			arena_reset(a);
			continue;
		}
		if (app->json)
			put_json(out, &j->pre, &app->rules, &as, app->redact);
		else if (app->csv)
			put_csv(out, app, &as, a);
		else
			put_text(out, app, &as);
		arena_reset(a);
	}
}

/* Cases per batch: enough to amortise the hand-over, few enough that a
 * handful in flight stay small. */
#define BATCH 256

static int jobs_of(const struct app *app)
{
	return app->jobs > 0 ? app->jobs : corpus_default_jobs();
}

/* --filter compiled, or false (the message said) when it is not valid. */
static bool compile_filter(struct app *app, struct arena *fa,
			   struct query_filter **f)
{
	char err[512];
	*f = NULL;
	if (!app->filter)
		return true;
	*f = query_filter_compile(&app->rules, app->filter, fa, err, sizeof(err));
	if (!*f)
		fprintf(stderr, "casewalk: %s\n", err);
	return *f != NULL;
}

int cmd_assess(struct app *app)
{
	struct corpus c;
	struct arena fa;
	struct query_filter *f;
	if (!app->n_paths) {
		fputs("casewalk assess: no PATH given\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	arena_init(&fa, 4096);
	if (!compile_filter(app, &fa, &f)) {
		arena_free(&fa);
		return 2;
	}
	int st = load_all(app, &c);
	if (st == 2) {
		arena_free(&fa);
		return 2;
	}
	if (!app->json && !app->csv)
		printf("%s  As of %s, law as of %s.\n\n", CASEWALK_DISCLAIMER,
		       date_format(app->as_of, (char[DATE_BUFSZ]){ 0 }),
		       date_format(app->law_as_of, (char[DATE_BUFSZ]){ 0 }));
	if (app->csv)
		fputs("id,file,path,hearing,penalties,bar_until,relief_possible,"
		      "relief_forfeited,name,line,bar,bar_running,relief_open,"
		      "earliest_no_waiver,earliest_with_waivers\r\n", stdout);
	struct assess_job j = { .app = app, .c = &c, .filter = f };
	if (app->json)
		pre_build(&j.pre, &app->rules, app->law_as_of);
	fflush(stdout);
	/* a case's JSON is some 60 KiB: smaller batches keep the batches in
	 * flight (and their output) within the memory target */
	pipeline_run(c.n_cases, app->json ? BATCH / 4 : BATCH, jobs_of(app),
		     assess_batch, &j, stdout);
	pre_free(&j.pre, &app->rules);
	corpus_free(&c);
	arena_free(&fa);
	return st;
}

/* ---- stats ------------------------------------------------------------ */

static void json_counts(struct json *j, const char *key, const size_t *v,
			const struct rules *r, bool (*want)(const struct rule *))
{
	json_obj(j, key);
	for (size_t k = 0; k < r->n; k++)
		if (want(&r->v[k]) && v[k])
			json_int(j, r->v[k].id, (long long)v[k]);
	json_end_obj(j);
}

static bool is_penalty(const struct rule *rl)
{
	return rule_kind_is_penalty(rl->kind);
}

static bool is_bar(const struct rule *rl)
{
	return rl->kind == KIND_BAR;
}

static void json_by_status(struct json *j, const char *key, const size_t *v,
			   const struct rules *r, const struct enum_def *def)
{
	json_obj(j, key);
	for (size_t k = 0; k < r->n; k++) {
		if (r->v[k].kind != KIND_RELIEF)
			continue;
		json_obj(j, r->v[k].id);
		for (int st = 0; st < def->count; st++)
			if (v[k * (size_t)def->count + (size_t)st])
				json_int(j, def->names[st],
					 (long long)v[k * (size_t)def->count +
						      (size_t)st]);
		json_end_obj(j);
	}
	json_end_obj(j);
}

static void stats_json(const struct query_stats *s, size_t errors,
		       const struct rules *r)
{
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_int(&j, "cases", (long long)s->cases);
	json_int(&j, "errors", (long long)errors);
	json_obj(&j, "by_path");
	for (int p = 0; p < PATH__COUNT; p++)
		if (s->by_path[p])
			json_int(&j, path_id_def.names[p], (long long)s->by_path[p]);
	json_end_obj(&j);
	json_obj(&j, "hearing");
	json_int(&j, "yes", (long long)s->hearing_yes);
	json_int(&j, "no", (long long)s->hearing_no);
	json_end_obj(&j);
	json_counts(&j, "penalties", s->penalty, r, is_penalty);
	json_counts(&j, "penalties_possible", s->penalty_possible, r, is_penalty);
	json_counts(&j, "bars_running", s->bar_running, r, is_bar);
	json_int(&j, "cases_bar_running", (long long)s->cases_bar_running);
	json_counts(&j, "penalties_running", s->penalty_running, r, is_penalty);
	json_obj(&j, "dhs");
	json_int(&j, "removals", (long long)s->dhs_removals);
	json_int(&j, "returns", (long long)s->dhs_returns);
	json_int(&j, "headline", (long long)(s->dhs_removals + s->dhs_returns));
	json_end_obj(&j);
	json_by_status(&j, "relief", s->relief, r, &relief_status_def);
	json_by_status(&j, "relief_then", s->relief_then, r, &then_status_def);
	json_by_status(&j, "relief_now", s->relief_now, r, &now_status_def);
	json_obj(&j, "way_back");
	json_int(&j, "cases", (long long)s->alt_cases);
	json_int(&j, "later_no_waiver", (long long)s->later_no_waiver);
	json_int(&j, "earlier_no_waiver", (long long)s->earlier_no_waiver);
	json_int(&j, "days_no_waiver", (long long)s->days_no_waiver);
	json_int(&j, "later_with_waivers", (long long)s->later_with_waivers);
	json_int(&j, "earlier_with_waivers", (long long)s->earlier_with_waivers);
	json_int(&j, "days_with_waivers", (long long)s->days_with_waivers);
	json_int(&j, "none_taken", (long long)s->none_taken);
	json_int(&j, "none_not_taken", (long long)s->none_not_taken);
	json_end_obj(&j);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static void stats_text(const struct query_stats *s, size_t errors,
		       const struct rules *r, const char *filter)
{
	printf("%s\n\n%zu cases%s%s (%zu case%s left out for errors)\n",
	       CASEWALK_DISCLAIMER, s->cases, filter ? " matching " : "",
	       filter ? filter : "", errors, errors == 1 ? "" : "s");
	printf("as DHS would count them: %zu removals (under an order), %zu "
	       "returns (no order); one \"removals\" headline: %zu\n",
	       s->dhs_removals, s->dhs_returns, s->dhs_removals + s->dhs_returns);
	printf("hearing before a judge: %zu yes, %zu no\n", s->hearing_yes,
	       s->hearing_no);
	printf("a re-entry bar in force today: %zu\n\nby path:\n",
	       s->cases_bar_running);
	for (int p = 0; p < PATH__COUNT; p++)
		if (s->by_path[p])
			printf("  %-26s %6zu\n", path_id_def.names[p], s->by_path[p]);
	puts("\npenalties (cases: ever attached / only possibly / running on "
	     "the as-of date):");
	for (size_t k = 0; k < r->n; k++)
		if (rule_kind_is_penalty(r->v[k].kind) &&
		    (s->penalty[k] || s->penalty_possible[k]))
			text_fprintf(stdout, "  %-26s %6zu %6zu %6zu\n", r->v[k].id,
				     s->penalty[k], s->penalty_possible[k],
				     s->penalty_running[k]);
	puts("\nrelief now (cases by status today):");
	for (size_t k = 0; k < r->n; k++) {
		if (r->v[k].kind != KIND_RELIEF)
			continue;
		text_fprintf(stdout, "  %-22s", r->v[k].id);
		for (int st = 0; st < NOW__COUNT; st++)
			if (s->relief_now[k * NOW__COUNT + st])
				printf(" %s %zu", now_status_def.names[st],
				       s->relief_now[k * NOW__COUNT + st]);
		putchar('\n');
	}
	printf("\nthe way back, path taken against the path not taken (%zu "
	       "cases):\n", s->alt_cases);
	printf("  no waiver:    %zu later (%lld days in all), %zu earlier; no "
	       "date on the path taken %zu, on the other %zu\n",
	       s->later_no_waiver, (long long)s->days_no_waiver,
	       s->earlier_no_waiver, s->none_taken, s->none_not_taken);
	printf("  with waivers: %zu later (%lld days in all), %zu earlier\n",
	       s->later_with_waivers, (long long)s->days_with_waivers,
	       s->earlier_with_waivers);
}

struct stats_job {
	const struct app *app;
	const struct corpus *c;
	const struct query_filter *filter;
	struct query_stats *part;       /* one per batch, summed in order */
};

static void stats_batch(void *ctx, size_t batch, size_t lo, size_t hi,
			struct arena *a, struct outbuf *out)
{
	struct stats_job *j = ctx;
	const struct app *app = j->app;
	struct query_ctx q = { &app->rules, NULL, app->as_of, app->law_as_of,
			       true };
	(void)out;
	query_stats_init(&j->part[batch], &app->rules);
	for (size_t i = lo; i < hi; i++) {
		struct assessment as;
		char buf[REDACT_BUFSZ];
		assess_case_paths(&app->rules, j->c->cases[i], app->as_of,
				  app->law_as_of, true, &as, a);
		as.c = j->c->cases[i];
		const struct case_row *row = query_row(&q, &as, a);
		if (!j->filter || query_filter_case(j->filter, &app->rules, &as,
						    row, shown_name(app, as.c, buf)))
			query_stats_add(&j->part[batch], row);
		arena_reset(a);
	}
}

int cmd_stats(struct app *app)
{
	struct corpus c;
	struct query_stats s;
	struct arena fa;
	struct query_filter *f;
	if (!app->n_paths) {
		fputs("casewalk stats: no PATH given\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	arena_init(&fa, 4096);
	if (!compile_filter(app, &fa, &f)) {
		arena_free(&fa);
		return 2;
	}
	int st = load_all(app, &c);
	if (st == 2) {
		arena_free(&fa);
		return 2;
	}
	size_t batches = (c.n_cases + BATCH - 1) / BATCH;
	struct stats_job j = { app, &c, f, xcalloc(batches + 1, sizeof(*j.part)) };
	pipeline_run(c.n_cases, BATCH, jobs_of(app), stats_batch, &j, stdout);
	query_stats_init(&s, &app->rules);
	for (size_t b = 0; b < batches; b++) {
		query_stats_merge(&s, &j.part[b]);
		query_stats_free(&j.part[b]);
	}
	if (app->json)
		stats_json(&s, c.n_bad_cases, &app->rules);
	else
		stats_text(&s, c.n_bad_cases, &app->rules, app->filter);
	query_stats_free(&s);
	free(j.part);
	corpus_free(&c);
	arena_free(&fa);
	return st;
}
