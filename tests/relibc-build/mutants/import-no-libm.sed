# file: toolchain/import-relibc.sh
# why: libm.a is checked but never installed
/^	\[ -z "\$libm" \] || install -m 644 "\$libm" "\$dlib\/libm.a"$/d
