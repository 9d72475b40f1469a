/* json.c - streaming JSON writer; see json.h. */
#include "json.h"

#include <string.h>

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->len = 0;
	j->first[0] = true;
}

void json_flush(struct json *j)
{
	if (j->len)
		fwrite(j->buf, 1, j->len, j->f);
	j->len = 0;
}

static void put(struct json *j, const char *s, size_t n)
{
	if (j->len + n > sizeof(j->buf)) {
		json_flush(j);
		if (n > sizeof(j->buf)) {
			fwrite(s, 1, n, j->f);
			return;
		}
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

static void putch(struct json *j, char c)
{
	if (j->len == sizeof(j->buf))
		json_flush(j);
	j->buf[j->len++] = c;
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

static void put_u(struct json *j, unsigned cp)
{
	static const char hex[] = "0123456789abcdef";
	char b[6] = { '\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15],
		      hex[(cp >> 4) & 15], hex[cp & 15] };
	put(j, b, 6);
}

static void string(struct json *j, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	putch(j, '"');
	while (*s) {
		/* the common case: a run of plain printable ASCII */
		const unsigned char *run = s;
		while (*s >= 0x20 && *s < 0x7F && *s != '"' && *s != '\\')
			s++;
		put(j, (const char *)run, (size_t)(s - run));
		if (!*s)
			break;
		unsigned cp = *s;
		int n = *s < 0x80 ? 1 : utf8_seq(s, &cp);
		if (n == 0) {
			put(j, "\\ufffd", 6);
			s++;
		} else if (cp == '"' || cp == '\\') {
			putch(j, '\\');
			putch(j, (char)cp);
			s++;
		} else if (cp == '\n') {
			put(j, "\\n", 2);
			s++;
		} else if (cp == '\t') {
			put(j, "\\t", 2);
			s++;
		} else if (cp < 0x20 || cp == 0x7F || hidden(cp)) {
			put_u(j, cp);
			s += n;
		} else {
			put(j, (const char *)s, (size_t)n);
			s += n;
		}
	}
	putch(j, '"');
}

static void member(struct json *j, const char *key)
{
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
	char b[24], *p = b + sizeof(b);
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
				     : (unsigned long long)v;
	member(j, key);
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(j, p, (size_t)(b + sizeof(b) - p));
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
