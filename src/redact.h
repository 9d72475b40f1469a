/* redact.h - pseudonyms and masks, for training and screen sharing.
 *
 * `--redact` (and the explorer's R key) show a case without the person's
 * identity: the name becomes a pseudonym, one per person among the loaded
 * cases (redact_assign): two people never share one, and the files of one
 * person (the same A-number, or the same name and birth date, or named in
 * same_person_as) share theirs.  It is derived from the smallest case id
 * of the person's files, so the same cases give the same pseudonyms on
 * every screen and in every output, across runs and machines; A-numbers are masked whole (no digit
 * is kept: the last three are enough to find a person in a small office's
 * files); birth dates keep the year only; notes and every free-text field
 * of the file are not shown.  No curses, no state.
 */
#ifndef CW_REDACT_H
#define CW_REDACT_H

#include <stddef.h>

#include "case.h"
#include "date.h"

/* Long enough for every pseudonym and every masked A-number. */
#define REDACT_BUFSZ 48

/* What a hidden note shows instead. */
#define REDACT_HIDDEN "(hidden)"

struct sameperson_pair;

/* Gives each of cases[0..n) its person's pseudonym (cw_case.pseudonym).
 * pairs[0..n_pairs) are sameperson_find's pairs of these cases
 * (redact_assign_find finds them).  Pseudonyms come from 32 x 32 names; the 1025th
 * person and later get a number after a name already given ("Rowan Ellis
 * 2"), never the same string as another person. */
void redact_assign(struct cw_case *const *cases, size_t n,
		   const struct sameperson_pair *pairs, size_t n_pairs);

/* redact_assign with the pairs found here. */
void redact_assign_find(struct cw_case *const *cases, size_t n);

/* The pseudonym of case c as redact_assign gave it, or, for a case it has
 * not seen, the one of its id alone.  Returns out. */
char *redact_case_name(const struct cw_case *c, char *out, size_t outsz);

/* Writes the pseudonym for case id `id` ("Person: Rowan Ellis" style names
 * from two fixed lists of neutral names) into out.  Returns out. */
char *redact_pseudonym(const char *id, char *out, size_t outsz);

/* The masked form of any A-number: "A-XXX-XXX-XXX", whatever it holds, so
 * that no digit of it is shown.  NULL gives "".  Returns out. */
char *redact_a_number(const char *a_number, char *out, size_t outsz);

/* A birth date as shown when redacting: the year alone ("1984"), or
 * "not on file" when the year is not known.  Returns out. */
char *redact_born(struct date born, char *out, size_t outsz);

/* The one free string of event e (case.h) as shown when redacting: a
 * motion's ground and a hearing's court are free text of the file, and
 * show as REDACT_HIDDEN; a visa class, an agency or a country is kept.
 * NULL when the event has none. */
const char *redact_event_text(const struct event *e);

/* File names often carry the client's name: when redacting, a file is
 * named by a case it holds, "case E06a" (the first loaded from it), or by
 * its load order, "file 3", when it holds no valid case.  files[0..n)
 * are the corpus's files in load order (diag.file_index), cases[0..n_cases)
 * its cases.  Returns a malloc'd array of n labels in one block: free()
 * it once. */
char **redact_file_labels(char *const *files, size_t n,
			  const struct cw_case *const *cases, size_t n_cases);

/* A copy of msg (malloc'd) in which every file name of files[0..n) is
 * replaced by its label. */
char *redact_paths(const char *msg, char *const *files, char *const *labels,
		   size_t n);

#endif
