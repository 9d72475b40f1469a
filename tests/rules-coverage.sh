#!/bin/sh
# rules-coverage.sh - every rule id of config/rules.yaml is tested by a
# rules test that expects it to attach (a penalty: RULE or RULE#N with a
# mapping of fields) or expects a status of it (relief: RULE: STATUS or
# RULE: {status: ...}); "RULE: none" alone does not count.
set -u
pass=0 fail=0
# the rules only: the entries of the top-level `rules:` list
kinds=$(awk '/^[a-z]/ { inrules = ($1 == "rules:") }
	inrules && /^  - id: / { id = $3 }
	inrules && /^    kind: / { print id, $2 }' config/rules.yaml)
ids=$(echo "$kinds" | awk '{print $1}' | sort -u)
for id in $ids; do
	kind=$(echo "$kinds" | awk -v id="$id" '$1 == id {print $2; exit}')
	if [ "$kind" = relief ]; then
		pat="(^|[ {,])$id: *(granted|eligible|possible|ineligible|forfeited|barred|\{)"
	else
		pat="(^|[ {,])$id(#[0-9]+)?: *\{"
	fi
	if grep -qE "$pat" tests/rules/*.yaml; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "rule $id: no rules test in tests/rules/ expects it to attach (or gives its status)" >&2
	fi
done
echo "rules covered by tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
