# file: tools/redox-run/fs.c
# why: st_nlink written at offset 18 instead of 20
/^	put32(out + 20, (uint32_t)st\.st_nlink);$/s/out + 20/out + 18/
