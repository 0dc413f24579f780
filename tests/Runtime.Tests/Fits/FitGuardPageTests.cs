using System;
using System.Numerics;
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
                    using var a = new GuardPage.PageEndSpan<T>(rows * cols, page);
                    using var b = new GuardPage.PageEndSpan<T>(rows, page);
                    using var w = new GuardPage.PageEndSpan<T>(rows, page);
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
}
