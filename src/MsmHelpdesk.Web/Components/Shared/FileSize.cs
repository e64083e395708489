using System.Globalization;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>A file's size as people read it: whole bytes under 1 KB ("32 B"), else KB or MB with one decimal in the culture ("1,5 KB").</summary>
public static class FileSize
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * Kilobyte;

    public static string Format(long bytes, CultureInfo culture) => bytes switch
    {
        < Kilobyte => bytes.ToString("N0", culture) + " B",
        < Megabyte => (bytes / (double)Kilobyte).ToString("N1", culture) + " KB",
        _ => (bytes / (double)Megabyte).ToString("N1", culture) + " MB",
    };
}
