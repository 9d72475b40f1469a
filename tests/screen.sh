#!/bin/sh
# screen.sh - golden screens of the explorer, through its script harness.
#
# usage: tests/screen.sh [CASEWALK]      (default ./casewalk)
#        UPDATE=1 tests/screen.sh        rewrite tests/golden/screen/
#
# Each test is a script of keys and :commands (ui/script.h) run with
# CASEWALK_SCRIPT in a sealed environment (HOME, TZ, locale, TERM, today's
# date, no user config), without a display, at 80x24 and at 120x40.  Every
# ":dump @" in a script writes the screen, which must equal
# tests/golden/screen/NAME-COLSxROWS.N.txt.  The script runs a fixed number
# of steps: nothing sleeps or waits on a clock.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cw=${1:-./casewalk}
case $cw in /*) ;; *) cw=$root/$cw ;; esac
golden=$root/tests/golden/screen
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-screen.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
made=""
cd "$root" || exit 1

# run NAME COLS ROWS SCRIPT [ARG...]: the explorer under the script; its
# screens land in $tmp/out/NAME-COLSxROWS.N.txt
run() {
	name=$1 cols=$2 rows=$3 script=$4
	shift 4
	mkdir -p "$tmp/out" "$tmp/home" "$tmp/xdg"
	awk -v p="$tmp/out/$name-${cols}x$rows" \
		'/^:dump @$/ { print ":dump " p "." ++n ".txt"; next } { print }' \
		"$script" >"$tmp/script"
	# RUN_IN: the directory to run in (relative paths keep the names
	# in the screens the same on every machine)
	(cd "${RUN_IN:-.}" && env -i PATH="$PATH" HOME="${HOMEDIR:-$tmp/home}" \
		XDG_CONFIG_HOME="${XDG:-$tmp/xdg}" \
		TZ=UTC LC_ALL="${LOCALE:-C.UTF-8}" TERM=xterm-256color \
		COLUMNS="$cols" \
		LINES="$rows" CASEWALK_TODAY=2026-11-27 TMPDIR="${TDIR:-$tmp}" \
		EDITOR="${ED_SCRIPT:-false}" CASEWALK_SCRIPT="$tmp/script" \
		"$cw" "$@" >"$tmp/stdout" 2>"$tmp/stderr")
	status=$?
}

# compare NAME COLS ROWS: every screen of the run against its golden
compare() {
	for got in "$tmp/out/$1-$2x$3".*.txt; do
		[ -f "$got" ] || { echo "FAIL $1 $2x$3: no screen dumped"; \
			fail=$((fail + 1)); return; }
		# temporary names are random: keep them out of the goldens
		sed -i -e "s|$tmp/|TMP/|g" \
			-e 's/casewalk-[A-Za-z0-9]\{6\}/casewalk-XXXXXX/g' "$got"
		want=$golden/$(basename "$got")
		made="$made $(basename "$got")"
		if [ "${UPDATE:-}" = 1 ]; then
			# the update says what it accepts: read it before
			# committing the goldens
			if [ ! -f "$want" ]; then
				echo "NEW $(basename "$got"):"
				sed 's/^/    | /' "$got"
			elif ! cmp -s "$got" "$want"; then
				echo "UPDATE $(basename "$got"):"
				diff -u "$want" "$got" | sed 's/^/    /'
			fi
			cp "$got" "$want"
		fi
		if [ ! -f "$want" ]; then
			echo "FAIL $(basename "$got"): no golden (UPDATE=1 makes it)"
			fail=$((fail + 1))
		elif cmp -s "$got" "$want"; then
			pass=$((pass + 1))
		else
			echo "FAIL $(basename "$got"):"
			diff -u "$want" "$got" | head -30 | sed 's/^/    /'
			fail=$((fail + 1))
		fi
	done
}

# t NAME [ARG...] < SCRIPT: a test at both sizes; it must exit with 0
t() {
	name=$1
	shift
	cat >"$tmp/$name.script"
	for size in "80 24" "120 40"; do
		# shellcheck disable=SC2086
		run "$name" $size "$tmp/$name.script" "$@"
		if [ "$status" -ne 0 ]; then
			echo "FAIL $name $size: exit status $status"
			sed 's/^/    /' "$tmp/stderr"
			fail=$((fail + 1))
		fi
		# shellcheck disable=SC2086
		compare "$name" $size
	done
}

# same NAME A B WHY: screens A and B of test NAME match, at both sizes
same() {
	for size in 80x24 120x40; do
		if cmp -s "$tmp/out/$1-$size.$2.txt" "$tmp/out/$1-$size.$3.txt"
		then
			pass=$((pass + 1))
		else
			echo "FAIL $1 $size: screen $2 differs from screen $3 ($4)"
			fail=$((fail + 1))
		fi
	done
}

# ---- the tests ------------------------------------------------------------

t list testdata/cases <<'EOS'
:wait-load
:dump @
G
:dump @
EOS

t list-sort testdata/cases <<'EOS'
:wait-load
ss
:dump @
o
:dump @
EOS

t list-filter testdata/cases <<'EOS'
:wait-load
fpath=voluntary hearing=no<Enter>
:dump @
f<C-u>relief=granted<Enter>
:dump @
f<C-u>up_last_stay_days >= 365 and not hearing<Enter>
:dump @
f<C-u>nonsense ===<Enter>
:dump @
EOS

t list-search testdata/cases <<'EOS'
:wait-load
/felipe<Enter>
:dump @
n
:dump @
N
:dump @
/zzz-no-such
:dump @
<Esc>
EOS

# Incremental search reuses the searches of the pattern's prefixes
# (nav.c): typing, deleting and typing again must land where a search
# typed afresh lands.
t list-search-incremental testdata/cases <<'EOS'
:wait-load
jjjj/ort
:dump @
<Backspace><Backspace>u
:dump @
<Esc>/ou
:dump @
<Backspace><Backspace>zq<Backspace><Backspace>ri
:dump @
<Esc>/ri
:dump @
<Esc>
EOS
same list-search-incremental 2 3 "typed, deleted, typed; typed afresh"
same list-search-incremental 4 5 "typed, deleted, typed; typed afresh"

# ... and forgets them when a resize rewraps the view under the prompt:
# narrow, "apprehensio" lies lower than it does wide
t case-search-resize testdata/cases <<'EOS'
:wait-load
:resize 50 24
/E06a<Enter><Enter>
/apprehensio
:resize 100 30
n
:dump @
<Esc>/apprehension
:dump @
<Esc>
EOS
same case-search-resize 1 2 "typed across a resize; typed afresh"

# Each event's one free text under its own name (case.h: a union): a
# status's class and an encounter's agency; a motion's ground; a notice's
# language is not shown
t case-event-texts testdata/cases <<'EOS'
:wait-load
/CLPR-2012-0315<Enter><Enter>
:dump @
q/TPS-2011-0305<Enter><Enter>
:dump @
q/E10<Enter><Enter>
:dump @
EOS

t case-e06a testdata/cases <<'EOS'
:wait-load
/E06a<Enter><Enter>
:dump @
<PgDn>
:dump @
<PgDn>
:dump @
G
:dump @
EOS

t compare testdata/cases <<'EOS'
:wait-load
/E06a<Enter>c
:dump @
q/IJ-2010-0201<Enter>c
:dump @
EOS

t stats testdata/cases <<'EOS'
:wait-load
S
:dump @
<PgDn>
:dump @
qfpath=vol<Enter>S
:dump @
EOS

t errors testdata/cases testdata/bad/01-unclosed-quote.yaml testdata/bad/23-manner-swam.yaml testdata/bad/28-dup-id-a.yaml testdata/bad/29-dup-id-b.yaml <<'EOS'
:wait-load
:dump @
E
:dump @
j
:dump @
EOS

# A problem with a whole file (a FIFO among the case files: not a regular
# file) has no line or column: the errors view writes it as `check` does,
# never FILE:0:0
mkdir -p "$tmp/whole/cases"
cp testdata/cases/e01-ana-180-days.yaml "$tmp/whole/cases/"
mkfifo "$tmp/whole/cases/fifo.yaml"
RUN_IN=$tmp/whole
t errors-whole-file cases <<'EOS'
:wait-load
E
:dump @
EOS
unset RUN_IN

t rules testdata/cases <<'EOS'
:wait-load
L
:dump @
/cancel_nonlpr<Enter>
:dump @
EOS

t help testdata/cases <<'EOS'
:wait-load
?
:dump @
G
:dump @
EOS

t redact testdata/cases <<'EOS'
:wait-load
R
:dump @
/E06a<Enter><Enter>
:dump @
R
:dump @
EOS

t quiz --quiz testdata/cases <<'EOS'
:wait-load
:dump @
/E06a<Enter><Enter>
:dump @
v
:dump @
q
:dump @
EOS

t wide testdata/wide <<'EOS'
:wait-load
:dump @
<Enter>
:dump @
qj<Enter>
:dump @
qjj<Enter>
:dump @
qjjj<Enter>
:dump @
qjjjjj<Enter>
:dump @
EOS

t hostile testdata/hostile-valid <<'EOS'
:wait-load
:dump @
/HV-04<Enter><Enter>
:dump @
q/HV-01<Enter><Enter>
:dump @
q/HV-03<Enter><Enter>G
:dump @
EOS

# Outside a UTF-8 locale (C, POSIX) the screen is ASCII, a byte per
# column, so the columns line up: placeholders and wide characters are
# '?', accented letters keep their letter, combining marks take no cell,
# a cut ends with '~'.  The id and name columns only (no assessment).
for loc in C POSIX; do
	LOCALE=$loc
	t "locale-$loc" --config testdata/conf/names.conf testdata/wide \
		testdata/hostile-valid <<'EOS'
:wait-load
:dump @
:resize 40 10
:dump @
EOS
	unset LOCALE
done

t resize testdata/cases <<'EOS'
:wait-load
:resize 30 6
:dump @
j
:resize 80 24
:dump @
:resize 40 8
:dump @
EOS

# Configuration: a bad file is reported in the errors view with the
# defaults kept for its bad entries; a good one found in XDG_CONFIG_HOME
# rebinds keys and picks columns.
t config --config testdata/conf/bad.conf testdata/cases <<'EOS'
:wait-load
jjK
:dump @
E
:dump @
EOS
# Bindings that can never fire (<C-c>, <C-z>: signals; <C-m>, <C-h>: other
# keys) are errors at their lines
t config-dead-keys --config testdata/conf/dead-keys.conf testdata/cases <<'EOS'
:wait-load
E
:dump @
EOS
mkdir -p "$tmp/goodconf/casewalk"
cp testdata/conf/narrow.conf "$tmp/goodconf/casewalk/config"
XDG=$tmp/goodconf
t config-xdg testdata/cases <<'EOS'
:wait-load
<Space><Space>
:dump @
EOS
unset XDG

# A user configuration that cannot be read (a directory, a file over the
# 1 MiB limit) is reported in the errors view, which the screen does not
# cover as it covers stderr.  Its name holds $tmp, so a wide screen is
# searched rather than compared with a golden.
printf ':wait-load\n:resize 300 10\nE\n:dump %s\n' "$tmp/conf.txt" \
	>"$tmp/conf.script"
for what in dir big; do
	mkdir -p "$tmp/conf-$what/casewalk"
	case $what in
	dir) mkdir -p "$tmp/conf-$what/casewalk/config"
	     want="cannot read: not a regular file" ;;
	big) awk 'BEGIN { for (i = 0; i < 20000; i++)
		printf "# %060d\n", i }' >"$tmp/conf-$what/casewalk/config"
	     want="file is larger than the limit of 1 MiB" ;;
	esac
	XDG=$tmp/conf-$what
	run config-unread 80 24 "$tmp/conf.script" testdata/cases
	unset XDG
	if [ "$status" = 0 ] && grep -qF -- \
	   ">$tmp/conf-$what/casewalk/config: error: $want" "$tmp/conf.txt"
	then
		pass=$((pass + 1))
	else
		echo "FAIL config-unread-$what: status $status; the errors view:"
		sed 's/^/    /' "$tmp/conf.txt"
		fail=$((fail + 1))
	fi
done

# The edit flow, with a scripted $EDITOR: a valid edit is saved and
# reloaded; an invalid one is refused, edited again, then left and kept as
# .rej in the private directory (~/.cache/casewalk here: no
# XDG_RUNTIME_DIR), leaving the file as it was.  Nothing is ever written
# to $TMPDIR (t).
edit_setup() {
	rm -rf "$tmp/edit" && mkdir -p "$tmp/edit/cases" "$tmp/edit/t" \
		"$tmp/edit/home"
	cp testdata/cases/e06a-felipe-voluntary-return.yaml "$tmp/edit/cases/"
	cat >"$tmp/edit/good.sh" <<'E'
#!/bin/sh
sed -i 's/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Edited/' "$2"
E
	cat >"$tmp/edit/bad.sh" <<'E'
#!/bin/sh
sed -i 's/manner: without_inspection/manner: swam/' "$2"
E
	chmod +x "$tmp/edit/good.sh" "$tmp/edit/bad.sh"
}
for size in "80 24" "120 40"; do
	edit_setup
	cat >"$tmp/edit.script" <<'EOS'
:wait-load
e
:wait-load
:dump @
EOS
	(cd "$tmp/edit" && ED_SCRIPT=./good.sh && TDIR=t &&
		HOMEDIR=$tmp/edit/home &&
		run edit-good $size "$tmp/edit.script" cases)
	compare edit-good $size
	priv=$tmp/edit/home/.cache/casewalk
	if grep -q 'Ruiz-Edited' "$tmp/edit/cases/"*.yaml &&
	   [ -z "$(ls "$tmp/edit/t")" ] && [ -z "$(ls -A "$priv")" ] &&
	   [ "$(stat -c %a "$priv")" = 700 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL edit-good $size: the file was not saved, or a temporary file was left"
		ls -la "$tmp/edit/t" "$priv" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	edit_setup
	cp "$tmp/edit/cases/e06a-felipe-voluntary-return.yaml" "$tmp/edit/orig"
	cat >"$tmp/edit.script" <<'EOS'
:wait-load
<Enter>e
:dump @
e
:dump @
q
:dump @
EOS
	(cd "$tmp/edit" && ED_SCRIPT=./bad.sh && TDIR=t &&
		HOMEDIR=$tmp/edit/home &&
		run edit-bad $size "$tmp/edit.script" cases)
	compare edit-bad $size
	# the .rej (0600), and its .src naming the case file
	rej=$(ls "$priv"/casewalk-*.yaml.rej 2>/dev/null)
	if cmp -s "$tmp/edit/orig" "$tmp/edit/cases/e06a-felipe-voluntary-return.yaml" &&
	   [ -n "$rej" ] && grep -q 'manner: swam' "$rej" &&
	   [ "$(stat -c %a "$rej")" = 600 ] &&
	   [ "$(cat "${rej%.yaml.rej}.src")" = "$tmp/edit/cases/e06a-felipe-voluntary-return.yaml" ] &&
	   [ -z "$(ls "$tmp/edit/t")" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL edit-bad $size: the original changed, or no .rej was kept in the private directory"
		ls -la "$tmp/edit/t" "$priv" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done

# An edit is checked as the reload will check it, whole: an id another
# loaded file uses, or a file over the loader's 16 MiB limit, is refused
# (and kept when left), never saved and then dropped on reloading.  A
# whole-file problem shows no "line 0, column 0".
for what in dup big; do
	edit_setup
	cp testdata/cases/e01-ana-180-days.yaml "$tmp/edit/cases/"
	case $what in
	dup) printf '#!/bin/sh\nsed -i "s/^id: E06a$/id: E01/" "$2"\n' ;;
	big) printf '#!/bin/sh\n%s\n' "awk 'BEGIN { for (i = 0; i < 300000; i++) printf \"# %060d\\n\", i }' >>\"\$2\"" ;;
	esac >"$tmp/edit/ed.sh"
	chmod +x "$tmp/edit/ed.sh"
	cp "$tmp/edit/cases/e06a-felipe-voluntary-return.yaml" "$tmp/edit/orig"
	printf ':wait-load\n/E06a<Enter>e\n:dump @\nq\n' >"$tmp/edit.script"
	for size in "80 24" "120 40"; do
		rm -rf "$tmp/edit/home/.cache"
		# shellcheck disable=SC2086
		(cd "$tmp/edit" && ED_SCRIPT=./ed.sh && TDIR=t &&
			HOMEDIR=$tmp/edit/home &&
			run "edit-$what" $size "$tmp/edit.script" cases)
		# shellcheck disable=SC2086
		compare "edit-$what" $size
		if cmp -s "$tmp/edit/orig" \
		   "$tmp/edit/cases/e06a-felipe-voluntary-return.yaml" &&
		   [ -n "$(ls "$tmp/edit/home/.cache/casewalk/"*.rej 2>/dev/null)" ]
		then
			pass=$((pass + 1))
		else
			echo "FAIL edit-$what $size: saved, or not kept"
			fail=$((fail + 1))
		fi
	done
done

# An editor that deletes its copy: the message names no file that is not
# there, and nothing is left in the private directory
edit_setup
printf '#!/bin/sh\nrm -f "$2"\n' >"$tmp/edit/ed.sh"
chmod +x "$tmp/edit/ed.sh"
printf ':wait-load\ne\n:resize 300 10\n:dump %s\n' "$tmp/edit/after" \
	>"$tmp/edit.script"
(cd "$tmp/edit" && ED_SCRIPT=./ed.sh && HOMEDIR=$tmp/edit/home &&
	run edit-removed 80 24 "$tmp/edit.script" cases)
msg=$(tail -n 1 "$tmp/edit/after")
case $msg in
"the editor removed the copy: nothing saved, nothing kept; cases/e06a-felipe-voluntary-return.yaml is as it was")
	if [ -z "$(ls -A "$tmp/edit/home/.cache/casewalk")" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL edit-removed: files left in the private directory"
		fail=$((fail + 1))
	fi ;;
*)	echo "FAIL edit-removed: the message is: $msg"
	fail=$((fail + 1)) ;;
esac

# The kept edits, offered at the next start: a rejected edit (refused and
# left) and a copy that a killed session left (made here by hand: a copy
# and its unlocked .src).  Enter shows one read-only, d twice deletes it,
# e restores the other, saved when valid.  Searched in wide screens: the
# dates vary.
edit_setup
cp "$tmp/edit/bad.sh" "$tmp/edit/ed.sh"
printf ':wait-load\n/E06a<Enter>e\nq\n' >"$tmp/edit.script"
(cd "$tmp/edit" && ED_SCRIPT=./ed.sh && HOMEDIR=$tmp/edit/home &&
	run kept-make 80 24 "$tmp/edit.script" cases)
priv=$tmp/edit/home/.cache/casewalk
case_file=$tmp/edit/cases/e06a-felipe-voluntary-return.yaml
sed 's/Felipe Ortega Ruiz/Felipe Left-Behind/' "$case_file" \
	>"$priv/casewalk-LEFTxx.yaml"
echo "$case_file" >"$priv/casewalk-LEFTxx.src"
touch -d '2030-01-01' "$priv/casewalk-LEFTxx.yaml"    # listed last
chmod 600 "$priv"/casewalk-LEFTxx.*
printf '#!/bin/sh\nsed -i "s/manner: swam/manner: without_inspection/; s/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Restored/" "$2"\n' \
	>"$tmp/edit/ed.sh"
sed "s|@|$tmp/edit/kept.|" >"$tmp/edit.script" <<'EOS'
:wait-load
:dump @1
<Enter>
:dump @2
qjd
:dump @3
d
:dump @4
e
:wait-load
:dump @5
EOS
(cd "$tmp/edit" && ED_SCRIPT=./ed.sh && HOMEDIR=$tmp/edit/home &&
	run kept 200 30 "$tmp/edit.script" cases)
# kept_has N TEXT: screen N shows TEXT
kept_has() {
	if grep -qF -- "$2" "$tmp/edit/kept.$1" 2>/dev/null; then
		pass=$((pass + 1))
	else
		echo "FAIL kept screen $1: no '$2'"
		sed 's/^/    /' "$tmp/edit/kept.$1" 2>/dev/null | head -12
		fail=$((fail + 1))
	fi
}
kept_has 1 "1 rejected and 1 unsaved edit kept: restore (e), open (Enter), or delete (d)"
kept_has 1 "kept edits  2"
kept_has 1 ">rejected  "
kept_has 1 " unsaved   2030-01-01 00:00  $case_file"
kept_has 2 "(read-only)"
kept_has 2 "manner: swam"
kept_has 3 "d again deletes this edit's text for good"
kept_has 4 "deleted casewalk-LEFTxx.yaml"
kept_has 5 "saved $case_file"
if [ "$status" = 0 ] && grep -q Ruiz-Restored "$case_file" &&
   [ -z "$(ls -A "$priv")" ]; then
	pass=$((pass + 1))
else
	echo "FAIL kept: status $status; not restored, or files left"
	ls -la "$priv" | sed 's/^/    /'
	fail=$((fail + 1))
fi

# :clock (make bench times keystrokes between two): each appends a reading
# of the monotonic clock, in order
printf ':wait-load\n:clock %s\njjj\n:clock %s\n' "$tmp/clock" "$tmp/clock" \
	>"$tmp/clock.script"
run clock 80 24 "$tmp/clock.script" testdata/cases
if [ "$status" -eq 0 ] && awk 'NR == 1 { a = $1 } NR == 2 { b = $1 }
	$1 !~ /^[0-9]+\.[0-9]+$/ { bad = 1 }
	END { exit !(NR == 2 && !bad && a > 0 && b >= a) }' "$tmp/clock"; then
	pass=$((pass + 1))
else
	echo "FAIL clock: two readings in order expected, got:"
	sed 's/^/    /' "$tmp/clock" 2>/dev/null
	fail=$((fail + 1))
fi

# every golden belongs to a test that still makes it
for g in "$golden"/*.txt; do
	case " $made " in *" $(basename "$g") "*) continue ;; esac
	if [ "${UPDATE:-}" = 1 ]; then
		echo "REMOVED $(basename "$g"): no test makes it"
		rm -f "$g"
	else
		echo "FAIL $(basename "$g"): no test makes it (UPDATE=1 removes it)"
		fail=$((fail + 1))
	fi
done

echo "screen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
