/* cmd_deadlines.c - `deadlines`: every dated obligation or window of the
 * cases (deadlines.h), in date order, as text, NDJSON, RFC 4180 CSV
 * (csv.h) or an iCalendar file of all-day events (ical.h). */
#define _POSIX_C_SOURCE 200809L         /* gmtime_r */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cli.h"
#include "csv.h"
#include "deadlines.h"
#include "ical.h"
#include "json.h"
#include "pipeline.h"
#include "query.h"
#include "redact.h"
#include "text.h"
#include "textout.h"

/* One deadline of case `ix` (its place in the corpus). */
struct dl_row {
	size_t ix;
	struct deadline d;
};

struct dl_part {
	struct arena arena;             /* the notes */
	struct dl_row *v;
	size_t n;
	size_t cases;                   /* the cases the filter matched */
};

struct dl_job {
	const struct app *app;
	const struct corpus *c;
	const struct query_filter *filter;
	struct dl_part *part;           /* one per batch */
};

static const char *shown_name(const struct app *app, const struct cw_case *c,
			      char buf[REDACT_BUFSZ])
{
	if (app->redact)
		return redact_case_name(c, buf, REDACT_BUFSZ);
	return c->person.name ? c->person.name : "";
}

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

static void dl_batch(void *ctx, size_t batch, size_t lo, size_t hi,
		     struct arena *a, struct outbuf *out)
{
	struct dl_job *j = ctx;
	const struct app *app = j->app;
	struct dl_part *p = &j->part[batch];
	size_t cap = 0;
	(void)out;
	arena_init(&p->arena, 16 * 1024);
	for (size_t i = lo; i < hi; i++) {
		struct assessment as;
		const struct cw_case *c = j->c->cases[i];
		/* the alternative too: a filter may read its way back */
		assess_case_paths(&app->rules, c, app->as_of, app->law_as_of,
				  j->filter != NULL, &as, a);
		as.c = c;
		if (wanted(app, j->filter, &as, a)) {
			struct deadline_list l = { 0 };
			p->cases++;
			deadlines_of(&app->rules, &as, &l, &p->arena);
			if (app->redact)
				deadlines_redact(&l);
			if (p->n + l.n > cap) {
				cap = (p->n + l.n) * 2 + 16;
				p->v = xrealloc(p->v, cap * sizeof(*p->v));
			}
			for (size_t k = 0; k < l.n; k++)
				p->v[p->n++] = (struct dl_row){ i, l.v[k] };
		}
		arena_reset(a);
	}
}

/* By day; on the same day in case order, then as deadlines_of ordered
 * them (the sort is stable on the index). */
