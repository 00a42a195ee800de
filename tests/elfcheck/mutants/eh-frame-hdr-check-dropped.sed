# file: tools/redox-elfcheck/check.c
# why: .eh_frame without .eh_frame_hdr never reported (tests .eh_frame twice)
/if (c->eh_frame\.present && c->eh_frame\.size && !c->eh_frame_hdr\.present)/s/!c->eh_frame_hdr\.present/!c->eh_frame.present/
