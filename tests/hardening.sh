#!/bin/sh
# hardening.sh - the defences of issue 6, each with a test that fails
# without it: the read-only guarantee, faults (EACCES, FIFOs, devices,
# symlink loops, empty files, a million cases, a closed stdout, files that
# change while they load, SIGINT/SIGTERM, out of memory), no core file and
# not dumpable, terminal safety of CLI output, the fuzzers' regressions
# through the command line, and (issue 12) edits that keep what they
# touch: read-only and hard-linked files refused, the owner and group of
# the file kept or the save refused (two users through setpriv, skipped
# where it cannot run); tables that never truncate (300 authorized periods,
# 101 stays, 200 more penalty rules in stats, CSV and the S view) and time
# linear in application events.
#
# usage: tests/hardening.sh [CASEWALK]          (default ./casewalk)
#
# The ASan build (build-asan/casewalk, from `make sanitize`) is used for the
# tests that race with the loader when it exists; CASEWALK_ASAN overrides.
# HARDENING_QUICK=1 skips the million-case test.  Every check prints PASS,
# FAIL or SKIP; the last line is "N passed, N failed"; the status is
# non-zero when anything failed.
set -u
here=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cw=${1:-./casewalk}
case $cw in /*) ;; *) cw=$here/$cw ;; esac
asan=${CASEWALK_ASAN:-$root/build-asan/casewalk}
[ -x "$asan" ] || asan=$cw
cd "$root" || exit 1
[ -x "$cw" ] || { echo "hardening: no executable $cw" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-hard.XXXXXX") || exit 2
cleanup() {
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
chmod 755 "$tmp"        # the unprivileged user must reach its files
mkdir -p "$tmp/home" "$tmp/xdg"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" TZ=UTC LC_ALL=C.UTF-8 \
	CASEWALK_TODAY=2026-11-27 TERM=xterm-256color
# the private directory of edits is under $HOME here, never the user's
unset CASEWALK_SCRIPT CASEWALK_SAMPLES XDG_RUNTIME_DIR XDG_CACHE_HOME
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
skip() { echo "SKIP $*"; }
# show FILE: the first lines of a file, indented, after a FAIL
show() { [ -s "$1" ] && head -n "${2:-5}" "$1" | cut -c1-200 | sed 's/^/    /'; }

# run OUT ERR CMD...: CMD with stdout and stderr to files; sets $st
run() {
	o=$1 e=$2
	shift 2
	"$@" >"$o" 2>"$e"
	st=$?
}

# expect STATUS PATTERN WHAT: the last run into $tmp/o exited with STATUS
# and printed PATTERN on stdout
expect() {
	if [ "$st" = "$1" ] && grep -q -e "$2" "$tmp/o"; then
		ok "$3"
	else
		bad "$3: status $st"
		show "$tmp/o"
	fi
}

# a status that means a crash (signal, abort) or an internal failure
crashed() { [ "$1" -ge 3 ]; }

# ---- read-only guarantee ----------------------------------------------------

# snapshot DIR: every path with its type, mode, size, mtime and content hash
snapshot() {
	(cd "$1" && find . -printf '%p %y %m %s %T@\n' | LC_ALL=C sort &&
		find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2)
}

ro=$tmp/ro
mkdir -p "$ro/tests"
cp -a testdata "$ro/testdata"
cp -a tests/rules "$ro/tests/rules"
snapshot "$ro" >"$tmp/before"
nfiles=$(grep -c ' f ' "$tmp/before")
ro_ok=true
# ro_run NAME CMD...: in the copy, as a user would; any crash fails
ro_run() {
	name=$1
	shift
	(cd "$ro" && "$@") >"$tmp/ro.out" 2>"$tmp/ro.err"
	s=$?
	if crashed "$s"; then
		bad "read-only: $name: exit status $s"
		show "$tmp/ro.err"
		ro_ok=false
	fi
}
ro_run "check" "$cw" check testdata
ro_run "check bad" "$cw" check testdata/bad testdata/hostile-valid
ro_run "assess" "$cw" assess testdata/cases
ro_run "assess --json" "$cw" assess --json testdata/cases
ro_run "assess --csv" "$cw" assess --csv testdata/cases
ro_run "assess --redact" "$cw" assess --redact testdata/cases testdata/wide
ro_run "assess --as-of" "$cw" assess --as-of 2012-01-01 --law-as-of 2012-01-01 testdata
ro_run "stats" "$cw" stats testdata/cases
ro_run "stats --json" "$cw" stats --json testdata/cases
ro_run "rules" "$cw" rules
ro_run "rules --json" "$cw" rules --json --law-as-of 2010-06-01
ro_run "test" sh -c "\"$cw\" test tests/rules/*.yaml"
ro_run "test --rules" sh -c "\"$cw\" test --rules $root/config/rules.yaml tests/rules/*.yaml"

# The explorer, when this build has it: every view, search, filter, sort,
# redaction, reload and resizes, screens dumped outside the tree.
"$cw" --version >/dev/null 2>&1
printf ':quit\n' >"$tmp/quit.script"
CASEWALK_SCRIPT=$tmp/quit.script "$cw" testdata/cases >/dev/null 2>"$tmp/ui.err"
if grep -q 'not in this build' "$tmp/ui.err"; then
	skip "read-only: explorer session (the explorer is not in this build)"
else
	mkdir -p "$tmp/dumps"
	sed "s|@|$tmp/dumps/|" >"$tmp/session.script" <<'EOS'
:wait-load
:dump @list
<Enter>
:dump @case
<PgDn>
G
c
:dump @compare
q
q
S
:dump @stats
<PgDn>
q
E
:dump @errors
j
G
q
L
:dump @rules
/cancel<Enter>
n
q
?
:dump @help
G
q
R
:dump @redact
<Enter>
q
R
s
s
o
fpath=voluntary<Enter>
:dump @filter
f<C-u><Enter>
/felipe<Enter>
n
N
<Esc>
r
:wait-load
:resize 20 5
:dump @small
:resize 1 1
:resize 120 40
:dump @big
:quit
EOS
	ro_run "explorer session" env CASEWALK_SCRIPT="$tmp/session.script" \
		COLUMNS=80 LINES=24 EDITOR=false "$cw" testdata/cases \
		testdata/bad testdata/hostile-valid
	if [ -s "$tmp/dumps/list" ] && [ -s "$tmp/dumps/big" ]; then
		ok "read-only: explorer session visited every view ($(find "$tmp/dumps" -type f | wc -l) screens)"
	else
		bad "read-only: the explorer session did not run to its end"
		show "$tmp/ro.err"
		ro_ok=false
	fi
fi
snapshot "$ro" >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then
	$ro_ok && ok "read-only: $nfiles files byte-identical, none created, none touched"
else
	bad "read-only: the tree changed:"
	diff "$tmp/before" "$tmp/after" | head -10 | sed 's/^/    /'
fi

# ---- faults -------------------------------------------------------------------

good=testdata/cases/e06a-felipe-voluntary-return.yaml

# EACCES: a file and a directory nobody may read, as an unprivileged user
# (root bypasses permission checks)
mkdir -p "$tmp/perm/locked"
cp "$good" "$tmp/perm/a.yaml"
cp testdata/cases/e01-ana-180-days.yaml "$tmp/perm/b.yaml"
cp testdata/cases/e02-bruno-181-days.yaml "$tmp/perm/locked/c.yaml"
chmod 000 "$tmp/perm/b.yaml" "$tmp/perm/locked"
# asuser CMD...: CMD as the unprivileged user (or as ourselves when we are
# not root); how is decided once, in $how
how=""
if [ "$(id -u)" != 0 ]; then
	how=self
elif setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	how=setpriv
elif su -s /bin/sh -c true nobody 2>/dev/null; then
	how=su
fi
asuser() {
	# shellcheck disable=SC2016
	case $how in
	self) "$@" ;;
	setpriv) setpriv --reuid=65534 --regid=65534 --clear-groups "$@" ;;
	su) su -s /bin/sh -c '"$0" "$@"' nobody -- "$@" ;;
	esac
}
if [ -z "$how" ]; then
	skip "EACCES: running as root, and neither setpriv nor su can drop privileges"
elif ! asuser test -x "$cw"; then
	skip "EACCES: the unprivileged user cannot run $cw"
else
	run "$tmp/o" "$tmp/e" asuser "$cw" check "$tmp/perm"
	if [ "$st" = 1 ] && grep -q 'b.yaml.*cannot read: Permission denied' "$tmp/o" &&
	   grep -q 'locked.*cannot read: Permission denied' "$tmp/o" &&
	   grep -q ', 1 case:' "$tmp/e"; then
		ok "EACCES ($how): unreadable file and directory reported, the readable case loaded"
	else
		bad "EACCES ($how): status $st"
		show "$tmp/o"
		show "$tmp/e"
	fi
	# an unreadable user configuration is in the errors view, not on a
	# stderr the screen covers
	mkdir -p "$tmp/uconf/xdg/casewalk"
	cp "$good" "$tmp/uconf/case.yaml"
	printf 'format: casewalk-conf/1\n' >"$tmp/uconf/xdg/casewalk/config"
	chmod 000 "$tmp/uconf/xdg/casewalk/config"
	chmod 777 "$tmp/uconf"
	printf ':wait-load\n:resize 300 10\nE\n:dump %s\n' "$tmp/uconf/E" \
		>"$tmp/uconf/script"
	run "$tmp/o" "$tmp/e" asuser env CASEWALK_SCRIPT="$tmp/uconf/script" \
		XDG_CONFIG_HOME="$tmp/uconf/xdg" "$cw" "$tmp/uconf/case.yaml"
	if [ "$st" = 0 ] && grep -qF "$tmp/uconf/xdg/casewalk/config: error: cannot read: Permission denied" "$tmp/uconf/E" 2>/dev/null; then
		ok "unreadable user configuration ($how): shown in the errors view"
	else
		bad "unreadable user configuration ($how): status $st"
		show "$tmp/uconf/E"
		show "$tmp/e"
	fi
fi
chmod 755 "$tmp/perm/locked"
chmod 644 "$tmp/perm/b.yaml"

# FIFOs and devices are refused without blocking
mkdir -p "$tmp/fifo"
cp "$good" "$tmp/fifo/a.yaml"
mkfifo "$tmp/fifo/x.yaml"
run "$tmp/o" "$tmp/e" timeout 10 "$cw" check "$tmp/fifo"
if [ "$st" = 1 ] && grep -q 'x.yaml.*not a regular file' "$tmp/o" &&
   grep -q ', 1 case:' "$tmp/e"; then
	ok "FIFO in a directory: refused, not opened for long, the rest loaded"
else
	bad "FIFO in a directory: status $st (124: it blocked)"
	show "$tmp/o"
fi
run "$tmp/o" "$tmp/e" timeout 10 "$cw" assess "$tmp/fifo/x.yaml"
if [ "$st" = 1 ] && grep -q 'not a regular file' "$tmp/o" "$tmp/e"; then
	ok "FIFO as an argument: refused without blocking"
else
	bad "FIFO as an argument: status $st (124: it blocked)"
	show "$tmp/o"
	show "$tmp/e"
fi
for dev in /dev/null /dev/zero; do
	run "$tmp/o" "$tmp/e" timeout 10 "$cw" check "$dev"
	expect 1 'not a regular file' "$dev as an argument: refused"
done

# symbolic link loops: a -> b -> a, a link to the parent, a link to itself
mkdir -p "$tmp/loop/a" "$tmp/loop/b"
cp "$good" "$tmp/loop/a/case.yaml"
ln -s ../b "$tmp/loop/a/to-b"
ln -s ../a "$tmp/loop/b/to-a"
ln -s .. "$tmp/loop/a/up"
ln -s self.yaml "$tmp/loop/self.yaml"
# one_case WHAT: the last run ended by itself and loaded one case
one_case() {
	if ! crashed "$st" && grep -q ', 1 case:' "$tmp/e"; then
		ok "$1"
	else
		bad "$1: status $st (124: it looped)"
		show "$tmp/o"
		show "$tmp/e"
	fi
}
run "$tmp/o" "$tmp/e" timeout 10 "$cw" check "$tmp/loop"
one_case "symlink loops: finished, the one case loaded once"
run "$tmp/o" "$tmp/e" timeout 10 "$cw" check "$tmp/loop/a/to-b/to-a/up"
one_case "symlink loops: a looping path as the argument"

# out of memory: tests/fault/failmalloc.c fails every allocation of 4 MiB
# or more, and reading a 5 MiB file asks for one.  Every command ends with
# status 3 and a message, never abort()
mkdir -p "$tmp/oom"
awk 'BEGIN { printf "format: casewalk/1\nid: BIG\nperson: {name: A}\n";
	printf "events: [{date: 2001-01-01, type: entry}]\n";
	for (i = 0; i < 90000; i++) printf "# %060d\n", i }' >"$tmp/oom/big.yaml"
if ${CC:-cc} -shared -fPIC -o "$tmp/failmalloc.so" tests/fault/failmalloc.c
then
	for args in check assess "assess --json" stats; do
		# shellcheck disable=SC2086
		run "$tmp/o" "$tmp/e" env LD_PRELOAD="$tmp/failmalloc.so" \
			FAILMALLOC_MIN=4194304 "$cw" $args "$tmp/oom"
		if [ "$st" = 3 ] && grep -q '^casewalk: out of memory' "$tmp/e"; then
			ok "out of memory: casewalk $args: status 3 and a message"
		else
			bad "out of memory: casewalk $args: status $st (134: abort)"
			show "$tmp/e"
		fi
	done
else
	bad "out of memory: cannot build tests/fault/failmalloc.c"
fi

# a 0-byte file
: >"$tmp/empty.yaml"
run "$tmp/o" "$tmp/e" "$cw" check "$tmp/empty.yaml"
expect 1 'empty.yaml:1:1: error: file holds no case' \
	"0-byte file: file holds no case at 1:1"

# stdout a closed pipe: EPIPE ends the output quietly.  The corpus is made
# big enough (2,000 cases) that the output overflows the pipe's buffer.
mkdir -p "$tmp/many"
awk -v d="$tmp/many" 'BEGIN {
	for (f = 0; f < 4; f++)
		for (i = 0; i < 500; i++)
			printf "--- {format: casewalk/1, id: m%d-%d, person: {name: \"Pipe Test\"}, events: [{date: 2001-01-01, type: entry, manner: without_inspection}, {date: 2010-05-04, type: voluntary_return}, {date: 2010-05-04, type: departure, kind: voluntary_return}]}\n", f, i > (d "/s" f ".yaml")
}'
# only check writes to stderr here: its one-line summary
for args in "assess --json" "assess --csv" "assess" "stats" "check"; do
	extra=""
	[ "$args" = check ] && extra=testdata/bad
	# shellcheck disable=SC2086
	{ "$cw" $args "$tmp/many" $extra 2>"$tmp/e"; echo $? >"$tmp/st"; } |
		head -c 10 >/dev/null
	st=$(cat "$tmp/st")
	if [ "$st" -le 1 ] && ! grep -v '^casewalk: [0-9]* files, ' "$tmp/e" |
	   grep -q .; then
		ok "closed stdout: $args | head -c 10: status $st, nothing on stderr"
	else
		bad "closed stdout: $args | head -c 10: status $st"
		show "$tmp/e"
	fi
done

# files truncated, deleted and recreated while check loads them: no crash
# (under AddressSanitizer when that build exists)
mkdir -p "$tmp/race/pristine" "$tmp/race/live"
awk -v d="$tmp/race/pristine" 'BEGIN {
	for (f = 0; f < 400; f++)
		for (i = 0; i < 20; i++)
			printf "--- {format: casewalk/1, id: r%d-%d, person: {name: Race}, events: [{date: 2001-01-01, type: entry}, {date: 2010-05-04, type: encounter}]}\n", f, i > (d "/r" f ".yaml")
}'
cp "$tmp/race/pristine/"* "$tmp/race/live/"
(
	n=0
	while [ ! -f "$tmp/race/stop" ]; do
		for f in "$tmp/race/live/"r*[02468].yaml; do
			[ -e "$f" ] || continue
			case $n in
			0) : >"$f" ;;
			1) rm -f "$f" ;;
			2) head -c 333 "$tmp/race/pristine/r1.yaml" >"$f" ;;
			esac
		done
		n=$(((n + 1) % 3))
		cp "$tmp/race/pristine/"* "$tmp/race/live/" 2>/dev/null
	done
) &
mutator=$!
race_ok=true
for _ in 1 2 3 4 5 6 7 8; do
	ASAN_OPTIONS=detect_leaks=1 timeout 60 "$asan" check --jobs 2 \
		"$tmp/race/live" >/dev/null 2>"$tmp/e"
	st=$?
	if crashed "$st" || grep -q 'Sanitizer' "$tmp/e"; then
		race_ok=false
		break
	fi
done
touch "$tmp/race/stop"
wait "$mutator" 2>/dev/null
if $race_ok; then
	ok "files changing while loading: 8 runs of $(basename "$(dirname "$asan")")/casewalk check, no crash"
else
	bad "files changing while loading: status $st"
	show "$tmp/e" 20
fi

# a million cases in 8 streams; and a stream of more documents than the
# limit allows
if [ "${HARDENING_QUICK:-0}" = 1 ]; then
	skip "1,000,000 cases (HARDENING_QUICK=1)"
else
	mkdir -p "$tmp/million"
	awk -v d="$tmp/million" 'BEGIN {
		for (i = 0; i < 1000000; i++)
			printf "--- {format: casewalk/1, id: c%07d, person: {}, events: [{date: 2001-01-01, type: entry}]}\n", i > (d "/part" int(i / 125000) ".yaml")
	}'
	t0=$(date +%s.%N)
	run "$tmp/o" "$tmp/e" timeout 600 "$cw" check "$tmp/million"
	t1=$(date +%s.%N)
	secs=$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')
	if [ "$st" = 0 ] && grep -q '8 files, 1000000 cases: no problems' "$tmp/e"; then
		ok "1,000,000 cases (8 streams of 125,000): check in $secs s"
	else
		bad "1,000,000 cases: status $st after $secs s"
		show "$tmp/e"
	fi

	# SIGINT and SIGTERM in the middle of that check: it ends at once,
	# by the signal (no core, no hang)
	for sig in INT TERM; do
		case $sig in INT) want=130 ;; TERM) want=143 ;; esac
		t0=$(date +%s.%N)
		timeout --preserve-status -k 5 -s "$sig" 0.5 "$cw" check \
			"$tmp/million" >/dev/null 2>"$tmp/e"
		st=$?
		t1=$(date +%s.%N)
		secs=$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')
		if [ "$st" = "$want" ] || [ "$st" = 1 ] || [ "$st" = 0 ]; then
			ok "SIG$sig during check: exit status $st after $secs s"
		else
			bad "SIG$sig during check: exit status $st after $secs s (137: it had to be killed; 134/139: a crash)"
			show "$tmp/e"
		fi
	done
	rm -rf "$tmp/million"
fi
awk 'BEGIN { for (i = 0; i <= 1000000; i++) print "---" }' >"$tmp/docs.yaml"
run "$tmp/o" "$tmp/e" timeout 60 "$cw" check "$tmp/docs.yaml"
expect 1 'more than 1000000 documents' \
	"1,000,001 documents in a stream: refused at the limit"

# ---- no core file, not dumpable ---------------------------------------------------

# A command blocked writing to a FIFO nobody reads, as the unprivileged
# user, after `ulimit -c unlimited`: its core limit is 0 and it is not
# dumpable (/proc/PID/status then belongs to root), and SIGSEGV leaves no
# core file in its directory.
core_test() {
	mkdir -p "$tmp/core"
	chmod 777 "$tmp/core"
	mkfifo -m 666 "$tmp/core/fifo"
	exec 9<>"$tmp/core/fifo"        # open for writing never blocks
	(cd "$tmp/core" && asuser sh -c 'echo $$ >pid; ulimit -c unlimited 2>/dev/null
		ulimit -c >ulimit; exec "$0" assess --json "$1" >fifo' \
		"$cw" "$tmp/many") 2>/dev/null &    # no "Segmentation fault"
	job=$!
	pid=""
	for _ in $(seq 100); do
		[ -s "$tmp/core/pid" ] && pid=$(cat "$tmp/core/pid") &&
			grep -q assess "/proc/$pid/cmdline" 2>/dev/null && break
		sleep 0.05
	done
	if [ -z "$pid" ] || ! grep -q assess "/proc/$pid/cmdline" 2>/dev/null; then
		bad "no core file: the blocked command did not start"
	else
		if grep -q '^Max core file size  *0  *0 ' "/proc/$pid/limits"; then
			ok "no core file: RLIMIT_CORE 0 after ulimit -c unlimited"
		else
			bad "no core file: $(grep 'core file' "/proc/$pid/limits")"
		fi
		owner=$(stat -c %u "/proc/$pid/status")
		if [ "$(id -u)" = 0 ] && [ "$how" != setpriv ] && [ "$how" != su ]; then
			skip "not dumpable: no unprivileged user to tell it by"
		elif [ "$owner" = 0 ]; then
			ok "not dumpable ($how): /proc/PID belongs to root"
		else
			bad "not dumpable ($how): /proc/PID/status belongs to uid $owner"
		fi
		kill -SEGV "$pid"
	fi
	wait "$job" 2>/dev/null
	exec 9<&-
	pattern=$(cat /proc/sys/kernel/core_pattern 2>/dev/null)
	if [ "$(cat "$tmp/core/ulimit" 2>/dev/null)" != unlimited ]; then
		skip "no core file on SIGSEGV: ulimit -c unlimited is not allowed here"
	else
		case $pattern in
		core*)
			if ls "$tmp/core" | grep -q '^core'; then
				bad "no core file on SIGSEGV: $(ls "$tmp/core" | grep '^core')"
			else
				ok "no core file on SIGSEGV (core_pattern $pattern)"
			fi ;;
		*) skip "no core file on SIGSEGV: core_pattern is '$pattern'" ;;
		esac
	fi
	rm -rf "$tmp/core"
}
if [ -z "$how" ]; then
	skip "no core file: neither setpriv nor su can drop privileges"
else
	core_test
fi

# ---- terminal safety ------------------------------------------------------------

# unsafe FILE: how many bytes a terminal would act on: C0 but tab and
# newline, DEL, C1 (as UTF-8), bidi controls
unsafe() {
	# CR LF ends a CSV row (RFC 4180): only a CR elsewhere is unsafe
	a=$(LC_ALL=C sed 's/\r$//' "$1" | LC_ALL=C tr -d '\011\012\040-\176\200-\377' | wc -c)
	b=$(LC_ALL=C grep -a -c -P '\xC2[\x80-\x9F]|\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' "$1")
	echo $((a + b))
}
for args in "check testdata/bad testdata/hostile-valid" \
	    "assess testdata/hostile-valid" \
	    "assess --redact testdata/hostile-valid" \
	    "stats testdata/hostile-valid"; do
	# shellcheck disable=SC2086
	run "$tmp/o" "$tmp/e" "$cw" $args
	u=$(unsafe "$tmp/o") v=$(unsafe "$tmp/e")
	if crashed "$st"; then
		bad "terminal safety: casewalk $args: exit status $st"
	elif [ "$u" = 0 ] && [ "$v" = 0 ] && [ -s "$tmp/o" ]; then
		ok "terminal safety: casewalk $args: no control byte on stdout or stderr"
	else
		bad "terminal safety: casewalk $args: $u unsafe line(s)/byte(s) on stdout, $v on stderr"
	fi
done
# file names are data too: an OSC title sequence, a C1 CSI, a right-to-left
# override in the names of a bad and two good case files
mkdir -p "$tmp/names"
cp testdata/bad/23-manner-swam.yaml "$tmp/names/$(printf 'a\033]0;pwned\007.yaml')"
sed 's/^id: .*/id: NAME-C1/' "$good" >"$tmp/names/$(printf 'b\302\233.yaml')"
sed 's/^id: .*/id: NAME-BIDI/' "$good" >"$tmp/names/$(printf 'c\342\200\256lmth.yaml')"
for args in "check" "assess" "assess --csv" "assess --json" "stats"; do
	# shellcheck disable=SC2086
	run "$tmp/o" "$tmp/e" "$cw" $args "$tmp/names"
	u=$(unsafe "$tmp/o") v=$(unsafe "$tmp/e")
	if ! crashed "$st" && [ "$u" = 0 ] && [ "$v" = 0 ]; then
		ok "terminal safety: hostile file names, casewalk $args"
	else
		bad "terminal safety: hostile file names, casewalk $args: status $st, $u unsafe on stdout, $v on stderr"
	fi
