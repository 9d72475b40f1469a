/* memo.c - the review memo as text, Markdown and roff; see memo.h.
 *
 * The memo is written once, through a small writer (struct mw) whose
 * calls say what a line is (a heading, a field, an item, a paragraph);
 * the writer turns each into the format's markup and escapes every string
 * for it: text is made safe for a terminal (text.h), Markdown escapes its
 * punctuation, roff its backslash and its dots, and a character outside
 * ASCII becomes \[uXXXX] with a visible fallback (<U+XXXX>) for a glyph
 * the PDF's fonts lack, so nothing of a name is ever dropped silently.
 */
#include "memo.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "app.h"
#include "deadlines.h"
#include "facts.h"
#include "redact.h"
#include "text.h"

#define WIDTH 78                /* text: columns of a line */
#define A_MASKED "A-XXX-XXX-XXX"

int memo_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "text") || !strcmp(s, "txt"))
		return MEMO_TEXT;
	if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		return MEMO_MD;
	if (!strcmp(s, "pdf"))
		return MEMO_PDF;
	return -1;
}

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && !strcmp(s + a - b, end);
}

int memo_format_of_path(const char *path)
{
	if (ends_with(path, ".pdf") || ends_with(path, ".PDF"))
		return MEMO_PDF;
	if (ends_with(path, ".md") || ends_with(path, ".markdown"))
		return MEMO_MD;
	return MEMO_TEXT;
}

/* ---- the writer ------------------------------------------------------------ */

struct mw {
	struct outbuf *ob;
	int fmt;
	uint32_t *cps;                  /* roff: the characters outside ASCII */
	size_t n_cps, cap_cps;
	bool wide;                      /* roff: one beyond Latin Extended-A */
};

/* s made safe (text.h) and composed (NFC), malloc'd. */
static char *safe(const char *s)
{
	size_t len = strlen(s ? s : ""), cap = TEXT_SAFE_SIZE(len);
	char *t = xmalloc(cap);
	text_fit(s ? s : "", len, -1, t, cap, NULL);
	utf8proc_uint8_t *n = utf8proc_NFC((const utf8proc_uint8_t *)t);
	if (!n)
		return t;
	free(t);
	return (char *)n;
}

static void note_cp(struct mw *w, uint32_t cp)
{
	for (size_t i = 0; i < w->n_cps; i++)
		if (w->cps[i] == cp)
			return;
	if (w->n_cps == w->cap_cps) {
		w->cap_cps = w->cap_cps ? 2 * w->cap_cps : 32;
		w->cps = xrealloc(w->cps, w->cap_cps * sizeof(*w->cps));
	}
	w->cps[w->n_cps++] = cp;
	w->wide |= cp > 0x17F;
}

/* Appends s, escaped for the format. */
static void put(struct mw *w, const char *s)
{
	char *t = safe(s);
	const unsigned char *p = (const unsigned char *)t;
	while (*p) {
		if (w->fmt == MEMO_MD && strchr("\\`*_[]<>|~&#", *p)) {
			ob_putc(w->ob, '\\');
			ob_putc(w->ob, (char)*p++);
		} else if (w->fmt == MEMO_PDF && *p == '\\') {
			ob_puts(w->ob, "\\e");
			p++;
		} else if (w->fmt == MEMO_PDF && *p >= 0x80) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
			if (n <= 0)
				break;  /* safe() leaves no bad byte */
			note_cp(w, (uint32_t)cp);
			ob_printf(w->ob, "\\[u%04X]", (unsigned)cp);
			p += n;
		} else {
			ob_putc(w->ob, (char)*p++);
		}
	}
	free(t);
}

/* The bytes of s[0..n) that fit in `room` columns, at least one
 * character. */
static size_t fit_bytes(const char *s, size_t n, int room)
{
	size_t used = 0;
	int c = 0;
	while (used < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s +
			used, (utf8proc_ssize_t)(n - used), &cp);
		if (k <= 0)
			break;
		int cw = text_width(s + used, (size_t)k);
		if (used && c + cw > room)
			break;
		c += cw;
		used += (size_t)k;
	}
	return used ? used : 1;
}

/* Text: s from column `col`, wrapped at WIDTH, each further line indented
 * by `hang`; a word longer than a line is cut between characters, never
 * dropped. */
