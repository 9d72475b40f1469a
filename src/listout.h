/* listout.h - the case list as `casewalk list` writes it and the
 * explorer's `w` saves it: text, NDJSON (one object per case, cli.md
 * revision 2) or RFC 4180 CSV (csv.h: formulas inert), row for row from
 * the catalog's summaries (query.h), so the two can never disagree. */
#ifndef CW_LISTOUT_H
#define CW_LISTOUT_H

#include <stdbool.h>

#include "date.h"
#include "outbuf.h"
#include "query.h"

enum listout_format { LISTOUT_TEXT, LISTOUT_JSON, LISTOUT_CSV };

/* The format a file name asks for by its extension: .csv, .json, .ndjson
 * or .jsonl, anything else text. */
enum listout_format listout_format_of(const char *file);
/* What comes before the rows: the CSV header, the text table's heading
 * (with the dates), nothing for NDJSON. */
void listout_head(struct outbuf *ob, enum listout_format f, struct date as_of,
		  struct date law_as_of);
/* One row: the case of catalog row cr; when redact, its name is the
 * pseudonym and its file is left out (file names often carry names). */
void listout_row(struct outbuf *ob, enum listout_format f,
		 const struct catalog *cat, const struct catalog_row *cr,
		 bool redact);
/* What comes after n of total rows (the text table's count line, with
 * the filter; nothing for the others). */
void listout_tail(struct outbuf *ob, enum listout_format f, size_t n,
		  size_t total, const char *filter);

#endif
