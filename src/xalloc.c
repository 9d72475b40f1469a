/* xalloc.c - malloc that never returns NULL: out of memory is the end.
 * Apart from arena.c so that the fuzzers' redzone arena
 * (tests/fuzz/arena_redzone.c) can stand in for the arena alone.
 *
 * The end is an exit with status 3 and a message, after the hook (the
 * explorer's: the terminal restored, so that the message is seen and the
 * shell works), as htop's fail() does; never abort(), which would leave
 * the terminal raw and could leave a core file holding case text. */
#include "arena.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set once, before any thread starts; read on the way out. */
static void (*fatal_hook)(void);

void xalloc_on_fatal(void (*hook)(void))
{
	fatal_hook = hook;
}

void xalloc_fail(size_t n)
{
	static atomic_flag ending = ATOMIC_FLAG_INIT;
	/* a second thread out of memory waits for the first to end us */
	if (atomic_flag_test_and_set(&ending))
		for (;;)
			pause();
	if (fatal_hook)
		fatal_hook();
	fprintf(stderr, "casewalk: out of memory (%zu bytes)\n", n);
	/* not exit(): the other threads still run, and one may hold a
	 * stdio lock forever (a blocked write) */
	_exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		xalloc_fail(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		xalloc_fail(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		xalloc_fail(n);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}
