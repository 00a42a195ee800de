# file: tools/redox-run/shm.c
# why: mmap_prep's bound is the size itself, not the size rounded up to pages
/if (off + size < off || off + size > rr_page_up(s->len))/s/rr_page_up(s->len)/s->len/
