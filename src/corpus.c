/* corpus.c - finding files, loading them in parallel, the id index. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int corpus_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* ---- listing ---------------------------------------------------------- */

static int by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static bool yaml_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return false;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

struct file_list {
	char **v;
	size_t n, cap;
	struct arena *names;
};

/* The names go to an arena: 100,000 small blocks left on the heap among
 * the ones fts frees would make every later malloc (libyaml's, for each
 * file) search the holes. */
static void push_file(struct file_list *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = arena_strdup(l->names, path);
}

static void list_error(struct diag_list *d, struct arena *a, const char *path,
		       const char *why)
{
	diag_addf(d, a, arena_strdup(a, path), 0, 0, 0, DIAG_ERROR, NULL, 0,
		  "cannot read: %s", why);
}

static void visit(FTS *fts, FTSENT *e, struct file_list *l,
		  struct diag_list *d, struct arena *a)
{
	bool top = e->fts_level == 0;
	struct stat st;
	switch (e->fts_info) {
	case FTS_D:
		if (!top && e->fts_name[0] == '.')
			fts_set(fts, e, FTS_SKIP);
		break;
	case FTS_F:
		if (top || yaml_name(e->fts_name))
			push_file(l, e->fts_path);
		break;
	case FTS_NSOK:
		/* not stat'ed (FTS_NOSTAT): the loader opens it without
		 * blocking and refuses anything but a regular file, so a
		 * stat per file here would only be paid twice */
		if (yaml_name(e->fts_name))
			push_file(l, e->fts_path);
		break;
	case FTS_SL:
		/* a link to a file is read; a link to a directory is not
		 * followed, so link loops cannot trap us */
		if (yaml_name(e->fts_name) && stat(e->fts_accpath, &st) == 0 &&
		    S_ISREG(st.st_mode))
			push_file(l, e->fts_path);
		break;
	case FTS_SLNONE:
		if (top || yaml_name(e->fts_name))
			list_error(d, a, e->fts_path, "dangling symbolic link");
		break;
	case FTS_DEFAULT:
		if (top || yaml_name(e->fts_name))
			list_error(d, a, e->fts_path, "not a regular file");
		break;
	case FTS_DNR:
	case FTS_ERR:
	case FTS_NS:
		list_error(d, a, e->fts_path, strerror(e->fts_errno));
		break;
	default:        /* FTS_DP, FTS_DC, FTS_DOT */
		break;
	}
}

char **corpus_list_files(char *const *paths, size_t n_paths, size_t *n_out,
			 struct diag_list *diags, struct arena *arena)
{
	struct file_list l = { NULL, 0, 0, arena };
	/* fts sorts its arguments too: keep the user's order instead by
	 * walking each argument on its own */
	for (size_t i = 0; i < n_paths; i++) {
		char *one[2] = { paths[i], NULL };
		FTS *fts = fts_open(one, FTS_PHYSICAL | FTS_NOCHDIR | FTS_NOSTAT |
				    FTS_COMFOLLOW, by_name);
		if (!fts) {
			list_error(diags, arena, paths[i], strerror(errno));
			continue;
		}
		FTSENT *e;
		while ((e = fts_read(fts)))
			visit(fts, e, &l, diags, arena);
		fts_close(fts);
	}
	*n_out = l.n;
	return l.v;
}

/* ---- loading ---------------------------------------------------------- */

struct job {
	char **files;
	size_t n_files;
	struct load_file *res;
	struct load_opts load;          /* limits, vocabulary, as-of date */
	atomic_size_t next;
	atomic_size_t done;
	const struct corpus_opts *opts;
};

struct worker {
	struct job *job;
	struct arena *out;
	bool report;            /* this worker calls the progress callback */
	struct arena scratch;   /* the YAML tree of one document */
	struct arena file;      /* one file's cases, with opts->stubs */
	struct arena tmp;       /* opts->each's */
	struct outbuf text;     /* one file's text */
	/* the directory of the last file, open: files are listed directory
	 * by directory, and a name opened from its directory costs the
	 * kernel one lookup, not one per component of the path */
	int dir_fd;
	char *dir;              /* its path (malloc'd), or NULL */
	size_t dir_len;
};

