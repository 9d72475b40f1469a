/* fuzz_util.h - checks shared by the libFuzzer targets (static, header-only:
 * each target is one translation unit).
 *
 * CHECK traps (libFuzzer records the input as a crash) when a promise of a
 * header fails; the sanitizers catch the rest.
 */
#ifndef CW_FUZZ_UTIL_H
#define CW_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ytree.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* Decodes one strict UTF-8 sequence (no overlongs, surrogates or values
 * above U+10FFFF); returns its length, or 0 when invalid. */
static inline int fz_utf8(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (n == 0 || (size_t)n > len || s[0] > 0xF4)
		return 0;
	uint32_t v = s[0] & (0x7F >> n);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

/* What must never reach a terminal from data: C0 controls (but those in
 * `allowed`), DEL, C1 controls, bidi controls, line/paragraph separators. */
static inline bool fz_cp_unsafe(uint32_t cp, const char *allowed)
{
	if (cp < 0x20)
		return !(cp && allowed && strchr(allowed, (int)cp));
	return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

/* True when s[0..len) is valid UTF-8 and safe for a terminal. */
static inline bool fz_terminal_safe(const char *s, size_t len,
				    const char *allowed)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = fz_utf8(u + i, len - i, &cp);
		if (n == 0 || fz_cp_unsafe(cp, allowed))
			return false;
		i += (size_t)n;
	}
	return true;
}

/* Length of the YAML line break at p (as diag.c and libyaml count them). */
static inline size_t fz_break(const unsigned char *p, const unsigned char *end)
{
	if (p >= end)
		return 0;
	if (p[0] == '\n')
		return 1;
	if (p[0] == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (p[0] == 0xC2 && p + 1 < end && p[1] == 0x85)
		return 2;
	if (p[0] == 0xE2 && p + 2 < end && p[1] == 0x80 &&
	    (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

/* Line breaks in buf. */
static inline size_t fz_lines(const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf, *end = p + len;
	size_t n = 0;
	while (p < end) {
		size_t b = fz_break(p, end);
		n += b != 0;
		p += b ? b : 1;
	}
	return n;
}

/* libyaml reads UTF-16 when the stream starts with its byte order mark;
 * positions are then in characters of the decoded text, which the byte
 * counting of diag.c cannot follow. */
/* A text in UTF-16 or UTF-32 (ytree.h) is refused with one error at 1:1
 * and no source line: its bytes are not lines we can show. */
static inline bool fz_foreign(const struct diag_list *l, const char *buf,
			      size_t len)
{
	if (!ytext_foreign_encoding(buf, len))
		return false;
	bool refused = false;
	for (size_t i = 0; i < l->n; i++)
		refused |= l->v[i].line == 1 && l->v[i].col == 1 &&
			   !l->v[i].source && strstr(l->v[i].msg,
			   " is not supported; save the file as UTF-8");
	CHECK(refused);
	return true;
}

/* Every diagnostic of l is one of `file`, well formed and positioned inside
 * buf, with its source line; printed, it is safe for a terminal and has the
 * shape FILE:LINE:COL: error|warning: MESSAGE.  libyaml reports the end of
 * the stream on the line after the last one, and on the line after that
 * when the text does not end with a line break (it forces one); there the
 * source line is empty or missing. */
static inline void fz_check_diags(const struct diag_list *l, const char *file,
				  const char *buf, size_t len)
{
	size_t errors = 0, warnings = 0;
	size_t lines = fz_lines(buf, len);
	bool open_end = len > 0 && buf[len - 1] != '\n' && buf[len - 1] != '\r';
	bool utf16 = fz_foreign(l, buf, len);
	char *text = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&text, &tlen);
	CHECK(f);
	CHECK(l->n <= l->cap);
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];
		CHECK(d->severity == DIAG_ERROR || d->severity == DIAG_WARNING);
		errors += d->severity == DIAG_ERROR;
		warnings += d->severity == DIAG_WARNING;
		CHECK(d->file && !strcmp(d->file, file));
		CHECK(d->msg && d->msg[0]);
		CHECK(strlen(d->msg) < 1024);
		if (d->line == 0)
			CHECK(d->col == 0 && !d->source);
		else
			CHECK(d->col >= 1);
		if (!utf16 && d->line) {
			CHECK(d->line <= lines + 1 + open_end);
			/* the limit's notice takes the place of an error
			 * but does not show its line */
			CHECK(d->source != NULL || d->line > lines + 1 ||
			      !strncmp(d->msg, "too many errors", 15));
			CHECK(!d->source || strlen(d->source) <= 4096);
		}
		diag_print(f, d);
	}
	CHECK(errors == l->n_errors && warnings == l->n_warnings);
	CHECK(fclose(f) == 0);
	CHECK(fz_terminal_safe(text, tlen, "\n"));
	/* each diagnostic starts a line with the file name */
	CHECK(l->n == 0 || !strncmp(text, file, strlen(file)));
	free(text);
}

#endif
