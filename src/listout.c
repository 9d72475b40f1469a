/* listout.c - the case list as text, NDJSON or CSV; see listout.h. */
#include "listout.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "csv.h"
#include "json.h"
#include "text.h"
#include "textout.h"

static void put_day_json(struct outbuf *ob, daynum d)
{
	char b[DATE_BUFSZ];
	if (d == ASSESS_NO_DAY) {
		ob_puts(ob, "null");
		return;
	}
	ob_putc(ob, '"');
	ob_puts(ob, date_format(date_from_days(d), b));
	ob_putc(ob, '"');
}

static const char *day_text(daynum d, char b[DATE_BUFSZ])
{
	return d == ASSESS_NO_DAY ? "none" : date_format(date_from_days(d), b);
}

static const char *tri_text(int t)
{
	return t < 0 ? "unknown" : t ? "true" : "false";
}

/* The relief ids (open now, or forfeited then) as a JSON array. */
static void put_ids(struct outbuf *ob, const char *list)
{
	ob_putc(ob, '[');
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ", ");
		char id[128];
		snprintf(id, sizeof(id), "%.*s", (int)n, p);
		if (p != list)
			ob_putc(ob, ',');
		json_escape(ob, id);
		p += n;
		p += strspn(p, ", ");
	}
	ob_putc(ob, ']');
}

/* The ids of the rows that look like the same person, joined by sep. */
static void same_ids(struct outbuf *ob, const struct catalog *cat,
		     const struct catalog_row *cr, const char *sep)
{
	for (uint32_t i = 0; i < cr->n_same; i++) {
		if (i)
			ob_puts(ob, sep);
		ob_puts(ob, cat->rows[cr->same[i]].c->id);
	}
}

static void row_json(struct outbuf *ob, const struct catalog *cat,
		     const struct catalog_row *cr, bool redact)
{
	const struct case_row *r = cr->row;
	const struct rules *rl = cat->rules;
	char open[2048], forf[2048];
	ob_puts(ob, "{\"id\":");
	json_escape(ob, cr->c->id);
	ob_puts(ob, ",\"name\":");
	json_escape(ob, catalog_name(cr, redact));
	ob_puts(ob, ",\"path\":");
	if (r->assessed)
		json_escape(ob, path_id_def.names[r->path]);
	else
		ob_puts(ob, "null");
	ob_puts(ob, r->hearing ? ",\"hearing\":true" : ",\"hearing\":false");
	ob_puts(ob, ",\"bar\":");
	if (r->headline >= 0)
		json_escape(ob, rl->v[r->headline].id);
	else
		ob_puts(ob, "null");
	ob_puts(ob, ",\"bar_until\":");
	put_day_json(ob, r->headline >= 0 && r->headline_permanent != 1 ?
		     r->headline_until_lo : ASSESS_NO_DAY);
	if (r->headline >= 0 && r->headline_until_lo != r->headline_until_hi &&
	    r->headline_until_lo != ASSESS_NO_DAY) {
		ob_puts(ob, ",\"bar_until_range\":[");
		put_day_json(ob, r->headline_until_lo);
		ob_putc(ob, ',');
		put_day_json(ob, r->headline_until_hi);
		ob_putc(ob, ']');
	}
	ob_puts(ob, ",\"bar_permanent\":");
	ob_puts(ob, r->headline < 0 ? "null" : r->headline_permanent == 1 ?
		"true" : r->headline_permanent == 0 ? "false" : "null");
	ob_puts(ob, ",\"bar_running\":");
	ob_puts(ob, r->bar_running < 0 ? "null" : r->bar_running ? "true" :
		"false");
	ob_puts(ob, ",\"relief_open\":");
	put_ids(ob, query_relief_open(cat, r, open, sizeof(open)));
	ob_puts(ob, ",\"relief_forfeited\":");
	put_ids(ob, query_relief_forfeited(cat, r, forf, sizeof(forf)));
	ob_puts(ob, ",\"earliest_no_waiver\":");
	put_day_json(ob, r->assessed ? r->no_waiver : ASSESS_NO_DAY);
	ob_puts(ob, ",\"earliest_with_waivers\":");
	put_day_json(ob, r->assessed ? r->with_waivers : ASSESS_NO_DAY);
	ob_puts(ob, ",\"same_person_as\":[");
	for (uint32_t i = 0; i < cr->n_same; i++) {
		if (i)
			ob_putc(ob, ',');
		json_escape(ob, cat->rows[cr->same[i]].c->id);
	}
	ob_puts(ob, "],\"next_hearing\":");
	put_day_json(ob, r->next_hearing);
	/* file names often carry the person's name */
	ob_puts(ob, ",\"file\":");
	if (redact)
		ob_puts(ob, "null");
	else
		json_escape(ob, cr->c->file);
	ob_printf(ob, ",\"line\":%u}\n", cr->c->pos.line);
}

