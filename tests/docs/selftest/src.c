/* Good: the entry state (guide.md §2). Both parts (guide.md §1, §2). */
/* Bad: a section that was renumbered away (guide.md §1, §7). */
int planted;
