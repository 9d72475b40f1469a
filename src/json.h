/* json.h - a small streaming JSON writer for NDJSON output.  Strings are
 * escaped so that nothing from a case file reaches a terminal raw: C0, DEL,
 * C1 and bidi controls become \u escapes; invalid UTF-8 becomes U+FFFD. */
#ifndef CW_JSON_H
#define CW_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json {
	FILE *f;
	int depth;
	bool first[32];         /* no comma needed before the next member */
};

void json_init(struct json *j, FILE *f);
void json_obj(struct json *j, const char *key);     /* key NULL in arrays */
void json_end_obj(struct json *j);
void json_arr(struct json *j, const char *key);
void json_end_arr(struct json *j);
void json_str(struct json *j, const char *key, const char *s); /* NULL: null */
void json_int(struct json *j, const char *key, long long v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
void json_string_escaped(FILE *f, const char *s);

#endif
