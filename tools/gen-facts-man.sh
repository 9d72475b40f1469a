#!/bin/sh
# gen-facts-man.sh - writes the list of facts for casewalk-rules(5) from
# the tables the rules' names come from, so the page cannot drift from the
# code: one roff .TP entry per fact, with its name, its type and its
# meaning, in table order.
#   - the facts of the whole case: src/facts_list.h (EARLY_FACT_LIST, then
#     LATE_FACT_LIST, whose entries are marked "late");
#   - then one subsection per scope of src/items.h, in the order of SCOPES,
#     each fact as SCOPE.NAME: the scope_defs table of src/facts.c (the
#     names the rules use and the DEPARTURE_FACTS, ENTRY_FACTS, ... lists
#     each scope expands), copied from facts.c into the generator so that
#     it is exactly what casewalk compiles.
# Parameters, derived facts and running_ facts come from the rules file,
# not from src/: the page sends readers to `casewalk rules` for them.
#
# usage: tools/gen-facts-man.sh [OUT]
#   OUT defaults to man/casewalk-facts.inc; "-" writes to stdout.
# The same text stands in man/casewalk-rules.5 between the lines
#   .\" BEGIN FACTS   and   .\" END FACTS
# (a man page cannot include a file when it is shown); after a change to
# src/facts_list.h, src/items.h or the scope_defs table of src/facts.c,
# run this script and paste the file there.  tests/man-facts-check.sh
# fails while the two differ.
#
# The C compiler expands the X-macro tables (RELIEF_FACTS included).
# Needs ${CC:-cc}.
set -eu
cd "$(dirname "$0")/.."
out=${1:-man/casewalk-facts.inc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-facts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# scope_defs and the per-scope arrays it points to, as facts.c defines
# them: from "#define ITEM_DEF" to "#undef SCOPE_DEF".
sed -n '/^#define ITEM_DEF(/,/^#undef SCOPE_DEF$/p' src/facts.c \
	>"$tmp/scope_defs.inc"
if ! grep -q 'scope_defs\[SC__COUNT\]' "$tmp/scope_defs.inc"; then
	echo "gen-facts-man: cannot find the scope_defs table in src/facts.c" \
	     "(between '#define ITEM_DEF(' and '#undef SCOPE_DEF')" >&2
	exit 1
fi

cat >"$tmp/gen.c" <<'CEOF'
#include <stdio.h>
#include <string.h>

#include "items.h"
#include "facts_list.h"

struct row {
	const char *name;
	int type;               /* enum value_type */
	const char *meaning;
	int late;
};

#define EARLY_ROW(id, name, type, meaning) { name, type, meaning, 0 },
#define LATE_ROW(id, name, type, meaning) { name, type, meaning, 1 },
static const struct row case_rows[] = {
	EARLY_FACT_LIST(EARLY_ROW) LATE_FACT_LIST(LATE_ROW)
};
#undef EARLY_ROW
#undef LATE_ROW

/* src/facts.c's own table (see the script). */
#include "scope_defs.inc"

static const char *type_word(int t)
{
	switch (t) {
	case VAL_BOOL: return "boolean";
	case VAL_INT: return "integer";
	case VAL_DATE: return "date";
	case VAL_STR: return "string";
	case VAL_UNKNOWN: return "any type";
	}
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

static int entry(const char *scope, const char *name, int type,
		 const char *meaning, int late)
{
	const char *w = type_word(type);
	if (!w || !name || !meaning) {
		fprintf(stderr, "gen-facts-man: fact %s%s%s: unknown type %d or "
			"no meaning\n", scope ? scope : "", scope ? "." : "",
			name ? name : "?", type);
		return 1;
	}
	puts(".TP");
	fputs("\\fB", stdout);
	if (scope) {
		roff(scope, 0);
		putchar('.');
	}
	roff(name, 0);
	printf("\\fR (%s%s)\n", w, late ? "; late" : "");
	roff(meaning, 1);
	putchar('\n');
	return 0;
}

int main(void)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof(case_rows) / sizeof(case_rows[0]); i++)
		bad |= entry(NULL, case_rows[i].name, case_rows[i].type,
			     case_rows[i].meaning, case_rows[i].late);
	for (int sc = 0; sc < SC__COUNT; sc++) {
		const struct scope_def *d = &scope_defs[sc];
		if (!d->name || !d->n_facts) {
			fprintf(stderr, "gen-facts-man: scope %d has no name or "
				"no facts in scope_defs\n", sc);
			return 1;
		}
		fputs(".SS ", stdout);
		roff(d->name, 0);
		putchar('\n');
		for (uint16_t k = 0; k < d->n_facts; k++)
			bad |= entry(d->name, d->facts[k].name,
				     d->facts[k].type, d->facts[k].meaning, 0);
	}
	return bad;
}
CEOF

${CC:-cc} -std=c11 -Wall -Werror -Isrc -I"$tmp" -o "$tmp/gen" "$tmp/gen.c"
"$tmp/gen" >"$tmp/facts"
if [ "$out" = - ]; then
	cat "$tmp/facts"
else
	cp "$tmp/facts" "$out"
fi
