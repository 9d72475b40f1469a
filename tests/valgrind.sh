#!/bin/sh
# valgrind.sh - the CLI over all test data under valgrind's memcheck.
set -u
cw=$1
export CASEWALK_TODAY=2026-11-27
fail=0
for args in "check testdata" "assess --json --jobs 2 testdata/cases" "stats testdata/cases" "test tests/rules/worked-examples.yaml"; do
	# shellcheck disable=SC2086
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$cw" $args >/dev/null 2>/tmp/cw-vg.$$
	st=$?
	if [ $st -eq 99 ]; then echo "valgrind: errors in casewalk $args" >&2; cat /tmp/cw-vg.$$ >&2; fail=$((fail + 1)); fi
done
rm -f /tmp/cw-vg.$$
echo "valgrind runs: $((4 - fail)) passed, $fail failed"
[ $fail -eq 0 ]
