#!/bin/sh
# practice.sh - what goes into the client file, the calendar and the
# spreadsheet (issue 16): memo goldens (text and Markdown, several worked
# examples, redacted), the PDF memo rendered (pdftoppm: one or two pages;
# pdftotext: the expected text), deadlines --ics parsed by a real
# iCalendar parser (python3-icalendar), CSV with hostile names checked
# byte by byte, check's warning of a second file for the same person, and
# that nothing of a case is written outside the file named.
#
# usage: tests/practice.sh ./casewalk      UPDATE=1 rewrites the memo goldens
# The tools come from scripts/install-deps.sh (make deps-check installs
# them): a missing one is a failure that names its package, never a skip.
set -u
cw=$1
case $cw in /*) ;; *) cw=$PWD/$cw ;; esac
gold=testdata/golden/memo
pass=0 fail=0
export CASEWALK_TODAY=2026-11-27 LC_ALL=C.UTF-8 TZ=UTC
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# a tool install-deps.sh provides: missing is a failure, with its package
need() {	# command package
	command -v "$1" >/dev/null 2>&1 && return 0
	bad "$1 is missing: scripts/install-deps.sh check installs $2"
	return 1
}
# the Debian python3 serves python3-icalendar (another may come first)
PY=
for p in python3 /usr/bin/python3; do
	command -v "$p" >/dev/null 2>&1 && "$p" -c 'import icalendar' 2>/dev/null &&
		{ PY=$p; break; }
done

# ---- memo goldens ---------------------------------------------------------
memo_gold() {	# golden-name args...
	name=$1
	shift
	"$cw" memo "$@" >"$tmp/m" 2>"$tmp/merr"
	st=$?
	if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/m" "$gold/$name"; fi
	if [ $st -ne 0 ]; then bad "memo $name: exit $st"; sed 's/^/    /' "$tmp/merr" >&2
	elif cmp -s "$tmp/m" "$gold/$name"; then ok
	else bad "memo $name differs from $gold/$name"; diff "$gold/$name" "$tmp/m" | head -10 >&2; fi
}
mkdir -p "$gold"
for e in e06a-felipe-voluntary-return e09-irina-vd-overstayed \
	 e10-jorge-in-absentia e23-lidia-rescinded-in-absentia \
	 e34-lucas-false-claim; do
	id=${e%%-*}
	memo_gold "$id.txt" "testdata/cases/$e.yaml"
	memo_gold "$id.md" --format md "testdata/cases/$e.yaml"
done
memo_gold e09-redacted.txt --redact testdata/cases/e09-irina-vd-overstayed.yaml
memo_gold e23-redacted.md --redact --format md testdata/cases/e23-lidia-rescinded-in-absentia.yaml

# the text memo: lines of at most 78 columns, no raw control byte, the
# disclaimer; the sections the issue asks for
for f in "$gold"/*.txt; do
	if python3 -c "
import sys, unicodedata
for l in open(sys.argv[1], encoding='utf-8'):
    l = l.rstrip('\n')
    w = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l)
    assert w <= 78 and not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in l), l" "$f"
	then ok
	else bad "$f: a line over 78 columns or a control byte"; fi
done
for s in "PATH AND HEARING" "BARS AND OTHER CONSEQUENCES" "TIMELINE OF THE BARS" \
	 "RELIEF THEN AND NOW" "EARLIEST LAWFUL RETURN" "DEADLINES" \
	 "FACTS STILL UNKNOWN" "CITATIONS" "not legal advice"; do
	grep -q "$s" "$gold/e10.txt" && ok || bad "memo e10.txt has no '$s'"
done
# redacted: the pseudonym, the A-number masked whole, the year of birth,
# the case id for the file, no notes; and nothing of the person's
for f in "$gold/e09-redacted.txt" "$gold/e23-redacted.md"; do
	if grep -q 'A-XXX-XXX-XXX' "$f" && grep -q '(the year only)' "$f" &&
	   grep -q 'case E' "$f" && ! grep -qi 'notes in the case file\|testdata/' "$f"
	then ok; else bad "$f is not redacted as it should be"; fi
done
if grep -q 'Волкова\|Volkova\|088-641-205\|1977-04-23' "$gold/e09-redacted.txt" ||
   grep -q 'Lidia\|Ochoa\|211-560-839\|1992-08-25' "$gold/e23-redacted.md"
then bad "a redacted memo shows the person"; else ok; fi

# a file with several cases needs an ID; a bad format is a usage error
"$cw" memo testdata/cases/fy2010-vr-batch-export.yaml >/dev/null 2>"$tmp/e"; st=$?
if [ $st -eq 2 ] && grep -q 'name one' "$tmp/e"; then ok; else bad "memo of a stream without ID: exit $st"; fi
id=$(grep -m1 '^id:' testdata/cases/fy2010-vr-batch-export.yaml | sed 's/^id: *//')
"$cw" memo testdata/cases/fy2010-vr-batch-export.yaml "$id" >"$tmp/m" 2>/dev/null &&
	grep -q "case $id" "$tmp/m" && ok || bad "memo of a stream with ID $id"
