/* redact.c - stable pseudonyms and A-number masks; see redact.h. */
#include "redact.h"

#include <stdint.h>
#include <stdio.h>
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
