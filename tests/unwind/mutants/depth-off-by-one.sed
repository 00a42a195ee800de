# file: unwind/walk.c
# why: one frame more than max_depth is walked
/depth >= lim->max_depth) {$/s/depth >= /depth > /
