/* ytree.c - libyaml events to a bounded node tree; see ytree.h. */
#define _POSIX_C_SOURCE 200809L
#include "ytree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const struct ylimits ylimits_default = {
	.max_file_size = 16u << 20,
	.max_depth = 32,
	.max_scalar = 64u << 10,
	.max_docs = 1000000,
	.max_aliases = 8,
	.max_errors = 100,
};

struct yanchor {
	const char *name;
	struct ynode *node;
};

void yreader_init(struct yreader *r, const char *file, uint32_t file_index,
		  const char *buf, size_t len, const struct ylimits *lim,
		  struct arena *scratch, struct arena *out,
		  struct diag_list *diags)
{
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->file_index = file_index;
	r->buf = buf;
	r->len = len;
	r->lim = lim;
	r->scratch = scratch;
	r->out = out;
	r->diags = diags;
	if (!yaml_parser_initialize(&r->parser))
		xalloc_fail(sizeof(r->parser));
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)buf,
				     len);
}

void yreader_done(struct yreader *r)
{
	yaml_parser_delete(&r->parser);
	free(r->anchors);
	r->anchors = NULL;
}

__attribute__((format(printf, 5, 0)))
static void vreport(struct yreader *r, int sev, uint32_t line, uint32_t col,
		    const char *fmt, va_list ap);

static void report(struct yreader *r, int sev, uint32_t line, uint32_t col,
		   const char *msg)
{
	size_t slen = 0;
	const char *src;
	if (sev == DIAG_ERROR) {
		r->doc_error = true;
		if (r->errors >= r->lim->max_errors) {
			r->stop = true;
			return;
		}
	}
	src = line ? diag_find_line(r->buf, r->len, line, &slen, &r->hint)
		   : NULL;
	if (sev == DIAG_ERROR && ++r->errors == r->lim->max_errors) {
		diag_addf(r->diags, r->out, r->file, r->file_index, line, col,
			  DIAG_ERROR, src, slen,
			  "too many errors (%u); giving up on this file",
			  r->lim->max_errors);
		r->stop = true;
		return;
	}
	diag_add(r->diags, r->out, r->file, r->file_index, line, col, sev, src,
		 slen, msg);
}

static void vreport(struct yreader *r, int sev, uint32_t line, uint32_t col,
		    const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	report(r, sev, line, col, msg);
}

void yreader_error_at(struct yreader *r, uint32_t line, uint32_t col,
		      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, DIAG_ERROR, line, col, fmt, ap);
	va_end(ap);
}

void yreader_error(struct yreader *r, const struct ynode *at,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, DIAG_ERROR, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
}

void yreader_warning(struct yreader *r, const struct ynode *at,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, DIAG_WARNING, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
}

/* A libyaml failure ends the stream: report it where libyaml says. */
static void parser_failed(struct yreader *r)
{
	yaml_parser_t *p = &r->parser;
	uint32_t line = (uint32_t)p->problem_mark.line + 1;
	uint32_t col = (uint32_t)p->problem_mark.column + 1;
	const char *problem = p->problem ? p->problem : "unknown YAML error";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		yreader_error_at(r, 0, 0, "out of memory while parsing");
		break;
	case YAML_READER_ERROR:
		/* reader errors carry a byte offset, not a mark */
		diag_offset_pos(r->buf, r->len, p->problem_offset, &line, &col);
		if (!strcmp(problem, "control characters are not allowed"))
			yreader_error_at(r, line, col,
				"control characters are not allowed in YAML "
				"(found 0x%02X)",
				(unsigned)p->problem_value);
		else
			yreader_error_at(r, line, col, "invalid UTF-8: %s",
					 problem);
		break;
	default: {
		size_t off = 0;
		/* libyaml ends a file that lacks its last newline with one of
		 * its own, so an error at the end lands on a line that is not
		 * there: put it after the last character instead */
		if (line > 1 && !diag_find_line(r->buf, r->len, line, &off, NULL)) {
			const char *last = diag_find_line(r->buf, r->len, line - 1,
							  &off, NULL);
			if (last) {
				line--;
				col = 1;
				for (size_t i = 0; i < off; i++)
					col += ((unsigned char)last[i] & 0xC0) != 0x80;
			}
		}
		/* a tab where indentation belongs is the commonest slip */
		const char *src = diag_find_line(r->buf, r->len, line, &off,
						 &r->hint);
		if (src && col <= off && src[col - 1] == '\t') {
			yreader_error_at(r, line, col,
				"tab character where YAML needs spaces (%s)",
				problem);
		} else if (p->context) {
			yreader_error_at(r, line, col, "%s (%s at %u:%u)",
				problem, p->context,
				(unsigned)p->context_mark.line + 1,
				(unsigned)p->context_mark.column + 1);
		} else {
			yreader_error_at(r, line, col, "%s", problem);
		}
	}
	}
	r->stop = true;
}

