# file: tools/redox-run/event.c
# why: a read that copies part of an event takes it off the queue (rounds up, not down)
/size_t whole = (size_t)(n \/ EVENT_SIZE);/s/(n \/ EVENT_SIZE)/((n + EVENT_SIZE - 1) \/ EVENT_SIZE)/