"$cw" memo --format rtf testdata/cases/e10-jorge-in-absentia.yaml >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "memo --format rtf must be a usage error"
"$cw" list --format md testdata/cases >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--format outside memo must be a usage error"

# ---- the PDF --------------------------------------------------------------
if need groff groff && need pdftoppm poppler-utils && need pdftotext poppler-utils; then
	for e in e10-jorge-in-absentia e19-marisol-per-removal-9a e34-lucas-false-claim; do
		out=$tmp/$e.pdf
		# TMPDIR points nowhere we may write: groff's temporary files must
		# go to the private directory instead
		if ! env XDG_RUNTIME_DIR="$tmp/run" TMPDIR=/nonexistent "$cw" memo \
			-o "$out" "testdata/cases/$e.yaml" 2>"$tmp/perr"; then
			bad "memo -o $e.pdf failed"; sed 's/^/    /' "$tmp/perr" >&2; continue
		fi
		head -c 5 "$out" | grep -q '%PDF-' && ok || bad "$e.pdf is not a PDF"
		rm -f "$tmp/png"-*.png
		pdftoppm -r 40 -png "$out" "$tmp/png" 2>"$tmp/pperr" || bad "pdftoppm $e.pdf"
		n=$(ls "$tmp/png"-*.png 2>/dev/null | wc -l)
		if [ "$n" -ge 1 ] && [ "$n" -le 2 ]; then ok; else bad "$e.pdf has $n pages (one or two wanted)"; fi
		pdftotext "$out" "$tmp/pdf.txt"
		for s in "Case review memo" "PATH AND HEARING" "TIMELINE OF THE BARS" \
			 "RELIEF THEN AND NOW" "EARLIEST LAWFUL RETURN" "DEADLINES" \
			 "CITATIONS" "not legal advice"; do
			grep -q "$s" "$tmp/pdf.txt" && ok || bad "$e.pdf: no '$s' in pdftotext"
		done
	done
	grep -q 'Jorge Batista' "$tmp/pdf.txt" 2>/dev/null || true
	pdftotext "$tmp/e10-jorge-in-absentia.pdf" - | grep -q 'Jorge Batista' && ok ||
		bad "the PDF memo lacks the client's name"
	# a name outside the fonts' range: shown as <U+code>, never dropped
	"$cw" memo -o "$tmp/h.pdf" testdata/practice/hearing.yaml 2>/dev/null
	if pdftotext "$tmp/h.pdf" - | tr -d '\n' | grep -q 'U+0418'; then ok; else bad "a Cyrillic letter vanished from the PDF"; fi
	# the format follows the name; a PDF is not for a terminal; the same
	# PDF on stdout into a pipe
	"$cw" memo -o "$tmp/x.md" testdata/cases/e10-jorge-in-absentia.yaml &&
		head -1 "$tmp/x.md" | grep -q '^# Case review memo' && ok || bad "memo -o x.md is not Markdown"
	"$cw" memo --format pdf testdata/cases/e10-jorge-in-absentia.yaml | head -c 5 | grep -q '%PDF-' &&
		ok || bad "memo --format pdf into a pipe"
	# nothing left in the private directory, nothing beside the output
	if [ -z "$(ls -A "$tmp/run/casewalk" 2>/dev/null)" ]; then ok; else bad "files left in the private directory: $(ls "$tmp/run/casewalk")"; fi
