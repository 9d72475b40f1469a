/* doc.c - styled lines and word wrapping; see doc.h. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"

#define ELLIPSIS_LEN 3          /* U+2026 in UTF-8 */

void doc_init(struct doc *d, int width)
{
	memset(d, 0, sizeof(*d));
	d->width = width;
	arena_init(&d->arena, 16 * 1024);
}

void doc_reset(struct doc *d, int width)
{
	d->n = 0;
	d->width = width;
	arena_reset(&d->arena);
}

void doc_free(struct doc *d)
{
	free(d->v);
	arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
}

struct doc_line *doc_add(struct doc *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	struct doc_line *l = &d->v[d->n++];
	memset(l, 0, sizeof(*l));
	return l;
}

void doc_put(struct doc *d, struct doc_line *l, int x, int w, int role,
	     const char *text)
{
	if (l->n == DOC_SEGS || !text)
		return;
	l->seg[l->n++] = (struct doc_seg){ x, w, role,
					   arena_strdup(&d->arena, text) };
}

/* GCC with -fsanitize=undefined sees a null format string on a path that
 * its own null checks create, and warns (a false positive). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif
static char *vformat(struct doc *d, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static char *vformat(struct doc *d, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *s = arena_alloc(&d->arena, (size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	return s;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

int doc_putf(struct doc *d, struct doc_line *l, int x, int role,
	     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(d, fmt, ap);
	va_end(ap);
	if (l->n < DOC_SEGS)
		l->seg[l->n++] = (struct doc_seg){ x, -1, role, s };
	return text_width(s, strlen(s));
}

struct doc_line *doc_linef(struct doc *d, int x, int role, const char *fmt,
			   ...)
{
	va_list ap;
	struct doc_line *l = doc_add(d);
	va_start(ap, fmt);
	char *s = vformat(d, fmt, ap);
	va_end(ap);
	l->seg[l->n++] = (struct doc_seg){ x, -1, role, s };
	return l;
}

/* The longest prefix of safe text s[0..len) that fits in w columns,
 * broken after a space when there is one.  Sets *next to where the next
 * line starts.  The text helper does the measuring: fitting into w columns
 * cuts at a character boundary and puts "…" last, so what precedes the
 * ellipsis is the prefix (safe text passes through text_fit unchanged). */
static size_t fit_prefix(const char *s, size_t len, int w, char *tmp,
			 size_t tmpsz, size_t *next)
{
	bool cut;
	text_fit(s, len, w, tmp, tmpsz, &cut);
	size_t n = strlen(tmp);
	if (!cut) {
		*next = len;
		return len;
	}
	n = n >= ELLIPSIS_LEN ? n - ELLIPSIS_LEN : 0;
	if (n == 0 || memcmp(tmp, s, n)) {
		/* not even one character fits (w == 1): take one byte's
		 * character anyway so that wrapping always advances */
		size_t k = 1;
		while (k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
			k++;
		*next = k;
		return k;
	}
	size_t brk = n;
	while (brk > 0 && s[brk - 1] != ' ')
		brk--;
	if (brk > 0 && s[n] != ' ') {
		*next = brk;
		return brk - 1;         /* drop the space at the break */
	}
	*next = n;
	while (*next < len && s[*next] == ' ')
		(*next)++;
	return n;
}

/* One paragraph (no line breaks) of safe text into lines of w columns. */
static size_t split_para(struct doc *d, const char *s, size_t len, int w,
			 const char **out, size_t max)
{
	size_t n = 0, pos = 0;
	char *tmp = xmalloc(len + ELLIPSIS_LEN + 8);
	do {
		size_t next, take = fit_prefix(s + pos, len - pos, w, tmp,
					       len + ELLIPSIS_LEN + 8, &next);
		if (n < max)
			out[n] = arena_strndup(&d->arena, s + pos, take);
		n++;
		pos += next;
	} while (pos < len);
	free(tmp);
	return n < max ? n : max;
}

size_t doc_split(struct doc *d, int w, const char *text, const char **out,
		 size_t max)
{
	size_t n = 0;
	if (w < 1)
		w = 1;
	while (n < max) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		if (!nl && len == 0 && n > 0)
			break;  /* a final newline ends the text */
		size_t sz = TEXT_SAFE_SIZE(len);
		char *safe = xmalloc(sz);
		text_fit(text, len, -1, safe, sz, NULL);
		n += split_para(d, safe, strlen(safe), w, out + n, max - n);
		free(safe);
		if (!nl)
			break;
		text = nl + 1;
	}
	return n;
}

size_t doc_wrap(struct doc *d, int x, int w, int role, const char *text)
{
	if (w <= 0)
		w = d->width - x;
	/* enough lines for any text: each line holds at least one char */
	size_t max = strlen(text) + 2;
	const char **lines = xmalloc(max * sizeof(*lines));
	size_t n = doc_split(d, w, text, lines, max);
	for (size_t i = 0; i < n; i++) {
		struct doc_line *l = doc_add(d);
		l->seg[l->n++] = (struct doc_seg){ x, w, role, lines[i] };
	}
	free(lines);
	return n;
}

size_t doc_field(struct doc *d, int x, const char *label, int role,
		 const char *value)
{
	int lw = text_width(label, strlen(label)) + 1;
	int w = d->width - x - lw - 1;
	size_t max = strlen(value) + 2;
	const char **lines = xmalloc(max * sizeof(*lines));
	size_t n = doc_split(d, w > 10 ? w : 10, value, lines, max);
	for (size_t i = 0; i < n; i++) {
		struct doc_line *l = doc_add(d);
		if (i == 0)
			doc_put(d, l, x, lw, ROLE_DIM, label);
		doc_put(d, l, x + lw, -1, role, lines[i]);
	}
	free(lines);
	return n;
}

void doc_draw(const struct doc *d, size_t i, int y, bool selected)
{
	const struct doc_line *l = &d->v[i];
	draw_fill(y, 0, d->width, l->fill_role, selected);
	for (int k = 0; k < l->n; k++) {
		const struct doc_seg *s = &l->seg[k];
		int w = d->width - s->x;
		if (s->w >= 0 && s->w < w)
			w = s->w;
		draw_text(y, s->x, w, s->role, selected, s->text);
	}
}

const char *doc_text(const struct doc *d, size_t i, char *buf, size_t n)
{
	const struct doc_line *l = &d->v[i];
	size_t len = 0;
	buf[0] = 0;
	for (int k = 0; k < l->n && len + 1 < n; k++) {
		if (len)
			buf[len++] = ' ';
		text_fit(l->seg[k].text, strlen(l->seg[k].text), -1, buf + len,
			 n - len, NULL);
		len += strlen(buf + len);
	}
	return buf;
}
