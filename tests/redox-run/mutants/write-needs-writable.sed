# file: tools/redox-run/syscall.c
# why: write checks the guest buffer for write permission instead of read
/^	if (!rr_vm_check(rr, a\[1\], a\[2\], RR_PROT_R))$/s/RR_PROT_R/RR_PROT_W/
