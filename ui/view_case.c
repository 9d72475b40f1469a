/* view_case.c - one case: the person, the outcome, the timeline with each
 * event's legal effect and every flag the file records, the offenses, the
 * penalties with their clocks, each relief now and then with every
 * criterion and the amounts it read, the way back, and the enforcement
 * priorities (policy, not law).  The reasoning is shown, not just the
 * verdict, and it can be walked: Tab selects each event, penalty and
 * criterion in turn; Enter on an event says what it does in law and goes
 * to what rests on it; t goes back from a penalty or criterion to the
 * events it rests on (explain.h).  Every answer is the core's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "explain.h"
#include "redact.h"
#include "view.h"

#define IND 2           /* indent of a section's lines */
#define SUB 6           /* indent of details */
#define FACT 10         /* indent of a criterion's facts */

enum item_kind { IT_EVENT, IT_PENALTY, IT_CRITERION };

/* What Tab can select: an event, a penalty, a criterion. */
struct item {
	uint8_t kind;
	uint32_t ev;                    /* IT_EVENT: index into c->events */
	const struct penalty *pen;      /* the penalty, or the criterion's */
	const struct relief_eval *rel;  /* the criterion's relief */
	const struct criterion *crit;
	size_t line, end;               /* its doc lines [line, end) */
};

struct case_view {
	struct doc doc;                 /* first: view_doc.c's helpers */
	struct item *items;
	size_t n_items, cap_items;
	size_t cur;                     /* the selected item, or SIZE_MAX */
	/* following links: the event Enter was last used on and which of
	 * its links comes next; the same for t and the penalty or
	 * criterion it was used on */
	size_t follow_from, follow_next;
	size_t origin_from, origin_next;
};

static struct case_view *cv_of(struct view *v)
{
	return v->priv;
}

static const struct assessment *full(struct view *v)
{
	return model_detail(&v->ui->model, v->row);
}

static void section(struct doc *d, const char *title)
{
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "%s", title);
}

static void field(struct doc *d, int x, const char *label, int role,
		  const char *value)
{
	doc_field(d, x, label, role, value);
}

/* An item starting at the doc's next line; item_end closes it. */
static size_t item_begin(struct case_view *cv, struct item it)
{
	if (cv->n_items == cv->cap_items) {
		cv->cap_items = cv->cap_items ? cv->cap_items * 2 : 64;
		cv->items = xrealloc(cv->items, cv->cap_items *
				     sizeof(*cv->items));
	}
	it.line = cv->doc.n;
	cv->items[cv->n_items] = it;
	return cv->n_items++;
}

static void item_end(struct case_view *cv, size_t k)
{
	cv->items[k].end = cv->doc.n > cv->items[k].line ? cv->doc.n :
		cv->items[k].line + 1;
}

/* ---- the person and the outcome --------------------------------------- */

static void person(struct view *v, struct doc *d, bool whole)
{
	bool redact = v->ui->redact;
	const struct cw_case *stub = model_case(&v->ui->model, v->row);
	char a[REDACT_BUFSZ], b[DATE_BUFSZ];
	struct doc_line *l = doc_add(d);
	char idb[32];
	int w = doc_putf(d, l, 1, ROLE_HEADER, "%s",
			 ui_case_id(v->ui, v->row, idb, sizeof(idb)));
	doc_put(d, l, w + 3, -1, ROLE_HEADER,
		model_name(&v->ui->model, v->row, redact));
	if (!whole)
		return;
	const struct person *p = &full(v)->c->person;
	doc_linef(d, IND, ROLE_NORMAL, "A-number %s   born %s   nationality %s",
		  p->a_number ? (redact ? redact_a_number(p->a_number, a,
		  sizeof(a)) : p->a_number) : "not on file",
		  !date_known(p->born) ? "not on file" : redact ?
		  redact_born(p->born, b, sizeof(b)) : view_date(p->born, b),
		  p->nationality ? p->nationality : "not on file");
	/* file names often carry the name, and sometimes the outcome */
	if (!redact && ui_outcome_shown(v->ui, v->row))
		doc_linef(d, IND, ROLE_DIM, "%s:%u", stub->file, stub->pos.line);
}

/* Whether the file shows a hearing the person did not attend. */
static bool missed_hearing(const struct cw_case *c)
{
	for (uint32_t i = 0; i < c->n_events; i++)
		if (c->events[i].type == EV_HEARING &&
		    c->events[i].appeared == TRI_FALSE)
			return true;
	return false;
}

/* One meaning for "hearing": a judge heard the person, or not, and a
 * hearing the person missed is said to be one. */
static const char *hearing_text(const struct outcome_side *o,
				const struct cw_case *c)
{
	if (o->hearing)
		return "yes: a judge heard the case";
	if (o->path == PATH_IN_ABSENTIA)
		return "NO: the person missed the hearing, and the judge "
		       "ordered removal in absentia; no judge heard the case";
	if (missed_hearing(c))
		return "NO: the person missed a hearing; no judge heard the "
		       "case";
	return "NO: no judge ever heard this case";
}

static void headline_bar(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	const struct penalty *p = assess_headline(o);
	char u[ASSESS_RANGE_BUFSZ], buf[1024];
	if (!p) {
		field(d, IND, "bar       ", ROLE_NORMAL, "none");
		return;
	}
	snprintf(buf, sizeof(buf), "%s (%s): last day %s; %s", p->rule->id,
		 p->rule->title, assess_until(p, u), o->bar_running == 1 ?
		 "a bar runs on the as-of date" : o->bar_running == 0 ?
		 "no bar runs on the as-of date" :
		 "a bar may run on the as-of date (facts not known)");
	field(d, IND, "bar       ", o->bar_running == 1 ? ROLE_RUNNING :
	      ROLE_NORMAL, buf);
}

