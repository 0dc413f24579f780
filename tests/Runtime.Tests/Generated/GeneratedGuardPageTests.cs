using System;
using System.Collections.Generic;
using System.Numerics;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// Every generated method at every size it covers, with a, b and x each ending exactly where an
/// inaccessible page begins: the unrolled kernels' vector loads of overlapping blocks and the looped
/// kernel's block transposes must all stay inside the spans (a load one element too far kills the
/// test process). The answers are checked too, so a kernel cannot pass by not running.
/// </summary>
public class GeneratedGuardPageTests
{
    public static IEnumerable<object[]> Cases => SolverRegistry.Methods();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernels_never_touch_memory_past_their_spans(string method) =>
        GeneratedTestData.Run(method, Check, Check);

    private static void Check<T>(GeneratedSolver<T> solver)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int page = Environment.SystemPageSize;
        foreach (int n in solver.Sizes)
        {
            if (n == 0 || n > solver.MaxN + 1)
            {
                continue;
            }

            foreach (int nrhs in solver.RightHandSideCounts)
            {
                using var a = new GuardPage.PageEndSpan<T>(n * n, page);
                using var b = new GuardPage.PageEndSpan<T>(n * nrhs, page);
                using var x = new GuardPage.PageEndSpan<T>(n * nrhs, page);

                // A = n·I + 1·1ᵀ, both triangles stored, so every storage sees the same SPD matrix;
                // with b = A·1 the solution is all ones.
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        a.Span[i * n + j] = T.CreateChecked(i == j ? n + 1 : 1);
                    }
                }

                b.Span.Fill(T.CreateChecked(2 * n));
                x.Span.Clear();
                Outcome outcome = solver.Invoke(a.Span, b.Span, x.Span, n, nrhs);
                string context = solver.Describe(n, $"nrhs={nrhs}");
                Assert.True(outcome.Success, $"{context}: {outcome}");
                // dget04's ratio ‖x − x*‖∞ / (‖x*‖∞·κ·ε), κ∞(A) < 3 here, against LAPACK's threshold 30.
                Span<T> solution = solver.Form == GeneratedForm.InPlace ? b.Span : x.Span;
                double error = 0;
                foreach (T value in solution)
                {
                    error = Math.Max(error, Math.Abs(double.CreateChecked(value) - 1));
                }

                double ratio = error / (3 * Lapack.Epsilon(solver.Precision));
                Assert.True(ratio < 30, $"{context}: forward-error ratio {ratio}");
            }
        }
    }
}
