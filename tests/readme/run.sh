#!/bin/sh
# SPDX-License-Identifier: MIT
# check-readme: README.md's commands run as written (convention and layout in
# tests/readme/README). Lints every fenced block (each ```sh block carries a
# readme-test marker, names are unique, markers sit directly on a fence,
# each runnable block has an expectation), then runs each marked sh block
# with sh -e in build/test/readme/NAME/ and checks its exit status, its
# stdout against tests/readme/expect/NAME.out (written by hand) and the
# checks of tests/readme/expect/NAME.sh (programs run in redox-run, ELF
# headers read with llvm-readelf). Then the self-test: planted mistakes in
# tests/readme/selftest/ must be reported.
#
# usage: sh tests/readme/run.sh                 the whole suite
#        sh tests/readme/run.sh --only NAME...  run only those blocks
# Env (from tests/readme/part.mk): SYSROOT REDOX_RUN LLVM_READELF ARCHS
# RUSTC CARGO RELIBC_SRC.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
W=$top/build/test/readme
mkdir -p "$W"
T_TMP=$W
SR=$top/$SYSROOT
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac
export SR RUN LLVM_READELF
only=
[ "${1-}" = --only ] && { shift; only=" $* "; }

# A stand-in for a rustup rustc without rust-src (the common case): first
# on PATH after the sysroot's bin/, so a README command that runs plain
# `rustc` (or a cargo that does) meets it, as a user's would.
. tests/lib/rustup-standin.sh
rustup_standin "$W/.rustup-standin"
# PATH without any rustc or cargo but the recorded one's (no rustup at all).
plain_path() {
	_keep=$(dirname "$RUSTC" 2>/dev/null)
	_p= _ifs=$IFS; IFS=:
	for _d in $PATH; do
		if [ "$_d" != "$_keep" ] && { [ -x "$_d/rustc" ] || [ -x "$_d/cargo" ]; }; then continue; fi
		_p=${_p:+$_p:}$_d
	done
	IFS=$_ifs; echo "$_p"
}

# needs_unmet NEED: print why NEED is not met (nothing when it is).
needs_unmet() {
	case $1 in
	relibc)
		for _a in $ARCHS; do
			[ -f "$SR/$_a-unknown-redox/lib/libc.a" ] || { echo "no relibc in $SR/$_a-unknown-redox (fix: make relibc RELIBC_SRC=DIR)"; return; }
		done ;;
	rust)
		if [ -z "${RUSTC:-}" ] || ! sh toolchain/pick-rustc.sh --has-src "$RUSTC"; then
			echo "no rustc with rust-src (fix: apt-get install rustc-web rust-web-src)"; return
		fi
		command -v "${CARGO:-cargo}" > /dev/null 2>&1 || echo "no cargo (fix: apt-get install cargo-web)" ;;
	cmake) command -v cmake > /dev/null 2>&1 || echo "cmake is not installed (fix: apt-get install cmake)" ;;
	meson) { command -v meson && command -v ninja; } > /dev/null 2>&1 || echo "meson or ninja is not installed (fix: apt-get install meson ninja-build)" ;;
	relibc-src) [ -n "${RELIBC_SRC:-}" ] && [ -f "$RELIBC_SRC/Cargo.toml" ] ||
		echo "no relibc source tree (RELIBC_SRC='${RELIBC_SRC:-}'; fix: make check-readme RELIBC_SRC=DIR)" ;;
	net) echo "needs the network (check-readme runs offline)" ;;
	*) echo "unknown need '$1'" ;;
	esac
}

