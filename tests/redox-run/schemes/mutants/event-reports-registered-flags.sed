# file: tools/redox-run/event.c
# why: a trigger reports the registration's flags, not the ones it has in common with the trigger
/push(rr, r->queue, (struct rr_ev){ r->id, r->flags & flags, r->data });/s/r->flags & flags, r->data/r->flags, r->data/
