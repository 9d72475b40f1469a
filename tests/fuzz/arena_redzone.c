/* arena_redzone.c - arena.h for the fuzz build: one malloc per allocation.
 *
 * src/arena.c hands out pieces of 64 KiB chunks, so AddressSanitizer cannot
 * see a write past the end of an arena object (it lands in the next object
 * of the same chunk).  The fuzz targets link this file instead: every
 * arena_alloc is its own heap block of exactly the size asked for, with
 * ASan's redzones around it, and arena_reset/arena_free free them all, so an
 * overflow, a use after reset or a leak of an arena object is reported.
 * The API and its guarantees (alignment, never NULL) are those of arena.h.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each block starts with a header of max_align_t's alignment; the arena's
 * head pointer is reused as the list of blocks. */
struct block {
	struct block *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a, size_t chunk_size)
{
	a->head = NULL;
	a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
	a->total = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct block *b = xmalloc(sizeof(*b) + (n ? n : 1));
	b->next = (struct block *)a->head;
	b->size = n;
	a->head = (struct arena_chunk *)b;
	a->total += n;
	/* fresh memory is not zero in the real arena either: make reads of
	 * it visible to the checks rather than silently 0 */
	memset(b->data, 0xA5, n);
	return b->data;
}

char *arena_alloc_text(struct arena *a, size_t n)
{
	return arena_alloc(a, n);
}

void arena_free(struct arena *a)
{
	struct block *b = (struct block *)a->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

void arena_splice(struct arena *dst, struct arena *src)
{
	struct block *b = (struct block *)src->head;
	if (!b)
		return;
	struct block *last = b;
	while (last->next)
		last = last->next;
	last->next = (struct block *)dst->head;
	dst->head = (struct arena_chunk *)b;
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}

void arena_reset(struct arena *a)
{
	arena_free(a);
}
