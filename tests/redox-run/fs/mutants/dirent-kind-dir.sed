# file: tools/redox-run/fs.c
# why: a directory's DirentKind given as 8 (file) instead of 4
/^	case S_IFDIR: return 4;$/s/4/8/