static void wrap(struct mw *w, const char *s, int col, int hang)
{
	char *t = safe(s);
	bool fresh = true;              /* nothing on this line yet */
	for (const char *p = t + strspn(t, " "); *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		int ww = text_width(p, n);
		if (!fresh && col + 1 + ww > WIDTH) {
			ob_printf(w->ob, "\n%*s", hang, "");
			col = hang;
			fresh = true;
		}
		if (!fresh) {
			ob_putc(w->ob, ' ');
			col++;
		}
		while (n) {
			if (col >= WIDTH) {
				ob_printf(w->ob, "\n%*s", hang, "");
				col = hang;
			}
			size_t k = fit_bytes(p, n, WIDTH - col);
			ob_put(w->ob, p, k);
			col += text_width(p, k);
			p += k;
			n -= k;
		}
		fresh = false;
	}
	free(t);
	ob_putc(w->ob, '\n');
}

static void heading(struct mw *w, const char *h)
{
	if (w->fmt == MEMO_TEXT) {
		ob_printf(w->ob, "\n%s\n", h);
	} else if (w->fmt == MEMO_MD) {
		ob_puts(w->ob, "\n## ");
		put(w, h);
		ob_puts(w->ob, "\n\n");
	} else {
		ob_puts(w->ob, ".SH\n");
		put(w, h);
		ob_puts(w->ob, "\n");
	}
}

/* A line of the header: LABEL  value. */
static void field(struct mw *w, const char *label, const char *value)
{
	if (w->fmt == MEMO_TEXT) {
		char *v = safe(value);
		ob_printf(w->ob, "%-12s", label);
		wrap(w, v, 12, 12);
		free(v);
	} else if (w->fmt == MEMO_MD) {
		ob_printf(w->ob, "- **%s:** ", label);
		put(w, value);
		ob_putc(w->ob, '\n');
	} else {
		ob_printf(w->ob, ".IP \"%s\" 1.1i\n\\&", label);
		put(w, value);
		ob_putc(w->ob, '\n');
	}
}

/* An item: head (in bold where the format has it), then body. */
static void item(struct mw *w, const char *head, const char *body)
{
	if (w->fmt == MEMO_TEXT) {
		struct outbuf l = { NULL, 0, 0 };
		ob_printf(&l, "%s%s%s", head, body && *body ? "  " : "",
			  body ? body : "");
		ob_putc(&l, '\0');
		ob_puts(w->ob, "  ");
		wrap(w, l.p, 2, 6);
		ob_free(&l);
	} else if (w->fmt == MEMO_MD) {
		ob_puts(w->ob, "- **");
		put(w, head);
		ob_puts(w->ob, "**");
		if (body && *body) {
			ob_putc(w->ob, ' ');
			put(w, body);
		}
		ob_putc(w->ob, '\n');
	} else {
		ob_puts(w->ob, ".IP \\(bu 2n\n\\&\\fB");
		put(w, head);
		ob_puts(w->ob, "\\fP");
		if (body && *body) {
			ob_puts(w->ob, "\\0\\0");
			put(w, body);
		}
		ob_putc(w->ob, '\n');
	}
}

static void para(struct mw *w, const char *text)
{
	if (w->fmt == MEMO_TEXT) {
		ob_puts(w->ob, "  ");
		wrap(w, text, 2, 2);
	} else if (w->fmt == MEMO_MD) {
		put(w, text);
		ob_puts(w->ob, "\n\n");
	} else {
		ob_puts(w->ob, ".LP\n\\&");
		put(w, text);
		ob_putc(w->ob, '\n');
	}
}

/* ---- what the memo says ----------------------------------------------------- */

/* Ends the sentence in l with a full stop, unless it has one. */
static void full_stop(struct outbuf *l)
{
	if (!l->len || !strchr(".!?", l->p[l->len - 1]))
		ob_putc(l, '.');
}

static const char *const path_words[PATH__COUNT] = {
	[PATH_VOLUNTARY_RETURN] = "voluntary return by DHS, before any "
		"charging document",
	[PATH_WITHDRAWAL_AT_PORT] = "withdrawal of the application for "
		"admission at a port of entry",
	[PATH_VD_PRE] = "voluntary departure granted by a judge before the "
		"end of proceedings",
	[PATH_VD_POST] = "voluntary departure granted by a judge at the end "
		"of proceedings",
	[PATH_REMOVAL_CONTESTED] = "removal order after proceedings before a "
		"judge",
	[PATH_IN_ABSENTIA] = "removal order entered in absentia",
	[PATH_STIPULATED] = "stipulated removal order",
	[PATH_EXPEDITED] = "expedited removal order",
	[PATH_REINSTATEMENT] = "reinstatement of a prior removal order",
	[PATH_ADMIN_238B] = "administrative removal order under INA 238(b)",
	[PATH_RELIEF_GRANTED] = "relief granted",
	[PATH_TERMINATED] = "proceedings terminated",
	[PATH_ADMIN_CLOSED] = "proceedings administratively closed",
	[PATH_PENDING] = "proceedings pending",
	[PATH_NO_PROCEEDINGS] = "no enforcement proceedings on file",
};

