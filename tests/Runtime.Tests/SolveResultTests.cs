using System;

namespace Specialized.Runtime.Tests;

/// <summary>The SolveResult contract of docs/design.md ("Failure"): LAPACK's INFO as a value type.</summary>
public class SolveResultTests
{
    [Fact]
    public void Default_is_success()
    {
        SolveResult result = default;

        Assert.True(result.Success);
        Assert.True(result);
        Assert.Equal(-1, result.FailedPivot);
        Assert.Equal(SolveResult.Succeeded, result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(int.MaxValue - 1)]
    public void Failed_reports_its_pivot(int pivot)
    {
        SolveResult result = SolveResult.Failed(pivot);

        Assert.False(result.Success);
        Assert.False(result);
        Assert.Equal(pivot, result.FailedPivot);
        Assert.NotEqual(SolveResult.Succeeded, result);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Failed_rejects_what_is_not_a_pivot_index(int pivot)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SolveResult.Failed(pivot));
        Assert.Equal("pivot", e.ParamName);
    }

    [Fact]
    public void Equality_is_by_outcome_and_pivot()
    {
        SolveResult[] distinct = [SolveResult.Succeeded, SolveResult.Failed(0), SolveResult.Failed(1), SolveResult.Failed(2)];
        for (int i = 0; i < distinct.Length; i++)
        {
            for (int j = 0; j < distinct.Length; j++)
            {
                // Each result is rebuilt, so equality cannot come from sharing an instance.
                SolveResult left = i == 0 ? default : SolveResult.Failed(i - 1);
                SolveResult right = distinct[j];
                Assert.Equal(i == j, left == right);
                Assert.Equal(i != j, left != right);
                Assert.Equal(i == j, left.Equals(right));
                Assert.Equal(i == j, left.Equals((object)right));
                if (i == j)
                {
                    Assert.Equal(left.GetHashCode(), right.GetHashCode());
                }
            }
        }

        Assert.False(SolveResult.Succeeded.Equals(null));
        Assert.False(SolveResult.Failed(0).Equals((object)0));
    }

    [Fact]
    public void ToString_names_the_outcome_and_pivot()
    {
        Assert.Equal("Success", SolveResult.Succeeded.ToString());
        string failed = SolveResult.Failed(12345).ToString();
        Assert.Contains("12345", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("Success", failed, StringComparison.Ordinal);
        Assert.NotEqual(failed, SolveResult.Failed(1234).ToString());
    }
}
