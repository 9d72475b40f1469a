/* json.c - streaming JSON writer; see json.h. */
#include "json.h"

#include <string.h>

void json_init_buf(struct json *j, struct outbuf *ob)
{
	j->ob = ob;
	j->f = NULL;
	j->depth = 0;
	j->first[0] = true;
	j->keyed = false;
}

void json_init(struct json *j, FILE *f)
{
	j->own = (struct outbuf){ NULL, 0, 0 };
	json_init_buf(j, &j->own);
	j->f = f;
}

void json_flush(struct json *j)
{
	if (j->f)
		ob_write(j->ob, j->f);
}

void json_done(struct json *j)
{
	json_flush(j);
	ob_free(&j->own);
}

static void put(struct json *j, const char *s, size_t n)
{
	ob_put(j->ob, s, n);
}

static void putch(struct json *j, char c)
{
	ob_putc(j->ob, c);
}

void json_raw(struct json *j, const char *s)
{
	put(j, s, strlen(s));
}

/* Length of a valid UTF-8 sequence at s, or 0; *cp gets the code point. */
static int utf8_seq(const unsigned char *s, unsigned *cp)
{
	if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu);
		return 2;
	}
	if (s[0] >= 0xE0 && s[0] <= 0xEF && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
		return (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) ? 0 : 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		*cp = (s[0] & 0x07u) << 18 | (s[1] & 0x3Fu) << 12 |
		      (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu);
		return (*cp < 0x10000 || *cp > 0x10FFFF) ? 0 : 4;
	}
	return 0;
}

static bool hidden(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

static void put_u(struct outbuf *ob, unsigned cp)
{
	static const char hex[] = "0123456789abcdef";
	char b[6] = { '\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15],
		      hex[(cp >> 4) & 15], hex[cp & 15] };
	ob_put(ob, b, 6);
}

/* Bytes that stand for themselves in a JSON string: printable ASCII but
 * the quote and the backslash. */
#define P4(c) ((c) >= 0x20 && (c) < 0x7F && (c) != '"' && (c) != '\\')
#define R16(b) P4(b), P4(b + 1), P4(b + 2), P4(b + 3), P4(b + 4), P4(b + 5), \
	P4(b + 6), P4(b + 7), P4(b + 8), P4(b + 9), P4(b + 10), P4(b + 11), \
	P4(b + 12), P4(b + 13), P4(b + 14), P4(b + 15)
static const bool plain[256] = {
	R16(0x00), R16(0x10), R16(0x20), R16(0x30),
	R16(0x40), R16(0x50), R16(0x60), R16(0x70),
};

void json_escape(struct outbuf *ob, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	ob_putc(ob, '"');
	for (;;) {
		/* the common case: a run of plain printable ASCII */
		const unsigned char *run = s;
		while (plain[*s])
			s++;
		ob_put(ob, (const char *)run, (size_t)(s - run));
		if (!*s)
			break;
		unsigned cp = *s;
		int n = *s < 0x80 ? 1 : utf8_seq(s, &cp);
		if (n == 0) {
			ob_put(ob, "\\ufffd", 6);
			s++;
		} else if (cp == '"' || cp == '\\') {
			ob_putc(ob, '\\');
			ob_putc(ob, (char)cp);
			s++;
		} else if (cp == '\n') {
			ob_put(ob, "\\n", 2);
			s++;
		} else if (cp == '\t') {
			ob_put(ob, "\\t", 2);
			s++;
		} else if (cp < 0x20 || cp == 0x7F || hidden(cp)) {
			put_u(ob, cp);
			s += n;
		} else {
			ob_put(ob, (const char *)s, (size_t)n);
			s += n;
		}
	}
	ob_putc(ob, '"');
}

static void string(struct json *j, const char *s)
{
	json_escape(j->ob, s);
}

static void member(struct json *j, const char *key)
{
	if (j->keyed) {
		j->keyed = false;
		return;
	}
	if (!j->first[j->depth])
		putch(j, ',');
	j->first[j->depth] = false;
	if (key) {
		string(j, key);
		putch(j, ':');
	}
}

static void open_(struct json *j, const char *key, char ch)
{
	member(j, key);
	putch(j, ch);
	if (j->depth < 31)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_(struct json *j, char ch)
{
	putch(j, ch);
	if (j->depth > 0)
		j->depth--;
}

void json_obj(struct json *j, const char *key) { open_(j, key, '{'); }
void json_end_obj(struct json *j) { close_(j, '}'); }
void json_arr(struct json *j, const char *key) { open_(j, key, '['); }
void json_end_arr(struct json *j) { close_(j, ']'); }

void json_str(struct json *j, const char *key, const char *s)
{
	member(j, key);
	if (s)
		string(j, s);
	else
		put(j, "null", 4);
}

void json_int(struct json *j, const char *key, long long v)
{
	member(j, key);
	ob_put_int(j->ob, v);
}

void json_bool(struct json *j, const char *key, bool v)
{
	member(j, key);
	put(j, v ? "true" : "false", v ? 4 : 5);
}

void json_null(struct json *j, const char *key)
{
	member(j, key);
	put(j, "null", 4);
}

void json_pre(struct json *j, const char *key, const char *val, size_t n)
{
	member(j, key);
	put(j, val, n);
}

void json_prekey(struct json *j, const char *key, size_t n)
{
	member(j, NULL);
	put(j, key, n);
	j->keyed = true;
}

void json_filled(struct json *j)
{
	j->first[j->depth] = false;
}
