#!/bin/sh
# SPDX-License-Identifier: MIT
# run-one.sh NAME MODE: run one relibc test binary in redox-run the way
# upstream's runner (relibc tests/src/main.rs) does — arguments "test args",
# working directory holding the suite's input files — and print its verdict:
# "pass" or "fail: REASON". MODE "compare" also compares stdout and stderr
# with relibc's tests/expected/ files (a missing .stderr means "no output",
# as upstream); "status" checks the exit status only (upstream's -s).
# The working directory is a private copy made for this run: OUT/root/NAME,
# mounted as the guest's / (redox-run --root), with the input files listed
# in OUT/support.list and an empty /tmp.
# Env: OUT RELIBC_SRC REDOX_RUN, RELIBC_TIMEOUT (seconds, default 30),
# RELIBC_SLOW (default tests/relibc/slow.txt: per-test limits).
set -u
name=$1 mode=$2
T=$RELIBC_SRC/tests
bin=$OUT/bin/$name
root=$OUT/root/$name
log=$OUT/log/$name
mkdir -p "$(dirname "$log")"
rm -rf "$root"
mkdir -p "$root/tmp"
while read -r f; do
	mkdir -p "$root/$(dirname "$f")"
	cp -R "$T/$f" "$root/$f"
done < "$OUT/support.list"
# Upstream copies from a git checkout (files 644, directories 755; its
# unistd/access test says "chmod 644 example_dir/*"); the source tree may be
# read-only, so give the owner write permission back.
chmod -R u+w "$root"
# The files of a Redox installation the suite reads, in Redox's formats (facts
# from relibc dadb4375): /etc/passwd lines are "name;uid;gid;gecos;home;shell"
# (src/header/pwd/mod.rs: SEPARATOR ';' on Redox; pwd/redox.rs: six fields,
# no password field), uname's nodename and gethostname read /etc/hostname
# (src/platform/redox/mod.rs), unistd/fchdir opens /usr. The entries are those
# of a default Redox install (root and user, shell ion); their home
# directories are left out (stdio/tempnam assumes /root is not writable).
mkdir -p "$root/etc" "$root/usr"
printf 'root;0;0;root;/root;/usr/bin/ion\nuser;1000;1000;user;/home/user;/usr/bin/ion\n' > "$root/etc/passwd"
printf 'redox' > "$root/etc/hostname"

# The wall-clock limit: RELIBC_TIMEOUT (default 30 s), or the test's entry in
# slow.txt (compute-bound tests, with what was measured).
limit=$(awk -v n="$name" '$1 == n { print $2; exit }' "${RELIBC_SLOW:-tests/relibc/slow.txt}" 2>/dev/null)
limit=${limit:-${RELIBC_TIMEOUT:-30}}
timeout -k 5 "$limit" "$REDOX_RUN" --abi=2026-08 --root "$root" --cwd / \
	"$bin" test args < /dev/null > "$log.stdout" 2> "$log.stderr"
rc=$?

# Upstream's lookup (find expected file): for bins_static/a/b it tries
# expected/b.KIND, then expected/a/b.KIND, then expected/bins_static/a/b.KIND.
expected_file() {
	for _c in $(echo "bins_static/$name.$1" | awk -F/ '{
		for (n = 1; n <= NF; n++) { s = $(NF - n + 1); for (i = NF - n + 2; i <= NF; i++) s = s "/" $i; print s } }'); do
		[ -f "$T/expected/$_c" ] && { echo "$T/expected/$_c"; return 0; }
	done
	return 1
}

# The first line a failure is best known by: a relibc panic, a fault
# reported by redox-run, or the last line on stderr.
why() {
	_l=$(grep -m1 -E 'panicked at|RELIBC PANIC|^redox-run: ' "$log.stderr" | cut -c1-160)
	[ -n "$_l" ] || _l=$(grep -v '^[[:space:]]*$' "$log.stderr" | tail -n 1 | cut -c1-160)
	[ -n "$_l" ] && printf ' (%s)' "$_l"
}

if [ $rc -eq 124 ]; then
	echo "fail: timeout after $limit s$(why)"; exit 0
fi
problems=
if [ "$mode" = compare ]; then
	if exp=$(expected_file stdout); then
		if ! cmp -s "$exp" "$log.stdout"; then
			diff "$exp" "$log.stdout" > "$log.stdout.diff"
			problems="$problems, stdout differs ($(grep -c '^[<>]' "$log.stdout.diff") lines, see log/$name.stdout.diff)"
		fi
	else
		problems="$problems, no expected stdout file for $name"
	fi
	if exp=$(expected_file stderr); then :; else exp=/dev/null; fi
	if ! cmp -s "$exp" "$log.stderr"; then
		diff "$exp" "$log.stderr" > "$log.stderr.diff"
		problems="$problems, stderr differs$(why)"
	fi
fi
if [ $rc -ne 0 ]; then
	case $rc in
	132) what="SIGILL" ;; 133) what="SIGTRAP" ;; 136) what="SIGFPE" ;; 139) what="SIGSEGV" ;;
	*) what= ;;
	esac
	problems=", exit status $rc${what:+ ($what)}$(why)$problems"
fi
if [ -z "$problems" ]; then echo pass; else echo "fail: ${problems#, }"; fi
