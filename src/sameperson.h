/* sameperson.h - a second file for the same person: two cases under
 * different ids that share an A-number, or the same name and date of
 * birth (a conflict check, as LegalServer's).  `check` warns at each of
 * them, naming the other's place; `list` and the explorer mark both.
 * No curses.
 *
 * The same A-number: the same digits, a leading zero aside (A12345678 is
 * A012345678), dashes, spaces and the A aside.  The same name: the same
 * words in any order, case, accents and punctuation aside ("José
 * Ortega-Ruiz" and "ORTEGA RUIZ, Jose"), with the same birth date to the
 * day; two different A-numbers on file say they are two people, and then
 * the names are not compared.  A case that names the other in its
 * same_person_as (case-format: known to be the same person, an earlier
 * file or a what-if variant) draws no warning, and is still marked.
 */
#ifndef CW_SAMEPERSON_H
#define CW_SAMEPERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "case.h"
#include "diag.h"

enum { SAMEPERSON_A_NUMBER, SAMEPERSON_NAME_BORN };

/* Cases a and b (indexes into the array given, a < b) look like the same
 * person, for the reason `why`. */
struct sameperson_pair {
	size_t a, b;
	uint8_t why;
	bool known;             /* one names the other in same_person_as */
};

/* Every pair of cases[0..n) that looks like the same person, sorted by
 * a then b; a malloc'd array in *out (free it), its length returned. */
size_t sameperson_find(const struct cw_case *const *cases, size_t n,
		       struct sameperson_pair **out);

/* A warning at each case of each pair not known, at its A-number (or name) in its
 * file, naming the other case and its place: FILE:LINE:COL of both.
 * files[0..n_files) give the load order (diag.file_index; the corpus's
 * files).  Strings in arena; the source lines are read from the files.
 * Sort diags again after. */
void sameperson_warn(const struct cw_case *const *cases,
		     const struct sameperson_pair *p, size_t n,
		     char *const *files, size_t n_files,
		     struct diag_list *diags, struct arena *arena);

#endif
