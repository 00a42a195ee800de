# file: tools/redox-elfcheck/check.c
# why: aarch64 ret matched only as ret x30's exact word, not ret {xN}
/if ((w & 0xfffffc1fu) == 0xd65f0000u)/s/(w \& 0xfffffc1fu) == 0xd65f0000u/w == 0xd65f03c0u/
