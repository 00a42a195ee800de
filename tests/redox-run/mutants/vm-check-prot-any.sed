# file: tools/redox-run/vm.c
# why: a permission check passes when any one of the needed bits is there
/(rr->vm\[i\]\.prot & need) != need)$/s/(rr->vm\[i\]\.prot & need) != need/(need \&\& !(rr->vm[i].prot \& need))/
