/* failmalloc.c - an LD_PRELOAD library for the out-of-memory tests: every
 * malloc, calloc or realloc of FAILMALLOC_MIN bytes or more fails (NULL,
 * ENOMEM), as it would on a machine out of memory; smaller ones succeed.
 *
 *   cc -shared -fPIC -o failmalloc.so tests/fault/failmalloc.c
 *   LD_PRELOAD=./failmalloc.so FAILMALLOC_MIN=4194304 casewalk ...
 *
 * glibc's own allocator does the rest (__libc_malloc and friends), so
 * nothing here allocates or calls dlsym. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);

static int too_big(size_t n)
{
	const char *s = getenv("FAILMALLOC_MIN");
	size_t min = 0;
	if (!s || !*s)
		return 0;
	for (; *s >= '0' && *s <= '9'; s++)
		min = min * 10 + (size_t)(*s - '0');
	if (n < min)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *malloc(size_t n)
{
	return too_big(n) ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		return __libc_calloc(n, size);  /* its own overflow error */
	return too_big(n * size) ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	return too_big(n) ? NULL : __libc_realloc(p, n);
}
