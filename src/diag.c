/* diag.c - diagnostics; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Longest source excerpt shown under a message, in columns. */
#define SOURCE_COLS 160

void diag_add(struct diag_list *l, struct arena *arena, const char *file,
	      uint32_t file_index, uint32_t line, uint32_t col, int severity,
	      const char *source, size_t source_len, const char *msg)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	/* keep at most a screenful of a pathological line */
	if (source_len > 4096)
		source_len = 4096;
	l->v[l->n++] = (struct diag){
		.file = file,
		.file_index = file_index,
		.line = line,
		.col = col,
		.severity = (uint8_t)severity,
		.msg = arena_strdup(arena, msg),
		.source = source ? arena_strndup(arena, source, source_len) : NULL,
	};
	if (severity == DIAG_ERROR)
		l->n_errors++;
	else
		l->n_warnings++;
}

void diag_addf(struct diag_list *l, struct arena *arena, const char *file,
	       uint32_t file_index, uint32_t line, uint32_t col, int severity,
	       const char *source, size_t source_len, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(l, arena, file, file_index, line, col, severity, source,
		 source_len, msg);
}

void diag_move(struct diag_list *dst, struct diag_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 16;
			dst->v = xrealloc(dst->v, dst->cap * sizeof(*dst->v));
		}
		dst->v[dst->n++] = src->v[i];
	}
	dst->n_errors += src->n_errors;
	dst->n_warnings += src->n_warnings;
	free(src->v);
	memset(src, 0, sizeof(*src));
}

static int diag_cmp(const struct diag *a, const struct diag *b)
{
	if (a->file_index != b->file_index)
		return a->file_index < b->file_index ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/* Insertion sort per run, merge: lists are short and nearly sorted, and the
 * sort must be stable (qsort is not). */
void diag_sort(struct diag_list *l)
{
	for (size_t i = 1; i < l->n; i++) {
		struct diag t = l->v[i];
		size_t j = i;
		while (j > 0 && diag_cmp(&l->v[j - 1], &t) > 0) {
			l->v[j] = l->v[j - 1];
			j--;
		}
		l->v[j] = t;
	}
}

void diag_free(struct diag_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Length of the line break at p (0 if none), per YAML 1.1. */
static size_t break_len(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	if (p >= end)
		return 0;
	if (u[0] == '\n')
		return 1;
	if (u[0] == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (u[0] == 0xC2 && p + 1 < end && u[1] == 0x85)
		return 2;
	if (u[0] == 0xE2 && p + 2 < end && u[1] == 0x80 &&
	    (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

const char *diag_find_line(const char *buf, size_t buflen, size_t line,
			   size_t *len, struct line_hint *hint)
{
	const char *end = buf + buflen;
	size_t cur = 1, off = 0;
	if (hint && hint->line && hint->line <= line) {
		cur = hint->line;
		off = hint->off;
	}
	const char *p = buf + off;
	while (cur < line) {
		size_t b;
		while (p < end && !(b = break_len(p, end)))
			p++;
		if (p >= end)
			return NULL;
		p += b;
		cur++;
	}
	if (hint) {
		hint->line = cur;
		hint->off = (size_t)(p - buf);
	}
	const char *q = p;
	while (q < end && !break_len(q, end))
		q++;
	*len = (size_t)(q - p);
	return p;
}

void diag_offset_pos(const char *buf, size_t buflen, size_t off,
		     uint32_t *line, uint32_t *col)
{
	const char *p = buf, *end = buf + (off < buflen ? off : buflen);
	uint32_t l = 1, c = 1;
	while (p < end) {
		size_t b = break_len(p, buf + buflen);
		if (b) {
			p += b;
			l++;
			c = 1;
			continue;
		}
		/* count characters, not bytes: skip continuation bytes */
		if (((unsigned char)*p & 0xC0) != 0x80)
			c++;
		p++;
	}
	*line = l;
	*col = c;
}

/* Byte offset of character column col (1-based) in s[0..len). */
static size_t col_offset(const char *s, size_t len, uint32_t col)
{
	size_t i = 0;
	uint32_t c = 1;
	while (i < len && c < col) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

static void print_safe(FILE *f, const char *s, size_t len, int cols)
{
	size_t cap = TEXT_SAFE_SIZE(len);
	char small[512];
	char *out = cap <= sizeof(small) ? small : xmalloc(cap);
	text_fit(s, len, cols, out, cap, NULL);
	fputs(out, f);
	if (out != small)
		free(out);
}

void diag_print(FILE *f, const struct diag *d)
{
	const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
	print_safe(f, d->file, strlen(d->file), -1);
	if (d->line)
		fprintf(f, ":%u:%u", d->line, d->col);
	fprintf(f, ": %s: ", sev);
	print_safe(f, d->msg, strlen(d->msg), -1);
	fputc('\n', f);
	if (!d->source || !d->line)
		return;
	size_t len = strlen(d->source);
	fputs("    ", f);
	print_safe(f, d->source, len, SOURCE_COLS);
	fputc('\n', f);
	size_t cut = col_offset(d->source, len, d->col);
	int caret = text_width(d->source, cut);
	if (caret >= SOURCE_COLS)
		return;
	fprintf(f, "    %*s^\n", caret, "");
}

void diag_print_as(FILE *f, const struct diag *d, const char *label,
		   const char *msg)
{
	const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
	print_safe(f, label, strlen(label), -1);
	if (d->line)
		fprintf(f, ":%u:%u", d->line, d->col);
	fprintf(f, ": %s: ", sev);
	print_safe(f, msg, strlen(msg), -1);
	fputc('\n', f);
}