static const char *day_text(daynum d, char b[ASSESS_RANGE_BUFSZ])
{
	return d == ASSESS_NO_DAY ? "none" : assess_range(d, d, b);
}

static const char *running_text(const struct penalty *p)
{
	if (p->possible)
		return "attaches only if unknown facts go one way";
	return p->running == 1 ? "in force on the as-of date" :
	       p->running == 0 ? "ended" : "whether in force is not known";
}

static bool is_bar(const struct penalty *p)
{
	return p->rule->kind == KIND_BAR || p->rule->kind == KIND_RELIEF_BAR;
}

/* The standing entry of the way back for penalty p, or NULL. */
static const struct standing *standing_of(const struct way_back *wb,
					  const struct penalty *p)
{
	for (uint32_t i = 0; i < wb->n_standing; i++)
		if (wb->standing[i].pen == p)
			return &wb->standing[i];
	return NULL;
}

static void header(struct mw *w, const struct assessment *a, bool redact)
{
	const struct cw_case *c = a->c;
	const struct person *p = &c->person;
	char b[DATE_BUFSZ], d[DATE_BUFSZ], nm[REDACT_BUFSZ];
	const char *name = redact ? redact_case_name(c, nm, sizeof(nm)) :
		p->name ? p->name : "(no name on file)";
	if (w->fmt == MEMO_TEXT) {
		ob_puts(w->ob, "CASE REVIEW MEMO\n");
	} else if (w->fmt == MEMO_MD) {
		ob_puts(w->ob, "# Case review memo\n\n");
	} else {
		ob_puts(w->ob, ".LP\n\\s+4\\fBCase review memo\\fP\\s-4\n");
	}
	para(w, CASEWALK_DISCLAIMER);
	if (w->fmt == MEMO_TEXT)
		ob_putc(w->ob, '\n');
	field(w, "Client", name);
	field(w, "A-number", !p->a_number ? "none on file" : redact ? A_MASKED
		: p->a_number);
	if (!date_known(p->born))
		field(w, "Born", "not on file");
	else if (redact) {
		char y[32];
		snprintf(y, sizeof(y), "%04d (the year only)", p->born.y);
		field(w, "Born", y);
	} else
		field(w, "Born", date_format(p->born, b));
	char line[512];
	snprintf(line, sizeof(line), "%s (law as of %s)", date_format(a->as_of,
		 b), date_format(a->law_as_of, d));
	field(w, "As of", line);
	if (redact)
		snprintf(line, sizeof(line), "case %s", c->id);
	else
		snprintf(line, sizeof(line), "%s:%u (case %s)", c->file,
			 c->pos.line, c->id);
	field(w, "Source", line);
}

static void path_section(struct mw *w, const struct rules *r,
			 const struct assessment *a,
			 const struct deadline_list *dl)
{
	const struct outcome_side *t = &a->taken, *n = &a->alt;
	char line[1024], b[ASSESS_RANGE_BUFSZ];
	heading(w, "PATH AND HEARING");
	snprintf(line, sizeof(line), "%s (%s%s%s); %s.", path_words[t->path],
		 path_id_def.names[t->path], r->paths[t->path].cite ? ", " : "",
		 r->paths[t->path].cite ? r->paths[t->path].cite : "",
		 t->hearing ? "a judge heard the case" :
		 r->paths[t->path].ended ? "no judge ever heard the case" :
		 "no hearing on the merits yet");
	item(w, "Path taken:", line);
	snprintf(line, sizeof(line), "%s (%s); %s.", path_words[n->path],
		 path_id_def.names[n->path], n->hearing ? "with a hearing" :
		 "without a hearing");
	item(w, "Path not taken:", line);
	bool any = false;
	for (size_t i = 0; i < dl->n; i++) {
		const struct deadline *d = &dl->v[i];
		if (d->kind != DL_HEARING)
			continue;
		any = true;
		char hm[16] = "";
		if (d->minute >= 0)
			snprintf(hm, sizeof(hm), " at %02d:%02d", d->minute / 60 % 24,
				 d->minute % 60);
		snprintf(line, sizeof(line), "%s%s%s%s%s%s.", deadline_date_text(d,
			 b), hm, d->court ? ", " : "", d->court ? d->court : "",
			 d->note ? ", " : "", d->note ? d->note : "");
		item(w, "Hearing scheduled:", line);
	}
	if (!any)
		item(w, "Hearing scheduled:", "none on file.");
}

