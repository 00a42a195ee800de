# file: start/exit.c
# why: __cxa_finalize(dso) runs the other DSOs' handlers
s/(!dso || handlers\[i - 1\]\.dso == dso)/(!dso || handlers[i - 1].dso != dso)/
