#!/bin/sh
# law-check.sh - fails when man/casewalk-law.7, the page that explains the
# law of the built-in rules, is out of step with the rules:
#
#   1. every id casewalk knows has an entry in the page: a ".TP" line
#      followed by ".B ID" (or ".BR ID ..."), in the section of its kind:
#      a rule in PENALTIES or RELIEF, a parameter in PARAMETERS, a derived
#      fact in DERIVED FACTS, a path and an er.* designation in PATHS, a
#      waiver route in THE WAY BACK, a pd.* framework in DISCRETION, an id
#      of any other kind anywhere.  The ids are the union of
#        - the first member of every line of `casewalk rules --json`
#          (rules "id", parameters "parameter", derived facts "derived",
#          and whatever kind a later format adds), at the default date of
#          the law and at every date on an in_force line of the rules file
#          (a rule out of force on a date is not listed for that date);
#        - every "- id: ID" and "{id: ID," of the rules file (parameters,
#          derived facts, rules, their waiver routes, and any later list
#          such as policies:), and every key of its paths: mapping;
#   2. every entry of the sections PENALTIES, RELIEF, DERIVED FACTS,
#      PARAMETERS and DISCRETION, and every er.* entry, names one of
#      those ids;
#   3. every word of the page shaped like a bar, fee, crime, enforcement
#      framework or expedited-removal id (bar_<digit>..., fee_..., crime_...,
#      civil_penalty_..., pd.X, er.X) is one of those ids;
#   4. the page renders with groff -man -ww without a warning;
#   5. SEE ALSO of man/casewalk.1 and man/casewalk-rules.5 names it.
#
# The ids in PENDING (below, empty now) are documented before the rules
# list them: checks 2 and 3 accept them while no source lists them, and
# once a source lists them they are ordinary ids.  Drop an id from PENDING
# when it lands.  The aliases of a policy (aliases: [ID, ...] in the rules
# file, such as pd.priorities_2010_2011) are accepted by checks 2 and 3
# too, and need no entry of their own.
#
# usage: tests/law-check.sh [CASEWALK]   (default ./casewalk)
# LAW_PAGE=FILE checks another page; LAW_RULES=FILE reads another rules
# file (given to casewalk rules --rules and parsed in place of
# config/rules.yaml).
set -u
cd "$(dirname "$0")/.." || exit 1
cw=${1:-./casewalk}
page=${LAW_PAGE:-man/casewalk-law.7}
rules=${LAW_RULES:-config/rules.yaml}
PENDING=""
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-law.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

for f in "$page" "$rules"; do
	if [ ! -f "$f" ]; then
		echo "law-check: $f is missing"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# ---- the ids ---------------------------------------------------------------

# casewalk rules --json, at the default date of the law and at every date of
# an in_force line.  Each line: SOURCE<TAB>ID<TAB>SECTION (the section its
# entry belongs in; empty for anywhere).
ropt=""
[ -n "${LAW_RULES:-}" ] && ropt="--rules $rules"
dates=$(grep 'in_force' "$rules" | grep -o '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' | sort -u)
: >"$tmp/json"
for d in "" $dates; do
	# shellcheck disable=SC2086
	if ! "$cw" rules $ropt ${d:+--law-as-of "$d"} --json >>"$tmp/json" 2>"$tmp/err"; then
		echo "law-check: $cw rules $ropt ${d:+--law-as-of $d} --json failed:"
		sed 's/^/    /' "$tmp/err"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if ! python3 - "$tmp/json" >"$tmp/ids.json" <<'PY'
import json, re, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    o = json.loads(line)
    key, val = next(iter(o.items()))
    if not isinstance(val, str) or not re.fullmatch(r"[A-Za-z0-9_.]+", val):
        sys.exit("rules --json line %d: first member %r is not an id" % (n, key))
    sec = {"id": "PENALTIES|RELIEF", "parameter": "PARAMETERS",
           "derived": "DERIVED FACTS"}.get(key, "")
    print("casewalk rules --json (%s)\t%s\t%s" % (key, val, sec))
PY
then
	echo "law-check: cannot read the ids of $cw rules --json"
	echo "0 passed, 1 failed"
	exit 1
fi

