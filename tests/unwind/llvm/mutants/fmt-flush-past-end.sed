# file: unwind/llvm/fprintf.c
# why: the buffer is flushed one byte too late (writes buf[256])
/if (o->n == sizeof o->buf) {/s/o->n == sizeof o->buf/o->n > sizeof o->buf/
