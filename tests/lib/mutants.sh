#!/bin/sh
# Mutation testing (make mutants): every part's suite must fail on each of its
# planted bugs. A part opts in with tests/<part>/mutants/, holding
#   suite         one line: the make goals (and VAR=value settings) of the
#                 part's own suite, e.g. "check-start check-start-unit"; a
#                 line "needs: rust" keeps build/rust (cargo's cache) in the copies
#   NAME.sed      a sed script; its header names the file it mutates:
#                   # file: start/exit.c
#                   # why: one line saying which mistake this models
#                   # clean: build/... (optional: outputs to delete first,
#                   #   for mutants of makefiles, which make does not track)
#   NAME.patch    or a unified diff (patch -p1), for multi-line mistakes
# (a part may be a sub-suite: tests/redox-run/fs/mutants is part redox-run/fs).
# Each mutant is applied to a private copy of the tree in
# $MUTANTS_DIR/<part>/<name>/ (the tracked and untracked-but-not-ignored
# files, plus a copy of build/ with its timestamps, so only what depends on
# the mutated file rebuilds), built with `make all`, then the part's suite
# is run there. Outcomes:
#   caught          the suite failed (exit status non-zero)
#   SURVIVED        the suite passed: a test is missing
#   STALE           the mutant no longer applies (its line is gone, or the
#                   sed script changes nothing): update or drop the mutant
#   DOES NOT BUILD  make all failed: the mutant proves nothing; fix it
#   SAME CODE       a survivor whose every object rebuilt (by make all and
#                   by the suite's own builds) is the unmutated object but
#                   for debug info: an equivalent mutant (it changed a line
#                   the compiler folds away, or one no build uses), not a
#                   missing test; it proves nothing, so fix the mutant
# (Checked after the suite, not before: a header's mutant may leave every
# object of make all unchanged and still change the test programs the
# suite compiles, which is where it is caught.)
# Anything but "caught" makes the run fail. The unmutated copy's suite must
# pass first, or none of that part's mutants are run.
# usage: sh tests/lib/mutants.sh [PART...]   (default: every part with mutants/)
# env: MAKE, BUILD (build), MUTANTS_DIR ($BUILD/mutants), MUTANT (a shell
#      glob over mutant names), MUTANTS_JOBS (make -j, 2), MUTANT_TIMEOUT
#      (seconds per suite run, 1200), MUTANTS_KEEP=1 keeps caught copies,
#      MUTANTS_FULL=1 runs a suite to its end even after its first FAIL line,
#      MUTANTS_DRY=1 only checks that every mutant still applies (seconds),
#      MUTANTS_BUILD_ONLY=1 applies and builds each mutant but runs no
#      suite (minutes); it says which source mutants leave make all's
#      objects unchanged (for those, only the suite's builds can differ).
set -u
MAKE=${MAKE:-make}
BUILD=${BUILD:-build}
# Run from a copy, so editing this script during a run cannot change it.
if [ -z "${MUTANTS_DRIVER:-}" ] && [ -d "$BUILD" ]; then
	cp "$0" "$BUILD/.mutants-driver.$$.sh" && MUTANTS_DRIVER=$BUILD/.mutants-driver.$$.sh exec sh "$BUILD/.mutants-driver.$$.sh" "$@"
fi
MD=${MUTANTS_DIR:-$BUILD/mutants}
JOBS=${MUTANTS_JOBS:-2}
TMO=${MUTANT_TIMEOUT:-1200}
SEL=${MUTANT:-*}
LLVM_OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19}
# A private make per copy: nothing from the make that started us leaks in.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
me=mutants
die() { echo "$me: $*" >&2; exit 2; }
[ -f Makefile ] && [ -d tests ] || die "run from the top of the redox-crt tree (make mutants)"
git rev-parse --git-dir > /dev/null 2>&1 || die "needs a git checkout: the copies are made from 'git ls-files'"

