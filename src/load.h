/* load.h - case files to cases (format casewalk/1, case-format.md). */
#ifndef CW_LOAD_H
#define CW_LOAD_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "outbuf.h"
#include "case.h"
#include "date.h"
#include "diag.h"
#include "ytree.h"

/* The offense vocabulary's ids, to check `charge` against (may be NULL:
 * then any [a-z0-9_] id is accepted). */
struct load_vocab {
	const char *const *ids;
	size_t n;
};

/* The result of loading one file. */
struct load_file {
	struct cw_case **cases;     /* valid cases only, in stream order (in out) */
	size_t n_cases, cap_cases;
	size_t n_docs;              /* documents seen, valid or not */
	size_t n_bad_cases;         /* documents dropped for errors */
	struct diag_list diags;
};

/* What loading needs besides the text. */
struct load_opts {
	const struct ylimits *lim;      /* NULL: ylimits_default */
	const struct load_vocab *vocab; /* NULL: any charge id */
	/* The date the implausible-date warnings compare with (an event
	 * after it, a birth date after it); DATE_NONE: today (date_today). */
	struct date as_of;
	/* Set from another thread (may be NULL): reading stops before the
	 * next document, keeping the cases read so far. */
	const atomic_bool *cancel;
};

/* Loads every case of buf (the file's whole text).  Cases and their
 * strings go to `out`; `scratch` is reset between documents.  Diagnostic
 * strings go to `out` too.  Cases with any error are left out; warnings
 * (implausible dates) keep the case. */
void load_buffer_opts(const char *file, uint32_t file_index, const char *buf,
		      size_t len, const struct load_opts *o, struct arena *out,
		      struct arena *scratch, struct load_file *res);

/* The same with as-of date today, for callers that have no as-of date of
 * their own. */
void load_buffer(const char *file, uint32_t file_index, const char *buf,
		 size_t len, const struct ylimits *lim,
		 const struct load_vocab *vocab, struct arena *out,
		 struct arena *scratch, struct load_file *res);

/* Reads and loads one file (never blocks; refuses FIFOs and devices),
 * with as-of date today.  The text is read into `rbuf`, kept by the
 * caller from file to file. */
void load_file(const char *file, uint32_t file_index,
	       const struct ylimits *lim, const struct load_vocab *vocab,
	       struct arena *out, struct arena *scratch, struct outbuf *rbuf,
	       struct load_file *res);

/* The same for the file `name` of the open directory dirfd (AT_FDCWD: the
 * current one), with the options o; `file` is its path, for messages and
 * cases. */
void load_file_at(int dirfd, const char *name, const char *file,
		  uint32_t file_index, const struct load_opts *o,
		  struct arena *out, struct arena *scratch, struct outbuf *rbuf,
		  struct load_file *res);

void load_file_free(struct load_file *res);

/* c in full, read again from its file into out (c may be a stub, case.h):
 * the document at c's place, if it still holds c's id.  NULL, with a
 * static reason in *why, when the file has changed that much since. */
struct cw_case *load_case_again(const struct cw_case *c,
				const struct ylimits *lim,
				const struct load_vocab *vocab,
				struct arena *out, const char **why);

#endif