static bool next_event(struct yreader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev)) {
		parser_failed(r);
		return false;
	}
	return true;
}

static struct ynode *new_node(struct yreader *r, int kind,
			      const yaml_mark_t *m)
{
	struct ynode *n = arena_alloc(r->scratch, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->line = (uint32_t)m->line + 1;
	n->col = (uint32_t)m->column + 1;
	return n;
}

static void add_anchor(struct yreader *r, const yaml_char_t *name,
		       struct ynode *n)
{
	if (!name)
		return;
	if (r->n_anchors == r->cap_anchors) {
		r->cap_anchors = r->cap_anchors ? r->cap_anchors * 2 : 8;
		r->anchors = xrealloc(r->anchors,
				      r->cap_anchors * sizeof(*r->anchors));
	}
	r->anchors[r->n_anchors].name =
		arena_strdup(r->scratch, (const char *)name);
	r->anchors[r->n_anchors++].node = n;
}

static struct ynode *parse_node(struct yreader *r, yaml_event_t *ev,
				unsigned depth);

static bool same_key(const struct ynode *a, const struct ynode *b)
{
	return a->kind == YN_SCALAR && b->kind == YN_SCALAR && a->n == b->n &&
	       !memcmp(a->s, b->s, a->n);
}

struct key_at {
	struct ynode *k;
	uint32_t i;
};

/* By text, then by place: equal keys end up side by side, first first. */
static int key_order(const void *pa, const void *pb)
{
	const struct key_at *a = pa, *b = pb;
	if (a->k->n != b->k->n)
		return a->k->n < b->k->n ? -1 : 1;
	int c = memcmp(a->k->s, b->k->s, a->k->n);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static void dup_error(struct yreader *r, struct ynode *k,
		      const struct ynode *first)
{
	k->dup = true;
	yreader_error(r, k, "duplicate key '%.40s' (also at %u:%u)", k->s,
		      first->line, first->col);
}

/* Each key given twice in mapping m, at its second place.  Small maps
 * pairwise; big ones (a hostile file) sorted, so never quadratic. */
static void check_dup_keys(struct yreader *r, const struct ynode *m)
{
	if (m->n <= 16) {
		for (uint32_t i = 1; i < m->n; i++)
			for (uint32_t j = 0; j < i; j++)
				if (same_key(m->kids[2 * j], m->kids[2 * i])) {
					dup_error(r, m->kids[2 * i],
						  m->kids[2 * j]);
					break;
				}
		return;
	}
	struct key_at *v = xmalloc(m->n * sizeof(*v));
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->n; i++)
		if (m->kids[2 * i]->kind == YN_SCALAR)
			v[n++] = (struct key_at){ m->kids[2 * i], i };
	qsort(v, n, sizeof(*v), key_order);
	for (uint32_t i = 1, first = 0; i < n; i++) {
		if (!same_key(v[first].k, v[i].k))
			first = i;
		else
			dup_error(r, v[i].k, v[first].k);
	}
	free(v);
}

/* Reads children until the collection's end event. */
static struct ynode *parse_collection(struct yreader *r, yaml_event_t *ev,
				      unsigned depth)
{
	bool map = ev->type == YAML_MAPPING_START_EVENT;
	yaml_event_type_t end = map ? YAML_MAPPING_END_EVENT
				    : YAML_SEQUENCE_END_EVENT;
	struct ynode *n = new_node(r, map ? YN_MAP : YN_SEQ, &ev->start_mark);
	const yaml_char_t *anchor = map ? ev->data.mapping_start.anchor
					: ev->data.sequence_start.anchor;
	char *anchor_copy = anchor ? arena_strdup(r->scratch,
						  (const char *)anchor) : NULL;
	yaml_event_delete(ev);
	if (depth >= r->lim->max_depth) {
		yreader_error(r, n, "nesting deeper than %u levels",
			      r->lim->max_depth);
		r->stop = true;
		return NULL;
	}
	size_t cap = 8, cnt = 0;
	struct ynode **kids = arena_alloc(r->scratch, cap * sizeof(*kids));
	for (;;) {
		yaml_event_t child;
		if (!next_event(r, &child))
			return NULL;
		if (child.type == end) {
			yaml_event_delete(&child);
			break;
		}
		struct ynode *k = parse_node(r, &child, depth + 1);
		if (!k)
			return NULL;
		if (cnt == cap) {
			struct ynode **bigger =
				arena_alloc(r->scratch, 2 * cap * sizeof(*kids));
			memcpy(bigger, kids, cap * sizeof(*kids));
			kids = bigger;
			cap *= 2;
		}
		kids[cnt++] = k;
	}
	n->kids = kids;
	n->n = (uint32_t)(map ? cnt / 2 : cnt);
	if (map && r->dup_keys)
		check_dup_keys(r, n);
	add_anchor(r, (const yaml_char_t *)anchor_copy, n);
	return n;
}

static struct ynode *parse_alias(struct yreader *r, yaml_event_t *ev)
{
	struct ynode *found = NULL;
	const char *name = (const char *)ev->data.alias.anchor;
	uint32_t line = (uint32_t)ev->start_mark.line + 1;
	uint32_t col = (uint32_t)ev->start_mark.column + 1;
	if (++r->aliases > r->lim->max_aliases) {
		yreader_error_at(r, line, col,
			"more than %u aliases in one file; alias expansion refused",
			r->lim->max_aliases);
		r->stop = true;
		yaml_event_delete(ev);
		return NULL;
	}
	for (size_t i = r->n_anchors; i-- > 0;)
		if (!strcmp(r->anchors[i].name, name)) {
			found = r->anchors[i].node;
			break;
		}
	if (!found) {
		yreader_error_at(r, line, col, "alias '*%s' names no anchor",
				 name);
		r->stop = true;
	}
	yaml_event_delete(ev);
	return found;
}

static struct ynode *parse_node(struct yreader *r, yaml_event_t *ev,
				unsigned depth)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		struct ynode *n = new_node(r, YN_SCALAR, &ev->start_mark);
		size_t len = ev->data.scalar.length;
		if (len > r->lim->max_scalar) {
			yreader_error(r, n, "string of %zu bytes is longer than "
				      "the limit of %zu KiB", len,
				      r->lim->max_scalar >> 10);
			yaml_event_delete(ev);
			r->stop = true;
			return NULL;
		}
		n->s = arena_strndup(r->scratch,
				     (const char *)ev->data.scalar.value, len);
		n->n = (uint32_t)len;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		add_anchor(r, ev->data.scalar.anchor, n);
		yaml_event_delete(ev);
		return n;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return parse_collection(r, ev, depth);
	case YAML_ALIAS_EVENT:
		return parse_alias(r, ev);
	default:
		yreader_error_at(r, (uint32_t)ev->start_mark.line + 1,
				 (uint32_t)ev->start_mark.column + 1,
				 "unexpected YAML event");
		yaml_event_delete(ev);
		r->stop = true;
		return NULL;
	}
}

