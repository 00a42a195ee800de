# file: tools/redox-run/event.c
# why: a timeout Event with flags 0 sets the timeout instead of clearing it
/f->eq->has_timeout = e.flags != 0;/s/e.flags != 0/1/