fi
# the memo is written only where -o says: the directory holds the memo
# and nothing else (no temporary file left over)
mkdir "$tmp/only"
"$cw" memo -o "$tmp/only/memo.txt" testdata/cases/e10-jorge-in-absentia.yaml
if [ "$(ls -A "$tmp/only")" = memo.txt ]; then ok; else bad "memo -o left: $(ls -A "$tmp/only")"; fi

# the explorer's m key writes the same memo, where the prompt names it
mkdir -p "$tmp/ui/home" "$tmp/ui/run"
cat >"$tmp/ui/script" <<'EOS'
:wait-load
/E10<Enter>
<Enter>
m
:dump memo-prompt.txt
<Enter>
:dump memo-done.txt
m
<C-u>e10.md<Enter>
R
m
<C-u>e10-redacted.txt<Enter>
:dump memo-redacted.txt
EOS
(cd "$tmp/ui" && env -i PATH="$PATH" HOME="$tmp/ui/home" XDG_RUNTIME_DIR="$tmp/ui/run" \
	TZ=UTC LC_ALL=C.UTF-8 TERM=xterm COLUMNS=100 LINES=30 CASEWALK_TODAY=2026-11-27 \
	CASEWALK_SCRIPT=script "$cw" "$OLDPWD/testdata/cases" >/dev/null 2>&1)
"$cw" memo "$PWD/testdata/cases/e10-jorge-in-absentia.yaml" >"$tmp/want.txt"
if grep -q 'memo to file (.pdf, .md, else text): E10-memo.txt_' "$tmp/ui/memo-prompt.txt" &&
   grep -q 'memo written to E10-memo.txt' "$tmp/ui/memo-done.txt" &&
   cmp -s "$tmp/ui/E10-memo.txt" "$tmp/want.txt"; then ok
else bad "the m key's memo"; diff "$tmp/want.txt" "$tmp/ui/E10-memo.txt" | head -5 >&2; fi
head -1 "$tmp/ui/e10.md" 2>/dev/null | grep -q '^# Case review memo' && ok || bad "the m key: a .md name gives Markdown"
if grep -q 'redacted memo written' "$tmp/ui/memo-redacted.txt" &&
   grep -q 'A-number    none on file' "$tmp/ui/e10-redacted.txt" &&
   ! grep -q 'Jorge' "$tmp/ui/e10-redacted.txt"; then ok; else bad "the m key after R: a redacted memo"; fi

# ---- deadlines --------------------------------------------------------------
"$cw" deadlines --json testdata/cases testdata/practice >"$tmp/dl.json" 2>/dev/null
if python3 - "$tmp/dl.json" <<'PY'
import json, sys
need = ["id", "name", "kind", "title", "date", "days_left", "time", "court", "rule", "cite", "note", "possible", "file", "line"]
kinds = set()
prev = ""
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); n += 1
    assert all(k in d for k in need), d
    assert d["date"] >= prev, (prev, d["date"])
    prev = d["date"]
    kinds.add(d["kind"])
    if d["id"] == "PR-HEARING" and d["kind"] == "hearing":
        assert d["time"] == "09:30" and d["court"].startswith("San Francisco"), d
        assert d["date"] == "2027-02-16" and d["days_left"] == 81, d
want = {"hearing", "depart_by", "reopen_in_absentia", "asylum_one_year", "bar_last_day"}
assert want <= kinds, kinds
assert n > 50, n
PY
then ok; else bad "deadlines --json"; fi
"$cw" deadlines --filter 'path=vd_post' testdata/cases >"$tmp/dl.txt" 2>/dev/null
if grep -q 'depart_by' "$tmp/dl.txt" && ! grep -q '^[0-9-]* *[-0-9]* *E10 ' "$tmp/dl.txt"; then ok; else bad "deadlines --filter"; fi
"$cw" deadlines --redact testdata/practice/hearing.yaml | grep -q 'Nguy' && bad "deadlines --redact shows the name" || ok