done
# a rules file is shared between trainers: its strings are data as well
# (the built-in rules, their strings turned hostile: a title, a
# condition's text, a citation, a policy's title, a derived fact's text)
python3 - config/rules.yaml "$tmp/hostile-rules.yaml" <<'EOP'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
evil = ['\\e[2J', '\\e]0;pwned\\a', '\\u202E', '\\x9b', '\\x85', '\\x07',
        '\\e[31m', '\\u2066', '\\e[8m']
n = [0]
def bad(m):
    n[0] += 1
    if n[0] % 5:        # one string in five, all through the file
        return m.group(0)
    return '%s"%s %s"' % (m.group(1), m.group(2).replace('"', "'"),
                          evil[n[0] // 5 % len(evil)])
s = re.sub(r'^(\s*(?:title|text|cite): )([^"{\n][^\n]*)$', bad, s,
           flags=re.M)
open(sys.argv[2], 'w', encoding='utf-8').write(s)
EOP
for args in "rules" "assess" "assess --csv" "stats"; do
	# shellcheck disable=SC2086
	run "$tmp/o" "$tmp/e" "$cw" $args --rules "$tmp/hostile-rules.yaml" $good
	u=$(unsafe "$tmp/o") v=$(unsafe "$tmp/e")
	if ! crashed "$st" && [ "$u" = 0 ] && [ "$v" = 0 ] && [ -s "$tmp/o" ]; then
		ok "terminal safety: hostile rules file, casewalk $args"
	else
		bad "terminal safety: hostile rules file, casewalk $args: status $st, $u unsafe on stdout, $v on stderr"
	fi
done
# the generated hostile files (a 17 MiB file, a 70 KiB scalar)
if [ -x tests/gen_hostile.sh ] && tests/gen_hostile.sh "$tmp/gen" >/dev/null 2>&1; then
	run "$tmp/o" "$tmp/e" timeout 60 "$cw" check "$tmp/gen"
	u=$(unsafe "$tmp/o") v=$(unsafe "$tmp/e")
	if [ "$st" = 1 ] && [ "$u" = 0 ] && [ "$v" = 0 ]; then
		ok "terminal safety: check of the generated hostile files"
	else
		bad "terminal safety: generated hostile files: status $st, unsafe $u/$v"
	fi
fi

# ---- edits keep what they touch (issue 12) ---------------------------------------

# edit_run WHO DIR ARGS...: the explorer as WHO (root, or b: uid 65534 with
# the supplementary group 4321) in DIR, editing the first case of ARGS with
# $DIR/ed.sh; the screen after the edit is $DIR/after, its private
# directory $DIR/run/casewalk.  Sets $st.
edit_run() {
	who=$1 d=$2
	shift 2
	mkdir -p "$d/run"
	chmod 700 "$d/run"
	printf ':wait-load\ne\n:wait-load\n:resize 300 10\n:dump %s\n:quit\n' \
		"$d/after" >"$d/script"
	case $who in
	self|root) set -- env ;;
	b) chown -R 65534:65534 "$d/run"
	   chmod 777 "$d"
	   set -- setpriv --reuid=65534 --regid=65534 --groups=4321 env ;;
	esac
	# TMPDIR: never /tmp, even for a build that writes its copies there
	mkdir -p "$d/tmp"
	chmod 777 "$d/tmp"
	"$@" CASEWALK_SCRIPT="$d/script" XDG_RUNTIME_DIR="$d/run" \
		HOME="$d/run" TMPDIR="$d/tmp" EDITOR="$d/ed.sh" "$cw" \
		"$d/cases" >"$d/o" 2>"$d/e"
	st=$?
}
# an editor that changes the name
edit_tool() {
	printf '#!/bin/sh\nsed -i "s/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Edited/" "$2"\n' \
		>"$1/ed.sh"
	chmod 755 "$1/ed.sh"
}
# owner USER:GROUP and mode of a file
own() { stat -c '%u:%g %a' "$1"; }

