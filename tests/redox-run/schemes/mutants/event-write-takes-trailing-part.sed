# file: tools/redox-run/event.c
# why: a write's trailing part shorter than an Event is read as one (> 0 for >= EVENT_SIZE)
/for (; len - n \* EVENT_SIZE >= EVENT_SIZE; n++) {/s/>= EVENT_SIZE/> 0/
