/* lawdate.c - named dates and the changes of the law between two; see
 * lawdate.h. */
#include "lawdate.h"

#include <stdio.h>
#include <string.h>

#include "facts.h"

const char *const lawdate_what_names[] = {
	[LAWCH_RULE_IN] = "rule_in", [LAWCH_RULE_OUT] = "rule_out",
	[LAWCH_WAIVER] = "waiver", [LAWCH_PARAM] = "parameter",
};

/* A policy named id or alias w[0..n), with or without its "pd." or
 * "er." prefix. */
static const struct policy *era_named(const struct rules *r, const char *w,
				      size_t n)
{
	for (size_t i = 0; r && i < r->n_policies; i++) {
		const struct policy *p = &r->policies[i];
		const char *id = p->id ? p->id : "";
		const char *bare = strchr(id, '.') ? strchr(id, '.') + 1 : id;
		if ((strlen(id) == n && !strncmp(id, w, n)) ||
		    (strlen(bare) == n && !strncmp(bare, w, n)))
			return p;
		for (uint32_t k = 0; k < p->n_alias; k++)
			if (strlen(p->alias[k]) == n &&
			    !strncmp(p->alias[k], w, n))
				return p;
	}
	return NULL;
}

bool lawdate_parse(const struct rules *r, const char *text, size_t len,
		   struct date today, struct date *out, char *err,
		   size_t errsz)
{
	struct date d;
	const char *why;
	if ((len == 5 && !strncmp(text, "today", 5)) ||
	    (len == 3 && !strncmp(text, "now", 3))) {
		*out = today;
		return true;
	}
	if (len && text[0] >= '0' && text[0] <= '9') {
		if (!date_parse(text, len, &d, &why)) {
			snprintf(err, errsz, "'%.*s': %s", (int)(len > 40 ? 40 : len),
				 text, why);
			return false;
		}
		/* a month or a year: the law as it stood at its end, or
		 * today while it lasts */
		daynum hi = date_hi(d), now = date_days(today);
		*out = date_from_days(date_lo(d) <= now && now < hi ? now : hi);
		return true;
	}
	const struct policy *p = era_named(r, text, len);
	if (p && p->n_win && date_known(p->win[0].from)) {
		*out = p->win[0].from;
		return true;
	}
	snprintf(err, errsz, "'%.*s' is not a date: write today, YYYY-MM-DD, "
		 "YYYY-MM, YYYY, or an era such as morton_2011",
		 (int)(len > 40 ? 40 : len), text);
	return false;
}

bool lawdate_parse_pair(const struct rules *r, const char *text,
			struct date today, struct date *as_of,
			struct date *law_as_of, char *err, size_t errsz)
{
	const char *w[3];
	size_t n[3], k = 0;
	for (const char *p = text; *p && k < 3;) {
		p += strspn(p, " \t,");
		if (!*p)
			break;
		w[k] = p;
		n[k] = strcspn(p, " \t,");
		p += n[k++];
	}
	struct date a = *as_of, l;
	if (k == 0 || k == 3) {
		snprintf(err, errsz, "dates: write WHEN (both dates), WHEN WHEN "
			 "(as of, law as of) or law WHEN");
		return false;
	}
	if (k == 2 && n[0] == 3 && !strncmp(w[0], "law", 3)) {
		if (!lawdate_parse(r, w[1], n[1], today, &l, err, errsz))
			return false;
	} else {
		if (!lawdate_parse(r, w[0], n[0], today, &a, err, errsz))
			return false;
		l = a;
		if (k == 2 && !lawdate_parse(r, w[1], n[1], today, &l, err,
					     errsz))
			return false;
	}
	*as_of = a;
	*law_as_of = l;
	return true;
}

/* ---- changes ------------------------------------------------------------ */

static const char *in_force_text(const struct rule *rl, struct arena *a)
{
	char f[DATE_BUFSZ], u[DATE_BUFSZ];
	return arena_printf(a, "in force %s%s%s%s",
		date_known(rl->in_force_from) ? "from " : "",
		date_known(rl->in_force_from) ? date_format(rl->in_force_from, f) : "",
		date_known(rl->in_force_until) ? " until " : "",
		date_known(rl->in_force_until) ? date_format(rl->in_force_until, u) :
		date_known(rl->in_force_from) ? "" : "always");
}

static bool same_value(struct value x, struct value y)
{
	if (x.type != y.type)
		return false;
	if (x.type == VAL_STR)
		return !strcmp(x.s ? x.s : "", y.s ? y.s : "");
	return x.type == VAL_UNKNOWN || (x.lo == y.lo && x.hi == y.hi);
}

static const char *value_text(struct value v, struct arena *a)
{
	char b[96];
	if (v.type == VAL_UNKNOWN)
		return NULL;
	facts_format(v, b, sizeof(b));
	return arena_strdup(a, b);
}

static struct lawdate_change *add(struct lawdate_change **v, size_t *n,
				  size_t *cap, struct arena *a)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct lawdate_change *g = arena_alloc(a, nc * sizeof(*g));
		if (*n)
			memcpy(g, *v, *n * sizeof(*g));
		*v = g;
		*cap = nc;
	}
	struct lawdate_change *c = &(*v)[(*n)++];
	memset(c, 0, sizeof(*c));
	return c;
}

size_t lawdate_changes(const struct rules *r, struct date from,
		       struct date to, struct lawdate_change **out,
		       struct arena *a)
{
	struct lawdate_change *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *rl = &r->v[i];
		bool f = rules_in_force(rl, from), t = rules_in_force(rl, to);
		if (f != t) {
			struct lawdate_change *c = add(&v, &n, &cap, a);
			c->what = t ? LAWCH_RULE_IN : LAWCH_RULE_OUT;
			c->rule = rl;
			c->cite = rl->cite;
			*(t ? &c->after : &c->before) = in_force_text(rl, a);
			continue;
		}
		const char *wf = rules_waiver(rl, from), *wt = rules_waiver(rl, to);
		if (f && wf != wt && strcmp(wf ? wf : "", wt ? wt : "")) {
			struct lawdate_change *c = add(&v, &n, &cap, a);
			c->what = LAWCH_WAIVER;
			c->rule = rl;
			c->before = wf;
			c->after = wt;
			c->cite = rl->cite;
		}
	}
	for (size_t i = 0; i < r->n_params; i++) {
		const struct param *p = &r->params[i];
		const struct param_era *ef, *et;
		struct value x = params_value(p, from, &ef);
		struct value y = params_value(p, to, &et);
		if (same_value(x, y))
			continue;
		struct lawdate_change *c = add(&v, &n, &cap, a);
		c->what = LAWCH_PARAM;
		c->param = p;
		c->before = value_text(x, a);
		c->after = value_text(y, a);
		c->cite = et && et->cite ? et->cite : ef && ef->cite ? ef->cite :
			p->cite;
	}
	*out = v;
	return n;
}
