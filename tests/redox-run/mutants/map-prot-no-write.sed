# file: tools/redox-run/syscall.c
# why: fmap/mprotect drop PROT_WRITE when translating the Redox map flags
/return (flags & PROT_READ ? RR_PROT_R : 0) | (flags & PROT_WRITE ? RR_PROT_W : 0) |$/s/(flags \& PROT_WRITE ? RR_PROT_W : 0)/0/