# The rules file: list items "- id: ID", flow mappings "{id: ID, ...}" (the
# waiver routes), and the keys of the top-level paths: mapping.
awk -v src="$rules" '
	BEGIN {
		sec["parameters"] = "PARAMETERS"; sec["derive"] = "DERIVED FACTS"
		sec["rules"] = "PENALTIES|RELIEF"; sec["policies"] = "DISCRETION"
	}
	{ sub(/[ \t]+#.*$/, "") }
	/^[^ \t#-][^:]*:/ { top = $0; sub(/:.*/, "", top) }
	/^[ \t]*- id:[ \t]*[A-Za-z0-9_.]+[ \t]*$/ {
		id = $0; sub(/.*- id:[ \t]*/, "", id); sub(/[ \t]*$/, "", id)
		print src " (" top ")\t" id "\t" sec[top]
	}
	{
		s = $0
		while (match(s, /\{id:[ \t]*[A-Za-z0-9_.]+[ \t]*,/)) {
			id = substr(s, RSTART, RLENGTH)
			sub(/^\{id:[ \t]*/, "", id); sub(/[ \t]*,$/, "", id)
			print src " (" top " route)\t" id "\tTHE WAY BACK"
			s = substr(s, RSTART + RLENGTH)
		}
	}
	top == "paths" && /^  [a-z0-9_]+:/ {
		id = $0; sub(/^  /, "", id); sub(/:.*/, "", id)
		print src " (paths)\t" id "\tPATHS"
	}' "$rules" >"$tmp/ids.yaml"

# One line an id (from the first source that names it); the frameworks and
# designations belong in their sections whatever lists them.
sort -t "$(printf '\t')" -k2,2 -u "$tmp/ids.json" "$tmp/ids.yaml" |
	awk -F '\t' -v OFS='\t' '
		$2 ~ /^pd\./ { $3 = "DISCRETION" }
		$2 ~ /^er\./ { $3 = "PATHS" }
		{ print }' >"$tmp/ids"
cut -f2 "$tmp/ids" | sort -u >"$tmp/known"
printf '%s\n' $PENDING | sed '/^$/d' | sort -u >"$tmp/pending"
# aliases: [a, b] of a policy: other names of it
sed -n 's/^[ \t]*aliases:[ \t]*\[\(.*\)\][ \t]*$/\1/p' "$rules" |
	tr ',' '\n' | sed 's/^[ \t]*//; s/[ \t]*$//; /^$/d' | sort -u >"$tmp/aliases"
sort -u "$tmp/known" "$tmp/pending" "$tmp/aliases" >"$tmp/accepted"

# ---- the entries of the page -----------------------------------------------

# SECTION<TAB>ID<TAB>LINE for every ".TP" followed by ".B ID" or ".BR ID".
awk '
	/^\.SH / { sec = $0; sub(/^\.SH[ \t]+/, "", sec); gsub(/"/, "", sec) }
	tp && /^\.BR?[ \t]/ {
		id = $2; gsub(/"/, "", id); gsub(/\\-/, "-", id); gsub(/\\&/, "", id)
		print sec "\t" id "\t" NR
	}
	{ tp = /^\.TP([ \t]|$)/ }' "$page" >"$tmp/entries"

# 1. every id has an entry, in the section of its kind
: >"$tmp/missing"
while IFS="$(printf '\t')" read -r src id want; do
	awk -F '\t' -v id="$id" -v want="$want" '
		$2 == id && (want == "" || $1 ~ ("^(" want ")$")) { found = 1 }
		END { exit !found }' "$tmp/entries" ||
		echo "     no entry for $id${want:+ in $want}, listed by $src" >>"$tmp/missing"
done <"$tmp/ids"
if [ -s "$tmp/missing" ]; then
	bad "every id has an entry in $page: $(wc -l <"$tmp/missing") missing"
	cat "$tmp/missing"
else
	ok "every id has an entry in $page ($(wc -l <"$tmp/known") ids)"
fi

# 2. every entry of the id sections names an id
awk -F '\t' '$1 == "PENALTIES" || $1 == "RELIEF" || $1 == "DERIVED FACTS" ||
	$1 == "PARAMETERS" || $1 == "DISCRETION" || $2 ~ /^er\./' \
	"$tmp/entries" >"$tmp/claimed"
: >"$tmp/stale"
while IFS="$(printf '\t')" read -r sec id line; do
	grep -qxF "$id" "$tmp/accepted" ||
		echo "     $page:$line: the entry $id ($sec) names no id the rules know" >>"$tmp/stale"
done <"$tmp/claimed"
if [ -s "$tmp/stale" ]; then
	bad "every entry of the id sections names an id: $(wc -l <"$tmp/stale") stale"
	cat "$tmp/stale"
else
	ok "every entry of the id sections names an id ($(wc -l <"$tmp/claimed") entries)"
fi

# 3. every id-shaped word names an id
awk '
	/^\.\\"/ { next }
	{
		s = $0
		gsub(/\\f[BIRP]/, " ", s); gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
		n = split(s, w, /[^A-Za-z0-9_.]+/)
		for (i = 1; i <= n; i++) {
			t = w[i]; sub(/^\.+/, "", t); sub(/\.+$/, "", t)
			if (t ~ /^bar_[0-9][A-Za-z0-9_]*$/ ||
			    t ~ /^(fee|crime|civil_penalty)_[A-Za-z0-9_]+$/ ||
			    t ~ /^(pd|er)\.[A-Za-z0-9_]+$/)
				print t "\t" NR
		}
	}' "$page" >"$tmp/words"
: >"$tmp/unknown"
while IFS="$(printf '\t')" read -r id line; do
	grep -qxF "$id" "$tmp/accepted" ||
		echo "     $page:$line: $id is no id the rules know" >>"$tmp/unknown"
done <"$tmp/words"
if [ -s "$tmp/unknown" ]; then
	bad "every bar, fee, crime, pd.* and er.* word names an id: $(wc -l <"$tmp/unknown") unknown"
	cat "$tmp/unknown"
else
	ok "every bar, fee, crime, pd.* and er.* word names an id ($(wc -l <"$tmp/words") words)"
fi

comm -23 "$tmp/pending" "$tmp/known" >"$tmp/waiting"
if [ -s "$tmp/waiting" ]; then
	echo "note pending, documented but not yet in the rules:" $(cat "$tmp/waiting")
fi

# 4. the page renders without warnings
if groff -man -Tutf8 -ww -z "$page" >"$tmp/groff" 2>&1 && [ ! -s "$tmp/groff" ]; then
	ok "$page renders without warnings"
else
	bad "$page: groff -man -Tutf8 -ww warns:"
	sed 's/^/    /' "$tmp/groff" | head -20
fi

# 5. the other pages point to it
for p in man/casewalk.1 man/casewalk-rules.5; do
	if awk '/^\.SH / { see = ($0 ~ /SEE ALSO/) }
		see && /casewalk\\-law \(7\)/ { found = 1 }
		END { exit !found }' "$p"; then
		ok "SEE ALSO of $p names casewalk-law(7)"
	else
		bad "SEE ALSO of $p does not name casewalk-law(7) (.BR casewalk\\-law (7))"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