# A read-only file, and one with two hard links, are refused before the
# editor runs: replacing them would ignore the mode, or split the links
for what in read-only links; do
	e=$tmp/refuse-$what
	mkdir -p "$e/cases"
	cp "$good" "$e/cases/case.yaml"
	printf '#!/bin/sh\ntouch "%s/ran"\n' "$e" >"$e/ed.sh"
	chmod 755 "$e/ed.sh"
	case $what in
	read-only) chmod 444 "$e/cases/case.yaml"
		   want="is read-only (mode 0444)" ;;
	links) ln "$e/cases/case.yaml" "$e/link"
	       want="has 2 hard links" ;;
	esac
	cp -p "$e/cases/case.yaml" "$e/orig"
	before=$(stat -c '%i %h %a' "$e/cases/case.yaml")
	edit_run self "$e"
	if [ "$st" = 0 ] && [ ! -e "$e/ran" ] &&
	   cmp -s "$e/orig" "$e/cases/case.yaml" &&
	   [ "$(stat -c '%i %h %a' "$e/cases/case.yaml")" = "$before" ] &&
	   grep -q "cannot edit: $e/cases/case.yaml: $want" "$e/after" &&
	   [ -z "$(ls -A "$e/run/casewalk" 2>/dev/null)" ]; then
		ok "edit of a file that $want: refused before the editor runs"
	else
		bad "edit of a file that $want: status $st, now $(stat -c '%i %h %a' "$e/cases/case.yaml") (was $before)"
		show "$e/after" 12
	fi
