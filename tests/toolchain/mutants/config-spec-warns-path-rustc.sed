# file: toolchain/redox-crt-config.sh
# why: --target-spec compares the rustc first on PATH again instead of the recorded one
s/^			r=\${RUSTC:-\$(sed -n 2p "\$share\/rust\/rustc-version")}$/			r=${RUSTC:-rustc}/
