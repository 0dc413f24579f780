using System.Linq;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The declarations cover what the other tests assume: the whole MaxN = 8 combination matrix with
/// both return types for every form and precision, three MaxN = 32 methods, one MaxN = 16 method per form.
/// </summary>
public class SolverRegistryTests
{
    [Fact]
    public void MaxN_8_covers_every_combination_once()
    {
        var small = SolverRegistry.All.Where(s => s.MaxN == 8).ToList();
        Assert.Equal(32, small.Count);
        foreach (GeneratedForm form in new[] { GeneratedForm.InPlace, GeneratedForm.KeepInputs })
        {
            foreach (bool hasNrhs in new[] { false, true })
            {
                foreach (Precision precision in TestData.Precisions)
                {
                    var group = small.Where(s => s.Form == form && s.HasNrhs == hasNrhs && s.Precision == precision).ToList();
                    string where = $"{form}, nrhs={hasNrhs}, {precision}";
                    Assert.True(
                        TestData.Storages.All(st => group.Count(s => s.Triangle == st.Triangle && s.Layout == st.Layout) == 1),
                        where + ": not every (triangle, layout) exactly once");
                    Assert.True(group.Any(s => s.ReturnsSolveResult) && group.Any(s => !s.ReturnsSolveResult), where + ": needs both return types");
                }
            }
        }
    }

    [Fact]
    public void Larger_MaxN_methods_are_the_planned_ones()
    {
        Assert.Equal(
            ["InPlace32_F_UC (Single, Upper, ColumnMajor, InPlace, nrhs=False)", "Keep32_D_LC (Double, Lower, ColumnMajor, KeepInputs, nrhs=False)", "KeepNrhs32_D_LR (Double, Lower, RowMajor, KeepInputs, nrhs=True)"],
            SolverRegistry.All.Where(s => s.MaxN == 32).Select(Summary).OrderBy(t => t, System.StringComparer.Ordinal));

        var sixteen = SolverRegistry.All.Where(s => s.MaxN == 16).ToList();
        Assert.Equal(4, sixteen.Count);
        Assert.All(sixteen, s => Assert.True(s is { Precision: Precision.Double, Triangle: Triangle.Lower, Layout: MatrixLayout.ColumnMajor }, Summary(s)));
        Assert.Equal(4, sixteen.Select(s => (s.Form, s.HasNrhs)).Distinct().Count());
        Assert.Equal(39, SolverRegistry.All.Count);
    }

    [Fact]
    public void Size_plans_cover_the_unrolled_range_and_the_fallback()
    {
        foreach (GeneratedSolver solver in SolverRegistry.All)
        {
            Assert.True(Enumerable.Range(0, solver.MaxN + 2).All(solver.Sizes.Contains), solver.Name + ": 0..MaxN+1 not all covered");
        }

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 33, 64, 65], SolverRegistry.Get("Keep_F_UC").Sizes);
        Assert.Equal([.. Enumerable.Range(0, 34), 50, 100], SolverRegistry.Get("InPlace32_F_UC").Sizes);
        Assert.Equal([.. Enumerable.Range(0, 18)], SolverRegistry.Get("KeepNrhs16_D_LC").Sizes);
    }

    private static string Summary(GeneratedSolver s) => $"{s.Name} ({s.Precision}, {s.Triangle}, {s.Layout}, {s.Form}, nrhs={s.HasNrhs})";
}