done
# ... and when it becomes read-only while the editor runs, the save is
# refused and the text kept
e=$tmp/refuse-later
mkdir -p "$e/cases"
cp "$good" "$e/cases/case.yaml"
printf '#!/bin/sh\nchmod 444 "%s"\nsed -i "s/Felipe Ortega Ruiz/Felipe Ortega Ruiz-Edited/" "$2"\n' \
	"$e/cases/case.yaml" >"$e/ed.sh"
chmod 755 "$e/ed.sh"
cp "$e/cases/case.yaml" "$e/orig"
edit_run self "$e"
rej=$(ls "$e/run/casewalk/"*.rej 2>/dev/null)
if [ "$st" = 0 ] && cmp -s "$e/orig" "$e/cases/case.yaml" &&
   [ -n "$rej" ] && grep -q Ruiz-Edited "$rej" &&
   grep -q "is read-only (mode 0444).*your text is kept in" "$e/after"; then
	ok "a file made read-only during the edit: not replaced, the text kept"
else
	bad "a file made read-only during the edit: status $st"
	show "$e/after" 12
fi

if [ "$(id -u)" != 0 ] || ! setpriv --reuid=65534 --regid=65534 \
	--groups=4321 true 2>/dev/null; then
	skip "edits keep the owner: needs root and setpriv"
