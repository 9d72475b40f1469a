/* arena.h - bump allocation for everything a case or a corpus owns.
 *
 * A case's strings, events and lists live in the arena of the loader thread
 * that built it; the corpus frees all arenas at once.  No per-field malloc.
 */
#ifndef CW_ARENA_H
#define CW_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t chunk_size;      /* default size of a new chunk */
	size_t total;           /* bytes handed out, for statistics */
};

void arena_init(struct arena *a, size_t chunk_size);
/* Aligned to max_align_t; never returns NULL (out of memory ends the
 * program: xalloc_fail). */
void *arena_alloc(struct arena *a, size_t n);
/* The same with no alignment, for text: a case's strings side by side. */
char *arena_alloc_text(struct arena *a, size_t n);
/* Built on those two (arena_str.c), whichever arena is linked: src/arena.c,
 * or tests/fuzz/arena_redzone.c for the sanitizer and fuzzer builds. */
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Moves everything src holds into dst: it lives as long as dst then.
 * src is left empty (as after arena_init). */
void arena_splice(struct arena *dst, struct arena *src);
/* Frees every chunk but the first and rewinds it: for scratch use. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

/* xmalloc family (xalloc.c): never NULL; out of memory is xalloc_fail. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Out of memory (n bytes asked for): calls the hook, prints a message and
 * exits with status 3 at once. */
_Noreturn void xalloc_fail(size_t n);
/* The hook xalloc_fail calls first (the explorer restores the terminal);
 * set it before starting threads. */
void xalloc_on_fatal(void (*hook)(void));

#endif