static void bars_section(struct mw *w, const struct assessment *a)
{
	const struct outcome_side *t = &a->taken;
	char head[256], b[ASSESS_RANGE_BUFSZ], c[ASSESS_RANGE_BUFSZ];
	char e[ASSESS_RANGE_BUFSZ];
	heading(w, "BARS AND OTHER CONSEQUENCES (path taken)");
	if (!t->n_pen)
		para(w, "None attaches.");
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t i = 0; i < t->n_pen; i++) {
			const struct penalty *p = &t->pen[i];
			if (is_bar(p) != !pass)
				continue;
			struct outbuf l = { NULL, 0, 0 };
			snprintf(c, sizeof(c), " #%u", p->instance);
			snprintf(head, sizeof(head), "%s%s", p->rule->id,
				 p->instance > 1 ? c : "");
			ob_printf(&l, "%s [%s]: from %s, last day %s; %s%s.",
				  p->rule->title, p->rule->cite,
				  p->from_lo == ASSESS_NO_DAY ? "unknown" :
				  assess_range(p->from_lo, p->from_hi, b),
				  p->permanent == 1 ? "none (permanent)" :
				  assess_until(p, e), running_text(p),
				  p->borderline ? " (borderline: on or about the "
				  "day)" : "");
			const char *wv = rules_waiver(p->rule, a->law_as_of);
			const struct standing *st = standing_of(&t->wb, p);
			if (pass == 0 && (wv || st)) {
				ob_puts(&l, " Way out:");
				if (wv) {
					ob_printf(&l, " %s", wv);
					full_stop(&l);
				}
				if (st && st->route)
					ob_printf(&l, " On the way back: %s, from %s.",
						  st->route, day_text(st->route_from, b));
				if (st && st->clear_from != ASSESS_NO_DAY)
					ob_printf(&l, " Clear from %s without it.",
						  day_text(st->clear_from, b));
			} else if (pass == 0 && p->running != 0) {
				ob_puts(&l, " Way out: none but waiting it out.");
			}
			ob_putc(&l, '\0');
			item(w, head, l.p);
			ob_free(&l);
		}
}

/* ---- the timeline strip ------------------------------------------------------ */

struct strip {
	int y0, y1;                     /* first and last year shown */
	int per;                        /* years a column (text) */
	int asof_y;
};

static int year_of(daynum d)
{
	return date_from_days(d).y;
}

/* The years the bars span, with the as-of date: false when there is no
 * bar to draw. */
static bool strip_span(const struct outcome_side *t, struct date as_of,
		       struct strip *s)
{
	bool any = false;
	s->asof_y = as_of.y;
	s->y0 = s->y1 = as_of.y;
	for (uint32_t i = 0; i < t->n_pen; i++) {
		const struct penalty *p = &t->pen[i];
		if (!is_bar(p) || p->from_lo == ASSESS_NO_DAY)
			continue;
		any = true;
		if (year_of(p->from_lo) < s->y0)
			s->y0 = year_of(p->from_lo);
		if (p->until_hi != ASSESS_NO_DAY && p->permanent != 1 &&
		    year_of(p->until_hi) > s->y1)
			s->y1 = year_of(p->until_hi);
	}
	s->y0 -= s->y0 % 5;             /* the ticks fall on fives */
	s->y1 += 1;
	s->per = 1;
	while ((s->y1 - s->y0) / s->per + 1 > WIDTH - 26)
		s->per++;
	return any;
}

/* Column of day d (text). */
static int col_of(const struct strip *s, daynum d)
{
	return (year_of(d) - s->y0) / s->per;
}

