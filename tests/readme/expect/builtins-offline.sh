# The block downloads Debian's llvm-toolchain-19 source into the cache.
check "$LBL: the .dsc is in the cache" sh -c 'ls "$HOME"/.cache/redox-crt/llvm-toolchain-19/llvm-toolchain-19_*.dsc'
check "$LBL: the orig tarball is in the cache" sh -c 'ls "$HOME"/.cache/redox-crt/llvm-toolchain-19/llvm-toolchain-19_*.orig.tar.xz'
