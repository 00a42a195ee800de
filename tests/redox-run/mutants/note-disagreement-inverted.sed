# file: tools/redox-run/elf.c
# why: two ABI notes are refused when they agree, and the last wins when they disagree
/if (found && strcmp(abi, (const char \*)desc) != 0)/s/!= 0)/== 0)/