/* An open directory for the files of dir[0..len) ("" for "/"), or -1. */
static int dir_of(struct worker *w, const char *dir, size_t len)
{
	if (w->dir && w->dir_len == len && !memcmp(w->dir, dir, len))
		return w->dir_fd;
	if (w->dir_fd >= 0)
		close(w->dir_fd);
	free(w->dir);
	w->dir = xmalloc(len + 2);
	memcpy(w->dir, dir, len);
	w->dir[len ? len : 1] = '\0';
	if (!len)
		w->dir[0] = '/';
	w->dir_len = len;
	w->dir_fd = open(w->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return w->dir_fd;
}

static void read_file(struct worker *w, size_t i, struct arena *into)
{
	struct job *j = w->job;
	const char *file = j->files[i], *slash = strrchr(file, '/');
	const char *name = file;
	int fd = AT_FDCWD;
	if (slash && slash[1]) {
		/* a directory that cannot be opened may still be searched:
		 * then the whole path */
		int d = dir_of(w, file, (size_t)(slash - file));
		if (d >= 0) {
			fd = d;
			name = slash + 1;
		}
	}
	load_file_at(fd, name, file, (uint32_t)i, &j->load, into, &w->scratch,
		     &w->text, &j->res[i]);
}

static bool cancelled(const struct corpus_opts *o)
{
	return o->cancel && atomic_load_explicit(o->cancel,
						 memory_order_relaxed);
}

/* One file: loaded into w->out, or with stubs into w->file, whose cases
 * then leave their stubs in w->out (the whole file stays when it has
 * diagnostics: their strings live there too). */
static void load_one(struct worker *w, size_t i)
{
	struct job *j = w->job;
	const struct corpus_opts *o = j->opts;
	struct load_file *res = &j->res[i];
	struct arena *into = o->stubs ? &w->file : w->out;
	read_file(w, i, into);
	for (size_t k = 0; o->each && k < res->n_cases && !cancelled(o); k++) {
		res->cases[k]->user = o->each(o->each_ctx, res->cases[k],
					      w->out, &w->tmp);
		arena_reset(&w->tmp);
	}
	if (!o->stubs)
		return;
	if (res->diags.n) {
		arena_splice(w->out, &w->file);
		return;
	}
	struct cw_case **v = arena_alloc(w->out, (res->n_cases + 1) *
					 sizeof(*v));
	for (size_t k = 0; k < res->n_cases; k++)
		v[k] = case_stub(res->cases[k], w->out);
	res->cases = v;
	res->cap_cases = res->n_cases;
	arena_reset(&w->file);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct job *j = w->job;
	arena_init(&w->scratch, 256 * 1024);
	arena_init(&w->file, 64 * 1024);
	arena_init(&w->tmp, 256 * 1024);
	w->text = (struct outbuf){ NULL, 0, 0 };
	w->dir_fd = -1;
	w->dir = NULL;
	for (;;) {
		size_t i = atomic_fetch_add(&j->next, 1);
		if (i >= j->n_files || cancelled(j->opts))
			break;
		load_one(w, i);
		size_t done = atomic_fetch_add(&j->done, 1) + 1;
		if (w->report && j->opts->progress && (done & 255) == 0)
			j->opts->progress(j->opts->progress_ctx, done,
					  j->n_files);
	}
	ob_free(&w->text);
	if (w->dir_fd >= 0)
		close(w->dir_fd);
	free(w->dir);
	arena_free(&w->scratch);
	arena_free(&w->file);
	arena_free(&w->tmp);
	return NULL;
}

static void run_jobs(struct corpus *c, struct job *j, int jobs)
{
	if ((size_t)jobs > j->n_files)
		jobs = j->n_files ? (int)j->n_files : 1;
	c->n_arenas = jobs;
	c->arenas = xcalloc((size_t)jobs, sizeof(*c->arenas));
	struct worker *w = xcalloc((size_t)jobs, sizeof(*w));
	pthread_t *tid = xcalloc((size_t)jobs, sizeof(*tid));
	int started = 1;
	for (int i = 0; i < jobs; i++) {
		arena_init(&c->arenas[i], 2 * 1024 * 1024);
		w[i] = (struct worker){ .job = j, .out = &c->arenas[i],
					.report = i == 0 };
	}
	/* the calling thread is worker 0 */
	for (int i = 1; i < jobs; i++)
		if (pthread_create(&tid[i], NULL, work, &w[i]) == 0)
			started++;
		else
			break;
	work(&w[0]);
	for (int i = 1; i < started; i++)
		pthread_join(tid[i], NULL);
	if (j->opts->progress)
		j->opts->progress(j->opts->progress_ctx, j->n_files,
				  j->n_files);
	free(tid);
	free(w);
}

static uint64_t hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Slot for id (whose hash is h): the slot holding it, or the empty slot
 * where it belongs.  The hashes sit beside the slots, so a probe reads a
 * case's id only when its hash is the same. */
static size_t index_slot(const struct cw_case **ix, const uint64_t *hs,
			 size_t cap, const char *id, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (ix[i] && (hs[i] != h || strcmp(ix[i]->id, id)))
		i = (i + 1) & (cap - 1);
	return i;
}

const struct cw_case *corpus_find(const struct corpus *c, const char *id)
{
	if (!c->index_cap)
		return NULL;
	return c->index[index_slot(c->index, c->index_hash, c->index_cap, id,
				   hash_id(id))];
}

/* ---- one file's new text, checked against the rest -------------------- */

static int by_id_then_place(const void *a, const void *b)
{
	const struct cw_case *x = *(const struct cw_case *const *)a;
	const struct cw_case *y = *(const struct cw_case *const *)b;
	int r = strcmp(x->id, y->id);
	if (r)
		return r;
	return x->doc_index < y->doc_index ? -1 : x->doc_index > y->doc_index;
}

static void duplicate(struct diag_list *diags, struct arena *out,
		      const char *text, size_t len, const struct cw_case *cs,
		      const struct cw_case *o)
{
	size_t sl = 0;
	const char *src = diag_find_line(text, len, cs->id_pos.line, &sl, NULL);
	diag_addf(diags, out, cs->file, 0, cs->id_pos.line, cs->id_pos.col,
		  DIAG_ERROR, src, sl, "duplicate id '%s' (also at %s:%u:%u)",
		  cs->id, o->file, o->id_pos.line, o->id_pos.col);
}

/* Ids used twice within the text, reported as merge() does: the first
 * place names the second, every other place names the first. */
static void duplicates_within(struct load_file *res, struct arena *out,
			      const char *text, size_t len,
			      struct diag_list *diags)
{
	size_t n = res->n_cases;
	if (n < 2)
		return;
	const struct cw_case **v = xmalloc(n * sizeof(*v));
	memcpy(v, res->cases, n * sizeof(*v));
	qsort(v, n, sizeof(*v), by_id_then_place);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !strcmp(v[j]->id, v[i]->id))
			j++;
		for (size_t k = i; j - i > 1 && k < j; k++)
			duplicate(diags, out, text, len, v[k],
				  v[k == i ? i + 1 : i]);
		i = j;
	}
	free(v);
}

