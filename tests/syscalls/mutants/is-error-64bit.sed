# file: include/redox/errno.h
# why: Error::demux compared on 64 bits instead of the low 32
/^	unsigned int lo = (unsigned int)v;$/s/.*/	unsigned long lo = v;/
