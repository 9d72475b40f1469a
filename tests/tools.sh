#!/bin/sh
# tools.sh - the bench's tools are right, not fast (make bench times them):
#   - gencases is deterministic, one file a case or as streams, and what it
#     writes is valid: every case loads without a problem;
#   - its cases take every path of legal-reference.md section 1 and hold
#     every event type of case-format.md;
#   - assess --json gives the same bytes with --jobs 1 and --jobs 2 on them;
#   - yamlfloor parses them all (exit 0) and fails on a broken file.
#
# usage: tests/tools.sh CASEWALK GENCASES YAMLFLOOR
set -u
cw=$1 gen=$2 floor=$3
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-tools.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

"$gen" -n 3000 -o "$tmp/a" >/dev/null 2>&1 &&
	"$gen" -n 3000 -o "$tmp/b" >/dev/null 2>&1
if diff -r "$tmp/a" "$tmp/b" >/dev/null; then ok; else bad "gencases: two runs differ"; fi
"$gen" -n 3000 --seed 7 -o "$tmp/c" >/dev/null 2>&1
if ! diff -r "$tmp/a" "$tmp/c" >/dev/null; then ok; else bad "gencases: --seed changes nothing"; fi

"$cw" check "$tmp/a" >"$tmp/o" 2>"$tmp/e"
if [ $? = 0 ] && grep -q '3000 cases: no problems' "$tmp/e"; then ok
else bad "gencases: its cases do not all load"; head -5 "$tmp/o"; fi
"$gen" -n 3000 --stream 50 -o "$tmp/s" >/dev/null 2>&1
n=$(find "$tmp/s" -name '*.yaml' | wc -l)
"$cw" check "$tmp/s" >"$tmp/o" 2>"$tmp/e"
if [ $? = 0 ] && [ "$n" -eq 60 ] && grep -q '60 files, 3000 cases: no problems' "$tmp/e"
then ok; else bad "gencases --stream 50: $n files; $(cat "$tmp/e")"; fi

# every path, every event type
"$cw" stats --json --as-of 2026-11-27 "$tmp/a" >"$tmp/stats"
paths=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["by_path"]))' "$tmp/stats")
all=$(grep -c '^	X(PATH_' src/paths.h)
if [ "$paths" -eq "$all" ]; then ok; else bad "gencases: $paths of $all paths"; fi
missing=
for t in $(sed -n 's/^	X(EV_[A-Z_0-9]*, "\([a-z_0-9]*\)").*/\1/p' src/case.h); do
	grep -rqE "type: $t([,} ]|\$)" "$tmp/a" || missing="$missing $t"
done
if [ -z "$missing" ]; then ok; else bad "gencases: no event of type$missing"; fi

"$cw" assess --json --as-of 2026-11-27 --jobs 1 "$tmp/a" >"$tmp/j1"
"$cw" assess --json --as-of 2026-11-27 --jobs 2 "$tmp/a" >"$tmp/j2"
if [ -s "$tmp/j1" ] && cmp -s "$tmp/j1" "$tmp/j2"; then ok
else bad "assess --json: --jobs 1 and --jobs 2 differ on generated cases"; fi

"$floor" "$tmp/a" >"$tmp/o" 2>"$tmp/e"
if [ $? = 0 ] && grep -q '^3000 files, ' "$tmp/o"; then ok
else bad "yamlfloor: $(cat "$tmp/o" "$tmp/e")"; fi
printf 'id: [\n' >"$tmp/a/0000/zz-broken.yaml"
"$floor" "$tmp/a" >"$tmp/o" 2>"$tmp/e"
if [ $? = 1 ] && grep -q 'zz-broken.yaml' "$tmp/e"; then ok
else bad "yamlfloor: a broken file is not an error"; fi

echo "tools: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
