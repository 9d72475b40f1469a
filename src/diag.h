/* diag.h - diagnostics: FILE:LINE:COL: error: MESSAGE, source line, caret.
 *
 * One function formats positions (diag_print); everything that reports a
 * problem in a file goes through it, so every message looks the same and
 * nothing from the file reaches the terminal unsanitised.
 */
#ifndef CW_DIAG_H
#define CW_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	const char *file;
	uint32_t file_index;    /* load order of the file, for sorting */
	uint32_t line, col;     /* 1-based; 0 when the problem has no position */
	uint8_t severity;
	const char *msg;
	const char *source;     /* the source line (raw bytes), or NULL */
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	size_t n_errors, n_warnings;
};

/* Appends a diagnostic; strings are copied into `arena`.  `source` may be
 * NULL. */
void diag_add(struct diag_list *l, struct arena *arena, const char *file,
	      uint32_t file_index, uint32_t line, uint32_t col, int severity,
	      const char *source, size_t source_len, const char *msg);
void diag_addf(struct diag_list *l, struct arena *arena, const char *file,
	       uint32_t file_index, uint32_t line, uint32_t col, int severity,
	       const char *source, size_t source_len, const char *fmt, ...)
	__attribute__((format(printf, 10, 11)));
/* Moves every diagnostic of src to the end of dst (strings stay where they
 * are); src is left empty. */
void diag_move(struct diag_list *dst, struct diag_list *src);
/* Stable sort by file index, then line, then column. */
void diag_sort(struct diag_list *l);
void diag_free(struct diag_list *l);

/* Prints one diagnostic, sanitised for a terminal:
 *   FILE:LINE:COL: error: MESSAGE
 *       source line
 *       ^
 */
void diag_print(FILE *f, const struct diag *d);
/* The same with the file shown as `label` ("case E06a", redact.h) and the
 * message as msg, without the source line (it may hold a name or an
 * A-number): for --redact. */
void diag_print_as(FILE *f, const struct diag *d, const char *label,
		   const char *msg);

/* Finds line `line` (1-based) of buf.  Line breaks are those of YAML 1.1 as
 * libyaml counts them: LF, CR LF, CR, NEL, LS, PS.  Returns the start and
 * sets *len to the line's length without its break; NULL if out of range.
 * `hint` (may be NULL) caches the last position to make forward lookups
 * linear overall. */
struct line_hint { size_t line; size_t off; };
const char *diag_find_line(const char *buf, size_t buflen, size_t line,
			   size_t *len, struct line_hint *hint);
/* Line and column (1-based, in characters) of byte offset off in buf. */
void diag_offset_pos(const char *buf, size_t buflen, size_t off,
		     uint32_t *line, uint32_t *col);

#endif
