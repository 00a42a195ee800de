# file: start/exit.c
# why: the handler table refuses its last slot
/n_handlers == REDOX_ATEXIT_MAX)$/s/REDOX_ATEXIT_MAX/REDOX_ATEXIT_MAX - 1/
