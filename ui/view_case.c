/* view_case.c - one case: the person, the timeline with each event's legal
 * effect, the offenses and their classification, the penalties with their
 * clocks, and each relief with every criterion met, unmet or unknown.  The
 * reasoning is shown, not just the verdict. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "redact.h"
#include "view.h"

#define IND 2           /* indent of a section's lines */
#define SUB 6           /* indent of details */

static const struct model_row *row_of(struct view *v)
{
	return &v->ui->model.rows[v->row];
}

/* The case in full with its full assessment: the list keeps a stub and a
 * summary.  Not NULL once case_open has seen it read (view_detail). */
static const struct assessment *full(struct view *v)
{
	return model_detail(&v->ui->model, v->row);
}

static const struct cw_case *the_case(struct view *v)
{
	return full(v)->c;
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

static void person(struct view *v, struct doc *d, bool whole)
{
	const struct model_row *r = row_of(v);
	bool redact = v->ui->redact;
	char a[REDACT_BUFSZ], b[DATE_BUFSZ];
	struct doc_line *l = doc_add(d);
	int w = doc_putf(d, l, 1, ROLE_HEADER, "%s", r->c->id);
	doc_put(d, l, w + 3, -1, ROLE_HEADER, model_name(r, redact));
	if (!whole)
		return;
	const struct person *p = &the_case(v)->person;
	l = doc_add(d);
	doc_putf(d, l, IND, ROLE_NORMAL, "A-number %s   born %s   "
		 "nationality %s", p->a_number ? (redact ?
		 redact_a_number(p->a_number, a, sizeof(a)) : p->a_number) :
		 "-", date_known(p->born) ? view_date(p->born, b) : "-",
		 p->nationality ? p->nationality : "-");
	/* file names often carry the name, and sometimes the outcome */
	if (!redact && ui_outcome_shown(v->ui, v->row))
		doc_linef(d, IND, ROLE_DIM, "%s:%u", r->c->file, r->c->pos.line);
}

/* The first screen answers the first questions: which penalty, until
 * when, and which relief the path cost. */
static void headline(struct view *v, struct doc *d)
{
	const struct penalty *p = assess_headline(&full(v)->taken);
	char a[DATE_BUFSZ], buf[1024];
	size_t len = 0;
	if (p) {
		snprintf(buf, sizeof(buf), "%s: %s; last day %s%s", p->rule->id,
			 p->rule->title, date_known(p->until) ?
			 view_date(p->until, a) : "none (permanent)",
			 p->running == 1 ? " (still running)" :
			 p->running == 0 ? " (ended)" : "");
		field(d, IND, "penalty   ", p->running == 1 ? ROLE_RUNNING :
		      ROLE_NORMAL, buf);
	} else {
		field(d, IND, "penalty   ", ROLE_NORMAL, "none");
	}
	buf[0] = 0;
	for (uint32_t i = 0; i < full(v)->taken.n_rel && len < sizeof(buf); i++)
		if (full(v)->taken.rel[i].status == RSTAT_FORFEITED)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s", len ? ", " : "",
						full(v)->taken.rel[i].rule->id);
	if (len)
		field(d, IND, "forfeited ", ROLE_UNMET, buf);
}

static void outcome(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	char a[DATE_BUFSZ], b[DATE_BUFSZ], buf[256];
	snprintf(buf, sizeof(buf), "OUTCOME (as of %s; law as of %s)",
		 view_date(full(v)->as_of, a), view_date(full(v)->law_as_of, b));
	section(d, buf);
	if (!ui_outcome_shown(v->ui, v->row)) {
		doc_linef(d, IND, ROLE_UNKNOWN, "Hidden (quiz): what happened "
			  "to this person?  Press v to reveal.");
		return;
	}
	snprintf(buf, sizeof(buf), "%s (%s)", model_path_label(o->path),
		 enum_name(&path_id_def, o->path));
	field(d, IND, "path      ", model_path_role(o->path), buf);
	field(d, IND, "hearing   ", o->hearing ? ROLE_NORMAL : ROLE_NO_HEARING,
	      o->hearing ? "yes: a judge heard the case" :
	      "NO: no judge ever heard this case");
	headline(v, d);
	doc_linef(d, IND, ROLE_DIM, "c compares with the path not taken");
}

