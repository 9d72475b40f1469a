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

/* The digits of an A-number written as A-123-456-789, A123456789,
 * 123 456 789 ...; returns how many (up to 9), or -1 for anything else. */
static int a_digits(const char *s, char digits[10])
{
	int n = 0;
	if (*s == 'A' || *s == 'a')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n == 9)
				return -1;
			digits[n++] = *s;
		} else if (*s != '-' && *s != ' ') {
			return -1;
		}
	}
	digits[n] = 0;
	return n >= 8 ? n : -1;
}

char *redact_a_number(const char *a_number, char *out, size_t outsz)
{
	char d[10];
	if (!outsz)
		return out;
	if (!a_number) {
		out[0] = 0;
		return out;
	}
	int n = a_digits(a_number, d);
	if (n < 0)
		snprintf(out, outsz, "A-XXX-XXX-XXX");
	else
		snprintf(out, outsz, "A-XXX-XXX-%s", d + n - 3);
	return out;
}
