#!/bin/sh
# cli.sh - golden tests of the command line: check diagnostics for every
# bad file, the sample corpus is clean, assess --json is valid JSON with the
# fields of cli.md, --jobs does not change output, exit codes.
# usage: tests/cli.sh ./casewalk        UPDATE=1 rewrites the goldens.
set -u
cw=$1
gold=testdata/golden
pass=0 fail=0
export CASEWALK_TODAY=2026-11-27 LC_ALL=C.UTF-8
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# every bad file: its diagnostics, byte for byte
mkdir -p "$gold/check"
for f in testdata/bad/*.yaml testdata/bad/*.yml; do
	n=$(basename "$f")
	case $n in 28-dup-id-a.yaml) f="testdata/bad/28-dup-id-a.yaml testdata/bad/29-dup-id-b.yaml" ;; 29-*) continue ;; esac
	# shellcheck disable=SC2086
	"$cw" check --jobs 1 $f >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/out" "$gold/check/$n.out"; fi
	if [ $st -ne 1 ]; then bad "check $f: exit $st, want 1"; continue; fi
	if cmp -s "$tmp/out" "$gold/check/$n.out"; then ok; else
		bad "check $f differs from $gold/check/$n.out"; diff "$gold/check/$n.out" "$tmp/out" | head -5 >&2; fi
done

# the first diagnostic of each bad file is at the position EXPECTED.tsv says
while IFS='	' read -r file line col phrase; do
	[ -f "testdata/bad/$file" ] || continue
	case $col in 0) want="testdata/bad/$file:$line:" ;; *) want="testdata/bad/$file:$line:$col:" ;; esac
	out=$("$cw" check --jobs 1 testdata/bad 2>/dev/null | grep -F -- "$want" | grep -F -- "$phrase" | head -1)
	[ -n "$out" ] && ok || bad "EXPECTED.tsv: $file $line:$col '$phrase'"
done < testdata/bad/EXPECTED.tsv

# the sample corpus is clean: nothing on stdout, exit 0
if [ -z "$("$cw" check testdata/cases 2>/dev/null)" ] && "$cw" check testdata/cases 2>/dev/null; then ok; else bad "testdata/cases is not clean"; fi
# implausible dates are warnings: check prints them, exits 0 and says so;
# --as-of moves the date an event is "after"
printf 'format: casewalk/1\nid: W1\nperson: {born: 1990-01-01}\nevents:\n  - {date: 1989-06, type: entry}\n  - {date: 2026-12-01, type: encounter}\n  - {date: 2027-01-05, type: hearing, scheduled: true}\n' >"$tmp/w.yaml"
"$cw" check "$tmp/w.yaml" >"$tmp/wout" 2>"$tmp/werr"; st=$?
if [ $st -eq 0 ] && [ "$(grep -c ': warning: ' "$tmp/wout")" -eq 2 ] &&
   grep -q "w.yaml:5:12: warning: birth date after an event" "$tmp/wout" &&
   grep -q "w.yaml:6:12: warning: event after the as-of date (left out of the evaluation)" "$tmp/wout" &&
   grep -qx 'casewalk: 1 file, 1 case: no errors, 2 warnings' "$tmp/werr"
then ok; else bad "check with warnings only: exit $st"; cat "$tmp/wout" "$tmp/werr" >&2; fi
"$cw" check --as-of 2027-06-01 "$tmp/w.yaml" >"$tmp/wout" 2>"$tmp/werr"; st=$?
if [ $st -eq 0 ] && [ "$(grep -c ': warning: ' "$tmp/wout")" -eq 1 ] &&
   ! grep -q "as-of date" "$tmp/wout"; then ok; else bad "check --as-of moves the warnings"; cat "$tmp/wout" >&2; fi
"$cw" check "$tmp/w.yaml" testdata/bad/23-manner-swam.yaml >/dev/null 2>"$tmp/werr"; st=$?
if [ $st -eq 1 ] && grep -qx 'casewalk: 2 files, 1 case: 1 error, 2 warnings in 1 file; 1 case left out' "$tmp/werr"
then ok; else bad "check with errors and warnings: exit $st"; cat "$tmp/werr" >&2; fi
# hostile but valid files load, and nothing raw reaches the output
if "$cw" check testdata/hostile-valid >/dev/null 2>&1; then ok; else bad "hostile-valid does not load"; fi
if "$cw" assess testdata/hostile-valid | LC_ALL=C grep -q "$(printf '\033')"; then bad "raw ESC in assess text"; else ok; fi

# assess --json: valid JSON, cli.md fields, same with 1 and 2 jobs
"$cw" assess --json --jobs 1 testdata/cases >"$tmp/j1"
"$cw" assess --json --jobs 2 testdata/cases >"$tmp/j2"
if cmp -s "$tmp/j1" "$tmp/j2"; then ok; else bad "--jobs 1 and --jobs 2 differ"; fi
if python3 - "$tmp/j1" <<'PY'
import json, sys
need = ["id", "file", "line", "path", "hearing", "as_of", "facts", "penalties", "relief", "alternative"]
pen = ["rule", "title", "cite", "from", "until", "years", "running", "waiver"]
rel = ["rule", "title", "cite", "status", "unmet", "unknown"]
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); n += 1
    assert all(k in d for k in need), d.keys()
    for side in (d, d["alternative"]):
        for p in side["penalties"]:
            assert all(k in p for k in pen), p
        for r in side["relief"]:
            assert all(k in r for k in rel), r
            assert r["status"] in ("granted", "eligible", "possible", "ineligible", "forfeited", "barred")
assert n >= 40, n
PY
then ok; else bad "assess --json is not valid or lacks fields"; fi
# hostile but valid strings (controls, bidi, quotes, odd UTF-8) stay JSON
"$cw" assess --json testdata/hostile-valid >"$tmp/hv" 2>/dev/null
if [ -s "$tmp/hv" ] && python3 -c "
import json, sys
for line in open(sys.argv[1], encoding='utf-8'):
    json.loads(line)" "$tmp/hv"; then ok; else bad "assess --json of hostile-valid is not JSON"; fi
"$cw" assess --json testdata/cases/e06a-felipe-voluntary-return.yaml >"$tmp/e06a"
if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/e06a" "$gold/assess-e06a.json"; fi
if cmp -s "$tmp/e06a" "$gold/assess-e06a.json"; then ok; else bad "assess E06a differs from golden"; fi
"$cw" stats --json testdata/cases >"$tmp/stats"
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['cases']>=40 and 'by_path' in d and 'relief' in d" "$tmp/stats"; then ok; else bad "stats --json"; fi
"$cw" assess --csv testdata/cases >"$tmp/csv"
# cli.md's columns first, then those of revision 2 (CRLF rows: RFC 4180)
if head -1 "$tmp/csv" | tr -d '\r' | grep -qx 'id,file,path,hearing,penalties,bar_until,relief_possible,relief_forfeited,name,line,bar,bar_running,relief_open,earliest_no_waiver,earliest_with_waivers'; then ok; else bad "csv header"; fi
# a subcommand with nothing after it
"$cw" rules >/dev/null 2>&1 && ok || bad "casewalk rules (no arguments)"
if "$cw" rules --json | python3 -c "import json,sys; [json.loads(l) for l in sys.stdin]"; then ok; else bad "rules --json"; fi
# rules --changes FROM TO: what a recount of rules --json under each law
# finds (rules in or out of force, another way out, another value), the
# same in text; named dates (a year, an era); a bad date is a usage error
"$cw" rules --json --law-as-of 2010-12-31 >"$tmp/law1"
"$cw" rules --json --law-as-of 2026-11-27 >"$tmp/law2"
"$cw" rules --json --changes 2010 today >"$tmp/chg"
if python3 - "$tmp/law1" "$tmp/law2" "$tmp/chg" <<'PY'
import json, sys
def load(f):
    rules, params = {}, {}
    for l in open(f, encoding="utf-8"):
        d = json.loads(l)
        if "id" in d: rules[d["id"]] = d.get("waiver")
        if "parameter" in d: params[d["parameter"]] = d.get("value")
    return rules, params
(r1, p1), (r2, p2) = load(sys.argv[1]), load(sys.argv[2])
want = set()
for i in set(r1) | set(r2):
    if (i in r1) != (i in r2): want.add(("rule_in" if i in r2 else "rule_out", i))
    elif r1[i] != r2[i]: want.add(("waiver", i))
for i in p1:
    if p1[i] != p2[i]: want.add(("parameter", i))
got = set()
for l in open(sys.argv[3], encoding="utf-8"):
    d = json.loads(l)
    got.add((d["change"], d.get("rule") or d.get("parameter")))
assert want == got and want, (want ^ got)
PY
then ok; else bad "rules --changes differs from a recount of rules --json"; fi
"$cw" rules --changes 2010 2026-11-27 >"$tmp/chgt"
if head -1 "$tmp/chgt" | grep -q "not legal advice" &&
   grep -q "^What changes from the law of 2010-12-31 to the law of 2026-11-27 .*: $(wc -l <"$tmp/chg") changes$" "$tmp/chgt" &&
   grep -q "^parameter stop_time_any_nta: true under the law of 2010-12-31, false under the law of 2026-11-27$" "$tmp/chgt"
then ok; else bad "rules --changes text"; cat "$tmp/chgt" >&2; fi
[ -z "$("$cw" rules --json --changes 2020-01-01 2020-01-01)" ] && ok || bad "rules --changes D D is not empty"
# an era by name is its first day; a year its last
"$cw" rules --changes morton_2011 2012-06 | grep -q "from the law of 2011-03-02 to the law of 2012-06-30 " &&
	ok || bad "rules --changes: an era by name, a month"
"$cw" rules --changes 2010 soon >/dev/null 2>"$tmp/cerr"; st=$?
[ $st -eq 2 ] && grep -q "'soon' is not a date" "$tmp/cerr" && ok || bad "rules --changes with a bad date: exit $st"
"$cw" rules --changes 2010 >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "rules --changes with one date"
"$cw" assess --changes 2010 2011 testdata/cases >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "assess --changes must be a usage error"
# list --filter picks exactly the cases a recount of assess --json finds
# (issue 11: RULE=STATUS, penalty=RULE, bar=running, RULE=now:S, relief=S)
"$cw" assess --json testdata/cases >"$tmp/all"
for f in "cancel_nonlpr=possible" "penalty=bar_9B_10yr" "bar=running" \
	 "asylum=now:available" "relief=then:denied" "penalty=civil_penalty_1324d:possible"; do
	"$cw" list --json --filter "$f" testdata/cases >"$tmp/lf" 2>"$tmp/lferr"
	if python3 - "$f" "$tmp/all" "$tmp/lf" <<'PY'
import json, sys
f, all_, got = sys.argv[1], sys.argv[2], sys.argv[3]
key, val = f.split("=", 1)
def holds(d):
    if key == "bar": return d["bar_running"] is True
    if key == "penalty":
        rule, _, mode = val.partition(":")
        return any(p["rule"] == rule and bool(p.get("possible")) == (mode == "possible")
                   for p in d["penalties"])
    if key == "relief":
        kind, st = val.split(":")
        return any(r[kind]["status"] == st for r in d["relief"])
    for r in d["relief"]:
        if r["rule"] == key:
            if ":" in val:
                kind, st = val.split(":")
                return r[kind]["status"] == st
            return r["status"] == val
    raise SystemExit("no rule " + key)
want = [d["id"] for d in map(json.loads, open(all_, encoding="utf-8")) if holds(d)]
have = [json.loads(l)["id"] for l in open(got, encoding="utf-8")]
assert sorted(want) == sorted(have) and want, (f, set(want) ^ set(have))
PY
	then ok; else bad "list --filter '$f' differs from a recount of assess --json"; cat "$tmp/lferr" >&2; fi
done
# a filter's error names the terms as written, never the stand-ins the
# expression compiler sees (__t0, ...)
# (two terms side by side both hold; a fact before a term is an error)
"$cw" list --filter "departures hearing=no" testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
[ $st -eq 2 ] && grep -q "unexpected 'hearing=no'" "$tmp/ferr" && ! grep -q "__t" "$tmp/ferr" &&
	ok || bad "filter error shows an internal name: $(cat "$tmp/ferr")"
# text output starts with the disclaimer
if "$cw" assess testdata/cases/e01-ana-180-days.yaml | head -1 | grep -q "not legal advice"; then ok; else bad "no disclaimer"; fi
# exit codes: usage 2, bad rules 2, errors 1, closed pipe quiet
"$cw" --bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "usage error exit"
printf 'format: casewalk-rules/1\nrules:\n  - {id: x, kind: penalty, title: t, cite: c, when: [{text: t, expr: "up_dayz > 1"}], clock: {from: as_of}}\n' >"$tmp/r.yaml"
"$cw" assess --rules "$tmp/r.yaml" testdata/cases >/dev/null 2>"$tmp/rerr"; st=$?
if [ $st -eq 2 ] && grep -q "r.yaml:3:.*unknown fact 'up_dayz'" "$tmp/rerr"; then ok; else bad "bad rules: exit $st"; cat "$tmp/rerr" >&2; fi
"$cw" assess testdata/cases 2>/dev/null | head -1 >/dev/null; ok
"$cw" --version | grep -q '^casewalk ' && ok || bad "--version"
# --redact keeps names out of check's source excerpts
if "$cw" check --redact testdata/bad/04-name-is-mapping.yaml 2>/dev/null | grep -q '^    '; then bad "check --redact shows source"; else ok; fi
"$cw" stats --csv testdata/cases >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "stats --csv must be a usage error"
# a failing rules test says what differed, and the run ends "N passed, M failed"
printf 'format: casewalk-test/1\ntests:\n  - name: wrong on purpose\n    case: %s/testdata/cases/e02-bruno-181-days.yaml\n    as_of: 2026-11-27\n    expect: {penalties: {bar_9B_3yr: {until: 2012-12-30}}}\n' "$PWD" >"$tmp/f.yaml"
"$cw" test "$tmp/f.yaml" >"$tmp/fout" 2>&1; st=$?
if [ $st -eq 1 ] && grep -q "penalty bar_9B_3yr until: expected 2012-12-30, got 2012-12-29" "$tmp/fout" && tail -1 "$tmp/fout" | grep -qx "0 passed, 1 failed"; then ok; else bad "a failing rules test"; cat "$tmp/fout" >&2; fi
printf 'tests: []\n' >"$tmp/t.yaml"
"$cw" test "$tmp/t.yaml" >/dev/null 2>&1; [ $? -eq 1 ] && ok || bad "a test file without format must fail"
# reduced precision prints as it is known: a year-only departure
printf 'format: casewalk/1\nid: P1\nperson: {}\nevents:\n  - {date: 1999, type: entry, manner: without_inspection}\n  - {date: "2003", type: departure, kind: self}\n' >"$tmp/p.yaml"
if "$cw" assess --json "$tmp/p.yaml" | python3 -c "
import json,sys
d=json.loads(sys.stdin.readline())
p=[x for x in d['penalties'] if x['rule']=='bar_9B_10yr'][0]
assert p['from']=='2003' and p['until']=='2013', p"; then ok; else bad "year precision in assess --json"; fi
"$cw" --help | grep -q 'not legal advice' && ok || bad "--help"
# one count (issue 11): list --filter, stats --json and a recount of
# assess --json agree on the sample cases
if python3 tests/agree.py "$cw" 2026-12-01 testdata/cases >"$tmp/agree" 2>&1; then ok; else bad "list, stats and assess disagree"; cat "$tmp/agree" >&2; fi
# a filter that names nothing real is an error with a suggestion, exit 2
"$cw" list --filter cancel=possible testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
if [ $st -eq 2 ] && grep -q "did you mean cancel_nonlpr" "$tmp/ferr"; then ok; else bad "list --filter cancel=possible"; cat "$tmp/ferr" >&2; fi
# the issue's relief=cancel: a relief's name where a status goes
"$cw" list --filter relief=cancel testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
if [ $st -eq 2 ] && grep -q "did you mean cancel_nonlpr=possible" "$tmp/ferr"; then ok; else bad "list --filter relief=cancel"; cat "$tmp/ferr" >&2; fi
"$cw" stats --filter "relief=posible" testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
if [ $st -eq 2 ] && grep -q "did you mean possible" "$tmp/ferr"; then ok; else bad "stats --filter relief=posible"; cat "$tmp/ferr" >&2; fi
"$cw" assess --filter "bar=runing" testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
if [ $st -eq 2 ] && grep -q "did you mean running" "$tmp/ferr"; then ok; else bad "assess --filter bar=runing"; cat "$tmp/ferr" >&2; fi
# a mistyped command says so (as git does), unless a file of that name exists
"$cw" asses testdata/cases >/dev/null 2>"$tmp/ferr"; st=$?
if [ $st -eq 2 ] && grep -q "did you mean assess" "$tmp/ferr"; then ok; else bad "casewalk asses"; cat "$tmp/ferr" >&2; fi
# (the explorer then opens it: with TERM=dumb it refuses the terminal, not
# the word)
mkdir -p "$tmp/asses"
cwabs=$(cd "$(dirname "$cw")" && pwd)/$(basename "$cw")
(cd "$tmp" && TERM=dumb "$cwabs" asses </dev/null >/dev/null 2>"$tmp/ferr2")
if ! grep -q "not a command" "$tmp/ferr2" && grep -qi "term" "$tmp/ferr2"; then ok; else bad "a folder named like a command is a path"; cat "$tmp/ferr2" >&2; fi
# list --csv: RFC 4180 rows, and a hostile name is inert in a spreadsheet
printf 'format: casewalk/1\nid: H1\nperson: {name: "=HYPERLINK(1,2)"}\nevents:\n  - {date: 2005-01-01, type: entry, manner: without_inspection}\n' >"$tmp/h.yaml"
"$cw" list --csv "$tmp/h.yaml" >"$tmp/h.csv"
if sed -n 2p "$tmp/h.csv" | grep -q '^H1,"'"'"'=HYPERLINK(1,2)",' && sed -n 2p "$tmp/h.csv" | grep -q "$(printf '\r')\$"; then ok; else bad "list --csv hostile name"; cat -A "$tmp/h.csv" >&2; fi
# casewalk test: a plain penalty id matches any of its instances, the 65th
# and later too (70 stays of 200 days, each departure a three-year bar; the
# last one's is asked for)
awk 'BEGIN {
	print "format: casewalk/1\nid: T70\nperson: {name: \"Seventy Trips\", born: 1970-01-01, nationality: MX}\nevents:"
	for (i = 0; i < 70; i++) {
		printf "  - {date: %s, type: entry, manner: without_inspection}\n", d(i * 210)
		printf "  - {date: %s, type: departure, kind: self}\n", d(i * 210 + 200)
	}
}
# day n after 2000-01-01 as YYYY-MM-DD (the civil calendar, 2000-2099)
function d(n,   y, m, dim) {
	y = 2000; m = 1
	split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ")
	n++
	for (;;) {
		len = dim[m] + (m == 2 && y % 4 == 0)
		if (n <= len) break
		n -= len; m++
		if (m > 12) { m = 1; y++ }
	}
	return sprintf("%04d-%02d-%02d", y, m, n)
}' >"$tmp/c70.yaml"
last=$(grep departure "$tmp/c70.yaml" | tail -1 | sed 's/.*date: \([0-9-]*\).*/\1/')
printf 'format: casewalk-test/1\ntests:\n  - name: the 70th departure\n    case: c70.yaml\n    as_of: 2040-06-01\n    expect:\n      penalties:\n        bar_9B_3yr: {from: %s}\n' "$last" >"$tmp/t70.yaml"
if [ "$last" = 2040-03-21 ] && "$cw" test "$tmp/t70.yaml" >"$tmp/t70.out" 2>&1; then ok; else bad "test: the 70th instance of a penalty ($last)"; cat "$tmp/t70.out" >&2; fi
# issue 12: text assess when no priorities framework was in force on the
# encounter says so once, not "no framework, no_framework"
"$cw" assess testdata/cases/tps-2011-0305-wideline-joseph.yaml >"$tmp/pd"
if grep -qx '  priorities (policy, not law) on the encounter of 2006-11-20: no framework in force' "$tmp/pd" &&
   ! grep -q 'no_framework' "$tmp/pd"; then ok; else bad "text assess: no framework in force"; grep priorities "$tmp/pd" >&2; fi
