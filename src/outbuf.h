/* outbuf.h - a growable byte buffer for output made in memory.
 *
 * `assess` writes a gigabyte of NDJSON for 100,000 cases: each batch of
 * cases is written into one of these, kept and reused from batch to batch
 * (no stdio stream, no page faults from a buffer grown anew each time),
 * then copied to the output in case order (pipeline.h).
 */
#ifndef CW_OUTBUF_H
#define CW_OUTBUF_H

#include <stdio.h>
#include <string.h>

struct outbuf {
	char *p;
	size_t len, cap;
};

/* Makes room for n more bytes; aborts on out of memory. */
void ob_reserve(struct outbuf *ob, size_t n);
void ob_free(struct outbuf *ob);
void ob_printf(struct outbuf *ob, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* v in decimal, by hand (JSON numbers, millions of them). */
void ob_put_int(struct outbuf *ob, long long v);
/* Writes the buffer to f and empties it; returns 0, or -1 on error. */
int ob_write(struct outbuf *ob, FILE *f);

static inline void ob_put(struct outbuf *ob, const char *s, size_t n)
{
	if (!n)                 /* and ob->p may still be NULL */
		return;
	if (ob->cap - ob->len < n)
		ob_reserve(ob, n);
	memcpy(ob->p + ob->len, s, n);
	ob->len += n;
}

static inline void ob_putc(struct outbuf *ob, char c)
{
	if (ob->len == ob->cap)
		ob_reserve(ob, 1);
	ob->p[ob->len++] = c;
}

static inline void ob_puts(struct outbuf *ob, const char *s)
{
	ob_put(ob, s, strlen(s));
}

#endif