/* The same file under two names ("cases/a.yaml", its real path, a link):
 * its own ids are not duplicates. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (!strcmp(a, b))
		return true;
	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

size_t corpus_check_text(const struct corpus *c, const char *file,
			 const char *text, size_t len,
			 const struct corpus_opts *opts, struct arena *out,
			 struct diag_list *diags)
{
	const struct ylimits *lim = opts && opts->limits ? opts->limits :
		&ylimits_default;
	struct load_file res = { 0 };
	struct arena scratch;
	if (len > lim->max_file_size) {
		/* as load_file_at says it */
		diag_addf(diags, out, file, 0, 0, 0, DIAG_ERROR, NULL, 0,
			  "file is larger than the limit of %zu MiB",
			  lim->max_file_size >> 20);
		return 0;
	}
	arena_init(&scratch, 64 * 1024);
	struct load_opts lo = { lim, opts ? opts->vocab : NULL,
				opts ? opts->as_of : DATE_NONE_INIT, NULL };
	load_buffer_opts(file, 0, text, len, &lo, out, &scratch, &res);
	duplicates_within(&res, out, text, len, &res.diags);
	for (size_t i = 0; i < res.n_cases; i++) {
		const struct cw_case *cs = res.cases[i];
		const struct cw_case *o = corpus_find(c, cs->id);
		if (o && !same_file(o->file, file))
			duplicate(&res.diags, out, text, len, cs, o);
	}
	size_t valid = res.diags.n_errors ? 0 : res.n_cases;
	diag_sort(&res.diags);
	diag_move(diags, &res.diags);
	load_file_free(&res);
	arena_free(&scratch);
	return valid;
}

/* Every case whose id occurs twice or more is reported at each place and
 * kept out; the rest go into the index, in load order. */
