# file: tools/redox-run/shm.c
# why: the last close frees an object that was never unlinked
/if (!--s->refs && s->unlinked)/s/ && s->unlinked//