static void outcome(struct view *v, struct doc *d)
{
	const struct assessment *a = full(v);
	const struct outcome_side *o = &a->taken;
	struct ui *ui = v->ui;
	char x[DATE_BUFSZ], y[DATE_BUFSZ], buf[2048];
	snprintf(buf, sizeof(buf), "OUTCOME (as of %s; law as of %s)",
		 view_date(a->as_of, x), view_date(a->law_as_of, y));
	section(d, buf);
	if (!ui_outcome_shown(ui, v->row)) {
		doc_linef(d, IND, ROLE_UNKNOWN, "Hidden (quiz): what happened "
			  "to this person?  Press %s to reveal.",
			  ui_key(ui, ACT_REVEAL));
		return;
	}
	snprintf(buf, sizeof(buf), "%s (%s)", model_path_label(o->path),
		 enum_name(&path_id_def, o->path));
	field(d, IND, "path      ", model_path_role(o->path), buf);
	field(d, IND, "hearing   ", o->hearing ? ROLE_NORMAL : ROLE_NO_HEARING,
	      hearing_text(o, a->c));
	headline_bar(v, d);
	query_relief_open_marked(&ui->model.cat, model_row(&ui->model, v->row),
				 buf, sizeof(buf));
	field(d, IND, "open now  ", ROLE_NORMAL, buf[0] ? buf :
	      "no relief is open now");
	snprintf(buf, sizeof(buf), "%s without a waiver, %s with waivers",
		 view_day(o->wb.no_waiver, "none", x),
		 view_day(o->wb.with_waivers, "none", y));
	field(d, IND, "way back  ", ROLE_NORMAL, buf);
	doc_linef(d, IND, ROLE_DIM, "%s compares with the path not taken; %s "
		  "walks the events, penalties and criteria", ui_key(ui,
		  ACT_COMPARE), ui_key(ui, ACT_NEXT_ITEM));
}

/* ---- the timeline ------------------------------------------------------ */

/* One event's type and details, the file's words for them; a missed
 * hearing says so. */
static void event_text(const struct event *e, bool redact, char *buf,
		       size_t n)
{
	const struct enum_def *out = e->type == EV_PETITION ?
		&petition_outcome_def : e->type == EV_MOTION ?
		&motion_outcome_def : e->type == EV_APPEAL ?
		&appeal_outcome_def : &outcome_def;
	const struct enum_def *kind = e->type == EV_HEARING ?
		&hearing_kind_def : e->type == EV_MOTION ? &motion_kind_def :
		e->type == EV_MISREPRESENTATION ? &misrep_kind_def :
		&departure_kind_def;
	char hm[16];
	snprintf(hm, sizeof(hm), "%02d:%02d", e->minute / 60 % 24,
		 e->minute % 60);
	char absence[64] = "";
	const char *why = enum_name(&absence_reason_def, e->absence_reason);
	if (why)
		snprintf(absence, sizeof(absence), "reason for the absence: %s",
			 strcmp(why, "unknown") ? why : "not known");
	const char *parts[] = {
		enum_name(&manner_def, e->manner), enum_name(&finder_def, e->by),
		enum_name(&form_def, e->form), enum_name(kind, e->kind),
		enum_name(&status_def, e->status), enum_name(out, e->outcome),
		enum_name(&relief_def, e->relief),
		e->minute >= 0 ? hm : NULL,     /* hearing: time */
		/* agency, visa status, class, ground or court; not the
		 * language */
		e->type == EV_NTA_SERVED || e->type == EV_HEARING_NOTICE ?
		NULL : redact ? redact_event_text(e) : e->text,
		e->type == EV_HEARING && e->appeared == TRI_FALSE ?
		"missed: the person did not appear" :
		e->appeared == TRI_TRUE ? "the person appeared" : NULL,
		e->scheduled == TRI_TRUE ? "scheduled" : NULL,
		absence[0] ? absence : NULL,
		enum_name(&end_reason_def, e->reason),
		enum_name(&misrep_purpose_def, e->purpose),
	};
	size_t len = (size_t)snprintf(buf, n, "%s",
				      enum_name(&event_type_def, e->type));
	const char *sep = ": ";
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts) && len < n; i++)
		if (parts[i]) {
			len += (size_t)snprintf(buf + len, n - len, "%s%s", sep,
						parts[i]);
			sep = ", ";
		}
}

/* The three-valued flags an event records, by the case file's names. */
static const struct {
	const char *name;
	size_t off;
} flags[] = {
#define FLAG(f) { #f, offsetof(struct event, f) }
	FLAG(advised), FLAG(safeguards), FLAG(time_place), FLAG(arriving),
	FLAG(oral_notice), FLAG(counsel), FLAG(verified), FLAG(nonvoluntary),
	FLAG(abandoned_residence), FLAG(at_port), FLAG(j1_gme), FLAG(j1_212e),
	FLAG(j1_212e_met), FLAG(near_border), FLAG(between_ports),
	FLAG(detained), FLAG(approvable), FLAG(timely), FLAG(nonfrivolous),
	FLAG(conditional), FLAG(willful), FLAG(material),
	FLAG(retracted_timely), FLAG(exception_usc_parents),
#undef FLAG
};

