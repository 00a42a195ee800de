# file: relibc/import.sh
# why: "up to date" compares libc.a only: a sysroot libm.a that differs from the build is kept
/cmp -s "\$dir\/lib\/libc.a" "\$lib\/libc.a" \&\& cmp -s "\$dir\/lib\/libm.a" "\$lib\/libm.a"; then/s/ \&\& cmp -s "\$dir\/lib\/libm.a" "\$lib\/libm.a"//