# parse MARKER: sets m_name m_needs m_skip m_status m_inputs m_uses m_file
# m_in m_err.
parse() {
	m_name= m_needs= m_skip= m_status=0 m_inputs= m_file= m_uses= m_in= m_err=
	_rest=$1
	m_name=${_rest%% *}; [ "$m_name" = "$_rest" ] && _rest= || _rest=${_rest#* }
	case $m_name in ''|'?'|*[!A-Za-z0-9_.-]*) m_err="marker has no valid NAME (letters, digits, . _ -): '$1'"; return ;; esac
	while [ -n "$_rest" ]; do
		_w=${_rest%% *}; [ "$_w" = "$_rest" ] && _rest= || _rest=${_rest#* }
		case $_w in
		skip=*) m_skip="${_w#skip=}${_rest:+ $_rest}"; _rest=
			[ -n "$m_skip" ] || m_err="skip= needs a reason" ;;
		needs=*) m_needs=$(echo "${_w#needs=}" | tr , ' ')
			for _pn in $m_needs; do case $_pn in relibc|relibc-src|rust|cmake|meson|net) ;;
				*) m_err="unknown need '$_pn' (accepted: relibc relibc-src rust cmake meson net)" ;; esac; done ;;
		status=*) m_status=${_w#status=}
			case $m_status in ''|*[!0-9]*) m_err="status= must be a number: '$_w'" ;; esac ;;
		inputs=*) m_inputs=$(echo "${_w#inputs=}" | tr , ' ') ;;
		uses=*) m_uses=$(echo "${_w#uses=}" | tr , ' ') ;;
		in=tree) m_in=tree ;;
		file=*) m_file=${_w#file=}
			case /$m_file/ in *'/../'*|//*) m_err="file= must be a relative path inside the scratch directory: '$m_file'" ;; esac ;;
		'') ;;
		*) m_err="unknown marker word '$_w' (accepted: needs= skip= status= inputs= uses= file= in=tree)" ;;
		esac
	done
}

# lint MD BLOCKDIR EXPECTDIR INPUTDIR LABEL: check the markers of MD; writes
# BLOCKDIR/index (runnable blocks) and BLOCKDIR/files (file= blocks).
lint() {
	_md=$1 _bd=$2 _ed=$3 _id=$4 _lb=$5
	rm -rf "$_bd"; mkdir -p "$_bd"
	awk -v OUT="$_bd" -f tests/readme/extract.awk "$_md" > "$_bd/raw" ||
		{ fail "$_lb: $_md could not be split into blocks"; return; }
	: > "$_bd/index"; : > "$_bd/files"; : > "$_bd/names"
	_bad=0
	while IFS='	' read -r _kind _n _line _lang _marker; do
		case $_kind in
		dangling) fail "$_lb: line $_n: readme-test marker not directly followed by a fenced block" "$_line"; _bad=1; continue ;;
		unclosed) fail "$_lb: the fenced block open at the end of $_md is never closed"; _bad=1; continue ;;
		esac
		if [ -z "$_marker" ]; then
			case $_lang in sh|shell|bash|console)
				fail "$_lb: line $_line: a \`\`\`$_lang block without a readme-test marker" \
					"add <!-- readme-test: NAME --> (and tests/readme/expect/NAME.*) or <!-- readme-test: NAME skip=REASON --> on the line before it"
				_bad=1 ;;
			esac
			continue
		fi
		parse "$_marker"
		if [ -n "$m_err" ]; then fail "$_lb: line $_line: $m_err"; _bad=1; continue; fi
		if [ -n "$m_file" ]; then
			printf '%s\t%s\t%s\n' "$m_name" "$_n" "$m_file" >> "$_bd/files"; continue
		fi
		case $_lang in sh|shell|bash|console) ;; *)
			fail "$_lb: line $_line: marker '$m_name' on a \`\`\`$_lang block; only sh blocks run (use file=PATH to make it an input of an sh block)"; _bad=1; continue ;;
		esac
		if grep -qx "$m_name" "$_bd/names"; then
			fail "$_lb: line $_line: readme-test name '$m_name' is used twice"; _bad=1; continue
		fi
		echo "$m_name" >> "$_bd/names"
		if [ -z "$m_skip" ] && [ ! -f "$_ed/$m_name.out" ] && [ ! -f "$_ed/$m_name.sh" ]; then
			fail "$_lb: line $_line: block '$m_name' has no expectation" "write $_ed/$m_name.out (its stdout) and/or $_ed/$m_name.sh (checks)"
			_bad=1; continue
		fi
		for _i in $m_inputs; do
			[ -d "$_id/$_i" ] || { fail "$_lb: line $_line: block '$m_name': inputs=$_i but $_id/$_i is not a directory"; _bad=1; continue 2; }
		done
		printf '%s\t%s\t%s\n' "$_n" "$_line" "$_marker" >> "$_bd/index"
	done < "$_bd/raw"
	# A file= block must belong to a runnable block; uses= names file= blocks.
	while IFS='	' read -r _nm _n _f; do
		grep -qx "$_nm" "$_bd/names" || { fail "$_lb: file=$_f block names '$_nm', which has no sh block"; _bad=1; }
	done < "$_bd/files"
	while IFS='	' read -r _n _line _marker; do
		parse "$_marker"
		for _u in $m_uses; do
			cut -f1 "$_bd/files" | grep -qx "$_u" ||
				{ fail "$_lb: line $_line: block '$m_name' uses=$_u, but no file= block is named '$_u'"; _bad=1; }
		done
	done < "$_bd/index"
	[ $_bad = 1 ] || ok "$_lb: every sh block of $(basename "$_md") is marked, names unique, each runnable one has an expectation ($(wc -l < "$_bd/index") marked)"
}

