#!/bin/sh
# tmux.sh - the explorer in a real terminal, through tmux.
#
# usage: tests/tmux.sh [CASEWALK]      (default ./casewalk)
#
# Each test starts casewalk in a private tmux server (its own socket,
# no user config, TERM=xterm-256color inside) and drives it with
# send-keys; screens are read with capture-pane.  Waiting is always a
# bounded poll for an expected text, never a fixed sleep.  Covers: start,
# navigation, the prompts (the filter as typed, the sort menu, the law
# date, writing the list, q asking), the help without colour, a resize to
# 20x5 and back, a case file carrying escape
# sequences (the window title and the screen stay as they were), quitting
# with status 0, q and SIGINT during a big load, a case file changed
# after loading, no client list left
# on the shell's screen (with and without an alternate screen), ^Z and fg
# while $EDITOR runs (from an interactive shell), L opening casewalk-law(7),
# TERM=dumb and an unknown TERM, and SIGTERM restoring the terminal.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cw=${1:-./casewalk}
case $cw in /*) ;; *) cw=$root/$cw ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-tmux.XXXXXX") || exit 1
sock=$tmp/sock
pass=0
fail=0
cd "$root" || exit 1

tm() { tmux -S "$sock" -f /dev/null "$@"; }
runs=0
cleanup() {
	for s in "$tmp"/sock.*; do
		[ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux: not installed"
	echo "tmux: 0 passed, 1 failed"
	exit 1
fi

# start ARG...: a new session running casewalk ARG... at 80x24; when it
# ends, its exit status and the terminal modes are written down.
# CW_ENV: more NAME=VALUE words to export first (TERM=dumb)
start() {
	tm kill-server 2>/dev/null
	# a new server on its own socket: a dying one on the old socket
	# would take the new session down with it
	runs=$((runs + 1))
	sock=$tmp/sock.$runs
	rm -f "$tmp/status" "$tmp/stty"
	cat >"$tmp/run.sh" <<R
#!/bin/sh
export TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC CASEWALK_TODAY=2026-11-27
# TMPDIR: whatever a broken build writes there stays in the test's own
mkdir -p "$tmp/tmpdir"
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/xdg" TMPDIR="$tmp/tmpdir" ${CW_ENV:-}
# the private directory of edits is ~/.cache/casewalk, never the user's
unset XDG_RUNTIME_DIR XDG_CACHE_HOME
"$cw" "\$@"
echo \$? >"$tmp/status.tmp"
stty -a >"$tmp/stty" 2>&1
mv "$tmp/status.tmp" "$tmp/status"
exec sleep 600
R
	chmod +x "$tmp/run.sh"
	tm new-session -d -x 80 -y 24 -s cw "$tmp/run.sh" "$@"
	tm set-option -g default-terminal xterm-256color >/dev/null
}

screen() { tm capture-pane -p -t cw; }

# wait_for TEXT [SECONDS]: polls the screen until it shows TEXT
wait_for() {
	i=0
	limit=$(( ${2:-10} * 20 ))
	while [ $i -lt $limit ]; do
		screen 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_file FILE [SECONDS]: polls until FILE exists
wait_file() {
	i=0
	while [ $i -lt $(( ${2:-10} * 20 )) ]; do
		[ -f "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_exit [SECONDS]: polls until casewalk has ended
wait_exit() { wait_file "$tmp/status" "${1:-10}"; }

ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() {
	echo "FAIL $1"
	screen 2>/dev/null | sed 's/^/    | /'
	fail=$((fail + 1))
}
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# ---- start, navigate, quit ------------------------------------------------
start testdata/cases
check "starts and lists the cases" 'wait_for "102 cases"'
tm send-keys -t cw '/E06a' Enter Enter
check "opens the case of a voluntary return" 'wait_for "case E06a"'
check "shows its bar and its last day" 'wait_for "bar_9B_10yr (Ten-year" && wait_for "2020-05-04; no bar runs"'
tm send-keys -t cw c
check "compares with the path not taken" 'wait_for "PATH NOT TAKEN"'
tm send-keys -t cw q q
check "goes back to the list" 'wait_for "102 cases"'

# ---- resize to 20x5 and back --------------------------------------------
tm resize-window -t cw -x 20 -y 5
check "below 40x8, a one-line notice" 'wait_for "too small"'
tm send-keys -t cw j
tm resize-window -t cw -x 1 -y 1
check "at 1x1 it still runs (and draws nothing past the cell)" \
	'sleep 0.3; [ "$(screen | tr -d " \n" | wc -c)" -le 3 ] && [ ! -f "$tmp/status" ]'
tm resize-window -t cw -x 80 -y 24
check "back at 80x24, the list again" 'wait_for "102 cases"'
tm send-keys -t cw q
check "q quits with status 0" 'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'
check "the terminal is restored" \
	'grep -q " icanon" "$tmp/stty" && grep -q " echo " "$tmp/stty"'

# ---- the prompts, in a real terminal (issue 14) --------------------------------
start testdata/cases
check "prompts: starts" 'wait_for "102 cases"'
# the filter as it is typed: an error as it is typed, the list as typed,
# Esc restores the filter before
tm send-keys -t cw f 'bar=runn'
check "filter: an error as it is typed, with the nearest name" \
	'wait_for "did you mean running?"'
tm send-keys -t cw ing
check "filter: applied as it is typed" \
	'wait_for "CAT…0319" && ! screen | grep -q "212…0323"'
tm send-keys -t cw Escape
check "filter: Esc restores the filter before" 'wait_for "102 cases | hearing"'
tm send-keys -t cw f bar=running Enter
check "filter: Enter keeps it" 'wait_for "18 of 102 cases | filter: bar=running"'
tm send-keys -t cw f path=vol Enter
check "filter: f shows the old one selected, and typing replaces it" \
	'wait_for "22 of 102 cases | filter: path=vol "'
# the sort menu at F6
tm send-keys -t cw F6
check "sort: F6 opens the menu" 'wait_for "Sort the case list by"'
tm send-keys -t cw j Enter
check "sort: Enter sorts by the key chosen" 'wait_for "sorted by name, ascending"'
# the law date at a key, in every header
# (the cases are assessed again: each check waits for the list)
tm send-keys -t cw D 2010 Enter
check "dates: a year is the law at its end, in the title" \
	'wait_for "as of 2010-12-31, law of 2010-12-31" && wait_for "of 102 cases"'
tm send-keys -t cw D 'today 2010' Enter
check "dates: as of today under the law of 2010" \
	'wait_for "as of 2026-11-27, law of 2010-12-31" && wait_for "of 102 cases"'
tm send-keys -t cw L
check "dates: the rules view marks what differs from today" \
	'wait_for "differences, marked *" && wait_for "law of 2010-12-31"'
tm send-keys -t cw q D today Enter
check "dates: back to today" \
	'wait_for "as of 2026-11-27, law of 2026-11-27" && wait_for "of 102 cases"'
# w writes the list as shown
tm send-keys -t cw w "$tmp/list.csv" Enter
check "write: the status line says how many rows went where" \
	'wait_for "wrote 22 rows to $tmp/list.csv (CSV)"'
check "write: the file is the list shown, as CSV, readable by its owner only" \
	'head -1 "$tmp/list.csv" | grep -q "^id,name,path,hearing,bar," &&
	 [ "$(wc -l <"$tmp/list.csv")" -eq 23 ] &&
	 [ "$(stat -c %a "$tmp/list.csv")" = 600 ]'
tm send-keys -t cw w "$tmp/list.csv" Enter
check "write: never over a file" \
	'wait_for "exists: casewalk writes only a new file"'
# q asks when a filter is set; any other key than y stays
tm send-keys -t cw q
check "quit: q asks when a filter is set" \
	'wait_for "quit casewalk? a filter is set"'
tm send-keys -t cw n
check "quit: another key stays" 'wait_for "not quitting"'
tm send-keys -t cw q y
check "quit: y quits with status 0" \
	'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'
# search matches highlighted as they are typed, in the match role's look
# (black on yellow by default: SGR 30 and 43)
start testdata/cases
check "search: starts" 'wait_for "102 cases"'
tm send-keys -t cw / Ortega
check "search: every match on the screen is highlighted" \
	'wait_for "/Ortega_" &&
	 [ "$(tm capture-pane -e -p -t cw | grep -c "43mOrtega")" -ge 2 ]'
tm send-keys -t cw Escape Q
check "search: Q quits at once" 'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'
# without colour, the help names no colour
CW_ENV=NO_COLOR=1
start testdata/cases
unset CW_ENV
check "NO_COLOR: starts" 'wait_for "102 cases"'
tm send-keys -t cw '?' G
check "NO_COLOR: the help describes looks, and names no colour" \
	'wait_for "Looks (colour is off)" &&
	 ! screen | grep -q "red \|yellow\|magenta\|cyan"'
tm send-keys -t cw Q
check "NO_COLOR: Q quits at once" 'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'

# ---- hostile text: escape sequences in a case file --------------------------
start testdata/hostile-valid
check "starts on the hostile corpus" 'wait_for "5 cases"'
tm set-option -t cw set-titles off >/dev/null
before=$(tm display-message -p -t cw '#{pane_title}')
tm send-keys -t cw '/HV-04' Enter Enter
check "the escapes are shown as placeholders" \
	'wait_for "Ana ␛]0;pwned␇ Prueba"'
tm send-keys -t cw G
check "the notes' clear-screen escape is a placeholder" 'wait_for "before␛[2Jafter"'
check "and the screen was not cleared" 'wait_for "case HV-04" 1'
after=$(tm display-message -p -t cw '#{pane_title}')
check "the window title is unchanged" '[ "$before" = "$after" ] &&
	! echo "$after" | grep -q pwned'
tm send-keys -t cw Q
check "Q quits at once with status 0" \
	'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'

# ---- a case file changed after loading ---------------------------------------
# The list keeps a summary; opening a case reads its file again.
mkdir -p "$tmp/changed"
cp testdata/cases/e01-ana-180-days.yaml testdata/cases/e02-bruno-181-days.yaml \
	"$tmp/changed/"
start "$tmp/changed"
check "starts on two cases" 'wait_for "2 cases"'
sed -i 's/^id: E01$/id: E01-RENAMED/' "$tmp/changed/e01-ana-180-days.yaml"
tm send-keys -t cw Enter
check "a case no longer in its file: the case view says so" \
	'wait_for "cannot be shown: it is no longer in its file"'
tm send-keys -t cw q r
# at 80 columns the longer id is cut in the middle, with a mark
check "r loads the files again" 'wait_for "E01…AMED"'
tm send-keys -t cw j Enter
check "an unchanged case opens as before" 'wait_for "case E02"'
tm send-keys -t cw Q
check "and quits with status 0" 'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'

# ---- leaving a refused edit --------------------------------------------------------
# However casewalk ends while an edit is refused (Q, SIGTERM, SIGHUP, q on
# a screen below the minimum), the user's text is kept as a rejected edit
# in the private directory (~/.cache/casewalk here), and the message
# after the screen says where.
mkdir -p "$tmp/refused"
cp testdata/cases/e06a-felipe-voluntary-return.yaml "$tmp/refused/"
printf '#!/bin/sh\nsed -i "s/manner: without_inspection/manner: swam/" "$2"\n' \
	>"$tmp/swam.sh"
chmod +x "$tmp/swam.sh"
for how in Q TERM HUP small; do
	rm -rf "$tmp/.cache"
	CW_ENV="EDITOR=$tmp/swam.sh"
	start "$tmp/refused"
	unset CW_ENV
	check "refused edit, $how: starts" 'wait_for "1 case"'
	tm send-keys -t cw e
	check "refused edit, $how: the edit is refused" 'wait_for "edit refused"'
	want=0
	case $how in
	Q) tm send-keys -t cw Q ;;
	TERM|HUP)
		pid=$(pgrep -f -n -- "$cw $tmp/refused" 2>/dev/null || true)
		[ -n "$pid" ] && kill -"$how" "$pid"
		case $how in TERM) want=143 ;; HUP) want=129 ;; esac ;;
	small)
		tm resize-window -t cw -x 20 -y 5
		wait_for "too small" >/dev/null
		tm send-keys -t cw q
		tm resize-window -t cw -x 80 -y 24 ;;
	esac
	check "refused edit, $how: exit status $want" \
		'wait_exit && [ "$(cat "$tmp/status")" = "$want" ]'
	rej=$(ls "$tmp/.cache/casewalk/"*.yaml.rej 2>/dev/null)
	check "refused edit, $how: the text is kept as a rejected edit" \
		'[ -n "$rej" ] && grep -q "manner: swam" "$rej"'
	check "refused edit, $how: and the message says where" \
		'tm capture-pane -p -J -t cw | grep -qF "your text is kept in ~/.cache/casewalk/$(basename "$rej")"'
done

# ---- files that leave nothing behind (issue 15) ------------------------------------
# A session edits with a fake $EDITOR: one edit refused and left, a second
# one killed (SIGKILL, casewalk and the editor) while the editor runs.
# Nothing with the case's text is then anywhere but the private directory
# (~/.cache/casewalk here): not $TMPDIR, not /tmp, not beside the case
# file.  The next start lists both and offers them: open read-only,
# delete, restore (saved over the case file when valid).
k=$tmp/kept
mkdir -p "$k/cases" "$k/tmpdir"
cp testdata/cases/e06a-felipe-voluntary-return.yaml "$k/cases/"
cp "$k/cases/e06a-felipe-voluntary-return.yaml" "$k/orig"
rm -rf "$tmp/.cache"
cat >"$k/ed.sh" <<E
#!/bin/sh
case \$(cat "$k/mode") in
swam) sed -i "s/manner: without_inspection/manner: swam/" "\$2" ;;
wait) sed -i "s/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Unsaved/" "\$2"
      echo \$\$ >"$k/ed.pid.tmp"
      echo \$PPID >"$k/cw.pid.tmp"
      mv "$k/ed.pid.tmp" "$k/ed.pid"
      mv "$k/cw.pid.tmp" "$k/cw.pid"
      while :; do sleep 1; done ;;
fix) sed -i "s/manner: swam/manner: without_inspection/; s/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Restored/" "\$2" ;;
esac
E
chmod +x "$k/ed.sh"
touch "$k/stamp"
echo swam >"$k/mode"
CW_ENV="EDITOR=$k/ed.sh TMPDIR=$k/tmpdir"
start "$k/cases"
check "kept: starts" 'wait_for "1 case"'
tm send-keys -t cw e
check "kept: an edit refused" 'wait_for "edit refused"'
tm send-keys -t cw q
check "kept: left, its text kept" 'wait_for "your text is kept in"'
echo wait >"$k/mode"
tm send-keys -t cw e
if wait_file "$k/cw.pid" && wait_file "$k/ed.pid"; then
	kill -KILL "$(cat "$k/cw.pid")" "$(cat "$k/ed.pid")"
fi
check "kept: a second edit killed with casewalk (SIGKILL)" \
	'wait_exit && [ "$(cat "$tmp/status")" = 137 ]'
priv=$tmp/.cache/casewalk
check "kept: \$TMPDIR holds nothing" '[ -z "$(ls -A "$k/tmpdir")" ]'
check "kept: /tmp holds no casewalk-* file of ours" \
	'[ -z "$(find /tmp -maxdepth 1 -type f -name "casewalk-*" -newer "$k/stamp" 2>/dev/null)" ]'
check "kept: the case file is as it was, nothing beside it" \
	'cmp -s "$k/orig" "$k/cases/e06a-felipe-voluntary-return.yaml" &&
	 [ "$(ls -A "$k/cases")" = e06a-felipe-voluntary-return.yaml ]'
check "kept: the edited text is only in the private directory" \
	'[ -z "$(grep -rl --exclude="*.sh" -e "manner: swam" -e "Ruiz-Unsaved" "$tmp" | grep -v "^$priv/")" ] &&
	 grep -q "manner: swam" "$priv"/*.yaml.rej &&
	 grep -q "Ruiz-Unsaved" "$priv"/casewalk-??????.yaml'
check "kept: the private directory is 0700, its files 0600" \
	'[ "$(stat -c %a "$priv")" = 700 ] &&
	 [ -z "$(find "$priv" -type f ! -perm 600)" ]'
# the next start
start "$k/cases"
unset CW_ENV
check "kept: the next start lists both" \
	'wait_for "1 rejected and 1 unsaved edit kept: restore (e), open (Enter), or delete (d)"'
check "kept: the refused one, and the one the killed session left" \
	'wait_for "rejected  " && wait_for "unsaved   "'
tm send-keys -t cw Enter
check "kept: Enter opens it read-only" \
	'wait_for "(read-only)" && wait_for "manner: swam"'
tm send-keys -t cw q j d
check "kept: d asks again" 'wait_for "d again deletes"'
tm send-keys -t cw d
check "kept: d d deletes it" \
	'wait_for "deleted casewalk-" && ! grep -rqs "Ruiz-Unsaved" "$priv"'
echo fix >"$k/mode"
tm send-keys -t cw e
check "kept: e restores it, and it is saved when valid" \
	'wait_for "saved " && grep -q "Ruiz-Restored" "$k/cases/e06a-felipe-voluntary-return.yaml"'
check "kept: nothing is left in the private directory" \
	'[ -z "$(ls -A "$priv")" ]'
tm send-keys -t cw Q
check "kept: quits with status 0" \
	'wait_exit && [ "$(cat "$tmp/status")" = 0 ]'

# ---- nothing left on the shell's screen ----------------------------------------
# The client list is not left behind on quitting: the alternate screen
# where the terminal has one, and a cleared screen where it has none
# (vt100)
for term in xterm-256color vt100; do
	CW_ENV=TERM=$term
	start testdata/cases
	unset CW_ENV
	check "TERM=$term: starts" 'wait_for "102 cases"'
	tm send-keys -t cw q
	check "TERM=$term: after q, no case is left on the screen" \
		'wait_exit && ! screen | grep -q "E06a\|102 cases\|not legal advice"'
done

# ---- Ctrl-Z while the editor runs ------------------------------------------------
# In an interactive shell with job control: e runs a fake editor, ^Z stops
# it and casewalk, fg resumes both.  casewalk must stay silent while the
# editor has the terminal (curses' own SIGTSTP handler redrew the list over
# it on resuming), and draw again only when the editor exits.
start_shell() {
	tm kill-server 2>/dev/null
	runs=$((runs + 1))
	sock=$tmp/sock.$runs
	mkdir -p "$tmp/tmpdir"
	tm new-session -d -x 80 -y 24 -s cw env -i PATH="$PATH" \
		TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC HOME="$tmp" \
		TMPDIR="$tmp/tmpdir" \
		XDG_CONFIG_HOME="$tmp/xdg" CASEWALK_TODAY=2026-11-27 PS1='$ ' \
		bash --norc --noprofile -i
	tm set-option -g default-terminal xterm-256color >/dev/null
}
cat >"$tmp/ed-wait.sh" <<E
#!/bin/sh
trap 'echo EDITOR-CONTINUED' CONT
echo EDITOR-RUNNING
while [ ! -f "$tmp/ed-stop" ]; do sleep 0.05; done
E
chmod +x "$tmp/ed-wait.sh"
rm -f "$tmp/ed-stop"
start_shell
check "an interactive shell" 'wait_for "\$"'
cat >"$tmp/cw-job.sh" <<E
#!/bin/sh
EDITOR="$tmp/ed-wait.sh" "$cw" testdata/cases
echo \$? >"$tmp/job-status"
E
chmod +x "$tmp/cw-job.sh"
rm -f "$tmp/job-status"
tm send-keys -t cw "$tmp/cw-job.sh" Enter
check "starts from the shell" 'wait_for "102 cases"'
tm send-keys -t cw e
check "e runs the editor" 'wait_for EDITOR-RUNNING'
tm send-keys -t cw C-z
check "^Z stops the editor and casewalk" 'wait_for Stopped'
tm send-keys -t cw fg Enter
check "fg resumes the editor" 'wait_for EDITOR-CONTINUED'
# nothing of casewalk's for a second after the editor has resumed
silent=true
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	screen | grep -q "not legal advice\|102 cases\|E06a" &&
		silent=false && break
	sleep 0.05
done
check "casewalk stays silent while the editor has the terminal" '$silent'
touch "$tmp/ed-stop"
check "when the editor exits, casewalk draws again" 'wait_for "no changes"'
tm send-keys -t cw q
check "and quits with status 0" \
	'wait_file "$tmp/job-status" && [ "$(cat "$tmp/job-status")" = 0 ]'

# ---- terminals it cannot draw on ------------------------------------------------
CW_ENV=TERM=dumb
start testdata/cases
check "TERM=dumb: a clear message" 'wait_for "cannot move the cursor"'
check "TERM=dumb: status 2" 'wait_exit && [ "$(cat "$tmp/status")" = 2 ]'
CW_ENV=TERM=no-such-terminal
start testdata/cases
unset CW_ENV
check "an unknown TERM: a clear message" \
	'wait_for "the terminal type '"'no-such-terminal'"' is unknown"'
check "an unknown TERM: status 2" \
	'wait_exit && [ "$(cat "$tmp/status")" = 2 ]'

# ---- out of memory ------------------------------------------------------------
# tests/fault/failmalloc.c makes every allocation of 4 MiB or more fail;
# reading a 5 MiB case file on a loading thread asks for one.  casewalk
# ends with status 3 and a message after restoring the terminal (an
# abort() left it raw, with status 134).
mkdir -p "$tmp/oom"
awk 'BEGIN { printf "format: casewalk/1\nid: BIG\nperson: {name: A}\n";
	printf "events: [{date: 2001-01-01, type: entry}]\n";
	for (i = 0; i < 90000; i++) printf "# %060d\n", i }' >"$tmp/oom/big.yaml"
if ${CC:-cc} -shared -fPIC -o "$tmp/failmalloc.so" tests/fault/failmalloc.c; then
	CW_ENV="LD_PRELOAD=$tmp/failmalloc.so FAILMALLOC_MIN=4194304"
	start "$tmp/oom"
	unset CW_ENV
	check "out of memory: status 3" \
		'wait_exit && [ "$(cat "$tmp/status")" = 3 ]'
	check "out of memory: the message is on the screen" \
		'wait_for "casewalk: out of memory"'
	check "out of memory: the terminal is restored" \
		'grep -q " icanon" "$tmp/stty" && grep -q " echo " "$tmp/stty"'
else
	bad "out of memory: cannot build tests/fault/failmalloc.c"
fi

# ---- quitting during a load ------------------------------------------------
# q, and SIGINT (^C), end the explorer at once while a big corpus loads,
# not when the load is done (issue 12): 150,000 cases on one thread take
# seconds to load; the loader stops between two documents.
mkdir -p "$tmp/big"
awk -v d="$tmp/big" 'BEGIN {
	for (f = 0; f < 15; f++)
		for (i = 0; i < 10000; i++)
			printf "--- {format: casewalk/1, id: b%d-%d, person: {name: \"Load Test\"}, events: [{date: 2001-01-01, type: entry, manner: without_inspection}, {date: 2010-05-04, type: voluntary_return}, {date: 2010-05-04, type: departure, kind: voluntary_return}]}\n", f, i > (d "/s" f ".yaml")
}'
# quit_during_load HOW: HOW (q or INT) while "Loading case files" shows;
# casewalk must be gone within 2 seconds
quit_during_load() {
	start --jobs 1 "$tmp/big"
	if ! wait_for "Loading case files"; then
		bad "$1 during a load: the load was not seen"
		return
	fi
	if [ "$1" = q ]; then
		tm send-keys -t cw q
	else
		pid=$(pgrep -f -n -- "$cw --jobs 1 $tmp/big" 2>/dev/null || true)
		[ -n "$pid" ] && kill -INT "$pid"
	fi
	check "$1 during a load quits at once" 'wait_exit 2'
	want=$2
	check "$1 during a load: status $2, the terminal restored" \
		'wait_exit && [ "$(cat "$tmp/status")" = "$want" ] &&
		 grep -q " icanon" "$tmp/stty"'
}
quit_during_load q 0
quit_during_load INT 130
rm -rf "$tmp/big"

# ---- casewalk-law(7) from the rules -------------------------------------------
# L in the rules opens the manual with man, at the entry on top: a stand-in
# less writes down how it was called and what it was given
mkdir -p "$tmp/bin"
cat >"$tmp/bin/less" <<'P'
#!/bin/sh
printf '%s\n' "$@" >"$LESS_ARGS.tmp"
cat >"$LESS_ARGS.text"
mv "$LESS_ARGS.tmp" "$LESS_ARGS"
P
chmod +x "$tmp/bin/less"
if command -v man >/dev/null 2>&1; then
	CW_ENV="PATH=$tmp/bin:\$PATH MANPAGER= PAGER= LESS_ARGS=$tmp/less.args"
	start testdata/cases
	unset CW_ENV
	wait_for "102 cases"
	tm send-keys -t cw L
	wait_for "casewalk-law(7) |"
	tm send-keys -t cw /bar_9B_10yr Enter L
	check "L in the rules runs the pager on casewalk-law(7)" \
		'wait_file "$tmp/less.args" && grep -q "^CASEWALK-LAW(7)" "$tmp/less.args.text"'
	check "opened at the entry on top of the rules" \
		'grep -qx -- "-p" "$tmp/less.args" && grep -qxF -- "^ *bar_9B_10yr\$" "$tmp/less.args"'
	check "and the rules are back when it ends" \
		'wait_for "casewalk-law(7) |" && wait_for "bar_9B_10yr"'
else
	echo "skip casewalk-law(7) from the rules: man is not installed"
fi

# ---- signals ----------------------------------------------------------------
start testdata/cases
check "starts again" 'wait_for "102 cases"'
pid=$(pgrep -f -n -- "$cw testdata/cases" 2>/dev/null || true)
if [ -n "$pid" ]; then
	# no core file could hold the case text (secure.h)
	check "the explorer's core file limit is 0" \
		'grep -q "^Max core file size  *0  *0 " "/proc/$pid/limits"'
	kill -TERM "$pid"
	check "SIGTERM ends it with status 143" \
		'wait_exit && [ "$(cat "$tmp/status")" = 143 ]'
	check "and the terminal is restored" \
		'grep -q " icanon" "$tmp/stty" && grep -q " echo " "$tmp/stty"'
else
	bad "cannot find the casewalk process"
fi

echo "tmux: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