static void merge(struct corpus *c, struct load_file *res, size_t n_files)
{
	size_t total = 0;
	for (size_t i = 0; i < n_files; i++)
		total += res[i].n_cases;
	size_t cap = 16, dups = 0;
	while (cap < 2 * total)
		cap *= 2;
	const struct cw_case **first = xcalloc(cap, sizeof(*first));
	const struct cw_case **second = xcalloc(cap, sizeof(*second));
	uint64_t *hs = xcalloc(cap, sizeof(*hs));
	uint32_t *count = xcalloc(cap, sizeof(*count));
	size_t *slot = xmalloc((total + 1) * sizeof(*slot)), n = 0;
	for (size_t i = 0; i < n_files; i++)
		for (size_t k = 0; k < res[i].n_cases; k++) {
			const struct cw_case *cs = res[i].cases[k];
			uint64_t h = hash_id(cs->id);
			size_t s = index_slot(first, hs, cap, cs->id, h);
			if (!first[s]) {
				first[s] = cs;
				hs[s] = h;
			} else if (!second[s]) {
				second[s] = cs;
			}
			dups += count[s]++ == 1;
			slot[n++] = s;
		}
	c->cases = xmalloc((total + 1) * sizeof(*c->cases));
	c->n_cases = 0;
	n = 0;
	for (size_t i = 0; i < n_files; i++) {
		for (size_t k = 0; k < res[i].n_cases; k++) {
			struct cw_case *cs = res[i].cases[k];
			size_t s = slot[n++];
			if (count[s] == 1) {
				c->cases[c->n_cases++] = cs;
				continue;
			}
			/* the first place names the second; every other
			 * place names the first */
			const struct cw_case *o = first[s] != cs ? first[s]
								 : second[s];
			diag_addf(&res[i].diags, &c->misc, cs->file, (uint32_t)i,
				  cs->id_pos.line, cs->id_pos.col, DIAG_ERROR,
				  NULL, 0, "duplicate id '%s' (also at %s:%u:%u)",
				  cs->id, o->file, o->id_pos.line, o->id_pos.col);
			c->n_bad_cases++;
		}
	}
	free(slot);
	free(count);
	free(second);
	c->index = first;
	c->index_hash = hs;
	c->index_cap = cap;
	if (!dups)
		return;
	/* rebuild without the duplicates */
	memset(first, 0, cap * sizeof(*first));
	for (size_t i = 0; i < c->n_cases; i++) {
		uint64_t h = hash_id(c->cases[i]->id);
		size_t s = index_slot(first, hs, cap, c->cases[i]->id, h);
		first[s] = c->cases[i];
		hs[s] = h;
	}
}

/* Source lines for the duplicate-id diagnostics, read back lazily: the
 * loader has freed the file text by now. */
static void fill_sources(struct corpus *c)
{
	const char *file = NULL;
	char *buf = NULL;
	size_t len = 0;
	for (size_t i = 0; i < c->diags.n; i++) {
		struct diag *d = &c->diags.v[i];
		if (d->source || !d->line)
			continue;
		if (!file || strcmp(file, d->file)) {
			const char *why;
			free(buf);
			buf = NULL;
			file = d->file;
			if (yfile_read(file, 1u << 30, &buf, &len, &why))
				continue;
			/* its bytes are not lines we can show */
			if (ytext_foreign_encoding(buf, len)) {
				free(buf);
				buf = NULL;
			}
		}
		size_t sl;
		const char *s = buf ? diag_find_line(buf, len, d->line, &sl,
						     NULL) : NULL;
		if (s)
			d->source = arena_strndup(&c->misc, s, sl > 4096 ? 4096 : sl);
	}
	free(buf);
}

int corpus_load(struct corpus *c, char *const *paths, size_t n_paths,
		const struct corpus_opts *opts)
{
	struct corpus_opts dflt = { 0 };
	memset(c, 0, sizeof(*c));
	arena_init(&c->misc, 64 * 1024);
	if (!opts)
		opts = &dflt;
	c->files = corpus_list_files(paths, n_paths, &c->n_files, &c->diags,
				     &c->misc);
	struct job j = {
		.files = c->files,
		.n_files = c->n_files,
		.res = xcalloc(c->n_files + 1, sizeof(struct load_file)),
		.load = { opts->limits ? opts->limits : &ylimits_default,
			  opts->vocab, date_known(opts->as_of) ? opts->as_of
							       : date_today(),
			  opts->cancel },
		.opts = opts,
	};
	atomic_init(&j.next, 0);
	atomic_init(&j.done, 0);
	run_jobs(c, &j, opts->jobs > 0 ? opts->jobs : corpus_default_jobs());
	merge(c, j.res, c->n_files);
	for (size_t i = 0; i < c->n_files; i++) {
		c->n_bad_cases += j.res[i].n_bad_cases;
		if (j.res[i].diags.n_errors)
			c->n_files_with_errors++;
		diag_move(&c->diags, &j.res[i].diags);
		load_file_free(&j.res[i]);
	}
	free(j.res);
	diag_sort(&c->diags);
	fill_sources(c);
	return 0;
}

void corpus_free(struct corpus *c)
{
	for (int i = 0; i < c->n_arenas; i++)
		arena_free(&c->arenas[i]);
	free(c->arenas);
	free(c->files);
	free(c->cases);
	free(c->index);
	free(c->index_hash);
	diag_free(&c->diags);
	arena_free(&c->misc);
	memset(c, 0, sizeof(*c));
}
