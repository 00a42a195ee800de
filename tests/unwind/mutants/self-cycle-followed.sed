# file: unwind/walk.c
# why: a record pointing at itself is followed (next < fp instead of <=)
/(next <= fp || next - fp > lim->max_step)/s/next <= fp/next < fp/
