namespace FakeHttpFixture;

/// <summary>Recognises the I/O error of a full disk, which the server reports as such rather than as a generic failure.</summary>
internal static class DiskFull
{
    private const int NoSpaceOnDevice = 28;                          // ENOSPC on Linux and macOS
    private const int DiskFullWindows = unchecked((int)0x80070070);  // ERROR_DISK_FULL
    private const int HandleDiskFullWindows = unchecked((int)0x80070027); // ERROR_HANDLE_DISK_FULL

    public static bool Is(IOException exception) =>
        exception.HResult is NoSpaceOnDevice or DiskFullWindows or HandleDiskFullWindows
        || exception.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}
