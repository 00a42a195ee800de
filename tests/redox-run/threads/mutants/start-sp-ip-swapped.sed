# file: tools/redox-run/thread.c
# why: current-addrspace's [fd, sp, ip]: sp and ip swapped when the handle closes
/^		t->start_sp = f->as_sel\[0\];$/s/as_sel\[0\]/as_sel[1]/
/^		t->start_ip = f->as_sel\[1\];$/s/as_sel\[1\]/as_sel[0]/
