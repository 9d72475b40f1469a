/* arena.c - bump allocator; see arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

#define ALIGN (alignof(max_align_t))

void arena_init(struct arena *a, size_t chunk_size)
{
	a->head = NULL;
	a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
	a->total = 0;
}

static struct arena_chunk *new_chunk(struct arena *a, size_t need)
{
	size_t size = need > a->chunk_size ? need : a->chunk_size;
	struct arena_chunk *c = xmalloc(sizeof(*c) + size);
	c->size = size;
	c->used = 0;
	c->next = a->head;
	a->head = c;
	return c;
}

/* n bytes at an offset that is a multiple of align (1 or ALIGN). */
static void *alloc(struct arena *a, size_t n, size_t align)
{
	struct arena_chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (!c || at > c->size || c->size - at < n) {
		/* A large request gets a chunk of its own behind the current one,
		 * so the current chunk's free space is not wasted. */
		if (c && n > a->chunk_size / 4) {
			struct arena_chunk *big = xmalloc(sizeof(*big) + n);
			big->size = n;
			big->used = n;
			big->next = c->next;
			c->next = big;
			a->total += n;
			return big->data;
		}
		c = new_chunk(a, n);
		at = 0;
	}
	c->used = at + n;
	a->total += n;
	return c->data + at;
}

void *arena_alloc(struct arena *a, size_t n)
{
	return alloc(a, n ? n : 1, ALIGN);
}

char *arena_alloc_text(struct arena *a, size_t n)
{
	return alloc(a, n ? n : 1, 1);
}

void arena_splice(struct arena *dst, struct arena *src)
{
	struct arena_chunk *c = src->head;
	if (!c)
		return;
	struct arena_chunk *last = c;
	while (last->next)
		last = last->next;
	/* behind dst's current chunk, which keeps taking allocations */
	if (dst->head) {
		last->next = dst->head->next;
		dst->head->next = c;
	} else {
		dst->head = c;
	}
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;
	if (!c)
		return;
	/* keep the oldest chunk of default size, free the rest */
	struct arena_chunk *keep = NULL;
	while (c) {
		struct arena_chunk *next = c->next;
		if (!keep && c->size == a->chunk_size && !next)
			keep = c;
		else
			free(c);
		c = next;
	}
	a->head = keep;
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