static void event_flags(const struct event *e, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(flags) / sizeof(*flags) && len < n; i++) {
		int8_t f = *(const int8_t *)((const char *)e + flags[i].off);
		if (f != TRI_UNSET)
			len += (size_t)snprintf(buf + len, n - len, "%s%s %s",
						len ? ", " : "", flags[i].name,
						f == TRI_TRUE ? "yes" : "no");
	}
}

/* The dates an event records beside its own. */
static void event_dates(const struct event *e, char *buf, size_t n)
{
	char d[DATE_BUFSZ];
	size_t len = 0;
	const struct { const char *name; struct date v; } dates[] = {
		{ "authorized until", e->authorized_until },
		{ "depart by", e->depart_by }, { "filed", e->filed },
		{ "until", e->until }, { "bond posted", e->bond_posted },
		{ e->type == EV_ENTRY ? "program ends" : e->type ==
		  EV_NTA_SERVED || e->type == EV_HEARING_NOTICE ?
		  "hearing on" : "decided", e->hearing_date },
		{ "priority date", e->priority_date },
	};
	buf[0] = '\0';
	if (e->authorized_ds)
		len += (size_t)snprintf(buf, n, "authorized for the duration of "
					"status");
	for (size_t i = 0; i < sizeof(dates) / sizeof(*dates) && len < n; i++)
		if (date_known(dates[i].v))
			len += (size_t)snprintf(buf + len, n - len, "%s%s %s",
						len ? ", " : "", dates[i].name,
						view_date(dates[i].v, d));
}

static void timeline(struct view *v, struct doc *d)
{
	struct case_view *cv = cv_of(v);
	const struct cw_case *c = full(v)->c;
	bool shown = ui_outcome_shown(v->ui, v->row) && v->ui->model.have_rules;
	section(d, "TIMELINE");
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		char date[DATE_BUFSZ], what[512];
		size_t k = item_begin(cv, (struct item){ .kind = IT_EVENT,
							 .ev = i });
		event_text(e, v->ui->redact, what, sizeof(what));
		struct doc_line *l = doc_add(d);
		doc_put(d, l, IND, 10, ROLE_NORMAL, view_date(e->date, date));
		doc_put(d, l, IND + 12, -1, ROLE_NORMAL, what);
		event_dates(e, what, sizeof(what));
		if (what[0])
			doc_wrap(d, IND + 12, 0, ROLE_NORMAL, what);
		event_flags(e, what, sizeof(what));
		if (what[0])
			doc_wrap(d, IND + 12, 0, ROLE_DIM, what);
		const char *effect = shown && full(v)->event_effect ?
			full(v)->event_effect[i] : NULL;
		if (effect && *effect)
			doc_wrap(d, IND + 12, 0, ROLE_SECTION, effect);
		if (e->note)
			doc_wrap(d, IND + 12, 0, ROLE_DIM, v->ui->redact ?
				 "note " REDACT_HIDDEN : e->note);
		item_end(cv, k);
	}
}

/* ---- offenses ------------------------------------------------------------ */

static void days_text(const char *what, int32_t days, char *buf, size_t n,
		      size_t *len)
{
	if (days >= 0 && *len < n)
		*len += (size_t)snprintf(buf + *len, n - *len, "; %s %d day%s",
					 what, days, days == 1 ? "" : "s");
}

static void offense_line(const struct offense *o, char *buf, size_t n)
{
	char b[DATE_BUFSZ];
	size_t len = (size_t)snprintf(buf, n, "%s%s",
		o->convicted == TRI_TRUE ? "convicted " :
		o->convicted == TRI_FALSE ? "not convicted" :
		"conviction not known", o->convicted == TRI_TRUE &&
		date_known(o->conviction_date) ? view_date(o->conviction_date,
		b) : "");
	if (o->sentence_days < 0 && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; sentence not "
					"known");
	days_text("sentence", o->sentence_days, buf, n, &len);
	days_text("confined", o->confined_days, buf, n, &len);
	days_text("suspended", o->suspended_days, buf, n, &len);
	days_text("maximum", o->max_days, buf, n, &len);
	const char *g = enum_name(&grade_def, o->grade);
	const char *vac = enum_name(&vacated_def, o->vacated);
	if (g && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; %s", g);
	if (vac && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; vacated: %s", vac);
	if (o->juvenile != TRI_UNSET && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; juvenile %s",
					o->juvenile == TRI_TRUE ? "yes" : "no");
	if (o->scheme && len < n)
		snprintf(buf + len, n - len, "; scheme %s", o->scheme);
}

/* The analyst's own classification, where the file overrides the
 * vocabulary. */
static void overrides(const struct offense *o, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < CLS__COUNT && len < n; i++)
		if (o->cls[i] != TRI_UNSET)
			len += (size_t)snprintf(buf + len, n - len, "%s%s %s",
				len ? ", " : "the file says: ",
				offense_class_def.names[i],
				o->cls[i] == TRI_TRUE ? "yes" : "no");
}

static void offenses(struct view *v, struct doc *d)
{
	const struct cw_case *c = full(v)->c;
	if (!c->n_offenses)
		return;
	section(d, "OFFENSES");
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		const struct vocab_entry *ve = vocab_find(&v->ui->app->vocab,
							  o->charge);
		char a[DATE_BUFSZ], buf[512];
		struct doc_line *l = doc_add(d);
		int w = doc_putf(d, l, IND, ROLE_NORMAL, "%s  %s",
				 date_known(o->date) ? view_date(o->date, a) :
				 "date not known", o->charge);
		if (ve && ve->title)
			doc_put(d, l, IND + w + 2, -1, ROLE_DIM, ve->title);
		offense_line(o, buf, sizeof(buf));
		doc_wrap(d, SUB, 0, ROLE_NORMAL, buf);
		overrides(o, buf, sizeof(buf));
		if (buf[0])
			doc_wrap(d, SUB, 0, ROLE_DIM, buf);
		if (full(v)->offense_class && full(v)->offense_class[i])
			doc_wrap(d, SUB, 0, ROLE_SECTION, full(v)->offense_class[i]);
	}
}

