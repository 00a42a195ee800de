# file: tools/redox-run/event.c
# why: an empty non-blocking read of exactly one Event's 24 bytes is EINVAL, not EAGAIN (<= for <)
/^		if (len < EVENT_SIZE)$/s/len < EVENT_SIZE/len <= EVENT_SIZE/
