/* quiz.h - quiz mode's masked ids: each case is "Case N", numbered in an
 * order shuffled from a seed, the same order for the same cases and seed
 * from run to run (casewalk(1), --quiz).
 */
#ifndef CW_QUIZ_H
#define CW_QUIZ_H

#include <stddef.h>
#include <stdint.h>

#include "query.h"

/* The seed of a bare --quiz. */
#define QUIZ_DEFAULT_SEED 1

/* perm[0..n) becomes a permutation of 0..n-1 drawn from seed
 * (Fisher-Yates over splitmix64): the same seed, the same permutation. */
void quiz_shuffle(size_t n, uint64_t seed, size_t *perm);
/* The quiz order of cat's rows: order[k] is the row shown k-th, and
 * number[row] is k + 1 ("Case k+1").  The rows are put in case-id order
 * (then file, then load order) before shuffling, so the order does not
 * hang on the order the files were read in. */
void quiz_order(const struct catalog *cat, uint64_t seed, size_t *order,
		size_t *number);
/* "Case 12" */
const char *quiz_label(size_t number, char *buf, size_t n);
/* A --quiz=SEED argument: decimal digits; false when it is not. */
int quiz_parse_seed(const char *s, uint64_t *seed);

#endif