# run_block BLOCKDIR EXPECTDIR INPUTDIR N LINE MARKER VARIANT
run_block() {
	_bd=$1 _ed=$2 _id=$3 _n=$4 _line=$5 _v=$7
	parse "$6"
	_nm=$m_name; _lbl="readme $m_name (line $_line${_v:+, $_v})"
	if [ -n "$m_skip" ]; then skip "$_lbl" "marked skip: $m_skip"; return; fi
	for _need in $m_needs; do
		_why=$(needs_unmet "$_need")
		[ -z "$_why" ] || { skip "$_lbl" "needs=$_need: $_why"; return; }
	done
	_d=$W/$_nm${_v:++$_v}
	rm -rf "$_d"; mkdir -p "$_d/build"
	ln -s "$SR" "$_d/build/sysroot"
	for _i in ${m_inputs:-$_nm}; do
		[ -d "$_id/$_i" ] && cp -R "$_id/$_i/." "$_d/"
	done
	for _u in $m_uses $_nm; do
		while IFS='	' read -r _fn _fb _ff; do
			[ "$_fn" = "$_u" ] || continue
			mkdir -p "$(dirname "$_d/$_ff")" && cp "$_bd/$_fb.txt" "$_d/$_ff"
		done < "$_bd/files"
	done
	cp "$_bd/$_n.txt" "$_d/.block.sh"
	case $_v in
	plain) _path=$SR/bin:$(plain_path) ;;
	*) _path=$SR/bin:$W/.rustup-standin:$PATH ;;
	esac
	_cwd=$_d; [ "$m_in" = tree ] && _cwd=$top
	# Rust blocks: an empty CARGO_HOME (no ~/.cargo/config.toml of the
	# machine), and check-rust-std's target directory, so the std that
	# -Zbuild-std makes there is reused rather than rebuilt per block.
	_rustenv=
	case " $m_needs " in *" rust "*)
		mkdir -p "$_d/.cargo-home"
		_rustenv="CARGO_HOME=$_d/.cargo-home CARGO_TARGET_DIR=$top/build/rust-std/target" ;;
	esac
	# shellcheck disable=SC2086
	(cd "$_cwd" && env -u RUSTC -u CARGO -u MAKEFLAGS -u MAKELEVEL -u MFLAGS PATH="$_path" $_rustenv \
		timeout 1800 sh -e "$_d/.block.sh" > "$_d/.stdout" 2> "$_d/.stderr" < /dev/null)
	_rc=$?
	if [ "$_rc" -ne "$m_status" ]; then
		fail "$_lbl: runs as written" "exit status $_rc, expected $m_status (log: $_d/.stderr)"
		tail -n 15 "$_d/.stderr" | sed 's/^/    /'
		return
	fi
	ok "$_lbl: runs as written (exit status $_rc)"
	if [ -f "$_ed/$_nm.out" ]; then
		if cmp -s "$_ed/$_nm.out" "$_d/.stdout"; then ok "$_lbl: stdout is $(basename "$_ed")/$_nm.out"
		else fail "$_lbl: stdout is $(basename "$_ed")/$_nm.out" "differs:"; diff "$_ed/$_nm.out" "$_d/.stdout" | head -n 15 | sed 's/^/    /'; fi
	fi
	if [ -f "$_ed/$_nm.sh" ]; then
		# Checks run in the scratch directory with this file's helpers.
		LBL=$_lbl; cd "$_d" && . "$_ed/$_nm.sh"; cd "$top"
	fi
}

