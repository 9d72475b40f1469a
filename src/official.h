/* official.h - official annual removals and returns (config/statistics.yaml).
 *
 * What the stats view draws beside the loaded cases: DHS removals (under an
 * order) and returns (without one) by fiscal year, each figure kept with the
 * edition it comes from, because the series are revised between editions
 * and a chart must never mix them.  Read with ytree.h like every other file.
 */
#ifndef CW_OFFICIAL_H
#define CW_OFFICIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

enum official_measure { OFFICIAL_REMOVALS, OFFICIAL_RETURNS,
			OFFICIAL__MEASURES };

struct official_figure {
	int fy;                                 /* fiscal year */
	int64_t value[OFFICIAL__MEASURES];      /* -1: not in this edition */
	bool approx[OFFICIAL__MEASURES];        /* a rounded figure */
	uint32_t line;                          /* in the file, for messages */
};

struct official_edition {
	const char *id;
	const char *source;     /* the publisher */
	const char *title;      /* the report or release */
	const char *published;  /* YYYY, YYYY-MM or YYYY-MM-DD; may be NULL */
	const char *note, *flag;        /* may be NULL */
	/* how the publisher counted, where it differs from DHS (ICE counted
	 * voluntary returns among its "removals"), and where that is said;
	 * may be NULL */
	const char *caveat, *caveat_source;
	struct official_figure *v;      /* sorted by fiscal year */
	size_t n;
};

struct official {
	struct official_edition *v;
	size_t n;
	struct arena arena;
};

/* The measure's name in the file and on screen ("removals", "returns"). */
const char *official_measure_name(int m);

/* Loads from text; returns the number of errors (0 = ok).  Editions with
 * errors are left out; the rest are kept. */
int official_load_buffer(struct official *o, const char *name,
			 const char *buf, size_t len, struct diag_list *diags);
int official_load_file(struct official *o, const char *path,
		       struct diag_list *diags);
/* The figures compiled into the binary (config/statistics.yaml). */
int official_load_default(struct official *o, struct diag_list *diags);
void official_free(struct official *o);

/* The largest value of any measure in e (0 when it has none): the scale of
 * its chart. */
int64_t official_max(const struct official_edition *e);

#endif
