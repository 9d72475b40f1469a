/* outbuf.c - growable output buffer; see outbuf.h. */
#include "outbuf.h"

#include <stdarg.h>
#include <stdlib.h>

#include "arena.h"

void ob_reserve(struct outbuf *ob, size_t n)
{
	if (ob->cap - ob->len >= n)
		return;
	size_t cap = ob->cap ? ob->cap : 4096;
	while (cap - ob->len < n)
		cap *= 2;
	ob->p = xrealloc(ob->p, cap);
	ob->cap = cap;
}

void ob_free(struct outbuf *ob)
{
	free(ob->p);
	ob->p = NULL;
	ob->len = ob->cap = 0;
}

void ob_printf(struct outbuf *ob, const char *fmt, ...)
{
	va_list ap;
	ob_reserve(ob, 256);
	va_start(ap, fmt);
	int n = vsnprintf(ob->p + ob->len, ob->cap - ob->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= ob->cap - ob->len) {
		ob_reserve(ob, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(ob->p + ob->len, ob->cap - ob->len, fmt, ap);
		va_end(ap);
	}
	ob->len += (size_t)n;
}

void ob_put_int(struct outbuf *ob, long long v)
{
	char b[24], *p = b + sizeof(b);
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
				     : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	ob_put(ob, p, (size_t)(b + sizeof(b) - p));
}

int ob_write(struct outbuf *ob, FILE *f)
{
	size_t n = ob->len;
	ob->len = 0;
	return n && fwrite(ob->p, 1, n, f) != n ? -1 : 0;
}