# Helpers for expect/NAME.sh (in the scratch directory, LBL is the block).
# runs_in_redox NAME STATUS EXPECTED-STDOUT [REDOX-RUN OPTIONS] PROGRAM [ARGS]
runs_in_redox() {
	_rn=$1 _rs=$2 _ro=$3; shift 3
	"$RUN" "$@" > .run.out 2> .run.err < /dev/null; _rr=$?
	if [ "$_rr" -eq "$_rs" ] && [ "$(cat .run.out)" = "$_ro" ]; then ok "$LBL: $_rn"
	else fail "$LBL: $_rn" "redox-run $* exited $_rr (expected $_rs), stdout '$(head -c 200 .run.out)' (expected '$_ro')"; head -n 5 .run.err | sed 's/^/    /'; fi
}
# elf_is NAME FILE MACHINE: a static ET_EXEC for MACHINE (X86-64, AArch64), entry not 0.
elf_is() {
	"$LLVM_READELF" -h -l "$2" > .elf 2>&1
	if grep -q 'Type: *EXEC' .elf && grep -q "Machine:.* $3\$" .elf && ! grep -q INTERP .elf &&
	   ! grep -Eq 'Entry point address: *0x0$' .elf; then ok "$LBL: $1"
	else fail "$LBL: $1" "$2 is not a static ET_EXEC for $3 with an entry point"; grep -E 'Type|Machine|Entry|INTERP' .elf | sed 's/^/    /'; fi
}

# suite MD EXPECTDIR INPUTDIR LABEL: lint MD and run its blocks.
suite() {
	_sbd=$W/.blocks-$4 _sed=$top/$2 _sid=$top/$3
	lint "$1" "$_sbd" "$_sed" "$_sid" "$4"
	while IFS='	' read -r _sn _sline _smarker; do
		parse "$_smarker"
		[ -z "$only" ] || case $only in *" $m_name "*) ;; *) continue ;; esac
		_sneeds=$m_needs _sskip=$m_skip
		run_block "$_sbd" "$_sed" "$_sid" "$_sn" "$_sline" "$_smarker" ""
		# Rust commands also run with no rustup on PATH at all.
		case " $_sneeds " in *" rust "*) [ -n "$_sskip" ] ||
			run_block "$_sbd" "$_sed" "$_sid" "$_sn" "$_sline" "$_smarker" plain ;; esac
	done < "$_sbd/index"
}

suite README.md tests/readme/expect tests/readme/inputs README
[ -n "$only" ] && { summary; exit; }

### Self-test: the harness must report planted mistakes.
S=tests/readme/selftest
sT_PASS=$T_PASS sT_FAIL=$T_FAIL sT_SKIP=$T_SKIP
T_PASS=0 T_FAIL=0 T_SKIP=0
suite "$S/bad.md" "$S/expect" "$S/inputs" selftest > "$W/selftest.log" 2>&1
st_fail=$T_FAIL st_skip=$T_SKIP st_pass=$T_PASS
T_PASS=$sT_PASS T_FAIL=$sT_FAIL T_SKIP=$sT_SKIP
# Each line of selftest/expected-failures is a FAIL (or SKIP) line the
# planted README must produce, as a fixed string.
while IFS= read -r want; do
	case $want in ''|'#'*) continue ;; esac
	if grep -qF -- "$want" "$W/selftest.log"; then ok "self-test reports: $want"
	else fail "self-test reports: $want" "not in $W/selftest.log"; fi
done < "$S/expected-failures"
expect_eq "self-test: the good block of the planted README passes (and nothing else fails)" \
	"$(grep -c '^FAIL\|^SKIP' "$S/expected-failures")" "$(grep -c '^FAIL\|^SKIP' "$W/selftest.log")"
summary
