# file: toolchain/import-relibc.sh
# why: relibc's headers are checked but not copied into the sysroot
/^	(cd "\$inc" \&\& tar -cf - .) | (cd "\$dinc" \&\& tar -xf -)$/d