if [ $# -eq 0 ]; then
	set -- $(for d in tests/*/mutants tests/*/*/mutants; do [ -f "$d/suite" ] && dirname "${d#tests/}"; done)
fi
[ $# -gt 0 ] || die "no part has tests/<part>/mutants/suite"
for p in "$@"; do
	[ -f "tests/$p/mutants/suite" ] || die "no mutants for part '$p': tests/$p/mutants/suite does not exist; parts with mutants: $(ls -d tests/*/mutants tests/*/*/mutants 2>/dev/null | sed 's|tests/||; s|/mutants||' | tr '\n' ' ')"
done

mkdir -p "$MD" || die "cannot create $MD"
MD=$(cd "$MD" && pwd -P)
top=$(pwd -P)
case $MD/ in "$top"/$BUILD/mutants*) ;; *) die "MUTANTS_DIR must be $BUILD/mutants or $BUILD/mutants-NAME (copies of the tree leave those out)" ;; esac
results=$MD/results.txt
: > "$results"
t_all=$(date +%s)

now() { date +%s; }

# The file a mutant changes (sed: its "# file:" line; patch: its +++ line).
mutant_file() {
	case $1 in
	*.sed) sed -n 's/^# file: *//p' "$1" | head -n 1 ;;
	*.patch) sed -n 's|^+++ [^/]*/\([^ 	]*\).*|\1|p' "$1" | head -n 1 ;;
	esac
}
mutant_why() { sed -n 's/^# why: *//p' "$1" | head -n 1; }

# First failing check in a suite log, to show what caught the mutant.
first_failure() {
	grep -m 1 -E '^FAIL|:[FE]:|^not ok|[0-9]+ passed, [1-9][0-9]* failed|Error [0-9]+$' "$1" |
		cut -c 1-150
}

# copy_tree DEST [TAR-EXCLUDES]: the tree as the working copy has it, build/ included.
copy_tree() {
	rm -rf "$1" && mkdir -p "$1" || return 1
	git ls-files -z -c -o --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$1" || return 1
	if [ -d "$BUILD" ]; then
		# shellcheck disable=SC2086
		tar --exclude='./mutants*' --exclude='./.mutants-driver.*' --exclude='./test/*.log' $2 -C "$BUILD" -cf - . |
			(mkdir -p "$1/build" && tar -xf - -C "$1/build") || return 1
	fi
}

# same_code BASE COPY STAMP: for a source mutant, whether every object file
# `make all` rebuilt in COPY (newer than STAMP) is the one in BASE once debug
# info is stripped (DWARF names each copy's own directory). Prints how many
# were compared; fails when none was rebuilt or one differs.
same_code() {
	_n=0
	_objs=$(cd "$2" && find build -name '*.o' -newer "$3" 2> /dev/null) || return 1
	for _o in $_objs; do
		[ -f "$1/$_o" ] || return 1
		"$LLVM_OBJCOPY" --strip-debug "$1/$_o" "$2/.same-a.o" 2> /dev/null &&
			"$LLVM_OBJCOPY" --strip-debug "$2/$_o" "$2/.same-b.o" 2> /dev/null || return 1
		cmp -s "$2/.same-a.o" "$2/.same-b.o" || { rm -f "$2/.same-a.o" "$2/.same-b.o"; return 1; }
		_n=$((_n + 1))
	done
	rm -f "$2/.same-a.o" "$2/.same-b.o"
	echo "$_n"
	[ "$_n" -gt 0 ]
}

# run_suite DIR LOG [full]: the part's suite in DIR, in a process group of its own.
# A tap.sh "FAIL: " line already decides the suite's status (summary exits
# non-zero), so the run stops there unless MUTANTS_FULL=1; the exit status
# is then 1, or 124 after MUTANT_TIMEOUT seconds.
run_suite() {
	# shellcheck disable=SC2086
	setsid $MAKE -C "$1" -j"$JOBS" $suite > "$2" 2>&1 < /dev/null &
	_pid=$! _t=0
	while kill -0 "$_pid" 2> /dev/null; do
		if [ "${MUTANTS_FULL:-0}" != 1 ] && [ "${3:-}" != full ] && grep -q '^FAIL: ' "$2" 2> /dev/null; then
			kill -TERM "-$_pid" 2> /dev/null; { wait "$_pid"; } 2> /dev/null; return 1
		fi
		if [ $_t -ge "$TMO" ]; then
			kill -TERM "-$_pid" 2> /dev/null; { wait "$_pid"; } 2> /dev/null; return 124
		fi
		sleep 1; _t=$((_t + 1))
	done
	wait "$_pid"
}

