using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xunit;

namespace Specialized.Runtime.Tests;

/// <summary>The aligned start the batch kernels put their per-pass vectors at.</summary>
public class KernelHintsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(48)]
    [InlineData(56)]
    public unsafe void Cache_line_aligned_start_is_on_a_line_within_the_first_64_bytes(int shift)
    {
        // A buffer whose start sits at every offset from a line, as a stackalloc may.
        Span<byte> raw = stackalloc byte[256];
        ref byte origin = ref MemoryMarshal.GetReference(raw);
        int toLine = (int)(-(nint)Unsafe.AsPointer(ref origin) & 63);
        Span<Vector256<double>> buffer = MemoryMarshal.Cast<byte, Vector256<double>>(raw.Slice(toLine + shift, 128));

        ref Vector256<double> aligned = ref KernelHints.CacheLineAligned(buffer);

        Assert.Equal(0, (nint)Unsafe.AsPointer(ref aligned) & 63);
        long skipped = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(buffer), ref aligned);
        Assert.InRange(skipped, 0, 63);
        Assert.Equal(shift == 0 ? 0 : 64 - shift, skipped);
    }

    [Fact]
    public void Cache_line_aligned_refuses_a_buffer_it_could_leave()
    {
        Assert.Throws<ArgumentException>(() => KernelHints.CacheLineAligned(new byte[63].AsSpan()));
        Assert.Throws<ArgumentException>(() => KernelHints.CacheLineAligned(new Vector128<int>[3].AsSpan()));
        Assert.Throws<ArgumentException>(() => KernelHints.CacheLineAligned(new Twelve[8].AsSpan()));
    }

    /// <summary>12 bytes: a size that does not divide a cache line.</summary>
    private readonly record struct Twelve(int A, int B, int C);
}
