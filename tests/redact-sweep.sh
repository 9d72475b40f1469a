#!/bin/sh
# redact-sweep.sh - redaction that cannot leak (issue 15).
#
# usage: tests/redact-sweep.sh [CASEWALK]      (default ./casewalk)
#
# A small corpus under client-looking file names (garcia-lopez-maria.yaml)
# is made from testdata: notes, relatives, a missed and a scheduled
# hearing, x- keys, two files for one person, a file with a YAML error,
# one with a schema error, and two with the same id.  The secrets are read from the corpus itself
# (tests/redact-secrets.py): every name and each part of it, every
# A-number (its digits with and without dashes, its last digits after a
# mask), every full birth date (as the screens and outputs could print
# it), every note and free-text value, every file's name.
#
# Then, with --redact (and again with the R key instead): the explorer walks every view and prompt through
# its script harness (the list, each case paged to its end and walked
# event by event, compare, stats, errors, rules, help, the sort menu, the
# filter prompt with an error, search, the dates prompt, the deadlines,
# the memo and w prompts and what they write, an edit refused, the kept
# edits at the next start, reload), and every command of the command line
# prints in each of its formats.  Every screen, every file written and
# every line printed (stdout and stderr) is searched for every secret;
# each one found is a failure that says which secret and where.
#
# The self-check: the same walk and commands without --redact must show
# every secret somewhere, so the list is right and the search finds them.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cw=${1:-./casewalk}
case $cw in /*) ;; *) cw=$root/$cw ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-sweep.XXXXXX") || exit 1
# KEEP=1 keeps the run's files (the screens, the outputs) for reading
[ "${KEEP:-}" = 1 ] && echo "redact-sweep: the run is in $tmp" ||
	trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root" || exit 1
fail=0

# ---- the corpus: file names that would name the client ---------------------
# corpus DIR [valid]: with "valid", the files without their errors
corpus() {	# DIR [valid]
	mkdir -p "$1/clients"
	c=testdata/cases
	cp $c/e06a-felipe-voluntary-return.yaml "$1/clients/ortega-ruiz-felipe.yaml"
	cp $c/e06b-felipe-hearing.yaml "$1/clients/ortega-ruiz-felipe-hearing.yaml"
	cp $c/e10-jorge-in-absentia.yaml "$1/clients/batista-jorge.yaml"
	chmod 444 "$1/clients/batista-jorge.yaml"       # e refuses to edit it
	cp $c/212h-2012-0323-delroy-campbell.yaml "$1/clients/campbell-delroy.yaml"
	cp $c/fresno-2010-0313-harjit-sandhu.yaml "$1/clients/sandhu-harjit.yaml"
	cp $c/e30-wen-245i-before-1998.yaml "$1/clients/wen-li-intake.yaml"
	cp testdata/practice/hearing.yaml "$1/clients/nguyen-thi-huong.yaml"
	yaml_error='s/^  nationality: HT$/  nationality: "HT/'
	schema_error='s/manner: without_inspection/manner: swam/'
	dup_id='s/^id: E01$/id: E01/'
	[ "${2:-}" = valid ] && yaml_error= schema_error= \
		dup_id='s/^id: E01$/id: E01-SECOND/'
	# one id in two files: both refused, each error naming the other
	cp $c/e01-ana-180-days.yaml "$1/clients/ferreira-gomes-ana.yaml"
	sed "$dup_id" $c/e01-ana-180-days.yaml \
		>"$1/clients/ferreira-gomes-ana-2019.yaml"
	# a YAML error (an unclosed quote) after the person
	sed "$yaml_error" $c/tps-2011-0305-wideline-joseph.yaml \
		>"$1/clients/garcia-lopez-maria.yaml"
	# a schema error: an unknown manner of entry
	sed "$schema_error" $c/e23-lidia-rescinded-in-absentia.yaml \
		>"$1/clients/ochoa-lidia.yaml"
}

# ---- the explorer under its script -------------------------------------------
# explore DIR SCRIPT [ARG...]: run in DIR (relative names, as a user would)
explore() {
	d=$1 s=$2
	shift 2
	mkdir -p "$d/home" "$d/xdg" "$d/t"
	(cd "$d" && env -i PATH="$PATH" HOME="$d/home" XDG_CONFIG_HOME="$d/xdg" \
		TZ=UTC LC_ALL=C.UTF-8 TERM=xterm-256color COLUMNS=150 LINES=45 \
		CASEWALK_TODAY=2026-11-27 TMPDIR="$d/t" EDITOR="$d/ed.sh" \
		CASEWALK_SCRIPT="$s" "$cw" "$@" clients \
		>>"$d/out/explorer.stdout" 2>>"$d/out/explorer.stderr")
}

# walk DIR REDACT: every view and prompt; screens in DIR/out/screen.N.txt.
# REDACT "R": no --redact, but the R key pressed once loaded, before the
# first screen (the views then built again redacted)
walk() {
	d=$1 r=$2 key=
	[ "$r" = R ] && r= key=R
	n=0
	# D: a dump of the screen as it is now
	D() { n=$((n + 1)); echo ":dump $d/out/screen.$n.txt"; }
	ids=$(python3 tests/redact-secrets.py --ids "$d/clients")
	{
		echo ":wait-load"
		echo "$key"
		D; echo "G"; D; echo "g"
		for id in $ids; do
			echo "/$id<Enter>"; D
			echo "<Enter>"; D
			# the case paged to its end, then walked item by item
			for _ in 1 2 3 4 5 6 7 8 9 10; do echo "<PgDn>"; D; done
			echo "G"; D; echo "g"
			for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
				echo "<Tab>"; D; echo "<Enter>"; D
			done
			echo "t"; D
			echo "/note<Enter>"; D
			echo "q"
			echo "c"; D
			for _ in 1 2 3 4 5; do echo "<PgDn>"; D; done
			echo "q"
			echo "m"; D
			echo "<C-u>exports/memo-$id.txt<Enter>"; D
			echo "m<C-u>exports/memo-$id.md<Enter>"; D
			echo "g"
		done
		echo "S"; D
		for _ in 1 2 3 4 5 6; do echo "<PgDn>"; D; done
		echo "q"
		echo "E"; D; echo "j"; D; echo "G"; D; echo "q"
		echo "L"; D; echo "L"; D; echo "G"; D; echo "q"
		echo "?"; D
		for _ in 1 2 3 4 5 6; do echo "<PgDn>"; D; done
		echo "q"
		echo "s"; D; echo "jjj<Enter>"; D
		echo "s"; D; echo "jjjjjjj<Enter>"; D
		echo "fnonsense ===<Enter>"; D; echo "<Esc>"; D
		echo "fpath=pending<Enter>"; D; echo "f<C-u><Enter>"
		echo "/zzz-no-such"; D; echo "<Esc>"
		echo "Dsoon<Enter>"; D; echo "<C-u>2010<Enter>"
		echo ":wait-load"; D
		echo "D<C-u>today<Enter>"; echo ":wait-load"; D
		echo "C"; D; echo "G"; D; echo "<Enter>"; D; echo "q"; echo "q"
		echo "w"; D
		echo "<C-u>exports/list.csv<Enter>"; D
		echo "w<C-u>exports/list.json<Enter>"; D
		echo "w<C-u>exports/list.txt<Enter>"; D
		echo "r"; echo ":wait-load"; D
		# an edit refused before it starts (a read-only file), and
		# one refused after it (the editor breaks the file)
		echo "/E10<Enter>e"; D
		echo "/E06a<Enter>e"; D; echo "e"; D; echo "q"; D
		# the errors view: Enter edits the file at the line
		echo "E<Enter>"; D; echo "q"; D; echo "q"
		echo "Q"
	} >"$d/walk.script"
	cat >"$d/ed.sh" <<'E'
#!/bin/sh
f=$2
[ -n "$f" ] || f=$1
# breaks a file, or after the walk mends the one it broke (a kept edit
# restored is saved)
if [ -f "${0%/*}/mend" ]; then
	sed -i 's/manner: swam/manner: without_inspection/' "$f"
	echo "# mended" >>"$f"
else
	sed -i 's/manner: without_inspection/manner: swam/' "$f"
fi
E
	chmod +x "$d/ed.sh"
	explore "$d" "$d/walk.script" $r
	: >"$d/mend"
	# the next start: the kept edit offered, opened read-only, then
	# restored (the editor mends it) and saved
	{
		echo ":wait-load"; echo "$key"
		D; echo "<Enter>"; D; echo "G"; D; echo "q"
		echo "e"; echo ":wait-load"; D
		echo "Q"
	} >"$d/kept.script"
	explore "$d" "$d/kept.script" $r
}

# cli DIR REDACT: every command in every format; output in DIR/out/cli.*
cli() {
	d=$1 r=$2
	k=0
	# C ARGS...: one command, its stdout and stderr kept
	C() {
		k=$((k + 1))
		printf '%s\n' "$*" >"$d/cmd/cli.$k"
		(cd "$d" && env -i PATH="$PATH" HOME="$d/home" TZ=UTC \
			LC_ALL=C.UTF-8 CASEWALK_TODAY=2026-11-27 "$cw" "$@" \
			>"$d/out/cli.$k.out" 2>"$d/out/cli.$k.err")
	}
	C check $r clients
	C check $r clients/garcia-lopez-maria.yaml
	C check $r clients/ochoa-lidia.yaml
	C list $r clients
	C list $r --json clients
	C list $r --csv clients
	C list $r --sort name,file clients
	C assess $r clients
	C assess $r --json clients
	C assess $r --csv clients
	C stats $r clients
	C stats $r --json clients
	C deadlines $r clients
	C deadlines $r --ics clients
	C deadlines $r --csv clients
	C deadlines $r --json clients
	C rules $r
	C rules $r --json
	for f in "$d"/clients/*.yaml; do
		f=clients/${f##*/}
		C memo $r "$f"
		C memo $r --format md "$f"
	done
	C memo $r -o exports/cli-memo.txt clients/batista-jorge.yaml
	C memo $r --format md clients/garcia-lopez-maria.yaml
	C memo $r clients NO-SUCH-ID
}

