using System.Runtime.InteropServices;

namespace FakeHttpFixture;

/// <summary>
/// Tells a regular file from a named pipe, a device or a socket, which .NET's FileInfo reports alike (attributes Normal, length 0).
/// Opening a named pipe blocks until a writer comes, so serving one would hang the request. On Linux the file type comes from
/// statx(2), whose structure is the same on every architecture; elsewhere every non-directory counts as a file.
/// Only files of length 0 are asked, since a pipe, device or socket always reports 0: a served file of any size costs no extra call.
/// </summary>
internal static partial class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const ushort TypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    /// <summary>Returns false only when the path is known not to be a regular file; <paramref name="length"/> is what a stat said.</summary>
    public static bool IsRegular(string path, long length)
    {
        if (length != 0 || !OperatingSystem.IsLinux())
        {
            return true;
        }

        Span<byte> buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                // Gone since, or not ours to see: opening it reports that the way it always did.
                return true;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): keep serving as before.
            return true;
        }

        var mode = BitConverter.ToUInt16(buffer.Slice(ModeOffset, 2));
        return (mode & TypeMask) == RegularFile;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
