using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Xunit;

namespace Specialized.Runtime.Tests.Fits;

/// <summary>
/// The generated row-major kernels load whole vectors that run past a row shorter than a vector into
/// the next rows, and stop early enough that no load passes the end of A. Here A, b and w each end
/// exactly where an inaccessible page begins (Linux mmap + mprotect), so a load one element too far
/// kills the test process instead of reading a neighbour's memory unnoticed.
/// </summary>
public unsafe class FitGuardPageTests
{
    private const int ProtRead = 1, ProtWrite = 2, ProtNone = 0, MapPrivate = 0x02, MapAnonymous = 0x20;

    [Fact]
    public void Double_kernels_never_read_past_their_spans() => Run(FitEntryPoints.Double);

    [Fact]
    public void Float_kernels_never_read_past_their_spans() => Run(FitEntryPoints.Single);

    private static void Run<T>(System.Collections.Generic.IReadOnlyList<FitEntryPoint<T>> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int page = Environment.SystemPageSize;
        int runs = 0;
        foreach (FitEntryPoint<T> target in targets)
        {
            for (int cols = 1; cols <= Math.Max(target.MaxCols, 8); cols++)
            {
                for (int rows = cols; rows <= cols + 12; rows++)
                {
                    using var a = new PageEndSpan<T>(rows * cols, page);
                    using var b = new PageEndSpan<T>(rows, page);
                    using var w = new PageEndSpan<T>(rows, page);
                    for (int i = 0; i < rows * cols; i++)
                    {
                        a.Span[i] = T.CreateTruncating(((i * 7919) % 101) / 50.0 - 1 + (i % (cols + 1) == 0 ? 3 : 0));
                    }

                    b.Span.Fill(T.One);
                    w.Span.Fill(T.One);
                    var x = new T[cols];
                    target.Call(a.Span, b.Span, w.Span, x, rows, cols, T.Zero);
                    runs++;
                }
            }
        }

        Assert.True(runs > 100);
    }

    /// <summary>length elements that end where a PROT_NONE page starts.</summary>
    private sealed class PageEndSpan<T> : IDisposable
        where T : unmanaged
    {
        private readonly nint _base;
        private readonly nuint _size;
        private readonly int _length;
        private readonly T* _start;

        public PageEndSpan(int length, int page)
        {
            int bytes = length * sizeof(T);
            int dataPages = (bytes + page - 1) / page;
            _size = (nuint)((dataPages + 1) * page);
            _base = Mmap(0, _size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            Assert.NotEqual(-1, (long)_base);
            nint guard = _base + dataPages * page;
            Assert.Equal(0, Mprotect(guard, (nuint)page, ProtNone));
            _start = (T*)(guard - bytes);
            _length = length;
        }

        public Span<T> Span => new(_start, _length);

        public void Dispose() => Munmap(_base, _size);
    }

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static extern int Mprotect(nint address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(nint address, nuint length);
}