static void strip_text(struct mw *w, const struct outcome_side *t,
		       const struct strip *s, struct date as_of)
{
	int cols = (s->y1 - s->y0) / s->per + 1;
	int now = (as_of.y - s->y0) / s->per;
	char row[WIDTH + 1];
	if (s->per == 1)
		snprintf(row, sizeof(row), "a year");
	else
		snprintf(row, sizeof(row), "%d years", s->per);
	ob_printf(w->ob, "  (a mark %s: # in force, ? end not known to the day, "
		  "> no end, | as of)\n", row);
	memset(row, ' ', sizeof(row));
	for (int y = s->y0; y <= s->y1; y += 5 * s->per) {
		int c = (y - s->y0) / s->per;
		char yy[8];
		snprintf(yy, sizeof(yy), "%04d", y % 10000);
		if (c + 4 <= cols)
			memcpy(row + c, yy, 4);
	}
	row[cols] = 0;
	for (int c = cols - 1; c >= 0 && row[c] == ' '; c--)
		row[c] = 0;
	ob_printf(w->ob, "  %-22s  %s\n", "", row);
	for (uint32_t i = 0; i < t->n_pen; i++) {
		const struct penalty *p = &t->pen[i];
		if (!is_bar(p) || p->from_lo == ASSESS_NO_DAY)
			continue;
		memset(row, '.', (size_t)cols);
		row[cols] = 0;
		int a = col_of(s, p->from_lo);
		int lo = p->permanent == 1 || p->until_lo == ASSESS_NO_DAY ?
			cols - 1 : col_of(s, p->until_lo);
		int hi = p->permanent == 1 || p->until_hi == ASSESS_NO_DAY ?
			cols - 1 : col_of(s, p->until_hi);
		for (int c = a; c <= hi && c < cols; c++)
			row[c] = c <= lo ? '#' : '?';
		if (p->permanent != 0)
			row[cols - 1] = p->permanent == 1 ? '>' : '?';
		if (now >= 0 && now < cols)
			row[now] = '|';
		char label[TEXT_SAFE_SIZE(24)];
		int lw = text_fit(p->rule->id, strlen(p->rule->id), 22, label,
				  sizeof(label), NULL);
		ob_printf(w->ob, "  %s%*s  %s\n", label, 22 - lw, "", row);
	}
}

/* Inches from the strip's left edge (roff). */
#define STRIP_IN 4.3
#define LABEL_IN 1.7

static double x_of(const struct strip *s, daynum d)
{
	struct date x = date_from_days(d);
	double years = (double)(x.y - s->y0) + (x.m - 1) / 12.0 +
		       (x.d - 1) / 365.0;
	return LABEL_IN + STRIP_IN * years / (double)(s->y1 + 1 - s->y0);
}

static void box(struct mw *w, double x0, double x1, bool filled)
{
	if (x1 - x0 < 0.02)
		x1 = x0 + 0.02;
	ob_printf(w->ob, "\\Z'\\h'|%.3fi'\\v'-0.65m'\\D'%c %.3fi 0 0 0.55m "
		  "-%.3fi 0''", x0, filled ? 'P' : 'p', x1 - x0, x1 - x0);
}

static void strip_roff(struct mw *w, const struct outcome_side *t,
		       const struct strip *s, struct date as_of)
{
	double end = LABEL_IN + STRIP_IN, now = x_of(s, date_lo(as_of));
	ob_puts(w->ob, ".LP\n.nf\n\\s-1");
	for (int y = s->y0; y <= s->y1; y += 5)
		ob_printf(w->ob, "\\h'|%.3fi'%04d", x_of(s, date_lo((struct date){
			y, 1, 1, DATE_DAY })) - 0.12, y % 10000);
	ob_puts(w->ob, "\\s+1\n");
	for (uint32_t i = 0; i < t->n_pen; i++) {
		const struct penalty *p = &t->pen[i];
		if (!is_bar(p) || p->from_lo == ASSESS_NO_DAY)
			continue;
		ob_puts(w->ob, "\\&");
		put(w, p->rule->id);
		ob_printf(w->ob, "\\Z'\\h'|%.3fi'\\v'-0.35m'\\D'l %.3fi 0''",
			  LABEL_IN, STRIP_IN);
		double a = x_of(s, p->from_lo);
		if (p->permanent == 1 || p->until_lo == ASSESS_NO_DAY) {
			box(w, a, end, p->permanent == 1 && !p->possible);
		} else {
			double lo = x_of(s, p->until_lo), hi = x_of(s, p->until_hi + 1);
			box(w, a, lo, !p->possible);
			if (hi > lo + 0.01)
				box(w, lo, hi, false);
		}
		ob_printf(w->ob, "\\Z'\\h'|%.3fi'\\v'-0.85m'\\D'l 0 0.95m''\n", now);
	}
	ob_puts(w->ob, "\\s-2(filled: in force; open: not known to the day, or "
		"only possible; the vertical line: the as-of date)\\s+2\n.fi\n");
}

