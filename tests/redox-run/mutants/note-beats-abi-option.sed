# file: tools/redox-run/main.c
# why: the ABI note is read even when --abi was given, so the note wins over the option
/int nk = abi_given ? -1 : rr_elf_abi_note(/s/abi_given ? -1 : //
