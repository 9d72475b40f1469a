#!/bin/sh
# valgrind.sh - the CLI over all test data, and a scripted explorer session
# through every view, under valgrind's memcheck.
set -u
cw=$1
export CASEWALK_TODAY=2026-11-27
# the private directory of edits is under the HOME given, never the user's
unset XDG_RUNTIME_DIR XDG_CACHE_HOME
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cw-vg.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
vg() {	# ARGS...: one run; valgrind's own status 99 means memory errors
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite "$@" >/dev/null 2>"$tmp/log"
	if [ $? -eq 99 ]; then
		echo "valgrind: errors in $*" >&2
		cat "$tmp/log" >&2
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}
vg "$cw" check testdata
vg "$cw" assess --json --jobs 2 testdata/cases
vg "$cw" stats testdata/cases
vg "$cw" test tests/rules/worked-examples.yaml
cat >"$tmp/script" <<'EOS'
:wait-load
/E06a<Enter><Enter>
<PgDn>
c
q
q
S
q
E
q
L
<Down>
q
?
q
fpath=voluntary<Enter>
R
:resize 20 5
:resize 100 30
r
:wait-load
Q
EOS
CASEWALK_SCRIPT="$tmp/script" COLUMNS=100 LINES=30 TERM=xterm-256color \
	HOME="$tmp" XDG_CONFIG_HOME="$tmp" vg "$cw" testdata/cases testdata/bad
# the prompts and the walk: the filter as typed (an error, Esc), the sort
# menu, the law date (the cases assessed again), w, a case walked, the S
# view's second pass, q asking
cat >"$tmp/script2" <<EOS
:wait-load
fbar=runn
ing<Enter>
f<Right> and nonsense<Esc>
sjjjjj<Enter>
o
w$tmp/list.json<Enter>
w$tmp/list.json<Enter>
D2010<Enter>
:wait-load
L
/way out today<Enter>
q
Dtoday<Enter>
:wait-load
/E40<Enter><Enter><Tab><Tab><Tab><Tab><Enter>t<Enter>[t
c
q
q
S
q
q
n
5G50%<Space>b<C-d><C-u>x
Q
EOS
CASEWALK_SCRIPT="$tmp/script2" COLUMNS=80 LINES=24 TERM=xterm-256color \
	HOME="$tmp" XDG_CONFIG_HOME="$tmp" vg "$cw" testdata/cases
# the edits kept in the private directory, offered at start: opened,
# then deleted
mkdir -p "$tmp/vhome/.cache/casewalk"
chmod 700 "$tmp/vhome/.cache" "$tmp/vhome/.cache/casewalk"
cp testdata/cases/e01-ana-180-days.yaml "$tmp/vhome/.cache/casewalk/casewalk-VGxxxx.yaml.rej"
echo "$PWD/testdata/cases/e01-ana-180-days.yaml" >"$tmp/vhome/.cache/casewalk/casewalk-VGxxxx.src"
printf ':wait-load\n<Enter>\nq\ndd\nQ\n' >"$tmp/kept.script"
CASEWALK_SCRIPT="$tmp/kept.script" COLUMNS=100 LINES=30 TERM=xterm-256color \
	HOME="$tmp/vhome" XDG_CONFIG_HOME="$tmp" vg "$cw" testdata/cases
echo "valgrind runs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
