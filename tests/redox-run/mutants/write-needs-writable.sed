# file: tools/redox-run/fd.c
# why: write checks the guest buffer for write permission instead of read
/if (!rr_vm_check(rr, buf, len, wr ? RR_PROT_R : RR_PROT_W))/s/wr ? RR_PROT_R : RR_PROT_W/wr ? RR_PROT_W : RR_PROT_R/
