/* cmd_rules.c - `casewalk rules`: the rules in force under the law of a
 * date, their parameters with the value and the citation of that date's
 * era, and the derived facts; text, or NDJSON (one object per rule,
 * parameter and derived fact). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "assess.h"
#include "json.h"
#include "lawdate.h"
#include "textout.h"

static const char *value_text(struct value v, char *buf, size_t n)
{
	char d[DATE_BUFSZ];
	switch (v.type) {
	case VAL_BOOL: return v.lo ? "true" : "false";
	case VAL_INT: snprintf(buf, n, "%lld", (long long)v.lo); return buf;
	case VAL_DATE:
		snprintf(buf, n, "%s", date_format(date_from_days((daynum)v.lo), d));
		return buf;
	case VAL_STR: return v.s;
	}
	return "unknown";
}

/* "2012-04-17..2026-08-12", "until 2012-04-16", "from 2026-08-13", or
 * "always". */
static const char *era_text(struct date from, struct date until, char *buf,
			    size_t n)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	if (date_known(from) && date_known(until))
		snprintf(buf, n, "%s..%s", date_format(from, a), date_format(until, b));
	else if (date_known(from))
		snprintf(buf, n, "from %s", date_format(from, a));
	else if (date_known(until))
		snprintf(buf, n, "until %s", date_format(until, b));
	else
		snprintf(buf, n, "always");
	return buf;
}

static const char *scope_text(const struct rule *rl)
{
	return rl->scope < 0 ? "the case" : scope_defs[rl->scope].name;
}

static void rule_text(const struct rule *rl, struct date law)
{
	char e[64];
	text_fprintf(stdout, "%-22s %s, for each %s\n  %s\n  %s\n  in force %s\n",
		     rl->id, enum_name(&rule_kind_def, rl->kind), scope_text(rl),
		     rl->title, rl->cite,
		     era_text(rl->in_force_from, rl->in_force_until, e, sizeof(e)));
	for (uint32_t k = 0; k < rl->n_bars; k++)
		text_fprintf(stdout, "    barred by: %s\n", rl->bars[k].text ?
			     rl->bars[k].text : "");
	for (uint32_t k = 0; k < rl->n_when; k++)
		text_fprintf(stdout, "    - %s\n", rl->when[k].text ?
			     rl->when[k].text : "");
	const char *w = rules_waiver(rl, law);
	if (w)
		text_fprintf(stdout, "  way out: %s\n", w);
	putchar('\n');
}

static void param_text(const struct param *p, struct date law)
{
	const struct param_era *era;
	char v[64], e[64];
	struct value now = params_value(p, law, &era);
	text_fprintf(stdout, "%s = %s", p->id, value_text(now, v, sizeof(v)));
	if (p->n_era > 1 && era)
		text_fprintf(stdout, " (%s)", era_text(era->from, era->until,
						       e, sizeof(e)));
	text_fprintf(stdout, "\n  %s\n  %s\n", p->title,
		     era && era->cite ? era->cite : p->cite);
	if (era && era->cite && p->n_era == 1)
		text_fprintf(stdout, "  %s\n", p->cite);
	for (uint32_t i = 0; p->n_era > 1 && i < p->n_era; i++) {
		const struct param_era *o = &p->era[i];
		if (o == era)
			continue;
		text_fprintf(stdout, "  other era %s: %s  [%s]\n",
			     era_text(o->from, o->until, e, sizeof(e)),
			     value_text(o->v, v, sizeof(v)),
			     o->cite ? o->cite : p->cite);
	}
	putchar('\n');
}

static void put_value_json(struct json *j, const char *key, struct value v)
{
	char b[32];
	switch (v.type) {
	case VAL_BOOL: json_bool(j, key, v.lo); break;
	case VAL_INT: json_int(j, key, v.lo); break;
	case VAL_DATE:
		json_str(j, key, date_format(date_from_days((daynum)v.lo), b));
		break;
	case VAL_STR: json_str(j, key, v.s); break;
	default: json_null(j, key);
	}
}

static void put_date_json(struct json *j, const char *key, struct date d)
{
	char b[DATE_BUFSZ];
	if (date_known(d))
		json_str(j, key, date_format(d, b));
	else
		json_null(j, key);
}

