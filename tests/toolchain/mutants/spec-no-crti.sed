# file: toolchain/redox-crt-target-spec.sh
# why: the spec's static-nopic-exe pre-link objects lose crti.o
/\.\["pre-link-objects"\] = {"static-nopic-exe": \["crt0.o", "crti.o"\],/s/\["crt0.o", "crti.o"\]/["crt0.o"]/
