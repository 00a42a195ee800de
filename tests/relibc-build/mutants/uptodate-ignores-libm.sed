# file: relibc/import.sh
# why: "up to date" checks libc.a only: a sysroot libm.a that differs from the build is kept
/for f in "\$1\/lib\/libc.a" "\$1\/lib\/libm.a" "\$2\/libc.a" "\$2\/libm.a"; do sha "\$f"; done/s/ "\$2\/libm.a"; do/; do/
