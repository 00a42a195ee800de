# file: tools/redox-run/thread.h
# why: the limit constant is one short (1023 threads, main included)
/^#define RR_MAX_THREADS 1024$/s/1024/1023/
