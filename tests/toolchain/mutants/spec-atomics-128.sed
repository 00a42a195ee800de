# file: toolchain/redox-crt-target-spec.sh
# why: the userspace spec advertises 128-bit atomics (Cranelift has none on aarch64)
/^	filter=.del(.metadata)$/{n;/max-atomic-width/{x;/seen/{x;s/= 64/= 128/;b;};s/.*/seen/;x;};}
