/* corpus.h - everything loaded: cases, diagnostics, the id index.
 *
 * A corpus owns its cases (through per-thread arenas) and its diagnostics;
 * views and reports borrow.  Loading runs on `jobs` threads, each with its
 * own arenas; the result does not depend on the number of threads.
 */
#ifndef CW_CORPUS_H
#define CW_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "case.h"
#include "date.h"
#include "diag.h"
#include "load.h"
#include "ytree.h"

struct corpus_opts {
	int jobs;                       /* <= 0: number of processors */
	const struct ylimits *limits;   /* NULL: ylimits_default */
	const struct load_vocab *vocab; /* NULL: any charge id */
	/* The date of the implausible-date warnings (an event after it, a
	 * birth date after it): --as-of.  DATE_NONE: today. */
	struct date as_of;
	/* Called from the loading thread now and then (may be NULL). */
	void (*progress)(void *ctx, size_t files_done, size_t files_total);
	void *progress_ctx;
	/* Called on a loading thread for every valid case as soon as it is
	 * read, with the case in full (may be NULL).  What it returns is
	 * kept as case->user; it may allocate what it keeps in `keep` (the
	 * corpus's arena of that thread) and anything else in `tmp`, which
	 * is reset after each call.  Calls run in parallel on distinct
	 * arenas; a case later dropped for a duplicate id is called too. */
	void *(*each)(void *ctx, const struct cw_case *c, struct arena *keep,
		      struct arena *tmp);
	void *each_ctx;
	/* Keep stubs (case.h) rather than whole cases: memory for a few
	 * fields a case instead of all of them.  A file with any problem
	 * keeps its cases whole. */
	bool stubs;
	/* Set from another thread (may be NULL): loading stops soon after,
	 * between two documents, two cases or two files; the corpus holds
	 * what was read by then (the explorer quitting during a load). */
	const atomic_bool *cancel;
};

struct corpus {
	struct cw_case **cases;         /* valid cases, in load order */
	size_t n_cases;
	struct diag_list diags;         /* sorted: file, line, column */
	char **files;                   /* every file read, in load order */
	size_t n_files;
	size_t n_files_with_errors;
	size_t n_bad_cases;             /* documents left out for errors */
	/* private */
	struct arena *arenas;
	int n_arenas;
	struct arena misc;
	const struct cw_case **index;   /* open addressing by id */
	uint64_t *index_hash;           /* each slot's id hash */
	size_t index_cap;
};

/* Loads paths (files or directories).  Returns 0, or -1 if nothing could be
 * loaded at all because of a usage problem (errors are in diags either
 * way). */
int corpus_load(struct corpus *c, char *const *paths, size_t n_paths,
		const struct corpus_opts *opts);
void corpus_free(struct corpus *c);

const struct cw_case *corpus_find(const struct corpus *c, const char *id);

/* Checks text as the new content of `file`, one of c's files or a new
 * one, the way loading it with the rest would: the size limit, the
 * loader, and ids used twice within the text or by a case of another of
 * c's files.  Diagnostics (strings in out) are appended to diags, sorted.
 * Returns the number of cases that would load, 0 when there is any
 * error.  opts: its limits and vocabulary (may be NULL). */
size_t corpus_check_text(const struct corpus *c, const char *file,
			 const char *text, size_t len,
			 const struct corpus_opts *opts, struct arena *out,
			 struct diag_list *diags);

/* Lists the case files below paths the way corpus_load reads them: files
 * as given, directories recursively in sorted order, *.yaml and *.yml only,
 * no dot-files, symlinked directories not followed.  Problems go to diags.
 * Returns a malloc'd array of paths; the paths live in `arena`. */
char **corpus_list_files(char *const *paths, size_t n_paths, size_t *n_out,
			 struct diag_list *diags, struct arena *arena);

int corpus_default_jobs(void);

#endif
