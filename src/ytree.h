/* ytree.h - one YAML reading style for every file casewalk reads.
 *
 * Case files, rules, the offense vocabulary, statistics and the UI config
 * all go through here: libyaml's event parser builds a small node tree in a
 * scratch arena, one document at a time, under hard limits (depth, scalar
 * length, aliases, documents, errors); table-driven code then copies what it
 * needs into its own arena.  Problems become FILE:LINE:COL diagnostics.
 */
#ifndef CW_YTREE_H
#define CW_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "arena.h"
#include "outbuf.h"
#include "diag.h"

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
	uint8_t kind;
	bool plain;             /* scalar written without quotes */
	bool dup;               /* a key given before in its mapping
				   (yreader.dup_keys): skip it */
	uint32_t line, col;     /* 1-based start */
	uint32_t n;             /* scalar: bytes; seq: items; map: pairs */
	const char *s;          /* scalar text, NUL-terminated */
	struct ynode **kids;    /* seq: n items; map: 2n (key, value, ...) */
};

struct ylimits {
	size_t max_file_size;   /* bytes */
	unsigned max_depth;     /* nested collections */
	size_t max_scalar;      /* bytes */
	size_t max_docs;        /* documents per stream */
	unsigned max_aliases;   /* alias uses per file */
	unsigned max_errors;    /* diagnostics per file */
};

extern const struct ylimits ylimits_default;

struct yreader {
	const char *file;
	uint32_t file_index;
	const char *buf;
	size_t len;
	const struct ylimits *lim;
	struct arena *scratch;          /* nodes; reset by the caller */
	struct arena *out;              /* diagnostic strings */
	struct diag_list *diags;
	yaml_parser_t parser;
	struct line_hint hint;
	size_t docs;
	unsigned aliases;
	unsigned errors;                /* errors this file */
	bool stop;                      /* fatal: no more documents */
	bool doc_error;                 /* the current document had an error */
	/* a key given twice in one mapping is an error at the second (set
	 * after yreader_init by readers with no key table of their own:
	 * the case loader and the rules say it with the mapping's name) */
	bool dup_keys;
	struct yanchor *anchors;
	size_t n_anchors, cap_anchors;
};

void yreader_init(struct yreader *r, const char *file, uint32_t file_index,
		  const char *buf, size_t len, const struct ylimits *lim,
		  struct arena *scratch, struct arena *out,
		  struct diag_list *diags);
/* The next document's root node, or NULL when the stream ends or cannot go
 * on.  r->doc_error tells whether building this document hit a problem. */
struct ynode *yreader_next(struct yreader *r);
void yreader_done(struct yreader *r);

/* Reports a problem at a node (or at line/col when at is NULL).  Marks the
 * current document as failed.  Counts toward max_errors. */
void yreader_error(struct yreader *r, const struct ynode *at,
		   const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void yreader_error_at(struct yreader *r, uint32_t line, uint32_t col,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void yreader_warning(struct yreader *r, const struct ynode *at,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Helpers for table-driven readers. */
const char *ynode_kind_name(const struct ynode *n);
bool ynode_is_null(const struct ynode *n);      /* ~, null, empty plain */
bool ynode_scalar_is(const struct ynode *n, const char *s);
/* For the top-level key loop of a config-like file: true when k is
 * "format" (then v is checked against want, e.g. "casewalk-rules/1"). */
bool yformat_key(struct yreader *r, const struct ynode *k,
		 const struct ynode *v, const char *want);
/* The scalar's text copied into a, or NULL after reporting "expected a
 * string" at the node. */
const char *ynode_strdup(struct yreader *r, const struct ynode *n,
			 struct arena *a);

/* "UTF-16" or "UTF-32" when text starts the way YAML's encoding detection
 * (YAML 1.2, 5.2) says those do, with or without a byte order mark; NULL
 * for UTF-8, a UTF-8 BOM included.  yreader_next refuses such a text with
 * one error at 1:1 and no source line. */
const char *ytext_foreign_encoding(const char *buf, size_t len);

/* Reads a whole file into a malloc'd buffer without ever blocking (FIFOs,
 * devices are refused).  Returns 0, or an errno-style code and sets *why to
 * a static message.  The text ends with a NUL byte after *len bytes. */
int yfile_read(const char *path, size_t max_size, char **buf, size_t *len,
	       const char **why);
/* The same into ob, replacing its contents (ob->len bytes, then a NUL):
 * a loader reading many files keeps one buffer for all.  A relative path
 * is taken from the directory dirfd (AT_FDCWD: the current one). */
int yfile_read_into(int dirfd, const char *path, size_t max_size,
		    struct outbuf *ob, const char **why);

#endif
