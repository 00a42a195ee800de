# file: crt/x86_64/crti.S
# why: _fini has no endbr64 landing pad (IBT)
/^_fini:$/{n;/^	endbr64$/d;}