/* ---- criteria ------------------------------------------------------------- */

static int truth_role(int t)
{
	return t == 1 ? ROLE_MET : t == 0 ? ROLE_UNMET : ROLE_UNKNOWN;
}

/* The facts a criterion read and their values: the amounts behind it. */
static void amounts(struct view *v, struct doc *d, const struct penalty *p,
		    const struct criterion *c)
{
	struct explain_fact f[24];
	size_t all = explain_criterion(&v->ui->model.rules, &full(v)->taken, p,
				       c, f, 24), n = all < 24 ? all : 24;
	if (all > n)
		doc_field(d, FACT, "    ", ROLE_DIM, arena_printf(&d->arena,
			  "it reads %zu facts; the first %zu:", all, n));
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		snprintf(buf, sizeof(buf), "%s: %s%s%s%s", f[i].name, f[i].value,
			 f[i].meaning ? " (" : "", f[i].meaning ? f[i].meaning :
			 "", f[i].meaning ? ")" : "");
		doc_field(d, FACT, f[i].param ? "law " : "fact", f[i].known ?
			  ROLE_NORMAL : ROLE_UNKNOWN, buf);
	}
}

/* A relief's bars come first among its criteria: for them, holding is bad
 * news, so they read "BARRED" or "clear" instead of met or unmet. */
static void criterion(struct view *v, struct doc *d,
		      const struct penalty *p, const struct relief_eval *rel,
		      const struct criterion *c)
{
	struct case_view *cv = cv_of(v);
	const struct rule *rule = rel ? rel->rule : NULL;
	char buf[1024];
	bool bar = rule && c->cond >= rule->bars &&
		   c->cond < rule->bars + rule->n_bars;
	int role = truth_role(bar && c->truth >= 0 ? !c->truth : c->truth);
	const char *mark = c->truth < 0 ? "unknown" : bar ?
		(c->truth ? "BARRED " : "clear  ") :
		(c->truth ? "met    " : "unmet  ");
	size_t k = item_begin(cv, (struct item){ .kind = IT_CRITERION,
						 .pen = p, .rel = rel,
						 .crit = c });
	snprintf(buf, sizeof(buf), "%s%s%s%s%s%s", c->cond->text,
		 c->cond->cite ? " (" : "", c->cond->cite ? c->cond->cite : "",
		 c->cond->cite ? ")" : "", c->borderline ? " [borderline]" : "",
		 c->waiver == 1 ? "; its waiver is granted" : c->waiver < 0 ?
		 "; its waiver may be open" : "");
	field(d, SUB, mark, role, buf);
	amounts(v, d, p, c);
	if (c->truth < 0 && c->missing && *c->missing)
		doc_field(d, FACT, "not known:", ROLE_UNKNOWN, c->missing);
	item_end(cv, k);
}

/* ---- penalties ------------------------------------------------------------ */

static void clock_line(struct view *v, struct doc *d, const struct penalty *p)
{
	char a[DATE_BUFSZ], u[ASSESS_RANGE_BUFSZ], left[64] = "";
	daynum as_of = date_days(full(v)->as_of);
	if (p->permanent == 1)
		snprintf(left, sizeof(left), "permanent");
	else if (p->running == 1 && p->until_lo != ASSESS_NO_DAY)
		snprintf(left, sizeof(left), "runs: %d days left",
			 p->until_lo - as_of);
	else if (p->running == 0 && p->until_lo != ASSESS_NO_DAY &&
		 p->until_lo < as_of)
		snprintf(left, sizeof(left), "ended %d days ago",
			 as_of - p->until_lo);
	else if (p->running == 0)
		snprintf(left, sizeof(left), "not running");
	else if (p->running < 0)
		snprintf(left, sizeof(left), "whether it runs is not known");
	struct doc_line *l = doc_add(d);
	doc_putf(d, l, SUB, p->running == 1 ? ROLE_RUNNING : ROLE_NORMAL,
		 "from %s   last day %s%s   %s%s", date_known(p->from) ?
		 view_date(p->from, a) : "not known", assess_until(p, u),
		 p->borderline ? " (on or about)" : "", left,
		 p->possible ? "   (possible: depends on facts not known)" : "");
}

static void penalty(struct view *v, struct doc *d, const struct penalty *p)
{
	struct case_view *cv = cv_of(v);
	char buf[256], a[DATE_BUFSZ];
	size_t k = item_begin(cv, (struct item){ .kind = IT_PENALTY, .pen = p });
	struct doc_line *l = doc_add(d);
	int w = doc_putf(d, l, IND, ROLE_HEADER, "%s", p->rule->id);
	snprintf(buf, sizeof(buf), "%s  [%s, instance %u]", p->rule->title,
		 enum_name(&rule_kind_def, p->rule->kind), p->instance);
	doc_put(d, l, IND + w + 2, -1, ROLE_NORMAL, buf);
	clock_line(v, d, p);
	if (p->trigger_line)
		doc_linef(d, SUB, ROLE_DIM, "started by the event of %s (line "
			  "%u); %s goes to it", view_day(p->trigger, "?", a),
			  p->trigger_line, ui_key(v->ui, ACT_ORIGIN));
	item_end(cv, k);
	field(d, SUB, "cite   ", ROLE_NORMAL, p->rule->cite);
	const char *way = rules_waiver(p->rule, full(v)->law_as_of);
	if (way)
		field(d, SUB, "way out", ROLE_NORMAL, way);
	for (uint32_t i = 0; i < p->n_crit; i++)
		criterion(v, d, p, NULL, &p->crit[i]);
}