sweep() {	# DIR REDACT [valid]
	corpus "$1" "${3:-}"
	mkdir -p "$1/out" "$1/exports" "$1/cmd"
	walk "$1" "$2"
	[ "$2" = R ] || cli "$1" "$2"
}

sweep "$tmp/red" --redact
sweep "$tmp/key" R
# the self-check's run: the errors left out, so that the two cases that
# have them are shown too
sweep "$tmp/plain" "" valid

# the secrets, from the corpus as it was before the walk's edits (the
# valid one: the errors hide no secret); what the program says of its own
# with no case (the rules, the man pages) is the reference
corpus "$tmp/src" valid
"$cw" rules --as-of 2026-11-27 >"$tmp/ref.rules" 2>&1
"$cw" rules --json --as-of 2026-11-27 >"$tmp/ref.rules.json" 2>&1
python3 tests/redact-secrets.py "$tmp/src/clients" "$tmp/ref.rules" \
	"$tmp/ref.rules.json" config/*.yaml man/* >"$tmp/secrets" || exit 1

# every screen dumped, every output, every file written (the corpus, the
# scripts, and the private directory where an edit left is kept for its
# owner, 0600, aside), under the names they have in the run
outputs() {	# DIR
	find "$1/out" "$1/exports" "$1/home" "$1/t" -type f \
		! -path "$1/home/.cache/casewalk/*" | sort
}
for run in red key plain; do
	outputs "$tmp/$run" >"$tmp/$run.files"
	[ "$(wc -l <"$tmp/$run.files")" -gt 100 ] ||
		{ echo "FAIL redact-sweep: too few screens and outputs"; exit 1; }
done

for run in red key; do
	what="with --redact"
	[ $run = key ] && what="after the R key"
	if python3 tests/redact-secrets.py --scan "$tmp/secrets" "$tmp/$run" \
		<"$tmp/$run.files"; then
		echo "redact-sweep: $(wc -l <"$tmp/$run.files") screens and" \
			"outputs $what, $(wc -l <"$tmp/secrets") secrets: no leak"
	else
		echo "FAIL redact-sweep: the leaks above are $what"
		fail=1
	fi
done
# the self-check: without --redact, every secret is shown somewhere
if ! python3 tests/redact-secrets.py --seen "$tmp/secrets" "$tmp/plain" \
	<"$tmp/plain.files"; then
	fail=1
fi
exit $fail
