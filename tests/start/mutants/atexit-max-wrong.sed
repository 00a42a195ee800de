# file: include/redox/start.h
# why: 32 atexit slots (relibc) shrunk to 31
/^#define REDOX_ATEXIT_MAX 32$/s/32/31/