/* One event's type and details on one line. */
static void event_text(const struct event *e, char *buf, size_t n)
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
	const char *parts[] = {
		enum_name(&manner_def, e->manner), enum_name(&finder_def, e->by),
		enum_name(&form_def, e->form), enum_name(kind, e->kind),
		enum_name(&status_def, e->status), enum_name(out, e->outcome),
		enum_name(&relief_def, e->relief),
		e->minute >= 0 ? hm : NULL,     /* hearing: time */
		/* agency, visa status, class, ground or court; not the
		 * language */
		e->type == EV_NTA_SERVED || e->type == EV_HEARING_NOTICE ?
		NULL : e->text,
		e->appeared == TRI_FALSE ? "absent" : e->appeared == TRI_TRUE ?
		"present" : NULL,
		e->scheduled == TRI_TRUE ? "scheduled" : NULL,
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

static void timeline(struct view *v, struct doc *d)
{
	const struct cw_case *c = the_case(v);
	bool shown = ui_outcome_shown(v->ui, v->row) && v->ui->model.have_rules;
	section(d, "TIMELINE");
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		char date[DATE_BUFSZ], what[512];
		event_text(e, what, sizeof(what));
		struct doc_line *l = doc_add(d);
		doc_put(d, l, IND, 10, ROLE_NORMAL, view_date(e->date, date));
		doc_put(d, l, IND + 12, -1, ROLE_NORMAL, what);
		const char *effect = shown && full(v)->event_effect ?
			full(v)->event_effect[i] : NULL;
		if (effect && *effect)
			doc_wrap(d, IND + 12, 0, ROLE_SECTION, effect);
		if (e->note)
			doc_wrap(d, IND + 12, 0, ROLE_DIM, v->ui->redact ?
				 "note " REDACT_HIDDEN : e->note);
	}
}

static void offenses(struct view *v, struct doc *d)
{
	const struct cw_case *c = the_case(v);
	if (!c->n_offenses)
		return;
	section(d, "OFFENSES");
	for (uint32_t i = 0; i < c->n_offenses; i++) {
		const struct offense *o = &c->offenses[i];
		const struct vocab_entry *ve = vocab_find(&v->ui->app->vocab,
							  o->charge);
		char a[DATE_BUFSZ], b[DATE_BUFSZ];
		struct doc_line *l = doc_add(d);
		int w = doc_putf(d, l, IND, ROLE_NORMAL, "%s  %s", view_date(
				 o->date, a), o->charge);
		if (ve && ve->title)
			doc_put(d, l, IND + w + 2, -1, ROLE_DIM, ve->title);
		doc_linef(d, SUB, ROLE_NORMAL, "%s%s%s; sentence %d days, "
			  "maximum %d days", o->convicted == TRI_TRUE ?
			  "convicted " : o->convicted == TRI_FALSE ?
			  "not convicted" : "conviction unknown",
			  o->convicted == TRI_TRUE ? view_date(
			  o->conviction_date, b) : "", "", o->sentence_days,
			  o->max_days);
		if (full(v)->offense_class && full(v)->offense_class[i])
			doc_wrap(d, SUB, 0, ROLE_SECTION, full(v)->offense_class[i]);
	}
}

static int truth_role(int t)
{
	return t == 1 ? ROLE_MET : t == 0 ? ROLE_UNMET : ROLE_UNKNOWN;
}

/* A relief's bars come first among its criteria: for them, holding is bad
 * news, so they read "BARRED" or "clear" instead of met or unmet. */
static void criterion(struct doc *d, int x, const struct criterion *c,
		      const struct rule *rule)
{
	char buf[1024];
	bool bar = rule && c->cond >= rule->bars &&
		   c->cond < rule->bars + rule->n_bars;
	int role = truth_role(bar && c->truth >= 0 ? !c->truth : c->truth);
	const char *mark = c->truth < 0 ? "unknown" : bar ?
		(c->truth ? "BARRED " : "clear  ") :
		(c->truth ? "met    " : "unmet  ");
	snprintf(buf, sizeof(buf), "%s%s%s%s%s%s", c->cond->text,
		 c->cond->cite ? " (" : "", c->cond->cite ? c->cond->cite : "",
		 c->cond->cite ? ")" : "", c->borderline ? " [borderline]" : "",
		 "");
	field(d, x, mark, role, buf);
	if (c->truth < 0 && c->missing && *c->missing)
		doc_linef(d, x + 8, ROLE_DIM, "missing: %s", c->missing);
}

