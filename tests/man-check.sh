#!/bin/sh
# man-check.sh - fails when the KEYS section of man/casewalk.1, or its copy
# man/casewalk-keys.inc, differs from what the explorer's action table
# (ui/actions.h) generates through tools/keysman.c.
# usage: tests/man-check.sh [CASEWALK]   (the argument is not needed)
# To fix: tools/keysman > man/casewalk-keys.inc, and paste that file over
# the KEYS section of man/casewalk.1.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-man.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

if ! ${CC:-cc} -std=c11 -Wall -o "$tmp/keysman" tools/keysman.c; then
	echo "man-check: cannot build tools/keysman.c"
	echo "0 passed, 1 failed"
	exit 1
fi
"$tmp/keysman" >"$tmp/keys" || exit 1

check() {	# name file
	if [ ! -f "$2" ]; then
		echo "FAIL $1: $2 is missing"
		fail=$((fail + 1))
	elif diff -u "$tmp/keys" "$2" >"$tmp/diff"; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: differs from the action table:"
		sed 's/^/    /' "$tmp/diff" | head -40
		fail=$((fail + 1))
	fi
}

check "man/casewalk-keys.inc" man/casewalk-keys.inc

# The KEYS section: the lines between the BEGIN KEYS and END KEYS markers.
if [ -f man/casewalk.1 ]; then
	awk '/^\.\\" END KEYS/ { keys = 0 } keys; /^\.\\" BEGIN KEYS/ { keys = 1 }' \
		man/casewalk.1 >"$tmp/section"
	check "KEYS of man/casewalk.1" "$tmp/section"
else
	check "KEYS of man/casewalk.1" man/casewalk.1
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
