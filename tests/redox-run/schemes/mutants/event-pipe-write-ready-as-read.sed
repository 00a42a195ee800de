# file: tools/redox-run/event.c
# why: a pipe write end's fevent says EVENT_READ where it is writable (the wrong flag bit)
/^			\*ready |= EVENT_WRITE;$/s/EVENT_WRITE/EVENT_READ/
