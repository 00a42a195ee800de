# file: tools/redox-run/vm.c
# why: rr_vm_is_free treats a run that starts right at the end of the range as overlapping
/return i >= m->nrun || m->run\[i\]\.start >= start + len;/s/m->run\[i\]\.start >= start + len/m->run[i].start > start + len/
