using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>The two generated forms: in place (a becomes the factor, b becomes x) or keeping the inputs.</summary>
public enum GeneratedForm
{
    InPlace,
    KeepInputs,
}

/// <summary>
/// What a generated method returned: a <see cref="SolveResult"/> carries the failed pivot, a
/// <see cref="bool"/> does not (<see cref="FailedPivot"/> is then null).
/// </summary>
internal readonly record struct Outcome(bool Success, int? FailedPivot)
{
    public static Outcome From(SolveResult result) => new(result.Success, result.FailedPivot);

    public static Outcome From(bool success) => new(success, null);

    public override string ToString() =>
        Success ? "Success" : FailedPivot is { } pivot ? $"Failed at {pivot}" : "Failed (bool)";
}

/// <summary>
/// One generated method, described by its declaration (read back by reflection, so the tests
/// cannot disagree with the attribute) and callable through one uniform signature.
/// </summary>
internal abstract class GeneratedSolver
{
    protected GeneratedSolver(MethodInfo method, SpdSolveAttribute attribute, Precision precision, GeneratedForm form, bool hasNrhs)
    {
        Name = method.Name;
        MaxN = attribute.MaxN;
        Triangle = attribute.Triangle;
        Layout = attribute.Layout;
        Precision = precision;
        Form = form;
        HasNrhs = hasNrhs;
        ReturnsSolveResult = method.ReturnType == typeof(SolveResult);
        ParameterInfo[] parameters = method.GetParameters();
        AName = parameters[0].Name!;
        BName = parameters[1].Name!;
        XName = form == GeneratedForm.KeepInputs ? parameters[2].Name! : null;
        int nIndex = form == GeneratedForm.KeepInputs ? 3 : 2;
        NName = parameters[nIndex].Name!;
        NrhsName = hasNrhs ? parameters[nIndex + 1].Name! : null;
        Sizes = SizesFor(MaxN);
    }

    public string Name { get; }

    public int MaxN { get; }

    public Triangle Triangle { get; }

    public MatrixLayout Layout { get; }

    public Precision Precision { get; }

    public GeneratedForm Form { get; }

    public bool HasNrhs { get; }

    public bool ReturnsSolveResult { get; }

    /// <summary>The user's parameter names, as ParamName must report them.</summary>
    public string AName { get; }

    public string BName { get; }

    public string? XName { get; }

    public string NName { get; }

    public string? NrhsName { get; }

    /// <summary>Every n this method is tested at: the unrolled range, the first fallback size and a few beyond.</summary>
    public int[] Sizes { get; }

    /// <summary>
    /// The right-hand-side counts worth testing: 1 and, for the nrhs forms, dchkpo's 2 and 15 and 3 (less
    /// than a vector of them), 9 (whole vectors of 4 doubles or 8 floats, then a remainder).
    /// </summary>
    public int[] RightHandSideCounts => HasNrhs ? [1, 2, 3, 9, 15] : [1];

    public string Describe(int n, string? detail = null) =>
        $"{Name} (MaxN={MaxN}, {Precision}, {Triangle}, {Layout}, {Form}{(HasNrhs ? ", nrhs" : "")}, returns {(ReturnsSolveResult ? "SolveResult" : "bool")}), n={n}"
        + (detail is null ? string.Empty : ", " + detail);

    public override string ToString() => Name;

    internal static int[] SizesFor(int maxN) => maxN switch
    {
        8 => [.. Enumerable.Range(0, 10), 10, 17, 33, 64, 65],
        16 => [.. Enumerable.Range(0, 18)],
        32 => [.. Enumerable.Range(0, 34), 50, 100],
        _ => throw new NotSupportedException($"No size plan for MaxN = {maxN}; add one to SolverRegistry."),
    };
}

/// <summary>
/// Calls a generated method with T = double or float. b and x are n x nrhs; the forms without
/// nrhs accept only nrhs = 1, and the in-place forms ignore x.
/// </summary>
internal sealed class GeneratedSolver<T> : GeneratedSolver
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Invoker _invoke;

    public GeneratedSolver(MethodInfo method, SpdSolveAttribute attribute, GeneratedForm form, bool hasNrhs, Invoker invoke)
        : base(method, attribute, Lapack.PrecisionOf<T>(), form, hasNrhs) => _invoke = invoke;

    public delegate Outcome Invoker(Span<T> a, Span<T> b, Span<T> x, int n, int nrhs);

    public Outcome Invoke(Span<T> a, Span<T> b, Span<T> x, int n, int nrhs)
    {
        if (!HasNrhs && nrhs != 1)
        {
            throw new InvalidOperationException($"{Name} has no nrhs parameter; the test asked for nrhs = {nrhs}.");
        }

        return _invoke(a, b, x, n, nrhs);
    }

    /// <summary>The runtime fallback on the same problem, in this method's triangle and layout.</summary>
    public SolveResult InvokeRuntime(Span<T> a, Span<T> b, Span<T> x, int n, int nrhs) =>
        Form == GeneratedForm.InPlace
            ? CholeskyApi<T>.Instance.Solve(a, b, n, nrhs, Triangle, Layout)
            : CholeskyApi<T>.Instance.Solve(a, b, x, n, nrhs, Triangle, Layout);
}