static void timeline(struct mw *w, const struct assessment *a)
{
	struct strip s;
	if (!strip_span(&a->taken, a->as_of, &s))
		return;
	heading(w, "TIMELINE OF THE BARS");
	if (w->fmt == MEMO_PDF) {
		strip_roff(w, &a->taken, &s, a->as_of);
		return;
	}
	if (w->fmt == MEMO_MD)
		ob_puts(w->ob, "```\n");
	strip_text(w, &a->taken, &s, a->as_of);
	if (w->fmt == MEMO_MD)
		ob_puts(w->ob, "```\n");
}

/* ---- relief, the way back, deadlines, unknowns, citations ------------------- */

/* Closed then and now: nothing to do, and nothing the path cost. */
static bool closed(const struct relief_eval *e)
{
	uint8_t t = e->then.status, n = e->now.status;
	return (t == THEN_INELIGIBLE || t == THEN_NOT_SOUGHT ||
		t == THEN_BARRED) &&
	       (n == NOW_INELIGIBLE || n == NOW_LOST || n == NOW_BARRED);
}

static void relief_section(struct mw *w, const struct outcome_side *t)
{
	char b[ASSESS_RANGE_BUFSZ];
	struct outbuf rest = { NULL, 0, 0 };
	heading(w, "RELIEF THEN AND NOW");
	for (uint32_t i = 0; i < t->n_rel; i++) {
		const struct relief_eval *e = &t->rel[i];
		const struct relief_now *n = &e->now;
		if (closed(e)) {
			ob_printf(&rest, "%s%s (then %s, now %s%s%s)", rest.len ?
				  "; " : "", e->rule->id,
				  then_status_def.names[e->then.status],
				  now_status_def.names[n->status], !n->reason ? "" :
				  n->status == NOW_INELIGIBLE ? "; not met: " : ": ",
				  n->reason ? n->reason : "");
			continue;
		}
		struct outbuf l = { NULL, 0, 0 };
		ob_printf(&l, "%s [%s]: then %s, now %s%s", e->rule->title,
			  e->rule->cite, then_status_def.names[e->then.status],
			  now_status_def.names[n->status],
			  n->certainty == CERT_POSSIBLE ? " (possible)" : "");
		if (n->status == NOW_AFTER_BAR && n->from != ASSESS_NO_DAY)
			ob_printf(&l, " from %s", day_text(n->from, b));
		if (n->status == NOW_FROM_ABROAD)
			ob_printf(&l, ", earliest %s", day_text(n->earliest, b));
		if (n->motion)
			ob_printf(&l, ", by a %s motion%s%s", n->motion,
				  n->deadline != ASSESS_NO_DAY ? " filed by " : "",
				  n->deadline != ASSESS_NO_DAY ?
				  day_text(n->deadline, b) : "");
		for (uint32_t k = 0; k < n->req.n; k++)
			ob_printf(&l, "%s%s", k ? " + " : ", requires ",
				  n->req.id[k]);
		if (n->reason)
			ob_printf(&l, " (%s%s)", n->status == NOW_INELIGIBLE ?
				  "not met: " : "", n->reason);
		ob_puts(&l, ".");
		ob_putc(&l, '\0');
		item(w, e->rule->id, l.p);
		ob_free(&l);
	}
	if (rest.len) {
		ob_puts(&rest, ".");
		ob_putc(&rest, '\0');
		item(w, "Closed then and now:", rest.p);
	}
	ob_free(&rest);
}

static void way_back_line(struct mw *w, const char *head,
			  const struct way_back *wb)
{
	char a[ASSESS_RANGE_BUFSZ], b[ASSESS_RANGE_BUFSZ];
	struct outbuf l = { NULL, 0, 0 };
	ob_printf(&l, "without a waiver %s; with waivers %s%s, %s",
		  day_text(wb->no_waiver, a), day_text(wb->with_waivers, b),
		  wb->maybe ? " (possible)" : "", wb->route &&
		  !strcmp(wb->route, "adjust_inside") ? "adjusting inside the "
		  "United States" : "through a consulate abroad");
	for (uint32_t k = 0; k < wb->req.n; k++)
		ob_printf(&l, "%s%s", k ? " + " : "; requires ", wb->req.id[k]);
	ob_puts(&l, ".");
	ob_putc(&l, '\0');
	item(w, head, l.p);
	ob_free(&l);
}