# iCalendar: parsed by a real parser; RFC 5545's rules checked on the bytes
if [ -z "$PY" ]; then
	bad "python3-icalendar is missing: scripts/install-deps.sh check installs it"
else
	"$cw" deadlines --ics testdata/cases testdata/practice >"$tmp/a.ics" 2>/dev/null
	"$cw" deadlines --ics testdata/cases testdata/practice >"$tmp/b.ics" 2>/dev/null
	"$cw" deadlines --ics --redact testdata/practice/hearing.yaml >"$tmp/r.ics" 2>/dev/null
	if "$PY" - "$tmp/a.ics" "$tmp/b.ics" "$tmp/r.ics" <<'PY'
import sys, datetime
import icalendar
raw = open(sys.argv[1], "rb").read()
# every line ends CRLF; a physical line holds at most 75 octets
assert raw.endswith(b"\r\n")
for l in raw.split(b"\r\n")[:-1]:
    assert len(l) <= 75, l
    l.decode("utf-8")                      # never a character split
    assert not any(c < 0x20 and c != 9 for c in l), l
cal = icalendar.Calendar.from_ical(raw)
assert str(cal["VERSION"]) == "2.0" and "casewalk" in str(cal["PRODID"])
ev = list(cal.walk("VEVENT"))
assert len(ev) > 50, len(ev)
uids = [str(e["UID"]) for e in ev]
assert len(set(uids)) == len(uids), "UIDs repeat"
for e in ev:
    s, t = e["DTSTART"].dt, e["DTEND"].dt
    assert type(s) is datetime.date and type(t) is datetime.date, (s, t)
    assert t - s == datetime.timedelta(days=1), (s, t)
    assert e["DTSTAMP"].dt.tzinfo is not None
h = [e for e in ev if "PR-HEARING" in str(e["SUMMARY"]) and "hearing" in str(e["CATEGORIES"].to_ical())]
assert len(h) == 1, h
h = h[0]
assert h["DTSTART"].dt == datetime.date(2027, 2, 16)
assert "Nguyễn Thị; Hương, \\ Ирина" in str(h["SUMMARY"]), str(h["SUMMARY"])
assert str(h["LOCATION"]).startswith("San Francisco, 630 Sansome St., Room 400"), h["LOCATION"]
assert "\n" in str(h["DESCRIPTION"]) and "not legal advice" in str(h["DESCRIPTION"])
# stable across runs: the same UIDs again
b = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
assert [str(e["UID"]) for e in b.walk("VEVENT")] == uids
# redacted: the pseudonym, not the name, nor the file
r = icalendar.Calendar.from_ical(open(sys.argv[3], "rb").read())
for e in r.walk("VEVENT"):
    text = str(e["SUMMARY"]) + str(e["DESCRIPTION"])
    assert "Nguy" not in text and "testdata" not in text, text
PY
	then ok; else bad "deadlines --ics does not parse as RFC 5545 wants"; fi
fi

# ---- CSV with hostile names: the bytes --------------------------------------
for cmd in list assess deadlines; do
	"$cw" $cmd --csv testdata/practice/hostile-csv.yaml >"$tmp/h.csv" 2>/dev/null
	if python3 - "$tmp/h.csv" "$cmd" <<'PY'
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
# RFC 4180: CRLF after every row, no bare CR or LF, no control byte
assert raw.endswith(b"\r\n")
body = raw.replace(b"\r\n", b"")
assert b"\r" not in body and b"\n" not in body
assert not any(c < 0x20 or c == 0x7f for c in body), "a control byte"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
head = rows[0]
col = head.index("name")
names = {r[0]: r[col] for r in rows[1:]}
assert {"H-EQ", "H-PLUS", "H-MINUS", "H-AT", "H-TAB", "H-CR", "H-QUOTE"} <= set(names), names
for id, n in names.items():
    # nothing a spreadsheet reads as a formula, spaces before it or not
    assert n.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r"), (id, n)
