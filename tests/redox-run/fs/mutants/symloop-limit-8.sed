# file: tools/redox-run/fs.c
# why: symlinks are followed 8 times instead of redoxfs's 64
/^#define FS_SYMLOOP  64 /s/64/8/
