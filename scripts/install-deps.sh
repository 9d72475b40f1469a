#!/bin/sh
# install-deps.sh - make sure the libraries and tools casewalk needs are here.
# usage: scripts/install-deps.sh run|check|fuzz
# Finds what is missing (pkg-config for libraries, PATH for tools); as root
# installs the Debian packages (apt-get update once, then install) and says
# what it installs; otherwise prints the exact apt-get line and fails.
set -eu

what=${1:-run}
pkgs=""

need_lib() {	# pkg-config-name debian-package
	pkg-config --exists "$1" 2>/dev/null || pkgs="$pkgs $2"
}
need_tool() {	# command debian-package
	command -v "$1" >/dev/null 2>&1 || pkgs="$pkgs $2"
}
need_python() {	# module debian-package
	# the Debian python3 is the one the package serves (a python3 of
	# pyenv or a venv may come first on PATH)
	for py in python3 /usr/bin/python3; do
		command -v "$py" >/dev/null 2>&1 &&
			"$py" -c "import $1" >/dev/null 2>&1 && return
	done
	pkgs="$pkgs $2"
}

need_tool cc gcc
need_tool make make
need_tool pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	need_lib ncursesw libncurses-dev
	need_lib yaml-0.1 libyaml-dev
	need_lib libutf8proc libutf8proc-dev
fi
case $what in
check|fuzz)
	command -v pkg-config >/dev/null 2>&1 && need_lib cmocka libcmocka-dev
	need_tool valgrind valgrind
	need_tool tmux tmux
	need_tool python3 python3
	need_tool clang clang
	need_tool groff groff-base
	# the explorer's L opens casewalk-law(7) with man (tests/tmux.sh)
	need_tool man man-db
	# casewalk memo --format pdf: the ms macros and gropdf (groff-base
	# has neither); the memo tests render the PDF (pdftoppm, pdftotext)
	# and parse deadlines --ics with a real iCalendar parser
	need_tool gropdf groff
	[ -n "$(ls /usr/share/groff/*/tmac/s.tmac 2>/dev/null)" ] ||
		pkgs="$pkgs groff"
	need_tool pdftoppm poppler-utils
	need_tool pdftotext poppler-utils
	need_python icalendar python3-icalendar
	# tests/redact-sweep.sh reads the secrets out of its case files
	need_python yaml python3-yaml
	# libFuzzer and the sanitizer runtimes for clang
	[ -n "$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] ||
		pkgs="$pkgs libclang-rt-dev"
	;;
esac

pkgs=$(echo $pkgs | tr ' ' '\n' | sort -u | tr '\n' ' ')
[ -z "${pkgs# }" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "casewalk needs these Debian packages:$pkgs" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y $pkgs" >&2
	exit 1
fi
echo "casewalk: installing missing Debian packages: $pkgs" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $pkgs >&2
