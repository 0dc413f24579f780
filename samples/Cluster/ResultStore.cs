using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace Cluster;

/// <summary>
/// A results directory: a manifest naming the run (N, seed, plan) and one file per recorded batch,
/// batches/&lt;index / 1000&gt;/&lt;index&gt;.bin. A batch is written to tmp/ and then moved into
/// place without overwriting, so a file is whole or absent and the first answer recorded wins,
/// even across processes or a crash between the two steps. One run writes a directory at a time.
/// </summary>
internal sealed class ResultStore
{
    private const string ManifestName = "manifest.txt";
    private readonly string _batches;
    private readonly string _tmp;
    private readonly bool[] _recorded;

    private ResultStore(string directory, BatchPlan plan)
    {
        Directory = directory;
        Plan = plan;
        _batches = Path.Combine(directory, "batches");
        _tmp = Path.Combine(directory, "tmp");
        _recorded = new bool[plan.Count];
    }

    public string Directory { get; }

    public BatchPlan Plan { get; }

    /// <summary>
    /// Opens <paramref name="directory"/> for run (plan, seed): creates it and its manifest if new,
    /// reads what an earlier run of the same arguments recorded, refuses anything else.
    /// </summary>
    /// <param name="recorded">Totals of the batches already recorded.</param>
    /// <exception cref="ForeignDirectoryException">The directory holds another run's files, or files this program did not write.</exception>
    public static ResultStore Open(string directory, BatchPlan plan, int seed, Tally recorded)
    {
        string manifest = Manifest(plan, seed);
        string manifestPath = Path.Combine(directory, ManifestName);
        if (File.Exists(manifestPath))
        {
            string found = File.ReadAllText(manifestPath);
            if (found != manifest)
            {
                throw new ForeignDirectoryException(
                    $"{directory} holds results of another run ({Describe(found)}), not of {Describe(manifest)}; " +
                    "give another --out directory or remove this one");
            }
        }
        else if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new ForeignDirectoryException($"{directory} is not empty and has no {ManifestName}: it was not written by this program");
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory);
            WriteAtomically(directory, manifestPath, System.Text.Encoding.UTF8.GetBytes(manifest), overwrite: true);
        }

        var store = new ResultStore(directory, plan);
        store.Load(recorded);
        return store;
    }

    public bool IsRecorded(int index) => Volatile.Read(ref _recorded[index]);

    /// <summary>Records a batch's answer unless it is recorded already (then returns false: a duplicate).</summary>
    public bool TryRecord(Batch batch, byte[] answer)
    {
        if (IsRecorded(batch.Index))
        {
            return false;
        }

        string path = PathOf(batch.Index);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        bool won = WriteAtomically(_tmp, path, answer, overwrite: false);
        Volatile.Write(ref _recorded[batch.Index], true);
        return won;
    }

    private string PathOf(int index) =>
        Path.Combine(_batches, (index / 1000).ToString("D5", CultureInfo.InvariantCulture), index.ToString("D8", CultureInfo.InvariantCulture) + ".bin");

    private void Load(Tally tally)
    {
        // A run stopped between writing and moving leaves a temporary file behind; it recorded nothing.
        if (System.IO.Directory.Exists(_tmp))
        {
            foreach (string stale in System.IO.Directory.EnumerateFiles(_tmp))
            {
                File.Delete(stale);
            }
        }

        if (!System.IO.Directory.Exists(_batches))
        {
            return;
        }

        foreach (string file in System.IO.Directory.EnumerateFiles(_batches, "*.bin", SearchOption.AllDirectories))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || index >= Plan.Count
                || file != PathOf(index)
                || BatchResults.Read(File.ReadAllBytes(file), Plan.Batches[index]) is not BatchTotals totals)
            {
                throw new ForeignDirectoryException($"{file} is not a batch of this run");
            }

            _recorded[index] = true;
            tally.AddRecorded(totals, previously: true);
        }
    }

    /// <summary>Writes through a temporary file in <paramref name="tmpDirectory"/>; false if the target existed and was kept.</summary>
    private static bool WriteAtomically(string tmpDirectory, string path, byte[] bytes, bool overwrite)
    {
        System.IO.Directory.CreateDirectory(tmpDirectory);
        string tmp = Path.Combine(tmpDirectory, $"{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(tmp, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(tmp);
            return false;
        }
    }

    private static string Manifest(BatchPlan plan, int seed) => string.Create(
        CultureInfo.InvariantCulture,
        $"Specialized cluster sample results\nformat=1\nsystems={plan.Systems}\nseed={seed}\nbatch_seconds={plan.TargetSeconds:R}\nbatches={plan.Count}\n");

    private static string Describe(string manifest) =>
        string.Join(' ', manifest.Split('\n').Where(l => l.StartsWith("systems=", StringComparison.Ordinal) || l.StartsWith("seed=", StringComparison.Ordinal)));
}

/// <summary>A results directory that belongs to another run.</summary>
internal sealed class ForeignDirectoryException(string message) : Exception(message);
