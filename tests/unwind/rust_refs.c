/* SPDX-License-Identifier: MIT */
/* References the 14 _Unwind_* symbols Rust's std, panic_unwind and alloc
   use on Redox (redox-abi.md §6), so a static link shows whether
   -lgcc_eh / -lunwind alone resolve them. The entry point is never run. */
extern char _Unwind_Backtrace[], _Unwind_GetIP[], _Unwind_GetCFA[],
	_Unwind_FindEnclosingFunction[], _Unwind_GetIPInfo[],
	_Unwind_GetLanguageSpecificData[], _Unwind_GetRegionStart[],
	_Unwind_GetTextRelBase[], _Unwind_GetDataRelBase[], _Unwind_SetGR[],
	_Unwind_SetIP[], _Unwind_Resume[], _Unwind_RaiseException[],
	_Unwind_DeleteException[];

const void *const rust_unwind_refs[] = {
	_Unwind_Backtrace, _Unwind_GetIP, _Unwind_GetCFA,
	_Unwind_FindEnclosingFunction, _Unwind_GetIPInfo,
	_Unwind_GetLanguageSpecificData, _Unwind_GetRegionStart,
	_Unwind_GetTextRelBase, _Unwind_GetDataRelBase, _Unwind_SetGR,
	_Unwind_SetIP, _Unwind_Resume, _Unwind_RaiseException,
	_Unwind_DeleteException,
};

void rust_refs_entry(void)
{
}
