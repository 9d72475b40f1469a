/* json.h - a small streaming JSON writer for NDJSON output.
 *
 * It writes into a growable buffer (outbuf.h), its own or the caller's:
 * NDJSON for 100,000 cases is over a gigabyte, so per-character stdio calls
 * would cost more than everything else.  Text that repeats from case to
 * case (rule titles, citations, fact names) can be escaped once with
 * json_escape and written with json_pre / json_prekey, or straight into
 * the buffer (j->ob) inside an object or array the writer opened (then
 * say so with json_filled).  Strings are
 * escaped so that nothing from a case file reaches a terminal raw: C0,
 * DEL, C1, bidi controls and line/paragraph separators become \u escapes;
 * invalid UTF-8 becomes U+FFFD.
 */
#ifndef CW_JSON_H
#define CW_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "outbuf.h"

struct json {
	struct outbuf *ob;      /* where the text goes */
	FILE *f;                /* json_flush copies ob here (json_init) */
	int depth;
	bool first[32];         /* no comma needed before the next member */
	bool keyed;             /* json_prekey wrote the next member's key */
	struct outbuf own;
};

/* Into a buffer of its own, copied to f by json_flush; json_done frees. */
void json_init(struct json *j, FILE *f);
/* Into the caller's buffer: nothing to flush or free. */
void json_init_buf(struct json *j, struct outbuf *ob);
void json_flush(struct json *j);
void json_done(struct json *j);         /* flush and free */
void json_obj(struct json *j, const char *key);     /* key NULL in arrays */
void json_end_obj(struct json *j);
void json_arr(struct json *j, const char *key);
void json_end_arr(struct json *j);
void json_str(struct json *j, const char *key, const char *s); /* NULL: null */
void json_int(struct json *j, const char *key, long long v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
void json_raw(struct json *j, const char *s);  /* e.g. "\n" between records */
/* Members were written into the open object or array straight into j->ob
 * (comma-separated, the first without one): the next member needs a
 * comma. */
void json_filled(struct json *j);

/* Appends s to ob as a JSON string, quotes included. */
void json_escape(struct outbuf *ob, const char *s);
/* A member whose value is JSON text made before (json_escape). */
void json_pre(struct json *j, const char *key, const char *val, size_t n);
/* The key of the next member, made before: `"name":`.  The next call
 * writes only the value (give it key NULL).  JSON_KEY("name") makes the
 * two arguments of a key known when compiling. */
#define JSON_KEY(k) ("\"" k "\":"), (sizeof("\"" k "\":") - 1)
void json_prekey(struct json *j, const char *key, size_t n);

#endif
