#!/bin/sh
# gen-facts-man.sh - writes the list of facts for casewalk-rules(5) from
# src/facts_list.h, the one table of every fact the rules may name, so the
# page cannot drift from the code: one roff .TP entry per fact, with its
# name, its type and its meaning, in table order.
#
# usage: tools/gen-facts-man.sh [OUT]
#   OUT defaults to man/casewalk-facts.inc; "-" writes to stdout.
# The same text stands in man/casewalk-rules.5 between the lines
#   .\" BEGIN FACTS   and   .\" END FACTS
# (a man page cannot include a file when it is shown); after a change to
# src/facts_list.h, run this script and paste the file there.
# tests/man-facts-check.sh fails while the two differ.
#
# The C compiler expands the X-macro table (including RELIEF_FACTS), so the
# list is exactly what facts.c compiles.  Needs ${CC:-cc}.
set -eu
cd "$(dirname "$0")/.."
out=${1:-man/casewalk-facts.inc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-facts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

cat >"$tmp/gen.c" <<'CEOF'
#include <stdio.h>
#include <string.h>

#include "facts_list.h"

/* The type is kept as its spelling (VAL_BOOL, ...): nothing else of the
 * program is needed. */
#define ROW(id, name, type, meaning) { name, #type, meaning },
static const struct {
	const char *name, *type, *meaning;
} rows[] = { FACT_LIST(ROW) };

static const char *type_word(const char *t)
{
	static const struct { const char *val, *word; } w[] = {
		{ "VAL_BOOL", "boolean" }, { "VAL_INT", "integer" },
		{ "VAL_DATE", "date" }, { "VAL_STR", "string" },
		{ "VAL_UNKNOWN", "any type" },
	};
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (!strcmp(t, w[i].val))
			return w[i].word;
	return NULL;
}

/* Text safe for roff: backslashes and hyphens escaped, no line that
 * starts with a control character. */
static void roff(const char *s, int line_start)
{
	for (size_t i = 0; s[i]; i++) {
		if (i == 0 && line_start && (s[i] == '.' || s[i] == '\''))
			fputs("\\&", stdout);
		if (s[i] == '\\')
			fputs("\\e", stdout);
		else if (s[i] == '-')
			fputs("\\-", stdout);
		else if (s[i] == '\n')
			putchar(' ');
		else
			putchar(s[i]);
	}
}

int main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *w = type_word(rows[i].type);
		if (!w) {
			fprintf(stderr, "gen-facts-man: fact %s: unknown type "
				"%s\n", rows[i].name, rows[i].type);
			return 1;
		}
		puts(".TP");
		fputs("\\fB", stdout);
		roff(rows[i].name, 0);
		printf("\\fR (%s)\n", w);
		roff(rows[i].meaning, 1);
		putchar('\n');
	}
	return 0;
}
CEOF

${CC:-cc} -std=c11 -Wall -Isrc -o "$tmp/gen" "$tmp/gen.c"
"$tmp/gen" >"$tmp/facts"
if [ "$out" = - ]; then
	cat "$tmp/facts"
else
	cp "$tmp/facts" "$out"
fi