/// <summary>
/// Every <c>[SpdSolve]</c> method declared in <see cref="GeneratedSolvers"/> (nested types
/// included), found by reflection so a new declaration is tested without further edits.
/// </summary>
internal static class SolverRegistry
{
    private delegate SolveResult InPlaceResult<T>(Span<T> a, Span<T> b, int n);

    private delegate bool InPlaceBool<T>(Span<T> a, Span<T> b, int n);

    private delegate SolveResult InPlaceNrhsResult<T>(Span<T> a, Span<T> b, int n, int nrhs);

    private delegate bool InPlaceNrhsBool<T>(Span<T> a, Span<T> b, int n, int nrhs);

    private delegate SolveResult KeepResult<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n);

    private delegate bool KeepBool<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n);

    private delegate SolveResult KeepNrhsResult<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs);

    private delegate bool KeepNrhsBool<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n, int nrhs);

    public static readonly IReadOnlyList<GeneratedSolver> All = Discover();

    private static readonly Dictionary<string, GeneratedSolver> s_byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static GeneratedSolver Get(string name) => s_byName[name];

    /// <summary>(method name) for every method.</summary>
    public static IEnumerable<object[]> Methods() => All.Select(s => new object[] { s.Name });

    /// <summary>(method name, n) for every method and every n in its size plan that <paramref name="include"/> accepts.</summary>
    public static IEnumerable<object[]> MethodsAndSizes(Func<GeneratedSolver, int, bool>? include = null) =>
        from s in All
        from n in s.Sizes
        where include is null || include(s, n)
        select new object[] { s.Name, n };

    private static List<GeneratedSolver> Discover()
    {
        var solvers = new List<GeneratedSolver>();
        foreach (Type type in new[] { typeof(GeneratedSolvers) }.Concat(typeof(GeneratedSolvers).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)))
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<SpdSolveAttribute>() is { } attribute)
                {
                    Type element = method.GetParameters()[0].ParameterType.GetGenericArguments()[0];
                    solvers.Add(element == typeof(double) ? Create<double>(method, attribute) : Create<float>(method, attribute));
                }
            }
        }

        solvers.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return solvers;
    }

    private static GeneratedSolver<T> Create<T>(MethodInfo method, SpdSolveAttribute attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ParameterInfo[] p = method.GetParameters();
        bool keep = p.Length >= 3 && p[2].ParameterType == typeof(Span<T>);
        bool hasNrhs = p.Length == (keep ? 5 : 4);
        bool result = method.ReturnType == typeof(SolveResult);
        GeneratedSolver<T>.Invoker invoke = (keep, hasNrhs, result) switch
        {
            (false, false, true) => Wrap(method.CreateDelegate<InPlaceResult<T>>()),
            (false, false, false) => Wrap(method.CreateDelegate<InPlaceBool<T>>()),
            (false, true, true) => Wrap(method.CreateDelegate<InPlaceNrhsResult<T>>()),
            (false, true, false) => Wrap(method.CreateDelegate<InPlaceNrhsBool<T>>()),
            (true, false, true) => Wrap(method.CreateDelegate<KeepResult<T>>()),
            (true, false, false) => Wrap(method.CreateDelegate<KeepBool<T>>()),
            (true, true, true) => Wrap(method.CreateDelegate<KeepNrhsResult<T>>()),
            (true, true, false) => Wrap(method.CreateDelegate<KeepNrhsBool<T>>()),
        };
        return new GeneratedSolver<T>(method, attribute, keep ? GeneratedForm.KeepInputs : GeneratedForm.InPlace, hasNrhs, invoke);
    }

    private static GeneratedSolver<T>.Invoker Wrap<T>(InPlaceResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, _, n, _) => Outcome.From(f(a, b, n));

    private static GeneratedSolver<T>.Invoker Wrap<T>(InPlaceBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, _, n, _) => Outcome.From(f(a, b, n));

    private static GeneratedSolver<T>.Invoker Wrap<T>(InPlaceNrhsResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, _, n, nrhs) => Outcome.From(f(a, b, n, nrhs));

    private static GeneratedSolver<T>.Invoker Wrap<T>(InPlaceNrhsBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, _, n, nrhs) => Outcome.From(f(a, b, n, nrhs));

    private static GeneratedSolver<T>.Invoker Wrap<T>(KeepResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, x, n, _) => Outcome.From(f(a, b, x, n));

    private static GeneratedSolver<T>.Invoker Wrap<T>(KeepBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, x, n, _) => Outcome.From(f(a, b, x, n));

    private static GeneratedSolver<T>.Invoker Wrap<T>(KeepNrhsResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, x, n, nrhs) => Outcome.From(f(a, b, x, n, nrhs));

    private static GeneratedSolver<T>.Invoker Wrap<T>(KeepNrhsBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, b, x, n, nrhs) => Outcome.From(f(a, b, x, n, nrhs));
}
