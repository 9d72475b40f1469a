/* pipeline.h - work over many cases on several threads, output in order.
 *
 * `assess` and `stats` run the same work on every case: the cases are cut
 * into batches, worker threads take batches as they come, each writes its
 * batch's output into the buffer of its slot (kept from batch to batch),
 * and the calling thread copies the batches to the output in case order.  So the output is byte-identical for any
 * number of jobs, and memory stays bounded (a few batches in flight).
 */
#ifndef CW_PIPELINE_H
#define CW_PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "outbuf.h"

/* Does items [lo, hi) of batch number `batch`, appending its output to
 * out.  `scratch` belongs to the calling worker; reset it freely. */
typedef void (*pipeline_fn)(void *ctx, size_t batch, size_t lo, size_t hi,
			    struct arena *scratch, struct outbuf *out);

/* Runs fn over [0, n) in batches of `per_batch` on `jobs` threads and
 * copies the output to out.  Returns 0, or -1 if writing out failed. */
int pipeline_run(size_t n, size_t per_batch, int jobs, pipeline_fn fn,
		 void *ctx, FILE *out);

#endif
