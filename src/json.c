/* json.c - streaming JSON writer; see json.h. */
#include "json.h"

#include <string.h>

void json_init(struct json *j, FILE *f)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
	j->first[0] = true;
}

/* Length of a valid UTF-8 sequence at s, or 0. */
static int utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))
			return 0;
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

void json_string_escaped(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	putc('"', f);
	while (*s) {
		int n = utf8_len(s);
		if (n == 0) {
			fputs("\\ufffd", f);
			s++;
			continue;
		}
		unsigned cp = n == 1 ? s[0] : n == 2 ? ((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu))
			: n == 3 ? ((s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu))
			: 0x10000;
		if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
			 (cp >= 0x202A && cp <= 0x202E) ||
			 (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
			 cp == 0x200F || cp == 0x061C)
			fprintf(f, "\\u%04x", cp);
		else
			fwrite(s, 1, (size_t)n, f);
		s += n;
	}
	putc('"', f);
}

static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		putc(',', j->f);
	j->first[j->depth] = false;
	if (key) {
		json_string_escaped(j->f, key);
		putc(':', j->f);
	}
}

static void open_(struct json *j, const char *key, int ch)
{
	member(j, key);
	putc(ch, j->f);
	if (j->depth < 31)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_(struct json *j, int ch)
{
	putc(ch, j->f);
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
		json_string_escaped(j->f, s);
	else
		fputs("null", j->f);
}

void json_int(struct json *j, const char *key, long long v)
{
	member(j, key);
	fprintf(j->f, "%lld", v);
}

void json_bool(struct json *j, const char *key, bool v)
{
	member(j, key);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j, const char *key)
{
	member(j, key);
	fputs("null", j->f);
}