static void penalties(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	section(d, "PENALTIES");
	if (!o->n_pen)
		doc_linef(d, IND, ROLE_DIM, "none");
	for (uint32_t i = 0; i < o->n_pen; i++)
		penalty(v, d, &o->pen[i]);
}

/* ---- relief now and then ---------------------------------------------------- */

static int now_role(int st)
{
	switch (st) {
	case NOW_GRANTED: case NOW_AVAILABLE: case NOW_DEFENSIVE:
	case NOW_VIA_MOTION: return ROLE_MET;
	case NOW_UNKNOWN: case NOW_AFTER_BAR: case NOW_FROM_ABROAD:
		return ROLE_UNKNOWN;
	default: return ROLE_UNMET;
	}
}

static const char *certainty_text(int c)
{
	return c == CERT_ELIGIBLE ? " (every criterion met)" :
	       c == CERT_POSSIBLE ? " (possible: some facts not known)" : "";
}

static const char *ids(const struct requires *r, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < r->n && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					i ? ", " : "", r->id[i]);
	return buf;
}

/* What now carries where its row says so (legal-reference.md 9.3). */
static void now_details(struct doc *d, const struct relief_now *nw)
{
	char buf[512], a[DATE_BUFSZ];
	if (nw->reason)
		field(d, SUB, "why now ", ROLE_NORMAL, nw->reason);
	if (nw->req.n)
		field(d, SUB, "requires", ROLE_NORMAL, ids(&nw->req, buf,
							   sizeof(buf)));
	/* as assess --json: the way back's date where the route is from
	 * abroad */
	if (nw->status == NOW_FROM_ABROAD)
		field(d, SUB, "earliest", ROLE_NORMAL, view_day(nw->earliest,
		      "none: a bar with no end and no way out", a));
	if (nw->motion) {
		snprintf(buf, sizeof(buf), "%s; deadline %s", nw->motion,
			 view_day(nw->deadline, "none", a));
		field(d, SUB, "motion  ", ROLE_NORMAL, buf);
	}
	if (nw->from != ASSESS_NO_DAY)
		field(d, SUB, "from    ", ROLE_NORMAL, view_day(nw->from, "none",
							       a));
	if (nw->met_on != ASSESS_NO_DAY)
		field(d, SUB, "met on  ", ROLE_NORMAL, view_day(nw->met_on,
							       "none", a));
	if ((nw->status == NOW_UNKNOWN || nw->certainty == CERT_POSSIBLE) &&
	    nw->missing && *nw->missing)
		field(d, SUB, "decided by", ROLE_UNKNOWN, nw->missing);
}

static void relief_one(struct view *v, struct doc *d,
		       const struct relief_eval *rl)
{
	char buf[512], a[DATE_BUFSZ];
	struct doc_line *l = doc_add(d);
	int w = doc_putf(d, l, IND, now_role(rl->now.status), "now %s",
			 enum_name(&now_status_def, rl->now.status));
	w += doc_putf(d, l, IND + w + 2, ROLE_HEADER, "%s", rl->rule->id);
	doc_put(d, l, IND + w + 4, -1, ROLE_NORMAL, rl->rule->title);
	if (rl->now.certainty)
		doc_linef(d, SUB, ROLE_DIM, "%s", certainty_text(rl->now.certainty) + 1);
	now_details(d, &rl->now);
	snprintf(buf, sizeof(buf), "%s%s%s%s%s",
		 enum_name(&then_status_def, rl->then.status),
		 certainty_text(rl->then.certainty),
		 rl->then.date != ASSESS_NO_DAY ? " on " : "",
		 view_day(rl->then.date, "", a),
		 rl->then.reason ? "" : "");
	field(d, SUB, "then    ", ROLE_NORMAL, buf);
	if (rl->then.reason)
		field(d, SUB, "why then", ROLE_NORMAL, rl->then.reason);
	field(d, SUB, "status  ", ROLE_DIM, arena_printf(&d->arena, "%s (the "
	      "filter's %s=%s)", enum_name(&relief_status_def, rl->status),
	      rl->rule->id, enum_name(&relief_status_def, rl->status)));
	field(d, SUB, "cite    ", ROLE_NORMAL, rl->rule->cite);
	for (uint32_t k = 0; k < rl->n_crit; k++)
		criterion(v, d, NULL, rl, &rl->crit[k]);
}

static void relief(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	section(d, "RELIEF (now, on the as-of date; then, at the decisive "
		"moment)");
	for (uint32_t i = 0; i < o->n_rel; i++)
		relief_one(v, d, &o->rel[i]);
}

/* ---- the way back ------------------------------------------------------- */

static void standing(struct doc *d, const struct standing *s)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], u[ASSESS_RANGE_BUFSZ];
	doc_linef(d, SUB, s->pen->running == 1 ? ROLE_RUNNING : ROLE_NORMAL,
		  "%s (instance %u): last day %s; clear from %s; way out %s%s%s",
		  s->pen->rule->id, s->pen->instance, assess_until(s->pen, u),
		  view_day(s->clear_from, "never without a way out", a),
		  s->route ? s->route : "none", s->route &&
		  s->route_from != ASSESS_NO_DAY ? " from " : "", s->route ?
		  view_day(s->route_from, "", b) : "");
}

