# file: tools/redox-elfcheck/check.c
# why: x86_64 ret recognised by the wrong opcode (0xc9, leave)
/if (n >= 1 && (c\[n - 1\] == 0xc3 || c\[n - 1\] == 0xcb))/s/c\[n - 1\] == 0xc3/c[n - 1] == 0xc9/
