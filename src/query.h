/* query.h - the answers both front ends show, computed once (issue 11).
 *
 * The explorer's list, its filter and sort, the statistics and the
 * command line's `list`, `--filter`, `--sort` and `stats` all read the
 * same per-case summary (struct case_row), made as a case is loaded from
 * the assessment of the path it took (relief then and now, the way back),
 * and the same filter language (casewalk(1) FILTERS):
 *
 *   path=ID            the path id, or a unique prefix of one
 *   hearing=yes|no     heard by a judge
 *   tag=T              the case carries tag T
 *   text=WORD          WORD in the id or the shown name (ASCII case folded)
 *   bar=running        an admission bar (kind bar) in force on the as-of
 *                      date (section 2a); bar=ended: one attached, none in
 *                      force; bar=any: one attached; bar=RULE: that bar
 *                      attached
 *   penalty=RULE       that consequence attached, of any kind
 *   RULE=STATUS        relief RULE has STATUS: a legacy status (granted,
 *                      eligible, possible, ineligible, forfeited, barred),
 *                      then:S (section 9.2) or now:S (section 9.3)
 *   relief=STATUS      some relief has STATUS (the same forms)
 *   running            the same as bar=running
 *
 * combined with `and`, `or`, `not` and parentheses, and with expressions of
 * the rules language over the facts of the path taken (casewalk-rules(5)),
 * e.g. `bar=running and up_current_days >= 365`.  A term that is not
 * known, a rule that does not exist, a status or value that is not
 * allowed, is an error that says what is allowed and the nearest name.
 */
#ifndef CW_QUERY_H
#define CW_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "assess.h"
#include "corpus.h"
#include "factpack.h"
#include "rules.h"

/* ---- one case ------------------------------------------------------------ */

struct row_pen {
	uint16_t rule;                  /* index into rules->v */
	int8_t running;                 /* 1, 0, -1 */
	bool possible;                  /* attaches only if unknowns go so */
};

struct row_rel {
	uint16_t rule;
	uint8_t status;                 /* enum relief_status (legacy) */
	uint8_t then, now;              /* enum then_status, now_status */
	uint8_t certainty;              /* of now: CERT_* */
};

struct case_row {
	bool assessed;                  /* false without rules: the rest 0 */
	uint8_t path;                   /* enum path_id */
	bool hearing;
	int8_t bar_running;             /* section 2a: 1, 0, -1 */
	int16_t headline;               /* rule of assess_headline, or -1 */
	int8_t headline_running;
	int8_t headline_permanent;      /* penalty.permanent */
	daynum headline_until_lo, headline_until_hi;
	uint16_t n_pen, n_rel;
	const struct row_pen *pen;
	const struct row_rel *rel;
	daynum no_waiver, with_waivers; /* the way back of the path taken */
	/* the path not taken, when it was assessed too (query_row_alt) */
	bool have_alt;
	uint8_t alt_path;
	daynum alt_no_waiver, alt_with_waivers;
	const void *facts;              /* factpack.h record of the facts */
	/* the first hearing with scheduled: true on or after the as-of date
	 * (ASSESS_NO_DAY: none), its time (-1: none given) */
	daynum next_hearing;
	int16_t next_hearing_minute;
};

/* What the summary needs: the rules (NULL: none) and their packed facts'
 * layout, and the dates. */
struct query_ctx {
	const struct rules *rules;
	const struct factpack *facts;
	struct date as_of, law_as_of;
	bool alt;                       /* also assess the path not taken */
};

/* The summary of c, in keep (tmp is scratch): corpus_opts.each, with ctx
 * a struct query_ctx. */
void *query_row_of_case(void *ctx, const struct cw_case *c,
			struct arena *keep, struct arena *tmp);
/* The summary from an assessment made already (assess_case or _brief). */
struct case_row *query_row(const struct query_ctx *q,
			   const struct assessment *a, struct arena *keep);

/* ---- the loaded cases ---------------------------------------------------- */

struct catalog_row {
	const struct cw_case *c;        /* a stub (case.h) for a clean file */
	const struct case_row *row;     /* never NULL once loaded */
	/* "ID\0NAME\0PSEUDONYM\0": what a search of every row reads */
	const char *label;
	uint16_t name_at, pseudonym_at;
	/* the rows that look like the same person under another id
	 * (sameperson.h), in row order */
	const size_t *same;
	uint32_t n_same;
};

struct catalog {
	const struct rules *rules;      /* NULL: no rules */
	struct factpack facts;          /* the layout of case_row.facts */
	struct catalog_row *rows;
	size_t n_rows;
	char *labels;
	size_t *same;                   /* catalog_row.same's block */
	unsigned generation;            /* new at each catalog_build */
};

/* The packed facts' layout for rules r (before loading). */
void catalog_init(struct catalog *cat, const struct rules *r);
/* The rows of corpus c, whose cases carry their summaries in c->user
 * (corpus_opts.each = query_row_of_case), each with the rows that look
 * like the same person. */
void catalog_build(struct catalog *cat, const struct corpus *c);
void catalog_free(struct catalog *cat);
/* Row i's name as shown: the person's name, or the pseudonym. */
const char *catalog_name(const struct catalog_row *r, bool redact);

/* ---- the filter ------------------------------------------------------------ */

struct query_filter;

/* Compiles filter text ("" matches every case); NULL with a message in
 * err (what is allowed, the nearest name) when it is not valid. */
struct query_filter *query_filter_compile(const struct rules *r,
					  const char *text, struct arena *a,
					  char *err, size_t errsz);
