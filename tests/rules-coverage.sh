#!/bin/sh
# rules-coverage.sh - every rule id of config/rules.yaml is named by some
# rules test, so no rule goes untested.
set -u
pass=0 fail=0
for id in $(sed -n 's/^  - id: \([A-Za-z0-9_]*\).*/\1/p' config/rules.yaml | sort -u); do
	if grep -qE "(^|[ {,])$id:" tests/rules/*.yaml; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "rule $id is named by no test in tests/rules/" >&2; fi
done
echo "rules covered by tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