static void deadlines_section(struct mw *w, const struct deadline_list *dl,
			      struct date as_of)
{
	char b[ASSESS_RANGE_BUFSZ];
	heading(w, "DEADLINES");
	if (!dl->n)
		para(w, "None on file.");
	for (size_t i = 0; i < dl->n; i++) {
		const struct deadline *d = &dl->v[i];
		long left = deadline_days_left(d, as_of);
		struct outbuf l = { NULL, 0, 0 };
		ob_printf(&l, "%s%s", d->possible ? "possibly: " : "",
			  deadline_kind_titles[d->kind]);
		if (left < 0)
			ob_printf(&l, " (passed %ld day%s before the as-of date)",
				  -left, left == -1 ? "" : "s");
		else
			ob_printf(&l, " (%ld day%s left)", left, left == 1 ? "" : "s");
		if (d->rule)
			ob_printf(&l, ": %s", d->rule);
		if (d->cite)
			ob_printf(&l, " [%s]", d->cite);
		if (d->note)
			ob_printf(&l, "; %s", d->note);
		ob_puts(&l, ".");
		ob_putc(&l, '\0');
		item(w, deadline_date_text(d, b), l.p);
		ob_free(&l);
	}
}

/* A list of names, each once: "a, b". */
struct names {
	const char **v;
	const char **why;               /* the rules each affects, "r1, r2" */
	size_t n, cap;
};

static void add_names(struct names *ns, const char *list, const char *rule,
		      struct arena *ar)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ", ");
		size_t k;
		for (k = 0; k < ns->n; k++)
			if (strlen(ns->v[k]) == n && !strncmp(ns->v[k], p, n))
				break;
		if (k == ns->n) {
			if (ns->n == ns->cap) {
				ns->cap = ns->cap ? 2 * ns->cap : 16;
				ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
				ns->why = xrealloc(ns->why, ns->cap * sizeof(*ns->why));
			}
			ns->v[k] = arena_strndup(ar, p, n);
			ns->why[k] = rule;
			ns->n++;
		} else if (!strstr(ns->why[k], rule)) {
			ns->why[k] = arena_printf(ar, "%s, %s", ns->why[k], rule);
		}
		p += n;
		p += strspn(p, ", ");
	}
}

/* What a fact means, from the facts' table or the rules' derived facts. */
static const char *meaning(const struct rules *r, const char *name)
{
	int i = facts_index(name);
	if (i >= 0)
		return facts_table[i].meaning;
	for (size_t k = 0; k < r->n_derives; k++)
		if (!strcmp(r->derives[k].id, name))
			return r->derives[k].text;
	return NULL;
}

static void unknowns_section(struct mw *w, const struct rules *r,
			     const struct outcome_side *t, struct arena *ar)
{
	struct names ns = { 0 };
	for (uint32_t i = 0; i < t->n_rel; i++) {
		const struct relief_eval *e = &t->rel[i];
		if (e->now.missing)
			add_names(&ns, e->now.missing, e->rule->id, ar);
		else if (e->now.certainty == CERT_POSSIBLE)
			for (uint32_t k = 0; k < e->n_crit; k++)
				if (e->crit[k].truth < 0)
					add_names(&ns, e->crit[k].missing,
						  e->rule->id, ar);
	}
	for (uint32_t i = 0; i < t->n_pen; i++)
		if (t->pen[i].possible || t->pen[i].running < 0)
			for (uint32_t k = 0; k < t->pen[i].n_crit; k++)
				if (t->pen[i].crit[k].truth < 0)
					add_names(&ns, t->pen[i].crit[k].missing,
						  t->pen[i].rule->id, ar);
	heading(w, "FACTS STILL UNKNOWN THAT WOULD CHANGE AN ANSWER");
	if (!ns.n)
		para(w, "None: every answer above rests on facts on file.");
	for (size_t k = 0; k < ns.n; k++) {
		const char *m = meaning(r, ns.v[k]);
		char *body = arena_printf(ar, "%s%s(decides %s).", m ? m : "",
					  m ? " " : "", ns.why[k]);
		item(w, ns.v[k], body);
	}
	free(ns.v);
	free(ns.why);
}

static void add_cite(struct names *ns, const char *cite, const char *id,
		     struct arena *ar)
{
	if (!cite)
		return;
	for (size_t k = 0; k < ns->n; k++)
		if (!strcmp(ns->v[k], cite)) {
			if (!strstr(ns->why[k], id))
				ns->why[k] = arena_printf(ar, "%s, %s", ns->why[k],
							  id);
			return;
		}
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 32;
		ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
		ns->why = xrealloc(ns->why, ns->cap * sizeof(*ns->why));
	}
	ns->v[ns->n] = cite;
	ns->why[ns->n++] = id;
}

