#!/bin/sh
# fuzz.sh - builds and runs the libFuzzer targets of tests/fuzz/.
#
# usage: tests/fuzz.sh smoke [TARGET...]   each target for FUZZ_SECONDS on the
#                                          seeds only (make check)
#        tests/fuzz.sh long [TARGET...]    each target for FUZZ_SECONDS, the
#                                          corpus kept in build-fuzz/corpus/
#                                          (make fuzz)
#        tests/fuzz.sh build               build the targets only
#        tests/fuzz.sh repro TARGET FILE...  run one target on given inputs
#
# Environment: FUZZ_SECONDS (default 30) per target; FUZZ_JOBS (default 2)
# targets at a time; FUZZ_CC (default clang); FUZZ_ARGS extra libFuzzer
# flags; FUZZ_SRC (default src) another copy of the core, to try a fix;
# FUZZ_OUT (default build-fuzz) where everything goes.
#
# The core (src/*.c but main.c and cmd_*.c, with tests/fuzz/arena_redzone.c
# in place of src/arena.c) and config/ are built into build-fuzz/ with
# -fsanitize=fuzzer,address,undefined; UBSan findings abort, LeakSanitizer
# is on.  Seeds come from testdata/, config/ and tests/rules/ (seed_dirs),
# plus tests/fuzz/corpus/TARGET/ (regressions and hand-made seeds), and a
# dictionary from tests/fuzz/TARGET.dict when there is one.  A crash leaves
# its input in build-fuzz/crashes/TARGET-crash-* (leak-*, timeout-*, oom-*);
# the last line is "N passed, N failed" and the status is non-zero on any
# failure.
set -u
here=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out=${FUZZ_OUT:-build-fuzz}
srcdir=${FUZZ_SRC:-src}
cc=${FUZZ_CC:-clang}
secs=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-2}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
pc_cflags=$(pkg-config --cflags yaml-0.1 libutf8proc 2>/dev/null)
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer -I$srcdir -I$out \
	-D_FILE_OFFSET_BITS=64 $pc_cflags $san"
libs="$(pkg-config --libs yaml-0.1 libutf8proc 2>/dev/null || echo -lyaml -lutf8proc) -lpthread"

all_targets() {
	for f in tests/fuzz/fuzz_*.c; do
		basename "$f" .c
	done
}

# ---- building ---------------------------------------------------------------

# newer A B: A exists and was modified after B (or B does not exist)
newer() {
	[ -e "$1" ] && { [ ! -e "$2" ] || [ -n "$(find "$1" -prune -newer "$2")" ]; }
}

# stale OBJ SRC: true when OBJ must be rebuilt from SRC (or a header changed)
stale() {
	[ ! -f "$1" ] || newer "$2" "$1" ||
		[ -n "$(find "$srcdir" -name '*.h' -newer "$1" | head -1)" ]
}

build_core() {
	mkdir -p "$out/obj" || return 1
	# objects of another FUZZ_SRC are not ours, whatever their dates
	if [ "$(cat "$out/obj/.srcdir" 2>/dev/null)" != "$srcdir" ]; then
		rm -f "$out/obj/"*.o "$out/libcore.a"
		echo "$srcdir" >"$out/obj/.srcdir"
	fi
	if [ ! -x "$out/embed" ] || newer tools/embed.c "$out/embed"; then
		cc -O1 -o "$out/embed" tools/embed.c || return 1
	fi
	for f in config/*.yaml config/*.conf; do
		[ -f "$f" ] || continue
		"$out/embed" "embedded_$(basename "$f" | tr '.-' '__')" "$f" ||
			return 1
	done >"$out/embedded.c.tmp" || return 1
	if ! cmp -s "$out/embedded.c.tmp" "$out/embedded.c"; then
		mv "$out/embedded.c.tmp" "$out/embedded.c"
	fi
	rm -f "$out/embedded.c.tmp"
	# arena_redzone.c stands in for src/arena.c: see its comment
	srcs="$out/embedded.c tests/fuzz/arena_redzone.c"
	for f in "$srcdir"/*.c; do
		case ${f##*/} in main.c|cmd_*.c|arena.c) continue ;; esac
		srcs="$srcs $f"
	done
	todo=""
	for f in $srcs; do
		o=$out/obj/$(basename "$f" .c).o
		if stale "$o" "$f"; then todo="$todo $f"; fi
	done
	if [ -n "$todo" ]; then
		echo "fuzz: compiling $(echo "$todo" | wc -w | tr -d ' ') core files"
		# shellcheck disable=SC2086
		# shellcheck disable=SC2016
		printf '%s\n' $todo | xargs -P "$jobs" -I{} sh -c \
			'o='"$out"'/obj/$(basename {} .c).o; '"$cc"' '"$cflags"' \
			-fsanitize=fuzzer-no-link -c -o "$o.tmp" {} && mv "$o.tmp" "$o"' ||
			return 1
	fi
	objs="" changed=""
	for f in $srcs; do
		o=$out/obj/$(basename "$f" .c).o
		objs="$objs $o"
		newer "$o" "$out/libcore.a" && changed=1
	done
	if [ ! -f "$out/libcore.a" ] || [ -n "$changed" ]; then
		rm -f "$out/libcore.a"
		# shellcheck disable=SC2086
		ar rcs "$out/libcore.a" $objs
	fi
}

