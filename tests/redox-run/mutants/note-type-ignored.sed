# file: tools/redox-run/elf.c
# why: any redox-crt note is taken as the ABI note, whatever its type
/if (hdr\[2\] != RR_NOTE_TYPE_ABI || namesz != sizeof RR_NOTE_OWNER ||/s/hdr\[2\] != RR_NOTE_TYPE_ABI || //
