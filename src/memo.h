/* memo.h - a one-page review memo (two at most) for the client file:
 * what `casewalk memo` writes and the explorer's `m` key saves.  No
 * curses.
 *
 * From one case's full assessment (assess_case): a header (name,
 * A-number, date of birth, the as-of and law-as-of dates, the file it
 * came from), the path and the hearing (and any hearing scheduled), each
 * bar with its dates and its way out, a timeline strip of the bars along
 * the years, relief then and now, the earliest lawful return on the path
 * taken and on the path not taken, the deadlines (deadlines.h), the facts
 * still unknown that would change an answer, the citations, and the
 * statement that this is a review aid, not legal advice.
 *
 * As text (lines of at most 78 columns, safe for a terminal), Markdown,
 * or roff for groff's ms macros, which memo_pdf turns into a PDF.  With
 * redact: the pseudonym for the name (redact.h), the A-number masked
 * whole, the year of birth only, no notes, and the case id for the file.
 */
#ifndef CW_MEMO_H
#define CW_MEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "assess.h"
#include "outbuf.h"
#include "rules.h"

enum memo_format { MEMO_TEXT, MEMO_MD, MEMO_PDF };

/* "text", "md" or "pdf" (also "markdown", "txt"), or -1. */
int memo_format_parse(const char *s);
/* The format a file name asks for: .pdf, .md / .markdown, else text. */
int memo_format_of_path(const char *path);

/* Appends the memo of a (the full assessment of one case, made with
 * rules r) to ob: MEMO_TEXT, MEMO_MD, or for MEMO_PDF the roff text that
 * memo_pdf renders. */
void memo_write(struct outbuf *ob, const struct rules *r,
		const struct assessment *a, int format, bool redact);

#define MEMO_ERRSZ 512

/* Renders roff (memo_write's MEMO_PDF text) to a PDF in pdf with
 * `groff -ms -Tpdf`, through pipes: the input never touches the disk,
 * and groff's own temporary files (TMPDIR) go to the private directory
 * (save.h), never to /tmp.  Returns 0, or -1 with err set (groff missing,
 * its messages). */
int memo_pdf(const char *roff, size_t len, struct outbuf *pdf,
	     char err[MEMO_ERRSZ]);

/* The memo in format, written to path (atomically, save.h).  Returns 0,
 * or -1 with err set. */
int memo_save(const struct rules *r, const struct assessment *a, int format,
	      bool redact, const char *path, char err[MEMO_ERRSZ]);

#endif
