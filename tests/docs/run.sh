#!/bin/sh
# SPDX-License-Identifier: MIT
# check-docs: every documentation citation in the tree resolves. In every
# source and documentation file (C, headers, assembly, sh, awk, make, md,
# txt, cmake/meson/pc templates), each `<name>.md §N` (also `§N–§M`, `§N, §M`)
# must name a file that exists (docs/<name>.md, or the path as written from
# the top or from the citing file's directory) with a heading numbered N
# (`## N. Title`, `### N.M ...`); each docs/<name>.md mention and each
# Markdown link to a .md file must name a file that exists. Then the
# self-test: the planted citations in tests/docs/selftest/ must each be
# reported, and its good ones must not.
#
# usage: sh tests/docs/run.sh [--files FILE...]   (default: the tree's files)
set -u
. tests/lib/tap.sh
top=$(pwd -P)
W=$top/build/test/docs
mkdir -p "$W"
T_TMP=$W

# sections FILE: the section numbers of FILE's headings, one per line.
sections() {
	LC_ALL=C awk '/^#+[ \t]+(§[ \t]?)?[0-9]+[a-z]?(\.[0-9]+)*[.): \t]/ {
		s = $0; sub(/^#+[ \t]+(§[ \t]?)?/, "", s)
		if (match(s, /^[0-9]+[a-z]?(\.[0-9]+)*/)) print substr(s, 1, RLENGTH) }' "$1"
}

# resolve FILE KIND NAME: print the path NAME denotes, or nothing.
resolve() {
	_dir=$(dirname "$1")
	if [ "$2" = link ]; then
		[ -f "$_dir/$3" ] && echo "$_dir/$3"; return
	fi
	for _c in "docs/$3" "$3" "$_dir/$3"; do
		[ -f "$_c" ] && { echo "$_c"; return; }
	done
}

# check_files LABEL FILE...: report each citation of the FILEs; sets bad=N.
check_files() {
	_lb=$1; shift
	bad=0 n=0
	rm -rf "$W/sections.$_lb"
	LC_ALL=C awk -f "$top/tests/docs/cite.awk" "$@" > "$W/cites.$_lb"
	while IFS='	' read -r f l kind name secs; do
		n=$((n + 1))
		p=$(resolve "$f" "$kind" "$name")
		if [ -z "$p" ]; then
			bad=$((bad + 1))
			echo "BAD: $f:$l: '$name' does not exist (from $f: $(if [ $kind = link ]; then echo "a link, relative to its directory"; else echo "docs/$name, ./$name or next to it"; fi))"
			continue
		fi
		[ "$kind" = sec ] || continue
		# One heading scan per cited file.
		_ck=$W/sections.$_lb/$(printf '%s' "$p" | tr '/' '%')
		[ -f "$_ck" ] || { mkdir -p "$W/sections.$_lb"; sections "$p" > "$_ck"; }
		have=$(cat "$_ck")
		for s in $secs; do
			if ! printf '%s\n' "$have" | grep -qxF -- "$s"; then
				bad=$((bad + 1))
				echo "BAD: $f:$l: '$name §$s': $p has no section $s (it has: $(printf '%s\n' "$have" | grep -v '\.' | tr '\n' ' '))"
			fi
		done
	done < "$W/cites.$_lb"
}

if [ "${1-}" = --files ]; then
	shift; files="$*"
else
	# Tracked and new (not ignored) files; the self-test's planted ones aside.
	files=$(git ls-files --cached --others --exclude-standard 2> /dev/null |
		grep -E '\.(c|h|S|s|sh|awk|mk|md|txt|in|cmake|ini|sed|rs|toml)$|(^|/)(Makefile|README)$' |
		grep -v '^tests/docs/selftest/' | while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done)
	[ -n "$files" ] || { fail "docs: list the tree's files" "git ls-files found nothing (run from a git checkout)"; summary; exit; }
fi
# shellcheck disable=SC2086
check_files tree $files > "$W/tree.log"
cat "$W/tree.log"
nf=$(echo $files | wc -w)
if [ "$bad" -eq 0 ]; then ok "docs: all $n citations in $nf files resolve to an existing file and section"
else fail "docs: $bad of $n citations in $nf files do not resolve" "listed above (BAD: lines)"; fi
n_sec=$(awk -F'\t' '$3 == "sec"' "$W/cites.tree" | wc -l)
# The check must have something to check: the tree cites redox-abi.md often.
if [ "$n_sec" -ge 20 ]; then ok "docs: the scan found the section citations ($n_sec)"
else fail "docs: the scan found the section citations" "only $n_sec: the extractor is broken"; fi
[ "${1-}" = --files ] && { summary; exit; }

### Self-test: planted bad citations must be reported, good ones not.
S=tests/docs/selftest
( cd "$S" && check_files selftest src.c notes.md docs/*.md ) > "$W/selftest.log"
while IFS= read -r want; do
	case $want in ''|'#'*) continue ;; esac
	if grep -qF -- "$want" "$W/selftest.log"; then ok "self-test reports: $want"
	else fail "self-test reports: $want" "not in $W/selftest.log"; sed 's/^/    /' "$W/selftest.log"; fi
done < "$S/expected-bad"
expect_eq "self-test: exactly the planted citations are reported" \
	"$(grep -c '^BAD' "$S/expected-bad")" "$(grep -c '^BAD' "$W/selftest.log")"
summary
