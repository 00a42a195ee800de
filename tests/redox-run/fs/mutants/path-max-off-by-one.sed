# file: tools/redox-run/fs.c
# why: a path of exactly 4096 bytes is refused (PATH_MAX is inclusive)
/^	if (n > FS_PATH_MAX)$/s/n > FS_PATH_MAX/n >= FS_PATH_MAX/