static void clock_line(struct view *v, struct doc *d, const struct penalty *p)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], left[64] = "";
	struct date as_of = full(v)->as_of;
	if (!date_known(p->until))
		snprintf(left, sizeof(left), p->years < 0 ? "permanent" : "");
	else if (p->running == 1)
		snprintf(left, sizeof(left), "%d days left",
			 date_diff(as_of, p->until));
	else if (p->running == 0)
		snprintf(left, sizeof(left), "ended %d days ago",
			 date_diff(p->until, as_of));
	struct doc_line *l = doc_add(d);
	doc_putf(d, l, SUB, p->running == 1 ? ROLE_RUNNING : ROLE_NORMAL,
		 "from %s   last day %s%s   %s%s", view_date(p->from, a),
		 date_known(p->until) ? view_date(p->until, b) : "none",
		 p->borderline ? " (on or about)" : "", left,
		 p->possible ? "   (possible: depends on unknown facts)" : "");
}

static void penalties(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	section(d, "PENALTIES");
	if (!o->n_pen)
		doc_linef(d, IND, ROLE_DIM, "none");
	for (uint32_t i = 0; i < o->n_pen; i++) {
		const struct penalty *p = &o->pen[i];
		struct doc_line *l = doc_add(d);
		int w = doc_putf(d, l, IND, ROLE_HEADER, "%s", p->rule->id);
		doc_put(d, l, IND + w + 2, -1, ROLE_NORMAL, p->rule->title);
		clock_line(v, d, p);
		field(d, SUB, "cite   ", ROLE_NORMAL, p->rule->cite);
		const char *way = rules_waiver(p->rule, full(v)->law_as_of);
		if (way)
			field(d, SUB, "way out", ROLE_NORMAL, way);
		for (uint32_t k = 0; k < p->n_crit; k++)
			criterion(d, SUB, &p->crit[k], NULL);
	}
}

static int status_role(int st)
{
	switch (st) {
	case RSTAT_GRANTED: case RSTAT_ELIGIBLE: return ROLE_MET;
	case RSTAT_POSSIBLE: return ROLE_UNKNOWN;
	default: return ROLE_UNMET;
	}
}

static void relief(struct view *v, struct doc *d)
{
	const struct outcome_side *o = &full(v)->taken;
	section(d, "RELIEF");
	for (uint32_t i = 0; i < o->n_rel; i++) {
		const struct relief_eval *rl = &o->rel[i];
		struct doc_line *l = doc_add(d);
		int w = doc_putf(d, l, IND, status_role(rl->status), "%-10s",
				 enum_name(&relief_status_def, rl->status));
		w += doc_putf(d, l, IND + w + 1, ROLE_HEADER, "%s", rl->rule->id);
		doc_put(d, l, IND + w + 3, -1, ROLE_NORMAL, rl->rule->title);
		field(d, SUB, "cite  ", ROLE_NORMAL, rl->rule->cite);
		if (rl->reason)
			field(d, SUB, "why   ", ROLE_NORMAL, rl->reason);
		for (uint32_t k = 0; k < rl->n_crit; k++)
			criterion(d, SUB, &rl->crit[k], rl->rule);
	}
}

static void people_and_notes(struct view *v, struct doc *d)
{
	const struct cw_case *c = the_case(v);
	bool redact = v->ui->redact;
	if (c->n_relatives)
		section(d, "RELATIVES");
	for (uint32_t i = 0; i < c->n_relatives; i++) {
		const struct relative *r = &c->relatives[i];
		char b[DATE_BUFSZ];
		doc_linef(d, IND, ROLE_NORMAL, "%s, %s, born %s, hardship %s",
			  enum_name(&relation_def, r->relation),
			  enum_name(&rel_status_def, r->status) ?
			  enum_name(&rel_status_def, r->status) : "status unknown",
			  date_known(r->born) ? view_date(r->born, b) : "-",
			  enum_name(&hardship_def, r->hardship) ?
			  enum_name(&hardship_def, r->hardship) : "unknown");
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

static void case_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
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
	}
	people_and_notes(v, d);
	doc_add(d);
	doc_linef(d, 1, ROLE_DIM, "%s", CASEWALK_DISCLAIMER);
	v->lines = d->n;
}

static void case_title(struct view *v, char *buf, size_t n)
{
	const struct model_row *r = row_of(v);
	snprintf(buf, n, "case %s  %s", r->c->id, model_name(r, v->ui->redact));
}

static void case_status(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "c compare | e edit | R redact | q back | ? help");
}

const struct view_ops view_case_ops = {
	.name = "case",
	.cursor = false,
	.open = case_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = case_title,
	.status = case_status,
	.done = view_doc_done,
};
