/* arena.c - bump allocator; see arena.h. */
#define _DEFAULT_SOURCE         /* madvise */
#include "arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* Chunks of 2 MiB and more (a corpus's) are asked to be backed by huge
 * pages: a hundred thousand cases then cost a hundred page faults, not
 * fifty thousand.  Only advice: the kernel may say no. */
#define HUGE_PAGE ((size_t)2 << 20)

static struct arena_chunk *chunk_alloc(size_t bytes)
{
	void *p = NULL;
	if (bytes < HUGE_PAGE)
		return xmalloc(bytes);
	bytes = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
	if (posix_memalign(&p, HUGE_PAGE, bytes))
		return xmalloc(bytes);
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

static struct arena_chunk *new_chunk(struct arena *a, size_t need)
{
	size_t size = need > a->chunk_size ? need : a->chunk_size;
	/* the header inside the chunk size, so a 2 MiB chunk is one page */
	if (size >= HUGE_PAGE && size - sizeof(struct arena_chunk) >= need)
		size -= sizeof(struct arena_chunk);
	struct arena_chunk *c = chunk_alloc(sizeof(*c) + size);
	c->size = size;
	c->used = 0;
	c->next = a->head;
	a->head = c;
	return c;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
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
	}
	void *p = c->data + c->used;
	c->used += n;
	a->total += n;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
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
