/* redact.h - pseudonyms and masks, for training and screen sharing.
 *
 * `--redact` (and the explorer's R key) show a case without the person's
 * identity: the name becomes a pseudonym derived from the case id alone, so
 * the same case always gets the same pseudonym on every screen and in every
 * output, across runs and machines; A-numbers keep only their last three
 * digits; notes are not shown.  No curses, no state.
 */
#ifndef CW_REDACT_H
#define CW_REDACT_H

#include <stddef.h>

/* Long enough for every pseudonym and every masked A-number. */
#define REDACT_BUFSZ 48

/* What a hidden note shows instead. */
#define REDACT_HIDDEN "(hidden)"

/* Writes the pseudonym for case id `id` ("Person: Rowan Ellis" style names
 * from two fixed lists of neutral names) into out.  Returns out. */
char *redact_pseudonym(const char *id, char *out, size_t outsz);

/* Writes a masked form of an A-number: "A-XXX-XXX-432" keeps the last three
 * digits; anything that is not 8 or 9 digits (with optional "A", "-" and
 * spaces) is masked whole as "A-XXX-XXX-XXX".  NULL gives "".  Returns
 * out. */
char *redact_a_number(const char *a_number, char *out, size_t outsz);

#endif
