# file: toolchain/pick-rustc.sh
# why: the rustc choice takes the first rustc that runs, rust-src or not (a rustup rustc first on PATH wins)
s/^	if has_src "\$c"; then echo "\$p"; exit 0; fi$/	echo "$p"; exit 0/