bool query_filter_match(const struct query_filter *f,
			const struct catalog *cat, size_t row, bool redact);
/* The same for a case assessed now (not in a catalog): its row from
 * query_row, its name as shown. */
bool query_filter_case(const struct query_filter *f, const struct rules *r,
		       const struct assessment *a, const struct case_row *row,
		       const char *name);
/* The text it was compiled from. */
const char *query_filter_text(const struct query_filter *f);
/* Whether f reads nothing quiz mode hides: only tag= terms (no path,
 * hearing, bars, penalties, relief, text= over the ids, or facts). */
bool query_filter_quiz_safe(const struct query_filter *f);

/* ---- the sort -------------------------------------------------------------- */

#define QUERY_KEYS(X) \
	X(QK_ID, "id", "ID") \
	X(QK_NAME, "name", "NAME") \
	X(QK_PATH, "path", "PATH") \
	X(QK_HEARING, "hearing", "HRG") \
	X(QK_BAR, "bar", "BAR") \
	X(QK_UNTIL, "until", "LAST DAY") \
	X(QK_RELIEF, "relief", "RELIEF NOW") \
	X(QK_WAY_BACK, "way_back", "WAY BACK") \
	X(QK_FILE, "file", "FILE")

#define CW_ENUM_ID(id, name, title) id,
enum query_key { QUERY_KEYS(CW_ENUM_ID) QK__COUNT };
#undef CW_ENUM_ID
extern const char *const query_key_names[QK__COUNT];
extern const char *const query_key_titles[QK__COUNT];

#define QUERY_SORT_KEYS 4
struct query_sort {
	uint8_t key[QUERY_SORT_KEYS];   /* enum query_key */
	bool desc[QUERY_SORT_KEYS];
	int n;                          /* 0: load order */
};

/* "until,-id": keys, each optionally after '-' (descending).  False with
 * a message (the keys allowed, the nearest) when one is not known. */
bool query_sort_parse(const char *text, struct query_sort *s, char *err,
		      size_t errsz);
/* The rows that f matches (NULL: every row), in the order s gives (ties
 * in load order), into idx (n_rows entries); returns how many. */
size_t query_select(const struct catalog *cat, const struct query_filter *f,
		    const struct query_sort *s, bool redact, size_t *idx);
/* Sorts idx[0..n) in place as s says. */
void query_sort_rows(const struct catalog *cat, const struct query_sort *s,
		     bool redact, size_t *idx, size_t n);

/* ---- what a row shows ------------------------------------------------------ */

/* Relief ids of row r whose status now is open (available, defensive_only,
 * via_motion), or whose status then was forfeited, as "a, b"; "" none. */
const char *query_relief_open(const struct catalog *cat,
			      const struct case_row *r, char *buf, size_t n);
/* The same as shown in the explorer's list: "cancel_nonlpr?, u_visa" (a
 * '?' when its certainty is possible: some criterion is unknown). */
const char *query_relief_open_marked(const struct catalog *cat,
				     const struct case_row *r, char *buf,
				     size_t n);
/* Whether relief x is open now: available, defensive_only or via_motion
 * (what relief_open lists). */
bool query_relief_is_open(const struct row_rel *x);
const char *query_relief_forfeited(const struct catalog *cat,
				   const struct case_row *r, char *buf,
				   size_t n);
/* The headline bar's last day: a date range, "permanent", "unknown", or
 * "" when there is no bar. */
const char *query_until_text(const struct case_row *r, char *buf, size_t n);

/* ---- statistics ------------------------------------------------------------ */

/* Counts over rows, the same for `stats` and the explorer's S view. */
struct query_stats {
	const struct rules *rules;
	size_t cases;
	size_t by_path[PATH__COUNT];
	size_t hearing_yes, hearing_no;
	size_t *penalty;                /* by rule: attaches */
	size_t *penalty_possible;       /* by rule: only possibly */
	size_t *bar_running;            /* by rule: a bar in force */
	size_t cases_bar_running;       /* cases with one */
	size_t *penalty_running;        /* by rule: attaches and runs on the
					   as-of date (any penalty kind) */
	/* how DHS would count the cases' departures: removals (under an
	 * order) and returns (without one); a single "removals" headline,
	 * as ICE reported some years, is their sum (query_dhs_kind) */
	size_t dhs_removals, dhs_returns;
	size_t *relief;                 /* by rule and status: [rule * RSTAT__COUNT + st] */
	size_t *relief_now;             /* [rule * NOW__COUNT + now] */
	size_t *relief_then;            /* [rule * THEN__COUNT + then] */
	/* the way back, where the path not taken was assessed: how many
	 * cases the path taken pushes later (no waiver / with waivers), by
	 * how many days in all, and how many have no date at all */
	size_t alt_cases;
	size_t later_no_waiver, later_with_waivers;
	size_t earlier_no_waiver, earlier_with_waivers;
	int64_t days_no_waiver, days_with_waivers;
	size_t none_taken, none_not_taken;
};

enum query_dhs { DHS_NEITHER, DHS_REMOVAL, DHS_RETURN };
/* How DHS counts a case that took path (enum path_id): a removal (an
 * order), a return (no order), or neither (pending, relief, closed). */
enum query_dhs query_dhs_kind(int path);

void query_stats_init(struct query_stats *s, const struct rules *r);
void query_stats_add(struct query_stats *s, const struct case_row *r);
void query_stats_merge(struct query_stats *s, const struct query_stats *part);
void query_stats_free(struct query_stats *s);

#endif
