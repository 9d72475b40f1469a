#!/bin/sh
# bench.sh - the speed table of the README (issue 5), run by `make bench`.
#
# usage: tools/bench.sh          (after `make casewalk build/tools/...`)
#
# Generates (once, then cached) a corpus of 100,000 cases, one per file, in
# build/bench/corpus with build/tools/gencases, then measures in one run:
#   1. the floor: build/tools/yamlfloor, libyaml's event parser alone,
#      one thread, over every file;
#   2. casewalk check;  3. casewalk assess --json > /dev/null;
#   4. the peer: tools/peer_pyyaml.py, PyYAML's CSafeLoader;
#   5. the explorer's first screen (script harness: :wait-load, :dump);
#   6. the explorer's filter and search latency per keystroke, timed
#      inside the explorer between two :clock commands after the load;
#   7. the peak RSS of each.
# Wall time is the best of BENCH_RUNS rounds (default 5), the commands run
# in turn in each round; the peer runs
# BENCH_PEER_RUNS times (default 1: it takes ten times longer than the
# rest together, and a ratio of ten or more does not hang on its noise).
# Prints a Markdown table with ratios to the floor and the targets of the
# issue marked met or not met.  Timings are reported, never asserted; the
# one assertion is that `assess --json` gives byte-identical output with
# --jobs 1 and --jobs 2, and the bench fails (status 1) when it does not.
#
# Environment: BENCH_CASES (default 100000), BENCH_RUNS, BENCH_PEER_RUNS,
# BUILD (default build), CASEWALK (the binary, default ./casewalk),
# PYTHON (default python3).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
N=${BENCH_CASES:-100000}
RUNS=${BENCH_RUNS:-5}
PEER_RUNS=${BENCH_PEER_RUNS:-1}
PYTHON=${PYTHON:-python3}
AS_OF=2026-11-27                # fixed, so every run prints the same
cw=${CASEWALK:-./casewalk}
floor=$BUILD/tools/yamlfloor
gen=$BUILD/tools/gencases
corpus=$BUILD/bench/corpus
stamp=$BUILD/bench/corpus.stamp

for f in "$cw" "$floor" "$gen"; do
	[ -x "$f" ] || { echo "bench: $f is missing; run 'make bench'" >&2
			 exit 2; }
done
# `make` does not rebuild for other flags, and `make sanitize` leaves an
# ASan/UBSan ./casewalk behind: timing that would mean nothing
if nm "$cw" 2>/dev/null | grep -q -e __asan_init -e __ubsan_handle; then
	echo "bench: $cw is a sanitizer build (left by 'make sanitize');" \
	     "rebuild it first: rm $cw && make bench" >&2
	exit 2
fi
# other work on the machine skews every figure: say how busy it was
load0=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casewalk-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }

# ---- the corpus: made once, remade when the generator's source changes --

