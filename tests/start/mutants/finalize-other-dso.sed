# file: start/exit.c
# why: __cxa_finalize(dso) runs the other DSOs' handlers
s/(dso && h->dso != dso)/(dso \&\& h->dso == dso)/
