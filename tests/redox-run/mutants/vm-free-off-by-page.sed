# file: tools/redox-run/vm.c
# why: rr_vm_is_free treats touching regions as overlapping
/if (rr->vm\[i\]\.start < start + len && start < rr->vm\[i\]\.end)$/s/start < rr->vm\[i\]\.end/start <= rr->vm[i].end/