build_target() {
	t=$1
	bin=$out/$t
	if [ -x "$bin" ] && ! newer "tests/fuzz/$t.c" "$bin" &&
	   ! newer tests/fuzz/fuzz_util.h "$bin" &&
	   ! newer "$out/libcore.a" "$bin"; then
		return 0
	fi
	echo "fuzz: linking $t"
	# shellcheck disable=SC2086
	$cc $cflags -Wall -Wextra -Werror -fsanitize=fuzzer -o "$bin.tmp" \
		"tests/fuzz/$t.c" \
		"$out/libcore.a" $libs && mv "$bin.tmp" "$bin"
}

build_all() {
	command -v "$cc" >/dev/null 2>&1 || {
		echo "fuzz: $cc not found (scripts/install-deps.sh fuzz)" >&2
		return 1
	}
	build_core || { echo "fuzz: building the core failed" >&2; return 1; }
	for t in $targets; do
		build_target "$t" || {
			echo "fuzz: building $t failed" >&2
			return 1
		}
	done
}

# ---- seeds --------------------------------------------------------------------

# seed_dirs TARGET: where its seeds come from (files and directories)
seed_dirs() {
	case $1 in
	fuzz_load) echo testdata/cases testdata/bad testdata/hostile-valid \
		testdata/wide tests/rules/cases ;;
	fuzz_rules) echo config/rules.yaml ;;
	fuzz_config) echo config/offenses.yaml config/statistics.yaml ;;
	fuzz_expr|fuzz_date|fuzz_text) ;;	# tests/fuzz/corpus only
	esac
	[ -d "tests/fuzz/corpus/$1" ] && echo "tests/fuzz/corpus/$1"
}

# Seeds go into one flat directory per target, so that libFuzzer reads them
# all and never writes into the source tree.
make_seeds() {
	t=$1
	d=$out/seeds/$t
	rm -rf "$d" && mkdir -p "$d" || return 1
	for s in $(seed_dirs "$t"); do
		if [ -d "$s" ]; then
			for f in "$s"/*; do
				[ -f "$f" ] || continue
				cp "$f" "$d/$(echo "$s" | tr '/' '_')_$(basename "$f")"
			done
		elif [ -f "$s" ]; then
			cp "$s" "$d/$(echo "$s" | tr '/' '_')"
		fi
	done
	case $t in
	fuzz_expr)
		# every expression of the built-in rules
		sed -n 's/^ *\(- \)\{0,1\}\(expr\|from\|years\|permanent\|granted\): *//p' \
			config/rules.yaml | sed 's/^"\(.*\)"$/\1/' | awk \
			-v d="$d" '{ f = d "/rules_" NR; printf "%s", $0 > f; close(f) }'
		;;
	fuzz_rules)
		# each rule of the built-in rules alone
		awk -v d="$d" '
			/^  - id:/ { k++; on = 1; f = d "/rule_" k
				printf "format: casewalk-rules/1\nrules:\n" > f }
			on && /^[^ ]/ { on = 0 }
			on { print > f }' config/rules.yaml
		;;
	esac
}

# ---- running ----------------------------------------------------------------

# run_one MODE TARGET: one fuzzer; writes $out/results/TARGET
run_one() {
	mode=$1 t=$2
	mkdir -p "$out/crashes" "$out/logs" "$out/results"
	make_seeds "$t" || return 1
	if [ "$mode" = long ]; then
		work=$out/corpus/$t
	else
		work=$out/smoke/$t
		rm -rf "$work"
	fi
	mkdir -p "$work"
	dict=""
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	log=$out/logs/$t.log
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$out/$t" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$t-" $dict ${FUZZ_ARGS:-} \
		"$work" "$out/seeds/$t" >"$log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	echo "$st ${execs:-0}" >"$out/results/$t"
	if [ "$st" -eq 0 ]; then
		echo "PASS $t: ${execs:-0} executions in ${secs} s"
	else
		echo "FAIL $t (status $st): ${execs:-0} executions; log $log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' \
			"$log" | head -8 | sed 's/^/    /'
		grep -E '^    #[0-9]+ ' "$log" | head -12
	fi
}

mode=${1:-smoke}
[ $# -gt 0 ] && shift
case $mode in
_run)
	run_one "$1" "$2"
	exit $?
	;;
repro)
	t=$1
	shift
	targets=$t
	build_all || exit 1
	st=0
	for f in "$@"; do
		case $f in /*) ;; *) f=$here/$f ;; esac
		ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			"$out/$t" -runs=1 "$f" || st=1
	done
	exit $st
	;;
smoke|long|build) ;;
*)
	echo "usage: tests/fuzz.sh smoke|long|build [TARGET...]" >&2
	echo "       tests/fuzz.sh repro TARGET FILE..." >&2
	exit 2
	;;
esac

targets=${*:-$(all_targets)}
# one run at a time in a build directory: a second waits for the first
mkdir -p "$out"
if command -v flock >/dev/null 2>&1; then
	exec 9>"$out/.lock"
	flock -n 9 || { echo "fuzz: waiting for another run in $out"; flock 9; }
fi
build_all || { echo "0 passed, 1 failed"; exit 1; }
[ "$mode" = build ] && exit 0
rm -f "$out/results/"*
start=$(date +%s)
echo "fuzz: $mode, $(echo "$targets" | wc -w | tr -d ' ') targets, ${secs} s each, $jobs at a time"
# shellcheck disable=SC2086
printf '%s\n' $targets | xargs -P "$jobs" -I{} "$root/tests/fuzz.sh" _run "$mode" {}
pass=0 fail=0 total=0
for t in $targets; do
	r=$(cat "$out/results/$t" 2>/dev/null || echo "1 0")
	st=${r% *} n=${r#* }
	total=$((total + n))
	if [ "$st" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "fuzz: $total executions in all, $(($(date +%s) - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
