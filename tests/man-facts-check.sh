#!/bin/sh
# man-facts-check.sh - fails when the list of facts in man/casewalk-rules.5
# (the lines between ".\" BEGIN FACTS" and ".\" END FACTS"), or its copy
# man/casewalk-facts.inc, differs from what tools/gen-facts-man.sh makes
# of src/facts_list.h (the facts of the case) and src/items.h with the
# scope_defs table of src/facts.c (the facts of each event), so the page
# cannot go stale.
# usage: tests/man-facts-check.sh [CASEWALK]   (the argument is not needed)
# To fix: tools/gen-facts-man.sh, then paste man/casewalk-facts.inc between
# the two marker lines of man/casewalk-rules.5.
set -u
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-facts.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

if ! tools/gen-facts-man.sh "$tmp/facts"; then
	echo "man-facts-check: tools/gen-facts-man.sh failed"
	echo "0 passed, 1 failed"
	exit 1
fi

check() {	# name file
	if [ ! -f "$2" ]; then
		echo "FAIL $1: $2 is missing"
		fail=$((fail + 1))
	elif diff -u "$tmp/facts" "$2" >"$tmp/diff"; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: differs from src/facts_list.h, src/items.h and facts.c's scope_defs:"
		sed 's/^/    /' "$tmp/diff" | head -40
		fail=$((fail + 1))
	fi
}

check "man/casewalk-facts.inc" man/casewalk-facts.inc

# The section of the page: the lines strictly between the markers, which
# must each stand once, BEGIN before END.
page=man/casewalk-rules.5
if [ ! -f "$page" ]; then
	check "FACTS of $page" "$page"
else
	begin=$(grep -c '^\.\\" BEGIN FACTS$' "$page")
	end=$(grep -c '^\.\\" END FACTS$' "$page")
	if [ "$begin" -ne 1 ] || [ "$end" -ne 1 ]; then
		echo "FAIL FACTS of $page: expected one '.\\\" BEGIN FACTS'" \
		     "and one '.\\\" END FACTS' line, found $begin and $end"
		fail=$((fail + 1))
	else
		awk '/^\.\\" END FACTS$/ { inside = 0 }
		     inside
		     /^\.\\" BEGIN FACTS$/ { inside = 1 }' "$page" \
			>"$tmp/section"
		check "FACTS of $page" "$tmp/section"
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
