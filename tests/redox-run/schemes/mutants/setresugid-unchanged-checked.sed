# file: tools/redox-run/call.c
# why: SetResugid checks u32::MAX ("unchanged") against the caller's ids too
/if (v\[i\] != UINT32_MAX && v\[i\] != cur\[0\]/s/v\[i\] != UINT32_MAX && //
