/* SPDX-License-Identifier: MIT */
/* A redox-crt ABI note (docs/abi-note.md) linked into copies of rrtest, so
   tests/redox-run/e2e.sh can check how redox-run picks the ABI from it.
   Variants (tests/redox-run/part.mk):
     NOTE_ABI="..."  a well-formed note naming that ABI
     NOTE_NONUL      its 8-byte description has no NUL (malformed)
     NOTE_HUGE       namesz 0x7fffffff, past the end of the segment
     NOTE_TYPE2      owner redox-crt but type 2 (not the ABI note): ignored
     NOTE_ALIGN8     a 2026-08 note in an 8-aligned section, so its PT_NOTE
                     pads entries to 8, after another owner's note whose
                     padding differs with 8 and with 4 (a 6-byte name: its
                     description at 24, not 20; a 4-byte one: next at 32,
                     not 28) */
#if defined(NOTE_ALIGN8)
	.pushsection .note.redox-crt.abi8, "a", %note
	.balign 8
	.long 6, 4, 7
	.asciz "Redox"
	.balign 8
	.long 0x11223344
	.balign 8
	.long 10, 8, 1
	.asciz "redox-crt"
	.balign 8
	.asciz "2026-08"
	.balign 8
	.popsection
#else
	.pushsection .note.redox-crt.abi, "a", %note
	.balign 4
#if defined(NOTE_HUGE)
	.long 0x7fffffff, 8, 1
	.asciz "redox-crt"
	.balign 4
	.asciz "2026-08"
#elif defined(NOTE_TYPE2)
	.long 10, 8, 2
	.asciz "redox-crt"
	.balign 4
	.asciz "2031-13"
#elif defined(NOTE_NONUL)
	.long 10, 8, 1
	.asciz "redox-crt"
	.balign 4
	.ascii "2026-081"
#else
	.long 10, 2f - 1f, 1
	.asciz "redox-crt"
	.balign 4
1:	.asciz NOTE_ABI
2:
#endif
	.balign 4
	.popsection
#endif
