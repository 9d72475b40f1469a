#!/bin/sh
# gen_hostile.sh DIR - write the hostile case files too big to commit into DIR.
#
# These exercise the loader's hard limits (case-format.md, "Validation"):
#   g01-17mib-file.yaml     a valid case padded with comment lines to just over
#                           17 MiB: the 16 MiB file-size limit must refuse it
#                           before parsing (no memory blow-up, no hang).
#   g02-70kib-scalar.yaml   a valid case whose notes is one plain scalar of
#                           71,680 characters (70 KiB): the 64 KiB scalar limit
#                           must refuse it.
# DIR/EXPECTED.tsv gets one row per expected diagnostic, in the same format as
# testdata/bad/EXPECTED.tsv:  file<TAB>line<TAB>col<TAB>phrase
#
# Output is deterministic (byte-identical on every run).  Needs only POSIX sh,
# head, tr, yes.
set -eu

if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"

# A case that is valid apart from what each generator adds (9 lines).
base() {
	printf '%s\n' \
		"# casewalk generated test $1: $2" \
		'format: casewalk/1' \
		"id: GEN-$1" \
		'person:' \
		'  name: "Ana Prueba"' \
		'  born: 1980-03-04' \
		'  nationality: MX' \
		'events:' \
		'  - {date: 2005-01-10, type: entry, manner: without_inspection}'
}

# g01: 17 MiB = 17,825,792 bytes.  278,529 padding lines of 64 bytes
# (63 characters + newline) make 17,825,856 bytes, plus the case itself.
f="$dir/g01-17mib-file.yaml"
{
	base g01 'a valid case padded with comments to over 17 MiB'
	yes '# padding padding padding padding padding padding padding paddi' |
		head -n 278529
} >"$f"

# g02: notes is a 71,680-character plain scalar starting at line 10, column 8.
f="$dir/g02-70kib-scalar.yaml"
{
	base g02 'notes is a 70 KiB plain scalar'
	printf 'notes: '
	head -c 71680 /dev/zero | tr '\0' 'x'
	printf '\n'
} >"$f"

# Expected diagnostics.  File-level problems are reported at 1:1.
printf '%s\t%s\t%s\t%s\n' \
	g01-17mib-file.yaml 1 1 '16 MiB' \
	g02-70kib-scalar.yaml 10 8 '64 KiB' \
	>"$dir/EXPECTED.tsv"