static void way_back(struct view *v, struct doc *d)
{
	const struct way_back *w = &full(v)->taken.wb;
	char a[DATE_BUFSZ], b[DATE_BUFSZ], buf[512];
	section(d, "THE WAY BACK (the earliest lawful return, path taken)");
	snprintf(buf, sizeof(buf), "%s without a waiver; %s with waivers%s%s%s",
		 view_day(w->no_waiver, "none", a),
		 view_day(w->with_waivers, "none", b),
		 w->route ? " (" : "", w->route ? w->route : "",
		 w->route ? ")" : "");
	field(d, IND, "return  ", ROLE_HEADER, buf);
	if (w->req.n)
		field(d, IND, "needs   ", ROLE_NORMAL, ids(&w->req, buf,
							   sizeof(buf)));
	if (w->maybe)
		field(d, IND, "        ", ROLE_UNKNOWN, "possible: a way out it "
		      "needs depends on facts not known");
	doc_linef(d, IND, ROLE_NORMAL, "standing bars: %s", w->n_standing ?
		  "" : "none");
	for (uint32_t i = 0; i < w->n_standing; i++)
		standing(d, &w->standing[i]);
	if (w->criminal)
		doc_linef(d, SUB, ROLE_NORMAL, "criminal ground: way out %s%s%s",
			  w->criminal, w->criminal_from != ASSESS_NO_DAY ?
			  " from " : "", view_day(w->criminal_from, "", a));
	if (w->visa_222g)
		doc_linef(d, SUB, ROLE_NORMAL, "222(g): a new visa from the "
			  "country of nationality");
	snprintf(buf, sizeof(buf), "%s%s%s", w->adjust_inside == 1 ?
		 "possible" : "no", w->adjust_reason ? ": " : "",
		 w->adjust_reason ? w->adjust_reason : "");
	if (w->adjust_inside == 1 && w->adjust_req.n) {
		char r[256];
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 "; needs %s", ids(&w->adjust_req, r, sizeof(r)));
	}
	field(d, IND, "adjust inside", w->adjust_inside == 1 ? ROLE_MET :
	      ROLE_UNMET, buf);
	snprintf(buf, sizeof(buf), "%s%s%s", w->i601a == 1 ? "eligible" :
		 w->i601a == 0 ? "not eligible" : "not known",
		 w->i601a_reason ? ": " : "", w->i601a_reason ?
		 w->i601a_reason : "");
	field(d, IND, "I-601A  ", truth_role(w->i601a), buf);
}

/* ---- enforcement priorities: policy, not law ----------------------------- */

static const char *cats(const struct policy_cat **c, uint32_t n, char *buf,
			size_t sz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < n && len < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i ? ", " :
					"", c[i]->code);
	return buf;
}

static void priorities(struct view *v, struct doc *d)
{
	const struct pd_outcome *p = &full(v)->pd;
	char a[DATE_BUFSZ], buf[512];
	section(d, "ENFORCEMENT PRIORITIES (policy, not law: they change no "
		"penalty or relief)");
	if (p->encounter == PD_NO_ENCOUNTER)
		field(d, IND, "encounter", ROLE_NORMAL, "none on file");
	else
		field(d, IND, "encounter", ROLE_NORMAL, arena_printf(&d->arena,
		      "%s (line %u)", view_day(p->encounter, "", a),
		      p->encounter_line));
	field(d, IND, "framework", ROLE_NORMAL, p->frame ? arena_printf(
	      &d->arena, "%s: %s", p->frame->id, p->frame->title) :
	      "none in force on the encounter date");
	snprintf(buf, sizeof(buf), "%s%s%s%s%s", pd_result_def.names[p->result],
		 p->cat ? "; category " : "", p->cat ? p->cat->code : "",
		 p->level ? ", level " : "", p->level ? p->level : "");
	field(d, IND, "result   ", ROLE_NORMAL, buf);
	if (p->reason)
		field(d, IND, "why      ", ROLE_NORMAL, p->reason);
	if (p->n_open)
		field(d, IND, "open     ", ROLE_UNKNOWN, cats(p->open, p->n_open,
							      buf, sizeof(buf)));
	if (p->n_unassessed)
		field(d, IND, "not assessed", ROLE_DIM, cats(p->unassessed,
		      p->n_unassessed, buf, sizeof(buf)));
	for (uint32_t i = 0; i < p->n_factors; i++)
		field(d, IND, p->factors[i]->favorable ? "factor + " :
		      "factor - ", ROLE_NORMAL, p->factors[i]->text);
	snprintf(buf, sizeof(buf), "at the encounter %s%s%s; now %s%s%s",
		 p->er_then == 1 ? "yes" : p->er_then == 0 ? "no" : "not known",
		 p->er_then_by ? " by " : "", p->er_then_by ? p->er_then_by->id :
		 "", p->er_now == 1 ? "yes" : p->er_now == 0 ? "no" :
		 "not known", p->er_now_by ? " by " : "", p->er_now_by ?
		 p->er_now_by->id : "");
	field(d, IND, "expedited removal", ROLE_NORMAL, buf);
}

/* ---- relatives and notes ------------------------------------------------- */