else
	# root edits a user's file: it stays the user's, with its mode
	e=$tmp/own-root
	mkdir -p "$e/cases"
	cp "$good" "$e/cases/case.yaml"
	chown 65534:65534 "$e/cases/case.yaml"
	chmod 640 "$e/cases/case.yaml"
	edit_tool "$e"
	edit_run root "$e"
	if [ "$st" = 0 ] && grep -q 'Ruiz-Edited' "$e/cases/case.yaml" &&
	   [ "$(own "$e/cases/case.yaml")" = "65534:65534 640" ]; then
		ok "edit by root of a user's file: saved, still 65534:65534 0640"
	else
		bad "edit by root of a user's file: status $st, now $(own "$e/cases/case.yaml")"
		show "$e/after" 12
	fi
	# B edits A's group-shared file (A:G 0660, B in G): B cannot give
	# a new file to A, so the save is refused and the text kept
	e=$tmp/own-group
	mkdir -p "$e/cases"
	chown 0:4321 "$e/cases"
	chmod 2770 "$e/cases"
	cp "$good" "$e/cases/case.yaml"
	chown 65533:4321 "$e/cases/case.yaml"
	chmod 660 "$e/cases/case.yaml"
	cp "$e/cases/case.yaml" "$e/orig"
	edit_tool "$e"
	edit_run b "$e"
	rej=$(ls "$e/run/casewalk/"*.rej 2>/dev/null)
	if [ "$st" = 0 ] && cmp -s "$e/orig" "$e/cases/case.yaml" &&
	   [ "$(own "$e/cases/case.yaml")" = "65533:4321 660" ] &&
	   [ "$(ls -A "$e/cases")" = case.yaml ] &&
	   [ -n "$rej" ] && grep -q 'Ruiz-Edited' "$rej" &&
	   grep -q "not saved: the file belongs to 65533:4321, and a new file of yours cannot be given to them (Operation not permitted); your text is kept in ~/casewalk/$(basename "$rej")" "$e/after"; then
		ok "edit of a group-shared file of another user's: refused, saying why; kept in the private directory"
	else
		bad "edit of a group-shared file of another user's: status $st, now $(own "$e/cases/case.yaml")"
		ls -la "$e/cases" | sed 's/^/    /'
		show "$e/after" 12
		show "$e/e"
	fi
