/* factpack.h - a case's facts packed small, for filters over many cases.
 *
 * The explorer filters 100,000 cases by any expression over their facts
 * (select.h), at every Enter.  Deriving the facts again each time costs
 * too much, and keeping them as they are (struct value, 32 bytes a fact,
 * 150 facts) costs over 400 MiB.  A packed record keeps each fact in the
 * least room its declared type allows: 2 bits for a bool, 2 bytes for a
 * number or a day (exactly, within -32766..32767: days 1880..2059), 1 byte
 * for a string the packer knows.  Anything else (a range, a borderline
 * value, a type other than the declared one, a day beyond those years, a
 * string the packer does not know) goes whole into the record's overflow
 * list.  Unpacking gives back exactly the value packed.
 *
 * A record is a few hundred bytes; factpack_get unpacks only the facts an
 * expression names (expr_facts).
 */
#ifndef CW_FACTPACK_H
#define CW_FACTPACK_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "expr.h"

struct factpack {
	size_t n;                       /* facts: env->n_facts */
	uint8_t *kind;                  /* per fact: enum fp_kind (factpack.c) */
	uint16_t *slot;                 /* per fact: its place among its kind */
	size_t n_bool, n_num, n_str;
	size_t off_num, off_str, off_over, size;   /* record layout */
	const char *const *strs;        /* strings kept as an index */
	size_t n_strs;                  /* at most 254 */
};

/* The layout for env's facts, with strs[0..n_strs) (static strings, such
 * as the path ids) packed as a byte. */
void factpack_init(struct factpack *fp, const struct expr_env *env,
		   const char *const *strs, size_t n_strs);
void factpack_free(struct factpack *fp);

/* facts[0..fp->n) packed into a record allocated in a. */
const void *factpack_pack(const struct factpack *fp,
			  const struct value *facts, struct arena *a);
/* Fact i of rec. */
struct value factpack_value(const struct factpack *fp, const void *rec,
			    size_t i);
/* Facts idx[0..n) of rec into facts[idx[k]]; the others are left alone. */
void factpack_get(const struct factpack *fp, const void *rec,
		  const uint32_t *idx, size_t n, struct value *facts);

#endif