static void people_and_notes(struct view *v, struct doc *d)
{
	const struct cw_case *c = full(v)->c;
	bool redact = v->ui->redact;
	if (c->n_relatives)
		section(d, "RELATIVES");
	for (uint32_t i = 0; i < c->n_relatives; i++) {
		const struct relative *r = &c->relatives[i];
		char b[DATE_BUFSZ];
		const char *st = enum_name(&rel_status_def, r->status);
		const char *hs = enum_name(&hardship_def, r->hardship);
		doc_linef(d, IND, ROLE_NORMAL, "%s, %s, born %s, hardship %s%s%s",
			  enum_name(&relation_def, r->relation),
			  st ? st : "status not known",
			  !date_known(r->born) ? "not known" : redact ?
			  redact_born(r->born, b, sizeof(b)) : view_date(r->born, b),
			  hs && strcmp(hs, "unknown") ? hs : "not known",
			  r->petitioner == TRI_TRUE ? ", petitioner" : "",
			  r->married == TRI_TRUE ? ", married" :
			  r->married == TRI_FALSE ? ", unmarried" : "");
	}
	if (c->notes) {
		section(d, "NOTES");
		doc_wrap(d, IND, 0, ROLE_NORMAL, redact ? REDACT_HIDDEN : c->notes);
	}
	for (uint32_t i = 0; i < c->n_xkeys; i++)
		field(d, IND, c->xkeys[i].key, ROLE_DIM, redact ? REDACT_HIDDEN :
		      c->xkeys[i].value);
	if (c->n_tags) {
		struct doc_line *l = doc_add(d);
		doc_put(d, l, IND, -1, ROLE_DIM, "tags");
		for (uint32_t i = 0, x = IND + 5; i < c->n_tags && i < 6; i++) {
			doc_put(d, l, (int)x, -1, ROLE_DIM, c->tags[i]);
			x += (uint32_t)strlen(c->tags[i]) + 1;
		}
	}
}

/* ---- the view ------------------------------------------------------------ */

static void case_open(struct view *v)
{
	struct case_view *cv = v->priv;
	if (!cv) {
		cv = v->priv = xcalloc(1, sizeof(*cv));
		doc_init(&cv->doc, v->ui->cols);
		cv->cur = cv->follow_from = cv->origin_from = SIZE_MAX;
	}
	struct doc *d = view_doc_reset(v);
	cv->n_items = 0;
	bool rules = v->ui->model.have_rules;
	bool whole = model_detail(&v->ui->model, v->row) != NULL;
	person(v, d, whole);
	if (!whole) {
		view_detail(v, d);      /* why not */
		v->lines = d->n;
		return;
	}
	if (rules)
		outcome(v, d);
	timeline(v, d);
	offenses(v, d);
	if (rules && ui_outcome_shown(v->ui, v->row)) {
		penalties(v, d);
		relief(v, d);
		way_back(v, d);
		priorities(v, d);
	}
	people_and_notes(v, d);
	doc_add(d);
	doc_linef(d, 1, ROLE_DIM, "%s", CASEWALK_DISCLAIMER);
	v->lines = d->n;
	if (cv->cur != SIZE_MAX && cv->cur >= cv->n_items)
		cv->cur = SIZE_MAX;
}

static void case_draw(struct view *v, size_t line, int y, bool selected)
{
	struct case_view *cv = v->priv;
	const struct item *it = cv->cur < cv->n_items ? &cv->items[cv->cur] :
		NULL;
	bool in = it && line >= it->line && line < it->end;
	(void)selected;
	doc_draw(&cv->doc, line, y, in);
	if (in && line == it->line)
		draw_text(y, 0, 1, ROLE_NORMAL, true, ">");
}

static void case_done(struct view *v)
{
	struct case_view *cv = v->priv;
	if (cv)
		free(cv->items);
	view_doc_done(v);
}

/* Selects item k and scrolls it into sight, a few lines from the top. */
static void select_item(struct view *v, size_t k)
{
	struct case_view *cv = v->priv;
	const struct item *it = &cv->items[k];
	size_t h = (size_t)ui_view_height(v);
	cv->cur = k;
	if (it->line < v->top || it->end > v->top + h)
		v->top = it->line > 2 ? it->line - 2 : 0;
	ui_clamp(v);
}

/* The first item on screen, when none is selected yet. */
static size_t first_shown(struct view *v, int dir)
{
	struct case_view *cv = v->priv;
	for (size_t k = 0; k < cv->n_items; k++)
		if (cv->items[k].line >= v->top)
			return dir > 0 ? k : k ? k - 1 : cv->n_items - 1;
	return dir > 0 ? 0 : cv->n_items - 1;
}

static int step(struct view *v, int dir)
{
	struct case_view *cv = v->priv;
	if (!cv->n_items)
		return UI_HANDLED;
	size_t k = cv->cur >= cv->n_items ? first_shown(v, dir) :
		(cv->cur + cv->n_items + (size_t)(dir > 0 ? 1 : -1)) % cv->n_items;
	select_item(v, k);
	return UI_REDRAW;
}

static size_t item_of(const struct case_view *cv, const struct penalty *p,
		      const struct criterion *c, int kind, uint32_t ev)
{
	for (size_t k = 0; k < cv->n_items; k++) {
		const struct item *it = &cv->items[k];
		if (it->kind == kind && (kind == IT_EVENT ? it->ev == ev :
		    kind == IT_PENALTY ? it->pen == p : it->crit == c))
			return k;
	}
	return SIZE_MAX;
}

static const char *link_name(const struct explain_link *l, char *buf,
			     size_t n)
{
	if (!l->crit)
		snprintf(buf, n, "starts %s", l->pen->rule->id);
	else
		snprintf(buf, n, "%s %s of %s", l->crit->truth == 1 ? "meets" :
			 l->crit->truth == 0 ? "is read by the unmet" :
			 "is read by the open", "criterion", l->rel ?
			 l->rel->rule->id : l->pen->rule->id);
	return buf;
}

