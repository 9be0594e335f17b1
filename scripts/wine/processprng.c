/* A test-only stand-in for Windows' bcryptprimitives.dll, for Wine 8 (Debian 12), which lacks it.
 * Rust's standard library asks ProcessPrng for random bytes (HashMap seeds); real Windows 10 and
 * 11 have it. This forwards to advapi32's RtlGenRandom (SystemFunction036), which Wine has.
 * scripts/check_windows.sh builds it with mingw and puts it into its own Wine prefix; it is never
 * shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