# dry_part PART DIR: only whether each mutant still applies (no build, no
# suite): what to run after a rebase.
dry_part() {
	for m in "$2"/*.sed "$2"/*.patch; do
		[ -f "$m" ] || continue
		name=$(basename "$m"); name=${name%.*}
		case $name in $SEL) ;; *) continue ;; esac
		total=$((total + 1))
		file=$(mutant_file "$m")
		tmpd=$MD/.dry-$(printf '%s' "$1" | tr / -); rm -rf "$tmpd"; mkdir -p "$tmpd"
		ok_=0
		if [ -n "$file" ] && [ -f "$file" ]; then
			case $m in
			*.sed) sed -f "$m" "$file" > "$tmpd/out" 2> /dev/null && ! cmp -s "$file" "$tmpd/out" && ok_=1 ;;
			*.patch) patch -p1 -s -f --dry-run < "$m" > /dev/null 2>&1 && ok_=1 ;;
			esac
		fi
		if [ $ok_ = 1 ]; then
			echo "applies    $1/$name ($file)"; caught=$((caught + 1))
		else
			echo "STALE      $1/$name: no longer applies to ${file:-(no '# file:' line)}; update or drop $m"
			stale=$((stale + 1))
		fi
		rm -rf "$tmpd"
	done
}

total=0 caught=0 survived=0 stale=0 nobuild=0 equiv=0 built=0 badbase=0
for part in "$@"; do
	dir=tests/$part/mutants
	suite=$(grep -v -e '^#' -e '^needs:' "$dir/suite" | head -n 1)
	pd=$MD/$(printf '%s' "$part" | tr / -)
	if [ "${MUTANTS_DRY:-0}" = 1 ]; then
		echo "== mutants of $part (dry run: do they apply?)"; dry_part "$part" "$dir"; continue
	fi
	rm -rf "$pd"; mkdir -p "$pd"
	# The project's ../shared (relibc sources) must resolve from the copies too.
	[ -e ../shared ] && ln -s "$(cd ../shared && pwd -P)" "$pd/shared"
	echo "== mutants of $part (suite: $suite)"
	t0=$(now)
	base=$pd/base
	# build/rust (cargo's target dir, hundreds of MB) only for suites that build Rust.
	skip=--exclude=./rust
	grep -q '^needs: .*rust' "$dir/suite" && skip=
	if ! copy_tree "$base" "$skip"; then
		echo "ERROR      $part: cannot copy the tree into $base"; badbase=$((badbase + 1)); continue
	fi
	if ! $MAKE -C "$base" -j"$JOBS" all > "$pd/base-build.log" 2>&1; then
		echo "ERROR      $part: the unmutated tree does not build (see $pd/base-build.log)"
		badbase=$((badbase + 1)); continue
	fi
	if [ "${MUTANTS_BUILD_ONLY:-0}" = 1 ]; then
		echo "   baseline: builds (MUTANTS_BUILD_ONLY=1: no suite is run)"
	elif ! run_suite "$base" "$pd/base-suite.log" full; then
		echo "ERROR      $part: the suite fails on the unmutated tree, so no mutant can be judged: $(first_failure "$pd/base-suite.log") (log: $pd/base-suite.log)"
		badbase=$((badbase + 1)); continue
	fi
	[ "${MUTANTS_BUILD_ONLY:-0}" = 1 ] || echo "   baseline: the suite passes on the unmutated tree ($(($(now) - t0)) s)"
	np=0 cp_=0 sp=0
	for m in "$dir"/*.sed "$dir"/*.patch; do
		[ -f "$m" ] || continue
		name=$(basename "$m"); name=${name%.*}
		case $name in $SEL) ;; *) continue ;; esac
		np=$((np + 1)); total=$((total + 1))
		file=$(mutant_file "$m")
		why=$(mutant_why "$m")
		md=$pd/$name
		t1=$(now)
		if [ -z "$file" ]; then
			echo "STALE      $part/$name: $m names no file (add a '# file: PATH' line)"
			stale=$((stale + 1)); echo "stale $part/$name" >> "$results"; continue
		fi
		if [ ! -f "$base/$file" ]; then
			echo "STALE      $part/$name: $file no longer exists; update or drop $m"
			stale=$((stale + 1)); echo "stale $part/$name" >> "$results"; continue
		fi
		rm -rf "$md"
		cp -a "$base" "$md" || { echo "ERROR      $part/$name: cannot copy $base"; badbase=$((badbase + 1)); continue; }
		applied=0
		case $m in
		*.sed)
			if sed -f "$m" "$md/$file" > "$md/$file.mutant" 2> "$md/mutant.err" &&
			   ! cmp -s "$md/$file" "$md/$file.mutant"; then
				cat "$md/$file.mutant" > "$md/$file" && applied=1
			fi
			rm -f "$md/$file.mutant" ;;
		*.patch)
			patch -d "$md" -p1 -s -f --no-backup-if-mismatch < "$m" > "$md/mutant.err" 2>&1 && applied=1 ;;
		esac
		if [ $applied = 0 ]; then
			echo "STALE      $part/$name: no longer applies to $file (its anchor line changed); update or drop $m $(head -c 200 "$md/mutant.err" 2>/dev/null)"
			stale=$((stale + 1)); echo "stale $part/$name" >> "$results"; rm -rf "$md"; continue
		fi
		# A fresh mtime, so make sees the change even within the same second.
		touch "$md/$file"
		# make does not rebuild what a changed makefile describes: a mutant of
		# a part.mk names the outputs to remove ("# clean: build/... ...").
		for c in $(sed -n 's/^# clean: *//p' "$m"); do
			case $c in build/*) case $c in *..*) ;; *) rm -rf "${md:?}/$c" ;; esac ;; esac
		done
		( cd "$md" && diff -u "$base/$file" "$file" ) > "$md/mutant.diff" 2>&1
		: > "$md/.mutant-stamp"
		if ! $MAKE -C "$md" -j"$JOBS" all > "$md/build.log" 2>&1; then
			echo "NO BUILD   $part/$name ($file): the mutant does not compile, so it proves nothing: $(grep -m 1 -E 'error|Error' "$md/build.log" | cut -c 1-120)"
			nobuild=$((nobuild + 1)); echo "nobuild $part/$name" >> "$results"; continue
		fi
		if [ "${MUTANTS_BUILD_ONLY:-0}" = 1 ]; then
			same=
			case $file in *.c|*.h|*.S|*.cpp|*.hpp)
				nsame=$(same_code "$base" "$md" "$md/.mutant-stamp") &&
					same="; the $nsame objects make all rebuilt are unchanged, only the suite's builds can tell" ;;
			esac
			echo "builds     $part/$name ($file, $(($(now) - t1))s)$same"
			built=$((built + 1)); echo "builds $part/$name" >> "$results"; rm -rf "$md"; continue
		fi
		run_suite "$md" "$md/suite.log"
		rc=$?
		dt=$(($(now) - t1))
		if [ $rc -ne 0 ]; then
			how=$(first_failure "$md/suite.log")
			[ $rc -eq 124 ] && how="suite timed out after ${TMO}s"
			printf 'caught     %s/%s (%s, %ss): %s\n' "$part" "$name" "$file" "$dt" "${how:-suite exit status $rc}"
			caught=$((caught + 1)); cp_=$((cp_ + 1)); echo "caught $part/$name" >> "$results"
			[ "${MUTANTS_KEEP:-0}" = 1 ] || rm -rf "$md"
		elif case $file in *.c|*.h|*.S|*.cpp|*.hpp) true ;; *) false ;; esac &&
		     nsame=$(same_code "$base" "$md" "$md/.mutant-stamp"); then
			printf 'SAME CODE  %s/%s (%s, %ss): survived, and all %s objects rebuilt for it (make all and the suite) are the unmutated ones but for debug info: an equivalent mutant that proves nothing; change %s so it changes the code\n' \
				"$part" "$name" "$file" "$dt" "$nsame" "$m"
			equiv=$((equiv + 1)); sp=$((sp + 1)); echo "equivalent $part/$name" >> "$results"
		else
			printf 'SURVIVED   %s/%s (%s, %ss): %s; copy kept in %s\n' "$part" "$name" "$file" "$dt" "$why" "$md"
			survived=$((survived + 1)); sp=$((sp + 1)); echo "survived $part/$name" >> "$results"
		fi
	done
	[ "${MUTANTS_KEEP:-0}" = 1 ] || rm -rf "$base"
	if [ $np -gt 0 ]; then rate=$((100 * sp / np)); else rate=0; fi
	if [ "${MUTANTS_BUILD_ONLY:-0}" = 1 ]; then
		echo "== $part: $np mutants, $(grep -c "^builds $part/" "$results") build, $(($(now) - t0)) s"
	else
		echo "== $part: $np mutants, $cp_ caught, $sp survived (survival $rate%), $(($(now) - t0)) s"
	fi
	echo "part $part $np $cp_ $sp" >> "$results"
done

if [ "${MUTANTS_DRY:-0}" = 1 ]; then
	echo "== make mutants-dry: $total mutants, $caught apply, $stale stale"
	case ${MUTANTS_DRIVER:-} in */.mutants-driver.*) rm -f "$MUTANTS_DRIVER" ;; esac
	[ $stale -eq 0 ] && [ $total -gt 0 ]; exit
