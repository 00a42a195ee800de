# file: crt/aarch64/crti.S
# why: _init has no bti c landing pad
/^_init:$/{n;/^	bti	c$/d;}