fi

# ---- rules tests written by hand (casewalk test) ----------------------------

# Expectations of the wrong YAML shape: each must be a failed check with a
# message, never a NULL string compared or printed (a crash in a plain
# build; a sanitizer report in build-asan).
mkdir -p "$tmp/tt"
cp "$good" "$tmp/tt/case.yaml"
n=0
for body in 'expect: {relief: {cancel_nonlpr: [forfeited]}}' \
	    'expect: {facts: {up_last_stay_days: [1]}}' \
	    'expect: {penalties: {[a]: none}}' \
	    'expect: {penalties: {bar_9B_10yr: {from: [1]}}}' \
	    'expect: {relief: {[a]: x}}' \
	    'expect: {path: [voluntary_return]}' \
	    'expect: {hearing: {a: b}}' \
	    'expect: {[x]: y}' \
	    'expect: a scalar' \
	    'id: [E06a]
    expect: {path: voluntary_return}' \
	    'name: [a, b]
    expect: {path: nowhere}'; do
	n=$((n + 1))
	printf 'format: casewalk-test/1\ntests:\n  - case: case.yaml\n    as_of: 2026-11-27\n    %s\n' \
		"$body" >"$tmp/tt/t$n.yaml"
	run "$tmp/o" "$tmp/e" timeout 60 "$asan" test "$tmp/tt/t$n.yaml"
	if crashed "$st" || grep -q 'Sanitizer\|runtime error' "$tmp/o" "$tmp/e"; then
		bad "casewalk test, malformed expectation ($(echo "$body" | tr '\n' ' ')): status $st"
		grep -h 'runtime error\|ERROR' "$tmp/o" "$tmp/e" | head -2 | sed 's/^/    /'
	else
		ok "casewalk test, malformed expectation ($(echo "$body" | tr '\n' ' ')): status $st"
	fi
done
# and its report, which quotes the test file, is safe for a terminal
printf 'format: casewalk-test/1\ntests:\n  - name: "t \\e]0;pwned\\a \\u202E"\n    case: case.yaml\n    expect: {path: "x\\e[2J", relief: {"r\\x9b": "s\\e[5m"}, facts: {"f\\e[1m": 1}}\n' \
	>"$tmp/tt/hostile.yaml"
