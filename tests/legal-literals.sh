#!/bin/sh
# legal-literals.sh - the law's dates and thresholds live in
# config/rules.yaml as cited parameters, not in C.  Fails when src/ holds a
# date literal (a "YYYY-MM-DD" string, or ymd(YYYY, ...)) anywhere, or, in
# the modules that derive facts and assess (facts*.c, assess.c, rules*.c),
# a number that is one of the law's thresholds or a year of its eras.
# Comments are not looked at.
# usage: tests/legal-literals.sh [CASEWALK]   (the argument is not needed)
set -u
cd "$(dirname "$0")/.." || exit 1
pass=0 fail=0

# C source without comments (/* ... */ and // ...), line numbers kept.
strip() {
	awk '{
		out = ""; line = $0
		while (line != "") {
			if (incom) {
				i = index(line, "*/")
				if (!i) { line = ""; break }
				line = substr(line, i + 2); incom = 0
			} else {
				i = index(line, "/*")
				if (!i) { out = out line; break }
				out = out substr(line, 1, i - 1); line = substr(line, i + 2)
				incom = 1
			}
		}
		sub(/\/\/.*/, "", out)
		print FILENAME ":" FNR ": " out
	}' "$@"
}

dates=$(strip src/*.c | grep -E '"(1[89]|20)[0-9]{2}-[0-9]{2}-[0-9]{2}"|ymd\((1[89]|20)[0-9]{2}')
if [ -n "$dates" ]; then
	echo "FAIL date literals in src/ (make them parameters of config/rules.yaml):"
	echo "$dates" | sed 's/^/    /'
	fail=$((fail + 1))
else
	echo "ok   no date literal in src/"
	pass=$((pass + 1))
fi

# the law's day counts, ages, terms and era years
nums='(18|21|90|91|180|181|183|364|365|366|730|1095|1825|1826|3650|3652|1964|1972|1996|1997|1998|2000|2001|2008|2009|2012|2013|2016|2018|2019|2021|2025|2026)'
# the code after "FILE:LINE: ", strings left out
code_has() {	# ERE
	awk -v re="$1" '{
		i = index($0, ": "); code = substr($0, i + 2)
		gsub(/"([^"\\]|\\.)*"/, "\"\"", code)
		if (code ~ re) print
	}'
}
law=$(strip src/facts*.c src/assess.c src/rules*.c |
	code_has "(^|[^A-Za-z0-9_.])$nums([^0-9A-Za-z_.]|$)")
if [ -n "$law" ]; then
	echo "FAIL legal thresholds or era years written in C (make them parameters):"
	echo "$law" | sed 's/^/    /'
	fail=$((fail + 1))
else
	echo "ok   no legal threshold or era year in the fact and assessment modules"
	pass=$((pass + 1))
fi

# and the check itself can fail
probe=$(printf 'int x = 365;\n' | awk '{print "probe.c:1: " $0}' |
	code_has "(^|[^A-Za-z0-9_.])$nums([^0-9A-Za-z_.]|$)")
if [ -n "$probe" ]; then
	pass=$((pass + 1))
else
	echo "FAIL the threshold pattern does not catch 'int x = 365;'"
	fail=$((fail + 1))
fi
echo "legal literals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
