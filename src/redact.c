/* redact.c - stable pseudonyms and A-number masks; see redact.h. */
#include "redact.h"

#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Given names used for any gender, and family names common in many
 * countries, so that a pseudonym suggests neither the person's sex nor
 * their origin.  The lists are part of the output format: changing them
 * changes every pseudonym, so append only. */
static const char *const given[] = {
	"Alex", "Ari", "Bailey", "Blair", "Cameron", "Casey", "Dana",
	"Drew", "Eden", "Emery", "Finley", "Hayden", "Jamie", "Jordan",
	"Kai", "Kendall", "Lee", "Logan", "Morgan", "Noor", "Parker",
	"Quinn", "Reese", "Riley", "Robin", "Rowan", "Sage", "Sasha",
	"Sky", "Taylor", "Toni", "Val",
};
static const char *const family[] = {
	"Abbott", "Baker", "Carter", "Dale", "Ellis", "Fisher", "Grant",
	"Hale", "Irving", "Jensen", "Keller", "Lane", "Marsh", "Nolan",
	"Oakley", "Porter", "Quill", "Reed", "Shaw", "Tate", "Underwood",
	"Vance", "Ward", "Young", "Zeller", "Archer", "Brooks", "Cole",
	"Dunn", "Frost", "Hart", "Lowe",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* FNV-1a, then the splitmix64 finaliser: FNV alone leaves the low bits
 * of ids that differ only in their last digits too alike.  Fixed and
 * portable; it must never change (see above). */
static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

char *redact_pseudonym(const char *id, char *out, size_t outsz)
{
	uint64_t h = id_hash(id ? id : "");
	if (outsz)
		snprintf(out, outsz, "%s %s", given[h % COUNT(given)],
			 family[(h >> 32) % COUNT(family)]);
	return out;
}

char *redact_a_number(const char *a_number, char *out, size_t outsz)
{
	if (outsz)
		snprintf(out, outsz, "%s", a_number ? "A-XXX-XXX-XXX" : "");
	return out;
}

char *redact_born(struct date born, char *out, size_t outsz)
{
	if (!outsz)
		return out;
	if (date_known(born) && born.y > 0)
		snprintf(out, outsz, "%04d", born.y);
	else
		snprintf(out, outsz, "not on file");
	return out;
}

#define LABEL_MAX 80

char **redact_file_labels(char *const *files, size_t n,
			  const struct cw_case *const *cases, size_t n_cases)
{
	char **lab = xmalloc((n + 1) * (sizeof(*lab) + LABEL_MAX));
	char *text = (char *)(lab + n + 1);
	for (size_t i = 0; i < n; i++) {
		lab[i] = text + i * LABEL_MAX;
		snprintf(lab[i], LABEL_MAX, "file %zu", i + 1);
	}
	lab[n] = NULL;
	/* cases come in load order: one forward walk over the files */
	size_t f = 0;
	for (size_t k = 0; k < n_cases && n; k++) {
		const char *file = cases[k]->file;
		size_t start = f;
		while (strcmp(files[f], file)) {
			f = (f + 1) % n;
			if (f == start)
				break;
		}
		if (!strcmp(files[f], file) && !strncmp(lab[f], "file ", 5))
			snprintf(lab[f], LABEL_MAX, "case %.*s",
				 LABEL_MAX - 6, cases[k]->id);
	}
	return lab;
}

char *redact_paths(const char *msg, char *const *files, char *const *labels,
		   size_t n)
{
	char *out = xstrdup(msg ? msg : "");
	for (size_t i = 0; i < n; i++) {
		size_t fl = strlen(files[i]), ll = strlen(labels[i]);
		char *at;
		if (!fl)
			continue;
		while ((at = strstr(out, files[i]))) {
			size_t pre = (size_t)(at - out), len = strlen(out);
			char *nw = xmalloc(len - fl + ll + 1);
			memcpy(nw, out, pre);
			memcpy(nw + pre, labels[i], ll);
			memcpy(nw + pre + ll, at + fl, len - pre - fl + 1);
			free(out);
			out = nw;
		}
	}
	return out;
}

const char *redact_event_text(const struct event *e)
{
	if (e->text && (e->type == EV_MOTION || e->type == EV_HEARING))
		return REDACT_HIDDEN;
	return e->text;
}