run "$tmp/o" "$tmp/e" "$cw" test "$tmp/tt/hostile.yaml"
u=$(unsafe "$tmp/o") v=$(unsafe "$tmp/e")
if ! crashed "$st" && [ "$u" = 0 ] && [ "$v" = 0 ] && [ -s "$tmp/o" ]; then
	ok "terminal safety: casewalk test quoting a hostile test file"
else
	bad "terminal safety: casewalk test quoting a hostile test file: status $st, $u unsafe on stdout, $v on stderr"
fi

# ---- the fuzzers' findings, through the command line -----------------------------

# ---- no table truncates silently (issue 12) ---------------------------------
# 300 paroles of ten days each, then TPS until 2030 and a departure in 2026:
# every day was authorized, so no unlawful-presence bar (a table that kept
# the first 64 periods would lose the TPS grant: a spurious ten-year bar);
# without the TPS grant the bar is there
mkdir -p "$tmp/big12"
awk 'BEGIN {
	printf "format: casewalk/1\nid: PAROLES\nperson: {name: Many Paroles, born: 1980-01-01}\nevents:\n";
	printf "- {date: 2000-01-01, type: entry, manner: paroled, at_port: true, authorized_until: 2000-01-10}\n";
	d = 10957 + 10                          # 2000-01-11, in days since 1970
	for (i = 0; i < 300; i++) {
		printf "- {date: %s, type: status_granted, status: parole, until: %s}\n", day(d), day(d + 9)
		d += 10
	}
	printf "- {date: %s, type: status_granted, status: tps, until: 2030-01-01}\n", day(d)
	printf "- {date: 2026-01-01, type: departure, kind: self}\n"
}
function day(n,   y, m, dm) {                   # days since 1970 -> YYYY-MM-DD
	y = 1970
	while (n >= (dm = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365)) { n -= dm; y++ }
	split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
	if (dm == 366) ml[2] = 29
	for (m = 1; n >= ml[m]; m++) n -= ml[m]
	return sprintf("%04d-%02d-%02d", y, m, n + 1)
}' >"$tmp/big12/paroles.yaml"
grep -v 'status: tps' "$tmp/big12/paroles.yaml" >"$tmp/big12/paroles-no-tps.yaml"
run "$tmp/o" "$tmp/e" "$cw" assess "$tmp/big12/paroles.yaml"
run "$tmp/o2" "$tmp/e2" "$cw" assess "$tmp/big12/paroles-no-tps.yaml"
if [ "$(grep -c 'status_granted' "$tmp/big12/paroles.yaml")" = 301 ] &&
   grep -q '^  path no_proceedings' "$tmp/o" && ! grep -q 'bar_9B' "$tmp/o" &&
   grep -q '^  penalty bar_9B_10yr#1 .* from 2026-01-01 until 2036-01-01' "$tmp/o2"; then
	ok "300 authorized periods, then TPS: no unlawful-presence bar (and one without the TPS grant)"
else
	bad "300 authorized periods, then TPS"
	grep 'penalty\|error' "$tmp/o" "$tmp/e" "$tmp/o2" | head -5
fi
# 100 short visits, then a stay of 800 days: the ten-year bar of the last
# departure (a table of 32 stays would lose it)
awk 'BEGIN {
	printf "format: casewalk/1\nid: VISITS\nperson: {name: Many Visits, born: 1970-01-01}\nevents:\n";
	for (y = 1998; y < 2023; y++)
		for (q = 1; q <= 10; q += 3) {
			printf "- {date: %04d-%02d-01, type: entry, manner: admitted, status: B2, authorized_until: %04d-%02d-28}\n", y, q, y, q + 1
			printf "- {date: %04d-%02d-15, type: departure, kind: self}\n", y, q + 1
		}
	printf "- {date: 2023-01-01, type: entry, manner: admitted, status: B2, authorized_until: 2023-03-01}\n"
	printf "- {date: 2025-06-01, type: departure, kind: self}\n"
}' >"$tmp/big12/visits.yaml"
run "$tmp/o" "$tmp/e" "$cw" assess "$tmp/big12/visits.yaml"
if [ "$(grep -c 'type: entry' "$tmp/big12/visits.yaml")" = 101 ] &&
   grep -q '^  penalty bar_9B_10yr#1 .* from 2025-06-01 until 2035-06-01' "$tmp/o"; then
	ok "101 stays: the last one's ten-year bar"
else
	bad "101 stays: the last one's ten-year bar"
	grep 'penalty\|error' "$tmp/o" "$tmp/e" | head -5
fi
# A trainer's rules file with 200 more penalty rules: stats lists every
# one, assess --csv keeps all 200 in one cell (well past 1023 bytes), and
# the explorer's S view finds the last
awk '/^policies:/ && !done {
	for (i = 0; i < 200; i++)
		printf "  - id: extra_%03d\n    kind: document\n    for_each: stay\n    title: Extra rule %d\n    cite: INA 222(g)\n    when:\n      - text: stayed past the period a nonimmigrant admission authorized\n        expr: stay.overstayed\n    clock: {from: stay.overstay_start, permanent: true, convention: none}\n    waiver: None\n\n", i, i
	done = 1 } { print }' config/rules.yaml >"$tmp/big12/rules.yaml"
run "$tmp/o" "$tmp/e" "$cw" stats --rules "$tmp/big12/rules.yaml" "$tmp/big12/visits.yaml"
n_stats=$(grep -c '^  extra_[0-9]* ' "$tmp/o")
run "$tmp/o" "$tmp/e" "$cw" stats --json --rules "$tmp/big12/rules.yaml" "$tmp/big12/visits.yaml"
n_json=$(grep -o '"extra_[0-9]*"' "$tmp/o" | sort -u | wc -l)
run "$tmp/o" "$tmp/e" "$cw" assess --csv --rules "$tmp/big12/rules.yaml" "$tmp/big12/visits.yaml"
cell=$(sed -n 2p "$tmp/o" | cut -d, -f5)        # penalties: a;b;c
n_csv=$(printf '%s' "$cell" | tr ';' '\n' | grep -c '^extra_[0-9]*$')
if [ "$n_stats" -ge 200 ] && [ "$n_json" = 200 ] && [ "$n_csv" = 200 ] &&
   [ "${#cell}" -gt 1023 ] && printf '%s' "$cell" | grep -q ';extra_199$'; then
	ok "200 more penalty rules: stats ($n_stats lines), stats --json and assess --csv (${#cell} bytes) keep all"
