using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Chooses the solver strategy for each n (measured; see docs/performance.md): scalar
/// straight-line code below one vector's worth of rows, straight-line SIMD code up to
/// <see cref="StraightLineLimit"/>, one looped SIMD kernel above it. Also holds the offset
/// arithmetic the strategies share.
/// </summary>
internal static class KernelEmitter
{
    public static string MethodName(int n) => "Solve" + SourceWriter.Int(n);

    /// <summary>The largest n that gets straight-line code; larger sizes share one looped kernel (measured: docs/performance.md).</summary>
    public const int StraightLineLimit = 16;

    /// <summary>The kernel's parameter list: a reference per span, and nrhs; the dispatch has checked every length.</summary>
    public static string Parameters(SolverSpec spec)
    {
        string t = ScalarSyntax.For(spec.Signature.Element).Keyword;
        return string.Join(", ", ParameterRoles.Of(spec.Signature)
            .Where(role => role != ParameterRoles.Order)
            .Select(role => ParameterRoles.IsSpan(role) ? $"ref {t} {role}" : $"int {role}"));
    }

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        if (VectorShape.For(spec.Signature.Element, n) is { } vector)
        {
            if (n <= StraightLineLimit)
            {
                VectorKernelEmitter.Emit(w, spec, n, vector);
                return;
            }

            string args = string.Join(", ", ParameterRoles.Of(spec.Signature)
                .Where(role => role != ParameterRoles.Order)
                .Select(role => ParameterRoles.IsSpan(role) ? "ref " + role : role));
            w.Line($"/// <summary>n = {SourceWriter.Int(n)}: past the straight-line limit, the looped SIMD kernel with n fixed.</summary>");
            w.Line($"public static SolveResult {MethodName(n)}({Parameters(spec)}) => {LoopKernelEmitter.MethodName}({args}, {SourceWriter.Int(n)});");
            if (n == spec.MaxN)
            {
                w.Line();
                LoopKernelEmitter.Emit(w, spec, vector, spec.MaxN);
            }

            return;
        }

        ScalarKernelEmitter.Emit(w, spec, n);
    }

    /// <summary>Where A(i, j) of the stored triangle sits: lower/row-major and upper/column-major share offsets.</summary>
    internal static int Offset(SolverSpec spec, int n, int i, int j) => spec.RowWise ? i * n + j : j * n + i;

    internal static string RowOffset(int i, string? stride) => stride is null
        ? SourceWriter.Int(i)
        : i switch { 0 => "0", 1 => stride, _ => SourceWriter.Int(i) + " * " + stride };

    internal static string Element(string reference, int offset) => Element(reference, SourceWriter.Int(offset));

    internal static string Element(string reference, string offset) =>
        offset == "0" ? reference : $"Unsafe.Add(ref {reference}, {offset})";
}