/* libyaml would read a UTF-16 file with a BOM, but every position, source
 * line and column we report is in UTF-8 bytes: such a file is refused,
 * never half read. */
const char *ytext_foreign_encoding(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	if (len >= 4 && ((!s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF) ||
			 (s[0] == 0xFF && s[1] == 0xFE && !s[2] && !s[3]) ||
			 (!s[0] && !s[1] && !s[2] && s[3]) ||
			 (s[0] && !s[1] && !s[2] && !s[3])))
		return "UTF-32";
	if (len >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) ||
			 (s[0] == 0xFF && s[1] == 0xFE) ||
			 (!s[0] && s[1]) || (s[0] && !s[1])))
		return "UTF-16";
	return NULL;
}

/* Before the first document: a file in another encoding is one error at
 * 1:1, with no source line (its bytes are not text we can show). */
static bool encoding_refused(struct yreader *r)
{
	const char *enc = ytext_foreign_encoding(r->buf, r->len);
	if (!enc)
		return false;
	r->doc_error = true;
	r->stop = true;
	r->errors++;
	diag_addf(r->diags, r->out, r->file, r->file_index, 1, 1, DIAG_ERROR,
		  NULL, 0, "%s is not supported; save the file as UTF-8", enc);
	return true;
}

struct ynode *yreader_next(struct yreader *r)
{
	yaml_event_t ev;
	r->doc_error = false;
	r->n_anchors = 0;       /* anchors do not cross documents */
	if (!r->docs && !r->stop && encoding_refused(r))
		return NULL;
	while (!r->stop) {
		if (!next_event(r, &ev))
			return NULL;
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			r->stop = true;
			return NULL;
		}
		if (t != YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		uint32_t line = (uint32_t)ev.start_mark.line + 1;
		uint32_t col = (uint32_t)ev.start_mark.column + 1;
		yaml_event_delete(&ev);
		if (++r->docs > r->lim->max_docs) {
			yreader_error_at(r, line, col,
				"more than %zu documents in one stream",
				r->lim->max_docs);
			r->stop = true;
			return NULL;
		}
		if (!next_event(r, &ev))
			return NULL;
		struct ynode *root = parse_node(r, &ev, 0);
		if (!root)
			return NULL;
		if (!next_event(r, &ev))    /* DOCUMENT_END */
			return NULL;
		yaml_event_delete(&ev);
		return root;
	}
	return NULL;
}

