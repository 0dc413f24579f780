using System.IO;
using System.Runtime.CompilerServices;

namespace Specialized.Generator.Tests;

/// <summary>Snapshots stay small enough to read in a review: the large sizes are covered by assertions, not by whole files.</summary>
public class SnapshotSizeTests
{
    private const int MaxBytes = 30 * 1024;

    [Fact]
    public void No_snapshot_exceeds_30_KiB()
    {
        string folder = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Snapshots");
        string[] snapshots = Directory.GetFiles(folder, "*.verified.cs");

        Assert.NotEmpty(snapshots);
        Assert.All(snapshots, path => Assert.True(new FileInfo(path).Length <= MaxBytes, $"{Path.GetFileName(path)}: {new FileInfo(path).Length} bytes"));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
