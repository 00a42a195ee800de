# file: tools/redox-run/fs.c
# why: Stat's mtime and atime fields swapped
/^	put64(out + 56, (uint64_t)st\.st_mtim\.tv_sec);$/s/st_mtim/st_atim/
