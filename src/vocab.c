/* vocab.c - the offense vocabulary, read with the common YAML reader. */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "ytree.h"

static void read_classes(struct yreader *r, const struct ynode *m,
			 struct vocab_entry *e)
{
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping of classifications");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		int c = k->kind == YN_SCALAR ?
			enum_value(&offense_class_def, k->s, k->n) : -1;
		if (c < 0) {
			yreader_error(r, k, "unknown classification '%.40s'",
				      k->kind == YN_SCALAR ? k->s : "?");
			continue;
		}
		if (ynode_scalar_is(v, "true"))
			e->cls[c] = TRI_TRUE;
		else if (ynode_scalar_is(v, "false"))
			e->cls[c] = TRI_FALSE;
		else
			yreader_error(r, v, "expected true or false");
	}
}

static void read_entry(struct yreader *r, const struct ynode *k,
		       const struct ynode *m, struct vocab_entry *e,
		       struct arena *a)
{
	memset(e, 0, sizeof(*e));
	e->af_if_sentence_days = -1;
	for (int c = 0; c < CLS__COUNT; c++)
		e->cls[c] = TRI_UNSET;
	if (k->kind != YN_SCALAR) {
		yreader_error(r, k, "expected an offense id, found %s",
			      ynode_kind_name(k));
		e->id = "";
		return;
	}
	e->id = arena_strndup(a, k->s, k->n);
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping for offense '%s'", e->id);
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *key = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (ynode_scalar_is(key, "title"))
			e->title = ynode_strdup(r, v, a);
		else if (ynode_scalar_is(key, "cite"))
			e->cite = ynode_strdup(r, v, a);
		else if (ynode_scalar_is(key, "note"))
			e->note = ynode_strdup(r, v, a);
		else if (ynode_scalar_is(key, "classification"))
			read_classes(r, v, e);
		else if (ynode_scalar_is(key, "af_if_sentence_days") &&
			 v->kind == YN_SCALAR && v->n &&
			 strspn(v->s, "0123456789") == v->n && v->n < 7)
			e->af_if_sentence_days = atoi(v->s);
		else
			yreader_error(r, key, "unknown or malformed key '%.40s' "
				      "in offense '%s'",
				      key->kind == YN_SCALAR ? key->s : "?", e->id);
	}
	if (!e->title)
		yreader_error(r, m, "missing required key 'title' in offense "
			      "'%s'", e->id);
}

static void read_root(struct yreader *r, const struct ynode *root,
		      struct vocab *vb)
{
	const struct ynode *offs = NULL;
	if (root->kind != YN_MAP) {
		yreader_error(r, root, "expected a mapping");
		return;
	}
	for (uint32_t i = 0; i < root->n; i++) {
		const struct ynode *k = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (yformat_key(r, k, v, "casewalk-offenses/1")) {
			continue;
		} else if (ynode_scalar_is(k, "offenses")) {
			offs = v;
		} else {
			yreader_error(r, k, "unknown key");
		}
	}
	if (!offs || offs->kind != YN_MAP) {
		yreader_error(r, offs ? offs : root,
			      "expected 'offenses' as a mapping of id to offense");
		return;
	}
	vb->v = arena_zalloc(&vb->arena, (offs->n + 1) * sizeof(*vb->v));
	const char **ids = arena_zalloc(&vb->arena, (offs->n + 1) * sizeof(*ids));
	for (uint32_t i = 0; i < offs->n; i++) {
		read_entry(r, offs->kids[2 * i], offs->kids[2 * i + 1],
			   &vb->v[vb->n], &vb->arena);
		ids[vb->n] = vb->v[vb->n].id;
		vb->n++;
	}
	vb->ids.ids = ids;
	vb->ids.n = vb->n;
}

int vocab_load_buffer(struct vocab *vb, const char *name, const char *buf,
		      size_t len, struct diag_list *diags)
{
	struct yreader r;
	struct arena scratch;
	size_t before = diags->n_errors;
	memset(vb, 0, sizeof(*vb));
	arena_init(&vb->arena, 16 * 1024);
	arena_init(&scratch, 64 * 1024);
	yreader_init(&r, name, 0, buf, len, &ylimits_default, &scratch,
		     &vb->arena, diags);
	r.dup_keys = true;      /* a key given twice: an error */
	struct ynode *root = yreader_next(&r);
	if (root)
		read_root(&r, root, vb);
	else if (!r.doc_error)
		yreader_error_at(&r, 0, 0, "no offense vocabulary in the file");
	yreader_done(&r);
	arena_free(&scratch);
	return (int)(diags->n_errors - before);
}

int vocab_load_default(struct vocab *vb, struct diag_list *diags)
{
	return vocab_load_buffer(vb, "config/offenses.yaml (built in)",
				 embedded_offenses_yaml,
				 embedded_offenses_yaml_len, diags);
}

const struct vocab_entry *vocab_find(const struct vocab *vb, const char *id)
{
	for (size_t i = 0; i < vb->n; i++)
		if (!strcmp(vb->v[i].id, id))
			return &vb->v[i];
	return NULL;
}

void vocab_free(struct vocab *vb)
{
	arena_free(&vb->arena);
	memset(vb, 0, sizeof(*vb));
}