const char *ynode_kind_name(const struct ynode *n)
{
	if (n->kind == YN_MAP)
		return "a mapping";
	if (n->kind == YN_SEQ)
		return "a sequence";
	return ynode_is_null(n) ? "nothing" : "a scalar";
}

bool ynode_is_null(const struct ynode *n)
{
	if (n->kind != YN_SCALAR || !n->plain)
		return false;
	/* by length first: it runs for every value of every case */
	switch (n->n) {
	case 0: return true;
	case 1: return n->s[0] == '~';
	case 4: return !strcmp(n->s, "null") || !strcmp(n->s, "Null") ||
		       !strcmp(n->s, "NULL");
	default: return false;
	}
}

bool ynode_scalar_is(const struct ynode *n, const char *s)
{
	return n->kind == YN_SCALAR && !strcmp(n->s, s);
}

bool yformat_key(struct yreader *r, const struct ynode *k,
		 const struct ynode *v, const char *want)
{
	if (!ynode_scalar_is(k, "format"))
		return false;
	if (!ynode_scalar_is(v, want))
		yreader_error(r, v, "format must be '%s'", want);
	return true;
}

const char *ynode_strdup(struct yreader *r, const struct ynode *n,
			 struct arena *a)
{
	if (n->kind != YN_SCALAR) {
		yreader_error(r, n, "expected a string, found %s",
			      ynode_kind_name(n));
		return NULL;
	}
	return arena_strndup(a, n->s, n->n);
}

int yfile_read_into(int dirfd, const char *path, size_t max_size,
		    struct outbuf *ob, const char **why)
{
	ob->len = 0;
	int fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
			O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return errno;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		*why = strerror(e);
		close(fd);
		return e;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		close(fd);
		return EINVAL;
	}
	if ((size_t)st.st_size > max_size) {
		*why = "file is larger than the limit";
		close(fd);
		return EFBIG;
	}
	/* The size may change under us: read to EOF, never past the limit.
	 * Room for one byte more than the size, to see the end in one read. */
	ob_reserve(ob, (size_t)st.st_size + 2);
	for (;;) {
		if (ob->cap - ob->len < 2) {
			if (ob->len > max_size) {
				close(fd);
				ob->len = 0;
				*why = "file is larger than the limit";
				return EFBIG;
			}
			ob_reserve(ob, ob->cap);
		}
		size_t ask = ob->cap - ob->len - 1;
		ssize_t k = read(fd, ob->p + ob->len, ask);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int e = errno;
			*why = strerror(e);
			close(fd);
			ob->len = 0;
			return e;
		}
		if (k == 0)
			break;
		ob->len += (size_t)k;
		/* a regular file read short exactly at the size fstat gave has
		 * ended: no second read to hear it (100,000 files, 100,000
		 * system calls) */
		if ((size_t)k < ask && ob->len == (size_t)st.st_size)
			break;
	}
	close(fd);
	if (ob->len > max_size) {
		ob->len = 0;
		*why = "file is larger than the limit";
		return EFBIG;
	}
	ob->p[ob->len] = '\0';
	return 0;
}

int yfile_read(const char *path, size_t max_size, char **buf, size_t *len,
	       const char **why)
{
	struct outbuf ob = { NULL, 0, 0 };
	int e = yfile_read_into(AT_FDCWD, path, max_size, &ob, why);
	if (e) {
		ob_free(&ob);
		*buf = NULL;
		*len = 0;
		return e;
	}
	*buf = ob.p;
	*len = ob.len;
	return 0;
}
