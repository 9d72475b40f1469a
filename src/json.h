/* json.h - a small streaming JSON writer for NDJSON output.
 *
 * It writes into its own buffer and hands it to stdio in large pieces:
 * NDJSON for 100,000 cases is over a gigabyte, so per-character stdio calls
 * would cost more than everything else.  Strings are escaped so that
 * nothing from a case file reaches a terminal raw: C0, DEL, C1, bidi
 * controls and line/paragraph separators become \u escapes; invalid UTF-8
 * becomes U+FFFD.
 */
#ifndef CW_JSON_H
#define CW_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_BUFSZ 65536

struct json {
	FILE *f;
	int depth;
	bool first[32];         /* no comma needed before the next member */
	size_t len;
	char buf[JSON_BUFSZ];
};

void json_init(struct json *j, FILE *f);
void json_flush(struct json *j);        /* call when done */
void json_obj(struct json *j, const char *key);     /* key NULL in arrays */
void json_end_obj(struct json *j);
void json_arr(struct json *j, const char *key);
void json_end_arr(struct json *j);
void json_str(struct json *j, const char *key, const char *s); /* NULL: null */
void json_int(struct json *j, const char *key, long long v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
void json_raw(struct json *j, const char *s);  /* e.g. "\n" between records */

#endif