/* ; between ids, as the assess CSV lists them */
static void semicolons(char *s)
{
	char *o = s;
	for (const char *p = s; *p;) {
		if (p[0] == ',' && p[1] == ' ') {
			*o++ = ';';
			p += 2;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
}

static void row_csv(struct outbuf *ob, const struct catalog *cat,
		    const struct catalog_row *cr, bool redact)
{
	const struct case_row *r = cr->row;
	char b[DATE_BUFSZ + 16], open[2048], forf[2048], line[16];
	csv_cell(ob, cr->c->id);
	CSV_SEP(ob);
	csv_cell(ob, catalog_name(cr, redact));
	CSV_SEP(ob);
	csv_raw(ob, r->assessed ? path_id_def.names[r->path] : "");
	CSV_SEP(ob);
	csv_raw(ob, r->hearing ? "true" : "false");
	CSV_SEP(ob);
	csv_cell(ob, r->headline >= 0 ? cat->rules->v[r->headline].id : "");
	CSV_SEP(ob);
	csv_cell(ob, query_until_text(r, b, sizeof(b)));
	CSV_SEP(ob);
	csv_raw(ob, r->bar_running < 0 ? "" : r->bar_running ? "true" : "false");
	CSV_SEP(ob);
	query_relief_open(cat, r, open, sizeof(open));
	semicolons(open);
	csv_cell(ob, open);
	CSV_SEP(ob);
	query_relief_forfeited(cat, r, forf, sizeof(forf));
	semicolons(forf);
	csv_cell(ob, forf);
	CSV_SEP(ob);
	csv_raw(ob, r->assessed && r->no_waiver != ASSESS_NO_DAY ?
		date_format(date_from_days(r->no_waiver), b) : "");
	CSV_SEP(ob);
	csv_raw(ob, r->assessed && r->with_waivers != ASSESS_NO_DAY ?
		date_format(date_from_days(r->with_waivers), b) : "");
	CSV_SEP(ob);
	csv_cell(ob, redact ? "" : cr->c->file);
	CSV_SEP(ob);
	snprintf(line, sizeof(line), "%u", cr->c->pos.line);
	csv_raw(ob, line);
	CSV_SEP(ob);
	struct outbuf ids = { NULL, 0, 0 };
	same_ids(&ids, cat, cr, ";");
	ob_putc(&ids, '\0');
	csv_cell(ob, ids.p);
	ob_free(&ids);
	CSV_SEP(ob);
	csv_raw(ob, r->next_hearing == ASSESS_NO_DAY ? "" :
		date_format(date_from_days(r->next_hearing), b));
	CSV_END(ob);
}

/* s cut or padded to cols terminal columns (the table's cells). */
static void cell(struct outbuf *ob, const char *s, int cols)
{
	char buf[TEXT_SAFE_SIZE(256)];
	int w = text_fit(s, strlen(s), cols, buf, sizeof(buf), NULL);
	ob_puts(ob, buf);
	for (; w <= cols; w++)
		ob_putc(ob, ' ');
}

static void row_text(struct outbuf *ob, const struct catalog *cat,
		     const struct catalog_row *cr, bool redact)
{
	const struct case_row *r = cr->row;
	char until[64], open[2048], a[DATE_BUFSZ], b[DATE_BUFSZ];
	query_until_text(r, until, sizeof(until));
	query_relief_open(cat, r, open, sizeof(open));
	cell(ob, cr->c->id, 16);
	cell(ob, catalog_name(cr, redact), 24);
	text_obprintf(ob, "%-24s %-3s %-18s %-12s %-7s %s / %s  %s",
		r->assessed ? path_id_def.names[r->path] : "-",
		r->hearing ? "yes" : "no",
		r->headline >= 0 ? cat->rules->v[r->headline].id : "-",
		r->headline >= 0 ? until : "-",
		r->headline >= 0 ? tri_text(r->bar_running) : "-",
		r->assessed ? day_text(r->no_waiver, a) : "-",
		r->assessed ? day_text(r->with_waivers, b) : "-",
		*open ? open : "-");
	if (r->next_hearing != ASSESS_NO_DAY)
		ob_printf(ob, "  (hearing %s)", day_text(r->next_hearing, a));
	if (cr->n_same) {
		ob_puts(ob, "  (same person as ");
		same_ids(ob, cat, cr, ", ");
		ob_putc(ob, ')');
	}
	ob_putc(ob, '\n');
}

enum listout_format listout_format_of(const char *file)
{
	const char *dot = file ? strrchr(file, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return LISTOUT_TEXT;
	if (!strcasecmp(dot, ".csv"))
		return LISTOUT_CSV;
	if (!strcasecmp(dot, ".json") || !strcasecmp(dot, ".ndjson") ||
	    !strcasecmp(dot, ".jsonl"))
		return LISTOUT_JSON;
	return LISTOUT_TEXT;
}

void listout_head(struct outbuf *ob, enum listout_format f, struct date as_of,
		  struct date law_as_of)
{
	char d[DATE_BUFSZ], l[DATE_BUFSZ];
	if (f == LISTOUT_CSV) {
		ob_puts(ob, "id,name,path,hearing,bar,bar_until,bar_running,"
			"relief_open,relief_forfeited,earliest_no_waiver,"
			"earliest_with_waivers,file,line,same_person_as,"
			"next_hearing\r\n");
	} else if (f == LISTOUT_TEXT) {
		text_obprintf(ob, "%s  As of %s, law as of %s.\n\n",
			CASEWALK_DISCLAIMER, date_format(as_of, d),
			date_format(law_as_of, l));
		text_obprintf(ob, "%-16s %-24s %-24s %-3s %-18s %-12s %-7s %s  %s\n",
			"ID", "NAME", "PATH", "HRG", "BAR", "LAST DAY",
			"RUNNING", "WAY BACK (no waiver / with waivers)",
			"RELIEF OPEN NOW");
	}
}

void listout_row(struct outbuf *ob, enum listout_format f,
		 const struct catalog *cat, const struct catalog_row *cr,
		 bool redact)
{
	if (f == LISTOUT_JSON)
		row_json(ob, cat, cr, redact);
	else if (f == LISTOUT_CSV)
		row_csv(ob, cat, cr, redact);
	else
		row_text(ob, cat, cr, redact);
}

void listout_tail(struct outbuf *ob, enum listout_format f, size_t n,
		  size_t total, const char *filter)
{
	if (f != LISTOUT_TEXT)
		return;
	text_obprintf(ob, "\n%zu of %zu cases%s%s\n", n, total,
		      filter && *filter ? " match " : "",
		      filter && *filter ? filter : "");
}
