# Shell helpers for test drivers: source this, call ok/fail/expect_*, end
# with `summary`, which prints "N passed, N failed" (", N skipped" when a
# check was skipped: skips are never counted as passes) and sets the exit status.
T_PASS=0
T_FAIL=0
T_SKIP=0
ok()   { T_PASS=$((T_PASS + 1)); echo "PASS: $1"; }
skip() { T_SKIP=$((T_SKIP + 1)); echo "SKIP: $1${2:+ — $2}"; }
fail() { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $1${2:+ — $2}"; }
# check NAME COMMAND...: pass if the command succeeds.
check() {
	_n=$1; shift
	if "$@" > "${T_TMP:-/tmp}/tap.out" 2>&1; then ok "$_n"; else
		fail "$_n" "command failed: $*"; sed 's/^/    /' "${T_TMP:-/tmp}/tap.out" | head -20
	fi
}
# expect_grep NAME PATTERN FILE: pass if the extended regex matches FILE.
expect_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"; else
		fail "$1" "no line matches /$2/ in $3"; sed 's/^/    /' "$3" | head -30
	fi
}
expect_no_grep() {
	if grep -Eq -- "$2" "$3"; then fail "$1" "a line matches /$2/ in $3"; grep -E -- "$2" "$3" | head -5 | sed 's/^/    /'; else ok "$1"; fi
}
# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}
summary() {
	if [ "$T_SKIP" -gt 0 ]; then echo "$T_PASS passed, $T_FAIL failed, $T_SKIP skipped"
	else echo "$T_PASS passed, $T_FAIL failed"; fi
	[ "$T_FAIL" -eq 0 ]
}
