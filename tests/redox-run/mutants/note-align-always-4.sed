# file: tools/redox-run/elf.c
# why: the ABI note reader pads every PT_NOTE's entries to 4, also in an 8-aligned segment
/uint64_t al = ph\.p_align == 8 ? 8 : 4;/s/ph\.p_align == 8 ? 8 : 4/4/
