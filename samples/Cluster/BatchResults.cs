using System;
using System.Buffers.Binary;

namespace Cluster;

/// <summary>
/// A batch's results as bytes, the same in a worker's answer and in the file that records it.
/// Little-endian: a 40-byte header (tag, band, first and end system, count, systems not SPD,
/// worst residual ratio), then per system of the band in order of k: bᵀA⁻¹b, log det A and
/// ‖b − A·x‖₁/(‖A‖₁·‖x‖₁·ε), three doubles (NaN for a system that is not SPD).
/// </summary>
internal static class BatchResults
{
    public const int HeaderBytes = 40;

    public const int BytesPerSystem = 24;

    // "SPDB": tells a results file from anything else at a glance.
    private const int Tag = 0x42445053;

    public static byte[] Create(Batch batch, int count)
    {
        var bytes = new byte[HeaderBytes + count * BytesPerSystem];
        Span<byte> h = bytes;
        BinaryPrimitives.WriteInt32LittleEndian(h, Tag);
        BinaryPrimitives.WriteInt32LittleEndian(h[4..], batch.Band);
        BinaryPrimitives.WriteInt64LittleEndian(h[8..], batch.Start);
        BinaryPrimitives.WriteInt64LittleEndian(h[16..], batch.End);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], count);
        return bytes;
    }

    public static void WriteSystem(byte[] bytes, int i, double quadratic, double logDet, double ratio)
    {
        Span<byte> s = bytes.AsSpan(HeaderBytes + i * BytesPerSystem, BytesPerSystem);
        BinaryPrimitives.WriteDoubleLittleEndian(s, quadratic);
        BinaryPrimitives.WriteDoubleLittleEndian(s[8..], logDet);
        BinaryPrimitives.WriteDoubleLittleEndian(s[16..], ratio);
    }

    public static void WriteTotals(byte[] bytes, int notSpd, double worstRatio)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), notSpd);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(32), worstRatio);
    }

    /// <summary>What the header says, once it is known to describe <paramref name="batch"/>; null if it does not.</summary>
    public static BatchTotals? Read(ReadOnlySpan<byte> bytes, Batch batch)
    {
        if (bytes.Length < HeaderBytes
            || BinaryPrimitives.ReadInt32LittleEndian(bytes) != Tag
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) != batch.Band
            || BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]) != batch.Start
            || BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]) != batch.End)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        if (count < 0 || bytes.Length != HeaderBytes + (long)count * BytesPerSystem)
        {
            return null;
        }

        return new BatchTotals(count, BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]), BinaryPrimitives.ReadDoubleLittleEndian(bytes[32..]));
    }
}

/// <summary>A recorded batch in brief: systems solved, how many were not SPD, the worst residual ratio.</summary>
internal readonly record struct BatchTotals(int Systems, int NotSpd, double WorstRatio);