# a clock whose start is not on file reads "from (unknown)", never "from  until"
# (a trainer's rules file: the built-in rules and one rule more)
awk '/^policies:/ && !done { print "  - id: start_not_on_file\n    kind: document\n    for_each: stay\n    title: A clock that starts on a date not on file\n    cite: INA 222(g)\n    when:\n      - text: stayed past the period a nonimmigrant admission authorized\n        expr: stay.overstayed\n    clock: {from: asylum_filed_date, years: 3, convention: none}\n    waiver: None\n"; done = 1 } { print }' config/rules.yaml >"$tmp/unk-rules.yaml"
"$cw" assess --rules "$tmp/unk-rules.yaml" testdata/cases/e02-bruno-181-days.yaml >"$tmp/unk" 2>&1
if grep -q '^  penalty start_not_on_file#1  *? from (unknown) until (unknown)  \[INA 222(g)\]$' "$tmp/unk" &&
   ! grep -q 'from  *until' "$tmp/unk"; then ok; else bad "text assess: from (unknown)"; grep -i 'start_not\|error' "$tmp/unk" >&2; fi
# assess --json lists every fact a criterion names, here a hundred (a
# trainer's rules file: the registry with one criterion more; issue 12)
awk 'function bal(lo, hi,   m) {
	if (hi - lo == 1) return sprintf("gen_f%03d", lo)
	m = int((lo + hi) / 2)
	return "(" bal(lo, m) " or " bal(m, hi) ")"
}
/^derive:/ { print; for (i = 0; i < 100; i++) printf "  - id: gen_f%03d\n    text: generated fact %d\n    cite: INA 101\n    expr: lpr\n", i, i; next }
/^  - id: registry$/ { reg = 1 }
reg && /^    when:$/ { print; printf "      - text: one of a hundred facts\n        expr: not %s\n", bal(0, 100); reg = 0; next }
{ print }' config/rules.yaml >"$tmp/f100-rules.yaml"
"$cw" assess --json --rules "$tmp/f100-rules.yaml" testdata/cases/e01-ana-180-days.yaml >"$tmp/f100" 2>&1
if python3 -c "
import json, sys
d = json.loads(open(sys.argv[1]).readline())
reg = [x for x in d['relief'] if x['rule'] == 'registry'][0]
c = [k for k in reg['criteria'] if k['text'] == 'one of a hundred facts'][0]
assert c['facts'] == ['gen_f%03d' % i for i in range(100)], len(c['facts'])" "$tmp/f100"
then ok; else bad "assess --json: a criterion's hundred facts"; head -c 300 "$tmp/f100" >&2; fi
echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
