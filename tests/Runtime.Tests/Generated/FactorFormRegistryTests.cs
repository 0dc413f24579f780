using System.Linq;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>
/// The factor-form declarations cover what the other tests assume: at MaxN = 8 every form and
/// nrhs variant x precision x (triangle, layout) exactly once, both return types wherever there is
/// a result; one MaxN = 16 method per form and MaxN = 32 for the factor and the factored solve.
/// </summary>
public class FactorFormRegistryTests
{
    [Fact]
    public void MaxN_8_covers_every_combination_once()
    {
        var small = FactorFormRegistry.All.Where(s => s.MaxN == 8).ToList();
        Assert.Equal(32, small.Count);
        foreach ((FactorForm form, bool hasNrhs) in new[] { (FactorForm.Factor, false), (FactorForm.Factored, false), (FactorForm.Factored, true), (FactorForm.Inverse, false) })
        {
            foreach (Precision precision in TestData.Precisions)
            {
                var group = small.Where(s => s.Form == form && s.HasNrhs == hasNrhs && s.Precision == precision).ToList();
                string where = $"{form}, nrhs={hasNrhs}, {precision}";
                Assert.True(
                    TestData.Storages.All(st => group.Count(s => s.Triangle == st.Triangle && s.Layout == st.Layout) == 1),
                    where + ": not every (triangle, layout) exactly once");
                if (form == FactorForm.Factored)
                {
                    Assert.True(group.All(s => s.ReturnsVoid), where + ": the factored solve returns void");
                }
                else
                {
                    Assert.True(group.Any(s => s.ReturnsSolveResult) && group.Any(s => !s.ReturnsSolveResult && !s.ReturnsVoid), where + ": needs both return types");
                }
            }
        }
    }

    [Fact]
    public void Larger_MaxN_methods_are_the_planned_ones()
    {
        Assert.Equal(
            ["Factor16_D_LC (16, Double, Lower, ColumnMajor, Factor, nrhs=False)",
             "Factor32_F_UR (32, Single, Upper, RowMajor, Factor, nrhs=False)",
             "FactoredNrhs16_D_LC (16, Double, Lower, ColumnMajor, Factored, nrhs=True)",
             "FactoredNrhs32_F_UR (32, Single, Upper, RowMajor, Factored, nrhs=True)",
             "Inverse16_D_LC (16, Double, Lower, ColumnMajor, Inverse, nrhs=False)"],
            FactorFormRegistry.All.Where(s => s.MaxN > 8).Select(Summary).OrderBy(t => t, System.StringComparer.Ordinal));
        Assert.Equal(37, FactorFormRegistry.All.Count);
    }

    [Fact]
    public void Size_plans_cover_the_unrolled_range_and_the_fallback()
    {
        foreach (FactorFormMethod method in FactorFormRegistry.All)
        {
            Assert.True(Enumerable.Range(0, method.MaxN + 2).All(method.Sizes.Contains), method.Name + ": 0..MaxN+1 not all covered");
        }

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 33, 64, 65], FactorFormRegistry.Get("Inverse_F_UC").Sizes);
        Assert.Equal([.. Enumerable.Range(0, 34), 50, 100], FactorFormRegistry.Get("Factor32_F_UR").Sizes);
    }

    private static string Summary(FactorFormMethod s) => $"{s.Name} ({s.MaxN}, {s.Precision}, {s.Triangle}, {s.Layout}, {s.Form}, nrhs={s.HasNrhs})";
}