want="cases=$N gencases=$(cksum <tools/gencases.c | cut -d' ' -f1)"
if [ ! -d "$corpus" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	say "bench: generating $N cases in $corpus ..."
	rm -rf "$corpus" "$corpus.new" "$stamp"
	mkdir -p "$BUILD/bench"
	"$gen" -n "$N" -o "$corpus.new" || exit 2
	mv "$corpus.new" "$corpus" && echo "$want" >"$stamp"
fi

# ---- measuring ------------------------------------------------------------

# The timer: GNU time for the peak RSS when there is one, else Python's
# resource module.  Both run the command with stdout to /dev/null and
# write "WALL_SECONDS MAXRSS_KIB STATUS" to $tmp/one.
cat >"$tmp/timer.py" <<'EOF'
import os, resource, subprocess, sys, time
t = time.monotonic()
with open(os.devnull, "w") as null, open(sys.argv[2], "w") as err:
    rc = subprocess.call(sys.argv[3:], stdin=subprocess.DEVNULL,
                         stdout=null, stderr=err)
wall = time.monotonic() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as out:
    out.write("%.3f %d %d\n" % (wall, rss, rc))
EOF
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$tmp/probe" true \
		2>/dev/null && [ "$(date +%N)" != N ]; then
	timer=gnu
else
	timer=python
fi

now_ns() { date +%s%N; }

run_once() {   # CMD...: one run into $tmp/one
	if [ $timer = gnu ]; then
		t0=$(now_ns)
		/usr/bin/time -f %M -o "$tmp/rss" "$@" </dev/null >/dev/null \
			2>"$tmp/err"
		rc=$?
		t1=$(now_ns)
		echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/rss") $rc" |
			awk '{ printf "%.3f %d %d\n", $1 / 1000, $2, $3 }' \
			>"$tmp/one"
	else
		"$PYTHON" "$tmp/timer.py" "$tmp/one" "$tmp/err" "$@"
	fi
}

# measure KEY RUNS CMD...: best wall time over RUNS runs (and over any
# earlier calls for KEY), with that run's peak RSS, into $tmp/KEY.wall and
# $tmp/KEY.rss.  A failing run is shown and ends the bench.
measure() {
	key=$1 runs=$2
	shift 2
	best=$(cat "$tmp/$key.wall" 2>/dev/null)
	i=0
	while [ $i -lt "$runs" ]; do
		i=$((i + 1))
		run_once "$@"
		read -r w r rc <"$tmp/one"
		if [ "$rc" != 0 ]; then
			say "bench: '$*' failed with status $rc:"
			head -20 "$tmp/err" >&2
			exit 1
		fi
		if [ -z "$best" ] || awk "BEGIN { exit !($w < $best) }"; then
			best=$w
			echo "$r" >"$tmp/$key.rss"
		fi
	done
	echo "$best" >"$tmp/$key.wall"
}

val() { cat "$tmp/$1" 2>/dev/null || echo "n/a"; }

# ---- 1-5: floor, check, assess, first screen; the peer --------------------

# A build without ui/ says so; a build with it runs a script without
# touching the terminal (CASEWALK_SCRIPT), so this never opens a screen.
ui_measure() {  # KEY RUNS SCRIPT
	measure "$1" "$2" env -u XDG_RUNTIME_DIR -u XDG_CACHE_HOME \
		TERM=xterm-256color LINES=40 COLUMNS=120 \
		NO_COLOR=1 HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" \
		CASEWALK_TODAY=$AS_OF CASEWALK_SCRIPT="$3" "$cw" "$corpus"
}
mkdir -p "$tmp/home" "$tmp/xdg"
: >"$tmp/empty.script"
CASEWALK_SCRIPT="$tmp/empty.script" "$cw" testdata/cases \
	</dev/null >/dev/null 2>"$tmp/ui.err"
if grep -q "not in this build" "$tmp/ui.err"; then
	ui_note="n/a (explorer not built)"
else
	ui_note=
	printf ':wait-load\n:dump %s\n:quit\n' "$tmp/screen.txt" \
		>"$tmp/first.script"
fi

# In turn, round after round, so that a busy spell of the machine falls
# on every command alike rather than on one; each keeps its best round.
"$floor" "$corpus" >"$tmp/floor.out" || exit 1      # and a warm cache
files=$(awk '{ print $1 }' "$tmp/floor.out")
bytes=$(awk '{ print $3 }' "$tmp/floor.out")
round=0
while [ $round -lt "$RUNS" ]; do
	round=$((round + 1))
	say "bench: round $round of $RUNS: floor, check, assess --json," \
	    "explorer first screen ..."
	measure floor 1 "$floor" "$corpus"
	measure check 1 "$cw" check "$corpus"
	measure assess 1 "$cw" assess --json --as-of $AS_OF "$corpus"
	[ -n "$ui_note" ] || ui_measure first 1 "$tmp/first.script"
done

if [ "$PEER_RUNS" -lt 1 ]; then
	peer_note="n/a (skipped: BENCH_PEER_RUNS=0)"
elif "$PYTHON" -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	say "bench: PyYAML CSafeLoader peer, $PEER_RUNS run(s) ..."
	measure peer "$PEER_RUNS" "$PYTHON" tools/peer_pyyaml.py "$corpus"
	peer_note=
else
	peer_note="n/a (PyYAML with libyaml missing: apt-get install python3-yaml)"
fi

# ---- 6: the explorer's keystrokes, through its script harness ---------------

if [ -z "$ui_note" ]; then
	# Keystrokes are timed inside the explorer, between two :clock
	# commands after the load, so the load's noise stays out.  Each key
	# is handled and the screen drawn before the next is read.
	#
	# search is incremental: 40 letters of a string found nowhere, then
	# 39 Backspaces; each letter looks at the rows from the last match of
	# the shorter string on (nav.c), so most keys scan little.  The worst
	# case, a letter that scans every row, is "/~": no row has a tilde;
	# twenty times.
	{
		printf ':wait-load\n:clock %s\n' "$tmp/search.clock"
		printf '/zqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxj'
		i=0
		while [ $i -lt 39 ]; do printf '<Backspace>'; i=$((i + 1)); done
		printf '<Esc>\n:clock %s\n:quit\n' "$tmp/search.clock"
	} >"$tmp/search.script"
	{
		printf ':wait-load\n:clock %s\n' "$tmp/scan.clock"
		i=0
		while [ $i -lt 20 ]; do printf '/~<Esc>\n'; i=$((i + 1)); done
		printf ':clock %s\n:quit\n' "$tmp/scan.clock"
	} >"$tmp/scan.script"
	# a filter applies as it is typed: every key compiles what is typed
	# and, when it is a filter, filters every row; nine filters, twice
	# each, every key of them timed (the letters and the Enter)
	filter_keys=0
	{
		printf ':wait-load\n:clock %s\n' "$tmp/filter.clock"
		for f in path=pending hearing=no relief=granted bar=running \
			tag=detained 'path=vol and hearing=no' \
			'up_current_days >= 365 and not hearing' \
			cancel_nonlpr=possible ''; do
			printf 'f<C-u>%s<Enter>\nf<C-u>%s<Enter>\n' "$f" "$f"
		done
		printf ':clock %s\n:quit\n' "$tmp/filter.clock"
	} >"$tmp/filter.script"
	for f in path=pending hearing=no relief=granted bar=running \
		tag=detained 'path=vol and hearing=no' \
		'up_current_days >= 365 and not hearing' \
		cancel_nonlpr=possible ''; do
		filter_keys=$((filter_keys + 2 * (${#f} + 1)))
	done
	say "bench: explorer search (79 keys), full scans (20), filters ($filter_keys keys) ..."
	ui_measure search 1 "$tmp/search.script"
	ui_measure scan 1 "$tmp/scan.script"
	ui_measure filter 1 "$tmp/filter.script"
	per_key() {     # KEY COUNT: the time between the clocks / COUNT, in ms
		awk -v n="$2" 'NR == 1 { a = $1 } NR == 2 { b = $1 }
			END { if (NR < 2) print "n/a"
			      else printf "%.1f\n", (b - a) / n * 1000 }' \
			"$tmp/$1.clock"
	}
	per_key search 79 >"$tmp/search.ms"
	per_key scan 20 >"$tmp/scan.ms"
	per_key filter "$filter_keys" >"$tmp/filter.ms"
fi

# ---- 7: the same output with one thread and with two ------------------------

say "bench: assess --json with --jobs 1 and --jobs 2 (cmp) ..."
mkfifo "$tmp/j1" "$tmp/j2"
"$cw" assess --json --as-of $AS_OF --jobs 1 "$corpus" >"$tmp/j1" &
p1=$!
"$cw" assess --json --as-of $AS_OF --jobs 2 "$corpus" >"$tmp/j2" &
p2=$!
cmp "$tmp/j1" "$tmp/j2" >"$tmp/cmp.out" 2>&1
same=$?
wait $p1 || same=1
wait $p2 || same=1

# ---- the table ---------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
	head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo \
	2>/dev/null)
yamlv=$(pkg-config --modversion yaml-0.1 2>/dev/null || echo "?")
pyv=$("$PYTHON" -c 'import sys, yaml; print("Python %d.%d, PyYAML %s" %
	(sys.version_info[0], sys.version_info[1], yaml.__version__))' \
	2>/dev/null || echo "no PyYAML")

awk -v n="$N" -v files="$files" -v bytes="$bytes" -v runs="$RUNS" \
    -v peer_runs="$PEER_RUNS" -v cpu="${cpu:-unknown CPU}" \
    -v nproc="$(nproc 2>/dev/null || echo '?')" -v mem="$mem" \
    -v os="$(uname -sr)" -v yamlv="$yamlv" -v pyv="$pyv" -v load0="$load0" \
    -v floor="$(val floor.wall)" -v floor_rss="$(val floor.rss)" \
    -v check="$(val check.wall)" -v check_rss="$(val check.rss)" \
    -v assess="$(val assess.wall)" -v assess_rss="$(val assess.rss)" \
    -v peer="$(val peer.wall)" -v peer_rss="$(val peer.rss)" \
    -v first="$(val first.wall)" -v first_rss="$(val first.rss)" \
    -v search_ms="$(val search.ms)" -v filter_ms="$(val filter.ms)" \
    -v scan_ms="$(val scan.ms)" \
    -v search_rss="$(val search.rss)" -v filter_rss="$(val filter.rss)" \
    -v peer_note="$peer_note" -v ui_note="$ui_note" -v timer="$timer" '
function mib(k) { return k == "n/a" ? "n/a" : sprintf("%.0f", k / 1024) }
function xc(k) { return k == "n/a" ? "n/a" : sprintf("%.2fx", k * 1024 / bytes) }
function xf(t) { return t == "n/a" ? "n/a" : sprintf("%.2fx", t / floor) }
function row(what, t, k, note) {
	if (note != "")
		printf "| %s | %s | | | |\n", what, note
	else
		printf "| %s | %.2f | %s | %s | %s |\n", what, t, xf(t), mib(k), xc(k)
}
function mark(ok) { return ok ? "met" : "**not met**" }
BEGIN {
	printf "casewalk bench: %d cases in %d files, %.1f MB (%d bytes)\n\n",
		n, files, bytes / 1e6, bytes
	printf "Machine: %s, %s processors (nproc), %s, %s; libyaml %s; %s.\n",
		cpu, nproc, mem, os, yamlv, pyv
	printf "Wall time: best of %d rounds, the commands in turn (the peer: %d run); peak RSS by %s; load average %s at the start.\n\n",
		runs, peer_runs, timer == "gnu" ? "GNU time" : "getrusage", load0
	print "| what | wall s | x floor | peak RSS MiB | RSS / corpus |"
	print "|---|---:|---:|---:|---:|"
	row("1. floor: yaml_parser_parse, 1 thread", floor, floor_rss, "")
	row("2. `casewalk check`", check, check_rss, "")
	row("3. `casewalk assess --json > /dev/null`", assess, assess_rss, "")
	row("4. peer: PyYAML CSafeLoader", peer, peer_rss, peer_note)
	row("5. explorer: first screen", first, first_rss, ui_note)
	if (ui_note != "")
		row("6. explorer: filter / search keystroke", 0, 0, ui_note)
	else
		printf "| 6. explorer: filter / search keystroke (worst search key) | %s ms / %s ms (%s ms) | | %s | %s |\n",
			filter_ms, search_ms, scan_ms, mib(filter_rss), xc(filter_rss)
	print ""
	print "| target (issue 5) | measured | |"
	print "|---|---:|---|"
	printf "| assess --json <= 1.0x floor | %s | %s |\n", xf(assess),
		mark(assess <= floor)
	printf "| check <= 0.8x floor | %s | %s |\n", xf(check),
		mark(check <= 0.8 * floor)
	if (ui_note == "")
		printf "| first screen <= 1.0x floor | %s | %s |\n", xf(first),
			mark(first <= floor)
	else
		printf "| first screen <= 1.0x floor | n/a | explorer not built |\n"
	if (ui_note == "")
		printf "| filter / search keystroke < 50 ms (worst search key) | %s / %s ms (%s ms) | %s |\n",
			filter_ms, search_ms, scan_ms,
			mark(filter_ms < 50 && search_ms < 50 && scan_ms < 50)
	else
		printf "| filter / search keystroke < 50 ms | n/a | explorer not built |\n"
	worst = check_rss > assess_rss ? check_rss : assess_rss
	if (ui_note == "" && first_rss > worst)
		worst = first_rss
	printf "| peak RSS < 2x corpus bytes | %s | %s |\n", xc(worst),
		mark(worst * 1024 < 2 * bytes)
	if (peer_note == "")
		printf "| >= 20x faster than PyYAML: check, which loads and checks as the peer loads | check %.1fx (assess, which also assesses and writes JSON: %.1fx) | %s |\n",
			peer / check, peer / assess, mark(peer >= 20 * check)
	else
		printf "| >= 20x faster than PyYAML | n/a | %s |\n", peer_note
}'
echo
if [ $same = 0 ]; then
	echo "assess --json: --jobs 1 and --jobs 2 give identical output (cmp)."
else
	echo "bench: FAILED: assess --json differs between --jobs 1 and --jobs 2:"
	cat "$tmp/cmp.out"
	exit 1
fi
