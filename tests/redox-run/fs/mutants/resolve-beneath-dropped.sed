# file: tools/redox-run/fs.c
# why: the parent is resolved without RESOLVE_IN_ROOT, so .. and absolute links escape the root
/^		\.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,$/s/RESOLVE_IN_ROOT | //