/* Enter on an event: what it does in law, and the next thing that rests
 * on it. */
static int follow(struct view *v)
{
	struct case_view *cv = v->priv;
	struct ui *ui = v->ui;
	const struct assessment *a = full(v);
	const struct item *it = &cv->items[cv->cur];
	struct explain_link l[64];
	char name[160];
	size_t n = explain_event(&ui->model.rules, &a->taken, a->c, it->ev, l, 64);
	const char *effect = a->event_effect ? a->event_effect[it->ev] : "";
	if (!n) {
		ui_message(ui, ROLE_MESSAGE, "In law: %s.  Nothing in this case "
			   "rests on it.", effect);
		return UI_REDRAW;
	}
	if (cv->follow_from != cv->cur)
		cv->follow_next = 0;
	size_t i = cv->follow_next++ % n;
	cv->follow_from = cv->cur;
	size_t k = item_of(cv, l[i].pen, l[i].crit, l[i].crit ? IT_CRITERION :
			   IT_PENALTY, 0);
	if (k != SIZE_MAX)
		select_item(v, k);
	ui_message(ui, ROLE_MESSAGE, "In law: %s.  It %s (%zu of %zu: %s on "
		   "the event again for the next; %s back to it).", effect,
		   link_name(&l[i], name, sizeof(name)), i + 1, n,
		   ui_key(ui, ACT_ENTER), ui_key(ui, ACT_ORIGIN));
	return UI_REDRAW;
}

/* t on a penalty or a criterion: the events it rests on, one per press;
 * on the event reached, t again goes on to the next one. */
static int origin(struct view *v)
{
	struct case_view *cv = v->priv;
	struct ui *ui = v->ui;
	const struct assessment *a = full(v);
	if (cv->cur >= cv->n_items) {
		ui_message(ui, ROLE_MESSAGE, "select a penalty or a criterion "
			   "first (%s)", ui_key(ui, ACT_NEXT_ITEM));
		return UI_REDRAW;
	}
	size_t src = cv->cur;
	if (cv->items[src].kind == IT_EVENT) {
		if (cv->origin_from >= cv->n_items) {
			ui_message(ui, ROLE_MESSAGE, "an event: %s says what it "
				   "does in law and goes to what rests on it",
				   ui_key(ui, ACT_ENTER));
			return UI_REDRAW;
		}
		src = cv->origin_from;          /* its next event */
	} else if (cv->origin_from != src) {
		cv->origin_next = 0;
	}
	const struct item *it = &cv->items[src];
	uint32_t ev[32];
	size_t n = it->kind == IT_PENALTY ?
		explain_penalty_events(a->c, it->pen, ev, 32) :
		explain_criterion_events(&ui->model.rules, &a->taken, it->pen,
					 it->crit, a->c, ev, 32);
	if (!n) {
		ui_message(ui, ROLE_MESSAGE, "It rests on no single event: on "
			   "the facts of the whole case (the facts it read are "
			   "listed under it).");
		return UI_REDRAW;
	}
	size_t i = cv->origin_next++ % n;
	cv->origin_from = src;
	select_item(v, item_of(cv, NULL, NULL, IT_EVENT, ev[i]));
	char date[DATE_BUFSZ];
	ui_message(ui, ROLE_MESSAGE, "It rests on the event of %s (%zu of %zu; "
		   "%s again for the next).", view_date(a->c->events[ev[i]].date,
		   date), i + 1, n, ui_key(ui, ACT_ORIGIN));
	return UI_REDRAW;
}

static int case_request(struct view *v, enum ui_action a)
{
	struct case_view *cv = v->priv;
	if (!cv || !model_detail(&v->ui->model, v->row))
		return 0;
	switch (a) {
	case ACT_NEXT_ITEM: return step(v, 1);
	case ACT_PREV_ITEM: return step(v, -1);
	case ACT_ORIGIN: return origin(v);
	case ACT_ENTER:
		if (cv->cur >= cv->n_items)
			return step(v, 1);
		return cv->items[cv->cur].kind == IT_EVENT ? follow(v) :
			origin(v);
	default: return 0;
	}
}

static const char *case_text(struct view *v, size_t line, char *buf,
			     size_t n)
{
	return doc_text(&cv_of(v)->doc, line, buf, n);
}

static void case_title(struct view *v, char *buf, size_t n)
{
	char idb[32];
	/* quiz ids already say "Case N" */
	snprintf(buf, n, "%s%s  %s", v->ui->quiz ? "" : "case ",
		 ui_case_id(v->ui, v->row, idb, sizeof(idb)),
		 model_name(&v->ui->model, v->row, v->ui->redact));
}

static void case_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s walks | %s follows | %s origin | %s compare | "
		 "%s edit | %s back | %s help", ui_key(ui, ACT_NEXT_ITEM),
		 ui_key(ui, ACT_ENTER), ui_key(ui, ACT_ORIGIN),
		 ui_key(ui, ACT_COMPARE), ui_key(ui, ACT_EDIT),
		 ui_key(ui, ACT_BACK), ui_key(ui, ACT_HELP));
}

const struct view_ops view_case_ops = {
	.name = "case",
	.cursor = false,
	.open = case_open,
	.draw = case_draw,
	.request = case_request,
	.text = case_text,
	.title = case_title,
	.status = case_status,
	.done = case_done,
};