else
	bad "200 more penalty rules: stats $n_stats, --json $n_json, csv $n_csv (${#cell} bytes)"
fi
printf ':wait-load\nS\n:wait-load\n/extra_199<Enter>\n:dump %s\n:quit\n' \
	"$tmp/big12/s.txt" >"$tmp/big12/s.script"
CASEWALK_SCRIPT=$tmp/big12/s.script COLUMNS=100 LINES=30 "$cw" --rules \
	"$tmp/big12/rules.yaml" "$tmp/big12/visits.yaml" >/dev/null 2>"$tmp/e"
if grep -q '^ *extra_199  *1 ' "$tmp/big12/s.txt" 2>/dev/null; then
	ok "200 more penalty rules: the S view lists the last"
else
	bad "200 more penalty rules: the S view does not list extra_199"
	show "$tmp/e"
fi

# A condition naming 301 facts, the last one of each stay, in a rule about
# the whole case: an error like any such condition (the check once looked
# at the first 256 facts named, and let this one through)
mkdir -p "$tmp/many-facts"
awk 'function bal(lo, hi,   m) {           # gen_f<lo> or ... or gen_f<hi-1>
	if (hi - lo == 1)
		return lo == 300 ? "stay.overstayed" : sprintf("gen_f%03d", lo)
	m = int((lo + hi) / 2)
	return "(" bal(lo, m) " or " bal(m, hi) ")"
}
/^derive:/ { print; for (i = 0; i < 300; i++) printf "  - id: gen_f%03d\n    text: generated fact %d\n    cite: INA 101\n    expr: lpr\n", i, i; next }
/^policies:/ && !done {
	printf "  - id: gen_many_facts\n    kind: document\n    title: A rule naming 301 facts\n    cite: INA 222(g)\n    when:\n      - text: many facts\n        expr: %s\n    clock: {from: as_of, permanent: true, convention: none}\n    waiver: None\n\n", bal(0, 301)
	done = 1
} { print }' config/rules.yaml >"$tmp/many-facts/rules.yaml"
run "$tmp/o" "$tmp/e" "$cw" rules --rules "$tmp/many-facts/rules.yaml"
if [ "$st" = 2 ] && grep -q 'rules.yaml:[0-9]*:[0-9]*: error: the condition names stay.overstayed, a fact of one stay' "$tmp/e"; then
	ok "a condition naming 301 facts: the 301st, of one stay, is an error"
else
	bad "a condition naming 301 facts: status $st"
	show "$tmp/e"
fi
rm -rf "$tmp/many-facts"

# ---- time linear in application events (issue 12) --------------------------
# 100,000 applications (4.7 MiB, under the size limit): assess takes time
# of the order of check's on the same file (loading dominates both); a
# quadratic step over the applications would take minutes.  Generous: 5x
# check, plus two seconds.
awk 'BEGIN {
	printf "format: casewalk/1\nid: APPS\nperson: {name: Many Applications, born: 1970-01-01}\nevents:\n";
	printf "- {date: 2000-01-01, type: entry, manner: admitted, status: B2, authorized_until: 2000-06-30}\n";
	split("asylum cancel_nonlpr u_visa extension_of_status change_of_status waiver_i601a sijs cat", rel, " ")
	for (i = 0; i < 100000; i++)
		printf "- {date: %04d-%02d-%02d, type: application, relief: %s}\n", 2000 + int(i / 4000), 1 + int(i / 400) % 10, 1 + i % 28, rel[1 + i % 8]
}' >"$tmp/big12/apps.yaml"
ms() { date +%s%N | cut -c1-13; }
t0=$(ms); "$cw" check "$tmp/big12/apps.yaml" >/dev/null 2>&1; st_c=$?
t1=$(ms); "$cw" assess "$tmp/big12/apps.yaml" >"$tmp/o" 2>&1; st_a=$?
t2=$(ms)
c_ms=$((t1 - t0)) a_ms=$((t2 - t1))
if [ "$st_c" = 0 ] && [ "$st_a" = 0 ] && grep -q '^APPS ' "$tmp/o" &&
   [ "$a_ms" -le $((5 * c_ms + 2000)) ]; then
	ok "100,000 applications: check ${c_ms} ms, assess ${a_ms} ms"
else
	bad "100,000 applications: check ${c_ms} ms (status $st_c), assess ${a_ms} ms (status $st_a)"
fi
rm -rf "$tmp/big12"

# Each input a fuzzer once crashed on (tests/fuzz/corpus/*/regress-*) must
# now load, assess or serve as rules without a crash.
for f in tests/fuzz/corpus/fuzz_load/regress-* testdata/bad/*fuzz*; do
	[ -f "$f" ] || continue
	run "$tmp/o" "$tmp/e" "$asan" assess "$f"
	if crashed "$st" || grep -q 'Sanitizer\|runtime error' "$tmp/e"; then
		bad "fuzz regression: assess $f: status $st"
		show "$tmp/e" 8
	else
		ok "fuzz regression: assess $f"
	fi
done
for f in tests/fuzz/corpus/fuzz_rules/regress-*; do
	[ -f "$f" ] || continue
	run "$tmp/o" "$tmp/e" "$asan" assess --rules "$f" testdata/cases
	if crashed "$st" || grep -q 'Sanitizer\|runtime error' "$tmp/e"; then
		bad "fuzz regression: assess --rules $f: status $st"
		grep -v '^ ' "$tmp/e" | tail -3 | sed 's/^/    /'
	else
		ok "fuzz regression: assess --rules $f"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
