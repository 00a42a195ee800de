# file: tools/redox-run/thread.c
# why: thread ids start at 0 (post-increment), so messages name the wrong thread
/^	t->id = ++rr->thr_created;$/s/++rr->thr_created/rr->thr_created++/