static void rule_json(const struct rule *rl, struct date law)
{
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "id", rl->id);
	json_str(&j, "kind", enum_name(&rule_kind_def, rl->kind));
	json_str(&j, "for_each", rl->scope < 0 ? NULL : scope_defs[rl->scope].name);
	json_str(&j, "title", rl->title);
	json_str(&j, "cite", rl->cite);
	json_str(&j, "waiver", rules_waiver(rl, law));
	put_date_json(&j, "in_force_from", rl->in_force_from);
	put_date_json(&j, "in_force_until", rl->in_force_until);
	json_arr(&j, "conditions");
	for (uint32_t k = 0; k < rl->n_bars + rl->n_when; k++) {
		const struct rule_cond *c = k < rl->n_bars ? &rl->bars[k]
							    : &rl->when[k - rl->n_bars];
		json_obj(&j, NULL);
		json_str(&j, "text", c->text);
		json_str(&j, "expr", c->src);
		json_str(&j, "cite", c->cite);
		json_bool(&j, "bar", k < rl->n_bars);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static void param_json(const struct param *p, struct date law)
{
	const struct param_era *era;
	struct value now = params_value(p, law, &era);
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "parameter", p->id);
	json_str(&j, "title", p->title);
	put_value_json(&j, "value", now);
	json_str(&j, "cite", era && era->cite ? era->cite : p->cite);
	json_arr(&j, "eras");
	for (uint32_t i = 0; i < p->n_era; i++) {
		json_obj(&j, NULL);
		put_date_json(&j, "from", p->era[i].from);
		put_date_json(&j, "until", p->era[i].until);
		put_value_json(&j, "value", p->era[i].v);
		json_str(&j, "cite", p->era[i].cite ? p->era[i].cite : p->cite);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static void derive_json(const struct derive *d)
{
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "derived", d->id);
	json_str(&j, "text", d->text);
	json_str(&j, "cite", d->cite);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static const char *window_text(const struct policy *p, char *buf, size_t n)
{
	size_t used = 0;
	char e[64];
	buf[0] = '\0';
	for (uint32_t i = 0; i < p->n_win && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
			i ? ", " : "", era_text(p->win[i].from, p->win[i].until,
						e, sizeof(e)));
	return buf;
}

static void policy_text(const struct policy *p)
{
	char w[256];
	text_fprintf(stdout, "%s  (%s; encounters %s)\n  %s\n  %s\n", p->id,
		     policy_kind_def.names[p->kind],
		     window_text(p, w, sizeof(w)), p->title, p->cite);
	for (uint32_t k = 0; k < p->n_cat; k++)
		text_fprintf(stdout, "    %-16s %s%s\n", p->cat[k].code,
			     p->cat[k].text, p->cat[k].expr ? "" :
			     " [not assessed]");
	if (p->kind == POL_PRIORITIES && !p->companion)
		text_fprintf(stdout, "    otherwise        %s\n",
			     pd_result_def.names[p->otherwise]);
	for (uint32_t k = 0; k < p->n_factor; k++)
		text_fprintf(stdout, "    factor           %s\n",
			     p->factor[k].text);
	if (p->note)
		text_fprintf(stdout, "  %s\n", p->note);
	putchar('\n');
}

static void policy_json(const struct policy *p)
{
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "policy", p->id);
	json_str(&j, "kind", policy_kind_def.names[p->kind]);
	json_str(&j, "title", p->title);
	json_str(&j, "cite", p->cite);
	json_arr(&j, "windows");
	for (uint32_t i = 0; i < p->n_win; i++) {
		json_obj(&j, NULL);
		put_date_json(&j, "from", p->win[i].from);
		put_date_json(&j, "until", p->win[i].until);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_arr(&j, "categories");
	for (uint32_t k = 0; k < p->n_cat; k++) {
		json_obj(&j, NULL);
		json_str(&j, "code", p->cat[k].code);
		json_str(&j, "text", p->cat[k].text);
		json_str(&j, "result", pd_result_def.names[p->cat[k].result]);
		json_bool(&j, "assessed", p->cat[k].expr != NULL);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	if (p->kind == POL_PRIORITIES && !p->companion)
		json_str(&j, "otherwise", pd_result_def.names[p->otherwise]);
	if (p->kind == POL_PRIORITIES)
		json_bool(&j, "companion", p->companion);
	if (p->kind == POL_EXPEDITED)
		json_bool(&j, "excludes", p->excludes);
	json_arr(&j, "aliases");
	for (uint32_t k = 0; k < p->n_alias; k++)
		json_str(&j, NULL, p->alias[k]);
	json_end_arr(&j);
	json_arr(&j, "factors");
	for (uint32_t k = 0; k < p->n_factor; k++) {
		json_obj(&j, NULL);
		json_str(&j, "text", p->factor[k].text);
		json_bool(&j, "favorable", p->factor[k].favorable);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_str(&j, "note", p->note);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static void change_json(const struct lawdate_change *c)
{
	struct json j;
	json_init(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "change", lawdate_what_names[c->what]);
	json_str(&j, c->param ? "parameter" : "rule",
		 c->param ? c->param->id : c->rule->id);
	json_str(&j, "title", c->param ? c->param->title : c->rule->title);
	json_str(&j, "from", c->before);
	json_str(&j, "to", c->after);
	json_str(&j, "cite", c->cite);
	json_end_obj(&j);
	json_raw(&j, "\n");
	json_done(&j);
}

static void change_text(const struct lawdate_change *c, const char *from,
			const char *to)
{
	const char *id = c->param ? c->param->id : c->rule->id;
	switch (c->what) {
	case LAWCH_RULE_IN:
		text_fprintf(stdout, "rule %s: in force under the law of %s, "
			     "not of %s\n  %s\n  %s; %s\n", id, to, from,
			     c->rule->title, c->rule->cite, c->after);
		break;
	case LAWCH_RULE_OUT:
		text_fprintf(stdout, "rule %s: in force under the law of %s, "
			     "not of %s\n  %s\n  %s; %s\n", id, from, to,
			     c->rule->title, c->rule->cite, c->before);
		break;
	case LAWCH_WAIVER:
		text_fprintf(stdout, "rule %s: the way out changes\n  %s: %s\n"
			     "  %s: %s\n", id, from, c->before ? c->before :
			     "none", to, c->after ? c->after : "none");
		break;
	default:
		text_fprintf(stdout, "parameter %s: %s under the law of %s, %s "
			     "under the law of %s\n  %s\n  %s\n", id,
			     c->before ? c->before : "not set", from,
			     c->after ? c->after : "not set", to,
			     c->param->title, c->cite ? c->cite : "");
	}
	putchar('\n');
}

/* rules --changes FROM TO */
static int changes(struct app *app)
{
	const struct rules *r = &app->rules;
	struct date from, to, today = date_today();
	char err[256], a[DATE_BUFSZ], b[DATE_BUFSZ];
	if (app->n_paths != 1) {
		fputs("casewalk rules: --changes FROM TO: give two dates\n",
		      stderr);
		return 2;
	}
	if (!lawdate_parse(r, app->changes, strlen(app->changes), today,
			   &from, err, sizeof(err)) ||
	    !lawdate_parse(r, app->paths[0], strlen(app->paths[0]), today, &to,
			   err, sizeof(err))) {
		fprintf(stderr, "casewalk rules: --changes: %s\n", err);
		return 2;
	}
	struct arena ar;
	struct lawdate_change *v;
	arena_init(&ar, 16 * 1024);
	size_t n = lawdate_changes(r, from, to, &v, &ar);
	date_format(from, a);
	date_format(to, b);
	if (!app->json)
		text_fprintf(stdout, "%s\nWhat changes from the law of %s to the "
			     "law of %s (%s): %zu change%s\n\n",
			     CASEWALK_DISCLAIMER, a, b, r->name, n,
			     n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		if (app->json)
			change_json(&v[i]);
		else
			change_text(&v[i], a, b);
	}
	arena_free(&ar);
	return 0;
}

int cmd_rules(struct app *app)
{
	char a[DATE_BUFSZ];
	if (!app_load_rules(app))
		return 2;
	if (app->changes)
		return changes(app);
	const struct rules *r = &app->rules;
	struct date law = app->law_as_of;
	if (!app->json)
		text_fprintf(stdout, "%s\nRules in force on %s (%s):\n\n",
			     CASEWALK_DISCLAIMER, date_format(law, a), r->name);
	for (size_t i = 0; i < r->n; i++)
		if (rules_in_force(&r->v[i], law)) {
			if (app->json)
				rule_json(&r->v[i], law);
			else
				rule_text(&r->v[i], law);
		}
	if (!app->json)
		text_fprintf(stdout, "Parameters under the law of %s:\n\n",
			     date_format(law, a));
	for (size_t i = 0; i < r->n_params; i++) {
		if (app->json)
			param_json(&r->params[i], law);
		else
			param_text(&r->params[i], law);
	}
	if (!app->json)
		text_fprintf(stdout, "\nDerived facts (what the law makes of the "
			     "facts of a case):\n\n");
	for (size_t i = 0; i < r->n_derives; i++) {
		const struct derive *d = &r->derives[i];
		if (app->json)
			derive_json(d);
		else
			text_fprintf(stdout, "%s\n  %s\n%s%s%s", d->id, d->text,
				     d->cite ? "  " : "", d->cite ? d->cite : "",
				     d->cite ? "\n" : "");
	}
	if (!app->json && r->n_policies)
		text_fprintf(stdout, "\nPolicies, by the date of the encounter "
			     "(policy, not law: they change no penalty or "
			     "relief):\n\n");
	for (size_t i = 0; i < r->n_policies; i++) {
		if (app->json)
			policy_json(&r->policies[i]);
		else
			policy_text(&r->policies[i]);
	}
	return 0;
}