assert names["H-EQ"] == "'=HYPERLINK(\"http://x.invalid\",\"click\")", names["H-EQ"]
assert names["H-PLUS"] == "'+1+1" and names["H-MINUS"] == "'-2+3"
assert names["H-AT"] == "'@SUM(A1:A2)"
# the quote, the comma and the line break: one cell, nothing lost
assert names["H-QUOTE"].startswith('Ana "La Flaca", Ruiz') and names["H-QUOTE"].endswith("second line"), names["H-QUOTE"]
# the raw bytes: the formula cell quoted, its quotes doubled
assert b"\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\"" in raw
if sys.argv[2] == "deadlines":
    court = [r[head.index("court")] for r in rows[1:] if r[0] == "H-QUOTE" and r[head.index("kind")] == "hearing"]
    assert court == ["'=cmd|' /C calc'!A0"], court
    # a negative count stays a number
    assert any(r[head.index("days_left")].startswith("-") for r in rows[1:])
PY
	then ok; else bad "$cmd --csv with hostile names"; fi
done

# ---- a second file for the same person --------------------------------------
"$cw" check testdata/practice/same-a.yaml testdata/practice/same-b.yaml >"$tmp/c" 2>"$tmp/cerr"; st=$?
if [ $st -eq 0 ] &&
   grep -qF "testdata/practice/same-a.yaml:6:13: warning: the same A-number as case 'SP-2' at testdata/practice/same-b.yaml:7:13" "$tmp/c" &&
   grep -qF "testdata/practice/same-b.yaml:7:13: warning: the same A-number as case 'SP-1' at testdata/practice/same-a.yaml:6:13" "$tmp/c" &&
   grep -qx 'casewalk: 2 files, 2 cases: no errors, 2 warnings' "$tmp/cerr"
then ok; else bad "check: the same person in two files (exit $st)"; cat "$tmp/c" "$tmp/cerr" >&2; fi
"$cw" check testdata/practice/same-a.yaml testdata/practice/same-c.yaml >"$tmp/c" 2>/dev/null
grep -qF "same-a.yaml:5:9: warning: the same name and date of birth as case 'SP-3' at testdata/practice/same-c.yaml:5:9" "$tmp/c" &&
	ok || bad "check: the same name and birth date"
"$cw" list --json testdata/practice/same-a.yaml testdata/practice/same-b.yaml testdata/practice/same-c.yaml >"$tmp/l" 2>/dev/null
if python3 -c "
import json, sys
d = {r['id']: r['same_person_as'] for r in map(json.loads, open(sys.argv[1]))}
assert d == {'SP-1': ['SP-2', 'SP-3'], 'SP-2': ['SP-1', 'SP-3'], 'SP-3': ['SP-1', 'SP-2']}, d" "$tmp/l"
then ok; else bad "list --json same_person_as"; fi
"$cw" list --csv testdata/practice/same-a.yaml testdata/practice/same-b.yaml | tail -1 | tr -d '\r' | grep -q ',SP-1,$' &&
	ok || bad "list --csv same_person_as"
# the list shows the next scheduled hearing
"$cw" list --json testdata/practice/hearing.yaml testdata/cases/e10-jorge-in-absentia.yaml >"$tmp/l" 2>/dev/null
if python3 -c "
import json, sys
d = {r['id']: r['next_hearing'] for r in map(json.loads, open(sys.argv[1]))}
assert d == {'PR-HEARING': '2027-02-16', 'E10': None}, d" "$tmp/l"
then ok; else bad "list --json next_hearing"; fi
"$cw" list --csv testdata/practice/hearing.yaml | tr -d '\r' | tail -1 | grep -q ',2027-02-16$' &&
	ok || bad "list --csv next_hearing"
# the worked examples' variants say so: no warning for them
[ -z "$("$cw" check testdata/cases 2>/dev/null)" ] && ok || bad "check testdata/cases warns"

echo "practice tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
