/* vocab.h - the offense vocabulary (config/offenses.yaml). */
#ifndef CW_VOCAB_H
#define CW_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "case.h"
#include "diag.h"
#include "load.h"

struct vocab_entry {
	const char *id, *title, *cite, *note;
	int8_t cls[CLS__COUNT];         /* tri: default classification */
	int32_t af_if_sentence_days;    /* -1: none */
};

struct vocab {
	struct vocab_entry *v;
	size_t n;
	struct load_vocab ids;          /* for the case loader */
	struct arena arena;
};

/* Loads a vocabulary from text; returns the number of errors (0 = ok). */
int vocab_load_buffer(struct vocab *vb, const char *name, const char *buf,
		      size_t len, struct diag_list *diags);
/* The vocabulary compiled into the binary. */
int vocab_load_default(struct vocab *vb, struct diag_list *diags);
const struct vocab_entry *vocab_find(const struct vocab *vb, const char *id);
void vocab_free(struct vocab *vb);

#endif