static int by_day(const void *x, const void *y)
{
	const struct dl_row *a = *(const struct dl_row *const *)x;
	const struct dl_row *b = *(const struct dl_row *const *)y;
	if (a->d.day != b->d.day)
		return a->d.day < b->d.day ? -1 : 1;
	if (a->ix != b->ix)
		return a->ix < b->ix ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void put_day(struct outbuf *ob, daynum d)
{
	char b[DATE_BUFSZ];
	ob_puts(ob, date_format(date_from_days(d), b));
}

/* "09:30", or "" */
static const char *time_text(const struct deadline *d, char buf[8])
{
	if (d->minute < 0)
		return "";
	snprintf(buf, 8, "%02d:%02d", d->minute / 60 % 24, d->minute % 60);
	return buf;
}

/* ---- text ------------------------------------------------------------------ */

static void row_text(struct outbuf *ob, const struct app *app,
		     const struct cw_case *c, const struct deadline *d)
{
	char name[REDACT_BUFSZ], day[ASSESS_RANGE_BUFSZ], hm[8];
	char nm[TEXT_SAFE_SIZE(96)];
	const char *n = shown_name(app, c, name);
	/* a name longer than its column ends in "..." (text.h) */
	int w = text_fit(n, strlen(n), 22, nm, sizeof(nm), NULL);
	text_obprintf(ob, "%-10s %6ld  %-16s %s%*s %-18s %s%s%s%s%s\n",
		deadline_date_text(d, day), deadline_days_left(d, app->as_of),
		c->id, nm, 22 - w, "", deadline_kind_names[d->kind],
		d->possible ? "(possible) " : "", d->rule ? d->rule : "",
		d->cite ? " [" : "", d->cite ? d->cite : "", d->cite ? "]" : "");
	if (d->minute >= 0 || d->court)
		text_obprintf(ob, "%36s%s%s%s\n", "", time_text(d, hm),
			      d->minute >= 0 && d->court ? ", " : "",
			      d->court ? d->court : "");
	if (d->note)
		text_obprintf(ob, "%36s%s\n", "", d->note);
}

/* ---- JSON ------------------------------------------------------------------ */

static void row_json(struct outbuf *ob, const struct app *app,
		     const struct cw_case *c, const struct deadline *d)
{
	char name[REDACT_BUFSZ], hm[8];
	ob_puts(ob, "{\"id\":");
	json_escape(ob, c->id);
	ob_puts(ob, ",\"name\":");
	json_escape(ob, shown_name(app, c, name));
	ob_puts(ob, ",\"kind\":");
	json_escape(ob, deadline_kind_names[d->kind]);
	ob_puts(ob, ",\"title\":");
	json_escape(ob, deadline_kind_titles[d->kind]);
	ob_puts(ob, ",\"date\":\"");
	put_day(ob, d->day);
	ob_putc(ob, '"');
	if (d->lo != d->hi) {
		ob_puts(ob, ",\"date_range\":[\"");
		put_day(ob, d->lo);
		ob_puts(ob, "\",\"");
		put_day(ob, d->hi);
		ob_puts(ob, "\"]");
	}
	ob_printf(ob, ",\"days_left\":%ld", deadline_days_left(d, app->as_of));
	ob_puts(ob, ",\"time\":");
	if (d->minute >= 0)
		json_escape(ob, time_text(d, hm));
	else
		ob_puts(ob, "null");
	ob_puts(ob, ",\"court\":");
	d->court ? json_escape(ob, d->court) : ob_puts(ob, "null");
	ob_puts(ob, ",\"rule\":");
	d->rule ? json_escape(ob, d->rule) : ob_puts(ob, "null");
	ob_puts(ob, ",\"cite\":");
	d->cite ? json_escape(ob, d->cite) : ob_puts(ob, "null");
	ob_puts(ob, ",\"note\":");
	d->note ? json_escape(ob, d->note) : ob_puts(ob, "null");
	ob_puts(ob, d->possible ? ",\"possible\":true" : ",\"possible\":false");
	ob_puts(ob, ",\"file\":");
	if (app->redact)
		ob_puts(ob, "null");
	else
		json_escape(ob, c->file);
	ob_puts(ob, ",\"line\":");
	if (d->line)
		ob_put_int(ob, d->line);
	else
		ob_puts(ob, "null");
	ob_puts(ob, "}\n");
}

/* ---- CSV ------------------------------------------------------------------- */

#define CSV_HEADER "id,name,kind,date,date_range,days_left,time,court,rule," \
	"cite,note,possible,file,line\r\n"

static void row_csv(struct outbuf *ob, const struct app *app,
		    const struct cw_case *c, const struct deadline *d)
{
	char name[REDACT_BUFSZ], day[ASSESS_RANGE_BUFSZ], num[32], hm[8];
	csv_cell(ob, c->id);
	CSV_SEP(ob);
	csv_cell(ob, shown_name(app, c, name));
	CSV_SEP(ob);
	csv_raw(ob, deadline_kind_names[d->kind]);
	CSV_SEP(ob);
	put_day(ob, d->day);
	CSV_SEP(ob);
	csv_cell(ob, d->lo != d->hi ? deadline_date_text(d, day) : "");
	CSV_SEP(ob);
	/* a number: a leading minus is a negative count, not a formula */
	snprintf(num, sizeof(num), "%ld", deadline_days_left(d, app->as_of));
	csv_raw(ob, num);
	CSV_SEP(ob);
	csv_raw(ob, time_text(d, hm));
	CSV_SEP(ob);
	csv_cell(ob, d->court);
	CSV_SEP(ob);
	csv_cell(ob, d->rule);
	CSV_SEP(ob);
	csv_cell(ob, d->cite);
	CSV_SEP(ob);
	csv_cell(ob, d->note);
	CSV_SEP(ob);
	csv_raw(ob, d->possible ? "true" : "false");
	CSV_SEP(ob);
	csv_cell(ob, app->redact ? "" : c->file);
	CSV_SEP(ob);
	snprintf(num, sizeof(num), "%u", d->line);
	csv_raw(ob, d->line ? num : "");
	CSV_END(ob);
}

/* ---- iCalendar ------------------------------------------------------------- */

static void ics_date(char out[9], daynum d)
{
	struct date x = date_from_days(d);
	snprintf(out, 9, "%04u%02u%02u", (unsigned)x.y % 10000u,
		 (unsigned)x.m % 100u, (unsigned)x.d % 100u);
}

/* DTSTAMP: now, in UTC; the day of CASEWALK_TODAY at midnight when the
 * tests fix the date, so that the file is the same on every run. */
static void ics_stamp(char out[17])
{
	if (getenv("CASEWALK_TODAY")) {
		char d[9];
		ics_date(d, date_lo(date_today()));
		snprintf(out, 17, "%sT000000Z", d);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

static void row_ics(struct outbuf *ob, const struct app *app,
		    const struct cw_case *c, const struct deadline *d,
		    const char *stamp)
{
	char hex[17], uid[32], name[REDACT_BUFSZ], a[9], b[9];
	char day[ASSESS_RANGE_BUFSZ], hm[8];
	long left = deadline_days_left(d, app->as_of);
	deadline_uid(c->id, d, hex);
	snprintf(uid, sizeof(uid), "%s@casewalk", hex);
	ob_puts(ob, "BEGIN:VEVENT\r\n");
	ical_prop(ob, "UID", uid);
	ical_prop(ob, "DTSTAMP", stamp);
	ics_date(a, d->day);
	ics_date(b, d->day + 1);
	ical_prop(ob, "DTSTART;VALUE=DATE", a);
	ical_prop(ob, "DTEND;VALUE=DATE", b);
	struct outbuf t = { NULL, 0, 0 };
	ob_printf(&t, "%s %s: %s", c->id, shown_name(app, c, name),
		  deadline_kind_titles[d->kind]);
	if (d->minute >= 0)
		ob_printf(&t, " at %s", time_text(d, hm));
	ob_putc(&t, '\0');
	ical_text(ob, "SUMMARY", t.p);
	t.len = 0;
	ob_printf(&t, "%s%s (%s)", d->possible ? "possibly: " : "",
		  deadline_kind_titles[d->kind], deadline_kind_names[d->kind]);
	if (d->lo != d->hi)
		ob_printf(&t, "\nthe date is known only as %s: this is %s",
			  deadline_date_text(d, day), d->kind == DL_BAR_ENDS ?
			  "its last possible day" : "its first possible day");
	if (d->note)
		ob_printf(&t, "\n%s", d->note);
	ob_printf(&t, "\n%s%s%s%s", d->rule ? d->rule : "",
		  d->cite ? " (" : "", d->cite ? d->cite : "",
		  d->cite ? ")" : "");
	char asof[DATE_BUFSZ];
	date_format(app->as_of, asof);
	if (left < 0)
		ob_printf(&t, "\npassed %ld day%s before the as-of date, %s",
			  -left, left == -1 ? "" : "s", asof);
	else
		ob_printf(&t, "\n%ld day%s left on the as-of date, %s", left,
			  left == 1 ? "" : "s", asof);
	ob_printf(&t, "\ncase %s", c->id);
	if (!app->redact)
		ob_printf(&t, ", %s:%u", c->file, d->line ? d->line : c->pos.line);
	ob_printf(&t, "\n%s", CASEWALK_DISCLAIMER);
	ob_putc(&t, '\0');
	ical_text(ob, "DESCRIPTION", t.p);
	ob_free(&t);
	if (d->court)
		ical_text(ob, "LOCATION", d->court);
	ical_text(ob, "CATEGORIES", deadline_kind_names[d->kind]);
	ical_prop(ob, "TRANSP", "TRANSPARENT");
	ob_puts(ob, "END:VEVENT\r\n");
}

static void ics_begin(struct outbuf *ob)
{
	ob_puts(ob, "BEGIN:VCALENDAR\r\n");
	ical_prop(ob, "VERSION", "2.0");
	ical_prop(ob, "PRODID", "-//casewalk//casewalk " CASEWALK_VERSION "//EN");
	ical_prop(ob, "CALSCALE", "GREGORIAN");
	ical_text(ob, "X-WR-CALNAME", "casewalk deadlines");
}

/* ---- the command ----------------------------------------------------------- */

static void put_all(const struct app *app, const struct corpus *c,
		    struct dl_row **v, size_t n, size_t cases)
{
	struct outbuf ob = { NULL, 0, 0 };
	char stamp[17], a[DATE_BUFSZ], b[DATE_BUFSZ];
	if (app->ics) {
		ics_stamp(stamp);
		ics_begin(&ob);
	} else if (app->csv) {
		ob_puts(&ob, CSV_HEADER);
	} else if (!app->json) {
		text_obprintf(&ob, "%s  As of %s, law as of %s.\n\n",
			CASEWALK_DISCLAIMER, date_format(app->as_of, a),
			date_format(app->law_as_of, b));
		text_obprintf(&ob, "%-10s %6s  %-16s %-22s %-18s %s\n", "DATE",
			"DAYS", "ID", "NAME", "KIND", "RULE [CITE]");
	}
	for (size_t k = 0; k < n; k++) {
		const struct cw_case *cs = c->cases[v[k]->ix];
		if (app->ics)
			row_ics(&ob, app, cs, &v[k]->d, stamp);
		else if (app->json)
			row_json(&ob, app, cs, &v[k]->d);
		else if (app->csv)
			row_csv(&ob, app, cs, &v[k]->d);
		else
			row_text(&ob, app, cs, &v[k]->d);
		if (ob.len > 1 << 20) {
			fwrite(ob.p, 1, ob.len, stdout);
			ob.len = 0;
		}
	}
	if (app->ics)
		ob_puts(&ob, "END:VCALENDAR\r\n");
	else if (!app->json && !app->csv)
		text_obprintf(&ob, "\n%zu deadline%s of %zu case%s%s%s "
			"(DAYS: from the as-of date)\n", n, n == 1 ? "" : "s",
			cases, cases == 1 ? "" : "s", app->filter ? " matching " :
			"", app->filter ? app->filter : "");
	fwrite(ob.p, 1, ob.len, stdout);
	ob_free(&ob);
}

#define BATCH 256

int cmd_deadlines(struct app *app)
{
	struct corpus c;
	struct arena fa;
	struct query_filter *f = NULL;
	char err[512];
	if (!app->n_paths) {
		fputs("casewalk deadlines: no PATH given\n", stderr);
		return 2;
	}
	if (!app_load_rules(app))
		return 2;
	arena_init(&fa, 4096);
	if (app->filter && !(f = query_filter_compile(&app->rules, app->filter,
						     &fa, err, sizeof(err)))) {
		fprintf(stderr, "casewalk: %s\n", err);
		arena_free(&fa);
		return 2;
	}
	if (!app_load(app, &c, NULL)) {
		arena_free(&fa);
		return 2;
	}
	app_print_diags(app, stderr, &c);
	size_t batches = (c.n_cases + BATCH - 1) / BATCH;
	struct dl_job j = { app, &c, f, xcalloc(batches + 1, sizeof(*j.part)) };
	pipeline_run(c.n_cases, BATCH, app->jobs > 0 ? app->jobs :
		     corpus_default_jobs(), dl_batch, &j, stdout);
	size_t n = 0, cases = 0;
	for (size_t b = 0; b < batches; b++) {
		n += j.part[b].n;
		cases += j.part[b].cases;
	}
	struct dl_row **v = xmalloc((n + 1) * sizeof(*v));
	n = 0;
	for (size_t b = 0; b < batches; b++)
		for (size_t k = 0; k < j.part[b].n; k++)
			v[n++] = &j.part[b].v[k];
	qsort(v, n, sizeof(*v), by_day);
	put_all(app, &c, v, n, cases);
	free(v);
	for (size_t b = 0; b < batches; b++) {
		free(j.part[b].v);
		arena_free(&j.part[b].arena);
	}
	free(j.part);
	int st = c.diags.n_errors ? 1 : 0;
	corpus_free(&c);
	arena_free(&fa);
	return st;
}
