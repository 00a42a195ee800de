# file: toolchain/redox-crt-target-spec.sh
# why: the spec's late link args lose -lgcc
/\.\["late-link-args"\] = {"gnu-lld": \["-lgcc", "-lunwind"\]}/s/"-lgcc", //
