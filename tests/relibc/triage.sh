#!/bin/sh
# SPDX-License-Identifier: MIT
# triage.sh ARCH [TEST...]: after check-relibc, rerun failing relibc tests
# (all of them, or the ones named) under redox-run --strace and print, per
# test, what went wrong first: the "not emulated" notes, the syscalls that
# returned ENOSYS/EINVAL/EBADF/ENOENT/EOPNOTSUPP, a relibc panic, a fault, or
# the first output difference — then the tests grouped by that first cause.
# Not part of make check: a tool for finding what to implement next.
# Env: RELIBC_SRC, REDOX_RUN (default build/sysroot/bin/redox-run).
set -u
a=${1:?usage: triage.sh ARCH [TEST...]}; shift
OUT=build/test/relibc/$a
RUN=${REDOX_RUN:-build/sysroot/bin/redox-run}
[ -d "$OUT/res" ] || { echo "triage: no results in $OUT/res; fix: make check-relibc ARCHS=$a first" >&2; exit 2; }
if [ $# -eq 0 ]; then
	set -- $(cd "$OUT/res" && grep -rl '^fail' . | sed 's|^\./||' | sort)
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/relibc-triage.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
: > "$tmp/causes"
for n in "$@"; do
	root=$OUT/root/$n
	[ -d "$root" ] || continue
	# A fresh copy of the root the test had before it ran.
	rm -rf "$tmp/root"; mkdir -p "$tmp/root/tmp"
	while read -r f; do mkdir -p "$tmp/root/$(dirname "$f")"; cp -R "$RELIBC_SRC/tests/$f" "$tmp/root/$f"; done < "$OUT/support.list"
	chmod -R u+w "$tmp/root"
	timeout -k 5 30 "$RUN" --abi=2026-08 --strace --root "$tmp/root" --cwd / "$OUT/bin/$n" test args \
		< /dev/null > "$tmp/out" 2> "$tmp/err"
	rc=$?
	ne=$(grep -m3 'is not emulated' "$tmp/err" | sed 's/^redox-run: //' | tr '\n' ';')
	bad=$(grep -E '^\[strace\].*= -[0-9]+ (ENOSYS|EINVAL|EBADF|EOPNOTSUPP|ENOENT|EPERM|EACCES)' "$tmp/err" |
		sed 's/^\[strace\] //; s/(0x[0-9a-f, x]*)//' | awk '!seen[$0]++' | head -n 3 | tr '\n' ';')
	pan=$(grep -m1 -E 'panicked at|RELIBC PANIC' -A2 "$tmp/err" | tr '\n' ' ' | sed 's/\[strace\][^)]*)[^=]*= [0-9]*//g' | cut -c1-200)
	flt=$(grep -m1 -E '^redox-run: .*(SIG[A-Z]+|deadlock|not emulated)' "$tmp/err" | cut -c1-160)
	res=$(cat "$OUT/res/$n")
	echo "## $n (exit $rc)"
	echo "- result: $res"
	[ -n "$ne" ] && echo "- not emulated: $ne"
	[ -n "$bad" ] && echo "- error returns: $bad"
	[ -n "$pan" ] && echo "- panic: $pan"
	[ -n "$flt" ] && echo "- fault: $flt"
	cause=${ne%%;*}
	[ -n "$cause" ] || cause=$(printf '%s' "$flt" | sed 's/.*: \(SIG[A-Z]*\).*/fault \1/')
	[ -n "$cause" ] || { [ -n "$pan" ] && cause="panic: $(printf '%s' "$pan" | cut -c1-80)"; }
	[ -n "$cause" ] || cause=$(printf '%s' "${bad%%;*}" | sed 's/ = .*ENOSYS/ ENOSYS/')
	[ -n "$cause" ] || cause=$(printf '%s' "$res" | sed 's/^fail: //; s/ (.*//; s/[0-9]* lines/N lines/; s/, see log.*//')
	printf '%s\t%s\n' "$cause" "$n" >> "$tmp/causes"
done
echo
echo "# by first cause"
sort "$tmp/causes" | awk -F'\t' '{ c[$1] = c[$1] " " $2; k[$1]++ } END { for (x in c) printf "%d\t%s:%s\n", k[x], x, c[x] }' | sort -rn | sed 's/^\([0-9]*\)\t/- (\1) /'