fi
dt=$(($(now) - t_all))
if [ "${MUTANTS_BUILD_ONLY:-0}" = 1 ]; then
	echo "== make mutants (build only): $total mutants, $built build, $stale stale, $nobuild do not build, $equiv same code, in $dt s"
	case ${MUTANTS_DRIVER:-} in */.mutants-driver.*) rm -f "$MUTANTS_DRIVER" ;; esac
	[ $stale -eq 0 ] && [ $nobuild -eq 0 ] && [ $equiv -eq 0 ] && [ $badbase -eq 0 ] && [ $total -gt 0 ]; exit
fi
if [ $total -gt 0 ]; then score=$((100 * caught / total)); else score=0; fi
echo
echo "== make mutants: $total mutants, $caught caught, $survived survived, $stale stale, $nobuild do not build, $equiv same code; mutation score $score% ($caught/$total) in $dt s"
[ $badbase -gt 0 ] && echo "== $badbase part(s) could not be judged (see ERROR lines above)"
echo "score $caught $total $dt" >> "$results"
case ${MUTANTS_DRIVER:-} in */.mutants-driver.*) rm -f "$MUTANTS_DRIVER" ;; esac
# The same per part, as a Markdown table (README "Tests and benchmarks").
{
	echo "| part | mutants | caught | survived | survival |"
	echo "|---|---|---|---|---|"
	awk '$1 == "part" { printf "| %s | %d | %d | %d | %d%% |\n", $2, $3, $4, $5, $3 ? 100 * $5 / $3 : 0 }' "$results"
	echo "| all | $total | $caught | $survived | $((total ? 100 * survived / total : 0))% |"
} > "$MD/score.md"
cat "$MD/score.md"
[ $survived -eq 0 ] && [ $stale -eq 0 ] && [ $nobuild -eq 0 ] && [ $equiv -eq 0 ] && [ $badbase -eq 0 ] && [ $total -gt 0 ]