static void citations(struct mw *w, const struct rules *r,
		      const struct assessment *a,
		      const struct deadline_list *dl, struct arena *ar)
{
	struct names ns = { 0 };
	const struct outcome_side *t = &a->taken;
	add_cite(&ns, r->paths[t->path].cite, path_id_def.names[t->path], ar);
	for (uint32_t i = 0; i < t->n_pen; i++)
		add_cite(&ns, t->pen[i].rule->cite, t->pen[i].rule->id, ar);
	for (uint32_t i = 0; i < t->n_rel; i++)
		add_cite(&ns, t->rel[i].rule->cite, t->rel[i].rule->id, ar);
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].rule)
			add_cite(&ns, dl->v[i].cite, dl->v[i].rule, ar);
	heading(w, "CITATIONS");
	struct outbuf l = { NULL, 0, 0 };
	for (size_t k = 0; k < ns.n; k++)
		ob_printf(&l, "%s%s (%s)", k ? "; " : "", ns.v[k], ns.why[k]);
	ob_puts(&l, ".");
	ob_putc(&l, '\0');
	para(w, l.p);
	ob_free(&l);
	free(ns.v);
	free(ns.why);
}

static void closing(struct mw *w, const struct assessment *a, bool redact)
{
	if (!redact && a->c->notes) {
		/* a block scalar's lines are prose: one paragraph each run of
		 * lines, as a blank line ends it */
		heading(w, "NOTES IN THE CASE FILE");
		char *n = xstrdup(a->c->notes);
		for (char *p = n, *end; *p; p = end) {
			end = strstr(p, "\n\n");
			if (end)
				*end++ = 0;
			else
				end = p + strlen(p);
			end += strspn(end, "\n");
			for (char *q = p; *q; q++)
				if (*q == '\n')
					*q = ' ';
			if (*p)
				para(w, p);
		}
		free(n);
	}
	heading(w, "NOT LEGAL ADVICE");
	para(w, CASEWALK_DISCLAIMER " This memo was made by casewalk "
	     CASEWALK_VERSION " from the case file and the rules in force on "
	     "the law-as-of date. It is a review aid for a person qualified to "
	     "advise: check every result against the record and the law "
	     "before relying on it.");
}

/* roff: the page, the fonts, and a visible fallback for each character
 * the fonts may lack. */
static void roff_preamble(struct outbuf *ob, const struct mw *w)
{
	ob_puts(ob, ".\\\" casewalk memo: groff -ms -Tpdf\n"
		".nr PS 9\n.nr VS 11\n.nr PD 0.25v\n.nr PI 2n\n"
		".nr HM 0.6i\n.nr FM 0.6i\n.nr PO 0.9i\n.nr LL 6.7i\n"
		".ds CH\n.ds CF \\s-2casewalk is a study and review aid, not "
		"legal advice.\\s+2\n");
	for (size_t i = 0; i < w->n_cps; i++)
		ob_printf(ob, ".fchar \\[u%04X] <U+%04X>\n", (unsigned)w->cps[i],
			  (unsigned)w->cps[i]);
}

void memo_write(struct outbuf *ob, const struct rules *r,
		const struct assessment *a, int format, bool redact)
{
	struct outbuf body = { NULL, 0, 0 };
	struct mw w = { format == MEMO_PDF ? &body : ob, format, NULL, 0, 0,
			false };
	struct arena ar;
	struct deadline_list dl = { 0 };
	arena_init(&ar, 8192);
	deadlines_of(r, a, &dl, &ar);
	if (redact)
		deadlines_redact(&dl);
	header(&w, a, redact);
	path_section(&w, r, a, &dl);
	bars_section(&w, a);
	timeline(&w, a);
	relief_section(&w, &a->taken);
	heading(&w, "EARLIEST LAWFUL RETURN");
	way_back_line(&w, "Path taken:", &a->taken.wb);
	way_back_line(&w, "Path not taken:", &a->alt.wb);
	deadlines_section(&w, &dl, a->as_of);
	unknowns_section(&w, r, &a->taken, &ar);
	citations(&w, r, a, &dl, &ar);
	closing(&w, a, redact);
	if (format == MEMO_PDF) {
		roff_preamble(ob, &w);
		if (w.wide)
			ob_puts(&body, ".LP\n\\s-2A character the PDF's fonts "
				"lack shows as <U+code>; the text memo shows "
				"every name as written.\\s+2\n");
		ob_put(ob, body.p, body.len);
	}
	ob_free(&body);
	free(w.cps);
	arena_free(&ar);
}
